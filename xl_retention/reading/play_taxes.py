"""Google Play's earnings report: its ``Tax`` rows taken off their order's charge, its ``Google fee`` rows left out.

The earnings report (``PlayApps_YYYYMM.csv``) writes each sale as rows of one order id ("Description", ``GPA.``...)
and one "Transaction Type" each: the ``Charge`` (what the buyer paid, with the VAT or sales tax Google remits in
the countries where it does), a ``Tax`` row taking that tax back off (-1.72 of a 10.80 charge), a ``Google fee`` row
(Google's service fee); a refund is a ``Charge refund`` with its ``Tax refund`` and ``Google fee refund``. Order
revenue is net of tax and is what the buyer paid for the sale, before the seller's costs (docs/metrics.md: a fee
is no tax, PayPal's fees are no orders). So the types not being a sale or a refund were refused, advising to keep
the ``Charge`` rows only; done so, each charge's VAT was revenue (H433 finding 01: 20.79 for 19.07, no note).

Now (:func:`play_taxes_folded`) each ``Tax`` row of the other sign than its charge (Google's VAT taken back off
the payout: -1.72 of a 10.80 charge) is taken off its order's ``Charge`` row (the same order id, the same date where
the order has more than one), each ``Tax refund`` of the other sign than its refund off its ``Charge refund`` (+1.72
of -10.80), in every amount column (the merchant's and the buyer's currency), each read as the import reads it (its
``--decimal``, its currency: a yen charge's '1,100' is 1100) and written back in its decimal mark (H446_03: a yen
column, not read, kept its tax, the note saying it was taken off); an amount counted that cannot be read so is
refused naming its values, an amount column not counted left as written; a tax row of its charge's sign is a tax
paid on top of the charge (the seller's sales tax, paid out to remit: the report's rows add up to the payout), no
revenue, left out. The ``Google fee`` and ``Google fee refund`` rows are left out. A note names the rows' types and
the columns. A tax taken off a charge not in the file (or not one) is refused naming its row. Read only in a file
whose type column holds nothing but these types and whose order ids are Google Play's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows, source_of
from .kept_rows import without_rows
from .notes import note

__all__ = ["PLAY_TYPES", "play_taxes_folded"]

#: Google Play's transaction types (spelled): each tax type -> the sale or refund type it is the tax of.
_TAX_OF = {"tax": "charge", "tax_refund": "charge_refund"}
#: Google's fee and its refund: a cost of the sale, no revenue taken off.
_FEES = frozenset({"google_fee", "google_fee_refund"})
#: Every transaction type of Google Play's earnings report.
PLAY_TYPES = frozenset({"charge", "charge_refund", *_TAX_OF, *_FEES})


def _type_column(df: pd.DataFrame) -> str | None:
    """The column of ``df`` named as a row's type ("Transaction Type") holding Google Play's types only
    (:data:`PLAY_TYPES`), a tax's or a fee's among them; None where there is none."""
    from .row_types import _names_a_type
    from .statuses import spelled

    listed = list(map(str, df.columns))
    for position, name in enumerate(listed):
        if listed.count(name) != 1 or not _names_a_type(name):
            continue
        kind = spelled(df.iloc[:, position])
        told = set(kind) - {""}
        if told and told <= PLAY_TYPES and told & (set(_TAX_OF) | _FEES) and "charge" in told:
            return name
    return None


def _order_column(df: pd.DataFrame, columns: Mapping[str, str]) -> str | None:
    """The column of Google Play's order ids (``GPA.``...: "Description", or the order id mapped): every value one."""
    from .play_orders import _ORDER

    listed = list(map(str, df.columns))
    mapped = [columns[k] for k in ("order_id", "customer_id") if k in columns]
    for name in [*mapped, "Description", *listed]:
        if name not in listed or listed.count(name) != 1:
            continue
        text = df[name].astype(str).str.strip()
        if len(text) and text.str.fullmatch(_ORDER).all():
            return name
    return None


def _amount_columns(df: pd.DataFrame, columns: Mapping[str, str]) -> list[str]:
    """The amount columns to take the taxes off: the one mapped, and Google's "Amount (Merchant Currency)" and
    "Amount (Buyer Currency)" (any column named "Amount ...")."""
    listed = list(map(str, df.columns))
    named = [c for c in listed if c.strip().lower().startswith("amount")]
    found = [c for c in dict.fromkeys([columns.get("amount", ""), *named]) if c and listed.count(c) == 1]
    return found


