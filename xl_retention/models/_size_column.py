"""A cohort table's size column selected beside a period-0 column that repeats it: refused, naming the columns.

Cohort tables are often laid out ``Signup month | Customers | Month 0 | Month 1 | ...``, Month 0 repeating the
sign-ups. ``=SBG_FIT(B2:J7)`` (Customers selected too, for ``C2:J7``) shifts every period by one: each cohort keeps
every customer in "period 1", and the fit was silent (alpha 12.72, beta 67.13 for 0.585, 1.214; the sBG CLV 507 for
1,035; H296's finding 08).

Both models (sBG and BdW) lose a share alpha / (alpha + beta) of a cohort in period 1 (S(1) = beta / (alpha + beta)
in both, whatever c), which is > 0 for every finite alpha, beta: no customer lost in period 1 in every cohort, while
the cohorts lose customers later, is a shape the models can only fit at an edge or far from the data.
:func:`refuse_size_column_twice` refuses it where the cohorts followed through period 1 hold
:data:`_AT_RISK` customers or more at period 0 (a few customers may all stay a period by chance), naming the first
cohort's two cells (``at period 0 ... at period 1 in cohort row 1``, which the recalc names as the sheet's cells).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..errors import OutOfRangeError

if TYPE_CHECKING:
    from ._common import TableLabels

__all__ = ["refuse_size_column_twice"]

#: customers the cohorts followed through period 1 must hold together for a period 1 without loss to be refused
_AT_RISK = 10


def refuse_size_column_twice(table: np.ndarray, labels: TableLabels | None = None) -> None:
    """Raise :class:`~xl_retention.errors.OutOfRangeError` (``#NUM!``) where every cohort (row of ``table``, counts
    validated: whole, >= 0, falling) observed at period 1 with customers at period 0 keeps all of them at period 1,
    :data:`_AT_RISK` customers or more together, and some cohort loses customers later; nothing otherwise.

    >>> refuse_size_column_twice(np.array([[1000.0, 1000, 631, 468], [800, 800, 510, np.nan]]))
    Traceback (most recent call last):
    ...
    xl_retention.errors.OutOfRangeError: survivors keep every customer from period 0 to period 1 in every cohort \
(1000 at period 0 and 1000 at period 1 in cohort row 1; 2 cohorts, 1,800 customers) but lose customers later: is \
the cohort-size column selected beside a period-0 column that repeats it (Customers, Month 0)? Leave one of them out \
of the range: the first column is each cohort's size at period 0, the second its customers still active after \
period 1, where the sBG and BdW lose a share alpha / (alpha + beta) of every cohort; a plan no customer can leave \
in its first period (a minimum term) is no sBG or BdW shape either: start the table at the first period customers can \
leave
    >>> refuse_size_column_twice(np.array([[1000.0, 631, 468], [800, 800, 510]]))  # one cohort loses in period 1
    """
    followed = ~np.isnan(table[:, 1]) & (np.nan_to_num(table[:, 0]) > 0) if table.shape[1] >= 2 else None
    if followed is None or not followed.any() or np.any(table[followed, 1] != table[followed, 0]):
        return
    size = float(table[followed, 0].sum())
    later = table[followed, 1:]  # period 1 observed in each: nanmin is the last value (counts only fall)
    if size < _AT_RISK or not np.any(np.nanmin(later, axis=1) < later[:, 0]):
        return
    row = int(np.flatnonzero(followed)[0])
    cohorts = int(followed.sum())
    where = f" in cohort row {row + 1}{labels.row(row) if labels else ''}" if table.shape[0] > 1 else ""
    first = float(table[row, 0])
    every = "every" if cohorts > 1 else "the"
    raise OutOfRangeError(
        f"survivors keep every customer from period 0 to period 1 in {every} cohort ({first:.15g} at period 0 and "
        f"{first:.15g} at period 1{where}; {cohorts} cohort{'s' if cohorts > 1 else ''}, {size:,.0f} customers) but "
        "lose customers later: is the cohort-size column selected beside a period-0 column that repeats it "
        "(Customers, Month 0)? Leave one of them out of the range: the first column is each cohort's size at period "
        "0, the second its customers still active after period 1, where the sBG and BdW lose a share "
        "alpha / (alpha + beta) of every cohort; a plan no customer can leave in its first period (a minimum term) "
        "is no sBG or BdW shape either: start the table at the first period customers can leave",
        "survivors",
        first,
    )
