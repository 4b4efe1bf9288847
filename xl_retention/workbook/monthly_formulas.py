"""The formulas of the monthly sheets' columns, written with column keys (``{end}``, ``{end-1}``, ``{end:first}``:
:func:`~.template.render_formula`), and the forms earlier templates wrote that :mod:`.upgrade` recognises; the sheets
themselves are described in :mod:`.monthly`, which builds their columns from these.
"""

from __future__ import annotations

import re

# A boolean typed or pasted where a number belongs (TRUE from a checkbox column pasted over "Gained") is #VALUE!, as
# docs/metrics.md's "Bad input" says of every route: Excel's arithmetic reads TRUE as 1 (x+0), and the month's CRR,
# lost customers, MRR at end and NRR were computed from it, status ok (H469's finding 03). Every formula reading an
# input as a number tests it with ISLOGICAL(..) first; recalc names the cell (``Customers!C3 (Gained ...) is TRUE, no
# number``). The forms before, the same formulas without these tests, are :func:`without_boolean_guards`'s.
_BOOLEAN_GUARD = re.compile(r"IF\((?:ISLOGICAL\([^()]*\)|OR\(ISLOGICAL\([^()]*\)(?:,ISLOGICAL\([^()]*\))*\)),#VALUE!,")
_BOOLEAN_GAP = re.compile(r"OR\(ISERROR\(([^()]*)\+0\),ISLOGICAL\(\1\)\)")
_BOOLEAN_BLANK = re.compile(r'OR\(([^()]*)="",ISLOGICAL\(\1\)\)')


def without_boolean_guards(form: str) -> str:
    """``form`` (a template formula) as it was before booleans were refused: each ``IF(ISLOGICAL(x),#VALUE!,..)`` (or
    ``IF(OR(ISLOGICAL(x),ISLOGICAL(y)),#VALUE!,..)``) reduced to its ``..``, a chart's ``OR(ISERROR(x+0),
    ISLOGICAL(x))`` to ``ISERROR(x+0)`` and ``OR(x="",ISLOGICAL(x))`` to ``x=""`` (:mod:`.upgrade`'s earlier forms).

    >>> without_boolean_guards(START), without_boolean_guards(EXPANSION)
    ('IF({start}="","",IFERROR({start}+0,{start}))', 'IF({expansion}="",0,{expansion}+0)')
    >>> without_boolean_guards(_TYPED_NUMBER)
    'ISNUMBER(IFERROR(IF({end}="","",{end}+0),""))'
    """
    found = _BOOLEAN_GUARD.search(form)
    while found is not None:
        depth, end = 0, found.end()
        while end < len(form):
            depth += {"(": 1, ")": -1}.get(form[end], 0)
            if depth < 0:
                break
            end += 1
        form = form[: found.start()] + form[found.end() : end] + form[end + 1 :]
        found = _BOOLEAN_GUARD.search(form)
    return _BOOLEAN_BLANK.sub(r'\1=""', _BOOLEAN_GAP.sub(r"ISERROR(\1+0)", form))


