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
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from .._files import atomic_write
from ._style import (
    COUNT_FORMAT,
    INPUT_FILL,
    INPUT_FONT,
    MONEY,
    MONTH_FORMAT,
    NOTE_FONT,
    PERCENT,
    POINTS,
    RATIO,
    define,
    header,
    monthly_name,
    print_setup,
    style,
    validate,
)

TEMPLATE_START = "2026-01"
DEFAULT_MONTHS = 24
NPS_RESPONSE_ROWS = 1000
FIRST_ROW = 2  # the first month's row on every monthly sheet (row 1: headers)


@dataclass(frozen=True)
class Column:
    """One column of a monthly sheet.

    ``formula`` makes it computed; ``first_row_input`` makes its first month an input
    (customers at start are typed only in the first month). ``name`` is the defined
    name of the whole series, e.g. ``Customers_CRR``. ``hidden`` columns feed the
    Dashboard's charts (``#N/A`` where a month has no figure, so that it is a gap) and
    the Lifetime value's churn window.
    """

    key: str
    header: str
    formula: str | None = None
    number_format: str = COUNT_FORMAT
    validation: str | None = None
    width: float = 14
    name: str | None = None
    first_row_input: bool = False
    hidden: bool = False

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
# Customers (or MRR) at start: the previous month's end, once this month has an input, so that
# a month nobody has filled yet stays blank; the first month with data after months without any
# starts from 0 (a new business: nobody was a customer before its data), and a month after an
# unfilled one in the middle is blank, so its rates show #VALUE! (data missing) rather than a guess.
# A customers count typed at the start of the first month (its end left blank) is a business that had customers
# before the data: the next month's start is then unknown (blank), never 0.
CUSTOMERS_START = (
    '=IF(COUNT({gained}:{end})=0,"",IF(COUNT({end:first}:{end-1})+N({start:first})=0,0,IF({end-1}="","",{end-1})))'
)
MRR_START = '=IF(COUNT({new}:{churned})=0,"",IF(COUNT({end:first}:{end-1})=0,0,IF({end-1}="","",{end-1})))'


def _metric(call: str, base: str | None = None) -> str:
    """``=call`` (without "="), blank in a month whose inputs are all blank or whose ``base`` is the number 0.

    The all-blank guard is the contract's own rule ("every input blank: a blank result"), written
    out so that a spreadsheet that lacks the xl-retention functions (LibreOffice) computes the
    blank itself instead of #NAME?. A base of 0 is a month with nothing to take a rate of: the
    function would give ``#DIV/0!``; the workbook and ``import --to-csv`` both leave it blank
    (docs/metrics.md).
    """
    keys = list(dict.fromkeys(re.findall(r"\{\w+\}", call)))
    blank = ",".join(k + '=""' for k in keys)
    empty = f"AND({blank})"
    if base is None:
        return f'=IF({empty},"",{call})'
    return f'=IF(OR({empty},AND(ISNUMBER({base}),{base}=0)),"",{call})'


def _scores(call: str) -> str:
    """``=call`` over the month's scores, blank (computed by any spreadsheet) when it has no scores at all."""
    return f'=IF(COUNTA({{scores}})=0,"",{call})'


def _chart(key: str, sign: str = "") -> str:
    """A chart helper: this month's figure; #N/A (a gap in Excel's charts) for a month without one between
    months with one, or whose figure is an error; blank before the first and after the last (left out of the
    charts' ranges by recalc).

    So a workbook imported for some months holds no error value outside the months it covers, and a month
    without a figure inside them is never drawn as 0 (docs/metrics.md, "Chart gaps").
    """
    before = f"COUNT({{{key}:first}}:{{{key}}})"
    after = f"COUNT({{{key}:column}})>{before}"
    return f'=IF(ISNUMBER({{{key}}}),{sign}{{{key}}},IF(OR(ISERROR({{{key}}}),AND({before}>0,{after})),NA(),""))'


CHART_WIDTH = 12


