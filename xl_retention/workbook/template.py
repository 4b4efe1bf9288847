"""The template workbook, described once and built with openpyxl.

:data:`MONTHLY_SHEETS` describes the tracking sheets (one row per month) column by
column: header, input or formula, number format, validation, named range. Formulas
are written with column keys: ``{end}`` is this row's cell of the column ``end``,
``{end-1}`` the previous row's, ``{scores}`` a per-row value the builder supplies.
The other sheets (Start here, Lifetime value, Cohorts, Dashboard, xlwings.conf) are
laid out by their own small builders below. ``workbooks/retention_template.xlsx`` is
the output of :func:`build_template` with the defaults; a test keeps them equal.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from .._files import atomic_write, not_written, refuse_folder
from ._style import (
    INPUT_FILL,
    INPUT_FONT,
    MONTH_FORMAT,
    define,
    header,
    monthly_name,
    print_setup,
    style,
    validate,
)
from .monthly import (  # the sheets' descriptions, importable from here as before (__all__)
    CHART_WIDTH,
    COHORTS_TITLE,
    CONF_TITLE,
    CUSTOMERS,
    CUSTOMERS_START,
    DASHBOARD_TITLE,
    DEFAULT_MONTHS,
    FIRST_ROW,
    LIFETIME_TITLE,
    MONTH,
    MONTHLY_SHEETS,
    MRR_START,
    NPS_RESPONSE_ROWS,
    NPS_SCORES_TITLE,
    NPS_SUMMARY,
    ORDER_COHORTS_INPUT,
    PURCHASES,
    REPEAT_HEADER,
    RETURNING_HEADER,
    REVENUE,
    SHEET_ORDER,
    START_TITLE,
    TEMPLATE_START,
    Column,
    MonthlySheet,
)

_PLACEHOLDER = re.compile(r"\{(\w+)(-1|:first|:column|:above)?\}")
SCORE_PAGE_MONTHS = 12  # the months of "NPS scores" printed on one page across (a year, at about full size)


def month_range(start: str | dt.date, months: int) -> list[dt.date]:
    """``months`` first-of-month dates from ``start`` ("2026-01" or a date)."""
    if isinstance(start, str):
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", start.strip())
        if not match or not 1 <= int(match[2]) <= 12:
            raise ValueError(f"start must be a month as YYYY-MM, got {start!r}")
        year, month = int(match[1]), int(match[2])
    else:
        year, month = start.year, start.month
    if not 1 <= months <= 1200:
        raise ValueError(f"months must be between 1 and 1200, got {months}")
    if year + (month - 1 + months - 1) // 12 > 9999:  # Excel's last date is 31 December 9999
        raise ValueError(f"start {year:04d}-{month:02d} with months {months} runs past 9999-12, Excel's last month")
    out = []
    for i in range(months):
        y, m = divmod(month - 1 + i, 12)
        out.append(dt.date(year + y, m + 1, 1))
    return out


def render_formula(template: str, letters: dict[str, str], row: int, extra: dict[str, str] | None = None) -> str:
    """``"=CRR({end},{gained},{start})"`` for ``row`` 5 -> ``"=CRR(D5,C5,B5)"``.

    ``{key}`` is this row's cell of column ``key``, ``{key-1}`` the previous row's,
    ``{key:first}`` the first month's (absolute: ``$D$2``), ``{key:column}`` the whole column
    (``$D:$D``), ``{key:above}`` the column from its header to the previous row (``$D$1:D4``: in the first month
    only the header, never the cell itself); ``extra`` supplies other keys
    (``{scores}``) verbatim. An unknown key raises ``KeyError`` naming it.
    """

    def substitute(match: re.Match[str]) -> str:
        key, where = match[1], match[2]
        if extra and key in extra:
            return extra[key]
        if where == ":first":
            return f"${letters[key]}${FIRST_ROW}"
        if where == ":column":
            return f"${letters[key]}:${letters[key]}"
        if where == ":above":
            return f"${letters[key]}${FIRST_ROW - 1}:{letters[key]}{row - 1}"
        return f"{letters[key]}{row - 1 if where else row}"

    return _PLACEHOLDER.sub(substitute, template)


def column_letter(spec: MonthlySheet, key: str) -> str:
    """The column letter of ``key`` on a monthly sheet: ``column_letter(CUSTOMERS, "crr") == "F"``."""
    return get_column_letter([c.key for c in spec.columns].index(key) + 1)


def _monthly(wb: Workbook, spec: MonthlySheet, months: list[dt.date], inputs: dict, extra_by_row=None) -> Worksheet:
    ws = wb.create_sheet(spec.title)
    unknown = set(inputs) - {c.key for c in spec.columns if c.is_input or c.first_row_input}
    if unknown:
        raise ValueError(f"{spec.title} has no input column {sorted(unknown)[0]!r}")
    letters = {c.key: get_column_letter(i) for i, c in enumerate(spec.columns, start=1)}
    header(ws, 1, [c.header for c in spec.columns], [c.width for c in spec.columns])
    first, last = FIRST_ROW, len(months) + FIRST_ROW - 1
    for i, month in enumerate(months):
        row = first + i
        extra = extra_by_row(i) if extra_by_row else None
        for col, column in enumerate(spec.columns, start=1):
            cell = ws.cell(row=row, column=col)
            if column.key == "month":
                cell.value = month
                style(cell, False, MONTH_FORMAT)
                continue
            is_input = column.is_input or (column.first_row_input and row == first)
            if not is_input:
                cell.value = render_formula(column.formula, letters, row, extra)
            elif i < len(inputs.get(column.key, ())):
                cell.value = inputs[column.key][i]
            style(cell, is_input, column.number_format)
    for column in spec.columns:
        letter = letters[column.key]
        if column.validation:
            rows = f"{letter}{first}" if column.first_row_input else f"{letter}{first}:{letter}{last}"
            validate(ws, column.validation, rows)
        if column.name:
            define(wb, column.name, ws, f"${letter}${first}:${letter}${last}")
        if column.hidden:
            ws.column_dimensions[letter].hidden = True
    define(wb, monthly_name(spec.title), ws, f"$A${first}:$A${last}")
    ws.freeze_panes = "B2"
    # the note is a comment on the Month header, not a cell under the months: the sheet holds its table alone, so
    # pandas.read_excel (and Excel's Ctrl+A, a pivot table) reads the months as a rectangle without a stray last row
    ws["A1"].comment = Comment(spec.note, "xl-retention", height=120, width=320)
    breaks = tuple(list(letters).index(key) + 1 for key in spec.page_breaks)
    print_setup(ws, pages_wide=len(breaks) + 1, breaks=breaks)
    ws.print_title_rows = "1:1"
    return ws


def _nps_scores(wb: Workbook, months: list[dt.date], scores: list[list[int]], rows: int) -> Worksheet:
    ws = wb.create_sheet(NPS_SCORES_TITLE)
    header(ws, 1, ["Response"] + [None] * len(months), [10] * (len(months) + 1))
    for j, month in enumerate(months, start=2):
        cell = ws.cell(row=1, column=j, value=month)
        cell.number_format = MONTH_FORMAT
    # responses are numbered as far as there are scores: the sheet prints what it holds, not 1000 empty rows
    filled = max([0, *(len(s) for s in scores[: len(months)])])
    for r in range(2, filled + 2):
        ws.cell(row=r, column=1, value=r - 1).font = Font(color="808080")
    for j, month_scores in enumerate(scores[: len(months)], start=2):
        for r, score in enumerate(month_scores, start=2):
            ws.cell(row=r, column=j, value=score)
    last_col = get_column_letter(len(months) + 1)
    area = f"B2:{last_col}{rows + 1}"
    for j in range(2, len(months) + 2):  # a column style colours the grid without a styled cell each
        column = ws.column_dimensions[get_column_letter(j)]
        column.fill, column.font = INPUT_FILL, INPUT_FONT
    validate(ws, "score", area)
    ws.freeze_panes = "B2"
    # SCORE_PAGE_MONTHS months a page across, the Response column repeated: 120 months fitted to one page's width
    # printed each column a few points wide (unreadable)
    breaks = tuple(score_breaks(len(months) + 1))
    print_setup(ws, pages_wide=len(breaks) + 1, breaks=breaks)
    ws.print_title_rows = "1:1"
    return ws


def score_breaks(last_col: int) -> list[int]:
    """The columns (1 = A) that start a printed page across on "NPS scores" whose last month is in column
    ``last_col``: a page across every :data:`SCORE_PAGE_MONTHS` months.

    >>> score_breaks(25)  # 24 months: B:M and N:Y
    [14]
    """
    return list(range(2 + SCORE_PAGE_MONTHS, last_col + 1, SCORE_PAGE_MONTHS))


def _scores_range(month_index: int, rows: int) -> str:
    letter = get_column_letter(month_index + 2)
    return f"{quote_sheetname(NPS_SCORES_TITLE)}!{letter}$2:{letter}${rows + 1}"


def _workbook(months: list[dt.date], inputs: dict[str, Any]) -> Workbook:
    from .dashboard import dashboard_sheet  # these build on the descriptions above
    from .proven_scale import add_name
    from .sheets import cohorts_sheet, lifetime_sheet, start_here_sheet, xlwings_conf_sheet

    known = {*(s.title for s in MONTHLY_SHEETS), NPS_SCORES_TITLE, LIFETIME_TITLE, COHORTS_TITLE, ORDER_COHORTS_INPUT}
    unknown = set(inputs) - known
    if unknown:
        raise ValueError(f"inputs name no input sheet: {sorted(unknown)}")
    wb = Workbook()
    start_here_sheet(wb, START_TITLE)
    wb.create_sheet(DASHBOARD_TITLE)
    _monthly(wb, CUSTOMERS, months, inputs.get(CUSTOMERS.title, {}))
    _monthly(wb, REVENUE, months, inputs.get(REVENUE.title, {}))
    scores = inputs.get(NPS_SCORES_TITLE, [])
    rows = max([NPS_RESPONSE_ROWS, *(len(s) for s in scores)])  # room for every response
    _monthly(wb, NPS_SUMMARY, months, {}, extra_by_row=lambda i: {"scores": _scores_range(i, rows)})
    _nps_scores(wb, months, scores, rows)
    add_name(wb)  # the months an import wrote from a column proven 0-10, which NPS's check passes over: none yet
    _monthly(wb, PURCHASES, months, inputs.get(PURCHASES.title, {}))
    lifetime_sheet(wb, LIFETIME_TITLE, inputs.get(LIFETIME_TITLE, {}))
    cohorts_sheet(wb, COHORTS_TITLE, months, inputs.get(COHORTS_TITLE, []), inputs.get(ORDER_COHORTS_INPUT, []))
    dashboard_sheet(wb[DASHBOARD_TITLE], months)
    xlwings_conf_sheet(wb, CONF_TITLE)
    assert tuple(wb.sheetnames) == SHEET_ORDER
    wb.properties.creator = "xl-retention"
    wb.properties.title = "Retention tracking"
    fixed = dt.datetime(2026, 1, 1)
    wb.properties.created = fixed
    return wb


_XLSX_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_XLSM_MAIN = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")


def _finish(package: bytes, macro_enabled: bool) -> bytes:
    """Make the package reproducible (fixed modified date) and, for .xlsm, macro-enabled."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"<dcterms:modified\1>2026-01-01T00:00:00Z</dcterms:modified>", data)
            if info.filename == "[Content_Types].xml" and macro_enabled:
                data = data.replace(_XLSX_MAIN, _XLSM_MAIN)
            if info.filename.startswith("xl/charts/chart"):  # Excel: a month whose chart cell is #N/A is a gap
                from .chart_ranges import na_as_gap

                data = na_as_gap(data)
            entry = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return out.getvalue()