# Customers (or MRR) at start: the previous month's end, once this month has an input, so that
# a month nobody has filled yet stays blank; the first month with data after months without any
# starts from 0 when its figures allow it (a new business: nobody was a customer before its data; below), and a
# month after an unfilled one in the middle is blank, so its rates show #VALUE! (data missing) rather than a guess.
# A customers count typed at the start of the first month (its end left blank) is a business that had customers
# before the data: the next month's start is then unknown (blank), never 0.
# A month "has an input" when a cell is not empty (="" is FALSE), so a number pasted as text counts: COUNT skips
# text, and a month of text numbers looked unfilled (its start blank: errors blaming the start, not the text).
# Months before "have an input" when a customers at end is not empty, or the first month's start is not 0 nor blank:
# a number pasted as text counts (COUNT and N() skipped text: the first month typed as text made the next start 0,
# its lost customers #NUM!); the previous end is passed on as its number, a text that is no number as it is.
# (The months before with an input are counted as ROWS - COUNTBLANK: no array arithmetic over a range that grows
# down the column, which cost every spreadsheet a formula evaluated per cell.)
# The first month with data below row 2 starts from 0 only when its customers at end are those it gained (nobody
# lost, nobody there before); customers at end other than those gained (110 with 10 gained) leave the start unknown:
# blank, its lost, CRR and churn #VALUE! with a reason asking to type this cell, as row 2's and Revenue's (H469's
# finding 05: it started from 0, lost #NUM! and the rates #DIV/0! "no customers at the start").
CUSTOMERS_START = (
    '=IF(IFERROR(AND({gained}="",{end}=""),FALSE),"",IF(ROWS({end:first}:{end-1})-COUNTBLANK({end:first}:{end-1})'
    '+IFERROR(--({start:first}+0<>0),1)=0,IF(IFERROR({end}+0<>{gained}+0,TRUE),"",0),'
    'IF({end-1}="","",IF(ISLOGICAL({end-1}),#VALUE!,IFERROR({end-1}+0,{end-1})))))'
)
#: CUSTOMERS_START before a first month of data below row 2 whose customers at end are not those gained was refused
#: (it started from 0: 110 customers at end with 10 gained, lost #NUM!, CRR #DIV/0!; upgrade.EARLIER)
CUSTOMERS_START_ZERO = (
    '=IF(IFERROR(AND({gained}="",{end}=""),FALSE),"",IF(ROWS({end:first}:{end-1})-COUNTBLANK({end:first}:{end-1})'
    '+IFERROR(--({start:first}+0<>0),1)=0,0,IF({end-1}="","",IFERROR({end-1}+0,{end-1}))))'
)
#: CUSTOMERS_START before an error in the month's own gained or end (a #N/A pasted) was an input like any other: the
#: month's start was that error too (AND of an error), not the month before's end, and Lifetime value!C5 sent the user
#: to that start, a formula, for the #N/A pasted beside it (H384's finding 01; upgrade.EARLIER)
CUSTOMERS_START_OWN_ERROR = CUSTOMERS_START_ZERO.replace(
    'IFERROR(AND({gained}="",{end}=""),FALSE)', 'AND({gained}="",{end}="")'
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
    '=IF(IFERROR(AND({new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),FALSE),"",'
    "IF(ROWS({end:first}:{end-1})-COUNTBLANK({end:first}:{end-1})=0,"
    'IF(IFERROR(({expansion}+0<>0)+({contraction}+0<>0)+({churned}+0<>0),1)=0,0,""),IF({end-1}="","",{end-1})))'
)
#: MRR_START before an error in one of the month's own movements made the month's start that error (as
#: CUSTOMERS_START_OWN_ERROR; upgrade.EARLIER)
MRR_START_OWN_ERROR = MRR_START.replace("IFERROR(AND(", "AND(", 1).replace('=""),FALSE),"",', '=""),"",', 1)
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
    'IF({start}="",#VALUE!,IF(OR(ISLOGICAL({start}),ISLOGICAL({new}),ISLOGICAL({expansion}),ISLOGICAL({reactivation}),'
    "ISLOGICAL({contraction}),ISLOGICAL({churned})),#VALUE!,"
    "{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned}))))"
)
#: MRR_END before a blank start was refused (a first month's blank MRR at start summed as 0)
MRR_END_BLANK_START = (
    '=IF(AND({start}="",{new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",'
    "IF(OR({start}+0<0,{new}+0<0,{expansion}+0<0,{reactivation}+0<0,{contraction}+0<0,{churned}+0<0),#NUM!,"
    "{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned}))"
)
# The expansion MRR a rate takes: a blank is 0; a number pasted as text is that number, as in the arithmetic of
# MRR at end (N() made it 0: NRR, net revenue churn and the quick ratio silently left the expansion out).
EXPANSION = 'IF({expansion}="",0,IF(ISLOGICAL({expansion}),#VALUE!,{expansion}+0))'
# A rate taking the expansion MRR is #NUM! when it is typed below 0, as the MRR at end: the condition names the cell
# (recalc's reason ``Revenue!D4 (Expansion MRR) is -50, below 0 (#NUM!)``); net revenue churn, NRR and the quick ratio
# were computed from it (H397's finding 01). Outside the call: an error given to a function is its #VALUE!.
EXPANSION_GUARD = "IF(IFERROR({expansion}+0<0,FALSE),#NUM!,"


