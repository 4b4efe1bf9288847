"""The template's Dashboard: the latest figures and native charts of the monthly sheets.

Every chart series reads a hidden chart column (header "... (chart)") holding the month's figure,
``#N/A`` for a month without one between months with one (a gap in Excel) and ``""`` before and
after (no error value in a partly filled workbook). Excel draws ``""`` as 0, LibreOffice any
non-number, so recalc fits every chart of a sheet to its months with figures
(:mod:`xl_retention.workbook.chart_ranges`, docs/metrics.md "Chart gaps")."""

from __future__ import annotations

import datetime as dt

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.data_source import NumDataSource, NumRef
from openpyxl.chart.error_bar import ErrorBars
from openpyxl.chart.marker import Marker
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.styles import Alignment
from openpyxl.utils import column_index_from_string, coordinate_to_tuple, quote_sheetname
from openpyxl.utils.units import cm_to_EMU
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from ..sheet_names import written
from ._style import (
    BORDER,
    COUNT_FORMAT,
    MONEY,
    MONTH_FORMAT,
    NOTE_FONT,
    PERCENT,
    POINTS,
    TITLE_FONT,
    header,
    monthly_name,
    print_setup,
    style,
)  # fmt: skip
from .chart_ranges import TEMPLATE_CHARTS
from .error_texts import in_error
from .figure_notes import figure_notes
from .lifetime_value import CHURN_WINDOW_ROW
from .monthly_formulas import NPS_TEXT_COUNTS, NPS_TEXT_NEGATIVE, NPS_TEXT_SCALE
from .sheets import last_value
from .template import CUSTOMERS, LIFETIME_TITLE, NPS_SUMMARY, PURCHASES, REVENUE, MonthlySheet, column_letter

# the latest figures: label, series, its "so far" column, number format, its sheet
HEADLINES = (
    ("Customers at end", "Customers_End", "Customers_End_Seq", COUNT_FORMAT, "Customers"),
    ("MRR at end", "Revenue_End", "Revenue_End_Seq", MONEY, "Revenue"),
    # the CRR's last number found by itself (LOOKUP over ISNUMBER), not by the churn rates' "so far" column: a CRR or a
    # churn rate typed over its formula as text ('94.8%') in one month put the count on an earlier month (Oct's CRR
    # shown as the latest beside Nov's) or on none (#N/A): H242's finding 01
    ("Retention (CRR)", "Customers_CRR", None, PERCENT, "Customers"),
    ("Net revenue retention (NRR)", "Revenue_NRR", "Revenue_NRR_Seq", PERCENT, "Revenue"),
    ("NPS", "NPS_Score", "NPS_Score_Seq", POINTS, "NPS"),
    ("Lifetime value (CLV), constant churn", "LTV_CLV", None, MONEY, None),
)
#: a shop's figures (orders and visits), beside the latest figures: label, series on "Purchases and visits"
SHOP_FIGURES = (
    ("Repeat purchase rate", "Purchases_Repeat_Rate"),
    ("Returning customer rate", "Purchases_Returning_Rate"),
    ("Returning visitor rate", "Visits_Returning_Rate"),
)
SHOP_COLUMN = 5  # E: the table's first column (D between the two tables; the charts start at row 12)
#: the widths of E:G: F holds "see 'Purchases and visits'!E5" on two lines (wrapped; at 10 wide LibreOffice showed
#: "see 'Purchas", G's month beside it), E "Returning customer rate"; 252 + 77 pixels in Excel as 26, 10, 11 were
SHOP_WIDTHS = (21, 15, 11)
#: the width of the latest figures' Value column (B): "see 'Lifetime value'!B8", a note in place of a figure, whole
VALUE_WIDTH = 23
FIGURE_ROW_HEIGHT = 32  # two lines of 11 points
#: the cells a chart spans from the cell it starts at (:data:`~.chart_ranges.TEMPLATE_CHARTS`): 13 rows down, and
#: across A to C or D to G, ending this far (cm) into its last column (C and G are 2.2 cm wide in Excel). The charts
#: size with the cells, so two side by side fit in A:G, the tables' width (23.4 cm in Excel), which a landscape page
#: (A4 or Letter) holds at full size, in any font (LibreOffice without Calibri draws the columns a third wider).
#: They were 17 cm wide at H, 8.5 cm tall, which printed A:Q at 44% (34% here)
CHART_ROWS, CHART_ENDS = 13, {"A": ("C", 1.6), "D": ("G", 2.0)}
#: the row each page after the first starts at (the blank row above its charts: LibreOffice drew the top edge of
#: charts starting at the break on the page before): a page holds the latest figures and two charts, or four charts
PAGE_ROWS = (25,)
NOTE_ROW = 54  # the note under the charts (recalc fits them), the last row printed
LAST_COLUMN = "G"  # the last column printed: the tables' and the right-hand charts'
#: the note under the charts (row NOTE_ROW; the earlier template's A66)
CHARTS_NOTE = (
    "xl-retention recalc (and import --recalc) fits the charts to the months that have figures: "
    "run it again after typing new months by hand."
)
#: the rows whose text is wrapped across A:G (merged) -> the lines each is tall: import's line of a month in progress
#: (in_progress.py, about 230 characters), the note under the latest figures (about 330) and the note under the charts
WRAPPED_LINES = {2: 2, 10: 3, NOTE_ROW: 2}
MOVEMENT_COLOURS = {  # chart column on Revenue -> its legend and the colour of its column segment
    "new_chart": ("New MRR", "2E7D32"),
    "expansion_chart": ("Expansion MRR", "81C784"),
    "reactivation_chart": ("Reactivation MRR", "4DB6AC"),
    "contraction_chart": ("Contraction MRR", "FFB74D"),
    "churned_chart": ("Churned MRR", "E53935"),
}


