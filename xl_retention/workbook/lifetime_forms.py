"""The Lifetime value sheet's formulas of earlier templates (:data:`LIFETIME_EARLIER`), brought up to this version's
by :func:`upgrade_lifetime` (``upgrade``, ``import --into``, ``extend``), where the sheet is renamed or has note rows
inserted under its title too. Split from :mod:`.upgrade` (the monthly sheets' forms), which names them as before."""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import quote_sheetname

from . import inplace as ip
from . import sheets
from .error_texts import with_ref, without_error_texts
from .lifetime_arpa import ARPA_DEFAULT_MOVES_UNSAID, LIFETIME_NOTE_C3, counted
from .lifetime_value import (
    LIFETIME_NAMED,
    LIFETIME_NOTE_C3_ERRORS_UNSAID,
    LIFETIME_NOTE_C3_TEXT,
    LIFETIME_NOTE_C8_BOOLEANS_UNSAID,
    LIFETIME_NOTE_C8_FIRST_MONTH_CARRIED,
    LIFETIME_NOTE_C8_MOVES_UNSAID,
)
from .named_formulas import add_names
from .names_back import names_back
from .put_back import PutBack
from .sheets import (
    ARPA_DEFAULT_WITHOUT_ERRORS,
    CHURN_12_NA_CALL,
    CHURN_12_WITHOUT_GAPS,
    LIFETIME_B7_TEXT_CHURN,
    LIFETIME_CLV_TEXT_CHURN,
    LIFETIME_NOTE_C5_LAST_ERROR,
    LIFETIME_NOTE_C5_ROWS,
    LIFETIME_NOTE_C5_WITHOUT_GAPS,
    LIFETIME_NOTE_C7_ERRORS_UNSAID,
    LIFETIME_NOTE_C8_FIXED_CELLS,
    LIFETIME_NOTE_C8_ROWS,
    LIFETIME_NOTE_C8_WITHOUT_ARPA_ERRORS,
    LIFETIME_NOTE_C12_FIXED_CELLS,
    LIFETIME_NOTE_C13_FIXED_CELLS,
)
from .upgrade_cells import _names_in, is_earlier, put_formula, workbook_names

__all__ = ["LIFETIME_EARLIER", "upgrade_lifetime"]


