"""The Lifetime value sheet's lifetime values (B7, B8: constant churn; B9:B13: the sBG fit of Cohorts and its values)
and the notes beside them (C7, C8, C9, C12, C13) saying why a figure has no value, naming the input or the month's
cell to correct.

Split out of :mod:`.lifetime_value` (past 600 lines) as it was; that module re-exports every public name and writes
C8 with its rows named (:data:`.lifetime_value.LIFETIME_NAMED`); each earlier form kept for upgrade
(:mod:`.lifetime_forms`) is here beside the current one.
"""

from __future__ import annotations

import re

from .error_texts import in_error
from .lifetime_arpa import _ITS_CUSTOMERS, _LAST_MRR, _LAST_MRR_ROW, _MRR_ERROR_ROW
from .lifetime_churn import _no_number, lean_rows

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
#: C7 before it said why B7 is an error (blank beside #VALUE!, between notes that say why: H469's finding 04)
LIFETIME_NOTE_C7_ERRORS_UNSAID = (
    '=IF(ISNUMBER(B5),IF(B5=0,"No customer left in these months: 1 / churn has no finite value.",""),"")'
)
LIFETIME_NOTE_C7 = (
    '=IF(ISERROR(B7),IF(ISERROR(B5),"No value: the monthly churn (B5) is an error: C5 says where.","No value: the '
    'monthly churn (B5) is a rate from 0 to 1 (5% or 0.05)."),'
    f"{LIFETIME_NOTE_C7_ERRORS_UNSAID.removeprefix('=')})"
)
#: beside the margin per month (B11, ARPA x gross margin), which had no note (H469's finding 04)
LIFETIME_NOTE_C11 = (
    '=IF(ISERROR(B11),IF(ISERROR(B3),"No value: ARPA (B3) is an error: see C8.","No value: B3 or B4 is out of '
    'range: see C8."),"")'
)

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
# C13 beside an ARPA or a gross margin in error (an ARPA carried from a Revenue month in error): "No value for these
# inputs: ARPA 0 or more; the gross margin from 0 to 1", true of no input, beside C8's true note (H455's finding 03).
# The form before, kept for upgrade (.lifetime_forms)
LIFETIME_NOTE_C13_ERRORS_UNSAID = LIFETIME_NOTE_C13
_C13_ERRORS = (
    'IF(ISERROR(B3),"No value: ARPA (B3) is an error"&IF(ISERROR(B5),", as is the monthly churn (B5): C5 says where '
    'that starts.",": C8 says where it starts."),IF(ISERROR(B4),"No value: the gross margin (B4) is an error: type a '
    'share from 0 to 1 (80% or 0.8).",'
)
_C13_TEXTS = "IF(OR(AND(ISTEXT(B3)"
if LIFETIME_NOTE_C13_ERRORS_UNSAID.count(_C13_TEXTS) != 1 or not LIFETIME_NOTE_C13_ERRORS_UNSAID.endswith(',"")'):
    raise RuntimeError("Lifetime value!C13's earlier form changed: its error notes cannot be put in")
LIFETIME_NOTE_C13 = live_cells(
    LIFETIME_NOTE_C13_ERRORS_UNSAID.replace(_C13_TEXTS, _C13_ERRORS + _C13_TEXTS, 1)[: -len(',"")')] + "))" + ',"")'
)


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
# the note as the template writes it, its rows of the first month of MRR in error named: .lifetime_value
LIFETIME_NOTE_C8_UNNAMED = LIFETIME_NOTE_C8
del LIFETIME_NOTE_C8