#: the most months ``new`` makes and ``extend`` grows a tracker to: the Cohorts sheet's tables are squares of the months
#: (240 months: 57,600 cells each), so the time to make or grow one grows with the square of the months (300 months
#: took minutes); an import whose data runs longer still grows the tracker to its months
MOST_MONTHS = 240
#: why, as the refusals say it
MOST_MONTHS_WHY = (
    f"a tracker holds at most {MOST_MONTHS} months (20 years): its Cohorts tables are squares of the months, so "
    "making and growing it take time with the square of the months"
)


def build_template(
    path: str | os.PathLike[str],
    start: str | dt.date = TEMPLATE_START,
    months: int = DEFAULT_MONTHS,
    overwrite: bool = False,
    inputs: dict[str, Any] | None = None,
    vba_from: str | os.PathLike[str] | None = None,
) -> Path:
    """Write a fresh tracking workbook to ``path`` (.xlsx, or .xlsm macro-enabled).

    ``inputs`` fills input cells, by sheet: for a monthly sheet ``{column_key: [value
    per month]}`` (``"start"``: the first month only), ``"NPS scores"``: a list of
    scores per month, ``"Lifetime value"``: ``{"arpa", "gross_margin",
    "discount_rate"}``, ``"Cohorts"``: a row of counts per signup month.
    The file appears whole or not at all (written aside, then renamed); an existing
    file is only replaced with ``overwrite=True``; a folder that does not exist is refused, naming it
    (``FileNotFoundError``: :func:`check_folder`), not made. ``vba_from``: an .xlsm whose VBA project
    (the wrappers xlwings' Import Functions wrote) the new workbook carries over.
    """
    if isinstance(months, int) and months > MOST_MONTHS:
        raise ValueError(f"months {months}: {MOST_MONTHS_WHY}")
    return write_template(path, start, months, overwrite, inputs, vba_from)