#: cell of the Lifetime value sheet -> the formulas earlier templates wrote there (each replaced by this version's)
LIFETIME_EARLIER: dict[str, tuple[str, ...]] = {
    "B3": (
        '=IF(COUNT(Revenue_End)=0,"",IF(LOOKUP(9.99E+307,Revenue_End,Customers_End)=0,"",LOOKUP(9.99E+307,'
        "Revenue_End)/LOOKUP(9.99E+307,Revenue_End,Customers_End)))",
        # the last month's customers at end pasted as text ("95"): the ARPA blank
        '=IF(COUNT(Revenue_End)=0,"",IF(NOT(ISNUMBER(INDEX(Customers_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))'
        ')),"",IF(INDEX(Customers_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))=0,"",INDEX(Revenue_End,MATCH(COUNT('
        "Revenue_End),Revenue_End_Seq,0))/INDEX(Customers_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0)))))",
        # the customers at end of the row where Revenue's last MRR at end is, not of its month: a row inserted or
        # deleted on one sheet divided August's MRR by July's customers
        '=IF(COUNT(Revenue_End)=0,"",IF(NOT(ISNUMBER(IFERROR(INDEX(Customers_End,MATCH(COUNT(Revenue_End),'
        'Revenue_End_Seq,0))+0,""))),"",IF(IFERROR(INDEX(Customers_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))+0,'
        '"")=0,"",INDEX(Revenue_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))/IFERROR(INDEX(Customers_End,MATCH('
        'COUNT(Revenue_End),Revenue_End_Seq,0))+0,""))))',
        '=IF(OR(COUNT(Revenue_End_Chart)=0,COUNT(Customers_End_Chart)=0),"",IF(LOOKUP(9.99E+307,Revenue_End_Chart,'
        'Customers_End_Chart)=0,"",LOOKUP(9.99E+307,Revenue_End_Chart)/LOOKUP(9.99E+307,Revenue_End_Chart,'
        "Customers_End_Chart)))",
        # the month's customers found by its month, but a later month's MRR at end in error left out: the month
        # before's ARPA, shown beside that month
        ARPA_DEFAULT_WITHOUT_ERRORS,
    ),
    # the churn window that counted the rates as if every month from the first had one (case workbook/02): the
    # latest month left out and one too many at the start, or an error with 12 months or fewer
    "B5": (
        '=IF(COUNT(Customers_Churn)=0,"",AVERAGE(OFFSET(Customers!$G$2,MAX(0,COUNT(Customers_Churn)-12),0,'
        "MIN(12,COUNT(Customers_Churn)),1)))",
        '=IF(COUNT(Customers_Churn)=0,"",AVERAGE(INDEX(Customers_Churn,MAX(1,COUNT(Customers_Churn)-11)):'
        "INDEX(Customers_Churn,COUNT(Customers_Churn))))",
        # a month in error among the last 12 left out of the average, silently
        '=IF(COUNT(Customers_Churn)=0,"",AVERAGEIFS(Customers_Churn,Customers_Churn_Seq,">"&(COUNT(Customers_'
        "Churn)-12)))",
    ),
    # the fit read with its name gone (#REF!: the Cohorts sheet deleted) was #REF!, its note sending to the sheet
    "B9": ("=SBG_Alpha",),
    "B10": ("=SBG_Beta",),
    "C9": (
        '=IF(ISERROR(B9),"No sBG fit: the note beside the fit on Cohorts says why (often: no cohort of 3 months '
        'yet).","")',
    ),
    # its first form named Customers as text that no rename followed
    "C5": (
        '=IF(ISERROR(B5),"No average: Customers!"&ADDRESS(LOOKUP(2,1/ISERROR(Customers_Churn),ROW(Customers_Churn)),'
        'COLUMN(Customers_Churn),4)&", a month of the last 12, has an error, not a churn rate: correct that '
        'month.","")',
    ),
    # C7's AND() of a churn in error was that error in the note
    "C7": ('=IF(AND(ISNUMBER(B5),B5=0),"No customer left in these months: 1 / churn has no finite value.","")',),
    # the last form: an own churn pasted as text ('3%') was #VALUE!
    "B7": ("=CUSTOMER_LIFETIME(B5)", '=IF(B5="","",CUSTOMER_LIFETIME(B5))', LIFETIME_B7_TEXT_CHURN),
    # below, the last form of each: an input pasted as text ('80%') refused by CLV (#VALUE!), the note saying to type
    # 80%, which the user had
    "B8": (
        "=CLV(B3,B4,B5,B6)",
        '=IF(OR(B3="",B4="",B5=""),"",CLV(B3,B4,B5,B6))',
        '=IF(OR(B3="",B4="",B5=""),"",IF(B5+N(B6)=0,"",CLV(B3,B4,B5,B6)))',
        LIFETIME_CLV_TEXT_CHURN,  # an own churn pasted as text ('3%'): #VALUE!
    ),
    "B11": (
        '=IF(COUNT(B3:B4)<2,"",B3*B4)',
        '=IF(OR(B3="",B4=""),"",B3*B4)',  # B4 of 80 (for 80%): 4,000 a month
        '=IF(OR(B3="",B4=""),"",CLV(B3,B4,1,0))',
    ),
    "C8": (
        '=IF(AND(B4="",B3<>"",B5<>""),"Type the gross margin (B4) to see the lifetime values.","")',
        '=IF(ISERROR(B8),"No value for these inputs: the gross margin is a share (80% or 0.8, not 80); ARPA and churn '
        '0 or more.",IF(AND(B4="",B3<>"",B5<>""),"Type the gross margin (B4) to see the lifetime values.",""))',
        # before it named the discount rate (B6) of 10 typed for 10%: "the gross margin is a share" was said instead
        "=IF(ISERROR(B8),IF(OR(AND(ISTEXT(B3),ISERROR(B3+0)),AND(ISTEXT(B4),ISERROR(B4+0)),AND(ISTEXT(B6),ISERROR("
        'B6+0))),"No value: ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that is no number; '
        'type a number there (80% or 0.8).","No value for these inputs: the gross margin is a share (80% or 0.8, not '
        '80); ARPA and churn 0 or more."),IF(AND(B4="",B3<>"",B5<>""),"Type the gross margin (B4) to see the lifetime '
        'values.",""))',
        # before it said the churn (B5) in error was an input out of its range
        "=IF(ISERROR(B8),IF(OR(AND(ISTEXT(B3),ISERROR(B3+0)),AND(ISTEXT(B4),ISERROR(B4+0)),AND(ISTEXT(B6),ISE"
        'RROR(B6+0))),"No value: ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that i'
        's no number; type a number there (80% or 0.8).",IF(OR(IFERROR(B4+0,0)<0,IFERROR(B4+0,0)>1),"No value'
        ': the gross margin (B4) is a share from 0 to 1 (80% or 0.8, not 80).",IF(OR(IFERROR(B6+0,0)<0,IFERRO'
        'R(B6+0,0)>1),"No value: the discount rate (B6) is a monthly rate from 0 to 1 (1% or 0.01, not 1 or 1'
        '0).",IF(IFERROR(B3+0,0)<0,"No value: ARPA (B3) is 0 or more.",IF(OR(IFERROR(B5+0,0)<0,IFERROR(B5+0,0'
        ')>1),"No value: the monthly churn (B5) is from 0 to 1 (3% or 0.03).","No value for these inputs: ARP'
        'A 0 or more; the gross margin, churn and discount rate from 0 to 1 (80% or 0.8, not 80)."))))),IF(AN'
        'D(B4="",B3<>"",B5<>""),"Type the gross margin (B4) to see the lifetime values.",""))',
        # before it said nothing where ARPA (B3) was blank beside a gross margin and a churn (the CLV blank, no word)
        (
            '=IF(ISERROR(B8),IF(ISERROR(B5),"No value: the monthly churn (B5) is an error: C5 says where.",IF(OR('
            'AND(ISTEXT(B3),ISERROR(B3+0)),AND(ISTEXT(B4),ISERROR(B4+0)),AND(ISTEXT(B6),ISERROR(B6+0))),"No value'
            ": ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that is no number; type a nu"
            'mber there (80% or 0.8).",IF(OR(IFERROR(B4+0,0)<0,IFERROR(B4+0,0)>1),"No value: the gross margin (B4'
            ') is a share from 0 to 1 (80% or 0.8, not 80).",IF(OR(IFERROR(B6+0,0)<0,IFERROR(B6+0,0)>1),"No value'
            ': the discount rate (B6) is a monthly rate from 0 to 1 (1% or 0.01, not 1 or 10).",IF(IFERROR(B3+0,0'
            ')<0,"No value: ARPA (B3) is 0 or more.",IF(OR(IFERROR(B5+0,0)<0,IFERROR(B5+0,0)>1),"No value: the mo'
            'nthly churn (B5) is from 0 to 1 (3% or 0.03).","No value for these inputs: ARPA 0 or more; the gross'
            ' margin, churn and discount rate from 0 to 1 (80% or 0.8, not 80).")))))),IF(AND(B4="",B3<>"",B5<>""'
            '),"Type the gross margin (B4) to see the lifetime values.",""))'
        ),
        LIFETIME_NOTE_C8_WITHOUT_ARPA_ERRORS,  # before it named an ARPA (B3) in error
    ),
    # the last forms of each: a discount rate of 10 typed for 10% gave a lifetime of 1.08 months, silently
    "B12": (
        '=IF(COUNT(B9:B10)<2,"",SBG_DEL(B9,B10,B6))',
        '=IF(COUNT(B9:B10)<2,"",SBG_DEL(B9,B10,IF(B6="",B6,IFERROR(B6+0,B6))))',
    ),
    "B13": (
        '=IF(COUNT(B9:B10)<2,"",SBG_CLV(B11,B9,B10,B6))',
        '=IF(OR(COUNT(B9:B10)<2,B11=""),"",SBG_CLV(B11,B9,B10,B6))',
        '=IF(COUNT(B9:B10)<2,"",IF(B11="","",SBG_CLV(B11,B9,B10,B6)))',
        '=IF(COUNT(B9:B10)<2,"",IF(B11="","",SBG_CLV(B11,B9,B10,IF(B6="",B6,IFERROR(B6+0,B6)))))',
    ),
}
# before 2026-12-03 an error was found by ISERROR alone: a month whose churn rate was its error's code as text (the
# classic add-in's CHURN_RATE) was left out of the average, and the month before's ARPA shown (:mod:`.error_texts`)
_EARLIER_FORMS = (
    ("B3", ARPA_DEFAULT_MOVES_UNSAID),
    ("B5", CHURN_12_WITHOUT_GAPS),
    ("C5", LIFETIME_NOTE_C5_WITHOUT_GAPS),
    ("C5", LIFETIME_NOTE_C5_LAST_ERROR),
    ("C8", LIFETIME_NOTE_C8_FIXED_CELLS),
)
for _ref, _form in _EARLIER_FORMS:
    LIFETIME_EARLIER[_ref] += (without_error_texts(_form),)
    if with_ref(_form) != _form:  # ... and its form of 5b4ebba (#REF! made an error too: error_texts.with_ref)
        LIFETIME_EARLIER[_ref] += (with_ref(_form),)
