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
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.data_source import NumDataSource, NumRef
from openpyxl.chart.error_bar import ErrorBars
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .._files import atomic_write
from ..registry import BY_NAME

TEMPLATE_START = "2026-01"
DEFAULT_MONTHS = 24
NPS_RESPONSE_ROWS = 1000
COHORT_SIZE_COLUMN = 2  # B: customers in month 0

# -- look ---------------------------------------------------------------------------
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
INPUT_FONT = Font(color="1F4E79")
FORMULA_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
FUTURE_FILL = PatternFill("solid", fgColor="D9D9D9")
TITLE_FONT = Font(bold=True, size=14, color="1F4E79")
THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

MONTH_FORMAT = "mmm yyyy"
PERCENT = "0.0%"
COUNT_FORMAT = "#,##0"
MONEY = "#,##0.00"
RATIO = "0.00"
POINTS = "0.0"

# -- validation: what an input cell accepts ------------------------------------------
VALIDATIONS = {
    "count": dict(type="whole", operator="greaterThanOrEqual", formula1="0", error="a whole number, 0 or more"),
    "amount": dict(type="decimal", operator="greaterThanOrEqual", formula1="0", error="an amount, 0 or more"),
    "rate": dict(type="decimal", operator="between", formula1="0", formula2="1", error="a rate from 0% to 100%"),
    "score": dict(type="whole", operator="between", formula1="0", formula2="10", error="a whole score from 0 to 10"),
}


@dataclass(frozen=True)
class Column:
    """One column of a monthly sheet.

    ``formula`` makes it computed; ``first_row_input`` makes its first month an input
    (customers at start are typed only in the first month). ``name`` is the defined
    name of the whole series, e.g. ``Customers_CRR``.
    """

    key: str
    header: str
    formula: str | None = None
    number_format: str = COUNT_FORMAT
    validation: str | None = None
    width: float = 14
    name: str | None = None
    first_row_input: bool = False

    @property
    def is_input(self) -> bool:
        return self.formula is None


@dataclass(frozen=True)
class MonthlySheet:
    """A sheet with one row per month: a month column, then ``columns``."""

    title: str
    columns: tuple[Column, ...]
    note: str


MONTH = Column("month", "Month", number_format=MONTH_FORMAT, width=11)
# Customers (or MRR) at start: the previous month's end, once this month has an input, so
# that a month nobody has filled yet stays blank rather than half-filled (#VALUE!).
CUSTOMERS_START = '=IF(OR(COUNT({gained}:{end})=0,{end-1}=""),"",{end-1})'
MRR_START = '=IF(OR(COUNT({new}:{churned})=0,{end-1}=""),"",{end-1})'

CUSTOMERS = MonthlySheet(
    "Customers",
    (
        MONTH,
        Column(
            "start",
            "Customers at start",
            CUSTOMERS_START,
            validation="count",
            first_row_input=True,
            name="Customers_Start",
        ),
        Column("gained", "Gained (new + reactivated)", validation="count", width=16, name="Customers_Gained"),
        Column("end", "Customers at end", validation="count", name="Customers_End"),
        Column("lost", "Lost", "=CUSTOMERS_LOST({end},{gained},{start})", name="Lost_Customers", width=10),
        Column("crr", "Retention (CRR)", "=CRR({end},{gained},{start})", PERCENT, name="Customers_CRR"),
        Column("churn", "Churn rate", "=CHURN_RATE({end},{gained},{start})", PERCENT, name="Customers_Churn"),
    ),
    "Type gained and customers at end each month; customers at start follow from the previous month.",
)