def check_folder(target: Path) -> None:
    """Refuse a workbook ``target`` whose folder does not exist (a mistyped folder): a ``FileNotFoundError`` naming
    the first folder of its path that is missing, nothing made (``new`` and ``demo`` made every missing folder without
    a word, and the workbook went where the user would not look for it: H194's finding 05).

    >>> check_folder(Path("/no-such-folder/reports/q1.xlsx"))
    Traceback (most recent call last):
    ...
    FileNotFoundError: no such folder: /no-such-folder (for /no-such-folder/reports/q1.xlsx): make it first (mkdir -p \
/no-such-folder/reports) or give a path in a folder that exists; nothing was written
    """
    folder = target.parent
    if folder.is_dir():
        return
    missing = folder
    while not missing.parent.is_dir() and missing.parent != missing:
        missing = missing.parent
    if missing.exists():  # a file where the folder should be
        raise FileNotFoundError(f"{missing} is a file, not a folder (for {target}): give a path in a folder; nothing "
                                "was written")  # fmt: skip
    raise FileNotFoundError(
        f"no such folder: {missing} (for {target}): make it first (mkdir -p {folder}) or give a path in a folder that "
        "exists; nothing was written"
    )


def write_template(
    path: str | os.PathLike[str],
    start: str | dt.date = TEMPLATE_START,
    months: int = DEFAULT_MONTHS,
    overwrite: bool = False,
    inputs: dict[str, Any] | None = None,
    vba_from: str | os.PathLike[str] | None = None,
) -> Path:
    """:func:`build_template` for up to 1200 months (Excel's and the template's hard limit): the Cohorts sheet of a
    tracker an import grows past :data:`MOST_MONTHS` months."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".xlsm"):
        raise ValueError(f"path must end in .xlsx or .xlsm, got {str(path)!r}")
    refuse_folder(target)
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} exists: pass overwrite=True to replace it")
    check_folder(target)
    wb = _workbook(month_range(start, months), inputs or {})
    buffer = io.BytesIO()
    if vba_from is not None:
        with open(vba_from, "rb") as handle:  # read first: vba_from may be path itself
            wb.vba_archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    try:
        wb.save(buffer)  # openpyxl writes each sheet to a file of the temporary folder first
    except OSError as error:  # a full /tmp, a file size limit: its errors name no file, or openpyxl's
        raise not_written(target, error, place=tempfile.gettempdir()) from error
    data = _finish(buffer.getvalue(), macro_enabled=suffix == ".xlsm")
    atomic_write(target, data)
    return target


__all__ = [
    "CHART_WIDTH",
    "COHORTS_TITLE",
    "CONF_TITLE",
    "CUSTOMERS",
    "CUSTOMERS_START",
    "Column",
    "DASHBOARD_TITLE",
    "DEFAULT_MONTHS",
    "FIRST_ROW",
    "MOST_MONTHS",
    "MOST_MONTHS_WHY",
    "LIFETIME_TITLE",
    "MONTH",
    "MONTHLY_SHEETS",
    "MRR_START",
    "MonthlySheet",
    "NPS_RESPONSE_ROWS",
    "NPS_SCORES_TITLE",
    "NPS_SUMMARY",
    "ORDER_COHORTS_INPUT",
    "PURCHASES",
    "REPEAT_HEADER",
    "RETURNING_HEADER",
    "REVENUE",
    "SCORE_PAGE_MONTHS",
    "SHEET_ORDER",
    "START_TITLE",
    "TEMPLATE_START",
    "build_template",
    "check_folder",
    "column_letter",
    "write_template",
    "month_range",
    "render_formula",
    "score_breaks",
]