def _mark(texts: Any, decimal: str | None) -> str | None:
    """The decimal mark the amounts ``texts`` are read by: ``decimal`` where given, else the one the texts show
    (:func:`~.number_texts._decimal_of`), None where none shows ('1,100' of a yen column, read by its currency)."""
    from .number_texts import _decimal_of

    return decimal or _decimal_of([t for t in (str(w).strip() for w in texts) if t])


def _shown(amount: float, mark: str | None, *written: Any) -> str:
    """``amount`` with as many decimals as the most of ``written`` (``10.80``) after the decimal mark ``mark`` the
    column is read by, written with that mark and no thousands separator: read again by the same rules, it is
    ``amount`` (a yen column's '1,100' less '-100' is '1000', not '1000,000': H446_03).

    >>> _shown(9.08, ".", "10.80", "-1.72"), _shown(8.28, ",", "10", "-1,72"), _shown(1234.0, None, "1234")
    ('9.08', '8,28', '1234')
    >>> _shown(1000.0, None, "1,100", "-100"), _shown(1000.0, ".", "1,100", "-100"), _shown(1000.5, ",", "1.100,50")
    ('1000', '1000', '1000,50')
    """
    texts = [str(w).strip() for w in written]
    digits = max((len(t.rsplit(mark, 1)[1]) if mark and mark in t else 0) for t in texts)
    digits = max(digits, 0 if float(amount).is_integer() else 2)
    shown = f"{amount:.{digits}f}"
    return shown.replace(".", ",") if mark == "," else shown


def _charge_of(orders: np.ndarray, kind: np.ndarray, day: np.ndarray | None, row: int) -> np.ndarray:
    """Which rows are the charge (or the charge refund) the tax row ``row`` is of: its order's, of the same date
    where the order has more than one."""
    target = (orders == orders[row]) & (kind == _TAX_OF[kind[row]])
    if target.sum() > 1 and day is not None:
        target &= day == day[row]
    return target


def _refuse_blanks(
    df: pd.DataFrame, kind: np.ndarray, written: np.ndarray, orders: np.ndarray, day: np.ndarray | None,
    counted: Mapping[str, np.ndarray], where: Any, kind_column: str, order_column: str,
) -> None:  # fmt: skip
    """Refuse a tax row whose amount counted is blank (how much tax its charge holds cannot be told: a blank is no
    0), and a charge whose amount counted is blank beside a tax row of its order that has one (what the buyer paid
    cannot be told, and the tax is no revenue), naming the row, its order id and the tax (H457)."""
    from .errors import row_of, show

    taxed = np.flatnonzero(np.isin(kind, list(_TAX_OF)))
    for name, values in counted.items():
        for row in taxed:
            order = f"order {str(orders[row])!r} ({order_column!r})"
            if not np.isfinite(values[row]):
                problem = (
                    f"a tax row of {order} with no amount in {name!r} (how much tax its charge holds cannot be told; "
                    "a blank is no 0)"
                )
                advice = f"write the tax's amount in {name!r} (0 where there is none), or export the report again"
                raise bad_rows(where, name, problem, [int(row)], written, advice=advice)
            charge = np.flatnonzero(_charge_of(orders, kind, day, int(row)) & ~np.isfinite(values))
            if charge.size:
                tax = f"{str(written[row])!r} row ({row_of(where, int(row))}: {show(df[name].iloc[row])})"
                problem = (
                    f"the charge of {order} has no amount in {name!r} beside its {tax} (what the buyer paid cannot be "
                    "told: its tax is no revenue, and a blank is no 0)"
                )
                advice = f"write the charge's amount in {name!r}, or export the report again"
                raise bad_rows(where, name, problem, charge[:1], written, advice=advice)


