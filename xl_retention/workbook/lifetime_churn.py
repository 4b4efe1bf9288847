"""The Lifetime value sheet's monthly churn (B5), the average of the last 12 months that have a churn rate, and its
note (C5), which names the Customers cell where an error, a gap, a text or a number outside 0 to 1 typed over a rate
is.

Split out of :mod:`.lifetime_value` (past 600 lines) as it was; that module re-exports every public name and writes
C5 with its rows named (:data:`.lifetime_value.LIFETIME_NAMED`); each earlier form kept for upgrade
(:mod:`.lifetime_forms`) is here beside the current one.
"""

from __future__ import annotations

import re

from .error_texts import as_error, in_error

# the average of the last 12 churn rates, wherever they are: Customers_Churn_Seq numbers the months
# that have one (1, 2, ...), so its last 12 are those above COUNT - 12; a month in error from the first of them on (a
# count typed as text, a month's row deleted: #REF!) is that error, not left out of the average (which averaged the
# other months, silently); C5 names its cell
# the row of the last one in error (or holding its code as text: the classic add-in's CHURN_RATE, :mod:`.error_texts`)
_CHURN_ERROR_ROW = f"LOOKUP(2,1/{in_error('Customers_Churn')},ROW(Customers_Churn))"
_CHURN_WINDOW_ROW = (  # the row of the first of the last 12 rates (the first month without any)
    "MIN(ROW(Customers_Churn))+IFERROR(MATCH(MAX(1,COUNT(Customers_Churn)-11),Customers_Churn_Seq,0),1)-1"
)
#: the row of the first of the last 12 churn rates, which the Dashboard's C9 reads too
CHURN_WINDOW_ROW = _CHURN_WINDOW_ROW
_CHURN_IN_ERROR = as_error(f"INDEX(Customers_Churn,{_CHURN_ERROR_ROW}-MIN(ROW(Customers_Churn))+1)")[1:]
_CHURN_AVERAGE = 'AVERAGEIFS(Customers_Churn,Customers_Churn_Seq,">"&(COUNT(Customers_Churn)-12))'
#: B5 before a month with nothing typed between the last 12 with a rate was said (upgraded by import and extend)
CHURN_12_WITHOUT_GAPS = (
    f"=IF(IFERROR({_CHURN_ERROR_ROW},0)>={_CHURN_WINDOW_ROW},{_CHURN_IN_ERROR},IF(COUNT(Customers_Churn)=0,"
    f'"",{_CHURN_AVERAGE}))'
)
# the row of the last month with nothing typed (customers gained and at end blank) between the first and the last of
# the 12 rates: May skipped, June's start typed over, averaged January to April and June, silently (H172 finding 01)
_LAST_RATE_ROW = "MIN(ROW(Customers_Churn))+MATCH(COUNT(Customers_Churn),Customers_Churn_Seq,0)-1"
_CHURN_GAP_ROW = (
    '1/((Customers_Gained="")*(Customers_End="")*(ROW(Customers_End)>'
    f"{_CHURN_WINDOW_ROW})*(ROW(Customers_End)<{_LAST_RATE_ROW}))"
)
_CHURN_GAP_ROW = f"LOOKUP(2,{_CHURN_GAP_ROW},ROW(Customers_End))"
# the error as the constant #N/A, not NA(): recalc takes an #N/A that NA() gives for a chart's gap, not an error to list
CHURN_12_NA_CALL = CHURN_12_WITHOUT_GAPS.replace(
    _CHURN_AVERAGE, f"IF(IFERROR({_CHURN_GAP_ROW},0)>0,NA(),{_CHURN_AVERAGE})"
)
CHURN_12 = CHURN_12_NA_CALL.replace(",NA(),", ",#N/A,")
#: Lifetime value!C5: the cell of the month in error that B5 is, in the Dashboard's words ("see Customers!G5", which
#: import and extend rewrite for a renamed Customers: see_texts), or of the month without figures
LIFETIME_NOTE_C5_WITHOUT_GAPS = (
    f'=IF({in_error("B5")},"see Customers!"&ADDRESS({_CHURN_ERROR_ROW},'
    'COLUMN(Customers_Churn),4)&": a month of the last 12 has an error there, not a churn rate; correct that '
    'month.","")'
)
#: ... before it named the cell the error starts in (the churn rate of the last month in error, which may only carry
#: the error of a month before it: H194's finding 03); upgraded by import, extend and upgrade
LIFETIME_NOTE_C5_LAST_ERROR = (
    f'=IF({in_error("B5")},IF(IFERROR({_CHURN_ERROR_ROW},0)>={_CHURN_WINDOW_ROW},"see Customers!"&ADDRESS('
    f'{_CHURN_ERROR_ROW},COLUMN(Customers_Churn),4)&": a month of the last 12 has an error there, not a churn rate; '
    f'correct that month.","see Customers!"&ADDRESS({_CHURN_GAP_ROW},COLUMN(Customers_End),4)&": a month between '
    'the last 12 with a churn rate has no figures; type its customers gained and at end."),"")'
)
# the cell the error of the last month in error starts in: its start (the first month's, typed; a later month's, the
# end of the month before, carried: that end when it is blank or no number, as customers at end typed "n/a" in
# February make March's churn rate an error), customers gained, customers at end (blank, an error or text that is no
# number), or else the churn rate itself (inputs that are numbers but cannot be: more lost than there were)
_FIRST_CHURN_ROW = "MIN(ROW(Customers_Churn))"


