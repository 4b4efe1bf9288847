"""The template's Lifetime value and Cohorts sheets (the monthly sheets are described in :mod:`.template`).

Lifetime value: ARPA (by default the data's last month's MRR per customer; a typed figure
replaces the formula and stays), gross margin, the average churn of the last 12 months that
have a churn rate, and the constant-churn and sBG lifetime values. Cohorts: the survivors
triangle (``Cohort_Counts``) the sBG model is fitted to, its shares, the fit, each cohort's
projection from its last observed month, and the order (repeat-purchase) cohorts, which are
not survivors and are not fitted.
"""

from __future__ import annotations

import datetime as dt
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ._style import (
    BORDER,
    COUNT_FORMAT,
    FUTURE_FILL,
    MONEY,
    MONTH_FORMAT,
    NOTE_FONT,
    PERCENT,
    TITLE_FONT,
    colour_scale,
    define,
    header,
    print_setup,
    style,
    validate,
)
from .error_texts import as_error, error_type, in_error

COHORT_SIZE_COLUMN = 2  # B: customers in month 0
#: the width of every column right of the signup months on the Cohorts sheet, whose tables share its columns: the
#: triangles' months, the fit's figures and the projection's months alike ("Observed to month" and "log-likelihood"
#: wrap in it), so the months are evenly spaced in every table (B was 10 and D 14 wide among months 9 wide)
COHORT_WIDTH = 10
COHORT_PAGE_MONTHS = 24  # the months of a cohort table printed on one page across (a 24-month tracker: one page)
PROJECTION_MONTHS = 12


def last_value(name: str, seq: str, of: str | None = None) -> str:
    """``=`` the last number of the range ``name`` (or the cell of ``of`` in that row); blank when none.

    ``seq`` numbers the months where ``name`` has a number (the template's "... so far" columns).
    """
    return f'=IF(COUNT({name})=0,"",INDEX({of or name},MATCH(COUNT({name}),{seq},0)))'


_LAST_MRR = "MATCH(COUNT(Revenue_End),Revenue_End_Seq,0)"  # the row of the last month with MRR at end
# that month's customers at end, found by its month on Customers, not by its row there (a row the user inserted or
# deleted on one sheet paired August's MRR with July's customers): a number pasted as text is its number, as the
# rates read it (ISNUMBER left the ARPA blank); blank, no number or no such month on Customers: ""
_ITS_CUSTOMERS = f'IFERROR(INDEX(Customers_End,MATCH(INDEX(Revenue_Months,{_LAST_MRR}),Customers_Months,0))+0,"")'
# the row of the last month whose MRR at end is an error, and of the last with a number
_MRR_ERROR_ROW = f"LOOKUP(2,1/{in_error('Revenue_End')},ROW(Revenue_End))"
_LAST_MRR_ROW = f"MIN(ROW(Revenue_End))+{_LAST_MRR}-1"
# the error there (its code as text: that error)
_MRR_IN_ERROR = as_error(f"INDEX(Revenue_End,{_MRR_ERROR_ROW}-MIN(ROW(Revenue_End))+1)")[1:]
# that month's MRR at end / its customers at end; the error of a later month's MRR at end (a note typed in its
# Expansion MRR) where there is one: the month before's ARPA, shown beside that month, was silently an earlier month's
ARPA_DEFAULT = (
    f"=IF(IFERROR({_MRR_ERROR_ROW},0)>IFERROR({_LAST_MRR_ROW},0),{_MRR_IN_ERROR},IF(COUNT(Revenue_End)=0,"
    f'"",IF(NOT(ISNUMBER({_ITS_CUSTOMERS})),"",IF({_ITS_CUSTOMERS}=0,"",'
    f"INDEX(Revenue_End,{_LAST_MRR})/{_ITS_CUSTOMERS}))))"
)
#: the ARPA default before it took a later month's error (an earlier form, upgraded by import and extend)
ARPA_DEFAULT_WITHOUT_ERRORS = (
    f'=IF(COUNT(Revenue_End)=0,"",IF(NOT(ISNUMBER({_ITS_CUSTOMERS})),"",IF({_ITS_CUSTOMERS}=0,"",'
    f"INDEX(Revenue_End,{_LAST_MRR})/{_ITS_CUSTOMERS})))"
)
# the average of the last 12 churn rates, wherever they are: Customers_Churn_Seq numbers the months
# that have one (1, 2, ...), so its last 12 are those above COUNT - 12; a month in error from the first of them on (a
# count typed as text, a month's row deleted: #REF!) is that error, not left out of the average (which averaged the
# other months, silently); C5 names its cell
# the row of the last one in error (or holding its code as text: the classic add-in's CHURN_RATE, :mod:`.error_texts`)
_CHURN_ERROR_ROW = f"LOOKUP(2,1/{in_error('Customers_Churn')},ROW(Customers_Churn))"
_CHURN_WINDOW_ROW = (  # the row of the first of the last 12 rates (the first month without any)
    "MIN(ROW(Customers_Churn))+IFERROR(MATCH(MAX(1,COUNT(Customers_Churn)-11),Customers_Churn_Seq,0),1)-1"
)
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
# the sBG fit of Cohorts; blank where the name no longer refers to a cell (a user who does not use cohorts deleted the
# sheet: Excel writes the name as #REF!), which was #REF! in B9:B10, C9 sending the user to the deleted sheet's note
SBG_ALPHA, SBG_BETA = '=IF(ISREF(SBG_Alpha),SBG_Alpha,"")', '=IF(ISREF(SBG_Beta),SBG_Beta,"")'
#: Lifetime value!C9: a tracker with a month or two of data has no sBG fit: B9:B10 are #NUM!, which this note explains
LIFETIME_NOTE_C9 = (
    '=IF(ISERROR(B9),"No sBG fit: the note beside the fit on Cohorts says why (often: no cohort of 3 months '
    'yet).",IF(ISREF(SBG_Alpha),"","No sBG fit: this workbook has no Cohorts sheet (the fit\'s cells were deleted); '
    'copy it from a new tracker (xl-retention new) to have one."))'
)
#: Lifetime value!C7: a churn of 0 has no finite lifetime (a churn in error: C5 says so; AND() was that error)
LIFETIME_NOTE_C7 = '=IF(ISNUMBER(B5),IF(B5=0,"No customer left in these months: 1 / churn has no finite value.",""),"")'