def _so_far(key: str, header: str, name: str) -> Column:
    """Hidden: 1, 2, ... in the months where ``key`` is a number (the n-th such month), blank elsewhere.

    ``INDEX(series, MATCH(COUNT(series), <this>, 0))`` is then the series' last number, whatever
    comes before or after it (an exact MATCH: no engine's LOOKUP quirks over blanks and errors).
    """
    formula = f'=IF(ISNUMBER({{{key}}}),COUNT({{{key}:first}}:{{{key}}}),"")'
    return Column(f"{key}_seq", header, formula, "0", width=CHART_WIDTH, name=name, hidden=True)


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
        Column("lost", "Lost", _metric("CUSTOMERS_LOST({end},{gained},{start})"), name="Lost_Customers", width=10),
        Column(
            "crr",
            "Retention (CRR)",
            _metric("CRR({end},{gained},{start})", "{start}"),
            PERCENT,
            name="Customers_CRR",
        ),  # fmt: skip
        Column(
            "churn",
            "Churn rate",
            _metric("CHURN_RATE({end},{gained},{start})", "{start}"),
            PERCENT,
            name="Customers_Churn",
        ),  # fmt: skip
        Column(
            "end_chart",
            "Customers at end (chart)",
            _chart("end"),
            COUNT_FORMAT,
            width=CHART_WIDTH,
            name="Customers_End_Chart",
            hidden=True,
        ),  # fmt: skip
        Column(
            "crr_chart",
            "CRR (chart)",
            _chart("crr"),
            PERCENT,
            width=CHART_WIDTH,
            name="Customers_CRR_Chart",
            hidden=True,
        ),  # fmt: skip
        _so_far("churn", "Churn rates so far", "Customers_Churn_Seq"),
        _so_far("end", "Months with customers at end so far", "Customers_End_Seq"),
    ),
    "Type gained and customers at end each month; customers at start follow from the previous month "
    "(type them in the first month only). Rates are blank in a month with no customers at its start.",
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
            # a month with only its start typed (movements blank, counted as 0) ends where it started
            '=IF(COUNT({start}:{churned})=0,"",{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned})',
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
            _metric("NET_REVENUE_CHURN(N({lost}),N({expansion}),{start})", "{start}"),
            PERCENT,
            name="Revenue_Net_Churn",
        ),
        Column(
            "gross_churn",
            "Gross revenue churn",
            _metric("GROSS_REVENUE_CHURN(N({lost}),{start})", "{start}"),
            PERCENT,
            name="Revenue_Gross_Churn",
        ),
        Column(
            "nrr",
            "NRR",
            _metric("NRR(N({lost}),N({expansion}),{start})", "{start}"),
            PERCENT,
            name="Revenue_NRR",
            width=10,
        ),  # fmt: skip
        Column("grr", "GRR", _metric("GRR(N({lost}),{start})", "{start}"), PERCENT, name="Revenue_GRR", width=10),
        Column(
            "quick_ratio",
            "Quick ratio",
            _metric("QUICK_RATIO(N({gained}),N({expansion}),N({lost}))", "N({lost})"),
            RATIO,
            name="Revenue_Quick_Ratio",
            width=11,
        ),
        Column(
            "end_chart",
            "MRR at end (chart)",
            _chart("end"),
            MONEY,
            width=CHART_WIDTH,
            name="Revenue_End_Chart",
            hidden=True,
        ),  # fmt: skip
        Column(
            "nrr_chart",
            "NRR (chart)",
            _chart("nrr"),
            PERCENT,
            width=CHART_WIDTH,
            name="Revenue_NRR_Chart",
            hidden=True,
        ),  # fmt: skip
        Column("grr_chart", "GRR (chart)", _chart("grr"), PERCENT, width=CHART_WIDTH, hidden=True),
        Column(
            "contraction_chart",
            "Contraction MRR (chart)",
            _chart("contraction", "-"),
            MONEY,
            width=CHART_WIDTH,
            hidden=True,
        ),  # fmt: skip
        Column("churned_chart", "Churned MRR (chart)", _chart("churned", "-"), MONEY, width=CHART_WIDTH, hidden=True),
        _so_far("end", "Months with MRR at end so far", "Revenue_End_Seq"),
        _so_far("nrr", "Months with NRR so far", "Revenue_NRR_Seq"),
    ),
    "Type MRR at start in the first month, then each month's movements; MRR at end follows. Revenue rates "
    "are blank in a month with no MRR at its start; the quick ratio is blank in a month with no lost MRR "
    "(nothing lost: no ratio).",
)

