"""The tax in what was paid of an invoice: a part paid amount carries its share of the invoice's tax.

Where the amount counted is an invoice's amount paid (:data:`~.amounts_due.PAID_AMOUNTS`: Xero's ``AmountPaid``, an
``AUTHORISED`` invoice paid in part, counted by what was paid; docs/metrics.md, "Orders") and its tax column is the
whole invoice's tax (Xero's ``TotalTax``), what was paid holds the tax in the share paid of the invoice's total, not
the whole of it: 50.00 paid of a ``Total`` of 120.00 with a ``TotalTax`` of 20.00 holds 20.00 x 50 / 120 = 8.33 of
tax, 41.67 net (the whole 20.00 taken off left 30.00). The total is a column named as the invoice's total with its
tax (:data:`GROSS_TOTALS`); a row paid in part (an amount due above 0 beside it) where no total tells the share is
refused, naming the rows. The rows whose share is taken are named in a note.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .amounts_due import DUE_AMOUNTS, PAID_AMOUNTS, REMAINING, remaining_by_words, xero_shaped
from .equal_columns import CENT
from .equal_columns import numbers_or_none as _numbers
from .errors import bad_rows
from .names import columns_option, keys_of
from .notes import note
from .row_sources import source_of

__all__ = ["GROSS_TOTALS", "paid_tax_shares"]

#: Keys (:func:`~.names.keys_of`) of a column of an invoice's whole amount with its tax (Xero's and Stripe's
#: ``Total``): what an amount paid is a share of.
GROSS_TOTALS = frozenset({"total", "invoice_total", "grand_total", "total_amount", "amount_total"})


def _first(df: pd.DataFrame, names: frozenset[str], skip: str) -> str | None:
    """The first column of ``df`` (not ``skip``) named by ``names``, once in the file; None where there is none."""
    columns = list(map(str, df.columns))
    return next((c for c in columns if c != skip and keys_of(c) & names and columns.count(c) == 1), None)


def _part_paid(df: pd.DataFrame, paid: np.ndarray, source: str, decimal: str | None) -> np.ndarray:
    """Whether each row is paid in part as :mod:`.amounts_due` reads it: an amount paid above 0 beside an amount
    still due above 0 (Stripe's "Amount Due", the invoice's amount, with no remaining column: one above the paid)."""
    remaining = _first(df, REMAINING, "") or remaining_by_words(df.columns)  # "Due Amount" (amounts_due)
    due_name = remaining or _first(df, DUE_AMOUNTS, "")
    due = None if due_name is None else _numbers(df[due_name], source, due_name, decimal)
    if due is None or due_name is None:
        return np.zeros(len(df), dtype=bool)
    part = (paid > CENT) & (due > CENT)
    if remaining is None and not xero_shaped(df):
        part &= due - paid >= CENT
    return part


def paid_tax_shares(
    df: pd.DataFrame, money_key: str, money_name: str, money: np.ndarray, tax_name: str, tax: np.ndarray, source: str,
    decimal: str | None,
) -> np.ndarray | None:  # fmt: skip
    """Each row's share of its tax in ``money`` (the amount counted as ``money_key``, in ``money_name``): the share
    paid of the invoice's total (:data:`GROSS_TOTALS`) where ``money_name`` is an amount paid and below the total,
    else 1; None where ``money_name`` is no amount paid or no row is paid in part. :class:`~.errors.DataError` naming
    the rows paid in part (an amount due above 0) with a tax where no total tells the share.

    >>> df = pd.DataFrame({"AmountPaid": ["120", "50"], "TotalTax": ["20", "20"], "Total": ["120", "120"]})
    >>> money, tax = np.array([120.0, 50.0]), np.array([20.0, 20.0])
    >>> paid_tax_shares(df, "amount", "AmountPaid", money, "TotalTax", tax, "x.csv", None).round(4).tolist()
    [1.0, 0.4167]
    """
    if not keys_of(money_name) & PAID_AMOUNTS:
        return None
    taxed = np.isfinite(tax) & (tax != 0) & np.isfinite(money) & (money > CENT)
    total_name = _first(df, GROSS_TOTALS, money_name)
    total = None if total_name is None else _numbers(df[total_name], source, total_name, decimal)
    shares = np.ones(len(money))
    if total is not None:
        told = taxed & np.isfinite(total) & (total - money >= CENT)  # paid above the total: the whole tax
        shares[told] = money[told] / total[told]
    else:
        told = np.zeros(len(money), dtype=bool)
    untold = taxed & ~told & _part_paid(df, money, source, decimal)
    if total is not None:
        untold &= ~np.isfinite(total)
    if untold.any():
        raise bad_rows(
            source_of(df, source),
            money_name,
            f"invoices paid in part, whose {tax_name!r} is the whole invoice's tax: the share of it paid cannot be "
            "told with no column of the invoice's total",
            np.flatnonzero(untold),
            df[money_name].to_numpy(),
            advice=f"add the invoices' 'Total' column (with its tax), or map a column of amounts before tax "
            f"({columns_option([(money_key, 'NAME')])})",
        )
    if not told.any():
        return None
    problem = (
        f"invoices paid in part (below their {total_name!r}), each with only its paid share of {tax_name!r} taken "
        "off as tax"
    )
    note(str(bad_rows(source_of(df, source), money_name, problem, np.flatnonzero(told), df[money_name].to_numpy())))
    return shares