# before a month with nothing typed among the last 12 with a churn rate was said (H172 finding 01)
LIFETIME_EARLIER["B5"] += (CHURN_12_WITHOUT_GAPS, CHURN_12_NA_CALL)  # and 5bd8377's, whose NA() recalc did not list
LIFETIME_EARLIER["C5"] += (LIFETIME_NOTE_C5_WITHOUT_GAPS,)
# before it named the cell the error starts in, not the last month in error (H194's finding 03)
LIFETIME_EARLIER["C5"] += (LIFETIME_NOTE_C5_LAST_ERROR,)
# before the notes wrote the cells they name with ADDRESS (B3 named where a row inserted above had moved ARPA to B5:
# H201's finding 04), C8 named the last month in error for an ARPA in error (finding H204/01) and ARPA below 0 as
# "ARPA (B3) is 0 or more" (H204/04)
LIFETIME_EARLIER["C8"] += (LIFETIME_NOTE_C8_FIXED_CELLS,)
LIFETIME_EARLIER["C12"] = (LIFETIME_NOTE_C12_FIXED_CELLS,)
LIFETIME_EARLIER["C7"] += (LIFETIME_NOTE_C7_ERRORS_UNSAID,)  # blank beside B7's error (H469's finding 04)
LIFETIME_EARLIER["C13"] = (LIFETIME_NOTE_C13_FIXED_CELLS,)
# before C5's rows of the months were written lean (sheets.lean_rows): its recalculation grew with the months, a
# 240-month tracker's C5 past what the embedded engine takes (recalc `incomplete`)
LIFETIME_EARLIER["C5"] += (LIFETIME_NOTE_C5_ROWS,)
LIFETIME_EARLIER["C8"] += (LIFETIME_NOTE_C8_ROWS,)  # the same, 17d01689's (reverted)
# before a discount rate of 1 (1% meant) was out of its range (H242's finding 05), and C5 called a blank cell an error
# (H242's finding 06)
for _ref, _form in (
    ("B8", sheets.LIFETIME_CLV_DISCOUNT_1),
    ("C8", sheets.LIFETIME_NOTE_C8_DISCOUNT_1),
    ("B12", sheets.LIFETIME_SBG_DEL_DISCOUNT_1),
    ("B13", sheets.LIFETIME_SBG_CLV_DISCOUNT_1),
    ("C12", sheets.LIFETIME_NOTE_C12_DISCOUNT_1),
    ("C5", sheets.LIFETIME_NOTE_C5_IS_AN_ERROR),
    # ... and before a churn rate typed as text among the last 12 was said, not left out (H242's finding 02)
    ("B5", sheets.CHURN_12_TEXT_SKIPPED),
    ("C5", sheets.LIFETIME_NOTE_C5_TEXT_SKIPPED),
    # ... and before an error typed over the churn rate of a month with no figures was named there (H248's task 2)
    ("C5", sheets.LIFETIME_NOTE_C5_UNTYPED_UNSAID),
    # ... and before a churn rate typed as a number outside 0 to 1 (5.5 for 5.5%) was said, not averaged (H248's task 4)
    ("B5", sheets.CHURN_12_OUT_UNSAID),
    ("C5", sheets.LIFETIME_NOTE_C5_OUT_UNSAID),
    # ... and before C8 named both cells of a month typed as different days on Revenue and Customers (H259)
    ("C8", sheets.LIFETIME_NOTE_C8_DAYS_UNSAID),
    # ... and before the rows they repeat were named formulas, C5 and C8 past Excel's 8,192 characters (H303)
    ("C5", sheets.LIFETIME_NOTE_C5_UNNAMED),
    ("C8", sheets.LIFETIME_NOTE_C8_UNNAMED),
    # ... and before C8 named the ARPA's error beside the churn's (H384's finding 07)
    ("C8", sheets.LIFETIME_NOTE_C8_ONE_ERROR_SAID),
    # ... and before C13 named an ARPA or a gross margin in error (H455's finding 03)
    ("C13", sheets.LIFETIME_NOTE_C13_ERRORS_UNSAID),
):
    LIFETIME_EARLIER[_ref] = (*LIFETIME_EARLIER.get(_ref, ()), _form)
