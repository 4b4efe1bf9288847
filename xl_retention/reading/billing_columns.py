"""The columns of a billing export (a price per billing interval): which are there, which are missing, and the MRR.

Split from :mod:`.columns` (which imports everything here): :func:`is_billing` tells a billing export,
:func:`billing_optional` its optional columns, the ``_refuse_*`` checks refuse a column that would change the MRR
unused (a quantity or an interval count: :mod:`.count_columns`, imported from here too), and :func:`billing_mrr`
turns the price per interval into MRR (:mod:`.billing`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .billing import BILLING_ALIASES, bare_key, interval_months, monthly_amounts, price_in_cents
from .charge_segments import segment_dates
from .count_columns import (  # noqa: F401 (moved out: .columns, .preparation, relational.inputs import them here)
    _COUNT_WORDS,
    _COUNTED,
    _COUNTING,
    _DAY_WORDS,
    _MONEY_WORDS,
    _NOT_COUNT,
    _QUANTITY_WORDS,
    _TEAM_SIZE,
    _named_like,
    _quantities,
    _refuse_billing_names_without_interval,
    _refuse_count_without_interval,
    _refuse_price_per_month_and_quantity,
    _refuse_sample_spans,
    _refuse_unused_billing_columns,
    _whole_counts,
    _words_of_interval,
    unused_named_counts,
)
from .ends import end_like_columns
from .errors import DataError, bad_rows
from .extra_prices import add_on_columns  # noqa: F401 (relational.mirrors imports it from here)
from .interval_columns import _number, interval_by_values
from .line_totals import line_total, refuse_unused_totals
from .names import columns_option, key, keys_of
from .notes import note
from .renewals import renewal_column
from .revenue import says_cents
from .smallest_units import currency_divisors, minor_unit_divisors

__all__ = ["billing_mrr", "billing_optional", "both_prices", "in_cents", "is_billing"]

_BILLING = ("amount", "interval", "interval_count", "quantity")


def is_billing(names: Sequence[Any], columns: Mapping[str, str] | None = None) -> bool:
    """Whether a subscriptions table with columns ``names`` is a billing export: it has a billing interval
    column (``interval`` or one of its :data:`~.billing.BILLING_ALIASES`, or one mapped to ``interval``),
    and ``mrr`` is not mapped to a column named as monthly revenue (``mrr=MRR``: already per month, the
    interval column is then only a description).

    >>> is_billing(["Customer ID", "Plan Amount", "Plan Interval"]), is_billing(["customer_id", "month", "mrr"])
    (True, False)
    >>> is_billing(["Customer", "MRR", "Plan Interval"], {"mrr": "MRR"})
    False
    """
    columns = columns or {}
    if "interval" in columns:
        return True
    if _monthly(columns.get("mrr")):
        return False
    return bool({k for c in names for k in keys_of(c)} & {"interval", *BILLING_ALIASES["interval"]})


_PER = frozenset({"per", "a", "each", "every"})
_MONTH = frozenset({"month", "mo", "mth", "mon"})


def _monthly(name: str | None) -> bool:
    """Whether a column's name says an amount per month: monthly recurring revenue (``MRR``, "Monthly Recurring
    Revenue", ``mrr_usd``) or a monthly amount (``monthly_amount``, "Monthly fee", "Amount per month", "Price/mo").

    >>> [_monthly(n) for n in ("MRR", "monthly_price", "Amount per month", "Price/month", "Plan Amount", "Month")]
    [True, True, True, True, False, False]
    """
    if name is None:
        return False
    k = bare_key(key(name)) or key(name)
    words = re.findall(r"[a-z0-9]+", k)
    per = any(w in _MONTH and i > 0 and words[i - 1] in _PER for i, w in enumerate(words))
    return "mrr" in words or "monthly" in words or per or bool(re.search(r"/\s*(month|mo|mth)\b", str(name).lower()))


def in_cents(name: Any) -> bool:
    """Whether a billing export's price column holds cents (its name says so: ``unit_amount_in_cents``).

    >>> in_cents("unit_amount_in_cents"), in_cents("Plan Amount")
    (True, False)
    """
    return says_cents(name)  # also "Preis in Cent", "prix_centimes" (reading.revenue)


def _matching(df: pd.DataFrame, name: str, columns: Mapping[str, str]) -> list[str]:
    """The columns of ``df`` that are ``name`` by its name, a billing alias or the column map."""
    wanted = {key(columns[name])} if name in columns else {name, *BILLING_ALIASES.get(name, ())}
    return [str(c) for c in df.columns if keys_of(c) & wanted]


def period_interval(
    names: Sequence[Any], columns: Mapping[str, str], distinct: Callable[[str], Sequence[Any]], source: str = "input"
) -> str | None:
    """The column to take as the billing interval when it is named "Billing Period" and holds interval words (Zuora:
    Month, Quarter, Semi-Annual, Annual, Two Years, ...), not Chargebee's count of ``billing_period_unit``; None
    otherwise (an interval mapped or found by another name, no such column, numbers, or no value that is an
    interval: :func:`~.billing.interval_months`). A value that says no months (``Multi-Year``) beside interval
    words is refused later, naming its rows. Without such a column, a column of another name holding intervals
    ("Billing Frequency": Yearly, Monthly) is found by its values (:func:`~.interval_columns.interval_by_values`).
    ``distinct(column)``: some of the column's distinct values.

    >>> period_interval(["Account Number", "Billing Period", "Price"], {}, lambda c: ["Month", "Annual", None])
    'Billing Period'
    >>> period_interval(["billing_period", "billing_period_unit"], {}, lambda c: [1, 3]) is None
    True
    """
    if "interval" in columns:
        return None
    keys = [keys_of(n) for n in names]
    if any(k & {"interval", *BILLING_ALIASES["interval"]} for k in keys):
        return None
    periods = [str(n) for n, k in zip(names, keys, strict=True) if "billing_period" in k]
    if len(periods) != 1:
        return interval_by_values(names, columns, distinct, source)
    values = [v for v in distinct(periods[0]) if not _blank(v)]
    numbers = [v for v in values if _number(v)]  # Chargebee's count of billing_period_unit
    readable = [v for v in values if interval_months(v) is not None]
    # interval words (one of them may be one that says no months, 'Multi-Year': refused naming its rows, never
    # a reason to read the column as something else)
    if readable and not numbers:
        return periods[0]
    return interval_by_values([n for n in names if str(n) != periods[0]], columns, distinct, source)


def _blank(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def _check_dates_given(df: pd.DataFrame, kind: str, columns: Mapping[str, str], source: str) -> None:
    """A subscriptions file with neither ``month`` nor ``start`` (a billing export, or any file with a column named as
    a start: ``start_date``): one message that says both ways and names the file's likely date columns, never a
    bare "map month" that would read one row per subscription as monthly snapshots."""
    if kind != "snapshots" or _matching(df, "month", columns) or "start" in columns or "month" in columns:
        return
    billing = is_billing(df.columns, columns)
    # the words in order of preference: Stripe's 'Start (UTC)' before 'Created (UTC)'; never a trial's or a period's;
    # the end of service before the request to cancel (Recurly's expires_at, not its canceled_at: service runs on)
    words = {"start": ("start", "started", "activated", "created", "began"), "end": ("ended", "expires", "expired",
             "end_date", "end", "cancelled_at", "canceled_at")}  # fmt: skip
    keys = [(str(c), bare_key(key(c)) or key(c)) for c in df.columns
            if not any(w in key(c) for w in ("trial", "period", "cancel_at")) and not renewal_column(c)]  # fmt: skip
    guess = {ours: next((c for w in found for c, k in keys if k == w or k.startswith((w + "_", w + "("))), None)
             or next((c for w in found for c, k in keys if w in k), None) for ours, found in words.items()}  # fmt: skip
    if guess["end"] is None and guess["start"] is not None:  # Zuora's Subscription.CancelledDate (reading.ends)
        guess["end"] = next(iter(end_like_columns(df.columns, {"start": guess["start"]})), None)
    if not billing and guess["start"] is None:  # no column named as a start: the plain missing-column message
        return
    segments = None
    if guess["start"] is not None:  # Zuora's rate plan charges: a subscription's dates on each of its segments
        segments = segment_dates(df, guess["start"], guess["end"], next(iter(_matching(df, "customer_id", columns)),
                                 None))  # fmt: skip
    if segments is not None:  # each row's own dates, not its subscription's (which would count each over the whole)
        guess = dict(zip(("start", "end"), segments, strict=True))
    pairs = [(ours, theirs) for ours, theirs in guess.items() if theirs] or [("start", "NAME"), ("end", "NAME")]
    customer = customer_mapping(df, columns)  # no customer_id either: one mapping for all (H515's finding 02)
    pairs += customer
    if billing:  # Paddle's items.quantity, items.price.unit_price.amount: the whole mapping (H349's finding 02)
        pairs += billing_mapping(df, {**columns, **{o: t for o, t in pairs if t != "NAME"}}, source)
    example = f"{columns_option(pairs)} (in Python: columns={dict(pairs)!r})"  # as every missing column's note
    if segments is not None:
        example += (
            f": each row's own dates, as rows of one subscription follow each other by {segments[0]!r} and "
            f"{segments[1]!r} (a plan changed mid-term: segments, each counted from its own start)"
        )
    listing = ", ".join(repr(str(c)) for c in df.columns)
    if not billing and guess["end"] is None and _orders_like(df):  # customer, a date, an amount: orders (H194/08)
        raise DataError(
            f"{source}: no dates of the subscriptions (columns found: {listing}): it looks like orders (one date and "
            f"an amount per row, no end, plan or subscription): import it with --orders; if it is subscriptions, "
            f"map their start and end (--columns start={guess['start']},end=NAME; in Python: "
            f"columns={{'start': {guess['start']!r}, 'end': 'NAME'}})",
            source=source,
            column="start",
        )
    interval = (_matching(df, "interval", columns) or ["interval"])[0]
    said = f"; {interval!r} makes it a billing export (MRR from the price per interval: no 'mrr' needed)"
    raise DataError(
        f"{source}: no dates of the subscriptions (columns found: {listing}): a 'start' column (one row per "
        f"subscription, 'end' when it stopped) or a 'month' column (one row per customer and month)"
        f"{said if billing else ''}{_NO_CUSTOMER if customer else ''}; map them: {example}",
        source=source,
        column="start",
    )


#: what the refusal of a subscriptions file without dates adds where it has no customer id either
_NO_CUSTOMER = "; no 'customer_id' column either"


def customer_mapping(df: pd.DataFrame, columns: Mapping[str, str]) -> list[tuple[str, str]]:
    """``[('customer_id', column)]`` where ``df`` has no customer id by its name, an object's id or the mapping
    (``customers.id``, ``subscription.customer_id``): the column named as an account's id (Recurly's
    ``account_code``, Zuora's "Account Number") where there is one, else ``NAME``; ``[]`` where it has one.

    >>> customer_mapping(pd.DataFrame(columns=["account_code", "activated_at"]), {})
    [('customer_id', 'account_code')]
    >>> customer_mapping(pd.DataFrame(columns=["customers.id", "activated_at"]), {})
    []
    """
    from .columns import account_columns

    if "customer_id" in columns or _matching(df, "customer_id", columns):
        return []
    account = account_columns(df)
    return [("customer_id", account[0] if len(account) == 1 else "NAME")]


def billing_mapping(df: pd.DataFrame, columns: Mapping[str, str], source: str) -> list[tuple[str, str]]:
    """The billing columns a billing export's import would next refuse unmapped, each with the column to map, so that
    one refusal names the whole mapping: a quantity or an interval count named so and not used
    (:func:`~.count_columns.unused_named_counts`: Paddle's ``items.quantity``) and the price per interval where no
    column is named ``amount`` (:func:`price_mapping`: Paddle's ``items.price.unit_price.amount``). ``columns``: the
    mapping so far (ours to the file's); a column is found by it, its name or a billing alias (:func:`_matching`).

    >>> df = pd.DataFrame({"id": ["sub_1"], "started_at": ["2026-01-05"], "billing_cycle.interval": ["month"],
    ...                    "items.price.unit_price.amount": ["49.00"], "items.quantity": ["2"]})
    >>> billing_mapping(df, {"start": "started_at"}, "p.csv")
    [('quantity', 'items.quantity'), ('amount', 'items.price.unit_price.amount')]
    """
    names = {ours: theirs for ours, theirs in columns.items() if theirs}
    for ours in ("customer_id", "interval", "interval_count", "quantity", "amount", "mrr"):
        found = _matching(df, ours, columns)
        if ours not in names and found:
            names[ours] = found[0]
    try:
        counts = unused_named_counts(df, names, source)
    except DataError:  # interval words that disagree with the interval: refused later, naming the rows
        counts = []
    return [*counts, *price_mapping(df, {**names, **dict(counts)}, source)]


def price_mapping(df: pd.DataFrame, names: Mapping[str, str], source: str) -> list[tuple[str, str]]:
    """``[('amount', column)]`` where a billing export has no price per interval by its name or the mapping
    (neither ``amount`` nor ``mrr`` in ``names``) and one column is named as a price (:func:`_price_named`);
    ``[]`` otherwise (:func:`price_needed` then says how to map it).

    >>> price_mapping(pd.DataFrame({"interval": ["month"], "plan.amount": ["49"]}), {"interval": "interval"}, "p")
    [('amount', 'plan.amount')]
    """
    if "amount" in names or "mrr" in names:
        return []
    priced = _price_named(df, names, source)
    return [("amount", priced)] if priced else []


def _orders_like(df: pd.DataFrame) -> bool:
    """Whether ``df``'s columns are an orders file's: at most an id, a customer, a date, an amount and an order id
    (4 or 5 columns), none with a subscription's word (MRR, plan, interval, subscription, status, end, trial).

    >>> _orders_like(pd.DataFrame(columns=["Customer", "Created", "amount"]))
    True
    >>> _orders_like(pd.DataFrame(columns=["Customer", "Created", "amount", "Plan"]))
    False
    """
    said = {w for c in df.columns for w in re.split(r"[^a-z0-9]+", str(c).lower()) if w}
    subscription = {"mrr", "arr", "plan", "interval", "subscription", "subscriptions", "status", "state", "end",
                    "ended", "ends", "expires", "cancelled", "canceled", "trial", "period", "seats", "quantity",
                    "price", "recurring", "renewal", "term", "month", "billing", "sub"}  # fmt: skip
    return len(df.columns) <= 5 and not said & subscription


def billing_optional(optional: Sequence[str], columns: Mapping[str, str]) -> tuple[str, ...]:
    """The optional columns of a billing export: ``mrr`` (the price per interval when mapped so) and the billing
    columns; a column mapped to ``amount`` leaves ``mrr`` out (MRR is computed from the price), one mapped to
    ``mrr`` leaves ``amount`` out."""
    money = () if "amount" in columns else ("mrr",)
    return (*money, *(c for c in optional if not ("mrr" in columns and c == "amount")))


def both_prices(source: str, names: Mapping[str, str]) -> DataError:
    """The refusal of a billing export with a price column and an MRR column, neither mapped: both ways out."""
    amount, mrr = names["amount"], names["mrr"]
    return DataError(
        f"{source}: both {amount!r} and {mrr!r} are there with {names['interval']!r}: which is the price per "
        f"billing interval cannot be told; map one of them: {columns_option([('amount', amount)])} (the price per "
        f"interval: MRR is computed from it, {mrr!r} is not used) or {columns_option([('mrr', mrr)])} (already "
        f"per month: the billing interval is not used)",
        source=source,
    )


def _nested_price(column: str) -> bool:
    """Whether ``column`` is a flattened API object's price amount: Paddle Billing's
    ``items[0].price.unit_price.amount``, Stripe's ``items.data[0].price.unit_amount`` or ``plan.amount``.

    >>> [_nested_price(c) for c in ("items[0].price.unit_price.amount", "plan.amount", "amount", "tax.amount")]
    [True, True, False, False]
    """
    parts = [p for p in re.split(r"[.\[\]]+", column.strip().lower()) if p]
    return len(parts) > 1 and parts[-1] in ("amount", "unit_amount") and bool({"price", "unit_price", "plan"} & {
        *parts[:-1]})  # fmt: skip


def _price_named(df: pd.DataFrame, names: Mapping[str, str], source: str) -> str | None:
    """The one column not used whose name says a price (:func:`~.extra_prices.extra_price_columns`: Maxio's
    ``product_price_in_cents``; a flattened object's price, :func:`_nested_price`: Paddle's
    ``items[0].price.unit_price.amount``, H211 finding 03) and which holds numbers; None where there is none or more
    than one."""
    from .extra_prices import extra_price_columns
    from .values import parse_numbers

    used = {str(c) for c in names.values()}
    candidates = extra_price_columns(df.columns, names)
    candidates += [c for c in map(str, df.columns) if c not in used and c not in candidates and _nested_price(c)]
    found = []
    for column in candidates:
        if list(map(str, df.columns)).count(column) != 1:
            continue
        try:
            values = parse_numbers(df[column], source, column, allow_blank=True)
        except DataError:
            continue
        if np.isfinite(values).any():
            found.append(column)
    return found[0] if len(found) == 1 else None


def price_needed(df: pd.DataFrame, names: Mapping[str, str], source: str) -> DataError:
    """The refusal of a billing export without the price per interval, naming a column per month already and a
    column named as a price (:func:`_price_named`: Maxio's ``product_price_in_cents``, Paddle's
    ``items[0].price.unit_price.amount``) where the file has one; ``df``: the file's rows (a database table's first
    rows), by their own names. A file's and a database table's (:mod:`..relational.inputs`) alike.

    >>> df = pd.DataFrame({"customer_id": ["a"], "billing_cycle.interval": ["month"],
    ...                    "items[0].price.unit_price.amount": ["4900"]})
    >>> print(price_needed(df, {"interval": "billing_cycle.interval"}, "p.csv"))  # doctest: +ELLIPSIS
    p.csv: a billing interval column ('billing_cycle.interval') needs the price per interval: ...; \
'items[0].price.unit_price.amount' is named as a price: --columns 'amount=items[0].price.unit_price.amount'
    """
    monthly = [str(c) for c in df.columns if _monthly(str(c))]
    per_month = f"; or, {monthly[0]!r} being per month already: --columns mrr={monthly[0]}" if monthly else ""
    priced = _price_named(df, names, source)  # Maxio's 'product_price_in_cents': named as a price, not mapped
    named = f"; {priced!r} is named as a price: {columns_option([('amount', priced)])}" if priced else ""
    return DataError(
        f"{source}: a billing interval column ({names['interval']!r}) needs the price per interval: "
        f"an 'amount' column, or map it: --columns amount=NAME (in Python: columns={{'amount': 'NAME'}})"
        f"{per_month}{named}",
        source=source,
        column="amount",
    )


def billing_mrr(
    typed: dict[str, Any],
    names: dict[str, str],
    columns: Mapping[str, str],
    source: str,
    df: pd.DataFrame,
    amounts: str | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """``mrr`` from the amount per interval; the billing columns dropped. ``amounts``: ``--amounts`` (whole amounts
    in cents or units, :func:`~.smallest_units.minor_unit_divisors`)."""
    if "amount" in typed and "mrr" in typed:
        raise both_prices(source, names)
    money = "amount" if "amount" in typed else "mrr"
    if money not in typed:
        raise price_needed(df, names, source)
    if money == "mrr" and "mrr" not in columns:
        raise DataError(
            f"{source}: {names['mrr']!r} and {names['interval']!r} are both there: is {names['mrr']!r} per month or "
            f"per billing interval? map amount={names['mrr']} to convert it by the interval, or mrr={names['mrr']} if "
            f"it is per month (the interval is then not used)",
            source=source,
            column=names["mrr"],
        )
    amount = typed.pop(money)
    if money == "amount" and "quantity" in typed and line_total(df, amount, typed["quantity"], names, source):
        typed.pop("quantity")  # 'Plan Amount' = 'Plan Unit Price' x 'Plan Quantity': the total (reading.line_totals)
    if money == "amount":  # Recurly's 'subtotal' 230 beside unit_amount 200: add-ons left out (reading.line_totals)
        refuse_unused_totals(df, amount, typed.get("quantity"), names, source)
    mapped = any(key(v) == key(names[money]) for v in columns.values())
    ids = typed["customer_id"]
    stripe = lambda: bool(pd.Series(ids).astype(str).str.startswith("cus_").any())  # noqa: E731
    divisors = minor_unit_divisors(df, ids, names[money], source, amounts)  # Stripe's, Paddle's API: 4900 is 49.00
    if divisors is not None:
        amount = amount / divisors
    elif (amounts != "units" or in_cents(names[money])) and price_in_cents(
        names[money], in_cents(names[money]), mapped, stripe, source, names.values()
    ):  # in cents: its name says so, or Stripe's unit_amount (unless --amounts units); JPY 990 is 990 yen
        amount = amount / currency_divisors(df)
        if not in_cents(names[money]):  # Stripe's unit_amount, not a name that says cents: say so (reading.notes)
            note(
                f"{source}: {names[money]!r} was read in cents, as Stripe's exports write it (customer ids cus_...); "
                f"if it is in units, map it: --columns amount={names[money]}"
            )
    for extra, wrong, problem in (
        ("quantity", lambda q: q < 0, "negative quantities"),
        ("interval_count", lambda c: c <= 0, "interval counts below 1"),
    ):
        if extra in typed and wrong(typed[extra]).any():
            written = df[names[extra]].to_numpy() if [str(c) for c in df.columns].count(names[extra]) == 1 else None
            shown = typed[extra] if written is None else written  # the values as the file writes them ('-3')
            raise bad_rows(source, names[extra], problem, np.flatnonzero(wrong(typed[extra])), shown)
    typed["mrr"] = monthly_amounts(amount, typed.pop("interval"), typed.pop("quantity", None),
                                   typed.pop("interval_count", None))  # fmt: skip
    names = {k: v for k, v in names.items() if k not in _BILLING or k == "amount"}
    names["mrr"] = names.pop("amount", names.get("mrr", "mrr"))
    return typed, names