# the inputs the lifetime values read: a number pasted as text ('80%' from a web page, as the note says to type it)
# is that number, as Excel's arithmetic reads it and the monthly sheets do (CLV refused it: #VALUE!); a text that is
# no number is given as it is (CLV names it, C8 says which cell); the discount rate left blank stays the blank cell
ARPA, MARGIN = 'IF(B3="","",IFERROR(B3+0,B3))', 'IF(B4="","",IFERROR(B4+0,B4))'
DISCOUNT = 'IF(B6="",B6,IFERROR(B6+0,B6))'
# an own churn typed over B5's average as text ('3%' pasted): its number, as Excel reads a typed '3%' (CLV and
# CUSTOMER_LIFETIME refused it: #VALUE!, a tester's finding 6); an error in B5 stays that error (C5, C8 say why)
CHURN = "IFERROR(B5+0,B5)"
LIFETIME_CLV = f'=IF(OR(B3="",B4="",B5=""),"",IF({CHURN}+IFERROR(B6+0,0)=0,"",CLV({ARPA},{MARGIN},{CHURN},{DISCOUNT})))'
#: B8 and B7 before an own churn pasted as text was read as its number (upgrade: .lifetime_forms)
LIFETIME_CLV_TEXT_CHURN = (
    f'=IF(OR(B3="",B4="",B5=""),"",IF(B5+IFERROR(B6+0,0)=0,"",CLV({ARPA},{MARGIN},B5,{DISCOUNT})))'
)
LIFETIME_B7 = f'=IF(OR(B5="",{CHURN}=0),"",CUSTOMER_LIFETIME({CHURN}))'
LIFETIME_B7_TEXT_CHURN = '=IF(OR(B5="",B5=0),"",CUSTOMER_LIFETIME(B5))'
LIFETIME_MARGIN = f'=IF(OR(B3="",B4=""),"",CLV({ARPA},{MARGIN},1,0))'
_NO_NUMBER = "OR(AND(ISTEXT(B3),ISERROR(B3+0)),AND(ISTEXT(B4),ISERROR(B4+0)),AND(ISTEXT(B6),ISERROR(B6+0)))"


# an input's number (a number pasted as text is its number; blank or no number: within every range)
def _outside(ref: str, high: bool = True) -> str:
    value = f"IFERROR({ref}+0,0)"
    return f"OR({value}<0,{value}>1)" if high else f"{value}<0"


#: the notes naming an input outside its range (Lifetime value!C8, C12, C13)
_TEXT_NOTE = (
    "No value: ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that is no number; type a number "
    "there (80% or 0.8)."
)
_MARGIN_NOTE = "No value: the gross margin (B4) is a share from 0 to 1 (80% or 0.8, not 80)."
_DISCOUNT_NOTE = "No value: the discount rate (B6) is a monthly rate from 0 to 1 (1% or 0.01, not 1 or 10)."
_ARPA_NOTE = "No value: ARPA (B3) is below 0: type an amount of 0 or more."
#: the ARPA note of the template before it said the ARPA is below 0 (it stated the rule: "is 0 or more", untrue beside
#: -3.33; H204's finding 04)
_ARPA_NOTE_RULE = "No value: ARPA (B3) is 0 or more."

# ARPA (B3) blank beside a gross margin and a churn: the CLV was blank with no word (Revenue filled to April,
# Customers to February: the default's month has no customers at end); the note names the cell to fill
_ITS_MONTH_ROW = f"MATCH(INDEX(Revenue_Months,{_LAST_MRR}),Customers_Months,0)"
_NO_ARPA = (
    f"IF(COUNT(Revenue_End)=0,\"Type ARPA (B3), or fill Revenue: its default is the last month's MRR at end / "
    f'customers at end.",IF(N({_ITS_CUSTOMERS})>0,"Type ARPA (B3): its default (the last month\'s MRR at end / '
    f'customers at end) was cleared.",IF(ISNUMBER({_ITS_MONTH_ROW}),"No value: ARPA (B3) is blank: see '
    'Customers!"&ADDRESS(MIN('
    f'ROW(Customers_End))+{_ITS_MONTH_ROW}-1,COLUMN(Customers_End),4)&", the customers at end of the last month '
    'with MRR at end, blank, 0 or no number: fill it, or type your ARPA in B3.","No value: ARPA (B3) is blank: see '
    f'Revenue!"&ADDRESS(MIN(ROW(Revenue_Months))+{_LAST_MRR}-1,COLUMN(Revenue_Months),4)&", the last month with '
    'MRR at end, is no month of Customers: add it there, or type your ARPA in B3.")))'
)