# -- C3, a text before it named the ARPA's month where Customers runs further than Revenue (H315's finding 02)
LIFETIME_EARLIER["C3"] = (LIFETIME_NOTE_C3_TEXT,)
# ... and before it named a later month's MRR at end in error, saying "Revenue stops there" at the month before
# (H332's finding 02)
LIFETIME_EARLIER["C3"] += (LIFETIME_NOTE_C3_ERRORS_UNSAID,)
# ... and before a customers-at-end pasted as text counted in finding Customers' last month (H557's finding 01)
LIFETIME_EARLIER["C3"] += (counted(LIFETIME_NOTE_C3_ERRORS_UNSAID), counted(LIFETIME_NOTE_C3))
# -- B3 and C8 before the last month's movements left blank left the ARPA blank, named in C8 (H415's finding 04)
LIFETIME_EARLIER["B3"] += (ARPA_DEFAULT_MOVES_UNSAID,)
LIFETIME_EARLIER["C8"] += (LIFETIME_NOTE_C8_MOVES_UNSAID,)
# -- C8 before a late first month's blank MRR at start was named, not the blank month before's end (H469's finding 05)
LIFETIME_EARLIER["C8"] += (LIFETIME_NOTE_C8_FIRST_MONTH_CARRIED,)
# -- B8, B11 and C8 before a TRUE or FALSE typed in ARPA, the gross margin or the discount rate was #VALUE!, named (read
# as 1 or 0: a gross margin of 100%)
LIFETIME_EARLIER["B8"] += (sheets.LIFETIME_CLV_BOOLEANS_READ,)
LIFETIME_EARLIER["B11"] += (sheets.LIFETIME_MARGIN_BOOLEANS_READ,)
LIFETIME_EARLIER["C8"] += (LIFETIME_NOTE_C8_BOOLEANS_UNSAID,)
LIFETIME_EARLIER["C13"] += (sheets.LIFETIME_NOTE_C13_BOOLEANS_UNSAID,)
# -- C7, C8 and C13 before they sent to C5 only where it shows the template's note (C5 holding the user's: f9efe13a)
LIFETIME_EARLIER["C7"] += (sheets.LIFETIME_NOTE_C7_C5_UNCHECKED,)
LIFETIME_EARLIER["C8"] += (sheets.LIFETIME_NOTE_C8_C5_UNCHECKED,)
LIFETIME_EARLIER["C13"] += (sheets.LIFETIME_NOTE_C13_C5_UNCHECKED,)
# -- B7, B8, B12, B13 and their notes before TRUE or FALSE in the churn (B5) or the discount rate (B6) was #VALUE!
# there, named (read as 1 or 0: the sBG CLV of no discount shown for FALSE in B6; H524's finding 09), C11 naming one in
# B3 or B4 ("out of range" before)
for _ref, _form in (
    ("B7", sheets.LIFETIME_B7_BOOLEANS_READ),
    ("B8", sheets.LIFETIME_CLV_CHURN_BOOLEAN_READ),
    ("B12", sheets.LIFETIME_SBG_DEL_BOOLEANS_READ),
    ("B13", sheets.LIFETIME_SBG_CLV_BOOLEANS_READ),
    ("C7", sheets.LIFETIME_NOTE_C7_BOOLEAN_UNSAID),
    ("C8", sheets.LIFETIME_NOTE_C8_CHURN_BOOLEAN_UNSAID),
    ("C11", sheets.LIFETIME_NOTE_C11_BOOLEAN_UNSAID),
    ("C12", sheets.LIFETIME_NOTE_C12_BOOLEAN_UNSAID),
    ("C13", sheets.LIFETIME_NOTE_C13_B6_UNSAID),
):
    LIFETIME_EARLIER[_ref] = (*LIFETIME_EARLIER.get(_ref, ()), _form)