REVENUE = MonthlySheet(
    "Revenue",
    (
        MONTH,
        Column(
            "start",
            "MRR at start",
            MRR_START,
            MONEY,
            "amount",
            first_row_input=True,
            name="Revenue_Start",
        ),
        Column("new", "New MRR", number_format=MONEY, validation="amount", name="Revenue_New"),
        Column("expansion", "Expansion MRR", number_format=MONEY, validation="amount", name="Revenue_Expansion"),
        Column(
            "reactivation",
            "Reactivation MRR",
            number_format=MONEY,
            validation="amount",
            width=16,
            name="Revenue_Reactivation",
        ),
        Column(
            "contraction",
            "Contraction MRR",
            number_format=MONEY,
            validation="amount",
            width=16,
            name="Revenue_Contraction",
        ),
        Column("churned", "Churned MRR", number_format=MONEY, validation="amount", name="Revenue_Churned"),
        Column(
            "end",
            "MRR at end",
            '=IF(COUNT({new}:{churned})=0,"",{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned})',
            MONEY,
            name="Revenue_End",
        ),
        Column(
            "lost",
            "Lost MRR (contraction + churned)",
            '=IF(COUNT({contraction}:{churned})=0,"",{contraction}+{churned})',
            MONEY,
            width=18,
            name="Revenue_Lost",
        ),
        Column(
            "gained",
            "Gained MRR (new + reactivation)",
            '=IF(COUNT({new},{reactivation})=0,"",{new}+{reactivation})',
            MONEY,
            width=18,
            name="Revenue_Gained",
        ),
        Column(
            "net_churn",
            "Net revenue churn",
            "=NET_REVENUE_CHURN({lost},{expansion},{start})",
            PERCENT,
            name="Revenue_Net_Churn",
        ),
        Column(
            "gross_churn",
            "Gross revenue churn",
            "=GROSS_REVENUE_CHURN({lost},{start})",
            PERCENT,
            name="Revenue_Gross_Churn",
        ),
        Column("nrr", "NRR", "=NRR({lost},{expansion},{start})", PERCENT, name="Revenue_NRR", width=10),
        Column("grr", "GRR", "=GRR({lost},{start})", PERCENT, name="Revenue_GRR", width=10),
        Column(
            "quick_ratio",
            "Quick ratio",
            "=QUICK_RATIO({gained},{expansion},{lost})",
            RATIO,
            name="Revenue_Quick_Ratio",
            width=11,
        ),
    ),
    "Type MRR at start in the first month, then each month's movements; MRR at end follows.",
)

NPS_SUMMARY = MonthlySheet(
    "NPS",
    (
        MONTH,
        Column("responses", "Responses", "=INDEX(NPS_BREAKDOWN({scores}),1,4)", name="NPS_Responses"),
        Column("promoters", "Promoters (9-10)", "=INDEX(NPS_BREAKDOWN({scores}),1,1)", name="NPS_Promoters"),
        Column("passives", "Passives (7-8)", "=INDEX(NPS_BREAKDOWN({scores}),1,2)", name="NPS_Passives"),
        Column("detractors", "Detractors (0-6)", "=INDEX(NPS_BREAKDOWN({scores}),1,3)", name="NPS_Detractors"),
        Column("nps", "NPS", "=NPS({scores})", POINTS, name="NPS_Score", width=9),
        Column("moe", "Margin of error (95%)", "=NPS_MOE({scores})", POINTS, name="NPS_Margin", width=13),
    ),
    "Scores go on the 'NPS scores' sheet, one column per month; this summary follows.",
)

PURCHASES = MonthlySheet(
    "Purchases and visits",
    (
        MONTH,
        Column("buyers", "Customers who bought", validation="count", width=16, name="Purchases_Buyers"),
        Column("returning", "Of whom returning", validation="count", width=16, name="Purchases_Returning"),
        Column(
            "rate",
            "Repeat purchase rate",
            "=REPEAT_PURCHASE_RATE({returning},{buyers})",
            PERCENT,
            width=16,
            name="Purchases_Repeat_Rate",
        ),
        Column("visitors", "Visitors", validation="count", name="Visits_Total"),
        Column("returning_visitors", "Returning visitors", validation="count", width=16, name="Visits_Returning"),
        Column(
            "visitor_rate",
            "Returning visitor rate",
            "=RETURNING_VISITOR_RATE({returning_visitors},{visitors})",
            PERCENT,
            width=16,
            name="Visits_Returning_Rate",
        ),
    ),
    "Type the month's buyers and visitors; the rates follow.",
)