def expansion_guarded(call: str) -> str:
    """``call`` (a rate's function call taking :data:`EXPANSION`) refused, #NUM!, when the expansion is below 0.

    >>> expansion_guarded("NRR(1,2,3)")
    'IF(IFERROR({expansion}+0<0,FALSE),#NUM!,NRR(1,2,3))'
    """
    return f"{EXPANSION_GUARD}{call})"


# The MRR at start a rate takes: a number pasted as text (the first month's start, typed) is that number, as in the
# MRR at end (the functions refused it: "start_mrr must be a number, got ' 1000 '"); a blank stays blank (the
# contract's #VALUE!), a text that is no number is given as it is (the functions name it).
START = 'IF({start}="","",IF(ISLOGICAL({start}),#VALUE!,IFERROR({start}+0,{start})))'
# What a month whose base is 0 cannot have (its rate is then called, #DIV/0! naming the base, not left blank):
# customers at end other than those gained (lost out of none, or more than gained); lost MRR (contraction +
# churned), or with the net rates expansion MRR, out of an MRR at start of 0.
# Lost MRR (contraction + churned) and gained MRR (new + reactivation): an amount typed below 0 is #NUM!, as in the
# MRR at end; a contraction of -50 beside a churn of 600 was a lost MRR of 550, the month's NRR, GRR, revenue churn and
# quick ratio computed from it and the Dashboard's latest NRR 97.2% (H397's finding 01).
REVENUE_LOST = (
    '=IF(AND({contraction}="",{churned}=""),"",IF(OR({contraction}+0<0,{churned}+0<0),#NUM!,'
    "IF(OR(ISLOGICAL({contraction}),ISLOGICAL({churned})),#VALUE!,{contraction}+{churned})))"
)
REVENUE_GAINED = (
    '=IF(AND({new}="",{reactivation}=""),"",IF(OR({new}+0<0,{reactivation}+0<0),#NUM!,'
    "IF(OR(ISLOGICAL({new}),ISLOGICAL({reactivation})),#VALUE!,{new}+{reactivation})))"
)
#: REVENUE_LOST and REVENUE_GAINED before an amount below 0 was refused (upgrade.EARLIER)
REVENUE_LOST_BELOW_ZERO = '=IF(AND({contraction}="",{churned}=""),"",{contraction}+{churned})'
REVENUE_GAINED_BELOW_ZERO = '=IF(AND({new}="",{reactivation}=""),"",{new}+{reactivation})'
_CUSTOMERS_MOVED = "{end}+0<>{gained}+0"
_MRR_LOST = "N({lost})<>0"
_MRR_MOVED = f"OR(N({{lost}})<>0,{EXPANSION}<>0)"


def number(key: str) -> str:
    """The value of input ``key`` a function takes: a number pasted as text is that number, as Excel's arithmetic reads
    it (the functions refused it: "customers_end must be a number, got '115'"); a blank stays blank (the contract's
    #VALUE! beside figures), a text that is no number is given as it is (the functions name it)."""
    return START.replace("{start}", "{" + key + "}")


