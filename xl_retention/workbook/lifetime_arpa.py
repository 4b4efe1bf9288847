"""The Lifetime value sheet's ARPA (B3): by default the data's last month's MRR at end per customer at end (a typed
figure replaces the formula and stays), and its note (C3), which names the month the default is of where Revenue stops
before Customers or a later month's MRR at end is an error.

Split out of :mod:`.lifetime_value` (past 600 lines) as it was; that module re-exports every public name, and each
earlier form of a formula kept for upgrade (:mod:`.lifetime_forms`) is here beside the current one.
"""

from __future__ import annotations

from .error_texts import as_error, in_error

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
# -- the last month with MRR at end whose movements (new to churned MRR) are all blank: its MRR at end is its start
# carried or a figure typed over the formula, which the Dashboard's MRR at end calls incomplete ("see Revenue!C7:G7"),
# yet the ARPA was computed from it and the CLV from that (H415's finding 04): the ARPA is blank then, C8 naming them
_MOVEMENT_NAMES = ("Revenue_New", "Revenue_Expansion", "Revenue_Reactivation", "Revenue_Contraction", "Revenue_Churned")
MOVES_BLANK = "AND(" + ",".join(f'INDEX({name},{_LAST_MRR})=""' for name in _MOVEMENT_NAMES) + ")"
#: the ARPA default before such a month left it blank (kept for upgrade: .lifetime_forms)
ARPA_DEFAULT_MOVES_UNSAID = ARPA_DEFAULT
ARPA_DEFAULT = (
    ARPA_DEFAULT.replace(
        'IF(COUNT(Revenue_End)=0,"",', f'IF(COUNT(Revenue_End)=0,"",IF(IFERROR({MOVES_BLANK},FALSE),"",', 1
    )
    + ")"
)
assert ARPA_DEFAULT.count(MOVES_BLANK) == 1
#: the ARPA default before it took a later month's error (an earlier form, upgraded by import and extend)
ARPA_DEFAULT_WITHOUT_ERRORS = (
    f'=IF(COUNT(Revenue_End)=0,"",IF(NOT(ISNUMBER({_ITS_CUSTOMERS})),"",IF({_ITS_CUSTOMERS}=0,"",'
    f"INDEX(Revenue_End,{_LAST_MRR})/{_ITS_CUSTOMERS})))"
)

# -- Revenue kept to March, Customers to November: the ARPA was March's MRR at end / March's customers at end, and
# the CLV beside November's churn (the Dashboard's, dated Nov 2026) said nothing of it, where the opposite gap (Revenue
# ahead of Customers) leaves the ARPA blank with a note (H315's finding 02). C3 names the ARPA's month then. The text
# before, kept for upgrade (.lifetime_forms)
LIFETIME_NOTE_C3_TEXT = (
    "Default: the last month's MRR at end / customers at end. Type your own figure over it to keep it."
)
_ARPA_MONTH = f"INDEX(Revenue_Months,{_LAST_MRR})"
#: the last month with a customers-at-end (a count pasted as text, '110', is one: the sequence counts it, COUNT did not,
#: and C3 and the Dashboard's E9 named a month too early or said nothing, H557's finding 01)
_CUSTOMERS_MONTH = "INDEX(Customers_Months,MATCH(MAX(Customers_End_Seq),Customers_End_Seq,0))"
#: ... as earlier templates wrote it (their notes' forms, upgraded: :func:`counted`)
_CUSTOMERS_MONTH_COUNTED = "INDEX(Customers_Months,MATCH(COUNT(Customers_End),Customers_End_Seq,0))"


def counted(formula: str) -> str:
    """``formula`` as earlier templates wrote it, finding the last month of Customers by COUNT of its typed counts.

    >>> counted("=" + _CUSTOMERS_MONTH) == "=" + _CUSTOMERS_MONTH_COUNTED
    True
    """
    return formula.replace(_CUSTOMERS_MONTH, _CUSTOMERS_MONTH_COUNTED)


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