def _line_chart(title: str, y_title: str, number_format: str) -> LineChart:
    chart = LineChart()
    _look(chart, title, y_title, number_format)
    return chart


def _look(chart, title: str, y_title: str, number_format: str) -> None:
    chart.title = title
    chart.y_axis.title = y_title
    chart.y_axis.numFmt = number_format
    chart.y_axis.majorGridlines = ChartLines()
    chart.x_axis.number_format = "mmm yy"
    chart.x_axis.majorTimeUnit = "months"
    chart.x_axis.tickLblPos = "low"  # month labels stay below the plot when values go below 0
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.height, chart.width = 6.9, 10.6  # its size in Excel: its cells' (:func:`_anchor`)
    chart.legend.position = "b"
    # a month without a figure between months with one (#N/A in the chart column) is spanned: LibreOffice reads
    # "gap" as "use zero" and drew such a month as 0 (all customers lost); Excel joins the line across it as well
    chart.display_blanks = "span"
    chart.visible_cells_only = False  # the chart columns are hidden: plot them all the same


def chart_box(cell: str) -> tuple[tuple[int, int], tuple[int, int, int]]:
    """The cells a template chart starting at ``cell`` spans: (column, row) of its start and (column, EMU into that
    column, row) of its end, counted from 0 as a drawing's anchor counts them; also where
    :mod:`.dashboard_layout` moves an earlier template's charts to.

    >>> chart_box("D26")
    ((3, 25), (6, 720000, 38))
    """
    row, column = coordinate_to_tuple(cell)
    last, into = CHART_ENDS[cell[0]]
    return (column - 1, row - 1), (column_index_from_string(last) - 1, cm_to_EMU(into), row - 1 + CHART_ROWS)


def _anchor(chart) -> TwoCellAnchor:
    """The cells the template draws ``chart`` over: from the cell of its title in chart_ranges.TEMPLATE_CHARTS (that
    title and that cell are what recalc and import recognise the template's charts by, so that a user's own chart is
    never fitted) to :data:`CHART_ROWS` rows down, in the column :data:`CHART_ENDS` says."""
    (column, row), (last, into, end) = chart_box(
        TEMPLATE_CHARTS["".join(run.t for paragraph in chart.title.tx.rich.p for run in paragraph.r)]
    )
    return TwoCellAnchor(_from=AnchorMarker(col=column, row=row), to=AnchorMarker(col=last, colOff=into, row=end))