def _metric(call: str, base: str | None = None, moved: str | None = None, unknown: str | None = None) -> str:
    """``=call`` (without "="), blank in a month whose inputs are all blank or whose ``base`` is the number 0.

    The all-blank guard is the contract's own rule ("every input blank: a blank result"), written
    out so that a spreadsheet that lacks the xl-retention functions (LibreOffice) computes the
    blank itself instead of #NAME?. A base of 0 is a month with nothing to take a rate of: the
    function would give ``#DIV/0!``; the workbook and ``import --to-csv`` both leave it blank
    (docs/metrics.md). With ``moved`` (a condition: the month has what a base of 0 cannot have, e.g. churned MRR
    out of an MRR at start of 0), such a month is not blank: the function is called and gives ``#DIV/0!`` naming the
    base of 0 (a blank there hid the impossible month; the figures above a base above 0 give ``#NUM!``).
    With ``unknown`` (a condition: the month's figures the rate needs were not typed yet), a month that is neither
    blank nor of a base of 0 is ``#VALUE!`` there, the condition's blank cells its reason (recalc names them).
    """
    keys = list(dict.fromkeys(re.findall(r"\{\w+\}", call.removeprefix(EXPANSION_GUARD))))  # in the call's order
    blank = ",".join(k + '=""' for k in keys)
    empty = f"AND({blank})"
    if unknown is not None:
        call = f"IF({unknown},#VALUE!,{call})"
    if base is None:
        return f'=IF({empty},"",{call})'
    if moved is None:
        return f'=IF(OR({empty},AND(ISNUMBER({base}),{base}=0)),"",{call})'
    return f'=IF(OR({empty},AND(ISNUMBER({base}),{base}=0,NOT(IFERROR({moved},FALSE)))),"",{call})'


#: (sheet, column key) -> the rate's formula before a base of 0 with figures it cannot have was refused (blank: churned
#: MRR out of an MRR at start of 0 typed, 3 returning buyers of 0 buyers, accepted without a word); upgrade.EARLIER
BLANK_AT_ZERO: dict[tuple[str, str], str] = {}


# A Revenue month none of whose movements is typed (new, expansion, reactivation, contraction, churned all blank):
# its MRR at start typed alone (a new tracker's first month) is a month not filled yet, not one in which nothing moved
# (type 0 where there was none). Its rates are #VALUE!, the blank movements their reason, as on Customers a month with
# only its start typed; they were NRR and GRR 100%, churn 0%, the Dashboard's latest NRR (H315's finding 04).
MOVEMENTS_UNTYPED = 'AND({new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}="")'
#: (sheet, column key) -> the rate's formula before a month with none of its movements typed was #VALUE! (NRR 100%
#: beside an MRR at start typed alone); upgrade.EARLIER
MOVEMENTS_AS_ZERO: dict[tuple[str, str], str] = {}


def _rate(where: tuple[str, str], call: str, base: str, moved: str, unknown: str | None = None) -> str:
    """:func:`_metric` of a rate whose ``base`` of 0 is blank only while ``moved`` is false; the earlier form (blank at
    any base of 0) is kept in :data:`BLANK_AT_ZERO` under ``where``, and with ``unknown`` the form without it in
    :data:`MOVEMENTS_AS_ZERO` (the BLANK_AT_ZERO form has none: it came before)."""
    BLANK_AT_ZERO[where] = _metric(call, base)
    if unknown is not None:
        MOVEMENTS_AS_ZERO[where] = _metric(call, base, moved)
    return _metric(call, base, moved, unknown)


def _scores(call: str) -> str:
    """``=call`` over the month's scores, blank (computed by any spreadsheet) when it has no scores at all."""
    return f'=IF(COUNTA({{scores}})=0,"",{call})'