def _month_cell(name: str, before: int = 0) -> str:
    """The cell of range ``name`` in the row of the last churn rate in error (``before`` rows above it)."""
    return f"INDEX({name},{_CHURN_ERROR_ROW}-{_FIRST_CHURN_ROW}+{1 - before})"


def _no_number(cell: str) -> str:
    """Whether ``cell`` is blank, an error or text that is no number (a number pasted as text is a number)."""
    return f'OR(IFERROR({cell}="",TRUE),ISERROR({cell}+0))'


_START_CARRIED = f"IF({_no_number(_month_cell('Customers_End', 1))},1,0)"  # the month before's end: no number
_CARRIED = (
    f"IF({_no_number(_month_cell('Customers_Start'))},IF({_CHURN_ERROR_ROW}>{_FIRST_CHURN_ROW},{_START_CARRIED},0),0)"
)
_ERROR_START_ROW = f"{_CHURN_ERROR_ROW}-{_CARRIED}"
_ERROR_START_COLUMN = (
    f"IF({_no_number(_month_cell('Customers_Start'))},IF({_CHURN_ERROR_ROW}>{_FIRST_CHURN_ROW},IF("
    f"{_no_number(_month_cell('Customers_End', 1))},COLUMN(Customers_End),COLUMN(Customers_Start)),"
    f"COLUMN(Customers_Start)),IF({_no_number(_month_cell('Customers_Gained'))},COLUMN(Customers_Gained),"
    f"IF({_no_number(_month_cell('Customers_End'))},COLUMN(Customers_End),COLUMN(Customers_Churn))))"
)
_MONTH_RANGE_ROWS = re.compile(r"(MIN\()?ROW\(((?:Customers|Revenue)_\w+)\)(\))?")


def lean_rows(formula: str) -> str:
    """``formula`` with the rows of a month range, ``ROW(Revenue_End)``, written ``ROW(INDEX(Revenue_End,0))`` and
    its first row, ``MIN(ROW(Revenue_End))``, ``ROW(INDEX(Revenue_End,1))``: the same rows in Excel and LibreOffice,
    but a recalculation writes a range's ROW out as an array of its row numbers, so a note using it 33 times grew
    with the months past what the embedded engine takes (C5 of a 240-month tracker, C8 of 17d01689 at 48 months:
    ``incomplete``); the computed reference keeps its size whatever the months.

    >>> lean_rows("LOOKUP(2,1/ISERROR(Revenue_End),ROW(Revenue_End))-MIN(ROW(Revenue_End))")
    'LOOKUP(2,1/ISERROR(Revenue_End),ROW(INDEX(Revenue_End,0)))-ROW(INDEX(Revenue_End,1))'
    """

    def lean(m: re.Match) -> str:
        if m[1] and m[3]:
            return f"ROW(INDEX({m[2]},1))"
        return f"{m[1] or ''}ROW(INDEX({m[2]},0)){m[3] or ''}"

    return _MONTH_RANGE_ROWS.sub(lean, formula)


#: C5 before its rows of the months were written lean (:func:`lean_rows`; upgraded by import, extend and upgrade)
LIFETIME_NOTE_C5_ROWS = (
    f'=IF({in_error("B5")},IF(IFERROR({_CHURN_ERROR_ROW},0)>={_CHURN_WINDOW_ROW},"see Customers!"&ADDRESS('
    f'{_ERROR_START_ROW},{_ERROR_START_COLUMN},4)&": a churn rate of the last 12 months is an error, which starts '
    f'in that cell; correct it there.","see Customers!"&ADDRESS({_CHURN_GAP_ROW},COLUMN(Customers_End),4)&": a '
    'month between the last 12 with a churn rate has no figures; type its customers gained and at end."),"")'
)
LIFETIME_NOTE_C5 = lean_rows(LIFETIME_NOTE_C5_ROWS)

# -- C5 called the cell its error starts in "an error" to "correct" where that cell is blank: a month skipped
# (October's customers at end left blank, November typed; H242's finding 06). It says what such a cell may be.
_C5_ERROR_SAID = "a churn rate of the last 12 months is an error, which starts in that cell; correct it there."
C5_CAUSE_SAID = (
    "a churn rate of the last 12 months is an error from that cell (blank, text that is no number, an error, or "
    "figures that cannot be); fill or correct it there."
)
LIFETIME_NOTE_C5_IS_AN_ERROR = LIFETIME_NOTE_C5
LIFETIME_NOTE_C5 = LIFETIME_NOTE_C5.replace(_C5_ERROR_SAID, C5_CAUSE_SAID)
assert C5_CAUSE_SAID in LIFETIME_NOTE_C5