def _series(chart, sheet: Worksheet, spec: MonthlySheet, key: str, last: int, title: str | None = None) -> None:
    column = [c.key for c in spec.columns].index(key) + 1
    chart.add_data(Reference(sheet, min_col=column, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last))
    series = chart.series[-1]
    for source in (other.cat.numRef for other in chart.series), (series.val.numRef,):  # set_categories: every one
        for ref in source:  # one month: "$I$2" written as the range "$I$2:$I$2", which import stretches to the
            if ":" not in ref.f:  # months it adds and recalc fits as every other range
                ref.f += ":" + ref.f.rsplit("!", 1)[1]
    if isinstance(chart, LineChart):
        series.smooth = False
        # a small marker on every point: a month between two gaps, or a chart with one month (the 2nd month of
        # the data, demo --months 1), is a point and no line, which a series without markers does not draw at all
        series.marker = Marker(symbol="circle", size=4)
    if title is not None:  # the hidden chart column's header says "(chart)": the legend says what it shows
        series.tx = SeriesLabel(v=title)


def latest_number(name: str, of: str | None = None) -> str:
    """``=`` the last number of the range ``name`` (or the cell of ``of`` in its row); blank when it has none.

    For a sheet without "... so far" columns: ``LOOKUP(2, 1/ISNUMBER(range), ...)`` finds the last cell holding a
    number (text, blanks and errors are skipped), in Excel, LibreOffice and the embedded engine alike.

    >>> latest_number("Purchases_Repeat_Rate")
    '=IF(COUNT(Purchases_Repeat_Rate)=0,"",LOOKUP(2,1/ISNUMBER(Purchases_Repeat_Rate),Purchases_Repeat_Rate))'
    """
    return f'=IF(COUNT({name})=0,"",LOOKUP(2,1/ISNUMBER({name}),{of or name}))'


def _latest(name: str, seq: str | None, of: str | None = None) -> str:
    """``=`` the last number of ``name`` (or the cell of ``of`` in its row): by its "so far" column ``seq``, or,
    without one, by :func:`latest_number`."""
    return last_value(name, seq, of) if seq else latest_number(name, of)


def _not_negative(value: str, name: str, seq: str) -> str:
    """The latest customers (or MRR) at end, or, when it is negative, a text saying so (``below 0: -5``): no count,
    and no error value without a reason on the Dashboard (that month's rates beside it, #NUM!, say why; B4 showed
    Lost's #NUM!, which recalc listed as ``Dashboard!B4 = #NUM!`` with no reason)."""
    last = f"INDEX({name},MATCH(COUNT({name}),{seq},0))"
    assert last in value, value
    return value.replace(last, f'IF(ROUND({last},6)<0,"below 0: "&{last},{last})', 1)  # not -1E-14 of a sum


#: the MRR movements of a Revenue month (new, expansion, reactivation, contraction, churned): the template's names
MOVEMENTS = ("Revenue_New", "Revenue_Expansion", "Revenue_Reactivation", "Revenue_Contraction", "Revenue_Churned")


def _movements_untyped(value: str) -> str:
    """``value`` (the latest MRR at end), unless that month's five movements are all blank (its MRR at start typed
    alone): then where they are, ``see Revenue!C2:G2``. Such a month's MRR at end is its start carried (the next month
    starts there) and its rates are #VALUE! naming the blank movements (32a277e6), so the Dashboard's NRR said
    ``see Revenue!M2`` while its MRR at end showed 50,000 for that month as a figure.

    >>> _movements_untyped('=IF(COUNT(Revenue_End)=0,"",1)').startswith(
    ...     '=IF(IFERROR(AND(INDEX(Revenue_New,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))="",')
    True
    """
    at = "MATCH(COUNT(Revenue_End),Revenue_End_Seq,0)"
    untyped = "AND(" + ",".join(f'INDEX({name},{at})=""' for name in MOVEMENTS) + ")"
    row = f"MIN(ROW(Revenue_End))+{at}-1"
    said = (
        f'"see {written(REVENUE.title)}!"&ADDRESS({row},COLUMN({MOVEMENTS[0]}),4)&":"&'
        f"ADDRESS({row},COLUMN({MOVEMENTS[-1]}),4)"
    )
    return f"=IF(IFERROR({untyped},FALSE),{said},{value.removeprefix('=')})"