#: notes added beside the template's cells (each put where it is empty and its cell holds the template's formula)
_NOTES_ADDED = {"C5": "B5", "C9": "B9", "C11": "B11", "C12": "B12", "C13": "B13"}  # C11: H469's 04
#: the first template's (8b3d91a7, 2026-11-22) CLV, beside a blank ARPA (B3) it had as an input, no note in C3 or C8:
#: upgrade gives its blank B3 this version's default ARPA and the notes C3 and C8 (the Dashboard's "No CLV: its ARPA
#: is blank, see 'Lifetime value'!C8" led to an empty C8: H455's finding 01)
_FIRST_CLV = "=CLV(B3,B4,B5,B6)"
#: the width of the notes' column C (:func:`.lifetime_value.lifetime_sheet`'s)
NOTE_WIDTH = 48


def _current_lifetime() -> dict[str, str]:
    """This version's formulas of the Lifetime value cells in :data:`LIFETIME_EARLIER`."""
    from openpyxl import Workbook

    from .sheets import lifetime_sheet
    from .template import LIFETIME_TITLE

    wb = Workbook()
    ws = lifetime_sheet(wb, LIFETIME_TITLE, {})
    return {ref: ws[ref].value for ref in (*LIFETIME_EARLIER, *_NOTES_ADDED)}


