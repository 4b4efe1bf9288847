"""Notes beside two of the Dashboard's latest figures (E8:G8 and E9:G9, right of their rows), blank unless they apply.

- **NPS from few answers** (E8): the latest NPS of a month with fewer than 4 answers (or typed responses) says how
  many, ``NPS from 1 answer: too few for a margin of error (4 or more)``. docs/metrics.md sets no minimum for the NPS;
  under 4 answers the NPS sheet leaves its margin of error blank (the formula's value there is no margin worth
  showing), so the chart draws no bar for that month, and a score of 100 or -100 from one answer stood on the
  Dashboard like any other. The figure is kept; the note says what it rests on.
- **A CLV whose ARPA is an earlier month's** (E9): where Revenue stops before Customers, the default ARPA (Lifetime
  value!B3) is Revenue's last month's MRR at end / that month's customers at end (docs/metrics.md), and C3 there says
  so, but the Dashboard dated the CLV by the churn's later month with no word of it: ``The CLV's ARPA is 2026-03's:
  Revenue stops there (see 'Lifetime value'!B3)``. A typed ARPA other than that month's figure is the user's own:
  no note. A CLV left blank because the gross margin is (figures typed, Lifetime value!B4 blank) says so there:
  ``No CLV until the gross margin is typed: see 'Lifetime value'!B4`` (H427's finding 01: the row was empty).
"""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from ..sheet_names import written
from ._style import NOTE_FONT
from .lifetime_arpa import _ARPA_MONTH, _CUSTOMERS_MONTH, _ITS_CUSTOMERS, _LAST_MRR
from .template import LIFETIME_TITLE

__all__ = ["ARPA_NOTE", "ARPA_NOTE_BEFORE", "ARPA_NOTE_MARGIN_ONLY", "FEW_ANSWERS", "NPS_NOTE", "figure_notes"]

#: fewer answers than this leave the NPS sheet's margin of error blank (docs/metrics.md): the note's threshold
FEW_ANSWERS = 4
_AT = "MATCH(COUNT(NPS_Score),NPS_Score_Seq,0)"  # the month of the latest NPS, as the Dashboard's B8 finds it


def _count(name: str) -> str:
    """The latest NPS month's cell of ``name`` as a number (blank: 0; a count pasted as text: its number)."""
    return f'IF(INDEX({name},{_AT})="",0,INDEX({name},{_AT})+0)'


#: that month's answers: the responses (NPS_BREAKDOWN's, or typed), else the counts typed beside a blank B
_ANSWERS = (
    f'IF(INDEX(NPS_Responses,{_AT})<>"",INDEX(NPS_Responses,{_AT})+0,'
    f"{_count('NPS_Promoters')}+{_count('NPS_Passives')}+{_count('NPS_Detractors')})"
)
#: E8: beside the NPS (B8) when it is a figure of fewer than :data:`FEW_ANSWERS` answers
NPS_NOTE = (
    f'=IFERROR(IF(AND(ISNUMBER(B8),{_ANSWERS}<{FEW_ANSWERS}),"NPS from "&{_ANSWERS}&IF({_ANSWERS}=1," answer",'
    f'" answers")&": too few for a margin of error ({FEW_ANSWERS} or more)",""),"")'
)
_DEFAULT_ARPA = f"INDEX(Revenue_End,{_LAST_MRR})/{_ITS_CUSTOMERS}"
_ARPA_SAID = (
    f"IF(AND(ISNUMBER(LTV_CLV),{_CUSTOMERS_MONTH}>{_ARPA_MONTH},"
    f"ROUND(LTV_ARPA-{_DEFAULT_ARPA},9)=0),"
    f'"The CLV\'s ARPA is "&YEAR({_ARPA_MONTH})&"-"&TEXT(MONTH({_ARPA_MONTH}),"00")&"\'s: Revenue stops there (see '
    f'{written(LIFETIME_TITLE)}!"&ADDRESS(ROW(LTV_ARPA),COLUMN(LTV_ARPA),4)&")","")'
)
#: E9 before a CLV left blank for want of a gross margin was said (H427's finding 01): kept for upgrade
ARPA_NOTE_BEFORE = f'=IFERROR({_ARPA_SAID},"")'
#: no CLV (B9 blank) because the gross margin is blank, while the tracker has an ARPA or a churn (figures typed): the
#: Dashboard's CLV row was empty without a word; the text starts "see 'Lifetime value'!" as the Dashboard's others do,
#: so that a renamed sheet is followed (:mod:`.see_texts`)
_NO_MARGIN = 'AND(LTV_CLV="",LTV_Gross_Margin="",OR(IFERROR(LTV_ARPA<>"",TRUE),IFERROR(LTV_Churn<>"",TRUE)))'
NO_MARGIN_TEXT = "No CLV until the gross margin is typed: "
#: E9: beside the CLV (B9) when its ARPA is Revenue's last month's figure and Customers runs further; where the CLV
#: is blank for want of a gross margin, that (``No CLV until the gross margin is typed: see 'Lifetime value'!B4``)
ARPA_NOTE = (
    f'=IFERROR(IF({_NO_MARGIN},"{NO_MARGIN_TEXT}"&"see {written(LIFETIME_TITLE)}!"'
    f'&ADDRESS(ROW(LTV_Gross_Margin),COLUMN(LTV_Gross_Margin),4),{_ARPA_SAID}),"")'
)
#: E9 before a CLV blank for want of an ARPA was said (kept for upgrade)
ARPA_NOTE_MARGIN_ONLY = ARPA_NOTE
#: no CLV because the ARPA is blank beside a gross margin and a churn (the last month's movements blank: its MRR at end
#: is no figure yet, H415's finding 04; or its customers at end blank): where Lifetime value's note beside the CLV
#: (C8) says why, ``No CLV: its ARPA is blank, see 'Lifetime value'!C8``
_NO_ARPA = 'AND(LTV_CLV="",LTV_ARPA="",LTV_Gross_Margin<>"",IFERROR(LTV_Churn<>"",TRUE))'
NO_ARPA_TEXT = "No CLV: its ARPA is blank, "
ARPA_NOTE = ARPA_NOTE.replace(
    f"{_ARPA_SAID}),",
    f'IF({_NO_ARPA},"{NO_ARPA_TEXT}"&"see {written(LIFETIME_TITLE)}!"&ADDRESS(ROW(LTV_CLV),COLUMN(LTV_CLV)+1,4),'
    f"{_ARPA_SAID})),",
    1,
)


def figure_notes(ws: Worksheet) -> None:
    """The notes :data:`NPS_NOTE` (E8:G8) and :data:`ARPA_NOTE` (E9:G9) on the Dashboard ``ws``, wrapped on their
    rows' two lines, in the look of the Dashboard's other notes."""
    for row, formula in ((8, NPS_NOTE), (9, ARPA_NOTE)):
        ws.merge_cells(f"E{row}:G{row}")
        cell = ws[f"E{row}"]
        cell.value = formula
        cell.font = NOTE_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