def _typed(value: str, name: str, seq: str) -> str:
    """``value`` reading the last month of an input series ``name`` (customers at end) by its "so far" column
    ``seq``, which counts numbers pasted as text too (COUNT does not: the month before was shown), its figure as the
    number (``+0``)."""
    value = value.replace(f"COUNT({name})", f"MAX({seq})")
    return value.replace(f"INDEX({name},MATCH(MAX({seq}),{seq},0))", f"INDEX({name},MATCH(MAX({seq}),{seq},0))+0")


#: the range of the figures a template formula gives (a number outside it was typed over the formula: 95 for 95%,
#: which the Dashboard showed as 9500%); the NRR from 0 to MRR at end / MRR at start (:func:`_in_range`)
RANGES = {
    "Customers_CRR": ("0", "1"),
    "Revenue_NRR": ("0", None),
    "NPS_Score": ("-100", "100"),
    **{name: ("0", "1") for _, name in SHOP_FIGURES},
}
#: the texts a series' formula shows where its figure would be wrong, no figure as an error is none: a month after the
#: last NPS showing one of them said no word while the Dashboard showed the month before's NPS as the latest (January's
#: 10 beside February's ``count < 0``: H384's finding 05); :func:`error_after` says where it is, as for an error
FLAGS = {"NPS_Score": (NPS_TEXT_NEGATIVE, NPS_TEXT_COUNTS, NPS_TEXT_SCALE)}


def _in_range(value: str, name: str, seq: str | None, where: str) -> str:
    """``value`` (the latest number of ``name``), or, where that number is outside :data:`RANGES` (a rate typed over
    its formula as 95 for 95%: the Dashboard showed 9500%), where it is (``see Customers!F4``), as for an error.

    The NRR of a month is at most its MRR at end / MRR at start: NRR x start = end - new - reactivation (an NRR typed
    as 95 in a month of 5,000 at start and 5,750 at end). A month whose start or end is no number is not checked.

    >>> _in_range(latest_number("Customers_CRR"), "Customers_CRR", None, "Customers")[30:]
    'IF(OR(LOOKUP(2,1/ISNUMBER(Customers_CRR),Customers_CRR)<0,LOOKUP(2,1/ISNUMBER(Customers_CRR),Customers_CRR)>1),\
"see Customers!"&ADDRESS(LOOKUP(2,1/ISNUMBER(Customers_CRR),ROW(Customers_CRR)),COLUMN(Customers_CRR),4),\
LOOKUP(2,1/ISNUMBER(Customers_CRR),Customers_CRR)))'
    """
    if name not in RANGES:
        return value
    low, high = RANGES[name]
    if seq:
        at = f"MATCH(COUNT({name}),{seq},0)"
        last, row = f"INDEX({name},{at})", f"MIN(ROW({name}))+{at}-1"
    else:
        last, row = f"LOOKUP(2,1/ISNUMBER({name}),{name})", f"LOOKUP(2,1/ISNUMBER({name}),ROW({name}))"
    assert last in value, value
    if high is None:  # the NRR
        at = f"MATCH(COUNT({name}),{seq},0)"
        kept = f"{last}*INDEX(Revenue_Start,{at})>INDEX(Revenue_End,{at})*(1+1E-9)+1E-9"
        out = f"OR({last}<{low},IFERROR({kept},FALSE))"
    else:
        out = f"OR({last}<{low},{last}>{high})"
    said = f'"see {written(where)}!"&ADDRESS({row},COLUMN({name}),4)'
    return value.replace(last, f"IF({out},{said},{last})", 1)


