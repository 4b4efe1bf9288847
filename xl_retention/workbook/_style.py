"""The template's look and the small openpyxl helpers every sheet builder shares."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..registry import BY_NAME
from .formats import COUNT_FORMAT, MONEY, MONTH_FORMAT, PERCENT, POINTS, RATIO, monthly_name  # noqa: F401

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
INPUT_FONT = Font(color="1F4E79")
FORMULA_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
FUTURE_FILL = PatternFill("solid", fgColor="D9D9D9")
TITLE_FONT = Font(bold=True, size=14, color="1F4E79")
NOTE_FONT = Font(italic=True, color="595959")
THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_HEIGHT = 48  # three lines of header text: no header is clipped


# -- validation: what an input cell accepts ------------------------------------------
VALIDATIONS = {
    "count": dict(type="whole", operator="greaterThanOrEqual", formula1="0", error="a whole number, 0 or more"),
    "amount": dict(type="decimal", operator="greaterThanOrEqual", formula1="0", error="an amount, 0 or more"),
    "rate": dict(type="decimal", operator="between", formula1="0", formula2="1", error="a rate from 0% to 100%"),
    "score": dict(type="whole", operator="between", formula1="0", formula2="10", error="a whole score from 0 to 10"),
}


def header(ws: Worksheet, row: int, headers: list[str], widths: list[float], first_col: int = 1) -> None:
    """A header row; a column keeps the larger of its width and ``widths`` (no header is clipped)."""
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), start=first_col):
        cell = ws.cell(row=row, column=col, value=text)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        letter = get_column_letter(col)
        known = letter in ws.column_dimensions  # a width set before: keep the larger
        dimension = ws.column_dimensions[letter]
        dimension.width = max(width, dimension.width) if known else width
    ws.row_dimensions[row].height = HEADER_HEIGHT


def style(cell, is_input: bool, number_format: str) -> None:
    """Yellow input or grey formula cell with its number format."""
    cell.number_format = number_format
    cell.border = BORDER
    if is_input:
        cell.fill, cell.font = INPUT_FILL, INPUT_FONT
    else:
        cell.fill = FORMULA_FILL


def validate(ws: Worksheet, kind: str, sqref: str) -> None:
    """Data validation of ``kind`` (:data:`VALIDATIONS`) over ``sqref``."""
    spec = dict(VALIDATIONS[kind])
    message = spec.pop("error")
    dv = DataValidation(
        **spec,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="xl-retention",
        error=f"Enter {message}.",
        showInputMessage=False,
    )
    dv.add(sqref)
    ws.add_data_validation(dv)


def define(wb: Workbook, name: str, ws: Worksheet, ref: str) -> None:
    """A workbook-level defined name for ``ref`` on ``ws``."""
    # a name equal to a function's (Customers_Lost ~ CUSTOMERS_LOST) breaks formula parsing in LibreOffice
    assert name.upper() not in BY_NAME, f"defined name {name} shadows the formula {name.upper()}"
    wb.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(ws.title)}!{ref}")


def print_setup(ws: Worksheet, landscape: bool = True, pages_wide: int = 1, breaks: tuple[int, ...] = ()) -> None:
    """Printed ``pages_wide`` pages wide (as many pages tall as it takes), on paper of any size.

    ``breaks``: the columns (1 = A) each of which starts a new page across (a table too wide for one page is split
    between its groups of columns, each page at a readable size; column A, the months, is repeated on each), or,
    as negative numbers, the rows each of which starts a new page down (a table of its own on each page). Row breaks
    are kept by LibreOffice and Excel when they fit the width; column breaks are where a fixed scale would put them
    (fitting ``pages_wide`` pages, LibreOffice 7.4 places its own: Revenue's falls there too).
    """
    from openpyxl.worksheet.pagebreak import Break, ColBreak, RowBreak

    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = pages_wide, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    columns, rows = sorted(b for b in breaks if b > 0), sorted(-b for b in breaks if b < 0)
    if columns:
        ws.col_breaks = ColBreak(brk=[Break(id=c - 1, max=1048575) for c in columns])
        ws.print_title_cols = "A:A"
    if rows:
        ws.row_breaks = RowBreak(brk=[Break(id=r - 1) for r in rows])


def colour_scale(ws: Worksheet, sqref: str, low: float = 0.0, high: float = 1.0) -> None:
    """Red (low) - yellow - green (high) colour scale, the usual cohort-table heat map."""
    rule = ColorScaleRule(
        start_type="num", start_value=low, start_color="F8696B",
        mid_type="percentile", mid_value=50, mid_color="FFEB84",
        end_type="num", end_value=high, end_color="63BE7B",
    )  # fmt: skip
    ws.conditional_formatting.add(sqref, rule)


__all__ = [name for name in dir() if name.isupper()] + [
    "colour_scale", "define", "header", "monthly_name", "print_setup", "style", "validate",
]  # fmt: skip
