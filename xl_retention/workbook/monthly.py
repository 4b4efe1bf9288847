"""The tracking sheets with one row per month, described column by column (built by :mod:`.template`).

Each :class:`MonthlySheet` lists its :class:`Column` s: header, input or formula, number format, validation, named
range. Formulas are written with column keys: ``{end}`` is this row's cell of the column ``end``, ``{end-1}`` the
previous row's, ``{scores}`` a per-row value the builder supplies (:func:`~.template.render_formula`). Also the
titles of the other sheets and their order. Everything here is importable from :mod:`.template` as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .formats import (
    COUNT_FORMAT,
    MONEY,
    MONTH_FORMAT,
    PERCENT,
    POINTS,
    RATIO,
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
    earlier: tuple[str, ...] = ()  # the formulas earlier templates wrote there (import widens them to this one)

    @property
    def is_input(self) -> bool:
        return self.formula is None


@dataclass(frozen=True)
class MonthlySheet:
    """A sheet with one row per month: a month column, then ``columns``."""

    title: str
    columns: tuple[Column, ...]
    note: str
    #: keys of the columns that start a new printed page across (the month column repeated on each): a table too
    #: wide for one page prints in groups of columns at a readable size, not shrunk to one page
    page_breaks: tuple[str, ...] = ()


def template_formula_at(column: Column, row: int) -> bool:
    """Whether the template writes a formula in ``column`` at ``row`` of a monthly sheet (row 2: the first month,
    whose start is typed): import puts it back where a value was typed over it, recalc names such a value."""
    return column.formula is not None and not (column.first_row_input and row == FIRST_ROW)


def months_apart(cell: str, month: tuple[int, int], before: tuple[int, int]) -> str | None:
    """``Customers!A3 is 2026-07, not 2026-09: the months of a tracking sheet must follow each other`` where
    ``month`` (year, month) at ``cell`` (sheet!ref as a formula writes it) is not the month after ``before``; else
    None.

    >>> months_apart("Customers!A3", (2026, 7), (2026, 8))
    'Customers!A3 is 2026-07, not 2026-09: the months of a tracking sheet must follow each other'
    >>> months_apart("Customers!A3", (2027, 1), (2026, 12)) is None
    True
    """
    after = (before[0] + before[1] // 12, before[1] % 12 + 1)
    if tuple(month) == after:
        return None
    return (
        f"{cell} is {month[0]:04d}-{month[1]:02d}, not {after[0]:04d}-{after[1]:02d}: the months of a tracking sheet "
        "must follow each other"
    )


MONTH = Column("month", "Month", number_format=MONTH_FORMAT, width=11)
# Customers (or MRR) at start: the previous month's end, once this month has an input, so that
# a month nobody has filled yet stays blank; the first month with data after months without any
# starts from 0 (a new business: nobody was a customer before its data), and a month after an
# unfilled one in the middle is blank, so its rates show #VALUE! (data missing) rather than a guess.
# A customers count typed at the start of the first month (its end left blank) is a business that had customers
# before the data: the next month's start is then unknown (blank), never 0.
# A month "has an input" when a cell is not empty (="" is FALSE), so a number pasted as text counts: COUNT skips
# text, and a month of text numbers looked unfilled (its start blank: errors blaming the start, not the text).
# Months before "have an input" when a customers at end is not empty, or the first month's start is not 0 nor blank:
# a number pasted as text counts (COUNT and N() skipped text: the first month typed as text made the next start 0,
# its lost customers #NUM!); the previous end is passed on as its number, a text that is no number as it is.
# (The months before with an input are counted as ROWS - COUNTBLANK: no array arithmetic over a range that grows
# down the column, which cost every spreadsheet a formula evaluated per cell.)
CUSTOMERS_START = (
    '=IF(AND({gained}="",{end}=""),"",IF(ROWS({end:first}:{end-1})-COUNTBLANK({end:first}:{end-1})'
    '+IFERROR(--({start:first}+0<>0),1)=0,0,IF({end-1}="","",IFERROR({end-1}+0,{end-1}))))'
)
#: the form of CUSTOMERS_START before it counted without array arithmetic (the same values; upgrade.EARLIER)
CUSTOMERS_START_ARRAY = (
    '=IF(AND({gained}="",{end}=""),"",IF(SUMPRODUCT(--({end:first}:{end-1}<>""))+IFERROR(--({start:first}+0<>0),1)'
    '=0,0,IF({end-1}="","",IFERROR({end-1}+0,{end-1}))))'
)
# The MRR at start: 0 only when no month before has an MRR at end, not even an error (a first month whose own start
# was left blank ends in #VALUE!: unknown, never 0, and so is every month after it: MRR at end follows from the start),
# and the month has no expansion, contraction or churned MRR, which an MRR of 0 cannot have: such a month's start is
# unknown (blank: its MRR at end #VALUE!, the reason names this cell), as in a first month typed in row 2.
MRR_START = (
    '=IF(AND({new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",'
    "IF(ROWS({end:first}:{end-1})-COUNTBLANK({end:first}:{end-1})=0,"
    'IF(IFERROR(({expansion}+0<>0)+({contraction}+0<>0)+({churned}+0<>0),1)=0,0,""),IF({end-1}="","",{end-1})))'
)
#: MRR_START before a first month of data below row 2 with churned, contraction or expansion MRR was refused (it
#: started from 0: churn out of an MRR of 0 accepted, MRR at end and every later month silently wrong)
MRR_START_ZERO = (
    '=IF(AND({new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",'
    'IF(ROWS({end:first}:{end-1})-COUNTBLANK({end:first}:{end-1})=0,0,IF({end-1}="","",{end-1})))'
)
#: MRR_START before an error in a month before was passed on (COUNT skipped it: the month after started from 0)
MRR_START_COUNT = (
    '=IF(AND({new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",'
    'IF(COUNT({end:first}:{end-1})=0,0,IF({end-1}="","",{end-1})))'
)
MRR_END = (
    '=IF(AND({start}="",{new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",'
    "IF(OR({start}+0<0,{new}+0<0,{expansion}+0<0,{reactivation}+0<0,{contraction}+0<0,{churned}+0<0),#NUM!,"
    'IF({start}="",#VALUE!,{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned})))'
)
#: MRR_END before a blank start was refused (a first month's blank MRR at start summed as 0)
MRR_END_BLANK_START = (
    '=IF(AND({start}="",{new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",'
    "IF(OR({start}+0<0,{new}+0<0,{expansion}+0<0,{reactivation}+0<0,{contraction}+0<0,{churned}+0<0),#NUM!,"
    "{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned}))"
)
# The expansion MRR a rate takes: a blank is 0; a number pasted as text is that number, as in the arithmetic of
# MRR at end (N() made it 0: NRR, net revenue churn and the quick ratio silently left the expansion out).
EXPANSION = 'IF({expansion}="",0,{expansion}+0)'
# The MRR at start a rate takes: a number pasted as text (the first month's start, typed) is that number, as in the
# MRR at end (the functions refused it: "start_mrr must be a number, got ' 1000 '"); a blank stays blank (the
# contract's #VALUE!), a text that is no number is given as it is (the functions name it).
START = 'IF({start}="","",IFERROR({start}+0,{start}))'
# What a month whose base is 0 cannot have (its rate is then called, #DIV/0! naming the base, not left blank):
# customers at end other than those gained (lost out of none, or more than gained); lost MRR (contraction +
# churned), or with the net rates expansion MRR, out of an MRR at start of 0.
_CUSTOMERS_MOVED = "{end}+0<>{gained}+0"
_MRR_LOST = "N({lost})<>0"
_MRR_MOVED = f"OR(N({{lost}})<>0,{EXPANSION}<>0)"


def number(key: str) -> str:
    """The value of input ``key`` a function takes: a number pasted as text is that number, as Excel's arithmetic reads
    it (the functions refused it: "customers_end must be a number, got '115'"); a blank stays blank (the contract's
    #VALUE! beside figures), a text that is no number is given as it is (the functions name it)."""
    return START.replace("{start}", "{" + key + "}")


def _metric(call: str, base: str | None = None, moved: str | None = None) -> str:
    """``=call`` (without "="), blank in a month whose inputs are all blank or whose ``base`` is the number 0.

    The all-blank guard is the contract's own rule ("every input blank: a blank result"), written
    out so that a spreadsheet that lacks the xl-retention functions (LibreOffice) computes the
    blank itself instead of #NAME?. A base of 0 is a month with nothing to take a rate of: the
    function would give ``#DIV/0!``; the workbook and ``import --to-csv`` both leave it blank
    (docs/metrics.md). With ``moved`` (a condition: the month has what a base of 0 cannot have, e.g. churned MRR
    out of an MRR at start of 0), such a month is not blank: the function is called and gives ``#DIV/0!`` naming the
    base of 0 (a blank there hid the impossible month; the figures above a base above 0 give ``#NUM!``).
    """
    keys = list(dict.fromkeys(re.findall(r"\{\w+\}", call)))
    blank = ",".join(k + '=""' for k in keys)
    empty = f"AND({blank})"
    if base is None:
        return f'=IF({empty},"",{call})'
    if moved is None:
        return f'=IF(OR({empty},AND(ISNUMBER({base}),{base}=0)),"",{call})'
    return f'=IF(OR({empty},AND(ISNUMBER({base}),{base}=0,NOT(IFERROR({moved},FALSE)))),"",{call})'


#: (sheet, column key) -> the rate's formula before a base of 0 with figures it cannot have was refused (blank: churned
#: MRR out of an MRR at start of 0 typed, 3 returning buyers of 0 buyers, accepted without a word); upgrade.EARLIER
BLANK_AT_ZERO: dict[tuple[str, str], str] = {}


def _rate(where: tuple[str, str], call: str, base: str, moved: str) -> str:
    """:func:`_metric` of a rate whose ``base`` of 0 is blank only while ``moved`` is false; the earlier form (blank at
    any base of 0) is kept in :data:`BLANK_AT_ZERO` under ``where``."""
    BLANK_AT_ZERO[where] = _metric(call, base)
    return _metric(call, base, moved)


def _scores(call: str) -> str:
    """``=call`` over the month's scores, blank (computed by any spreadsheet) when it has no scores at all."""
    return f'=IF(COUNTA({{scores}})=0,"",{call})'


def _chart(key: str, sign: str = "", level: bool = False) -> str:
    """A chart helper: this month's figure; #N/A (a gap in Excel's charts) for a month without one between
    months with one, or whose figure is an error; blank before the first and after the last (left out of the
    charts' ranges by recalc). A ``level`` (customers or MRR at end) below 0 is no figure: #N/A too (-5 typed as
    customers at end was drawn as a point at -5 while the month's rates were #NUM!).

    So a workbook imported for some months holds no error value outside the months it covers, and a month
    without a figure inside them is never drawn as 0 (docs/metrics.md, "Chart gaps").
    """
    before = f"COUNT({{{key}:first}}:{{{key}}})"
    after = f"COUNT({{{key}:column}})>{before}"
    figure = f"IF(ROUND({{{key}}},6)<0,NA(),{{{key}}})" if level else f"{sign}{{{key}}}"  # not -1E-14 of sums
    return f'=IF(ISNUMBER({{{key}}}),{figure},IF(OR(ISERROR({{{key}}}),AND({before}>0,{after})),NA(),""))'


def _movement_chart(key: str, sign: str = "") -> str:
    """The chart helper of an MRR movement (an input): the number Excel reads in arithmetic, so a movement pasted
    as text ("500") is drawn as the 500 that MRR at end and the rates take (the bars read the inputs, or tested
    ISNUMBER, and drew it as 0 or a gap). A blank is what :func:`_chart` makes of it (#N/A between months with
    numbers, blank before and after); a text that is no number, or an error, is #N/A (a gap, never a bar at 0:
    the row's MRR at end and rates show #VALUE!). A negative amount (a churn typed as -100, the sign of a loss) is
    #N/A too: the month's MRR at end and rates are #NUM!, and the bar (``sign`` "-" for the losses) was drawn on the
    wrong side of zero, a churn of -100 as a gain of 100.
    """
    before = f"COUNT({{{key}:first}}:{{{key}}})"
    after = f"COUNT({{{key}:column}})>{before}"
    number = f"({{{key}}}+0)" if sign else f"{{{key}}}+0"
    drawn = f"IF({{{key}}}+0<0,NA(),{sign}{number})"
    return f'=IF(ISERROR({{{key}}}+0),NA(),IF({{{key}}}="",IF(AND({before}>0,{after}),NA(),""),{drawn}))'


CHART_WIDTH = 12

# Customers at end is typed: a number pasted as text ("95") is a figure the month has, as the rates read it (x+0), so
# the months so far count it (COUNT skipped it: the month was a gap in the chart and the Dashboard's latest figure and
# the lifetime value's ARPA read the month before) and the chart draws its number; a text that is no number is a gap
# (its rates #VALUE! name it). The n-th such month is 1 + the count of such months above it (this column's numbers
# above, from its header): no array arithmetic over a range that grows down the column.
_TYPED_NUMBER = 'ISNUMBER(IFERROR(IF({end}="","",{end}+0),""))'
END_SEQ = f'=IF({_TYPED_NUMBER},COUNT({{end_seq:above}})+1,"")'
#: the form of END_SEQ before it counted the months above (the same values; upgrade.EARLIER)
END_SEQ_ARRAY = (
    f"=IF({_TYPED_NUMBER},SUMPRODUCT(--ISNUMBER({{end:first}}:{{end}}+0))-(ROWS({{end:first}}:{{end}})"
    '-COUNTA({end:first}:{end})),"")'
)
_BEFORE = "MAX({end_seq:first}:{end_seq})"
END_CHART = (
    '=IF(ISNUMBER({end_seq}),IF(ROUND({end}+0,6)<0,NA(),{end}+0),IF(ISERROR({end}),NA(),IF({end}<>"",NA(),'
    f'IF(AND({_BEFORE}>0,MAX({{end_seq:column}})>{_BEFORE}),NA(),""))))'
)


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
        Column(
            "lost",
            "Lost",
            _metric(f"CUSTOMERS_LOST({number('end')},{number('gained')},{number('start')})"),
            name="Lost_Customers",
            width=10,
        ),
        Column(
            "crr",
            "Retention (CRR)",
            _rate(
                ("Customers", "crr"),
                f"CRR({number('end')},{number('gained')},{number('start')})",
                number("start"),
                _CUSTOMERS_MOVED,
            ),
            PERCENT,
            name="Customers_CRR",
        ),  # fmt: skip
        Column(
            "churn",
            "Churn rate",
            _rate(
                ("Customers", "churn"),
                f"CHURN_RATE({number('end')},{number('gained')},{number('start')})",
                number("start"),
                _CUSTOMERS_MOVED,
            ),
            PERCENT,
            name="Customers_Churn",
        ),  # fmt: skip
        Column(
            "end_chart",
            "Customers at end (chart)",
            END_CHART,
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
        Column(
            "end_seq",
            "Months with customers at end so far",
            END_SEQ,
            "0",
            width=CHART_WIDTH,
            name="Customers_End_Seq",
            hidden=True,
        ),
    ),
    "Type gained and customers at end each month; customers at start follow from the previous month "
    "(type them in the first month only). Rates are blank in a month with no customers at its start.",
)

