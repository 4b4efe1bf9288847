"""A tracker's NPS answers pasted below the rows its formulas read: the cells computed from those rows store no value.

The NPS summary reads a fixed block of each month's column of "NPS scores" (rows 2 to 1001 in a new tracker;
``import --nps`` widens it). :func:`..workbook.checks.unread_answers` names the first answer below it, and the file is
``incomplete``; but the month's figures computed from the first 1,000 answers were still written as values (NPS -45.5
where the 1,100 answers give -32.3), with nothing listed and no calculation asked of Excel (H159 finding 06). The
README says an ``incomplete`` file's affected cells are listed and store no value. :func:`overflowed_cells` lists every
formula cell reading such a month's column, directly or not (the NPS row, the Dashboard), for
:func:`.batch.recalc_file` to write without a value.
"""

from __future__ import annotations

import os
import zipfile

from openpyxl.utils import get_column_letter, quote_sheetname

from .unsupported import Unsupported

__all__ = ["FEATURE", "overflowed_cells", "overflowed_columns"]

#: the feature the listed cells name (the report's "unsupported ..." list)
FEATURE = "NPS answers below the rows read"
_REASON = (
    "computed from {area}, and {below} holds an answer below row {last}: the answers below are not counted; import "
    "them with xl-retention import --nps FILE --into (it widens the formulas to every answer), or move them up"
)


def overflowed_columns(path: str | os.PathLike[str]) -> list[tuple[str, int, int, str]]:
    """(answers sheet, column, last row read, first cell below holding an answer) of each month column of a tracker's
    "NPS scores" with an answer below the rows the NPS formulas read; [] for a workbook that is no tracker."""
    with zipfile.ZipFile(path) as package:
        book = package.read("xl/workbook.xml") if "xl/workbook.xml" in package.namelist() else b""
        if b"_Months" not in book:  # no tracker's month name: neither the check nor its modules' imports (issue 14)
            return []
        from ..workbook import checks
        from ..workbook import inplace as ip
        from ..workbook.formats import monthly_name
        from ..workbook.monthly import NPS_SUMMARY
        from .xlsx_values import _sheet_parts

        names = {m.group(1).decode(): m.group(2).decode() for m in checks._NAME.finditer(book)}
        mark = names.get(monthly_name(NPS_SUMMARY.title))
        if mark is None:  # no NPS_Months: not a tracker
            return []
        parts = _sheet_parts(package)
        title = checks._sheet_of(ip.unescape(mark.encode())) or NPS_SUMMARY.title
        summary = parts.get(title)
        if summary is None:
            return []
        answers, last_read = checks._answers_read(package.read(summary), title)
        scores = parts.get(answers) if answers is not None else None
        if scores is None or not last_read:
            return []
        xml = package.read(scores)
        if not checks._rows_below(xml, min(last_read.values())):
            return []
        sheet = ip.SheetXml.parse(xml, answers)
    found: dict[int, tuple[str, int, int, str]] = {}
    lowest = min(last_read.values())
    for number in sorted(n for n in sheet.rows if n > lowest):
        for ref, element in sheet.cells_in_rows(number, number):
            column = ip.split_ref(ref)[1]
            if column in last_read and column not in found and number > last_read[column] and ip.has_content(element):
                found[column] = (answers, column, last_read[column], ref)
    return [found[column] for column in sorted(found)]


def overflowed_cells(path: str | os.PathLike[str], listed: set[tuple[str, str]]) -> list[Unsupported]:
    """Every formula cell (not in ``listed``) reading, directly or not, a month column of :func:`overflowed_columns`,
    with the reason; the workbook is loaded and evaluated in the engine once for its dependencies (only when some
    column overflows)."""
    columns = overflowed_columns(path)
    if not columns:
        return []
    from .engine import load
    from .formula_texts import FormulaTexts
    from .kept import dependents
    from .package import scan

    roots = {(answers, f"{get_column_letter(column)}2"): (answers, f"{get_column_letter(column)}2")
             for answers, column, _, _ in columns}  # fmt: skip
    why = {
        root: _REASON.format(
            area=f"{quote_sheetname(answers)}!{get_column_letter(column)}2:{get_column_letter(column)}{last}",
            below=f"{quote_sheetname(answers)}!{below}",
            last=last,
        )
        for root, (answers, column, last, below) in zip(roots, columns, strict=True)
    }
    info = scan(str(path))
    workbook = load(path, info)
    workbook.evaluate_all()  # (the engine's dependency graph is built by an evaluation)
    formulas = {sheet: FormulaTexts(cells) for sheet, cells in info.formulas.items()}
    found = dependents(workbook, roots, formulas, info)
    return [
        Unsupported(sheet, ref, FEATURE, why[source])
        for (sheet, ref), source in sorted(found.items())
        if (sheet, ref) not in listed
    ]