MONTHLY_SHEETS: tuple[MonthlySheet, ...] = (CUSTOMERS, REVENUE, NPS_SUMMARY, PURCHASES)
NPS_SCORES_TITLE = "NPS scores"
LIFETIME_TITLE = "Lifetime value"
COHORTS_TITLE = "Cohorts"
DASHBOARD_TITLE = "Dashboard"
CONF_TITLE = "xlwings.conf"
START_TITLE = "Start here"
SHEET_ORDER = (
    START_TITLE,
    DASHBOARD_TITLE,
    "Customers",
    "Revenue",
    "NPS",
    NPS_SCORES_TITLE,
    "Purchases and visits",
    LIFETIME_TITLE,
    COHORTS_TITLE,
    CONF_TITLE,
)

_PLACEHOLDER = re.compile(r"\{(\w+)(-1)?\}")


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
    out = []
    for i in range(months):
        y, m = divmod(month - 1 + i, 12)
        out.append(dt.date(year + y, m + 1, 1))
    return out


def render_formula(template: str, letters: dict[str, str], row: int, extra: dict[str, str] | None = None) -> str:
    """``"=CRR({end},{gained},{start})"`` for ``row`` 5 -> ``"=CRR(D5,C5,B5)"``."""

    def substitute(match: re.Match[str]) -> str:
        key, previous = match[1], match[2]
        if extra and key in extra:
            return extra[key]
        return f"{letters[key]}{row - 1 if previous else row}"

    return _PLACEHOLDER.sub(substitute, template)


def _header(ws: Worksheet, row: int, headers: list[str], widths: list[float]) -> None:
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[row].height = 32


def _style(cell, is_input: bool, number_format: str) -> None:
    cell.number_format = number_format
    cell.border = BORDER
    if is_input:
        cell.fill, cell.font = INPUT_FILL, INPUT_FONT
    else:
        cell.fill = FORMULA_FILL


def _validate(ws: Worksheet, kind: str, sqref: str) -> None:
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


def _define(wb: Workbook, name: str, ws: Worksheet, ref: str) -> None:
    # a name equal to a function's (Customers_Lost ~ CUSTOMERS_LOST) breaks formula parsing in LibreOffice
    assert name.upper() not in BY_NAME, f"defined name {name} shadows the formula {name.upper()}"
    wb.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(ws.title)}!{ref}")


