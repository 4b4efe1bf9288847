"""The template's Lifetime value sheet: ARPA (by default the data's last month's MRR per customer; a typed figure
replaces the formula and stays), gross margin, the average churn of the last 12 months that have a churn rate, and the
constant-churn and sBG lifetime values, with the notes beside them saying why a figure has no value.

Moved out of :mod:`.sheets` (past 600 lines) as it was; :mod:`.sheets` re-exports every public name, and each
earlier form of a formula kept for upgrade (:mod:`.lifetime_forms`) is here beside the current one.
"""

from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ._style import BORDER, MONEY, NOTE_FONT, PERCENT, TITLE_FONT, define, print_setup, style, validate
from .error_texts import as_error, in_error
from .lifetime_two_errors import both_said

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
NOTE_LINES = {"C3": 4, "C5": 5, "C7": 2, "C8": 4, "C9": 3, "C12": 4, "C13": 3}


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
    ws["C3"] = LIFETIME_NOTE_C3
    ws["C5"], ws["C7"] = LIFETIME_NOTE_C5, LIFETIME_NOTE_C7
    define_named(wb)  # the rows C5 and C8 read
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


# -- C8 blamed Revenue where Customers' month was typed as another day than its first (Customers!A8 = 2027-02-15
# beside Revenue!A8 = 2027-02-01: "see Revenue!A8 ..., is no month of Customers: add it there"; H248's finding,
# H259): where both sheets hold the month, typed as different days, it names both cells and the first day to type
# (recalc names the cell too, the file incomplete). The form before, kept for upgrade (.lifetime_forms)
_LAST_MONTH = f"INDEX(Revenue_Months,{_LAST_MRR})"
_FIRST_DAY = f"INT({_LAST_MONTH})-DAY({_LAST_MONTH})+1"
_SAME_MONTH = f"MATCH({_FIRST_DAY},INDEX(INT(Customers_Months)-DAY(Customers_Months)+1,0),0)"
_NO_MONTH_SAID = (
    '"No value: ARPA ("&ADDRESS(ROW(B3),COLUMN(B3),4)&") is blank: see Revenue!"&ADDRESS(ROW(INDEX(Revenue_Months,1))'
    f'+{_LAST_MRR}-1,COLUMN(Revenue_Months),4)&", the last month with MRR at end, is no month of Customers: add it '
    'there, or type your ARPA in "&ADDRESS(ROW(B3),COLUMN(B3),4)&"."'
)
_MONTH_SHOWN = f'YEAR({_LAST_MONTH})&"-"&TEXT(MONTH({_LAST_MONTH}),"00")'
_DAYS_SAID = (
    f'IF(ISNUMBER({_SAME_MONTH}),"No value: ARPA ("&ADDRESS(ROW(B3),COLUMN(B3),4)&") is blank: Revenue!"&ADDRESS('
    f'ROW(INDEX(Revenue_Months,1))+{_LAST_MRR}-1,COLUMN(Revenue_Months),4)&" and Customers!"&ADDRESS(ROW(INDEX('
    f'Customers_Months,1))+{_SAME_MONTH}-1,COLUMN(Customers_Months),4)&" are both "&{_MONTH_SHOWN}&" typed as '
    f'different days: type the month\'s first day, "&{_MONTH_SHOWN}&"-01, in each.",{_NO_MONTH_SAID})'
)
assert LIFETIME_NOTE_C8.count(_NO_MONTH_SAID) == 1
LIFETIME_NOTE_C8_DAYS_UNSAID = LIFETIME_NOTE_C8
LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8.replace(_NO_MONTH_SAID, _DAYS_SAID)


# -- C5 held 9,371 characters and C8 8,828, past Excel's 8,192 (Excel's specifications and limits: the file opened
# with a repair prompt, the notes removed; H303): the row of the last churn rate in error (21 times in C5) and of the
# first month of the run of MRR at end in error (16 times in C8) are named formulas, computed where they are named.
# The forms before, kept for upgrade (.lifetime_forms)
#: the named formulas the Lifetime value notes read (name -> its formula, without =)
LIFETIME_NAMED = {
    "LTV_Churn_Error_Row": lean_rows(f"={_CHURN_ERROR_ROW}")[1:],
    "LTV_MRR_Run_Row": lean_rows(f"={_MRR_RUN_ROW}")[1:],
}
LIFETIME_NOTE_C5_UNNAMED, LIFETIME_NOTE_C8_UNNAMED = LIFETIME_NOTE_C5, LIFETIME_NOTE_C8
for _name, _formula in LIFETIME_NAMED.items():
    LIFETIME_NOTE_C5 = LIFETIME_NOTE_C5.replace(_formula, _name)
    LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8.replace(_formula, _name)