def _readable(value: str, sheet: str) -> str:
    """``value`` (a formula of one cell: a defined name), or where to look when it is an error: the Dashboard shows no
    error value without a reason (the CLV's #NUM! of a gross margin of 7 was Dashboard!B9's #NUM! with no reason);
    blank when the name no longer refers to a cell (its sheet deleted by a user who does not use it: Excel writes the
    name as #REF!), which said "see 'Lifetime value'!B8" of a sheet the workbook no longer has. The cell is the name's
    as it is now (rows inserted above it: H201's finding 04 said B8, the discount rate, of a CLV moved to B10), on
    ``sheet``, named as a formula names it, quoted where it has a space (H194's finding 03).

    >>> _readable("=LTV_CLV", "Lifetime value").endswith(
    ...     'IF(ISREF(LTV_CLV),"see \\'Lifetime value\\'!"&ADDRESS(ROW(LTV_CLV),COLUMN(LTV_CLV),4),""),LTV_CLV)')
    True
    """
    inner = value.removeprefix("=")
    where = f'"see {written(sheet)}!"&ADDRESS(ROW({inner}),COLUMN({inner}),4)'
    return f'=IF({in_error(inner)},IF(ISREF({inner}),{where},""),{inner})'


def error_after(value: str, name: str, where: str, months: str | None = None, flags: tuple[str, ...] = ()) -> str:
    """``value`` (a latest figure of the range ``name``, or with ``months`` its month), unless a cell of ``name``
    after its last number holds an error: then where that error is (``see Customers!F3``), or its month. The rate of
    the latest month was #NUM! on its own sheet (customers at end above start + gained) while the Dashboard showed the
    month before's, or a blank where no month had one, with no word of it; ``where`` is the sheet's title. An error
    is an error value or its code as text (:func:`~.error_texts.in_error`: the classic add-in's functions return that).
    The sheet is named as a formula names it: ``see 'Purchases and visits'!F5`` (H194's finding 03). ``flags``: the
    texts of :data:`FLAGS` the series' formula shows for no figure (the NPS's ``bad counts``), said as an error is.

    >>> formula, error = error_after('=IF(COUNT(R)=0,"",1)', "R", "Customers"), in_error("R")
    >>> formula.startswith(f"=IF(IFERROR(LOOKUP(2,1/{error},ROW(R)),0)>IFERROR(LOOKUP(2,1/ISNUMBER(R),ROW(R)),0),")
    True
    >>> formula.endswith(f',"see Customers!"&ADDRESS(LOOKUP(2,1/{error},ROW(R)),COLUMN(R),4),IF(COUNT(R)=0,"",1))')
    True
    """
    last_error = f"LOOKUP(2,1/{in_error(name, flags)},ROW({name}))"
    after = f"IFERROR({last_error},0)>IFERROR(LOOKUP(2,1/ISNUMBER({name}),ROW({name})),0)"
    said = f'"see {written(where)}!"&ADDRESS({last_error},COLUMN({name}),4)' if months is None else (
        f"LOOKUP(2,1/{in_error(name, flags)},{months})"
    )  # fmt: skip
    return f"=IF({after},{said},{value.removeprefix('=')})"


#: the row of the last month of Customers typed at all (its customers gained or at end not blank)
_TYPED_ROW = 'LOOKUP(2,1/((Customers_Gained<>"")+(Customers_End<>"")>0),ROW(Customers_End))'


def _incomplete(value: str, months: str | None = None) -> str:
    """``value`` (the latest customers at end, or with ``months`` its month), unless a later month is typed in part
    (its customers gained typed, its end blank or no number): then where that month's end is (``see Customers!D8``),
    or its month. July's gained typed and its end not yet showed June's 59 as the latest beside July's retention
    saying "see Customers!F8" (H172 finding 03)."""
    last = "MIN(ROW(Customers_End))+MATCH(MAX(Customers_End_Seq),Customers_End_Seq,0)-1"
    after = f"IFERROR({_TYPED_ROW},0)>IFERROR({last},0)"
    said = f'"see Customers!"&ADDRESS({_TYPED_ROW},COLUMN(Customers_End),4)' if months is None else (
        _TYPED_ROW.replace("ROW(Customers_End))", f"{months})")
    )  # fmt: skip
    return f"=IF({after},{said},{value.removeprefix('=')})"


