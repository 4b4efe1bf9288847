"""Tips inside an order's amount: a tip is paid to the staff, not for what was sold (Square's "Tip" inside its
"Total Collected"), so order revenue leaves it out, as it leaves out tax and shipping.

A column of tips beside the amount mapped (``tip``, ``tips``, ``gratuity``, ``Trinkgeld``, ``pourboire``,
``propina``, ``mancia``, ``fooi``), not used, with a value other than blank or 0, is read so: where another column is
the amount (net of tax) less the tips in every row with a tip (Square's ``Total Collected`` - ``Tax`` - ``Tip`` =
``Net Sales``), the tips are in the amount and are taken off, with a note; where another column is the amount plus
them (and the tax: ``Net Sales`` + ``Tax`` + ``Tip`` = ``Total Collected``), the amount is without them; otherwise
the file is refused naming the tip column and a row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .equal_columns import column_equal
from .errors import DataError, row_of, show, source_of
from .inside_amounts import amounts_inside
from .names import columns_option, named_columns
from .notes import note
from .order_shipping import _read
from .taxes import tax_columns

__all__ = ["gift_card_columns", "net_of_tips", "tip_columns"]

_TIPS = frozenset({"tip", "tips", "gratuity", "gratuities", "trinkgeld", "pourboire", "pourboires", "propina",
                   "propinas", "mancia", "fooi", "dricks", "drikkepenge"})  # fmt: skip
_NOT_AMOUNT = frozenset({"percent", "percentage", "pct", "rate", "id", "date", "type", "name", "note", "count"})


def tip_columns(columns: Any, names: Mapping[str, str]) -> list[str]:
    """The columns whose name says tips (not a rate, a date or an id), not used.

    >>> tip_columns(["Net Sales", "Tip", "Tip Percentage", "Total Collected", "Gratuity"], {})
    ['Tip', 'Gratuity']
    """
    return named_columns(columns, names, _TIPS, _NOT_AMOUNT)


def net_of_tips(
    df: pd.DataFrame, typed: dict[str, Any], names: Mapping[str, str], source: str, decimal: str | None = None
) -> dict[str, Any]:
    """``typed`` with its ``amount`` (net of tax and shipping already) net of the tips inside it (see the module
    docstring); refused where whether it holds them cannot be told."""
    if "amount" not in typed or "amount" not in names:
        return typed
    typed = _net_of_gift_cards(df, typed, names, source, decimal)  # Square's 'Gift Card Sales': a prepayment
    found = amounts_inside(df, typed, names, source, decimal, tip_columns(df.columns, names))
    if found is None:
        return typed
    read, tips, amount, rows, money_name, shown = (found.read, found.part, found.amount, found.rows,
                                                   found.money_name, found.shown)  # fmt: skip
    skip = {money_name, *read, *map(str, names.values())}
    less = column_equal(df, amount - tips, rows, skip, source, decimal)
    if less is not None:
        typed["amount"] = amount - tips
        note(f"{source}: {money_name!r} includes the tips in {shown} ({less!r} is it less them): taken off, a tip "
             "is paid to the staff, not for what was sold")  # fmt: skip
        return typed
    taxes = _read(df, tax_columns(df.columns, names), source, decimal)
    tax = np.sum(list(taxes.values()), axis=0) if taxes else np.zeros(len(amount))
    refunds = _refunds(df, money_name, source)  # Square's 'Partial Refunds' -$10.00: out of 'Total Collected' too
    for back in [np.zeros(len(amount))] + ([refunds] if refunds is not None and refunds[rows].any() else []):
        if column_equal(df, amount + tips - back, rows, skip, source, decimal) or column_equal(
            df, amount + tips + tax - back, rows, skip | set(taxes), source, decimal
        ):  # Square's 'Net Sales' + 'Tax' + 'Tip' (- 'Partial Refunds') = 'Total Collected'
            return typed
    first = int(rows[0])
    column = next(iter(read))
    square = "" if money_name == "Net Sales" else ": Square's 'Net Sales'"  # never the column mapped
    raise DataError(
        f"{source}: column {column!r} holds tips ({row_of(source_of(df, source), first)}: "
        f"{show(df[column].iloc[first])} beside {money_name!r} {show(df[money_name].iloc[first])}) and is not used; "
        f"a tip is paid to the staff, not for what was sold, and whether {money_name!r} includes it cannot be told: "
        f"map a column of amounts without tips ({columns_option([('amount', 'NAME')])}{square}), or remove the tip "
        "column if the amounts are without them",
        source=source,
        column=column,
    )


def gift_card_columns(columns: Any, names: Mapping[str, str]) -> list[str]:
    """The columns whose name says gift cards sold (Square's "Gift Card Sales", "Gift Cards Sold"), not used.

    >>> gift_card_columns(["Net Sales", "Gift Card Sales", "Square Gift Card", "Total Collected"], {})
    ['Gift Card Sales']
    """
    used = {str(c) for c in names.values()}
    found = []
    for column in map(str, columns):
        said = set(re.findall(r"[a-z]+", column.lower()))
        if column not in used and "gift" in said and said & {"sales", "sold", "sale"}:
            found.append(column)
    return found


def _net_of_gift_cards(
    df: pd.DataFrame, typed: dict[str, Any], names: Mapping[str, str], source: str, decimal: str | None
) -> dict[str, Any]:
    """``typed`` with its ``amount`` net of the gift cards sold inside it: a gift card sold is paid in advance for a
    later sale (which is the revenue, once), so Square's "Net Sales" leaves it out of what its "Total Collected"
    holds. Where another column is the amount less them in every row selling one, they are taken off, with a note;
    where another column is the amount plus them, the amount is without them; otherwise refused naming the column."""
    found = amounts_inside(df, typed, names, source, decimal, gift_card_columns(df.columns, names))
    if found is None:
        return typed
    read, gifts, amount, rows, money_name, shown = (found.read, found.part, found.amount, found.rows,
                                                    found.money_name, found.shown)  # fmt: skip
    skip = {money_name, *read, *map(str, names.values())}
    less = column_equal(df, amount - gifts, rows, skip, source, decimal)
    if less is not None:
        typed["amount"] = amount - gifts
        note(f"{source}: {money_name!r} includes the gift cards sold in {shown} ({less!r} is it less them): taken "
             "off, a gift card is paid in advance for a later sale, which is the revenue")  # fmt: skip
        return typed
    if column_equal(df, amount + gifts, rows, skip, source, decimal) is not None:
        return typed
    first = int(rows[0])
    column = next(iter(read))
    raise DataError(
        f"{source}: column {column!r} holds gift cards sold ({row_of(source_of(df, source), first)}: "
        f"{show(df[column].iloc[first])} beside {money_name!r} {show(df[money_name].iloc[first])}) and is not used; "
        f"a gift card is paid in advance for a later sale, and whether {money_name!r} includes it cannot be told: "
        f"map a column of amounts without them ({columns_option([('amount', 'NAME')])}), or remove the column if "
        "the amounts are without them",
        source=source,
        column=column,
    )


def _refunds(df: pd.DataFrame, amount: str, source: str) -> np.ndarray | None:
    """The refunded amounts beside ``amount`` (0 or more; blank as 0), None without a refunded amount column."""
    from .refunded_amounts import read_refunds, refunded_column
    from .taxes import _numbers

    column = refunded_column(df, source, amount)
    if column is None:
        return None

    def read(series: pd.Series, name: str) -> np.ndarray:
        values = _numbers(series, source, name, None)
        return np.full(len(series), np.nan) if values is None else values

    taken = read_refunds(df, column, read, source)[0]
    return np.nan_to_num(np.asarray(taken, dtype=np.float64))