def _print_setup(ws: Worksheet, landscape: bool = True) -> None:
    """Printed one page wide."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _monthly(wb: Workbook, spec: MonthlySheet, months: list[dt.date], inputs: dict, extra_by_row=None) -> Worksheet:
    ws = wb.create_sheet(spec.title)
    unknown = set(inputs) - {c.key for c in spec.columns if c.is_input or c.first_row_input}
    if unknown:
        raise ValueError(f"{spec.title} has no input column {sorted(unknown)[0]!r}")
    letters = {c.key: get_column_letter(i) for i, c in enumerate(spec.columns, start=1)}
    _header(ws, 1, [c.header for c in spec.columns], [c.width for c in spec.columns])
    first, last = 2, len(months) + 1
    for i, month in enumerate(months):
        row = first + i
        extra = extra_by_row(i) if extra_by_row else None
        for col, column in enumerate(spec.columns, start=1):
            cell = ws.cell(row=row, column=col)
            if column.key == "month":
                cell.value = month
                _style(cell, False, MONTH_FORMAT)
                continue
            is_input = column.is_input or (column.first_row_input and row == first)
            if not is_input:
                cell.value = render_formula(column.formula, letters, row, extra)
            elif i < len(inputs.get(column.key, ())):
                cell.value = inputs[column.key][i]
            _style(cell, is_input, column.number_format)
    for column in spec.columns:
        letter = letters[column.key]
        if column.validation:
            rows = f"{letter}{first}" if column.first_row_input else f"{letter}{first}:{letter}{last}"
            _validate(ws, column.validation, rows)
        if column.name:
            _define(wb, column.name, ws, f"${letter}${first}:${letter}${last}")
    _define(wb, f"{re.sub(r'[^A-Za-z]', '_', spec.title)}_Months", ws, f"$A${first}:$A${last}")
    ws.freeze_panes = "B2"
    ws.cell(row=last + 2, column=1, value=spec.note).font = Font(italic=True, color="595959")
    _print_setup(ws)
    return ws


def _nps_scores(wb: Workbook, months: list[dt.date], scores: list[list[int]], rows: int) -> Worksheet:
    ws = wb.create_sheet(NPS_SCORES_TITLE)
    ws.cell(row=1, column=1, value="Response")
    for j, month in enumerate(months, start=2):
        cell = ws.cell(row=1, column=j, value=month)
        cell.number_format = MONTH_FORMAT
    _header(ws, 1, [ws.cell(1, c).value for c in range(1, len(months) + 2)], [10] + [10] * len(months))
    for j in range(2, len(months) + 2):
        ws.cell(row=1, column=j).number_format = MONTH_FORMAT
    for r in range(2, rows + 2):
        ws.cell(row=r, column=1, value=r - 1).font = Font(color="808080")
    for j, month_scores in enumerate(scores[: len(months)], start=2):
        for r, score in enumerate(month_scores, start=2):
            ws.cell(row=r, column=j, value=score)
    last_col = get_column_letter(len(months) + 1)
    area = f"B2:{last_col}{rows + 1}"
    for j in range(2, len(months) + 2):  # a column style colours the grid without a styled cell each
        column = ws.column_dimensions[get_column_letter(j)]
        column.fill, column.font = INPUT_FILL, INPUT_FONT
    _validate(ws, "score", area)
    ws.freeze_panes = "B2"
    return ws


def _scores_range(month_index: int, rows: int) -> str:
    letter = get_column_letter(month_index + 2)
    return f"{quote_sheetname(NPS_SCORES_TITLE)}!{letter}$2:{letter}${rows + 1}"


def _lifetime(wb: Workbook, months: list[dt.date], inputs: dict) -> Worksheet:
    ws = wb.create_sheet(LIFETIME_TITLE)
    ws["A1"] = "Customer lifetime value"
    ws["A1"].font = TITLE_FONT
    churn = "Customers_Churn"
    rows = [
        ("ARPA (average revenue per account per month)", inputs.get("arpa"), MONEY, "amount", "LTV_ARPA"),
        ("Gross margin", inputs.get("gross_margin"), PERCENT, "rate", "LTV_Gross_Margin"),
        (
            "Monthly churn (average of the last 12 months on Customers)",
            # the last 12 filled months; INDEX:INDEX rather than OFFSET, which is volatile
            f'=IF(COUNT({churn})=0,"",AVERAGE(INDEX({churn},MAX(1,COUNT({churn})-11)):INDEX({churn},COUNT({churn}))))',
            "0.00%",
            None,
            "LTV_Churn",
        ),
        ("Discount rate per month", inputs.get("discount_rate", 0.01), "0.00%", "rate", "LTV_Discount_Rate"),
        ("Customer lifetime (months), constant churn", "=CUSTOMER_LIFETIME(B5)", "0.0", None, "LTV_Lifetime"),
        ("Customer lifetime value (CLV), constant churn", "=CLV(B3,B4,B5,B6)", MONEY, None, "LTV_CLV"),
        ("sBG alpha (fitted on Cohorts)", "=SBG_Alpha", "0.000", None, "LTV_SBG_Alpha"),
        ("sBG beta (fitted on Cohorts)", "=SBG_Beta", "0.000", None, "LTV_SBG_Beta"),
        ("Margin per month (ARPA x gross margin)", '=IF(COUNT(B3:B4)<2,"",B3*B4)', MONEY, None, "LTV_Margin"),
        (
            "Discounted expected lifetime (months), sBG",
            '=IF(COUNT(B9:B10)<2,"",SBG_DEL(B9,B10,B6))',
            "0.0",
            None,
            "LTV_SBG_Lifetime",
        ),
        (
            "Customer lifetime value (CLV), sBG",
            '=IF(COUNT(B9:B10)<2,"",SBG_CLV(B11,B9,B10,B6))',
            MONEY,
            None,
            "LTV_SBG_CLV",
        ),
    ]
    for i, (label, value, number_format, validation, name) in enumerate(rows, start=3):
        ws.cell(row=i, column=1, value=label).border = BORDER
        cell = ws.cell(row=i, column=2, value=value)
        is_input = not (isinstance(value, str) and value.startswith("="))
        _style(cell, is_input, number_format)
        if validation:
            _validate(ws, validation, f"B{i}")
        _define(wb, name, ws, f"$B${i}")
    notes = (
        "Constant churn: CLV = ARPA x gross margin x (1 + d) / (d + churn), payment at the start of each month.",
        "sBG: churn differs between customers, so those who stay churn less; CLV = margin x DEL (Fader & Hardie 2010).",
        "The constant-churn figure understates the value of customers who stay; the sBG needs the Cohorts triangle.",
    )
    for i, note in enumerate(notes, start=15):
        ws.cell(row=i, column=1, value=note).font = Font(italic=True, color="595959")
    ws.column_dimensions["A"].width = 58
    ws.column_dimensions["B"].width = 16
    _print_setup(ws, landscape=False)
    return ws


def _cohorts(wb: Workbook, months: list[dt.date], counts: list[list[int]]) -> Worksheet:
    ws = wb.create_sheet(COHORTS_TITLE)
    n = len(months)
    ws["A1"] = "Cohorts: customers still active, by signup month and months since signup"
    ws["A1"].font = TITLE_FONT
    headers = ["Signup month"] + [f"Month {k}" for k in range(n)]
    counts_header, counts_first = 3, 4
    _header(ws, counts_header, headers, [12] + [9] * n)
    pct_title = counts_first + n + 1
    pct_header, pct_first = pct_title + 1, pct_title + 2
    ws.cell(row=pct_title, column=1, value="Retention: share of each cohort still active").font = TITLE_FONT
    _header(ws, pct_header, headers, [12] + [9] * n)
    size = get_column_letter(COHORT_SIZE_COLUMN)
    for i, month in enumerate(months):
        count_row, pct_row = counts_first + i, pct_first + i
        for row in (count_row, pct_row):
            cell = ws.cell(row=row, column=1, value=month)
            _style(cell, False, MONTH_FORMAT)
        for k in range(n):
            col = k + 2
            letter = get_column_letter(col)
            count, pct = ws.cell(row=count_row, column=col), ws.cell(row=pct_row, column=col)
            if i + k >= n:  # the future: outside the triangle
                count.fill = pct.fill = FUTURE_FILL
                continue
            _style(count, True, COUNT_FORMAT)
            if i < len(counts) and k < len(counts[i]):
                count.value = counts[i][k]
            pct.value = (
                f'=IF(OR({letter}{count_row}="",${size}{count_row}="",${size}{count_row}=0),"",'
                f"{letter}{count_row}/${size}{count_row})"
            )
            _style(pct, False, "0%")
    last = get_column_letter(n + 1)
    _validate(ws, "count", f"B{counts_first}:{last}{counts_first + n - 1}")
    _define(wb, "Cohort_Counts", ws, f"$B${counts_first}:${last}${counts_first + n - 1}")
    _define(wb, "Cohort_Retention", ws, f"$B${pct_first}:${last}${pct_first + n - 1}")
    _sbg_projection(wb, ws, months, counts_first, pct_first + n + 1)
    ws.freeze_panes = f"B{counts_first}"
    _print_setup(ws)
    return ws


PROJECTION_MONTHS = 12


def _sbg_projection(wb: Workbook, ws: Worksheet, months: list[dt.date], counts_first: int, top: int) -> None:
    """The sBG model fitted to the whole triangle, and each cohort's retention projected 12 months on."""
    n = len(months)
    ws.cell(row=top, column=1, value="sBG model fitted to the triangle (Fader & Hardie 2007)").font = TITLE_FONT
    _header(ws, top + 1, ["", "alpha", "beta", "log-likelihood"], [12, 9, 9, 14])
    fit = top + 2
    ws.cell(row=fit, column=1, value="fit").border = BORDER
    for col, (k, name, number_format) in enumerate(
        ((1, "SBG_Alpha", "0.000"), (2, "SBG_Beta", "0.000"), (3, "SBG_Log_Likelihood", "0.0")), start=2
    ):
        cell = ws.cell(row=fit, column=col, value=f"=INDEX(SBG_FIT(Cohort_Counts),1,{k})")
        _style(cell, False, number_format)
        _define(wb, name, ws, f"${get_column_letter(col)}${fit}")
    title = fit + 2
    ws.cell(
        row=title,
        column=1,
        value=f"Projected retention, 1 to {PROJECTION_MONTHS} months past the last "
        "observed month: observed share x S(k + h) / S(k)",
    ).font = TITLE_FONT
    headers = ["Signup month", "Observed to month"] + [f"+{h}" for h in range(1, PROJECTION_MONTHS + 1)]
    _header(ws, title + 1, headers, [12, 10] + [9] * PROJECTION_MONTHS)
    for i, month in enumerate(months):
        row, count_row, k = title + 2 + i, counts_first + i, n - 1 - i
        _style(ws.cell(row=row, column=1, value=month), False, MONTH_FORMAT)
        _style(ws.cell(row=row, column=2, value=k), False, "0")
        observed, size = f"{get_column_letter(k + 2)}{count_row}", f"$B{count_row}"
        for h in range(1, PROJECTION_MONTHS + 1):
            formula = (
                f'=IF(OR(SBG_Alpha="",{observed}="",{size}="",{size}=0),"",{observed}/{size}'
                f"*SBG_SURVIVAL(SBG_Alpha,SBG_Beta,$B{row}+{h})/SBG_SURVIVAL(SBG_Alpha,SBG_Beta,$B{row}))"
            )
            _style(ws.cell(row=row, column=2 + h, value=formula), False, "0%")
    first, last = title + 2, title + 1 + n
    _define(wb, "SBG_Projection", ws, f"$C${first}:${get_column_letter(2 + PROJECTION_MONTHS)}${last}")