def upgrade_lifetime(package: ip.Package, wb: Any) -> tuple[list[str], list[str]]:
    """Replace every formula of the Lifetime value sheet that is exactly an earlier template's
    (:data:`LIFETIME_EARLIER`) by this version's, in ``package``; returns the cells changed (``'Lifetime value'!B7``)
    and notes for the user.

    ``wb``: the workbook opened with openpyxl (read-only is fine). A formula reading a defined name the workbook lacks
    (a tracker made before it) is left as it is; for the churn average (B5), whose earlier forms take the wrong
    months, a note says so (this version's reads the "Churn rates so far" column such a tracker lacks). Nothing
    happens without a Lifetime value sheet.
    """
    title = _lifetime_title(wb)  # the template's, or the user's for the sheet ('CLV')
    if title is None:
        return [], []
    ws = wb[title]
    down = _rows_inserted(ws)  # note rows inserted under the title move every cell (H201's finding 03)
    rows = ws.iter_rows(min_row=1, max_row=13 + down, min_col=2, max_col=3, values_only=True)
    mine = {f"{c}{r - (down if r > 2 else 0)}": v for r, row in enumerate(rows, start=1)
            for c, v in zip("BC", row, strict=False) if r <= 2 or r > 2 + down}  # fmt: skip
    current = {ref: _rows_down(form, down) for ref, form in _current_lifetime().items()}
    names = workbook_names(package)
    xml, changed, notes = package.sheet(title), [], []
    # the first template's sheet: no note beside its CLV; its ARPA not typed: no default, no note beside it either
    first = is_earlier(mine.get("B8"), (_rows_down(_FIRST_CLV, down),)) and mine.get("C8") is None
    arpa = first and mine.get("B3") is None and mine.get("C3") is None
    for ref, forms in LIFETIME_EARLIER.items():
        if not is_earlier(mine.get(ref), tuple(_rows_down(form, down) for form in forms)):
            continue
        formula = current[ref]
        ref = _ref_down(ref, down)
        named = {n: f for n, f in LIFETIME_NAMED.items() if n in _names_in(formula) - names and _names_in(f) <= names}
        if _names_in(formula) - set(named) <= names:  # the named formulas it reads, added (H303)
            add_names(package, named)
            names |= set(named)
        if not _names_in(formula) <= names:
            if ref == "B5":
                notes.append(
                    f"{quote_sheetname(title)}!B5, the monthly churn its lifetime values use, holds the "
                    "average of an earlier version of the template, which takes the wrong months (the latest month "
                    "left out with more than 12 months of rates, an error with fewer); this version's reads a "
                    "column this tracker lacks: make a new tracker (xl-retention new NEW.xlsx --start YYYY-MM) and "
                    "import into it"
                )
            continue
        if put_formula(xml, ref, formula):
            changed.append(f"{quote_sheetname(title)}!{ref}")
    for ref, formula in current.items():  # this version's formula entered as a one-cell array formula (Ctrl+Shift+
        at, value = _ref_down(ref, down), mine.get(ref)  # Enter, an export): the engine refused C5's and C8's as
        text = getattr(value, "text", None)  # too long, their notes lost (H315's finding 01): written back plain
        if isinstance(text, str) and str(getattr(value, "ref", at)).replace("$", "") in (at, f"{at}:{at}"):
            if ip.formula_key(text if text.startswith("=") else f"={text}") == ip.formula_key(formula):
                if put_formula(xml, at, formula):
                    changed.append(f"{quote_sheetname(title)}!{at}")
    arpa = arpa and _default_arpa(package, xml, current["B3"], _ref_down("B3", down), names)
    if arpa:
        changed.append(f"{quote_sheetname(title)}!{_ref_down('B3', down)}")
        notes.append(_default_arpa_line(title, _ref_down("B3", down)))
        mine = {**mine, "B3": current["B3"]}  # the notes beside it, added below, are this version's
    back = names_back(package, mine.values(), names, title)  # names a Google Sheets round trip dropped (H332's 01)
    if back is not None:
        notes.append(back)
    # the notes of a missing sBG fit (C9, added on 2026-12-01) and of the sBG lifetime values (C12, C13: a discount
    # rate or margin out of range) beside the template's cells, where the note's cell is empty
    added = {**_NOTES_ADDED, **({"C8": "B8"} if first else {}), **({"C3": "B3"} if arpa else {})}
    for ref, beside in added.items():
        theirs = mine.get(beside)
        ours = ref == "C9" and str(theirs).upper() == "=SBG_ALPHA"
        earlier = tuple(_rows_down(form, down) for form in LIFETIME_EARLIER.get(beside, ()))
        ours = ours or is_earlier(theirs, (*earlier, current.get(beside, "")))
        at = _ref_down(ref, down)
        notes_of = (*(_rows_down(form, down) for form in LIFETIME_EARLIER.get(ref, ())), current[ref])
        if ours and ref == "C5" and _yours(mine.get(ref), notes_of) and _yours(mine.get(ref), _renamed(wb, notes_of)):
            notes.append(_c5_kept(title, down, mine[ref]))
        if ours and mine.get(ref) is None and not ip.has_content(xml.cell(at) or b""):
            reads = _names_in(current[ref])  # C5's LTV_Churn_Error_Row, defined with it (H348's finding 02); a note
            named = {n: f for n, f in LIFETIME_NAMED.items() if n in reads - names and _names_in(f) <= names}
            if not reads - set(named) <= names:  # reading a column the tracker lacks (Customers_Churn_Seq): none
                continue
            add_names(package, named)
            names |= set(named)
            style = xml.style(_ref_down("C8", down))
            if first:  # the first template's C8 is no note's: wrapped at the top, as this version's notes
                style = _note_style(package, style)
            xml.put(at, xml.element(at, style, formula=current[ref].removeprefix("=")))
            changed.append(f"{quote_sheetname(title)}!{at}")
    if first:  # the notes' column, no width in the first template: this version's, where they wrap
        from .dashboard_table import _widths

        xml.head = _widths(xml.head, {"C": NOTE_WIDTH})
    _lost_back(xml, mine, current, changed, title, down)
    _note_rows(package, xml, mine, changed, title, down)
    return changed, notes


def _yours(value: Any, forms: tuple[str, ...]) -> bool:
    """Whether a note's cell holds content of the user's: not blank, nor one of the template's ``forms`` of the note
    (an earlier one, or this version's; as a one-cell array formula too)."""
    if value is None or value == "":
        return False
    text = getattr(value, "text", value)  # an array formula's text, without its "=" as openpyxl reads it
    if isinstance(text, str) and hasattr(value, "text") and not text.startswith("="):
        text = f"={text}"
    return not is_earlier(text, forms)


def _renamed(wb: Any, forms: tuple[str, ...]) -> tuple[str, ...]:
    """``forms`` of a note as upgrade writes them after a sheet the note names was renamed ("see Clients!" for "see
    Customers!": :func:`.see_texts.see_text_renamed`): the template's note still, not one of the user's (H517's
    finding 01: C5 rewritten so by upgrade, then called "a note of yours")."""
    from .see_texts import renamed_titles, see_text_renamed

    renamed = renamed_titles(wb)
    return tuple(see_text_renamed(form, renamed) for form in forms) if renamed else ()