#: the NPS of the month's answers on 'NPS scores' ({scores}); in a month without any, the NPS of the counts typed over
#: the month's promoters, passives and detractors (B:E), 100 x (promoters - detractors) / responses (a count left blank
#: is 0; the responses typed are the denominator, passives blank being the rest): before, such a month's NPS was blank
#: beside the counts typed (H230). A short text, never a number, where the figure would be wrong: counts that do not
#: add up to the responses typed, and a month of SCALE_ANSWERS answers or more none above SCALE_TOP (a 1-5
#: satisfaction survey pasted there, which NPS counts as all detractors: -100; not a month an import wrote from a column
#: proven 0-10 while it holds the answers the import wrote, :mod:`.proven_scale`), and a count below 0.
NPS_TEXT_SCALE = "not 0-10"
NPS_TEXT_COUNTS = "bad counts"
NPS_TEXT_NEGATIVE = "count < 0"
_TYPED = {key: f'IF({{{key}}}="",0,{{{key}}}+0)' for key in ("responses", "promoters", "passives", "detractors")}
_GROUPS = f"{_TYPED['promoters']}+{_TYPED['passives']}+{_TYPED['detractors']}"
_FROM_COUNTS = (
    'IF(AND({promoters}="",{passives}="",{detractors}=""),"",'
    f"IF(MIN({_TYPED['responses']},{_TYPED['promoters']},{_TYPED['passives']},{_TYPED['detractors']})<0,"
    f'"{NPS_TEXT_NEGATIVE}",'
    f'IF(AND({{responses}}<>"",OR({_TYPED["responses"]}<{_GROUPS},AND({{passives}}<>"",{_TYPED["responses"]}<>'
    f'{_GROUPS}))),"{NPS_TEXT_COUNTS}",'
    f'IF(IF({{responses}}="",{_GROUPS},{_TYPED["responses"]})=0,"",'
    f'100*({_TYPED["promoters"]}-{_TYPED["detractors"]})/IF({{responses}}="",{_GROUPS},{_TYPED["responses"]})))))'
)


def nps_moe_formula(fewest: int, counts: bool = True) -> str:
    """The NPS sheet's margin of error: ``NPS_MOE`` of the month's answers, blank under ``fewest`` answers or with every
    answer in one group (no margin is defined there); in a month without answers, ``NPS_MOE_FROM_COUNTS`` of the
    counts typed over B:E, read as the NPS column reads them (a count left blank is 0, the responses typed are the
    denominator, else the three groups' sum), with the same guards, and blank wherever the month's NPS is no number (no
    counts, 'bad counts', 'count < 0'). ``counts=False``: the form before (H575), blank beside typed counts.

    >>> nps_moe_formula(4, counts=False)
    '=IF(COUNTA({scores})=0,"",IF(OR({responses}<4,{promoters}={responses},{passives}={responses},\
{detractors}={responses}),"",NPS_MOE({scores})))'
    """
    answers = (
        f"IF(OR({{responses}}<{fewest},{{promoters}}={{responses}},{{passives}}={{responses}},"
        f'{{detractors}}={{responses}}),"",NPS_MOE({{scores}}))'
    )
    if not counts:
        return _scores(answers)
    p, d = _TYPED["promoters"], _TYPED["detractors"]
    n = f'IF({{responses}}="",{_GROUPS},{_TYPED["responses"]})'
    typed = (
        f'IF(NOT(ISNUMBER({{nps}})),"",IF(OR({n}<{fewest},{p}={n},{d}={n},{p}+{d}=0),"",'
        f"NPS_MOE_FROM_COUNTS({p},{d},{n})))"
    )
    return f"=IF(COUNTA({{scores}})=0,{typed},{answers})"