def _line_chart(title: str, y_title: str, number_format: str) -> LineChart:
    chart = LineChart()
    chart.title = title
    chart.y_axis.title = y_title
    chart.y_axis.numFmt = number_format
    chart.x_axis.number_format = "mmm yy"
    chart.x_axis.majorTimeUnit = "months"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.height, chart.width = 8.5, 17
    chart.legend.position = "b"
    return chart


def column_letter(spec: MonthlySheet, key: str) -> str:
    """The column letter of ``key`` on a monthly sheet: ``column_letter(CUSTOMERS, "crr") == "F"``."""
    return get_column_letter([c.key for c in spec.columns].index(key) + 1)


def _dashboard(wb: Workbook, months: list[dt.date]) -> Worksheet:
    ws = wb[DASHBOARD_TITLE]
    ws["A1"] = "Dashboard"
    ws["A1"].font = TITLE_FONT
    last = len(months) + 1

    def series(chart: LineChart, spec: MonthlySheet, key: str) -> None:
        sheet = wb[spec.title]
        column = [c.key for c in spec.columns].index(key) + 1
        chart.add_data(Reference(sheet, min_col=column, min_row=1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last))
        chart.series[-1].smooth = False

    retention = _line_chart("Customer retention and churn", "retention (CRR)", "0%")
    series(retention, CUSTOMERS, "crr")
    churn = _line_chart("", "churn rate", "0%")
    series(churn, CUSTOMERS, "churn")
    churn.y_axis.axId = 200  # churn on a second axis, at the right: a few percent beside ~95%
    churn.y_axis.crosses = "max"
    churn.y_axis.majorGridlines = None
    retention += churn
    ws.add_chart(retention, "A3")

    money = _line_chart("Net and gross revenue retention", "share of starting MRR", "0%")
    series(money, REVENUE, "nrr")
    series(money, REVENUE, "grr")
    ws.add_chart(money, "K3")

    score = _line_chart("NPS with its 95% margin of error", "NPS points", "0")
    series(score, NPS_SUMMARY, "nps")
    moe = column_letter(NPS_SUMMARY, "moe")
    margin = NumDataSource(numRef=NumRef(f=f"{quote_sheetname(NPS_SUMMARY.title)}!${moe}$2:${moe}${last}"))
    score.series[0].errBars = ErrorBars(errDir="y", errBarType="both", errValType="cust", plus=margin, minus=margin)
    ws.add_chart(score, "A21")
    ws["K21"] = "The charts fill in as months are typed on the tracking sheets."
    ws["K21"].font = Font(italic=True, color="595959")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


