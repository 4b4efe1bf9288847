"""The tracking sheets with one row per month, described column by column (built by :mod:`.template`).

Each :class:`MonthlySheet` lists its :class:`Column` s: header, input or formula, number format, validation, named
range. Formulas are written with column keys: ``{end}`` is this row's cell of the column ``end``, ``{end-1}`` the
previous row's, ``{scores}`` a per-row value the builder supplies (:func:`~.template.render_formula`). Also the
titles of the other sheets and their order. Everything here is importable from :mod:`.template` as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..score_scales import SCALE_ANSWERS, SCALE_TOP
from .formats import (
    COUNT_FORMAT,
    MONEY,
    MONTH_FORMAT,
    PERCENT,
    POINTS,
    RATIO,
)
from .monthly_formulas import (
    _CUSTOMERS_MOVED,
    _MRR_LOST,
    _MRR_MOVED,
    CHART_WIDTH,
    CUSTOMERS_START,
    END_CHART,
    END_SEQ,
    EXPANSION,
    MOVEMENTS_UNTYPED,
    MRR_END,
    MRR_START,
    REVENUE_GAINED,
    REVENUE_LOST,
    START,
    _chart,
    _metric,
    _movement_chart,
    _rate,
    _scores,
    expansion_guarded,
    nps_formula,
    nps_moe_formula,
    number,
)

#: the NPS column's formula before typed counts were read and a 1-5 survey's -100 was hidden (upgrade.EARLIER)
NPS_ANSWERS_ONLY = _scores("NPS({scores})")
#: the NPS column's formula before a month an import wrote from a column proven 0-10 showed its NPS: every month of 30
#: answers or more none above 7 showed 'not 0-10', a bad month of a 0-10 survey too (the same values in a tracker no
#: import of this version wrote: upgrade.EARLIER, SAME_VALUES)
NPS_SCALE_EVERY_MONTH = nps_formula(SCALE_ANSWERS, SCALE_TOP, listed="")
#: the NPS column's formula of 71e622d9: a listed month passed over whatever its answers, so 1-5 answers typed over an
#: imported bad month showed their NPS, not 'not 0-10' (upgrade.EARLIER; not SAME_VALUES: H356)
NPS_LISTED_MONTHS = nps_formula(SCALE_ANSWERS, SCALE_TOP, listed="months")

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
            earlier=(_chart("crr", ranged=False),),
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
    ("net_churn", "Net revenue churn", expansion_guarded(f"NET_REVENUE_CHURN(N({{lost}}),{EXPANSION},{START})"),
     _MRR_MOVED, "Revenue_Net_Churn", 14),
    ("gross_churn", "Gross revenue churn", f"GROSS_REVENUE_CHURN(N({{lost}}),{START})", _MRR_LOST,
     "Revenue_Gross_Churn", 14),
    ("nrr", "NRR", expansion_guarded(f"NRR(N({{lost}}),{EXPANSION},{START})"), _MRR_MOVED, "Revenue_NRR", 10),
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
            REVENUE_LOST,  # text numbers too (was COUNT); below 0 #NUM!
            MONEY,
            width=18,
            name="Revenue_Lost",
        ),
        Column(
            "gained",
            "Gained MRR (new + reactivation)",
            REVENUE_GAINED,
            MONEY,
            width=18,
            name="Revenue_Gained",
        ),
        *(
            Column(
                key,
                title,
                _rate(("Revenue", key), call, START, moved, MOVEMENTS_UNTYPED),
                PERCENT,
                name=name,
                width=width,
            )
            for key, title, call, moved, name, width in _REVENUE_RATES
        ),
        Column(
            "quick_ratio",
            "Quick ratio",
            _metric(expansion_guarded(f"QUICK_RATIO(N({{gained}}),{EXPANSION},N({{lost}}))"), "N({lost})"),
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
            earlier=(_chart("nrr", ranged=False),),
        ),  # fmt: skip
        Column(
            "grr_chart",
            "GRR (chart)",
            _chart("grr"),
            PERCENT,
            width=CHART_WIDTH,
            hidden=True,
            earlier=(_chart("grr", ranged=False),),
        ),
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
    "are blank in a month with no MRR at its start, and #VALUE! in a month with none of its movements typed (type 0 "
    "where there was none); the quick ratio is blank in a month with no lost MRR (nothing lost: no ratio).",
    page_breaks=("lost",),  # the movements and MRR at end, then what follows from them (lost MRR, the rates)
)

#: the fewest answers with a 95% margin of error (metrics.nps_moe_min_responses(0.95), a test keeps them equal)
NPS_MOE_MIN_RESPONSES = 4

#: the margin of error's formula before typed counts were read: blank in a month without answers (upgrade.EARLIER)
NPS_MOE_ANSWERS_ONLY = nps_moe_formula(NPS_MOE_MIN_RESPONSES, counts=False)

NPS_SUMMARY = MonthlySheet(
    "NPS",
    (
        MONTH,
        Column("responses", "Responses", _scores("INDEX(NPS_BREAKDOWN({scores}),1,4)"), name="NPS_Responses"),
        Column(  # 18 wide: the bold header whole, not broken inside its range ("Promoters (9-" over "10)")
            "promoters",
            "Promoters (9-10)",
            _scores("INDEX(NPS_BREAKDOWN({scores}),1,1)"),
            name="NPS_Promoters",
            width=18,
        ),
        Column("passives", "Passives (7-8)", _scores("INDEX(NPS_BREAKDOWN({scores}),1,2)"), name="NPS_Passives"),
        Column(
            "detractors",
            "Detractors (0-6)",
            _scores("INDEX(NPS_BREAKDOWN({scores}),1,3)"),
            name="NPS_Detractors",
            width=18,
        ),
        Column(
            "nps",
            "NPS",
            nps_formula(SCALE_ANSWERS, SCALE_TOP),
            POINTS,
            name="NPS_Score",
            width=11,  # its texts: 'not 0-10', 'bad counts', 'count < 0' (monthly_formulas.NPS_TEXT_*)
            earlier=(NPS_ANSWERS_ONLY, NPS_SCALE_EVERY_MONTH, NPS_LISTED_MONTHS),
        ),
        Column(
            "moe",
            "Margin of error (95%)",
            nps_moe_formula(NPS_MOE_MIN_RESPONSES),
            POINTS,
            name="NPS_Margin",
            width=13,
            earlier=(_scores("NPS_MOE({scores})"), NPS_MOE_ANSWERS_ONLY),
        ),
        Column(
            "nps_chart",
            "NPS (chart)",
            _chart("nps"),
            POINTS,
            width=CHART_WIDTH,
            name="NPS_Score_Chart",
            hidden=True,
            earlier=(_chart("nps", ranged=False),),
        ),
        Column("moe_chart", "Margin of error (chart)", _chart("moe"), POINTS, width=CHART_WIDTH, hidden=True),
        _so_far("nps", "Months with NPS so far", "NPS_Score_Seq"),
    ),
    "Scores go on the 'NPS scores' sheet, one column per month; this summary follows (a month without answers: "
    "its promoters, passives and detractors typed here give its NPS and margin of error). The margin of error is blank "
    f"in a month with fewer than {NPS_MOE_MIN_RESPONSES} answers or all of them in one group: no margin is defined "
    "there.",
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