#: The Revenue sheet's rates of the MRR at start, in their columns' order: (column key, header, call, the test that MRR
#: moved, under which a start of 0 is no blank but the rate's error (:func:`_rate`), defined name, width).
_REVENUE_RATES = (
    ("net_churn", "Net revenue churn", f"NET_REVENUE_CHURN(N({{lost}}),{EXPANSION},{START})", _MRR_MOVED,
     "Revenue_Net_Churn", 14),
    ("gross_churn", "Gross revenue churn", f"GROSS_REVENUE_CHURN(N({{lost}}),{START})", _MRR_LOST,
     "Revenue_Gross_Churn", 14),
    ("nrr", "NRR", f"NRR(N({{lost}}),{EXPANSION},{START})", _MRR_MOVED, "Revenue_NRR", 10),
    ("grr", "GRR", f"GRR(N({{lost}}),{START})", _MRR_LOST, "Revenue_GRR", 10),
)  # fmt: skip

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
            # a month with only its start typed (movements blank, counted as 0) ends where it started; a negative
            # amount (a churn typed as -100) is #NUM!, not added to the MRR of this and later months (the rates name
            # it: their lost MRR, the plain sum beside, is negative). The guard tests the number the sum reads (x+0):
            # a negative pasted as text ("-30", "(40)") is greater than 0 in a comparison, and was subtracted.
            # A month with movements whose start is blank (the first month's start not typed, or the month before
            # without an MRR at end) is #VALUE!: its end is unknown (the first month's blank start was summed as 0).
            MRR_END,
            MONEY,
            name="Revenue_End",
        ),
        Column(
            "lost",
            "Lost MRR (contraction + churned)",
            '=IF(AND({contraction}="",{churned}=""),"",{contraction}+{churned})',  # text numbers too (was COUNT)
            MONEY,
            width=18,
            name="Revenue_Lost",
        ),
        Column(
            "gained",
            "Gained MRR (new + reactivation)",
            '=IF(AND({new}="",{reactivation}=""),"",{new}+{reactivation})',
            MONEY,
            width=18,
            name="Revenue_Gained",
        ),
        *(
            Column(key, title, _rate(("Revenue", key), call, START, moved), PERCENT, name=name, width=width)
            for key, title, call, moved, name, width in _REVENUE_RATES
        ),
        Column(
            "quick_ratio",
            "Quick ratio",
            _metric(f"QUICK_RATIO(N({{gained}}),{EXPANSION},N({{lost}}))", "N({lost})"),
            RATIO,
            name="Revenue_Quick_Ratio",
            width=11,
        ),
        Column(
            "end_chart",
            "MRR at end (chart)",
            _chart("end", level=True),
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
            _movement_chart("contraction", "-"),
            MONEY,
            width=CHART_WIDTH,
            hidden=True,
        ),  # fmt: skip
        Column(
            "churned_chart",
            "Churned MRR (chart)",
            _movement_chart("churned", "-"),
            MONEY,
            width=CHART_WIDTH,
            hidden=True,
        ),  # fmt: skip
        _so_far("end", "Months with MRR at end so far", "Revenue_End_Seq"),
        _so_far("nrr", "Months with NRR so far", "Revenue_NRR_Seq"),
        # after the columns earlier templates had (their letters unchanged): the bars of the gains
        Column("new_chart", "New MRR (chart)", _movement_chart("new"), MONEY, width=CHART_WIDTH, hidden=True),
        Column(
            "expansion_chart",
            "Expansion MRR (chart)",
            _movement_chart("expansion"),
            MONEY,
            width=CHART_WIDTH,
            hidden=True,
        ),  # fmt: skip
        Column(
            "reactivation_chart",
            "Reactivation MRR (chart)",
            _movement_chart("reactivation"),
            MONEY,
            width=CHART_WIDTH,
            hidden=True,
        ),  # fmt: skip
    ),
    "Type MRR at start in the first month, then each month's movements; MRR at end follows. Revenue rates "
    "are blank in a month with no MRR at its start; the quick ratio is blank in a month with no lost MRR "
    "(nothing lost: no ratio).",
    page_breaks=("lost",),  # the movements and MRR at end, then what follows from them (lost MRR, the rates)
)

