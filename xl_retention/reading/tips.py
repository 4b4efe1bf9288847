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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True)
class _Part:
    """A part of an order's amount that is not revenue, found by a column of its own (tips, gift cards sold), and how
    :func:`_net_of` speaks of it."""

    columns: Callable[[Any, Mapping[str, str]], list[str]]  # the columns of that part, not used
    held: str  # 'the tips': "'Total Collected' includes the tips in ..."
    taken: str  # why it is taken off, after "taken off, "
    holds: str  # "column 'Tip' holds tips"
    why: str  # why it matters, before "and whether ... includes it cannot be told"
    without: str  # 'without tips': "map a column of amounts without tips"
    column: str  # 'the tip column': "or remove the tip column if ..."
    square: bool  # advise Square's 'Net Sales' (its tips' export)
    taxed: bool  # the amount plus the part may hold the tax and a partial refund too (Square's 'Total Collected')


def _net_of(
    df: pd.DataFrame, typed: dict[str, Any], names: Mapping[str, str], source: str, decimal: str | None, part: _Part
) -> dict[str, Any]:
    """``typed`` with its ``amount`` net of ``part`` inside it: where another column is the amount less it in every
    row with one, it is taken off, with a note; where another column is the amount plus it (``part.taxed``: and the
    tax, less a partial refund), the amount is without it; otherwise refused naming the column and a row."""
    found = amounts_inside(df, typed, names, source, decimal, part.columns(df.columns, names))
    if found is None:
        return typed
    read, parts, amount, rows, money_name, shown = (found.read, found.part, found.amount, found.rows,
                                                    found.money_name, found.shown)  # fmt: skip
    skip = {money_name, *read, *map(str, names.values())}
    less = column_equal(df, amount - parts, rows, skip, source, decimal)
    if less is not None:
        typed["amount"] = amount - parts
        note(f"{source}: {money_name!r} includes {part.held} in {shown} ({less!r} is it less them): taken off, "
             f"{part.taken}")  # fmt: skip
        return typed
    if _plus(df, amount + parts, rows, skip, names, money_name, source, decimal, part.taxed):
        return typed
    first = int(rows[0])
    column = next(iter(read))
    square = ": Square's 'Net Sales'" if part.square and money_name != "Net Sales" else ""  # never the column mapped
    raise DataError(
        f"{source}: column {column!r} holds {part.holds} ({row_of(source_of(df, source), first)}: "
        f"{show(df[column].iloc[first])} beside {money_name!r} {show(df[money_name].iloc[first])}) and is not used; "
        f"{part.why}, and whether {money_name!r} includes it cannot be told: map a column of amounts {part.without} "
        f"({columns_option([('amount', 'NAME')])}{square}), or remove {part.column} if the amounts are without them",
        source=source,
        column=column,
    )


def _plus(df: pd.DataFrame, total: np.ndarray, rows: np.ndarray, skip: set[str], names: Mapping[str, str],
          money_name: str, source: str, decimal: str | None, taxed: bool) -> bool:  # fmt: skip
    """Whether another column is ``total`` (the amount plus the part) in every row of ``rows``; ``taxed``: or it plus
    the tax columns', less a partial refund (Square's 'Net Sales' + 'Tax' + 'Tip' - 'Partial Refunds' = 'Total
    Collected')."""
    if not taxed:
        return column_equal(df, total, rows, skip, source, decimal) is not None
    taxes = _read(df, tax_columns(df.columns, names), source, decimal)
    tax = np.sum(list(taxes.values()), axis=0) if taxes else np.zeros(len(total))
    refunds = _refunds(df, money_name, source)  # Square's 'Partial Refunds' -$10.00: out of 'Total Collected' too
    for back in [np.zeros(len(total))] + ([refunds] if refunds is not None and refunds[rows].any() else []):
        if column_equal(df, total - back, rows, skip, source, decimal) or column_equal(
            df, total + tax - back, rows, skip | set(taxes), source, decimal
        ):
            return True
    return False


def net_of_tips(
    df: pd.DataFrame, typed: dict[str, Any], names: Mapping[str, str], source: str, decimal: str | None = None
) -> dict[str, Any]:
    """``typed`` with its ``amount`` (net of tax and shipping already) net of the gift cards sold and the tips inside
    it (see the module docstring); refused where whether it holds them cannot be told."""
    if "amount" not in typed or "amount" not in names:
        return typed
    typed = _net_of(df, typed, names, source, decimal, _GIFT_CARDS)  # Square's 'Gift Card Sales': a prepayment
    return _net_of(df, typed, names, source, decimal, _TIPS_PART)


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


#: Tips: paid to the staff, not for what was sold.
_TIPS_PART = _Part(
    tip_columns, "the tips", "a tip is paid to the staff, not for what was sold", "tips",
    "a tip is paid to the staff, not for what was sold", "without tips", "the tip column", square=True, taxed=True,
)  # fmt: skip
#: Gift cards sold: paid in advance for a later sale (which is the revenue, once), so Square's "Net Sales" leaves them
#: out of what its "Total Collected" holds.
_GIFT_CARDS = _Part(
    gift_card_columns, "the gift cards sold", "a gift card is paid in advance for a later sale, which is the revenue",
    "gift cards sold", "a gift card is paid in advance for a later sale", "without them", "the column", square=False,
    taxed=False,
)  # fmt: skip


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