def _shop_figures(ws: Worksheet, ranged: bool = True) -> None:
    """The purchases and visits figures (latest month with each), a table beside the latest figures (E3:G6);
    ``ranged``: a rate outside 0 to 1 says where it is (``ranged=False``: the form before, which showed it)."""
    header(ws, 3, ["Purchases and visits", "Value", "Month"], list(SHOP_WIDTHS), first_col=SHOP_COLUMN)
    months = monthly_name(PURCHASES.title)
    for row, (label, name) in enumerate(SHOP_FIGURES, start=4):
        ws.cell(row=row, column=SHOP_COLUMN, value=label).border = BORDER
        value = latest_number(name)
        value = _in_range(value, name, None, PURCHASES.title) if ranged else value
        value = error_after(value, name, PURCHASES.title)
        month = error_after(latest_number(name, months), name, PURCHASES.title, months)
        style(ws.cell(row=row, column=SHOP_COLUMN + 1, value=value), False, PERCENT)
        style(ws.cell(row=row, column=SHOP_COLUMN + 2, value=month), False, MONTH_FORMAT)
        ws.cell(row=row, column=SHOP_COLUMN + 1).alignment = Alignment(vertical="center", wrap_text=True)
    # "see 'Purchases and visits'!E5" (29 characters) on two lines of F (it was cut to "see 'Purchas"): the rows of
    # both tables two lines tall, their texts in the middle
    for row in range(4, 4 + len(HEADLINES)):
        ws.row_dimensions[row].height = FIGURE_ROW_HEIGHT
        shop = (SHOP_COLUMN, SHOP_COLUMN + 2) if row < 4 + len(SHOP_FIGURES) else ()
        for column in (1, 2, 3, *shop):
            ws.cell(row=row, column=column).alignment = Alignment(vertical="center")


