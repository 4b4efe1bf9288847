"""Contracts and CRM deals with a start and no end: each would run open-ended, a renewal stacked on what it renews.

A contracts export or a CRM's won deals (Salesforce's Contract or Opportunity: "Contract Start Date" and "Contract
Term (months)"; HubSpot's deals: "Close Date" and "Deal Type") often has no end column. Imported with the start alone,
every contract runs forever: a customer who did not renew never churns, and each renewal (a new contract or deal from
the old one's end) is added on top of the contract it renews, as expansion: MRR twice what is paid, silently. So,
where no end (and no billing interval: a billing export's subscription renews at its term's end) is mapped
(:func:`refuse_open_contracts`):

* an unused column of whole numbers whose name says a contract's term ("Term (months)", "Contract Term (months)",
  ``term_months``; :func:`~.interval_counts.count_or_term`) is refused naming it: the end is the start plus the term
  (the day before, the contract's last day), a column the import is given, not one it guesses;
* an unused column named as a deal's or an opportunity's type ("Deal Type", "Type", "Opportunity Type") that says a
  row renews or replaces a customer's earlier deal (Salesforce's "Renewal", "Existing Customer - Replacement";
  HubSpot's "Existing Business", a renewal or an upsell), or as a deal's name ("Opportunity Name", "Deal Name")
  saying a renewal ("Acme - Renewal 2026"), is refused naming it and its first such rows of a customer with another
  row: a renewal replaces the deal it renews, and without ends each deal is open-ended.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows, row_of, source_of
from .interval_counts import _whole, count_or_term
from .names import columns_option, key

__all__ = ["may_be_open_contracts", "refuse_open_contracts"]

#: Column names (:func:`~.names.key`) of a deal's or an opportunity's type.
_TYPES = frozenset({"type", "deal_type", "dealtype", "opportunity_type", "opportunitytype", "opportunity_record_type",
                    "contract_type", "business_type", "sale_type", "deal_kind"})  # fmt: skip
#: Words of a type (lower case, words joined by ``_``) saying the deal renews or replaces an earlier one.
_RENEWING = ("renewal", "renew", "existing_business", "existingbusiness", "replacement", "verlängerung",
             "renouvellement", "renovación", "renovacion", "rinnovo")  # fmt: skip
#: Column names (:func:`~.names.key`) of a deal's or an opportunity's name ("Acme - Renewal 2026"): only a renewal's
#: word in it is read (:data:`_RENEWAL_WORDS`).
_DEAL_NAMES = frozenset({"opportunity_name", "opportunityname", "deal_name", "dealname", "opportunity", "deal"})
_RENEWAL_WORDS = ("renewal", "renew", "verlängerung", "renouvellement", "renovación", "renovacion", "rinnovo")
#: The refusals' advice: the end, given as a column.
_END_ADVICE = "add each contract's end (its last day: in Excel =EDATE(start, term)-1) as a column and map it: {option}"


def _renewing(value: object, words: Sequence[str] = _RENEWING) -> bool:
    text = re.sub(r"[\s\-_]+", "_", str(value).strip().lower()) if isinstance(value, str) else ""
    return any(word in text for word in words)


def may_be_open_contracts(columns: Sequence[Any], names: Mapping[str, str]) -> bool:
    """Whether :func:`refuse_open_contracts` may refuse a table of ``columns`` mapped by ``names``, by the names
    alone (an engine's table is then read as a file's: relational.file_rules).

    >>> may_be_open_contracts(["Account", "Start", "Term (months)"], {"customer_id": "Account", "start": "Start"})
    True
    >>> may_be_open_contracts(["Account", "Start", "End", "Deal Type"], {"start": "Start", "end": "End"})
    False
    """
    if names.get("end") is not None or "interval" in names:
        return False
    used = {key(c) for c in names.values()}
    deals = _TYPES | _DEAL_NAMES
    return any(key(c) not in used and (count_or_term(c) == "term" or key(c) in deals) for c in map(str, columns))


def refuse_open_contracts(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """Refuse a contract's term or a renewal deal's type beside a start and no end (see the module docstring).

    >>> frame = pd.DataFrame({"Account": ["a", "a"], "Start": ["2025-01-01", "2026-01-01"], "Term (months)": [12, 12]})
    >>> refuse_open_contracts(frame, {"customer_id": "Account", "start": "Start"}, "c.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: c.csv: column 'Term (months)' holds each contract's term (row 2: \
12) and no end is mapped: read without it, every contract runs open-ended (a customer who did not renew is never \
lost, a renewal is added on top of the contract it renews); add each contract's end (its last day: in Excel \
=EDATE(start, term)-1) as a column and map it: --columns end=END
    """
    if names.get("end") is not None or "interval" in names:  # a billing export's term: its subscription renews
        return
    used = {key(c) for c in names.values()}
    option = columns_option([("end", "END")])
    for column in map(str, df.columns):
        if key(column) in used or [str(c) for c in df.columns].count(column) != 1 or count_or_term(column) != "term":
            continue
        numbers = _whole(df[column])
        if numbers is None:
            continue
        first = int(np.flatnonzero(~np.isnan(numbers))[0])
        raise DataError(
            f"{source}: column {column!r} holds each contract's term ({row_of(source_of(df, source), first)}: "
            f"{int(numbers[first])}) and no end is mapped: read without it, every contract runs open-ended (a "
            "customer who did not renew is never lost, a renewal is added on top of the contract it renews); "
            + _END_ADVICE.format(option=option),
            source=source,
            column=column,
        )
    who = names.get("customer_id")
    if who is None or who not in df.columns:
        return
    customers = df[who].map(lambda v: str(v).strip().lower() if pd.notna(v) else None)
    earlier = customers.duplicated(keep=False).to_numpy() & customers.notna().to_numpy()  # a customer's other row
    columns = sorted(map(str, df.columns), key=lambda c: key(c) not in _TYPES)  # a type first, then a deal's name
    for column in columns:
        if (
            key(column) in used
            or key(column) not in _TYPES | _DEAL_NAMES
            or list(map(str, df.columns)).count(column) != 1
        ):
            continue
        values = df[column]
        words = _RENEWING if key(column) in _TYPES else _RENEWAL_WORDS
        codes, distinct = pd.factorize(values, use_na_sentinel=True)  # each distinct value read once
        said = np.array([_renewing(v, words) for v in distinct] + [False], dtype=bool)
        renewing = said[np.where(codes >= 0, codes, len(distinct))]
        rows = np.flatnonzero(renewing & earlier)
        if len(rows):
            raise bad_rows(
                source,
                column,
                "deals renewing or replacing a customer's earlier deal (no end mapped)",
                rows[:5],
                values.to_numpy(),
                count=len(rows),
                advice="read without ends, each deal runs open-ended and a renewal is added on top of the deal it "
                "renews (expansion); add each deal's contract end (its last day) as a column and map it: "
                f"{option}",
            )