#: Lifetime value!C8: why the constant-churn CLV (B8) is blank or an error, naming the input (a gross margin of 80
#: typed for 80%, a discount rate of 10 for 10%, which the note blamed on the margin, a text that is no number)
LIFETIME_NOTE_C8_FIXED_CELLS = (
    f'=IF({in_error("B8")},IF({in_error("B5")},"No value: the monthly churn (B5) is an error: C5 says where.",IF('
    f'{in_error("B3")},"No value: ARPA (B3) is an error: "&IFERROR("see Revenue!"&ADDRESS({_MRR_ERROR_ROW},'
    "COLUMN(Revenue_End),4)&"
    '", the last month\'s MRR at end, is an error: correct that month.","type a number there."),'
    f'IF({_NO_NUMBER},"{_TEXT_NOTE}",IF({_outside("B4")},"{_MARGIN_NOTE}",IF({_outside("B6")},'
    f'"{_DISCOUNT_NOTE}",IF({_outside("B3", high=False)},"{_ARPA_NOTE_RULE}",IF({_outside("B5")},"No value: the '
    'monthly churn (B5) is from 0 to 1 (3% or 0.03).","No value for these inputs: ARPA 0 or more; the gross margin, '
    'churn and discount rate from 0 to 1 (80% or 0.8, not 80)."))))))),IF(AND(B4="",B3<>"",B5<>""),"Type the gross '
    f'margin (B4) to see the lifetime values.",IF(AND(B3="",B4<>"",B5<>""),{_NO_ARPA},"")))'
)
#: Lifetime value!C8 before it named an ARPA in error (an earlier form, upgraded by import and extend)
LIFETIME_NOTE_C8_WITHOUT_ARPA_ERRORS = (
    '=IF(ISERROR(B8),IF(ISERROR(B5),"No value: the monthly churn (B5) is an error: C5 says where.",'
    f'IF({_NO_NUMBER},"{_TEXT_NOTE}",IF({_outside("B4")},"{_MARGIN_NOTE}",IF({_outside("B6")},'
    f'"{_DISCOUNT_NOTE}",IF({_outside("B3", high=False)},"{_ARPA_NOTE}",IF({_outside("B5")},"No value: the monthly '
    'churn (B5) is from 0 to 1 (3% or 0.03).","No value for these inputs: ARPA 0 or more; the gross margin, churn '
    'and discount rate from 0 to 1 (80% or 0.8, not 80).")))))),IF(AND(B4="",B3<>"",B5<>""),"Type the gross margin '
    f'(B4) to see the lifetime values.",IF(AND(B3="",B4<>"",B5<>""),{_NO_ARPA},"")))'
)
#: the sBG lifetime values (B12, B13) with a discount rate outside 0 to 1 (10 typed for 10%: SBG_DEL takes any rate,
#: 1,000% a month gave a lifetime of 1.08 months and a CLV of 8.60, silently): blank, C12 naming the discount rate
#: a blank is no discount, as CLV's omitted rate (SBG_DEL's is required: a blank was #VALUE!)
_SBG_DISCOUNT_OUT, _SBG_DISCOUNT = _outside("B6"), 'IF(B6="",0,IFERROR(B6+0,B6))'
LIFETIME_SBG_DEL = f'=IF(COUNT(B9:B10)<2,"",IF({_SBG_DISCOUNT_OUT},"",SBG_DEL(B9,B10,{_SBG_DISCOUNT})))'
LIFETIME_SBG_CLV = (
    f'=IF(COUNT(B9:B10)<2,"",IF(B11="","",IF({_SBG_DISCOUNT_OUT},"",SBG_CLV(B11,B9,B10,{_SBG_DISCOUNT}))))'
)
#: Lifetime value!C12: why the sBG lifetime (and so its CLV) has no value though the fit has one
LIFETIME_NOTE_C12_FIXED_CELLS = (
    f'=IF(COUNT(B9:B10)<2,"",IF({_SBG_DISCOUNT_OUT},"{_DISCOUNT_NOTE}",IF(ISERROR(B12),IF(AND(ISTEXT(B6),'
    'ISERROR(B6+0)),"No value: the discount rate (B6) holds text that is no number; type a number there (1% or '
    '0.01).",IF(AND(IFERROR(B6+0,0)=0,B9<=1),"No value: with no discount (B6 blank or 0) the expected sBG '
    'lifetime is infinite for an alpha (B9) of 1 or less; type a discount rate above 0 (1% or 0.01).","No value for '
    'this discount rate (B6): 0, or from 0.0001% to 100% a month.")),"")))'
)


#: Lifetime value!C13: why the sBG CLV has no value where its lifetime (B12) has one: the margin per month (B11)
def _c13(arpa_note: str) -> str:
    return (
        f"=IF(AND(ISERROR(B13),NOT(ISERROR(B12))),IF(OR(AND(ISTEXT(B3),ISERROR(B3+0)),AND(ISTEXT(B4),ISERROR(B4+0))),"
        f'"{_TEXT_NOTE}",IF({_outside("B4")},"{_MARGIN_NOTE}",IF({_outside("B3", high=False)},"{arpa_note}","No '
        'value for these inputs: ARPA 0 or more; the gross margin from 0 to 1 (80% or 0.8, not 80)."))),"")'
    )


#: C13 naming its inputs at fixed cells, ARPA's as a rule (earlier forms, upgraded by import, extend and upgrade)
LIFETIME_NOTE_C13_FIXED_CELLS = _c13(_ARPA_NOTE_RULE)


# -- the notes naming the cells as they are: a row inserted on the sheet (a note under its title) moves the inputs,
# and the notes named B3, B4, B6 where they were (H201's finding 04); each cell's address is written by the formula
_LITERAL = re.compile(r'"(?:[^"]|"")*"')
_NOTE_CELL = re.compile(r"\b([BC](?:1[0-3]|[3-9]))\b")


def live_cells(formula: str) -> str:
    """``formula`` with each cell of the sheet that a note's text names (``ARPA (B3)``, ``C5 says where``) written by
    ``ADDRESS(ROW(B3),COLUMN(B3),4)``, which follows the cell wherever rows are inserted or deleted.

    >>> live_cells('=IF(B3="","ARPA (B3) is blank","")')
    '=IF(B3="","ARPA ("&ADDRESS(ROW(B3),COLUMN(B3),4)&") is blank","")'
    """
    return _LITERAL.sub(
        lambda m: _NOTE_CELL.sub(lambda c: f'"&ADDRESS(ROW({c[1]}),COLUMN({c[1]}),4)&"', m.group(0)), formula
    )


# the cell the error of the last month's MRR at end starts in (H204's finding 01: C8 named March's MRR at end, which
# only carried the error of January's MRR at start left blank): the first month of the run of months in error that
# ends with the last, and there its MRR at start (the first month's, typed; a later month's, the end of the month
# before, carried: that end when it is blank or no number), or else that month's MRR at end (a movement below 0 or no
# number beside it). ISERROR, not in_error: the MRR at end is the template's sum, never an add-in's error text (and the
# formula must stay well below Excel's 8,192 characters)
_FIRST_MRR_ROW = "MIN(ROW(Revenue_End))"
_MRR_RUN_ROW = (
    "IFERROR(LOOKUP(2,1/((1-ISERROR(Revenue_End))*(ROW(Revenue_End)<LOOKUP(2,1/ISERROR(Revenue_End),ROW(Revenue_End)"
    f"))),ROW(Revenue_End))+1,{_FIRST_MRR_ROW})"
)
_RUN_START = f"INDEX(Revenue_Start,{_MRR_RUN_ROW}-{_FIRST_MRR_ROW}+1)"
_RUN_CARRIED = (
    f"AND({_MRR_RUN_ROW}>{_FIRST_MRR_ROW},{_no_number(f'INDEX(Revenue_End,{_MRR_RUN_ROW}-{_FIRST_MRR_ROW})')})"
)
# the movements of that month (new to churned MRR): the first below 0, no number or an error is the cell to correct
_RUN_COLUMN = "COLUMN(Revenue_End)"
for _name in ("Revenue_Churned", "Revenue_Contraction", "Revenue_Reactivation", "Revenue_Expansion", "Revenue_New"):
    _RUN_COLUMN = (
        f"IF(IFERROR(INDEX({_name},{_MRR_RUN_ROW}-{_FIRST_MRR_ROW}+1)+0<0,TRUE),COLUMN({_name}),{_RUN_COLUMN})"
    )