def _c5_kept(title: str, down: int, value: Any) -> str:
    """The report's line on the note C5 (the month whose churn is in error, where C7 and C8 send) not added because the
    cell holds the user's ``value`` (H486's finding 08: C8 said "C5 says where" beside the user's own words; C7 and
    C8 now send to C5 only while it shows the template's note)."""
    from .dashboard_notes import _shown

    at, c7, c8 = (_ref_down(ref, down) for ref in ("C5", "C7", "C8"))
    return (
        f"{quote_sheetname(title)}!{at} holds a note of yours ({_shown(value)}), where this version's template names "
        f"the month whose churn rate is in error: kept, the template's note not added ({c7} and {c8} send to the churn "
        "rates on Customers meanwhile); move your note to another cell and run upgrade again to add it"
    )


def _default_arpa(package: ip.Package, xml: ip.SheetXml, formula: str, ref: str, names: set[str]) -> bool:
    """This version's default ARPA ``formula`` written into the blank cell ``ref`` (its style kept) where the
    workbook has every name it reads; False, nothing done, otherwise."""
    named = {n: f for n, f in LIFETIME_NAMED.items() if n in _names_in(formula) - names and _names_in(f) <= names}
    if not _names_in(formula) - set(named) <= names or ip.has_content(xml.cell(ref) or b""):
        return False
    add_names(package, named)
    names |= set(named)
    xml.put(ref, xml.element(ref, xml.style(ref), formula=formula.removeprefix("=")))
    return True


def _note_style(package: ip.Package, style: bytes | None) -> bytes | None:
    """``style`` with its text wrapped at the top of the cell (as is, where the styles part is not one to add to)."""
    from .dashboard_layout import _wrap_style

    try:
        return _wrap_style(package, style)
    except ip.LayoutError:
        return style


def _default_arpa_line(title: str, ref: str) -> str:
    """The report's line on the default ARPA :func:`_default_arpa` wrote."""
    where = quote_sheetname(title)
    return (
        f"{where}!{ref}, the ARPA the first template (2026-11-22) left blank for you to type, now holds this "
        "version's default, the last month's MRR at end / customers at end (its note in "
        f"{where}!C{int(ref[1:])}); type your own figure over it to keep it"
    )


def _lost_back(xml: ip.SheetXml, mine: dict[str, Any], current: dict[str, str], changed: list[str], title: str,
               down: int) -> None:  # fmt: skip
    """Put the template's formula back in each of the sheet's formula cells left =NA() by a save as .xls (which
    cannot hold the package's functions: H265's finding 06), listed as :class:`.put_back.PutBack` ``"lost"``."""
    from .template_cells import LOST, _plain

    for ref, formula in current.items():
        if not (isinstance(mine.get(ref), str) and _plain(mine[ref]) == LOST) or _plain(formula) == LOST:
            continue
        at = _ref_down(ref, down)
        if put_formula(xml, at, formula):
            changed.append(PutBack(f"{quote_sheetname(title)}!{at}", "lost"))


def _note_rows(package: ip.Package, xml: ip.SheetXml, mine: dict[str, Any], changed: list[str], title: str,
               down: int) -> None:  # fmt: skip
    """The rows of the notes beside the Lifetime value figures (:data:`~.lifetime_value.NOTE_LINES`) that hold this
    version's note (written now, or already), made as tall as it needs where they are lower: a tracker made before
    fe1aeffa kept its rows of 30 points, and its notes written by upgrade or import were cut after two lines when
    rendered (H261's task 3). A row a user made taller stays as it is. The label and figure of a row made taller are
    put at its top, level with the note's first line, as the template has them (they sat at the bottom of the taller
    row, rendered by LibreOffice: H273's item 4)."""
    from openpyxl import Workbook

    from .lifetime_value import NOTE_LINES, lifetime_sheet, note_height
    from .template import LIFETIME_TITLE

    template = lifetime_sheet(Workbook(), LIFETIME_TITLE, {})
    for ref, lines in NOTE_LINES.items():
        at = _ref_down(ref, down)
        ours = f"{quote_sheetname(title)}!{at}" in changed or mine.get(ref) == _rows_down(template[ref].value, down)
        row = int(at[1:])
        if not ours or row not in xml.rows:
            continue
        attrs = xml.rows[row].attrs
        height = ip.attribute(attrs, b"ht")
        custom = (ip.attribute(attrs, b"customHeight") or b"0") in (b"1", b"true")
        if custom and height is not None and float(height) >= note_height(lines) - 1:  # LibreOffice saves 62 points
            continue  # as 61.5 (its units rounded): as tall, not a row to change (H315's finding 05: a protected sheet
            # was refused for it, nothing else to change)
        if _fitted(xml, at, height):
            continue
        list(xml.cells_in_rows(row, row))  # the row's cells read: an edited row is written from them
        attrs = ip._without(attrs, b"ht", b"customHeight") + f' ht="{note_height(lines)}" customHeight="1"'.encode()
        xml.rows[row].attrs, xml.rows[row].edited = attrs, True
        for column in "AB":
            _at_top(package, xml, f"{column}{row}")