assert "LTV_Churn_Error_Row" in LIFETIME_NOTE_C5 and "LTV_MRR_Run_Row" in LIFETIME_NOTE_C8
# -- C8 with both the churn and the ARPA in error said the churn's alone (H384's finding 07): both now. Kept for upgrade
LIFETIME_NOTE_C8_ONE_ERROR_SAID, LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8, both_said(LIFETIME_NOTE_C8)
assert len(LIFETIME_NOTE_C5) < 8192 and len(LIFETIME_NOTE_C8) < 8192


# -- Revenue kept to March, Customers to November: the ARPA was March's MRR at end / March's customers at end, and
# the CLV beside November's churn (the Dashboard's, dated Nov 2026) said nothing of it, where the opposite gap (Revenue
# ahead of Customers) leaves the ARPA blank with a note (H315's finding 02). C3 names the ARPA's month then. The text
# before, kept for upgrade (.lifetime_forms)
LIFETIME_NOTE_C3_TEXT = (
    "Default: the last month's MRR at end / customers at end. Type your own figure over it to keep it."
)
_ARPA_MONTH = f"INDEX(Revenue_Months,{_LAST_MRR})"
_CUSTOMERS_MONTH = "INDEX(Customers_Months,MATCH(COUNT(Customers_End),Customers_End_Seq,0))"
_ARPA_SAID = (  # the ARPA's month, where Customers runs further
    f'IFERROR(IF({_CUSTOMERS_MONTH}>{_ARPA_MONTH}," (here "&YEAR({_ARPA_MONTH})&"-"&TEXT(MONTH({_ARPA_MONTH}),"00")'
    f'&"\'s: Revenue stops there, Customers runs to "&YEAR({_CUSTOMERS_MONTH})&"-"&'
    f'TEXT(MONTH({_CUSTOMERS_MONTH}),"00")&")",""),"")'
)
#: C3 before it named a later month's MRR at end in error (kept for upgrade)
LIFETIME_NOTE_C3_ERRORS_UNSAID = (
    f'="Default: the last month\'s MRR at end / customers at end"&{_ARPA_SAID}&". Type your own figure over it to keep '
    'it."'
)
# -- June's churned MRR typed as text: June's MRR at end is #VALUE!, and so is the ARPA (ARPA_DEFAULT: a later month's
# error, not May's figure), but C3 said "here 2025-05's: Revenue stops there" while Revenue runs to June (H332's
# finding 02). The month whose MRR at end is in error (the ARPA's, B3) is named then, and C8, which names its cell
_ERROR_MONTH = f"INDEX(Revenue_Months,{_MRR_ERROR_ROW}-MIN(ROW(Revenue_End))+1)"
_ERROR_SAID = (
    f'" (here "&YEAR({_ERROR_MONTH})&"-"&TEXT(MONTH({_ERROR_MONTH}),"00")&"\'s, whose MRR at end is an error: see "'
    '&ADDRESS(ROW(C8),COLUMN(C8),4)&")"'
)
LIFETIME_NOTE_C3 = (
    f'="Default: the last month\'s MRR at end / customers at end"&IFERROR(IF(IFERROR({_MRR_ERROR_ROW},0)>IFERROR('
    f'{_LAST_MRR_ROW},0),{_ERROR_SAID},{_ARPA_SAID}),{_ARPA_SAID})&". Type your own figure over it to keep it."'
)


def define_named(wb: Workbook) -> None:
    """The named formulas of :data:`LIFETIME_NAMED` defined in ``wb`` (the template's Lifetime value notes read
    them)."""
    from openpyxl.workbook.defined_name import DefinedName

    for name, formula in LIFETIME_NAMED.items():
        wb.defined_names[name] = DefinedName(name, attr_text=formula)