# -- a churn rate typed over its formula as text ('5.5%' pasted from a report) among the last 12 (H242's finding 02):
# AVERAGEIFS left it out, B5 averaged the other months with C5 empty (0.0521421 for 0.0528566), the CLV dated a month
# early. B5 is now #VALUE! where such a text is in a month from the first of the last 12 rates on, C5 naming its cell
# (the formula back, or the rate typed as a number, is counted)
_CHURN_TEXT_ROW = (
    f"LOOKUP(2,1/(ISTEXT(Customers_Churn)*ISNUMBER(1/LEN(Customers_Churn))*(1-{in_error('Customers_Churn')})),"
    "ROW(Customers_Churn))"
)
_CHURN_TEXT_IN = f"IFERROR({_CHURN_TEXT_ROW},0)>={_CHURN_WINDOW_ROW}"
CHURN_12_TEXT_SKIPPED = CHURN_12
CHURN_12 = f"=IF({_CHURN_TEXT_IN},#VALUE!,{CHURN_12.removeprefix('=')})"
LIFETIME_NOTE_C5_TEXT_SKIPPED = LIFETIME_NOTE_C5
LIFETIME_NOTE_C5 = lean_rows(
    f'=IF(AND({in_error("B5")},{_CHURN_TEXT_IN}),"see Customers!"&ADDRESS({_CHURN_TEXT_ROW},COLUMN(Customers_Churn),'
    "4)&\": that month's churn rate is the text '\"&INDEX(Customers_Churn,"
    f"{_CHURN_TEXT_ROW}-{_FIRST_CHURN_ROW}+1)&\"', typed over its formula, which the average does not read; copy the "
    "column's formula back there, or type the rate as a number.\","
    f"{LIFETIME_NOTE_C5.removeprefix('=')})"
)

# -- an error typed over the churn rate of a month with no figures (#N/A typed in G of the tracker's next, empty row:
# H248's task 2): C5 sent the user to that month's blank customers at start ("see Customers!B6 ... fill or correct
# it there"), or the month before's customers at end (D6 for G7), cells the user had nothing to type in; it names
# the churn rate typed over, which the column's formula would leave blank
_CHURN_ERROR_UNTYPED = (
    f'IFERROR(AND({_CHURN_ERROR_ROW}>={_CHURN_WINDOW_ROW},{_month_cell("Customers_Start")}="",'
    f'{_month_cell("Customers_Gained")}="",{_month_cell("Customers_End")}=""),FALSE)'
)
LIFETIME_NOTE_C5_UNTYPED_UNSAID = LIFETIME_NOTE_C5
LIFETIME_NOTE_C5 = lean_rows(
    f'=IF(AND({in_error("B5")},{_CHURN_ERROR_UNTYPED}),"see Customers!"&ADDRESS({_CHURN_ERROR_ROW},'
    'COLUMN(Customers_Churn),4)&": that month has no figures (customers at start, gained and at end blank), but '
    "its churn rate holds an error typed over its formula; copy the column's formula back there (blank until the "
    f'month is typed).",{LIFETIME_NOTE_C5.removeprefix("=")})'
)

# -- a churn rate typed over its formula as a number outside 0 to 1 (5.5 for 5.5%, H248's task 4): AVERAGEIFS took
# it, B5 = (0.0533 + ... + 5.5) / 7 = 0.83129 and the CLV 24.69 (327.36 with the formula's 0.0491), status ok, the
# Dashboard showing it. The column's formula gives a rate from 0 to 1 or an error (more lost than there were: #NUM!),
# so such a number was typed: B5 is #NUM! where one is in a month from the first of the last 12 rates on, C5 naming it
_CHURN_OUT_ROW = (
    "LOOKUP(2,1/(ISNUMBER(Customers_Churn)*((Customers_Churn>1)+(Customers_Churn<0))),ROW(Customers_Churn))"
)
_CHURN_OUT_IN = f"IFERROR({_CHURN_OUT_ROW},0)>={_CHURN_WINDOW_ROW}"
CHURN_12_OUT_UNSAID = CHURN_12
CHURN_12 = f"=IF({_CHURN_OUT_IN},#NUM!,{CHURN_12.removeprefix('=')})"
LIFETIME_NOTE_C5_OUT_UNSAID = LIFETIME_NOTE_C5
LIFETIME_NOTE_C5 = lean_rows(
    f'=IF(AND({in_error("B5")},{_CHURN_OUT_IN}),"see Customers!"&ADDRESS({_CHURN_OUT_ROW},COLUMN(Customers_Churn),4)'
    f'&": that month\'s churn rate is "&INDEX(Customers_Churn,{_CHURN_OUT_ROW}-{_FIRST_CHURN_ROW}+1)&", typed over '
    "its formula; a rate is from 0 to 1 (5.5% or 0.055, not 5.5): copy the column's formula back there, or type the "
    f'rate as a share.",{LIFETIME_NOTE_C5.removeprefix("=")})'
)
# the note as the template writes it, its rows of the last churn rate in error named: .lifetime_value
LIFETIME_NOTE_C5_UNNAMED = LIFETIME_NOTE_C5
del LIFETIME_NOTE_C5