START_TEXT = (
    ("xl-retention: retention tracking workbook", TITLE_FONT),
    ("One definition per metric: every metric cell is an xl-retention formula (=CRR, =NPS, =NRR, ...).", None),
    ("", None),
    ("Set up the formulas in Excel", Font(bold=True)),
    ("Windows, classic xlwings: pip install xl-retention, then xlwings addin install.", None),
    ("  The xlwings.conf sheet of this workbook already sets UDF Modules = xl_retention.udfs.", None),
    ("  Excel: File > Options > Trust Center > Macro Settings > Trust access to the VBA project object model.", None),
    ("  xlwings ribbon > Import Functions, then save as .xlsm (xl-retention new tracker.xlsm gives one).", None),
    ("Excel on macOS, Windows or the web: xlwings Lite add-in; requirements.txt: xl-retention;", None),
    ("  main.py: from xl_retention.udfs import *", None),
    ("Without Excel: xl-retention recalc tracker.xlsx computes every formula with the embedded engine.", None),
    ("", None),
    ("Fill a month", Font(bold=True)),
    ("Customers: type gained and customers at end (customers at start: first month only).", None),
    ("Revenue: type MRR at start (first month only), then new, expansion, reactivation, contraction, churned.", None),
    ("NPS scores: one column per month, one response per row; the NPS sheet summarises them.", None),
    ("Purchases and visits, Lifetime value, Cohorts: type the yellow cells.", None),
    ("Months you have not filled stay blank; a partly filled month shows #VALUE! until it is complete.", None),
    ("", None),
    ("Colours", Font(bold=True)),
    ("Yellow cells with blue numbers are inputs", "input"),
    ("Grey cells are formulas: do not type over them", "formula"),
    ("", None),
    ("Formula reference: run  xl-retention functions  or read docs/functions.md in the xl-retention repository.", None),
    (
        "Errors: #DIV/0! a zero denominator; #NUM! a negative count or impossible combination; #VALUE! text or blanks.",
        None,
    ),
)


