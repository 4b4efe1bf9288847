"""Ids that are no customer, beyond the guest words of :data:`~.values.NO_ONE`: read as an id, each is one customer
who buys every month (a returning customer, a repeat purchaser, never lost).

* **Placeholder e-mails** a till or a shop's form needs for a walk-in sale: ``noemail@example.com``,
  ``none@none.com``, ``no@email.com``, ``walkin@store.com``, ``guest@shop.de`` (the part before the ``@`` is a word
  of no one, or the domain is ``noemail.com``, ``none.com``, ...): :func:`refuse_placeholder_emails`, asked only of
  ids holding an ``@``, once per distinct id (:func:`~._distinct.distinct`, Arrow's regular expressions).
* **Zeroed and erased ids**: the advertising id of a user who opted out of tracking
  (``00000000-0000-0000-0000-000000000000``), a GDPR-erased export's ``[deleted]``, ``redacted``, ``anonymized``:
  :data:`ERASED_IDS`, whole values among :data:`~.values.NO_ONE` (looked up with the guest words, no pass more).
* **Subtotal rows of a hand-kept sheet** whose label says a total of a period ("Total January", "January Total",
  "Total for January 2024", "Monthly total", "Summe Januar", "Subtotal Jan") or a subtotal ("Sous-total",
  "Zwischensumme"): the month's orders counted again as one more customer. Its amount is its month's other rows'
  sum: :func:`~.summaries.monthly_totals` finds such rows by their amounts (no pass over the ids where none is) and
  asks :func:`subtotal_labels` of their few ids. (A report's 'Total' at the end of a table is
  :mod:`~.summaries`'; a customer named 'Total' with dated orders is data.)

Each is refused naming the rows.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ._distinct import distinct
from .errors import ColumnValues, bad_rows

__all__ = [
    "ERASED_IDS",
    "placeholder_advice",
    "placeholder_emails",
    "placeholder_problem",
    "refuse_placeholder_emails",
    "subtotal_labels",
]

_NO_ONE_LOCAL = (
    r"no|none|non|nobody|no[._-]?one|noemail|no[._-]?e[._-]?mail|nomail|no[._-]?mail|no[._-]?address|noaddress|"
    r"na|n/a|null|nil|unknown|walk[._-]?ins?|guests?|anonymous|anon|noreply|no[._-]?reply|do[._-]?not[._-]?reply|"
    r"donotreply|dummy|placeholder|fake|keine?[._-]?e?[._-]?mail|keine?|gast|laufkunde|sans[._-]?e?mail|"
    r"pas[._-]?de[._-]?mail|sin[._-]?correo|sin[._-]?e?mail|nocorreo|no[._-]?correo|invite|invitado|x+"
)
_NO_ONE_DOMAIN = r"no[._-]?e?[._-]?mail|none|no[._-]?domain|nodomain|invalid|unknown|noreply|no[._-]?reply|fake"
_MONTHS = (
    r"jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar|rero)?|f[ée]v(?:rier)?|m[äa]r(?:ch|z|s|zo)?|apr(?:il)?|avr(?:il)?|"
    r"abr(?:il)?|may|mai|mayo|maio|maggio|jun(?:e|i|io|ho)?|juin|jul(?:y|i|io|ho)?|juil(?:let)?|aug(?:ust)?|ao[uû]t|"
    r"ago(?:sto)?|sep(?:t|tember|tembre|tiembre|tembro)?|set(?:tembre)?|o[ck]t(?:ober|obre|ubre|ubro)?|"
    r"nov(?:ember|embre|iembre|embro)?|de[cz](?:ember|embre|iembre|embro)?|dic(?:iembre|embre)?|okt(?:ober)?|"
    r"gen(?:naio)?|giu(?:gno)?|lug(?:lio)?|ott(?:obre)?|mrt|mei|maart|juni|juli"
)
_PERIODS = (
    rf"(?:{_MONTHS}|month|monthly|months|monat|monats|monatlich|mois|mensuel(?:le)?|mes|mensual|maand|week|weekly|"
    r"woche|day|daily|tag|quarter|quarterly|quartal|trimestre|q[1-4]|year|yearly|annual|jahr|ann[ée]e|a[ñn]o|ytd|mtd)"
)
_JOINS = r"(?:for|of|the|in|im|f[üu]r|du|de|des|del|di|van|per|pour|por|to|date)"
_TOTAL = r"(?:totals?|summe|sum|gesamt(?:summe)?|totaal|totale|totales|somme|suma)"
_SUB = r"(?:sub|sous|zwischen|teil)[\s_-]*(?:totals?|summe|sum|totaal|totale|totales)"
_SEP = r"[\s,:./()_-]+"
_WORD = rf"(?:{_PERIODS}|{_JOINS}|\d+)"
#: A whole id that is a subtotal row's label: a subtotal word, or a total word beside a period's (a month's) words.
SUBTOTAL = (
    rf"(?i)^\s*(?:(?:{_WORD}{_SEP})*{_SUB}(?:{_SEP}{_WORD})*"
    rf"|(?:{_WORD}{_SEP})*{_PERIODS}{_SEP}(?:{_WORD}{_SEP})*{_TOTAL}(?:{_SEP}{_WORD})*"
    rf"|(?:{_WORD}{_SEP})*{_TOTAL}{_SEP}(?:{_WORD}{_SEP})*{_PERIODS}(?:{_SEP}{_WORD})*)[\s:.]*$"
)
#: A whole id that is a placeholder e-mail: a word of no one before the ``@``, or a domain of no one.
PLACEHOLDER_EMAIL = rf"(?i)^(?:{_NO_ONE_LOCAL})@[^@\s]+$|^[^@\s]+@(?:{_NO_ONE_DOMAIN})\.[a-z.]+$"
#: Ids of no one that are whole values (lower case, as :data:`~.values.NO_ONE` is compared): a zeroed advertising
#: id, a GDPR-erased customer.
ERASED_IDS = frozenset({"00000000-0000-0000-0000-000000000000", "deleted", "[deleted]", "(deleted)", "<deleted>",
                        "redacted", "[redacted]", "(redacted)", "removed", "[removed]", "erased", "[erased]",
                        "anonymized", "anonymised", "[anonymized]", "[anonymised]", "anonymisiert", "gelöscht",
                        "[gelöscht]", "supprimé", "deleted user", "deleted customer", "user deleted",
                        "[deleted user]"})  # fmt: skip


def subtotal_labels(values: Any) -> list[Any]:
    """Of ``values`` (a few candidate ids), those that are a subtotal row's label (:data:`SUBTOTAL`).

    >>> subtotal_labels(["Total January", "Total Wine", "May", "Monthly total", "Sous-total", "Summe Januar"])
    ['Total January', 'Monthly total', 'Sous-total', 'Summe Januar']
    """
    whole = re.compile(SUBTOTAL)
    return [v for v in values if isinstance(v, str) and whole.match(v.strip())]


def _hits(ids: pd.Series, pattern: str) -> np.ndarray:
    """Positions of the ids (text) that match ``pattern`` whole; each distinct id is tested once."""
    found = distinct(ids)
    if found is not None:
        import pyarrow.compute as pc

        if not pc.any(pc.match_substring_regex(found, pattern)).as_py():
            return np.zeros(0, dtype=np.int64)
    text = ids.astype(object)
    whole = re.compile(pattern)
    matched = [u for u in pd.unique(text.dropna()) if isinstance(u, str) and whole.match(u)]
    if not matched:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(text.isin(matched).to_numpy(dtype=bool))


def refuse_placeholder_emails(ids: pd.Series, series: pd.Series, source: str, column: str, what: str) -> None:
    """Refuse (naming the rows) customer or visitor ids (``what``) that are placeholder e-mails
    (:data:`PLACEHOLDER_EMAIL`); asked only of ids holding an ``@``. ``ids``: the cleaned ids, ``series``: as written.

    >>> refuse_placeholder_emails(*(2 * [pd.Series(["a@x.com", "noemail@example.com"])]), "o.csv", "Email",
    ...                           "customer ids")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Email': customer ids that stand for no one (a placeholder \
e-mail typed for walk-in sales: all of them would be one customer who returns) in row 3 (counting the header as \
row 1): 'noemail@example.com': remove those rows, or give each customer their own id
    """
    rows = _hits(ids, PLACEHOLDER_EMAIL)
    if rows.size:
        problem, advice = placeholder_problem(what), placeholder_advice(what)
        raise bad_rows(source, column, problem, rows, ColumnValues(series), advice=advice)


def placeholder_emails(values: Any) -> list[Any]:
    """Of ``values`` (distinct ids), the placeholder e-mails (:data:`PLACEHOLDER_EMAIL`): the rule of
    :func:`refuse_placeholder_emails`, asked of a database table's distinct ids too (:mod:`xl_retention.relational`).

    >>> placeholder_emails(["a@x.com", "noemail@example.com", "walkin@store.com", "none"])
    ['noemail@example.com', 'walkin@store.com']
    """
    whole = re.compile(PLACEHOLDER_EMAIL)
    return [v for v in values if isinstance(v, str) and whole.match(v)]


def placeholder_problem(what: str) -> str:
    """The refusal's words for placeholder e-mails as ids (``what``: "customer ids"); :func:`placeholder_advice`
    says what to do, after the rows."""
    who = "visitor" if what.startswith("visitor") else "customer"
    return (
        f"{what} that stand for no one (a placeholder e-mail typed for walk-in sales: all of them would be one "
        f"{who} who returns)"
    )


def placeholder_advice(what: str) -> str:
    """What to do about :func:`placeholder_problem`'s ids (``what``: "customer ids")."""
    who = "visitor" if what.startswith("visitor") else "customer"
    return f"remove those rows, or give each {who} their own id"
