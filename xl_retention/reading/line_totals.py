"""A billing export's amount that is a row's total (price x quantity), not the price of one unit.

MRR = amount x quantity / months per interval takes the amount as the price of ONE unit. A total mapped as the amount
(Chargebee's "Plan Amount", its ``plan_unit_price x plan_quantity``; a seats sheet's "Total") would be multiplied by
the quantity again: 2,500 for 5 seats at 100. So, beside a quantity other than 1:

* **proven by the file**: another price column (:data:`_PRICE_WORDS`: "Plan Unit Price", "Unit Price", ``unit_amount``)
  times the quantity is the amount on every row of a quantity other than 1: the amount is the total, the MRR is
  amount / months, with a note. Where it is on some rows only, which the amount is cannot be told: refused, naming
  the other rows;
* **by the vendor's own definition**: Chargebee's object-prefixed ``subscriptions.plan_amount`` is the total (also
  where the price column x the quantity is not, on some rows: a volume or tiered price; with a note); not mapped, it
  is compared as a total is (:func:`refuse_unused_totals`);
* **by its name only** (:data:`_TOTAL_WORDS`: "Total", "Line Total", ``subtotal``, ``amount_total``, "Gesamtpreis"),
  with no price column to tell: refused, naming the rows of a quantity other than 1.

The checks run on a billing export's rows only (its subscriptions), one array operation per price column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np

from .billing import bare_key
from .errors import DataError, bad_rows, row_of, source_of
from .names import key
from .notes import note

__all__ = ["line_total", "may_be_line_total", "refuse_unused_totals"]

#: Words of a column's name that say the price of one unit (a total is that times the quantity).
_PRICE_WORDS = frozenset({"unit", "price", "preis", "einzelpreis", "stückpreis", "prix", "precio", "prezzo", "prijs",
                          "preço", "preco", "each"})  # fmt: skip
#: Words of a column's name that say it is no price of the plan (a tax, a discount, an add-on, a payment).
_NOT_PRICE = frozenset({"tax", "taxes", "vat", "mwst", "ust", "tva", "iva", "gst", "discount", "coupon", "rabatt",
                        "remise", "descuento", "addon", "addons", "add", "refund", "refunded", "paid", "due", "credit",
                        "credits", "balance", "fee", "fees", "setup", "shipping", "count", "id"})  # fmt: skip
#: Words of a column's name that say a total.
_TOTAL_WORDS = frozenset({"total", "subtotal", "totals", "gesamt", "gesamtbetrag", "gesamtpreis", "summe", "totale",
                          "totaal", "line_total"})  # fmt: skip


def _words(name: Any) -> set[str]:
    return {w for w in re.split(r"[^0-9a-zà-ÿ]+", key(name)) if w}


def _price_columns(columns: Any, names: Mapping[str, str]) -> list[str]:
    """The columns of ``columns`` named as the price of one unit and not used as one of ours (``names``)."""
    used = {key(v) for v in names.values()}
    out = []
    for column in map(str, columns):
        words = _words(column)
        if key(column) not in used and words & _PRICE_WORDS and not words & _NOT_PRICE:
            out.append(column)
    return out


def _chargebee_total(name: str) -> bool:
    """Whether ``name`` is Chargebee's object-prefixed ``plan_amount`` (its unit price x quantity)."""
    return bare_key(key(name)) == "plan_amount"


def _named_total(name: str) -> bool:
    words = _words(name)
    return bool(words & _TOTAL_WORDS) or any(w.startswith("gesamt") for w in words)


def may_be_line_total(columns: Any, names: Mapping[str, str]) -> bool:
    """Whether a billing table with ``columns`` and the map ``names`` (ours -> theirs) uses a quantity beside an
    amount that :func:`line_total` has to test (another price column, or a name that says a total): the SQL backends
    then read it as a file's.

    >>> may_be_line_total(["c", "Quantity", "Unit Price", "Total"], {"amount": "Total", "quantity": "Quantity"})
    True
    >>> may_be_line_total(["c", "Quantity", "Price"], {"amount": "Price", "quantity": "Quantity"})
    False
    """
    if "amount" not in names:
        return False
    used = {key(v) for v in names.values()}  # an unused 'subtotal' (refuse_unused_totals)
    if any(key(c) not in used and (_words(c) & _TOTAL_WORDS and not _words(c) & _NOT_PRICE or _chargebee_total(c))
           for c in columns):  # fmt: skip
        return True
    if "quantity" not in names:
        return False
    amount = names["amount"]
    return _named_total(amount) or _chargebee_total(amount) or bool(_price_columns(columns, names))