def figures(
    ws: Worksheet, incomplete: bool = True, text_said: bool = True, ranged: bool = True, untyped_said: bool = True
) -> None:
    """The latest figures (A3:C9) and a shop's purchases and visits figures (E3:G6) on ``ws``; also what
    :mod:`.dashboard_upgrade` brings an earlier tracker's Dashboard up to (``incomplete=False``: the form before a
    month of Customers typed in part was said, which it upgrades too; ``text_said=False``: the CLV's month before a
    churn rate typed as text was said; ``ranged=False``: the forms before a rate outside its range was said, which
    showed a CRR typed as 95 as 9500%; ``untyped_said=False``: the MRR at end before a month of its MRR at start
    alone was said, which showed that start as the latest MRR at end)."""
    header(
        ws, 3, ["Latest figures", "Value", "Month"], [34, VALUE_WIDTH, 9]
    )  # B: "see 'Lifetime value'!B8" whole; C: Sep 2026
    for row, (label, name, seq, number_format, dated_by) in enumerate(HEADLINES, start=4):
        ws.cell(row=row, column=1, value=label).border = BORDER
        value = _latest(name, seq) if dated_by else _readable(f"={name}", LIFETIME_TITLE)
        if name in ("Customers_End", "Revenue_End"):  # a negative level (-5 typed) is no figure: says so
            value = _not_negative(value, name, seq)
        if name == "Revenue_End" and untyped_said:  # its MRR at start typed alone: no figure yet, as its rates
            value = _movements_untyped(value)
        if name == "Customers_End":  # typed: a number pasted as text counts (its "so far" column counts it)
            value = _typed(value, name, seq)
            value = _incomplete(value) if incomplete else value
        if dated_by and ranged:  # a rate typed over its formula outside its range: where it is, as an error
            value = _in_range(value, name, seq, dated_by)
        if dated_by:  # a rate, the MRR at end (a formula) or customers at end (#N/A pasted) in error after the last
            value = error_after(value, name, dated_by, flags=FLAGS.get(name, ()))
        style(ws.cell(row=row, column=2, value=value), False, number_format)
        if dated_by:
            month = _latest(name, seq, monthly_name(dated_by))
            month = _typed(month, name, seq) if name == "Customers_End" else month
            if name == "Customers_End" and incomplete:
                month = _incomplete(month, monthly_name(dated_by))
            month = error_after(month, name, dated_by, monthly_name(dated_by), FLAGS.get(name, ()))
        else:  # the CLV's churn ends with the last month that has a churn rate
            month = last_value("Customers_Churn", "Customers_Churn_Seq", monthly_name("Customers"))
            # no CLV (no gross margin yet): no month; a CLV in error: the month of the churn it read, not the error
            # (no Lifetime value sheet, its name #REF!: no month); a churn (B5) in error is the error of the last
            # month in error among its 12 (5f6d156): that month, which C9 said was the last with a rate, earlier
            last_error = f"LOOKUP(2,1/{in_error('Customers_Churn')},Customers_Months)"
            if text_said:  # ... or of a churn rate typed as text, which B5 is #VALUE! for (H242's finding 02)
                # (not an error where the month's rate is one: 1/LEN for its text not blank)
                typed = f"ISTEXT(Customers_Churn)*ISNUMBER(1/LEN(Customers_Churn))*(1-{in_error('Customers_Churn')})"
                last_error = f"LOOKUP(2,1/({in_error('Customers_Churn')}+{typed}),Customers_Months)"
            earlier = month.removeprefix("=")
            dated = f"IFERROR({last_error},{earlier})"
            if ranged:  # ... or of the last churn rate typed outside 0 to 1 among its 12 (B5's #NUM!, C5 naming it),
                # not the last month with a rate (G6 typed 4.8, the CLV dated by February's G8: H261's task 4)
                out = "ISNUMBER(Customers_Churn)*((Customers_Churn>1)+(Customers_Churn<0))"
                out_row = f"IFERROR(LOOKUP(2,1/({out}),ROW(Customers_Churn)),0)"
                dated = f"IF({out_row}>={CHURN_WINDOW_ROW},LOOKUP(2,1/({out}),Customers_Months),{dated})"
            month = f"IF({in_error('LTV_Churn')},{dated},{earlier})"
            month = f'=IF(IFERROR({name}="",NOT(ISREF({name}))),"",{month})'
        style(ws.cell(row=row, column=3, value=month), False, MONTH_FORMAT)
    _shop_figures(ws, ranged)


def figures_note(where: str) -> str:
    """The note under the latest figures (A10), its example of where an error is being ``where`` (``Customers!F3``:
    February's CRR; :func:`~.see_texts.follow_renamed_sheets` writes it anew after Customers was renamed)."""
    return (
        f"Each figure is the last month that has it; one in error in a later month says where (see {where}). "
        "Charts show the months with figures: from the first month with a retention rate (an import's first month "
        "has none, starting from no customers) to the last month with data."
    )


#: the text after "(see Customers!F3). " of the note under the latest figures of earlier templates (before
#: 2026-12-03: untrue of a tracker whose first month's customers at start are typed, whose charts start there)
EARLIER_FIGURES_NOTE_ENDS = (
    "Charts show the months whose movements are known: from the month after the data's first (nobody is a customer "
    "at its start) to the last month with data.",
)


