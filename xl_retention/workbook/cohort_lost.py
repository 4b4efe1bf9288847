"""The Cohorts sheet's formulas left ``=NA()`` by a save as .xls, named by recalc and put back by upgrade.

LibreOffice saving a tracker as .xls (Excel 97-2003) writes ``=NA()`` for each formula calling the package's functions
(SBG_FIT, BDW_FIT, the projections) and keeps it when the file is saved back as .xlsx (H265's finding 06). The monthly
sheets' and the Lifetime value's cells are named and put back (:mod:`.template_cells`, :func:`.upgrade._put_back`,
:func:`.lifetime_forms._lost_back`); on Cohorts the sBG and BdW fits (B34:D34, B35:E35, G35) and every projection
(C40:N51 of a 12-month tracker) stayed #N/A, and with them the Lifetime value's sBG figures ('Lifetime value'!B9, B10),
under ``ok``. :func:`lost_cohort_cells` finds them: a Cohorts cell holding ``=NA()`` where the template's Cohorts sheet
for the tracker's cohorts has another formula, on a sheet laid out as the template's (its column A as the template's:
rows inserted would move the formulas, which are then not known here).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from .put_back import PutBack

__all__ = ["lost_cohort_cells", "put_back_cohorts"]

_NA_FORMULA = re.compile(rb"<(?:\w+:)?f(?:\s[^>]*)?>\s*NA\(\)\s*</(?:\w+:)?f>", re.I)


def _label(value: Any) -> str:
    if isinstance(value, dt.date):
        return f"the {value:%Y-%m} cohort's row"
    return str(value).strip() if value not in (None, "") else "no label"


def _lost(wb: Any) -> tuple[str, list[tuple[str, str, str]]] | None:
    """(the Cohorts sheet's title, [(ref, its row's label, the template's formula)]) of ``wb`` (read-only)."""
    from openpyxl import load_workbook

    from .cohort_sheet import cohorts_title
    from .months_added import cohort_months
    from .template import COHORTS_TITLE, write_template
    from .template_cells import LOST, _plain

    title = cohorts_title(wb)
    if title is None:
        return None
    mine = {(r, c): v for r, row in enumerate(wb[title].iter_rows(values_only=True), 1) for c, v in enumerate(row, 1)}
    lost = [(r, c) for (r, c), v in mine.items() if isinstance(v, str) and _plain(v) == LOST]
    starts = [v for (r, c), v in mine.items() if c == 1 and isinstance(v, dt.date)]
    if not lost or not starts:
        return None
    import pandas as pd

    first = pd.Period(min(starts), freq="M")
    months = cohort_months(wb, first)
    if months is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        template = load_workbook(write_template(Path(tmp, "t.xlsx"), start=str(first), months=months))[COHORTS_TITLE]
    for r in range(1, template.max_row + 1):  # laid out as the template's: column A the same on every row
        theirs, ours = template.cell(r, 1).value, mine.get((r, 1))
        if isinstance(theirs, dt.date) and isinstance(ours, dt.date):
            if (theirs.year, theirs.month) != (ours.year, ours.month):
                return None
        elif (theirs or None) != (ours or None):
            return None
    out = []
    for r, c in sorted(lost):
        formula = template.cell(r, c).value
        if isinstance(formula, str) and formula.startswith("=") and _plain(formula) != LOST:
            out.append((f"{get_column_letter(c)}{r}", _label(mine.get((r, 1))), formula))
    return title, out


def lost_cohort_cells(path: str | os.PathLike[str]) -> list[str]:
    """The Cohorts cells of the tracker at ``path`` left ``=NA()`` where the template has its formula, each as
    ``"Cohorts!B34 (fit)"``; [] where there are none (most files: read only when a sheet holds ``=NA()``)."""
    from .._workbooks import open_read_only
    from ..sheet_names import written

    with zipfile.ZipFile(path) as package:
        names = [n for n in package.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        if not any(_NA_FORMULA.search(package.read(n)) for n in names):
            return []
    wb = open_read_only(path)
    try:
        found = _lost(wb)
    finally:
        wb.close()
    if found is None:
        return []
    title, cells = found
    return [f"{written(title)}!{ref} ({label})" for ref, label, _ in cells]


def put_back_cohorts(package: Any, wb: Any) -> list[str]:
    """Put the template's formula back in each Cohorts cell of ``package`` left ``=NA()`` (``wb``: the workbook read
    only); returns the ranges changed, a row's run of cells as one, as :class:`.put_back.PutBack` ``"lost"``."""
    from openpyxl.utils import quote_sheetname

    from .upgrade_cells import put_formula

    found = _lost(wb)
    if found is None:
        return []
    title, cells = found
    xml, done = package.sheet(title), []
    for ref, _, formula in cells:
        if put_formula(xml, ref, formula):
            done.append(ref)
    runs: list[list[str]] = []
    for ref in done:  # sorted by row, then column: a run of one row's columns is one range
        row, column = int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), ref.rstrip("0123456789")
        last = runs[-1][-1] if runs else None
        if last is not None and int(last.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) == row and _next(last) == column:
            runs[-1].append(ref)
        else:
            runs.append([ref])
    return [
        PutBack(f"{quote_sheetname(title)}!{run[0]}" + (f":{run[-1]}" if len(run) > 1 else ""), "lost") for run in runs
    ]


def _next(ref: str) -> str:
    from openpyxl.utils import column_index_from_string

    return get_column_letter(column_index_from_string(ref.rstrip("0123456789")) + 1)