NPS_SUMMARY = MonthlySheet(
    "NPS",
    (
        MONTH,
        Column("responses", "Responses", _scores("INDEX(NPS_BREAKDOWN({scores}),1,4)"), name="NPS_Responses"),
        Column("promoters", "Promoters (9-10)", _scores("INDEX(NPS_BREAKDOWN({scores}),1,1)"), name="NPS_Promoters"),
        Column("passives", "Passives (7-8)", _scores("INDEX(NPS_BREAKDOWN({scores}),1,2)"), name="NPS_Passives"),
        Column("detractors", "Detractors (0-6)", _scores("INDEX(NPS_BREAKDOWN({scores}),1,3)"), name="NPS_Detractors"),
        Column("nps", "NPS", _scores("NPS({scores})"), POINTS, name="NPS_Score", width=9),
        Column("moe", "Margin of error (95%)", _scores("NPS_MOE({scores})"), POINTS, name="NPS_Margin", width=13),
        Column(
            "nps_chart", "NPS (chart)", _chart("nps"), POINTS, width=CHART_WIDTH, name="NPS_Score_Chart", hidden=True
        ),
        Column("moe_chart", "Margin of error (chart)", _chart("moe"), POINTS, width=CHART_WIDTH, hidden=True),
        _so_far("nps", "Months with NPS so far", "NPS_Score_Seq"),
    ),
    "Scores go on the 'NPS scores' sheet, one column per month; this summary follows.",
)

# Two different counts of the month's buyers (docs/metrics.md, "Orders"): a repeat purchaser ordered more
# than once THIS month; a returning customer had ordered in an EARLIER month. Each has its own rate.
REPEAT_HEADER = "Repeat purchasers (more than one order that month)"
RETURNING_HEADER = "Returning customers (ordered in an earlier month)"

PURCHASES = MonthlySheet(
    "Purchases and visits",
    (
        MONTH,
        Column("buyers", "Customers who bought", validation="count", width=16, name="Purchases_Buyers"),
        Column("returning", RETURNING_HEADER, validation="count", width=20, name="Purchases_Returning"),
        Column("repeat", REPEAT_HEADER, validation="count", width=20, name="Purchases_Repeat"),
        Column(
            "returning_rate",
            "Returning customer rate",
            _metric("RETURNING_CUSTOMER_RATE({returning},{buyers})", "{buyers}"),
            PERCENT,
            width=16,
            name="Purchases_Returning_Rate",
        ),
        Column(
            "rate",
            "Repeat purchase rate",
            _metric("REPEAT_PURCHASE_RATE({repeat},{buyers})", "{buyers}"),
            PERCENT,
            width=16,
            name="Purchases_Repeat_Rate",
        ),
        Column("visitors", "Visitors", validation="count", name="Visits_Total"),
        Column("returning_visitors", "Returning visitors", validation="count", width=16, name="Visits_Returning"),
        Column(
            "visitor_rate",
            "Returning visitor rate",
            _metric("RETURNING_VISITOR_RATE({returning_visitors},{visitors})", "{visitors}"),
            PERCENT,
            width=16,
            name="Visits_Returning_Rate",
        ),
    ),
    "Type the month's buyers (of whom: returning customers, who ordered in an earlier month, and repeat "
    "purchasers, who ordered more than once that month) and visitors; the rates follow (blank in a month "
    "without buyers or visitors).",
)

MONTHLY_SHEETS: tuple[MonthlySheet, ...] = (CUSTOMERS, REVENUE, NPS_SUMMARY, PURCHASES)
NPS_SCORES_TITLE = "NPS scores"
LIFETIME_TITLE = "Lifetime value"
COHORTS_TITLE = "Cohorts"
ORDER_COHORTS_INPUT = "Order cohorts"  # an inputs key: the order cohorts' table lives on the Cohorts sheet
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

_PLACEHOLDER = re.compile(r"\{(\w+)(-1|:first|:column)?\}")


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
    (``$D:$D``); ``extra`` supplies other keys
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
    ws.cell(row=last + 2, column=1, value=spec.note).font = NOTE_FONT
    print_setup(ws)
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
    print_setup(ws)
    ws.print_title_rows = "1:1"
    return ws


def _scores_range(month_index: int, rows: int) -> str:
    letter = get_column_letter(month_index + 2)
    return f"{quote_sheetname(NPS_SCORES_TITLE)}!{letter}$2:{letter}${rows + 1}"


def _workbook(months: list[dt.date], inputs: dict[str, Any]) -> Workbook:
    from .dashboard import dashboard_sheet  # these build on the descriptions above
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