def nps_formula(answers: int, top: int, listed: str = "answers") -> str:
    """The NPS column's formula (:data:`NPS_TEXT_SCALE` ... above): ``answers`` and ``top`` are
    :data:`xl_retention.score_scales.SCALE_ANSWERS` and ``SCALE_TOP``. The check of the scale passes over a month
    ``import --into`` wrote from a column proven 0-10 (a bad month, every answer 1-7: its NPS, -100 for all
    detractors) while its answers are still those the import wrote, listed by their count, sum, sum of squares and
    highest in the hidden name :data:`.proven_scale.NAME` (:data:`.proven_scale.NOT_LISTED`: answers typed over since
    are checked, H356). ``listed``: ``"months"``, the form of 71e622d9, which passed over a listed month whatever its
    answers (:data:`.proven_scale.NOT_LISTED_MONTH`), ``""`` the form before, which checked every month (``upgrade``
    brings both up).

    >>> nps_formula(30, 7).endswith(',ISERROR(MATCH(YEAR({month})*100+MONTH({month})&":"&COUNT({scores})&":"&SUM('
    ...                             '{scores})&":"&SUMSQ({scores})&":"&MAX({scores}),_xlr_nps_0_10,0))),"not 0-10",'
    ...                             'NPS({scores})))')
    True
    """
    from .proven_scale import NOT_LISTED, NOT_LISTED_MONTH

    condition = {"answers": NOT_LISTED, "months": NOT_LISTED_MONTH, "": ""}[listed]
    listed_only = f",{condition}" if condition else ""
    return (
        f"=IF(COUNTA({{scores}})=0,{_FROM_COUNTS},IF(AND(COUNT({{scores}})>={answers},MAX({{scores}})<={top}"
        f'{listed_only}),"{NPS_TEXT_SCALE}",NPS({{scores}})))'
    )


#: the range of the rates a template formula gives, by column key: a number outside it was typed over the formula (a
#: CRR of 95 for 95%, drawn at 9500%: H261's task 1) and is no point of the chart (#N/A, a gap); the NRR from 0 to the
#: row's MRR at end / MRR at start (NRR x start = end - new - reactivation)
RANGES = {"crr": ("0", "1"), "grr": ("0", "1"), "nrr": ("0", None), "nps": ("-100", "100")}


def _chart(key: str, sign: str = "", level: bool = False, ranged: bool = True) -> str:
    """A chart helper: this month's figure; #N/A (a gap in Excel's charts) for a month without one between
    months with one, or whose figure is an error; blank before the first and after the last (left out of the
    charts' ranges by recalc). A ``level`` (customers or MRR at end) below 0 is no figure: #N/A too (-5 typed as
    customers at end was drawn as a point at -5 while the month's rates were #NUM!); so is a rate outside
    :data:`RANGES` (typed over its formula).

    So a workbook imported for some months holds no error value outside the months it covers, and a month
    without a figure inside them is never drawn as 0 (docs/metrics.md, "Chart gaps").
    """
    before = f"COUNT({{{key}:first}}:{{{key}}})"
    after = f"COUNT({{{key}:column}})>{before}"
    figure = f"IF(ROUND({{{key}}},6)<0,NA(),{{{key}}})" if level else f"{sign}{{{key}}}"  # not -1E-14 of sums
    if ranged and key in RANGES:  # ``ranged=False``: the form before (upgrade.EARLIER)
        low, high = RANGES[key]
        above = f"{{{key}}}>{high}" if high is not None else f"IFERROR({{{key}}}*{{start}}>{{end}}*(1+1E-9)+1E-9,FALSE)"
        figure = f"IF(OR({{{key}}}<{low},{above}),NA(),{figure})"
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
    return (
        f'=IF(OR(ISERROR({{{key}}}+0),ISLOGICAL({{{key}}})),NA(),IF({{{key}}}="",IF(AND({before}>0,{after}),NA(),""),'
        f"{drawn}))"
    )


CHART_WIDTH = 12

# Customers at end is typed: a number pasted as text ("95") is a figure the month has, as the rates read it (x+0), so
# the months so far count it (COUNT skipped it: the month was a gap in the chart and the Dashboard's latest figure and
# the lifetime value's ARPA read the month before) and the chart draws its number; a text that is no number is a gap
# (its rates #VALUE! name it). The n-th such month is 1 + the count of such months above it (this column's numbers
# above, from its header): no array arithmetic over a range that grows down the column.
_TYPED_NUMBER = 'ISNUMBER(IFERROR(IF(OR({end}="",ISLOGICAL({end})),"",{end}+0),""))'
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