_RUN_COLUMN = f"IF({_no_number(_RUN_START)},IF({_RUN_CARRIED},COLUMN(Revenue_End),COLUMN(Revenue_Start)),{_RUN_COLUMN})"
_ARPA_IN_ERROR = (
    f'"No value: ARPA (B3) is an error"&IFERROR(", which starts in Revenue!"&ADDRESS({_MRR_RUN_ROW}-IF(AND('
    f'{_no_number(_RUN_START)},{_RUN_CARRIED}),1,0),{_RUN_COLUMN},4)&" (blank, below 0 or no number): correct it '
    'there.",": type a number there.")'
)
# ARPA below 0 (H204's finding 04: "ARPA (B3) is 0 or more" beside -3.33): said with its value, and where the last
# month's MRR at end is below 0 (a churn of 150 typed for 15: the default's cause), that month's cell
_MRR_BELOW_0 = f"IFERROR(INDEX(Revenue_End,{_LAST_MRR})<0,FALSE)"
_ARPA_BELOW_0 = (
    f'"No value: ARPA (B3) is "&ROUND(B3+0,2)&", below 0"&IF({_MRR_BELOW_0},": Revenue!"&ADDRESS({_LAST_MRR_ROW},'
    f'COLUMN(Revenue_End),4)&", the last month\'s MRR at end, is "&ROUND(INDEX(Revenue_End,{_LAST_MRR}),2)&"; '
    'correct that month, or type your ARPA in B3.",": type an amount of 0 or more.")'
)
_C8_NAMED_AT_FIXED_CELLS = (
    f'=IF({in_error("B8")},IF({in_error("B5")},"No value: the monthly churn (B5) is an error: C5 says where.",IF('
    f"{in_error('B3')},{_ARPA_IN_ERROR},"
    f'IF({_NO_NUMBER},"{_TEXT_NOTE}",IF({_outside("B4")},"{_MARGIN_NOTE}",IF({_outside("B6")},'
    f'"{_DISCOUNT_NOTE}",IF({_outside("B3", high=False)},{_ARPA_BELOW_0},IF({_outside("B5")},"No value: the monthly '
    'churn (B5) is from 0 to 1 (3% or 0.03).","No value for these inputs: ARPA 0 or more; the gross margin, churn '
    'and discount rate from 0 to 1 (80% or 0.8, not 80)."))))))),IF(AND(B4="",B3<>"",B5<>""),"Type the gross margin '
    f'(B4) to see the lifetime values.",IF(AND(B3="",B4<>"",B5<>""),{_NO_ARPA},"")))'
)
#: C8 as 17d01689 wrote it (reverted: each ROW of the months written out grew its recalculation past what the embedded
#: engine takes at 36 months); a tracker made then is upgraded by import, extend and upgrade
LIFETIME_NOTE_C8_ROWS = live_cells(_C8_NAMED_AT_FIXED_CELLS)
LIFETIME_NOTE_C8 = live_cells(lean_rows(_C8_NAMED_AT_FIXED_CELLS))
LIFETIME_NOTE_C12 = live_cells(LIFETIME_NOTE_C12_FIXED_CELLS)
LIFETIME_NOTE_C13 = live_cells(_c13(_ARPA_NOTE))


# -- a discount rate of 1 typed for 1% a month (H242's finding 05): the notes say "(1% or 0.01, not 1 or 10)", yet 1
# was taken as 100% a month, the CLV 35.88 for 303.59 with no word (10 was refused). A monthly rate of 1 or more is
# now outside the rate's range as 10 is: the CLV (B8) #NUM!, the sBG lifetime values (B12, B13) blank, C8 and C12
# naming B6. The forms before, kept for upgrade (.lifetime_forms)
_DISCOUNT_OUT = "OR(IFERROR(B6+0,0)<0,IFERROR(B6+0,0)>=1)"
LIFETIME_CLV_DISCOUNT_1 = LIFETIME_CLV
LIFETIME_CLV = LIFETIME_CLV.replace("CLV(", "IF(IFERROR(B6+0,0)=1,#NUM!,CLV(", 1) + ")"
LIFETIME_NOTE_C8_DISCOUNT_1 = LIFETIME_NOTE_C8
LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8.replace(_SBG_DISCOUNT_OUT, _DISCOUNT_OUT)
LIFETIME_NOTE_C12_DISCOUNT_1 = LIFETIME_NOTE_C12
LIFETIME_NOTE_C12 = LIFETIME_NOTE_C12.replace(_SBG_DISCOUNT_OUT, _DISCOUNT_OUT)
LIFETIME_SBG_DEL_DISCOUNT_1, LIFETIME_SBG_CLV_DISCOUNT_1 = LIFETIME_SBG_DEL, LIFETIME_SBG_CLV
LIFETIME_SBG_DEL = LIFETIME_SBG_DEL.replace(_SBG_DISCOUNT_OUT, _DISCOUNT_OUT)
LIFETIME_SBG_CLV = LIFETIME_SBG_CLV.replace(_SBG_DISCOUNT_OUT, _DISCOUNT_OUT)
assert _DISCOUNT_OUT in LIFETIME_NOTE_C8 and _DISCOUNT_OUT in LIFETIME_NOTE_C12 and _DISCOUNT_OUT in LIFETIME_SBG_CLV
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


#: the lines of column C (48 wide, about 48 to 57 italic characters a line) each note beside Lifetime value's
#: figures needs for its longest text: C5's "see Customers!G5: that month's churn rate is the text '5.5%', typed over
#: its formula, ..." (186 characters, and what was typed) was cut after two lines in a row 30 high; C8's ARPA blank
#: for a customers at end (161), C9's deleted Cohorts sheet (137), C12's infinite lifetime (155), C13's inputs that are
#: text (132) were cut too
NOTE_LINES = {"C3": 2, "C5": 5, "C7": 2, "C8": 4, "C9": 3, "C12": 4, "C13": 3}


def note_height(lines: int) -> float:
    """The height in points of a row holding ``lines`` lines of a note (15 points a line of 11-point text)."""
    return 15 * lines + 2