# -- TRUE or FALSE typed in ARPA (B3), the gross margin (B4) or the discount rate (B6) (a checkbox column pasted):
# Excel's arithmetic read TRUE as 1, a gross margin of 100% and a CLV computed from it, with no word (FALSE: 0). The
# constant-churn CLV (B8) and the margin per month (B11) are #VALUE! then, as the monthly sheets' inputs are
# (:mod:`.monthly_formulas`): C8 names the cell, recalc too. The forms before, kept for upgrade (.lifetime_forms)
_BOOLEAN = "OR(ISLOGICAL(B3),ISLOGICAL(B4),ISLOGICAL(B6))"
LIFETIME_CLV_BOOLEANS_READ, LIFETIME_MARGIN_BOOLEANS_READ = LIFETIME_CLV, LIFETIME_MARGIN
_CLV_BLANK, _MARGIN_BLANK = '=IF(OR(B3="",B4="",B5=""),"",', '=IF(OR(B3="",B4=""),"",'
assert LIFETIME_CLV.startswith(_CLV_BLANK) and LIFETIME_MARGIN.startswith(_MARGIN_BLANK)
LIFETIME_CLV = f"{_CLV_BLANK}IF({_BOOLEAN},#VALUE!,{LIFETIME_CLV[len(_CLV_BLANK) :]})"
LIFETIME_MARGIN = f"{_MARGIN_BLANK}IF(OR(ISLOGICAL(B3),ISLOGICAL(B4)),#VALUE!,{LIFETIME_MARGIN[len(_MARGIN_BLANK) :]})"
_TEXTS_SAID = f"IF({_NO_NUMBER},{live_cells(chr(34) + _TEXT_NOTE + chr(34))},"
#: C8's words for a boolean in an input: the first of B3, B4, B6 holding one, and what it holds
BOOLEAN_SAID = live_cells(
    '"No value: "&IF(ISLOGICAL(B3),"ARPA (B3)",IF(ISLOGICAL(B4),"the gross margin (B4)","the discount rate (B6)"))&'
    '" is "&IF(IF(ISLOGICAL(B3),B3,IF(ISLOGICAL(B4),B4,B6)),"TRUE","FALSE")&", no number: type a number there."'
)
# C13 beside the sBG CLV (B13) of that margin per month: "No value for these inputs: ARPA 0 or more; the gross margin
# from 0 to 1 (80% or 0.8, not 80).", true of no input. It says C8's words. The form before, kept for upgrade
LIFETIME_NOTE_C13_BOOLEANS_UNSAID = LIFETIME_NOTE_C13
_C13_TEXTS_AT = "IF(OR(AND(ISTEXT(B3)"
assert LIFETIME_NOTE_C13.count(_C13_TEXTS_AT) == 1 and LIFETIME_NOTE_C13.endswith(',"")')
LIFETIME_NOTE_C13 = (
    LIFETIME_NOTE_C13.replace(_C13_TEXTS_AT, f"IF(OR(ISLOGICAL(B3),ISLOGICAL(B4)),{BOOLEAN_SAID},{_C13_TEXTS_AT}", 1)[
        : -len(',"")')
    ]
    + '),"")'
)


# -- C7, C8 and C13 said "C5 says where" of a churn (B5) in error whatever C5 held: a note of the user's that upgrade
# kept there (f9efe13a), or nothing (B5 typed over) or an error (Customers deleted). They send the user to C5 only
# where it shows the template's note naming the cell ("see Customers!G5: ..."), else to the churn rates. The forms
# before, kept for upgrade (.lifetime_forms)
C5_SAYS = 'IFERROR(LEFT(C5,4)="see ",FALSE)'
RATES_SAID = "see the churn rates on Customers."
LIFETIME_NOTE_C7_C5_UNCHECKED, LIFETIME_NOTE_C13_C5_UNCHECKED = LIFETIME_NOTE_C7, LIFETIME_NOTE_C13
_C7_SAID = '"No value: the monthly churn (B5) is an error: C5 says where."'
_C13_SAID = '&ADDRESS(ROW(C5),COLUMN(C5),4)&" says where that starts."'
assert LIFETIME_NOTE_C7.count(_C7_SAID) == 1 and LIFETIME_NOTE_C13.count(_C13_SAID) == 1
LIFETIME_NOTE_C7 = LIFETIME_NOTE_C7.replace(
    _C7_SAID, f'"No value: the monthly churn (B5) is an error: "&IF({C5_SAYS},"C5 says where.","{RATES_SAID}")'
)
LIFETIME_NOTE_C13 = LIFETIME_NOTE_C13.replace(_C13_SAID, f'&IF({C5_SAYS},{_C13_SAID[1:]},"{RATES_SAID}")')


# -- TRUE or FALSE in the discount rate (B6) reached the sBG lifetime values as Excel's arithmetic reads it (H524's
# finding 09): FALSE as 0, the demo's B12 3 and B13 348.41 with a fit of 2.5 / 3, the values of no discount, C13 silent
# beside C8's "the discount rate (B6) is FALSE, no number"; TRUE as 1, B12 and B13 blank, no word. An own churn typed
# over B5 as TRUE or FALSE was a churn of 100% (a lifetime of 1 month) or no churn (blank), unguarded. B12 and B13 are
# #VALUE! for a boolean in B6, as B8 is, B7 and B8 for one in B5; C7, C8, C12, C13 name the cell in C8's words, C11
# too (it said "B3 or B4 is out of range" of a boolean). The forms before, kept for upgrade (.lifetime_forms)
_LABELS = {
    "B3": "ARPA (B3)",
    "B4": "the gross margin (B4)",
    "B5": "the monthly churn (B5)",
    "B6": "the discount rate (B6)",
}


def boolean_said(cells: tuple[str, ...]) -> str:
    """C8's words (a text expression) for TRUE or FALSE in one of ``cells`` (of B3:B6): the first holding one named,
    and what it holds, each cell written with ADDRESS (:func:`live_cells`).

    >>> boolean_said(("B6",))[:60]
    '"No value: "&"the discount rate ("&ADDRESS(ROW(B6),COLUMN(B6'
    """
    named, held = f'"{_LABELS[cells[-1]]}"', cells[-1]
    for cell in reversed(cells[:-1]):
        named, held = f'IF(ISLOGICAL({cell}),"{_LABELS[cell]}",{named})', f"IF(ISLOGICAL({cell}),{cell},{held})"
    return live_cells(f'"No value: "&{named}&" is "&IF({held},"TRUE","FALSE")&", no number: type a number there."')