def _start_here(wb: Workbook) -> Worksheet:
    ws = wb.active
    ws.title = START_TITLE
    for row, (text, style) in enumerate(START_TEXT, start=1):
        cell = ws.cell(row=row, column=1, value=text)
        if isinstance(style, Font):
            cell.font = style
        elif style in ("input", "formula"):
            _style(cell, style == "input", "General")
    ws.column_dimensions["A"].width = 110
    return ws


def _xlwings_conf(wb: Workbook) -> Worksheet:
    ws = wb.create_sheet(CONF_TITLE)
    ws["A1"], ws["B1"] = "UDF Modules", "xl_retention.udfs"
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 24
    return ws


def _workbook(months: list[dt.date], inputs: dict[str, Any]) -> Workbook:
    unknown = set(inputs) - {*(s.title for s in MONTHLY_SHEETS), NPS_SCORES_TITLE, LIFETIME_TITLE, COHORTS_TITLE}
    if unknown:
        raise ValueError(f"inputs name no input sheet: {sorted(unknown)}")
    wb = Workbook()
    _start_here(wb)
    wb.create_sheet(DASHBOARD_TITLE)
    _monthly(wb, CUSTOMERS, months, inputs.get(CUSTOMERS.title, {}))
    _monthly(wb, REVENUE, months, inputs.get(REVENUE.title, {}))
    scores = inputs.get(NPS_SCORES_TITLE, [])
    rows = max([NPS_RESPONSE_ROWS, *(len(s) for s in scores)])  # room for every response
    _monthly(wb, NPS_SUMMARY, months, {}, extra_by_row=lambda i: {"scores": _scores_range(i, rows)})
    _nps_scores(wb, months, scores, rows)
    _monthly(wb, PURCHASES, months, inputs.get(PURCHASES.title, {}))
    _lifetime(wb, months, inputs.get(LIFETIME_TITLE, {}))
    _cohorts(wb, months, inputs.get(COHORTS_TITLE, []))
    _dashboard(wb, months)
    _xlwings_conf(wb)
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
            entry = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return out.getvalue()


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
    file is only replaced with ``overwrite=True``. ``vba_from``: an .xlsm whose VBA project
    (the wrappers xlwings' Import Functions wrote) the new workbook carries over.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".xlsm"):
        raise ValueError(f"path must end in .xlsx or .xlsm, got {str(path)!r}")
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} exists: pass overwrite=True to replace it")
    wb = _workbook(month_range(start, months), inputs or {})
    buffer = io.BytesIO()
    if vba_from is not None:
        with open(vba_from, "rb") as handle:  # read first: vba_from may be path itself
            wb.vba_archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    wb.save(buffer)
    data = _finish(buffer.getvalue(), macro_enabled=suffix == ".xlsm")
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)
    return target


