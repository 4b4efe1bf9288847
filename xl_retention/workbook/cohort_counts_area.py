"""The survivors triangle's cells as a workbook holds them: the one area the name ``Cohort_Counts`` points to.

Read by the checks that compare the triangle with the monthly sheets (:mod:`.cohorts_behind`,
:mod:`.months_not_closed`): each needs the triangle's sheet, where its counts start and end, and the values of its
rows with the signup-month column beside them (the column left of the counts).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NamedTuple

__all__ = ["CohortCountsArea", "cohort_counts_area", "one_read"]


class CohortCountsArea(NamedTuple):
    """``Cohort_Counts``' sheet title, its first column and row and its last column (1-based), the values of its
    rows from column A to its last column (the signup month at index ``low_col - 2``, the counts from ``low_col - 1``)
    and the name's formula as the workbook holds it (``'Cohorts'!$B$4:$Y$27``).
    """

    sheet: str
    low_col: int
    low_row: int
    high_col: int
    rows: list[tuple[Any, ...]]
    formula: str


#: while :func:`one_read` runs: each workbook's area as read the first time (by its path)
_READ: ContextVar[dict[str, CohortCountsArea | None] | None] = ContextVar("cohort_counts_read", default=None)


@contextmanager
def one_read() -> Iterator[None]:
    """Inside it, :func:`cohort_counts_area` reads each workbook once and gives the same area to every later call:
    for the checks of one :func:`.checks.unread_input` call, which read one file that does not change between them
    (:mod:`.months_not_closed` and :mod:`.cohorts_behind`: openpyxl's reading of the template's triangle is about
    0.04 s each, bench/README.md). Outside it, every call reads the file."""
    token = _READ.set({})
    try:
        yield
    finally:
        _READ.reset(token)


def cohort_counts_area(path: str | os.PathLike[str]) -> CohortCountsArea | None:
    """The area of ``Cohort_Counts`` in the workbook at ``path`` with its rows' values (formulas as their text), or
    None where the name is missing, points to more than one area or to a sheet the workbook lacks, is no range, or
    starts in column A (no signup-month column beside it).

    Example: the 24-month template -> ``CohortCountsArea('Cohorts', 2, 4, 25, [...24 rows...],
    "'Cohorts'!$B$4:$Y$27")``. Read once per file inside :func:`one_read`.
    """
    read = _READ.get()
    if read is None:
        return _area(path)
    key = os.fspath(path)
    if key not in read:
        read[key] = _area(path)
    return read[key]


def _area(path: str | os.PathLike[str]) -> CohortCountsArea | None:
    """:func:`cohort_counts_area` read from the file."""
    from openpyxl.utils.cell import range_boundaries

    from .._workbooks import open_read_only

    wb = open_read_only(path)
    try:
        defined = wb.defined_names.get("Cohort_Counts")
        destinations = list(defined.destinations) if defined is not None else []
        if len(destinations) != 1 or destinations[0][0] not in wb.sheetnames:
            return None
        sheet, area = destinations[0]
        try:
            low_col, low_row, high_col, high_row = range_boundaries(area.replace("$", ""))
        except (TypeError, ValueError):
            return None
        if low_col is None or low_row is None or low_col < 2:
            return None
        rows = list(wb[sheet].iter_rows(min_row=low_row, max_row=high_row, max_col=high_col, values_only=True))
    finally:
        wb.close()
    return CohortCountsArea(sheet, low_col, low_row, high_col, rows, defined.attr_text)
