"""A list of customers or users with a count of their orders or sessions, given as orders or visits.

Shopify's Customers export (Email, Created at, "Total Spent", "Total Orders"), Stripe's ("Total Spend", "Payment
Count"), a CRM's contacts with
``orders_count``, a GA4 user list ("Sessions", "Last session date"): one row per customer. Imported as orders or
visits, each customer's lifetime spend was one order at sign-up and no one returned (H36 finding 13), silently. A
column not read, named as a count of orders, purchases, sessions or visits (``Total Orders``, ``orders_count``,
"Number of orders", ``Sessions``, "Anzahl Bestellungen", ``visites``), of whole numbers with one above 1, in a file
where each id is on one row, says the file is such a list: refused naming the column (export the orders or visits
themselves). An order's own number or total (WooCommerce's ``order_number``, ``order_total``), or a column equal to the
mapped order id on every row, is no count (H158 finding 05).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .errors import DataError, row_of, source_of

__all__ = ["count_columns", "refuse_customer_lists", "says_counts"]

_EVENTS = {
    "orders": r"orders?|purchases?|transactions|payments|payment(?=_count)|bestellungen|k[äa]ufe|commandes|achats|"
    r"pedidos|compras|ordini|acquisti|bestellingen|aankopen",
    "visits": r"sessions?|visits?|sitzungen|besuche|visites|sesiones|visitas|sessioni|visite|bezoeken",
}
_COUNT = (
    r"(?:total_|number_of_|num_|no_of_|nb_|count_of_|anzahl_(?:der_)?|nombre_(?:de_|d_)?|n[uú]mero_de_|numero_di_|"
    r"aantal_)?"
)
_SUFFIX = r"(?:_count|_total|_number|_anzahl)?"
#: An order's or purchase's own number or amount (WooCommerce's ``order_number``, ``order_total``): no count.
_OWN = re.compile(r"(?:order|purchase)_(?:number|total)")


def _count_name(kind: str) -> re.Pattern[str]:
    return re.compile(rf"{_COUNT}(?:{_EVENTS[kind]}){_SUFFIX}")


def refuse_customer_lists(df: pd.DataFrame, names: Mapping[str, str], kind: str, source: str) -> None:
    """Refuse an orders or visits table (``df``, every column; ``names``: ours -> the file's) that is a list of
    customers or users with a count of their orders or sessions (see the module docstring).

    >>> df = pd.DataFrame({"Email": ["a@x.com", "b@x.com"], "Created at": ["2024-01-05", "2024-01-20"],
    ...                    "Total Orders": ["6", "1"]})
    >>> refuse_customer_lists(df, {"customer_id": "Email", "date": "Created at"}, "orders", "customers.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: customers.csv, column 'Total Orders': a list of customers (one row per \
'Email', with the number of their orders: '6' in row 2), not one row per order: each customer's orders would count \
as one, at 'Created at'; export the orders themselves (one row per order, with its customer and date)
    """
    if kind not in _EVENTS:
        return
    ours = "customer_id" if kind == "orders" else "visitor_id"
    who, when = names.get(ours), names.get("date")
    columns = list(map(str, df.columns))
    if who is None or when is None or columns.count(who) != 1 or len(df) < 2:
        return
    order = names.get("order_id")
    for name in count_columns(columns, names, kind):
        text = df[name].astype(object).where(df[name].notna(), "").astype(str).str.strip()
        numbers = _counts(text)
        if numbers is None or df[who].duplicated().any() or _is_order_id(text, df, order, columns):
            continue
        first = numbers[numbers > 1].index[0]
        position = df.index.get_loc(first)
        person, events = ("customer", "orders") if kind == "orders" else ("visitor", "visits")
        where = row_of(source_of(df, source), int(position))
        raise DataError(
            f"{source}, column {name!r}: a list of {person}s (one row per {who!r}, with the number of their {events}: "
            f"{text.loc[first]!r} in {where}), not one row per {events[:-1]}: each {person}'s "
            f"{events} would count as one, at {when!r}; export the {events} themselves (one row per {events[:-1]}, "
            f"with its {person} and date)",
            source=source,
            column=name,
        )


def count_columns(columns: list[str], names: Mapping[str, str], kind: str) -> list[str]:
    """The columns of ``columns`` not read (``names``: ours -> the file's) named as a count of the ``kind``'s events
    (``Total Orders``, ``Sessions``), each once.

    >>> count_columns(["Email", "Created at", "Total Orders"], {"customer_id": "Email"}, "orders")
    ['Total Orders']
    >>> count_columns(["billing_email", "order_number", "order_total", "Order Count"], {}, "orders")
    ['Order Count']
    """
    from .names import key

    if kind not in _EVENTS:
        return []
    pattern, used = _count_name(kind), {str(c) for c in names.values()}
    return [
        c
        for c in columns
        if c not in used and columns.count(c) == 1 and pattern.fullmatch(key(c)) and not _OWN.fullmatch(key(c))
    ]


def _is_order_id(text: pd.Series, df: pd.DataFrame, order: str | None, columns: list[str]) -> bool:
    """Whether ``text`` (a column as stripped text) repeats the mapped order id column ``order`` on every row: the
    order's number beside its id (WooCommerce's ``order_number`` and ``order_id``), no count."""
    if order is None or columns.count(order) != 1:
        return False
    ids = df[order].astype(object).where(df[order].notna(), "").astype(str).str.strip()
    return bool((ids == text).all())


def says_counts(values: Any) -> bool:
    """Whether ``values`` (a column's distinct values) are counts that say a list (:func:`refuse_customer_lists`):
    whole numbers, none below 0, one above 1. The rule asked of a database table's column (:mod:`..relational`).

    >>> says_counts(["6", "1", None, ""]), says_counts([1, 0]), says_counts(["6", "x"])
    (True, False, False)
    """
    series = pd.Series(list(values), dtype=object)
    return _counts(series.where(series.notna(), "").astype(str).str.strip()) is not None


def _counts(text: pd.Series) -> pd.Series | None:
    """The numbers of ``text`` (a column as stripped text) when they are counts with one above 1, else None."""
    numbers = pd.to_numeric(text[text != ""], errors="coerce")
    if numbers.empty or numbers.isna().any() or (numbers % 1 != 0).any() or (numbers < 0).any():
        return None
    return numbers if (numbers > 1).any() else None
