"""A tax or shipping column written as a deduction: negative beside positive amounts, its size the tax or shipping.

Paddle Classic's sales export writes its 'Fee' and 'Tax' as deductions ('Sale Gross' 119.00, 'Tax' -19.00, 'Earnings'
94.05 = 119.00 - 5.95 - 19.00); a shop's 'Shipping' may be written so too. Taken off as written, 119.00 - (-19.00)
counted 138.00 and 105.00 - (-5.00) 110.00, with a note saying the tax was taken off (H527's finding 05). A discount
or refund column written negative was read by its size already (:mod:`.discounts`, :mod:`.refunds`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import DataError, row_of, show, source_of
from .notes import note

__all__ = ["deduction_read"]


def deduction_read(
    df: pd.DataFrame, column: str, values: np.ndarray, money: np.ndarray, money_name: str, source: str
) -> np.ndarray:
    """``values`` (a tax or shipping column's numbers) with the sign of the amounts of ``money_name`` beside them
    (``money``): where every row with both filled and not 0 has them of opposite signs (negative beside a sale,
    positive beside a refund), the column is written as a deduction and its size is read, with a note naming it and
    its first such row; where every such row has them of the same sign, as written. Where some rows have them of
    the same sign and others of opposite signs (a 'Tax' of 19.00 on a sale of 119.00 and -19.00 on a refund written
    119.00), whether the column is added or taken off cannot be told (docs/metrics.md reads a deduction only where
    every row says so): refused naming it and the first row of each sign.

    >>> frame = pd.DataFrame({"Sale Gross": ["119.00", "59.50"], "Tax": ["-19.00", "-9.50"]})
    >>> tax, gross = np.array([-19.0, -9.5]), np.array([119.0, 59.5])
    >>> deduction_read(frame, "Tax", tax, gross, "Sale Gross", "s.csv").tolist()
    [19.0, 9.5]
    >>> deduction_read(frame, "Tax", -tax, gross, "Sale Gross", "s.csv").tolist()
    [19.0, 9.5]
    >>> mixed = frame.assign(Tax=["19.00", "-9.50"])  # a refund's tax written negative beside its amount, positive
    >>> deduction_read(mixed, "Tax", np.array([19.0, -9.5]), gross, "Sale Gross", "s.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv: 'Tax' is of the sign of 'Sale Gross' in some rows and of the \
opposite sign in others (row 2: '19.00' beside '119.00'; row 3: '-9.50' beside '59.50'): whether it is added to \
'Sale Gross' or taken off it as a deduction cannot be told; write it with one sign: of the amount's sign in every \
row (a refund's tax as the refund is written) or of the opposite sign in every row (a deduction), or remove the \
column if 'Sale Gross' is before it
    """
    rows = np.flatnonzero(np.isfinite(values) & (values != 0) & np.isfinite(money) & (money != 0))
    opposite = np.sign(values[rows]) != np.sign(money[rows])
    if not opposite.any():
        return values
    where = source_of(df, source)
    if not opposite.all():
        same, other = int(rows[~opposite][0]), int(rows[opposite][0])
        first, second = sorted((same, other))
        raise DataError(
            f"{source}: {column!r} is of the sign of {money_name!r} in some rows and of the opposite sign in others "
            f"({row_of(where, first)}: {_beside(df, column, values, money_name, money, first)}; "
            f"{row_of(where, second)}: {_beside(df, column, values, money_name, money, second)}): whether it is "
            f"added to {money_name!r} or taken off it as a deduction cannot be told; write it with one sign: of the "
            "amount's sign in every row (a refund's tax as the refund is written) or of the opposite sign in every "
            f"row (a deduction), or remove the column if {money_name!r} is before it",
            source=source,
            column=column,
        )
    first = int(rows[0])
    shown = show(df[money_name].iloc[first]) if money_name in df.columns else show(money[first])
    note(
        f"{source}: {column!r} is written as a deduction ({row_of(where, first)}: "
        f"{show(df[column].iloc[first])} beside {money_name!r} {shown}): its size is read"
    )
    return -values


def _beside(df: pd.DataFrame, column: str, values: np.ndarray, money_name: str, money: np.ndarray, row: int) -> str:
    """``column``'s value in ``row`` beside the amount's, as the file writes them where it has them."""
    value = show(df[column].iloc[row]) if column in df.columns else show(values[row])
    amount = show(df[money_name].iloc[row]) if money_name in df.columns else show(money[row])
    return f"{value} beside {amount}"