assert boolean_said(("B3", "B4", "B6")) == BOOLEAN_SAID
_BOOLEAN_CHURN = "OR(ISLOGICAL(B3),ISLOGICAL(B4),ISLOGICAL(B5),ISLOGICAL(B6))"
#: C8's words for a boolean in B3:B6 (the churn too: B8 reads it)
BOOLEAN_CHURN_SAID = boolean_said(("B3", "B4", "B5", "B6"))
LIFETIME_B7_BOOLEANS_READ, LIFETIME_CLV_CHURN_BOOLEAN_READ = LIFETIME_B7, LIFETIME_CLV
LIFETIME_B7 = f"=IF(ISLOGICAL(B5),#VALUE!,{LIFETIME_B7[1:]})"
assert LIFETIME_CLV.count(_BOOLEAN) == 1
LIFETIME_CLV = LIFETIME_CLV.replace(_BOOLEAN, _BOOLEAN_CHURN)
_SBG_FIT, _SBG_MARGIN = 'IF(COUNT(B9:B10)<2,"",', 'IF(B11="","",'
LIFETIME_SBG_DEL_BOOLEANS_READ, LIFETIME_SBG_CLV_BOOLEANS_READ = LIFETIME_SBG_DEL, LIFETIME_SBG_CLV
assert LIFETIME_SBG_DEL.count(_SBG_FIT) == 1 and LIFETIME_SBG_CLV.count(_SBG_FIT + _SBG_MARGIN) == 1
LIFETIME_SBG_DEL = LIFETIME_SBG_DEL.replace(_SBG_FIT, f"{_SBG_FIT}IF(ISLOGICAL(B6),#VALUE!,", 1)[:-1] + "))"
LIFETIME_SBG_CLV = (
    LIFETIME_SBG_CLV.replace(_SBG_FIT + _SBG_MARGIN, f"{_SBG_FIT}{_SBG_MARGIN}IF(ISLOGICAL(B6),#VALUE!,", 1)[:-1] + "))"
)
# C7 beside B7's #VALUE!: "the monthly churn (B5) is a rate from 0 to 1", of a TRUE
LIFETIME_NOTE_C7_BOOLEAN_UNSAID = LIFETIME_NOTE_C7
_C7_ERRORS = "IF(ISERROR(B7),IF(ISERROR(B5),"
_C7_RATE = '"No value: the monthly churn (B5) is a rate from 0 to 1 (5% or 0.05).")'
assert LIFETIME_NOTE_C7.count(_C7_ERRORS) == 1 and LIFETIME_NOTE_C7.count(_C7_RATE) == 1
LIFETIME_NOTE_C7 = LIFETIME_NOTE_C7.replace(
    _C7_ERRORS, f"IF(ISERROR(B7),IF(ISLOGICAL(B5),{boolean_said(('B5',))},IF(ISERROR(B5),", 1
).replace(_C7_RATE, _C7_RATE + ")", 1)
# C11 beside B11's #VALUE!: "No value: B3 or B4 is out of range: see C8.", of a TRUE
LIFETIME_NOTE_C11_BOOLEAN_UNSAID = LIFETIME_NOTE_C11
_C11_OUT = '"No value: B3 or B4 is out of range: see C8.")'
assert LIFETIME_NOTE_C11.count(_C11_OUT) == 1
LIFETIME_NOTE_C11 = LIFETIME_NOTE_C11.replace(
    _C11_OUT, f"IF(OR(ISLOGICAL(B3),ISLOGICAL(B4)),{boolean_said(('B3', 'B4'))},{_C11_OUT})", 1
)
# C12 beside B12's #VALUE! (TRUE in B6 was "a monthly rate from 0 to 1"); C13 beside B13's, said where B12 is an
# error too (the discount rate's)
LIFETIME_NOTE_C12_BOOLEAN_UNSAID, LIFETIME_NOTE_C13_B6_UNSAID = LIFETIME_NOTE_C12, LIFETIME_NOTE_C13
assert LIFETIME_NOTE_C12.startswith("=" + _SBG_FIT) and LIFETIME_NOTE_C12.endswith(")")
LIFETIME_NOTE_C12 = f"={_SBG_FIT}IF(ISLOGICAL(B6),{boolean_said(('B6',))},{LIFETIME_NOTE_C12[1 + len(_SBG_FIT) :]})"
_C13_WHEN, _C13_B3_B4 = "=IF(AND(ISERROR(B13),NOT(ISERROR(B12))),", "IF(OR(ISLOGICAL(B3),ISLOGICAL(B4)),"
assert LIFETIME_NOTE_C13.startswith(_C13_WHEN) and LIFETIME_NOTE_C13.count(_C13_B3_B4) == 1
LIFETIME_NOTE_C13 = LIFETIME_NOTE_C13.replace(
    _C13_WHEN, "=IF(AND(ISERROR(B13),OR(NOT(ISERROR(B12)),ISLOGICAL(B6))),", 1
).replace(_C13_B3_B4, f"IF({_BOOLEAN},", 1)