def _wrapped(ws: Worksheet, row: int, lines: int) -> None:
    """The note in column A of ``row`` (or the line import writes there) wrapped across A:G (merged), ``lines`` lines
    tall: printed whole inside the print area, where a text running past G was cut at its edge."""
    ws.merge_cells(f"A{row}:{LAST_COLUMN}{row}")
    ws[f"A{row}"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[row].height = 15 * lines + 2


def dashboard_sheet(ws: Worksheet, months: list[dt.date]) -> Worksheet:
    """The latest figures (rows 3-9), a shop's purchases and visits figures (E3:G6) and six charts; ``ws`` is the
    (empty) Dashboard sheet."""
    wb = ws.parent
    ws["A1"] = "Dashboard"
    ws["A1"].font = TITLE_FONT
    last = len(months) + 1
    figures(ws)
    figure_notes(ws)  # E8, E9: the NPS from few answers, the CLV of an earlier month's ARPA
    ws.cell(row=10, column=1, value=figures_note(f"{CUSTOMERS.title}!{column_letter(CUSTOMERS, 'crr')}3"))
    ws["A10"].font = NOTE_FONT

    customers, revenue, nps = wb[CUSTOMERS.title], wb[REVENUE.title], wb[NPS_SUMMARY.title]
    count = _line_chart("Customers at end of month", "customers", "#,##0")
    _series(count, customers, CUSTOMERS, "end_chart", last, "Customers at end")
    count.y_axis.scaling.min = 0  # a level starts its axis at 0: a small change does not look like a collapse
    ws.add_chart(count, _anchor(count))

    moves = BarChart()
    moves.type, moves.grouping, moves.overlap = "col", "stacked", 100
    _look(moves, "MRR movements by month", "MRR", "#,##0")
    for key, (label, colour) in MOVEMENT_COLOURS.items():  # chart columns: a movement pasted as text is its number
        _series(moves, revenue, REVENUE, key, last, label)
        moves.series[-1].graphicalProperties = GraphicalProperties(solidFill=colour)
    ws.add_chart(moves, _anchor(moves))

    retention = _line_chart("Customer retention (CRR)", "retention (CRR)", "0%")
    _series(retention, customers, CUSTOMERS, "crr_chart", last, "Retention (CRR)")
    retention.y_axis.scaling.max = 1  # CRR is at most 100% (docs/metrics.md): no axis up to 120%
    ws.add_chart(retention, _anchor(retention))

    money = _line_chart("Net and gross revenue retention", "share of starting MRR", "0%")
    _series(money, revenue, REVENUE, "nrr_chart", last, "NRR")
    _series(money, revenue, REVENUE, "grr_chart", last, "GRR")
    money.series[-1].graphicalProperties.line.dashStyle = "dash"  # GRR dashed: seen where it equals NRR
    ws.add_chart(money, _anchor(money))

    mrr = _line_chart("MRR at end of month", "MRR", "#,##0")
    _series(mrr, revenue, REVENUE, "end_chart", last, "MRR at end")
    mrr.y_axis.scaling.min = 0
    ws.add_chart(mrr, _anchor(mrr))

    score = _line_chart("NPS with its 95% margin of error", "NPS points", "0")
    _series(score, nps, NPS_SUMMARY, "nps_chart", last, "NPS")
    score.y_axis.scaling.min, score.y_axis.scaling.max, score.y_axis.majorUnit = -100, 100, 25  # bars never clipped
    moe = column_letter(NPS_SUMMARY, "moe_chart")
    margin = NumDataSource(numRef=NumRef(f=f"{quote_sheetname(NPS_SUMMARY.title)}!${moe}$2:${moe}${last}"))
    score.series[0].errBars = ErrorBars(errDir="y", errBarType="both", errValType="cust", plus=margin, minus=margin)
    ws.add_chart(score, _anchor(score))
    ws[f"A{NOTE_ROW}"] = CHARTS_NOTE
    ws[f"A{NOTE_ROW}"].font = NOTE_FONT
    for row, lines in WRAPPED_LINES.items():
        _wrapped(ws, row, lines)
    print_setup(ws, breaks=tuple(-row for row in PAGE_ROWS))  # landscape, one page wide, as many down as it takes
    ws.page_margins = PageMargins(left=0.7, right=0.7, top=0.75, bottom=0.75, header=0.3, footer=0.3)  # Excel's
    ws.print_area = f"A1:{LAST_COLUMN}{NOTE_ROW}"
    return ws
