"""A "net" amount net of a fee, not of the tax: whether it holds the tax is told by the amount before the fee.

An amount whose name says net ("Net Total", ``Net``) is taken as before tax beside a tax column (reading.taxes). A
payment platform's net is after its fee: Gumroad's "Net Total ($)" is "Sale Price ($)" less "Fees ($)", and its
"Sale Price ($)" includes the tax in "Taxes ($)" ("Subtotal ($)" is "Sale Price ($)" less it); PayPal's ``Net`` is its
``Gross`` less its ``Fee``. Read as net of tax by its name, each such sale's VAT stayed in the revenue without a word
(H433 finding 03: 115.05 for 105.55); docs/metrics.md says a Net that differs by a fee is no tax.

So (:func:`fee_net_verdict`) where another column is the amount plus a fee column (named ``fee``, ``fees``,
``commission``, ``Gebühr``, ``frais``, ...) in every row with a tax, the fee nonzero in one of them, the amount's name
says nothing of the tax: whether it holds the tax is whether that column does, told by the tax rules of reading.taxes
on it (a column that is it less the tax or plus it; else its name; else each tax's rate of it), and the tax is taken
off the amount where it does (with a note naming the columns), kept where it does not; refused naming the columns
where that cannot be told.

A refund beside such an amount (Gumroad's "Partial Refund ($)") is given back to the buyer, of what the buyer paid:
the amount before the fee ("Sale Price ($)"), not the fee's net ("Net Total ($)"). So it is taken off the net in its
share of that amount (:func:`fee_net_refund_share`: 40.00 refunded of a Sale Price of 100.00 with 10.00 of fees
leaves 90.00 x 60 % = 54.00, not 50.00), as a refund of a ``Total`` is taken off a smaller amount (docs/metrics.md,
"Refunded amounts"); the fee kept or given back is a cost, never revenue (H457 task 2).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .equal_columns import CENT, equal_column, numbers_or_none
from .errors import DataError, row_of, show, source_of
from .names import columns_option
from .names import words as _words

__all__ = ["fee_net_verdict", "fee_net_refund_share"]

#: Words of a fee's column: what a payment platform or marketplace keeps of a sale.
_FEE = frozenset({"fee", "fees", "commission", "commissions", "gebühr", "gebühren", "gebuhr", "frais", "comisión",
                  "comision", "comisiones", "commissione", "commissioni"})  # fmt: skip


def _fee_columns(df: pd.DataFrame, skip: set[str]) -> list[str]:
    """The columns named as a fee (:data:`_FEE`), not a tax's (a fee's tax, ``fee_tax_total``) nor a rate, once in
    the file, not among ``skip``."""
    from .taxes import _NOT_AMOUNT, _TAX

    listed = list(map(str, df.columns))
    return [c for c in listed if c not in skip and listed.count(c) == 1 and _words(c) & _FEE
            and not _words(c) & (_TAX | (_NOT_AMOUNT - {"net", "gross"}))]  # fmt: skip


def fee_net_verdict(
    df: pd.DataFrame,
    money: np.ndarray,
    tax: np.ndarray,
    rows: np.ndarray,
    skip: set[str],
    column: str,
    money_name: str,
    source: str,
    decimal: str | None,
    what: str,
) -> tuple[str, str] | None:
    """('gross', why) where ``money`` (named as net) is another column less a fee column and that column includes the
    tax in ``column`` (see the module docstring), ('net', why) where it does not; None where ``money`` is no such
    amount; :class:`DataError` naming the columns where whether it holds the tax cannot be told.

    >>> df = pd.DataFrame({"Net Total": ["53.05", "44.50"], "Sale Price": ["59.50", "50.00"], "Fees": ["6.45", "5.50"],
    ...                    "Taxes": ["9.50", "0"], "Subtotal": ["50.00", "50.00"]})
    >>> fee_net_verdict(df, np.array([53.05, 44.5]), np.array([9.5, 0]), np.array([0]), {"Net Total", "Taxes"},
    ...                 "Taxes", "Net Total", "g.csv", None, "revenue")[0]
    'gross'
    """
    from .taxes import _GROSS, _NET, _by_rates, _by_sums

    read: dict[str, np.ndarray | None] = {}
    for fee_name in _fee_columns(df, skip):
        fee = numbers_or_none(df[fee_name], source, fee_name, decimal)
        if fee is None or not np.isfinite(fee[rows]).all() or not (np.abs(fee[rows]) > CENT).any():
            continue
        found = equal_column(df, [money + np.abs(fee)], rows, skip | {fee_name}, source, decimal,
                             unless=lambda c: bool(_words(c) & _FEE), read=read)  # fmt: skip
        if found is None:
            continue
        before = found[1]
        gross = read.get(before)
        if gross is None:
            continue
        summed = _by_sums(df, gross, tax, rows, skip | {fee_name, before}, source, decimal)
        words = _words(before) | {p for w in _words(before) for p in ("netto", "brutto") if w.startswith(p)}
        named = "net" if words & _NET else "gross" if words & _GROSS else None
        by_values = _by_rates(gross[rows], tax[rows])
        fee_said = f"{money_name!r} is {before!r} less {fee_name!r} (a fee, no tax)"
        if summed is not None:
            sign = "+" if summed[0] == "net" else "-"
            return summed[0], f"{fee_said}, and {summed[1]!r} is {before} {sign} {column}"
        if named is not None and by_values in (None, named):
            return named, f"{fee_said}, and the name of {before!r} says {named}"
        if named is None and by_values is not None:
            return (
                by_values,
                f"{fee_said}, and each tax is a tax rate of {before}{' less the tax' * (by_values == 'gross')}",
            )
        first = int(rows[0])
        where = row_of(source_of(df, source), first)
        raise DataError(
            f"{source}: column {column!r} holds taxes ({where}: {show(df[column].iloc[first])} beside {money_name!r} "
            f"{show(df[money_name].iloc[first])}) and is not used, and {fee_said}: its name says nothing of the tax; "
            f"{what} is net of tax, and whether {before!r} includes it cannot be told: map a column of amounts before "
            f"tax ({columns_option([('amount', 'NAME')])}) or write the amounts less the tax; if {before!r} is before "
            "tax already, remove the tax column",
            source=source,
            column=column,
        )
    return None


def fee_net_refund_share(
    df: pd.DataFrame, taken: np.ndarray, names: dict[str, str], refund_column: str, source: str, decimal: str | None
) -> np.ndarray | None:
    """Each refund's share to take off the amount mapped where it is a fee's net: another column is it plus a fee
    column on every row sold, the fee nonzero on a refunded row; the refund is of that column (what the
    buyer paid), taken off the net in its share (see the module docstring), with a note. None where no column is.

    >>> df = pd.DataFrame({"Sale Price": ["100.00", "50.00"], "Fees": ["10.00", "5.50"], "Net Total": ["90.00",
    ...                    "44.50"], "Partial Refund": ["40.00", "0.00"]})
    >>> fee_net_refund_share(df, np.array([40.0, 0.0]), {"amount": "Net Total"}, "Partial Refund", "g.csv",
    ...                      None).tolist()
    [0.9, 1.0]
    """
    from .notes import note
    from .order_discounts import part_named
    from .taxes import _NET

    amount_name = names.get("amount")
    listed = list(map(str, df.columns))
    if amount_name is None or listed.count(amount_name) != 1:
        return None
    money = numbers_or_none(df[amount_name], source, amount_name, decimal)
    if money is None:
        return None
    refunds = np.nan_to_num(np.asarray(taken, dtype=np.float64), nan=0.0)
    sold = np.isfinite(money) & (money > 0)
    refunded = sold & (refunds > CENT)
    rows = np.flatnonzero(sold)
    if not refunded.any():
        return None
    skip = {str(c) for c in names.values()} | {refund_column}
    read: dict[str, np.ndarray | None] = {}
    for fee_name in _fee_columns(df, skip):
        fee = numbers_or_none(df[fee_name], source, fee_name, decimal)
        if fee is None or not np.isfinite(fee[rows]).all() or not (np.abs(fee[refunded]) > CENT).any():
            continue
        found = None
        for named_net in (True, False):  # 'Sale Price ($)' before 'Subtotal ($)', equal to it where no tax was paid
            found = found or equal_column(
                df, [money + np.abs(fee)], rows, skip | {fee_name}, source, decimal, read=read,
                unless=lambda c, n=named_net: bool(_words(c) & _FEE) or part_named(c) or n and bool(_words(c) & _NET),
            )  # fmt: skip
        if found is None:
            continue
        before = money + np.abs(fee)
        share = np.where(
            refunded, np.divide(money, before, out=np.ones(len(money)), where=refunded & (before > 0)), 1.0
        )
        count = int(refunded.sum())
        note(
            f"{source}: {refund_column!r} is a refund of {found[1]!r} (what the buyer paid; {amount_name!r} is it "
            f"less {fee_name!r}, a fee): taken off {amount_name!r} in its share ({count} refunded "
            f"row{'s' if count != 1 else ''})"
        )
        return share
    return None