def read_inputs(path: str | os.PathLike[str]) -> tuple[dt.date, int, dict[str, Any]]:
    """The first month, the number of months and the input cells of a tracking workbook.

    The inverse of :func:`build_template`: ``build_template(p, *read_inputs(q)[:2],
    inputs=read_inputs(q)[2])`` rebuilds ``q``'s inputs in a fresh workbook.
    """
    from openpyxl import load_workbook

    wb = load_workbook(path)
    missing = [t for t in SHEET_ORDER if t not in wb.sheetnames]
    if missing:
        raise ValueError(
            f"{Path(path).name} is not an xl-retention tracking workbook (no sheet {missing[0]!r}); "
            "make one with xl-retention new"
        )
    customers = wb[CUSTOMERS.title]
    months = []
    for (value,) in customers.iter_rows(min_row=2, max_col=1, values_only=True):
        if not isinstance(value, (dt.date, dt.datetime)):
            break
        months.append(value.date() if isinstance(value, dt.datetime) else value)
    if not months:
        raise ValueError(f"{Path(path).name}: the Customers sheet has no months in column A")
    n = len(months)

    def trimmed(values: list[Any]) -> list[Any]:
        while values and values[-1] is None:
            values.pop()
        return values

    inputs: dict[str, Any] = {}
    for spec in (CUSTOMERS, REVENUE, PURCHASES):
        ws, sheet_inputs = wb[spec.title], {}
        for col, column in enumerate(spec.columns, start=1):
            if column.key == "month" or not (column.is_input or column.first_row_input):
                continue
            rows = 1 if column.first_row_input else n
            values = trimmed([ws.cell(row=r, column=col).value for r in range(2, rows + 2)])
            if values:
                sheet_inputs[column.key] = values
        inputs[spec.title] = sheet_inputs
    scores_ws = wb[NPS_SCORES_TITLE]
    inputs[NPS_SCORES_TITLE] = [
        [v for (v,) in scores_ws.iter_rows(min_row=2, min_col=j, max_col=j, values_only=True) if v is not None]
        for j in range(2, n + 2)
    ]
    lifetime = wb[LIFETIME_TITLE]
    inputs[LIFETIME_TITLE] = {
        key: lifetime[ref].value
        for key, ref in (("arpa", "B3"), ("gross_margin", "B4"), ("discount_rate", "B6"))
        if lifetime[ref].value is not None
    }
    cohorts = wb[COHORTS_TITLE]
    inputs[COHORTS_TITLE] = trimmed(
        [trimmed([cohorts.cell(row=4 + i, column=2 + k).value for k in range(n - i)]) or None for i in range(n)]
    )
    inputs[COHORTS_TITLE] = [row or [] for row in inputs[COHORTS_TITLE]]
    wb.close()
    return months[0], n, inputs