def line_total(df: Any, amount: np.ndarray, quantity: np.ndarray, names: Mapping[str, str], source: str) -> bool:
    """Whether the billing amount ``amount`` (the column ``names["amount"]`` of ``df``, as read) is each row's total
    (price x ``quantity``), to be used without the quantity; refused where it may be and cannot be told (see the
    module docstring).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"Quantity": [5, 1], "Unit Price": [100, 100], "Total": [500, 100]})
    >>> line_total(df, np.array([500.0, 100.0]), np.array([5.0, 1.0]), {"amount": "Total", "quantity": "Quantity"},
    ...            "s.csv")
    True
    """
    from .values import parse_numbers

    column = names["amount"]
    q = np.asarray(quantity, dtype=np.float64)
    a = np.asarray(amount, dtype=np.float64)
    several = ~np.isnan(q) & (q != 1) & (q != 0) & ~np.isnan(a) & (a != 0)
    if not several.any():
        return False
    for price in _price_columns(df.columns, names):
        if [str(c) for c in df.columns].count(price) != 1:
            continue
        try:
            p = parse_numbers(df[price], source, price, allow_blank=True)
        except DataError:
            continue
        rows = several & ~np.isnan(p) & (p != 0)
        total = rows & (np.abs(a - p * q) <= 0.005 * np.abs(q) + 1e-9 * np.abs(a))  # a unit price rounded to cents
        if not total.any():
            continue
        if not total[rows].all() and _chargebee_total(column):  # a volume or tiered price, a free quantity
            first = int(np.flatnonzero(rows & ~total)[0])
            note(
                f"{source}: {column!r} (Chargebee's amount billed for the plan) is not {price!r} x "
                f"{names['quantity']!r} in {row_of(source_of(df, source), first)} ({a[first]:g}, not {p[first]:g} x "
                f"{q[first]:g}): it is the subscription's total by Chargebee's definition, taken as it is"
            )
            return True
        if total[rows].all():
            first = int(np.flatnonzero(total)[0])
            where = row_of(source_of(df, source), first)
            note(
                f"{source}: {column!r} is {price!r} x {names['quantity']!r} on every row of a quantity other than 1 "
                f"({where}: {a[first]:g} = {p[first]:g} x {q[first]:g}): it is the subscription's total, "
                f"taken as it is (MRR = {column} / months per interval), not multiplied by the quantity again"
            )
            return True
        problem = (
            f"amounts that are not {price!r} x {names['quantity']!r}, where other rows' are "
            f"({row_of(source_of(df, source), int(np.flatnonzero(total)[0]))}): is {column!r} the price of one unit "
            "or the subscription's total? "
            f"MRR = amount x quantity / months per interval takes the price of one unit: map amount={price}"
        )
        raise bad_rows(source, column, problem, np.flatnonzero(rows & ~total), df[column].to_numpy())
    if _chargebee_total(column):  # Chargebee: plan_amount = plan_unit_price x plan_quantity
        return True
    if _named_total(column):
        problem = (
            f"a quantity other than 1 in {names['quantity']!r}, and {column!r} (the amount) is named as a total: "
            f"MRR = amount x quantity / months per interval takes the price of ONE unit, and a total would be "
            f"multiplied by the quantity again; map amount to the price of one unit (add a column of "
            f"{column} / {names['quantity']} if the file has none)"
        )
        raise bad_rows(source, column, problem, np.flatnonzero(several), df[column].to_numpy())
    return False


#: Words of a total that is no charge per billing interval: an amount owed, a lifetime's or a period's sum, a count.
_NOT_CHARGED = frozenset({"dues", "outstanding", "unpaid", "remaining", "lifetime", "ltv", "spent", "revenue",
                          "collected", "invoiced", "billed", "count", "cycles", "usage", "mrr", "arr"})  # fmt: skip


def refuse_unused_totals(
    df: Any, amount: np.ndarray, quantity: np.ndarray | None, names: Mapping[str, str], source: str
) -> None:
    """Refuse a column named as the subscription's total, not used, that is not the amount (x the quantity) on some
    row: Recurly's ``subtotal`` ("Estimated total, before tax": the plan's ``unit_amount`` x ``quantity`` plus its
    add-ons, less discounts) 230 beside a ``unit_amount`` of 200 says the MRR would leave 30 out; so does Chargebee's
    ``subscriptions.plan_amount`` (the amount billed for the plan) 40 beside 10 x 5 seats. A ``Total`` beside
    a tax column is the tax rule's (:mod:`.taxes`); one equal to the amount on every row confirms it."""
    from .taxes import tax_named
    from .values import parse_numbers

    used = {key(v) for v in names.values()}
    taxed = tax_named(list(df.columns), names)
    line = np.asarray(amount, dtype=np.float64) * (1.0 if quantity is None else np.asarray(quantity, dtype=np.float64))
    titles = [str(c) for c in df.columns]
    for column in titles:
        words = _words(column)
        billed = _chargebee_total(column)  # Chargebee's plan_amount: what the plan is billed for, before tax
        if key(column) in used or titles.count(column) != 1:
            continue
        if not billed and (words & (_NOT_PRICE | _NOT_CHARGED) or not (words & _TOTAL_WORDS)):
            continue  # Chargebee's 'total_dues', a lifetime total, a count: no price per interval
        if not billed and "subtotal" not in words and "sub" not in words and taxed:
            continue  # 'Total' beside 'Tax': amount + tax (reading.taxes)
        try:
            total = parse_numbers(df[column], source, column, allow_blank=True)
        except DataError:
            continue
        rows = np.isfinite(total) & np.isfinite(line) & (line != 0)
        off = rows & (np.abs(total - line) > 0.005 + 1e-9 * np.abs(line))
        if not off.any():
            continue
        first = int(np.flatnonzero(off)[0])
        times = f" x {names['quantity']!r}" if quantity is not None and "quantity" in names else ""
        problem = (
            f"subscription totals that are not {names['amount']!r}{times} ({line[first]:g} in "
            f"{row_of(source_of(df, source), first)}): add-ons, extra items or discounts the amount leaves out? MRR is "
            "what each "
            f"subscription pays: map amount={column} if it is the total per billing interval, or remove {column!r} "
            "if the amount is right"
        )
        raise bad_rows(source, column, problem, np.flatnonzero(off), df[column].to_numpy())