def play_taxes_folded(
    df: pd.DataFrame, columns: Mapping[str, str], source: str, decimal: str | None = None
) -> pd.DataFrame:
    """``df`` with each Google Play ``Tax`` row taken off its order's charge and the fee rows left out (see the module
    docstring), with a note; ``df`` itself where it is no such report.

    >>> df = pd.DataFrame({"Description": ["GPA.1-2", "GPA.1-2", "GPA.1-2"], "Transaction Type": ["Charge", "Tax",
    ...                    "Google fee"], "Amount (Merchant Currency)": ["10.80", "-1.72", "-1.36"]})
    >>> play_taxes_folded(df, {}, "play.csv")["Amount (Merchant Currency)"].tolist()
    ['9.08']
    """
    if not len(df) or not len(df.columns):
        return df
    kind_column = _type_column(df)
    if kind_column is None:
        return df
    order_column = _order_column(df, columns)
    if order_column is None:
        return df
    from .number_texts import parse_numbers
    from .statuses import spelled

    where = source_of(df, source)
    kind = spelled(df[kind_column])
    written = df[kind_column].astype(str).str.strip().to_numpy(dtype=object)
    orders = df[order_column].astype(str).str.strip().to_numpy(dtype=object)
    dates = columns.get("date", "Transaction Date")
    day = df[dates].astype(str).str.strip().to_numpy(dtype=object) if dates in map(str, df.columns) else None
    from .currency import stated_currency

    amounts, marks = {}, {}
    found = _amount_columns(df, columns)
    counted = [columns["amount"]] if columns.get("amount") in found else found  # the one read as the amount
    for name in found:
        stated = stated_currency(df, name)  # read by the main reader's rules: '1,100' of yen is 1100 (H446_03)
        try:
            amounts[name] = parse_numbers(df[name], source, name, decimal=decimal, allow_blank=True,
                                          currency=stated and stated[1])  # fmt: skip
        except DataError:
            if name in counted and np.isin(kind, list(_TAX_OF)).any():
                raise  # its taxes not taken off, the amount counted would hold them: refused naming its values
            continue  # an amount not counted, not read: left as written
        marks[name] = _mark(df[name].tolist(), decimal)
    if not amounts:
        return df
    out = df.copy()
    out.attrs = dict(df.attrs)
    taxed = np.isin(kind, list(_TAX_OF))
    signs = np.sign(np.nan_to_num(amounts.get(columns.get("amount", ""), next(iter(amounts.values())))))
    side = np.where(kind == "tax_refund", -1.0, 1.0)  # a charge is positive, its refund negative
    inside = taxed & (signs == -side)  # Google's VAT taken back off the charge (-1.72 of 10.80): in the charge
    on_top = taxed & (signs == side)  # the seller's sales tax paid on top (+0.80 of 9.99): not in the charge
    listed = list(map(str, df.columns))
    _refuse_blanks(df, kind, written, orders, day, {n: amounts[n] for n in counted if n in amounts}, where,
                   kind_column, order_column)  # fmt: skip
    for row in np.flatnonzero(inside):
        target = _charge_of(orders, kind, day, row)
        if target.sum() != 1:
            sale = next((w for w, k in zip(written, kind, strict=True) if k == _TAX_OF[kind[row]]), "Charge")
            problem = (
                f"a tax of order {orders[row]!r} taken back off its {sale!r}, whose row is "
                f"{'not in the file' if not target.any() else 'not one'} (revenue is net of tax: which amount holds "
                "the tax cannot be told)"
            )
            raise bad_rows(source, kind_column, problem, [int(row)], written,
                           advice="export the report of the month of its charge with it")  # fmt: skip
        into = int(np.flatnonzero(target)[0])
        for name, values in amounts.items():
            if np.isfinite(values[row]) and np.isfinite(values[into]):
                values[into] += values[row]
                out.iloc[into, listed.index(name)] = _shown(
                    values[into], marks[name], out[name].iloc[into], df[name].iloc[row]
                )
    fees = np.isin(kind, list(_FEES))
    if not taxed.any() and not fees.any():
        return df
    told = []
    if inside.any():
        shown = ", ".join(repr(w) for w in dict.fromkeys(written[inside]))
        told.append(
            f"{int(inside.sum())} row(s) of type {shown} taken off their order's charge (the same "
            f"{order_column!r}): Google's charge holds the tax it remits, and revenue is net of tax"
        )
    if on_top.any():
        shown = ", ".join(repr(w) for w in dict.fromkeys(written[on_top]))
        told.append(
            f"{int(on_top.sum())} row(s) of type {shown} of their charge's sign left out: a tax paid on top of the "
            "charge (the seller's to remit), no revenue"
        )
    if (zero := taxed & ~inside & ~on_top).any():  # a tax of 0.00: nothing to take off (a blank is refused above)
        shown = ", ".join(repr(w) for w in dict.fromkeys(written[zero]))
        told.append(f"{int(zero.sum())} row(s) of type {shown} of 0 left out: no tax to take off")
    if fees.any():
        shown = ", ".join(repr(w) for w in dict.fromkeys(written[fees]))
        told.append(
            f"{int(fees.sum())} row(s) of type {shown} left out: Google's fee is a cost of the sale, not taken off "
            "the revenue (what the buyer paid, less tax)"
        )
    note(f"{source}, column {kind_column!r}: {'; '.join(told)}")
    return without_rows(out, taxed | fees, where)
