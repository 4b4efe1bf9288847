"""A column of the user's right of the Cohorts tables, moved right as the tables grow (H265's finding 05).

A user keeping cohorts by hand inserts a column beside the tables ("Comment" in O3, a note per cohort below it, as
LibreOffice's Insert Columns leaves it). Growing the tables to more months writes the template's sheet, whose
survivors triangle then takes that column: ``extend`` stopped, telling the user to move the cells right of the grown
tables and run again (next year again). As Excel's Insert Columns would, the cells of the user's right of every table
of the template move right by as many columns as the tables widened (O3 -> Q3 for 12 -> 15 months), where one of them
is in the grown tables' way. The cells keep their look (their styles), their columns their widths, and a formula
there, a note on one, a conditional format or validation over them go with them (H291 task 1-2): a formula's
references to the sheet's cells as inserting columns would move them (:mod:`.inserted_columns`). A reference to those
columns from a formula, name or chart elsewhere moves with them too (:mod:`.cohort_column_refs`, H311); one that cannot
move with certainty (inside a text, in a hyperlink) is refused, naming it.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from . import inplace as ip
from .cohort_column_refs import column_refs_problem

__all__ = ["columns_right"]


def _taken(fresh: Any, ref: str) -> bool:
    return fresh[ref].value not in (None, "") or fresh[ref].has_style


def columns_right(
    package: ip.Package,
    part: str,
    title: str,
    beside: dict[tuple[int, int], Any],
    moved: dict[int, int],
    fresh: Any,
    widest: int,
) -> dict[int, int]:
    """The columns of the cells of the user's ``beside`` the Cohorts tables (sheet ``title``, its ``part``) that are
    right of every table of the template (column ``widest`` its last) -> their columns in the grown sheet ``fresh``
    (``moved``: old row -> new row), where one of them would be in the grown tables' way; else {} (the cells stay, or
    are refused as before). References elsewhere to the columns right of the tables move with them
    (:func:`.cohort_column_refs.move_column_refs`); where one cannot, raises :class:`~.inplace.LayoutError` naming
    it."""
    right = {(r, c): v for (r, c), v in beside.items() if c > widest}
    by = fresh.max_column - widest
    if not right or by <= 0:
        return {}
    if not any(_taken(fresh, f"{get_column_letter(c)}{moved.get(r, r)}") for r, c in right):
        return {}
    problem = column_refs_problem(package, title, widest + 1, part, widest + by)
    if problem is not None:  # a reference elsewhere that cannot move with them (H311): refused, naming it
        raise ip.LayoutError(problem)
    return {c: c + by for c in sorted({c for _, c in right})}