def _fitted(xml: ip.SheetXml, ref: str, height: bytes | None) -> bool:
    """Whether the row of the note ``ref`` is as tall as recalc sizes it for the text its formula stores
    (:func:`.note_rows.fit_note_rows`: no height for an empty note, 15 x lines + 2 points else). Such a row is
    left as it is: the same data imported again into a recalculated tracker made these rows the template's rooms
    again, a change that cleared the results of 66 formula cells (1a24727a's fitted rows undone)."""
    from .lifetime_value import note_height
    from .note_rows import _FORMULA, _shown, note_lines

    element = xml.cell(ref)
    if element is None or not _FORMULA.search(element) or b"<v" not in element:
        return False  # no result stored (a new note, or results cleared): the template's room
    text = _shown(element)
    if text is None:
        return False
    lines = note_lines(text)
    if height is None:
        return lines == 0
    try:
        return lines > 0 and abs(float(height) - note_height(lines)) <= 1
    except ValueError:
        return False


_OPENING = re.compile(rb"<(?:\w+:)?c\b[^>]*?(?=/?>)")


def _at_top(package: ip.Package, xml: ip.SheetXml, ref: str) -> None:
    """The cell ``ref`` of ``xml`` in its style at the top of the cell (its wrapping as it was); a cell not written
    is left as it is."""
    from .dashboard_layout import _wrap_style

    element = xml.cell(ref)
    if element is None:
        return
    style = _wrap_style(package, xml.style(ref), wrap=False)
    opening = _OPENING.match(element)
    if opening is None:
        return
    xml.put(ref, ip._without(opening.group(0), b"s") + b' s="' + style + b'"' + element[opening.end() :])


#: the labels of the Lifetime value sheet's first and last input rows, at rows 3 and 13 of the template
_LIFETIME_FIRST, _LIFETIME_LAST = "ARPA (average revenue per account per month)", "Customer lifetime value (CLV), sBG"


def _rows_inserted(ws: Any) -> int:
    """How many rows were inserted on the Lifetime value sheet ``ws`` between its title and its inputs (a note row
    under the title, H201's finding 03): 0 where ARPA's label is in A3, as the template writes it; 0 too where the
    labels are not the template's 11 rows apart (another layout: its formulas are not compared)."""
    labels = [row[0] for row in ws.iter_rows(min_row=1, max_row=40, min_col=1, max_col=1, values_only=True)]
    first = next((r for r, label in enumerate(labels, start=1) if label == _LIFETIME_FIRST), 3)
    if first <= 3 or first + 10 > len(labels) or labels[first + 9] != _LIFETIME_LAST:
        return 0
    return first - 3


def _ref_down(ref: str, down: int) -> str:
    """``ref`` (B3) of the template's Lifetime value sheet where ``down`` rows inserted above row 3 moved it."""
    column, row = re.fullmatch(r"([A-Z]+)([0-9]+)", ref).groups()
    return f"{column}{int(row) + down if int(row) > 2 else row}"


def _rows_down(formula: str, down: int) -> str:
    """``formula`` of the Lifetime value sheet as a spreadsheet rewrites it when ``down`` rows are inserted above row
    3: each reference to its own cells from row 3 on, ``down`` rows lower; other sheets' and texts left as they are
    ("ARPA (B3)" in an earlier note's text stays)."""
    if not down or not isinstance(formula, str):
        return formula

    def area(match: re.Match[str], piece: str) -> str:
        if match.group(1) is not None:  # another sheet's (Customers!$G$2)
            return match.group(0)
        rows = [int(match.group(5)), int(match.group(9))] if match.group(9) else [int(match.group(5))]
        moved = [r + down if r > 2 else r for r in rows]
        out = f"{match.group(2)}{match.group(3)}{match.group(4)}{moved[0]}"
        if match.group(9):
            out += f":{match.group(6)}{match.group(7)}{match.group(8)}{moved[1]}"
        return out

    return ip.areas_outside_text(formula, area)


def _lifetime_title(wb: Any) -> str | None:
    """The Lifetime value sheet's title: the template's, or the one the user renamed it to ('CLV'), which the
    template's names over its cells point to (Excel renames their references with the sheet: ``'CLV'!$B$3``)."""
    from .template import LIFETIME_TITLE

    if LIFETIME_TITLE in wb.sheetnames:
        return LIFETIME_TITLE
    found: set[str] = set()
    for name in _LIFETIME_NAMES:
        defined = wb.defined_names.get(name)
        try:
            found |= {title for title, _ in defined.destinations if title in wb.sheetnames} if defined else set()
        except (ValueError, TypeError, AttributeError):  # a name openpyxl cannot take apart (#REF!): no sheet
            continue
    return found.pop() if len(found) == 1 else None


_LIFETIME_NAMES = ("LTV_ARPA", "LTV_Gross_Margin", "LTV_Churn", "LTV_Discount_Rate", "LTV_Lifetime", "LTV_CLV")
