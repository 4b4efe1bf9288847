"""A tax or shipping column written as a deduction: negative beside positive amounts, its size the tax or shipping.

Paddle Classic's sales export writes its 'Fee' and 'Tax' as deductions ('Sale Gross' 119.00, 'Tax' -19.00, 'Earnings'
94.05 = 119.00 - 5.95 - 19.00); a shop's 'Shipping' may be written so too. Taken off as written, 119.00 - (-19.00)
counted 138.00 and 105.00 - (-5.00) 110.00, with a note saying the tax was taken off (H527's finding 05). A discount
or refund column written negative was read by its size already (:mod:`.discounts`, :mod:`.refunds`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import row_of, show, source_of
from .notes import note

__all__ = ["deduction_read"]


def deduction_read(
    df: pd.DataFrame, column: str, values: np.ndarray, money: np.ndarray, money_name: str, source: str
) -> np.ndarray:
    """``values`` (a tax or shipping column's numbers) with the sign of the amounts of ``money_name`` beside them
    (``money``): where every row with both filled and not 0 has them of opposite signs (negative beside a sale,
    positive beside a refund), the column is written as a deduction and its size is read, with a note naming it and
    its first such row; otherwise (one sign beside amounts of one, or both signs) as written.

    >>> frame = pd.DataFrame({"Sale Gross": ["119.00", "59.50"], "Tax": ["-19.00", "-9.50"]})
    >>> tax, gross = np.array([-19.0, -9.5]), np.array([119.0, 59.5])
    >>> deduction_read(frame, "Tax", tax, gross, "Sale Gross", "s.csv").tolist()
    [19.0, 9.5]
    >>> deduction_read(frame, "Tax", -tax, gross, "Sale Gross", "s.csv").tolist()
    [19.0, 9.5]
    """
    rows = np.flatnonzero(np.isfinite(values) & (values != 0) & np.isfinite(money) & (money != 0))
    if not rows.size or not np.all(np.sign(values[rows]) != np.sign(money[rows])):
        return values
    first = int(rows[0])
    shown = show(df[money_name].iloc[first]) if money_name in df.columns else show(money[first])
    note(
        f"{source}: {column!r} is written as a deduction ({row_of(source_of(df, source), first)}: "
        f"{show(df[column].iloc[first])} beside {money_name!r} {shown}): its size is read"
    )
    return -values