def lifetime_sheet(wb: Workbook, title: str, inputs: dict) -> Worksheet:
    """The Lifetime value sheet.

    ``inputs``: ``arpa`` (replaces the default formula), ``gross_margin``, ``discount_rate``.
    """
    ws = wb.create_sheet(title)
    ws["A1"] = "Customer lifetime value"
    ws["A1"].font = TITLE_FONT
    rows = [
        ("ARPA (average revenue per account per month)", inputs.get("arpa", ARPA_DEFAULT), MONEY, "amount", "LTV_ARPA"),
        ("Gross margin", inputs.get("gross_margin"), PERCENT, "rate", "LTV_Gross_Margin"),
        ("Monthly churn (average of the last 12 months with a churn rate)", CHURN_12, "0.00%", None, "LTV_Churn"),
        ("Discount rate per month", inputs.get("discount_rate", 0.01), "0.00%", "rate", "LTV_Discount_Rate"),
        (
            "Customer lifetime (months), constant churn",
            LIFETIME_B7,  # no churn yet: no finite lifetime (C7 says so)
            "0.0",
            None,
            "LTV_Lifetime",
        ),
        (
            "Customer lifetime value (CLV), constant churn",
            LIFETIME_CLV,  # no churn, no discount: unbounded
            MONEY,
            None,
            "LTV_CLV",
        ),
        ("sBG alpha (fitted on Cohorts)", SBG_ALPHA, "0.000", None, "LTV_SBG_Alpha"),
        ("sBG beta (fitted on Cohorts)", SBG_BETA, "0.000", None, "LTV_SBG_Beta"),
        # ARPA x gross margin as CLV computes it (one month's margin: churn 1, no discount), so that a gross margin
        # typed as 80 for 80% is #NUM! here as in B8, not a margin of 4,000 a month in the sBG lifetime value
        ("Margin per month (ARPA x gross margin)", LIFETIME_MARGIN, MONEY, None, "LTV_Margin"),
        (
            "Discounted expected lifetime (months), sBG",
            LIFETIME_SBG_DEL,
            "0.0",
            None,
            "LTV_SBG_Lifetime",
        ),
        (
            "Customer lifetime value (CLV), sBG",
            LIFETIME_SBG_CLV,  # no fit: blank, whatever B11 holds
            MONEY,
            None,
            "LTV_SBG_CLV",
        ),
    ]
    for i, (label, value, number_format, validation, name) in enumerate(rows, start=3):
        ws.cell(row=i, column=1, value=label).border = BORDER
        cell = ws.cell(row=i, column=2, value=value)
        is_input = validation is not None  # ARPA's default formula is an input too: type over it
        style(cell, is_input, number_format)
        if validation:
            validate(ws, validation, f"B{i}")
        define(wb, name, ws, f"${get_column_letter(2)}${i}")
    ws["C3"] = "Default: the last month's MRR at end / customers at end. Type your own figure over it to keep it."
    ws["C5"], ws["C7"] = LIFETIME_NOTE_C5, LIFETIME_NOTE_C7
    ws["C8"] = LIFETIME_NOTE_C8
    # a tracker with a month or two of data has no sBG fit: B9:B10 are #NUM!, which this note explains
    ws["C9"] = LIFETIME_NOTE_C9
    ws["C12"], ws["C13"] = LIFETIME_NOTE_C12, LIFETIME_NOTE_C13
    for ref in ("C3", "C5", "C7", "C8", "C9", "C12", "C13"):
        ws[ref].font = NOTE_FONT
    notes = (
        "Constant churn: CLV = ARPA x gross margin x (1 + d) / (d + churn), payment at the start of each month.",
        "The churn is the average of the last 12 months that have a churn rate (the first month with data has none).",
        "sBG: churn differs between customers, so those who stay churn less; CLV = margin x DEL (Fader & Hardie 2010).",
        "The constant-churn figure understates the value of customers who stay; the sBG needs the Cohorts triangle.",
        "The sBG takes each row of Cohorts as that month's sign-ups. If your data starts after your business did, its "
        "first month's row holds customers of every tenure and biases the fit: clear that row to fit the later ones.",
    )
    ws.column_dimensions["A"].width = 58
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 48
    # every text wrapped inside A:C, the printed area: a note running past C made LibreOffice print the sheet at
    # half size (it fits the text, not the columns, to the page) and would be cut at C's edge with a print area
    for ref, lines in NOTE_LINES.items():
        ws[ref].alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[int(ref[1:])].height = note_height(lines)
        for cell in (ws[f"A{ref[1:]}"], ws[f"B{ref[1:]}"]):  # the label and figure level with their note's first line
            cell.alignment = Alignment(vertical="top")
    for i, note in enumerate(notes, start=15):
        ws.cell(row=i, column=1, value=note).font = NOTE_FONT
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=3)
        ws.cell(row=i, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[i].height = 15 * -(-len(note) // 125) + 2  # about 125 italic characters a line in A:C
    print_setup(ws)
    ws.print_area = f"A1:C{14 + len(notes)}"
    return ws


def _triangle(
    ws: Worksheet,
    months: list[dt.date],
    top: int,
    title: str,
    counts: list[list[int]],
    share_title: str,
    first: str = "Signup month",
) -> tuple[int, int]:
    """An input triangle (counts) and its shares below; returns the first rows of both."""
    n = len(months)
    headers = [first] + [f"Month {k}" for k in range(n)]
    ws.cell(row=top, column=1, value=title).font = TITLE_FONT
    counts_first = top + 3  # top + 1: a note
    header(ws, top + 2, headers, [12] + [COHORT_WIDTH] * n)
    pct_title = counts_first + n + 1
    pct_first = pct_title + 2
    ws.cell(row=pct_title, column=1, value=share_title).font = TITLE_FONT
    header(ws, pct_title + 1, headers, [12] + [COHORT_WIDTH] * n)
    size = get_column_letter(COHORT_SIZE_COLUMN)
    for i, month in enumerate(months):
        count_row, pct_row = counts_first + i, pct_first + i
        for row in (count_row, pct_row):
            style(ws.cell(row=row, column=1, value=month), False, MONTH_FORMAT)
        for k in range(n):
            letter = get_column_letter(k + 2)
            count, pct = ws.cell(row=count_row, column=k + 2), ws.cell(row=pct_row, column=k + 2)
            if i + k >= n:  # the future: outside the triangle
                count.fill = pct.fill = FUTURE_FILL
                continue
            style(count, True, COUNT_FORMAT)
            if i < len(counts) and k < len(counts[i]):
                count.value = counts[i][k]
            pct.value = (
                f'=IF(OR({letter}{count_row}="",${size}{count_row}="",IFERROR(${size}{count_row}+0=0,FALSE)),"",'
                f"{letter}{count_row}/${size}{count_row})"  # a month 0 pasted as text "0" is 0 too: blank
            )
            style(pct, False, "0%")
    last = get_column_letter(n + 1)
    validate(ws, "count", f"B{counts_first}:{last}{counts_first + n - 1}")
    colour_scale(ws, f"B{pct_first}:{last}{pct_first + n - 1}")
    return counts_first, pct_first


def cohorts_sheet(
    wb: Workbook, title: str, months: list[dt.date], counts: list[list[int]], order_counts: list[list[int]]
) -> Worksheet:
    """The Cohorts sheet: survivors (fitted), projection, order cohorts (not fitted)."""
    ws = wb.create_sheet(title)
    n = len(months)
    counts_first, pct_first = _triangle(
        ws, months, 1, "Cohorts: survivors, customers active in every month since their signup month", counts,
        "Retention: share of each cohort still active (survivors / month 0)",
    )  # fmt: skip
    ws["A2"] = (
        "A customer who leaves and comes back is not a survivor again. The sBG model is fitted to this triangle; "
        "order cohorts (repeat purchases) are in their own table below."
    )
    ws["A2"].font = NOTE_FONT
    last = get_column_letter(n + 1)
    define(wb, "Cohort_Counts", ws, f"$B${counts_first}:${last}${counts_first + n - 1}")
    define(wb, "Cohort_Retention", ws, f"$B${pct_first}:${last}${pct_first + n - 1}")
    end = _sbg_projection(wb, ws, months, counts_first, pct_first + n + 1)
    order_top = end + 2
    order_first, order_pct = _triangle(
        ws, months, order_top,
        "Order cohorts: customers of each first-order month who ordered k months later (not fitted with sBG)",
        order_counts, "Order cohorts: share of each cohort ordering k months later", "First order month",
    )  # fmt: skip
    define(wb, "Order_Cohort_Counts", ws, f"$B${order_first}:${last}${order_first + n - 1}")
    define(wb, "Order_Cohort_Share", ws, f"$B${order_pct}:${last}${order_pct + n - 1}")
    ws.freeze_panes = f"B{counts_first}"
    # each table starts a printed page (the fit and its projection share one): none is split between two pages; a
    # triangle of more than COHORT_PAGE_MONTHS months prints on a page across for each COHORT_PAGE_MONTHS months (its
    # signup months repeated), page by page along each table (a 36-month one printed at 28% of its size on one page,
    # now 54% on two; LibreOffice, fitting them, splits the months evenly where the column break asks for 24)
    starts = (pct_first - 2, pct_first + n + 1, order_top, order_pct - 2)
    across = tuple(range(2 + COHORT_PAGE_MONTHS, n + 2, COHORT_PAGE_MONTHS))
    print_setup(ws, pages_wide=len(across) + 1, breaks=across + tuple(-row for row in starts))
    if across:
        ws.page_setup.pageOrder = "overThenDown"
    return ws


# ERROR.TYPE 1..8 -> why the fit failed (SBG_FIT's errors, docs/functions.md)
FIT_REASONS = (
    "",
    "#DIV/0!: every cohort has 0 customers",
    "#VALUE!: text in the triangle, or a blank month before filled ones in a cohort's row (recalc's report names "
    "the cell)",
    "#REF!",
    "#NAME?: the xl-retention functions are not loaded (see Start here)",
    "#NUM!: counts that rise, counts not whole (shares typed: type each cohort's customers), survivors 0 in every "
    "cohort from one month on (months not observed yet: leave them "
    "blank), a cohort with fewer than 3 months, no churn at all, or churn alike for every customer (no finite fit: "
    "the constant-churn lifetime value applies); recalc's report names which for sBG, xr.bdw_fit in Python for BdW",
    "#N/A",
    "",
)


#: the BdW fit's #NUM! where the sBG fit has figures: the triangle's checks are the sBG's (counts that rise, survivors
#: 0, cohorts of 2 months failed it too), so BdW's own: its likelihood does not determine c beside alpha and beta (a
#: peak too flat: H213's finding 01, the note listed reasons none of which applied; or none: a ridge or an edge)
BDW_OWN_REASON = (
    "#NUM!: these cohorts fit sBG, but their likelihood does not determine BdW's three parameters (its peak too flat "
    "to fix them, or no peak: a ridge or an edge), so BdW - sBG is blank; xr.bdw_fit in Python says which, with a "
    "flat peak's log-likelihood to compare with sBG's"
)


def bdw_note(reasons: str, *, own: bool = True) -> str:
    """The note beside the BdW fit: blank where it has figures; else "no BdW fit: " and why, from its error's type
    (``reasons``: the quoted texts of CHOOSE, as :data:`FIT_REASONS`). ``own``: a #NUM! beside a fitted sBG is
    BdW's own (:data:`BDW_OWN_REASON`); the form before it (2026-12-04) gave every #NUM! the triangle's reasons."""
    first = "INDEX(BDW_FIT(Cohort_Counts),1,1)"
    why = f"CHOOSE(MIN({error_type(first)},8),{reasons})"
    if own:
        why = f'IF(AND(ISNUMBER(SBG_Alpha),{error_type(first)}=6),"{BDW_OWN_REASON}",{why})'
    return f'=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF({in_error(first)},"no BdW fit: "&{why},"")))'


#: the sBG fit's #NUM! where a count of the triangle is not whole (a retention curve of shares typed in: H224's
#: finding 03, the note listed five reasons, none true), and the fit blank where the triangle holds text only (a
#: paste of numbers stored as text: COUNT is 0, the fit blank under no word: H224's finding 02)
NOT_WHOLE_REASON = (
    "#NUM!: the triangle holds counts that are not whole (shares or fractions: a retention curve typed?); the fits "
    "take each cohort's customers: type those, as counted"
)
TEXT_ONLY_REASON = (
    "No fit: the triangle holds text only, no number (numbers pasted as text?); type them as numbers (paste values "
    "as numbers, or Data > Text to Columns)"
)
_NOT_WHOLE = "IFERROR(SUMPRODUCT(--(Cohort_Counts<>ROUND(Cohort_Counts,0)))>0,FALSE)"


def sbg_note(fit: str, reasons: str) -> str:
    """The note beside the sBG fit (its alpha in cell ``fit``): why it failed, from its error's type (``reasons``:
    the quoted texts of CHOOSE, as :data:`FIT_REASONS`), a #NUM! of counts not whole said as such; blank where it
    has figures, or where the triangle is empty (text only: :data:`TEXT_ONLY_REASON`)."""
    return (
        f'=IF(ISERROR({fit}),IF(AND(ERROR.TYPE({fit})=6,{_NOT_WHOLE}),"{NOT_WHOLE_REASON}",CHOOSE(MIN(ERROR.TYPE('
        f'{fit}),8),{reasons})),IF(AND(COUNT(Cohort_Counts)=0,COUNTA(Cohort_Counts)>0),"{TEXT_ONLY_REASON}",""))'
    )


def _wrap_notes(ws: Worksheet, fit: int, last_column: int) -> None:
    """The notes beside the fit table (G of its three rows) wrapped in G:``last_column``, the sheet's printed width,
    each row as tall as its longest text needs: a note running past the last column is cut on paper and in PDFs."""
    letters = [get_column_letter(c) for c in range(7, last_column + 1)]
    width = sum(ws.column_dimensions[x].width if x in ws.column_dimensions else 9 for x in letters)
    longest = max(len(r) for r in (*FIT_REASONS, BDW_OWN_REASON, NOT_WHOLE_REASON)) + len("no BdW fit: ")
    for row in range(fit, fit + 3):
        ws.merge_cells(start_row=row, start_column=7, end_row=row, end_column=last_column)
        note = ws.cell(row=row, column=7)
        note.alignment = Alignment(wrap_text=True, vertical="top")
        text = note.value if row == fit + 2 else "x" * longest  # a formula's note: room for the longest reason
        lines = -(-len(text) * 10 // (11 * int(width)))  # about 1.1 characters of italic text a width unit
        ws.row_dimensions[row].height = 15 * max(1, lines) + (4 if lines > 1 else 0)
        for column in range(1, 6):  # the figures beside a tall note: in the middle of their row
            ws.cell(row=row, column=column).alignment = Alignment(vertical="center")


def _sbg_projection(wb: Workbook, ws: Worksheet, months: list[dt.date], counts_first: int, top: int) -> int:
    """The sBG fit of the whole triangle, and each cohort's retention projected 12 months past its last month.

    Returns the last row used.
    """
    n = len(months)
    ws.cell(
        row=top,
        column=1,
        value="sBG (Fader & Hardie 2007) and BdW (Fader, Hardie, Liu, Davin & Steenburgh 2018) fitted to the survivors",
    ).font = TITLE_FONT
    header(ws, top + 1, ["", "alpha", "beta", "log-likelihood", "c"], [12] + [COHORT_WIDTH] * 4)
    fit = top + 2
    reasons = ",".join(f'"{r}"' for r in FIT_REASONS)
    # sBG: a failed fit shows its own error in its cells (the projections and lifetime value use them).
    # The label reads "sBG fit"; the cell holds "fit", the name scripts (and earlier trackers) find the row by.
    label = ws.cell(row=fit, column=1, value="fit")
    label.border, label.number_format = BORDER, '"sBG "@'
    sbg = ((1, "SBG_Alpha", "0.000"), (2, "SBG_Beta", "0.000"), (3, "SBG_Log_Likelihood", "0.0"))
    for col, (k, name, number_format) in enumerate(sbg, start=2):
        # blank: no survivors yet; a failed fit's code as text (the classic add-in's) is its error, which every cell
        # after reads as on the other surfaces (its note, the projections, Lifetime value!B9:C9): :mod:`.error_texts`
        formula = f'=IF(COUNT(Cohort_Counts)=0,"",{as_error(f"INDEX(SBG_FIT(Cohort_Counts),1,{k})")[1:]})'
        if k > 1:  # INDEX over a failed fit (one error, not three values) would be #REF!: show the fit's error;
            # blank without survivors, computed by any spreadsheet (LibreOffice showed #NAME? in beta, log-likelihood)
            formula = f'=IF(COUNT(Cohort_Counts)=0,"",IF(ISERROR(B{fit}),B{fit},INDEX(SBG_FIT(Cohort_Counts),1,{k})))'
        style(ws.cell(row=fit, column=col, value=formula), False, number_format)
        define(wb, name, ws, f"${get_column_letter(col)}${fit}")
    style(ws.cell(row=fit, column=5, value=f'=IF(ISNUMBER(B{fit}),1,"")'), False, "0.000")  # the sBG is c = 1
    ws.cell(row=fit, column=7, value=sbg_note(f"B{fit}", reasons))
    ws.cell(row=fit, column=7).font = NOTE_FONT
    # BdW: a comparison only, which short data often cannot identify: blank cells and the reason in words
    # (text, which LibreOffice keeps, where it would recompute an error value into #NAME?).
    bdw_row, first = fit + 1, "INDEX(BDW_FIT(Cohort_Counts),1,1)"
    ws.cell(row=bdw_row, column=1, value="BdW fit").border = BORDER
    bdw = ((1, "BDW_Alpha", "0.000"), (2, "BDW_Beta", "0.000"), (4, "BDW_Log_Likelihood", "0.0"), (3, "BDW_C", "0.000"))
    for col, (k, name, number_format) in enumerate(bdw, start=2):
        formula = f'=IF(COUNT(Cohort_Counts)=0,"",IFERROR({as_error(f"INDEX(BDW_FIT(Cohort_Counts),1,{k})")[1:]},""))'
        style(ws.cell(row=bdw_row, column=col, value=formula), False, number_format)
        define(wb, name, ws, f"${get_column_letter(col)}${bdw_row}")
    # blank beside a fitted BdW without calling BDW_FIT (a spreadsheet without xl-retention, LibreOffice, recomputes
    # a cell that stores "" and showed #N/A there)
    reason = bdw_note(reasons)
    ws.cell(row=bdw_row, column=7, value=reason).font = NOTE_FONT
    ws.cell(row=fit + 2, column=1, value="BdW - sBG").border = BORDER
    gain = f'=IF(AND(ISNUMBER(D{fit}),ISNUMBER(D{fit + 1})),D{fit + 1}-D{fit},"")'
    style(ws.cell(row=fit + 2, column=4, value=gain), False, "0.00")
    ws.cell(
        row=fit + 2,
        column=7,
        value="log-likelihood gained by letting churn change with tenure (c); above 1.92, duration dependence "
        "matters at the 5% level (likelihood-ratio test, 1 degree of freedom)",
    ).font = NOTE_FONT
    notes_row = fit
    fit += 2  # the projection below starts after these rows
    title = fit + 2
    ws.cell(
        row=title,
        column=1,
        value=f"Projected retention, 1 to {PROJECTION_MONTHS} months past each cohort's last observed month: "
        "observed share x S(k + h) / S(k)",
    ).font = TITLE_FONT
    headers = ["Signup month", "Observed to month"] + [f"+{h}" for h in range(1, PROJECTION_MONTHS + 1)]
    header(ws, title + 1, headers, [12] + [COHORT_WIDTH] * (1 + PROJECTION_MONTHS))
    last = get_column_letter(n + 1)
    for i, month in enumerate(months):
        row, count_row = title + 2 + i, counts_first + i
        cohort = f"$B{count_row}:${last}{count_row}"
        style(ws.cell(row=row, column=1, value=month), False, MONTH_FORMAT)
        # the cohort's last filled month (a blank month inside the row does not count it back: 100, 90, blank, 70 is
        # observed to month 3, not 2); blank for a cohort of 0 customers (a month without sign-ups: no projection)
        observed_to = (
            f'=IF(OR(COUNT({cohort})=0,N($B{count_row})=0),"",'
            f"LOOKUP(2,1/ISNUMBER({cohort}),COLUMN({cohort}))-COLUMN($B{count_row}))"
        )
        style(ws.cell(row=row, column=2, value=observed_to), False, "0")
        size, k = f"$B{count_row}", f"$B{row}"
        for h in range(1, PROJECTION_MONTHS + 1):
            formula = (
                f'=IF(OR({k}="",ISERROR(SBG_Alpha)),"",IF(OR(SBG_Alpha="",{size}=0),"",INDEX({cohort},1,{k}+1)/{size}'
                f"*SBG_SURVIVAL(SBG_Alpha,SBG_Beta,{k}+{h})/SBG_SURVIVAL(SBG_Alpha,SBG_Beta,{k})))"
            )
            style(ws.cell(row=row, column=2 + h, value=formula), False, "0%")
    first, end = title + 2, title + 1 + n
    area = f"$C${first}:${get_column_letter(2 + PROJECTION_MONTHS)}${end}"
    define(wb, "SBG_Projection", ws, area)
    colour_scale(ws, area.replace("$", ""))
    # after the headers that set the columns' widths; a tracker of more months than a page across holds: beside the
    # projection only (the page right of it holds nothing else of these tables: none is printed)
    wide = n + 1 if n <= COHORT_PAGE_MONTHS else 0
    _wrap_notes(ws, notes_row, max(wide, 2 + PROJECTION_MONTHS))
    return end


START_TEXT = (
    ("xl-retention: retention tracking workbook", TITLE_FONT),
    ("One definition per metric: every metric cell is an xl-retention formula (=CRR, =NPS, =NRR, ...).", None),
    ("", None),
    ("Set up the formulas in Excel", Font(bold=True)),
    ("Windows, classic xlwings: install xl-retention from its checkout or wheel (see its README), then", None),
    ("  xlwings addin install.", None),
    ("  The xlwings.conf sheet of this workbook already sets UDF Modules = xl_retention.udfs.", None),
    ("  Excel: File > Options > Trust Center > Macro Settings > Trust access to the VBA project object model.", None),
    ("  xlwings ribbon > Import Functions, then save as .xlsm (xl-retention new tracker.xlsm gives one).", None),
    ("Excel on macOS, Windows or the web: xlwings Lite add-in; requirements.txt: the xl-retention wheel's URL;", None),
    ("  main.py: from xl_retention.udfs import *", None),
    ("Without Excel: xl-retention recalc tracker.xlsx computes every formula with the embedded engine.", None),
    ("", None),
    ("Fill a month", Font(bold=True)),
    ("Customers: type gained and customers at end (customers at start: first month only).", None),
    ("Revenue: type MRR at start (first month only), then new, expansion, reactivation, contraction, churned.", None),
    ("NPS scores: one column per month, one response per row; the NPS sheet summarises them.", None),
    ("Purchases and visits, Lifetime value, Cohorts: type the yellow cells.", None),
    (
        "Months you have not filled stay blank. Customers: a month typed in part shows #VALUE! until it is complete.",
        None,
    ),
    (
        "Revenue: a movement left blank counts as 0: a month's MRR and NRR are final once all its movements are typed.",
        None,
    ),
    ("The first month with data has no customers or MRR at its start: its rates are blank, not #DIV/0!.", None),
    ("The Dashboard's charts show the months with data: xl-retention recalc fits them after months are typed.", None),
    ("NPS: the margin of error is blank with fewer than 4 answers in a month, or with all of them in one group.", None),
    (
        "Each monthly sheet's notes are in the comment on its Month header (A1): the sheet holds its table only.",
        None,
    ),
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
    (
        "#NAME?: the functions are not loaded (LibreOffice: in each cell that stores an error, as the fit's #NUM!).",
        None,
    ),
)


def start_here_sheet(wb: Workbook, title: str) -> Worksheet:
    """The first sheet: how to set the workbook up and fill it."""
    ws = wb.active
    ws.title = title
    for row, (text, look) in enumerate(START_TEXT, start=1):
        cell = ws.cell(row=row, column=1, value=text)
        if isinstance(look, Font):
            cell.font = look
        elif look in ("input", "formula"):
            style(cell, look == "input", "General")
    # no line runs past column A, in the wider fonts LibreOffice substitutes too
    ws.column_dimensions["A"].width = round(1.25 * max(len(text) for text, _ in START_TEXT))
    print_setup(ws)  # landscape: LibreOffice fits columns, not the text that runs past them, to the page
    ws.page_setup.fitToHeight = 1  # and one page tall: its last line (#NAME?) was alone on a second page
    ws.print_area = f"A1:A{len(START_TEXT)}"
    return ws


def xlwings_conf_sheet(wb: Workbook, title: str) -> Worksheet:
    """xlwings' settings sheet (UDF Modules), hidden."""
    ws = wb.create_sheet(title)
    ws["A1"], ws["B1"] = "UDF Modules", "xl_retention.udfs"
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 24
    ws.sheet_state = "hidden"  # xlwings reads it hidden as well; nobody needs to see or print it
    return ws