#: the fewest answers with a 95% margin of error (metrics.nps_moe_min_responses(0.95), a test keeps them equal)
NPS_MOE_MIN_RESPONSES = 4

NPS_SUMMARY = MonthlySheet(
    "NPS",
    (
        MONTH,
        Column("responses", "Responses", _scores("INDEX(NPS_BREAKDOWN({scores}),1,4)"), name="NPS_Responses"),
        Column("promoters", "Promoters (9-10)", _scores("INDEX(NPS_BREAKDOWN({scores}),1,1)"), name="NPS_Promoters"),
        Column("passives", "Passives (7-8)", _scores("INDEX(NPS_BREAKDOWN({scores}),1,2)"), name="NPS_Passives"),
        Column("detractors", "Detractors (0-6)", _scores("INDEX(NPS_BREAKDOWN({scores}),1,3)"), name="NPS_Detractors"),
        Column("nps", "NPS", _scores("NPS({scores})"), POINTS, name="NPS_Score", width=9),
        Column(
            "moe",
            "Margin of error (95%)",
            _scores(
                f"IF(OR({{responses}}<{NPS_MOE_MIN_RESPONSES},{{promoters}}={{responses}},{{passives}}={{responses}},"
                '{detractors}={responses}),"",NPS_MOE({scores}))'
            ),
            POINTS,
            name="NPS_Margin",
            width=13,
            earlier=(_scores("NPS_MOE({scores})"),),
        ),
        Column(
            "nps_chart", "NPS (chart)", _chart("nps"), POINTS, width=CHART_WIDTH, name="NPS_Score_Chart", hidden=True
        ),
        Column("moe_chart", "Margin of error (chart)", _chart("moe"), POINTS, width=CHART_WIDTH, hidden=True),
        _so_far("nps", "Months with NPS so far", "NPS_Score_Seq"),
    ),
    "Scores go on the 'NPS scores' sheet, one column per month; this summary follows. The margin of error is "
    f"blank in a month with fewer than {NPS_MOE_MIN_RESPONSES} answers or all of them in one group (promoters, "
    "passives or detractors): no margin is defined there.",
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
            _rate(
                ("Purchases and visits", "returning_rate"),
                f"RETURNING_CUSTOMER_RATE({number('returning')},{number('buyers')})",
                number("buyers"),
                "{returning}+0<>0",
            ),
            PERCENT,
            width=16,
            name="Purchases_Returning_Rate",
        ),
        Column(
            "rate",
            "Repeat purchase rate",
            _rate(
                ("Purchases and visits", "rate"),
                f"REPEAT_PURCHASE_RATE({number('repeat')},{number('buyers')})",
                number("buyers"),
                "{repeat}+0<>0",
            ),
            PERCENT,
            width=16,
            name="Purchases_Repeat_Rate",
        ),
        Column("visitors", "Visitors", validation="count", name="Visits_Total"),
        Column("returning_visitors", "Returning visitors", validation="count", width=16, name="Visits_Returning"),
        Column(
            "visitor_rate",
            "Returning visitor rate",
            _rate(
                ("Purchases and visits", "visitor_rate"),
                f"RETURNING_VISITOR_RATE({number('returning_visitors')},{number('visitors')})",
                number("visitors"),
                "{returning_visitors}+0<>0",
            ),
            PERCENT,
            width=16,
            name="Visits_Returning_Rate",
        ),
    ),
    "Type the month's buyers (of whom: returning customers, who ordered in an earlier month, and repeat "
    "purchasers, who ordered more than once that month) and visitors; the rates follow (blank in a month "
    "without buyers or visitors).",
    page_breaks=("visitors",),  # purchases, then visits
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
