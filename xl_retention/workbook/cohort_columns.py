"""A column of the user's right of the Cohorts tables, moved right as the tables grow (H265's finding 05).

A user keeping cohorts by hand inserts a column beside the tables ("Comment" in O3, a note per cohort below it, as
LibreOffice's Insert Columns leaves it). Growing the tables to more months writes the template's sheet, whose
survivors triangle then takes that column: ``extend`` stopped, telling the user to move the cells right of the grown
tables and run again (next year again). As Excel's Insert Columns would, the cells of the user's right of every table
of the template move right by as many columns as the tables widened (O3 -> Q3 for 12 -> 15 months), where one of them
is in the grown tables' way. The cells keep their look (their styles), their columns their widths, and a formula
there, a note on one, a conditional format or validation over them go with them (H291 task 1-2): a formula's
references to the sheet's cells as inserting columns would move them (:mod:`.inserted_columns`). A reference to those
columns from a formula, name or chart elsewhere keeps the refusal, which names the cell.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

from . import inplace as ip

__all__ = ["columns_right"]


def _taken(fresh: Any, ref: str) -> bool:
    return fresh[ref].value not in (None, "") or fresh[ref].has_style


def _referenced(package: ip.Package, title: str, first: int, part: str = "") -> bool:
    """Whether a formula, defined name or chart anywhere in ``package`` (but the sheet's own ``part``, whose formulas
    move with it) names a cell of the sheet ``title`` in column ``first`` or right of it (``Cohorts!O4``,
    ``'Cohorts'!$B$4:$P$18``, ``Cohorts!$O:$O``), or a whole row of it."""
    quoted = re.escape(ip.escape(title).encode())
    cell = rb"\$?([A-Z]{1,3})?\$?([0-9]+)?"
    named = re.compile(rb"(?:'" + quoted + rb"'|\b" + quoted + rb")!" + cell + rb"(?::" + cell + rb")?", re.I)
    for name, data in package.data.items():
        if not name.endswith((".xml", ".rels", ".vml")) or name.endswith("styles.xml") or name == part:
            continue
        for match in named.finditer(data):
            letters = [match.group(1), match.group(3)] if match.group(3) or match.group(4) else [match.group(1)]
            if any(letter is None for letter in letters):  # a whole row (Cohorts!4:4): it holds those cells too
                return True
            if max(column_index_from_string(letter.decode().upper()) for letter in letters) >= first:
                return True
    return False


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
    (``moved``: old row -> new row), where one of them would be in the grown tables' way and nothing elsewhere refers
    to them; else {} (the cells stay, or are refused as before)."""
    right = {(r, c): v for (r, c), v in beside.items() if c > widest}
    by = fresh.max_column - widest
    if not right or by <= 0:
        return {}
    if not any(_taken(fresh, f"{get_column_letter(c)}{moved.get(r, r)}") for r, c in right):
        return {}
    first = min(c for _, c in right)
    if _referenced(package, title, first, part):
        return {}
    return {c: c + by for c in sorted({c for _, c in right})}
