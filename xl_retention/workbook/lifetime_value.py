"""The template's Lifetime value sheet: ARPA (by default the data's last month's MRR per customer; a typed figure
replaces the formula and stays), gross margin, the average churn of the last 12 months that have a churn rate, and the
constant-churn and sBG lifetime values, with the notes beside them saying why a figure has no value.

Moved out of :mod:`.sheets` (past 600 lines) as it was; :mod:`.sheets` re-exports every public name. The formulas
are in three modules, one a part of the sheet, whose public names this module re-exports: :mod:`.lifetime_arpa`
(B3 and its note C3), :mod:`.lifetime_churn` (B5 and C5), :mod:`.lifetime_clv` (B7:B13 and C7, C8, C9, C12, C13).
Here: the sheet, and the named formulas C5 and C8 read.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ._style import BORDER, MONEY, NOTE_FONT, PERCENT, TITLE_FONT, define, print_setup, style, validate
from .lifetime_arpa import *  # noqa: F403 (B3 and C3: re-exported)
from .lifetime_arpa import _LAST_MRR, ARPA_DEFAULT, LIFETIME_NOTE_C3, MOVES_BLANK
from .lifetime_churn import *  # noqa: F403 (B5 and C5: re-exported)
from .lifetime_churn import _CHURN_ERROR_ROW, CHURN_12, LIFETIME_NOTE_C5_UNNAMED, lean_rows
from .lifetime_clv import *  # noqa: F403 (B7:B13 and their notes: re-exported)
from .lifetime_clv import (
    _BOOLEAN,
    _BOOLEAN_CHURN,
    _MRR_RUN_ROW,
    _NO_NUMBER,
    _TEXTS_SAID,
    BOOLEAN_CHURN_SAID,
    BOOLEAN_SAID,
    C5_SAYS,
    LIFETIME_B7,
    LIFETIME_CLV,
    LIFETIME_MARGIN,
    LIFETIME_NOTE_C7,
    LIFETIME_NOTE_C8_UNNAMED,
    LIFETIME_NOTE_C9,
    LIFETIME_NOTE_C11,
    LIFETIME_NOTE_C12,
    LIFETIME_NOTE_C13,
    LIFETIME_SBG_CLV,
    LIFETIME_SBG_DEL,
    RATES_SAID,
    SBG_ALPHA,
    SBG_BETA,
)
from .lifetime_two_errors import both_said

# -- C5 held 9,371 characters and C8 8,828, past Excel's 8,192 (Excel's specifications and limits: the file opened
# with a repair prompt, the notes removed; H303): the row of the last churn rate in error (21 times in C5) and of the
# first month of the run of MRR at end in error (16 times in C8) are named formulas, computed where they are named.
# The forms before, kept for upgrade (.lifetime_forms)
#: the named formulas the Lifetime value notes read (name -> its formula, without =)
LIFETIME_NAMED = {
    "LTV_Churn_Error_Row": lean_rows(f"={_CHURN_ERROR_ROW}")[1:],
    "LTV_MRR_Run_Row": lean_rows(f"={_MRR_RUN_ROW}")[1:],
}
LIFETIME_NOTE_C5, LIFETIME_NOTE_C8 = LIFETIME_NOTE_C5_UNNAMED, LIFETIME_NOTE_C8_UNNAMED
for _name, _formula in LIFETIME_NAMED.items():
    LIFETIME_NOTE_C5 = LIFETIME_NOTE_C5.replace(_formula, _name)
    LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8.replace(_formula, _name)
assert "LTV_Churn_Error_Row" in LIFETIME_NOTE_C5 and "LTV_MRR_Run_Row" in LIFETIME_NOTE_C8
# -- C8 with both the churn and the ARPA in error said the churn's alone (H384's finding 07): both now. Kept for upgrade
LIFETIME_NOTE_C8_ONE_ERROR_SAID, LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8, both_said(LIFETIME_NOTE_C8)
# -- the ARPA blank because the last month with MRR at end has its movements blank (ARPA_DEFAULT): C8 said "Type ARPA
# (B3): its default ... was cleared." Now it names them (H415's finding 04), not their month: with YEAR(month) too
# the embedded engine listed C8 as SEQUENCE it cannot compute (incomplete). The form before, kept for upgrade
_MOVES_ROW = f"ROW(INDEX(Revenue_End,1))+{_LAST_MRR}-1"  # lean_rows' first row
MOVES_BLANK_SAID = (
    f'IF(AND(B3="",B4<>"",B5<>"",IFERROR({MOVES_BLANK},FALSE)),"No value: ARPA ("&ADDRESS(ROW(B3),COLUMN(B3),4)&") '
    f'is blank: Revenue!"&ADDRESS({_MOVES_ROW},COLUMN(Revenue_New),4)&":"&ADDRESS({_MOVES_ROW},COLUMN('
    f'Revenue_Churned),4)&", the movements of the last month with MRR at end, are blank: its MRR at end is no figure '
    "yet; type them (0 where there was none), or "
    'type your ARPA in "&ADDRESS(ROW(B3),COLUMN(B3),4)&".",'
)
LIFETIME_NOTE_C8_MOVES_UNSAID = LIFETIME_NOTE_C8
assert LIFETIME_NOTE_C8.count('IF(AND(B3="",B4<>"",B5<>""),') == 1 and LIFETIME_NOTE_C8.endswith(',"")))')
LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8.replace(
    'IF(AND(B3="",B4<>"",B5<>""),', MOVES_BLANK_SAID + 'IF(AND(B3="",B4<>"",B5<>""),', 1
)
LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8[:-2] + ")" + LIFETIME_NOTE_C8[-2:]
# -- a tracker filled from a later month, its first month of data with churned MRR and no MRR at start (blank: no month
# before has an MRR at end): C8 named the month before's MRR at end ("starts in Revenue!H4", March, never tracked), not
# the start to type, Revenue!B5 (H469's finding 05). The start is carried from the month before only when a month
# before has an MRR at end (a figure or an error), as MRR_START counts them. The form before, kept for upgrade
_RUN_AFTER_FIRST = "AND(LTV_MRR_Run_Row>ROW(INDEX(Revenue_End,1)),"
# (COUNT: the figures of MRR at end, all above the run when ARPA is in error; errors alone above it, in an earlier run,
# name the run's start too, which typed mends the run. A range or an array of the months above, the name put in for
# each, was more than the embedded engine computes)
_END_ABOVE = "COUNT(Revenue_End)>0,"
LIFETIME_NOTE_C8_FIRST_MONTH_CARRIED = LIFETIME_NOTE_C8
assert LIFETIME_NOTE_C8.count(_RUN_AFTER_FIRST) == 2  # (the row to name and its column)
LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8.replace(_RUN_AFTER_FIRST, _RUN_AFTER_FIRST + _END_ABOVE)
# -- TRUE typed in the gross margin (B4): B8 is #VALUE! (lifetime_clv.LIFETIME_CLV), where C8 said "No value for these
# inputs: ... the gross margin, churn and discount rate from 0 to 1", true of every input. It names the cell and what
# it holds. The form before, kept for upgrade
LIFETIME_NOTE_C8_BOOLEANS_UNSAID = LIFETIME_NOTE_C8
assert LIFETIME_NOTE_C8.count(_TEXTS_SAID) == 1
_TEXT_SAID = _TEXTS_SAID[len(_NO_NUMBER) + 4 : -1]  # the note on a text that is no number, alone
LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8.replace(
    _TEXTS_SAID, f"IF(OR({_BOOLEAN},{_NO_NUMBER}),IF({_BOOLEAN},{BOOLEAN_SAID},{_TEXT_SAID}),"
)
# -- C8 said "C5 says where" of a churn in error whatever C5 held (a note of the user's): it sends to C5 only where C5
# shows the template's note naming the cell (lifetime_clv.C5_SAYS). The form before, kept for upgrade
_C8_C5_SAID = '&ADDRESS(ROW(C5),COLUMN(C5),4)&" says where."'
LIFETIME_NOTE_C8_C5_UNCHECKED = LIFETIME_NOTE_C8
assert LIFETIME_NOTE_C8.count(_C8_C5_SAID) == 2  # (the churn alone, and with the ARPA in error too)
LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8.replace(_C8_C5_SAID, f'&IF({C5_SAYS},{_C8_C5_SAID[1:]},"{RATES_SAID}")')
# -- TRUE or FALSE typed over the churn (B5): B8 is #VALUE! (lifetime_clv.LIFETIME_CLV, H524's finding 09), C8 names
# B5 as it names B3, B4 and B6. The form before, kept for upgrade
LIFETIME_NOTE_C8_CHURN_BOOLEAN_UNSAID = LIFETIME_NOTE_C8
_BOOLEANS_SAID = f"IF(OR({_BOOLEAN},{_NO_NUMBER}),IF({_BOOLEAN},{BOOLEAN_SAID},"
assert LIFETIME_NOTE_C8.count(_BOOLEANS_SAID) == 1
LIFETIME_NOTE_C8 = LIFETIME_NOTE_C8.replace(
    _BOOLEANS_SAID, f"IF(OR({_BOOLEAN_CHURN},{_NO_NUMBER}),IF({_BOOLEAN_CHURN},{BOOLEAN_CHURN_SAID},"
)
assert len(LIFETIME_NOTE_C5) < 8192 and len(LIFETIME_NOTE_C8) < 8192


#: the sheet's figures from row 3 down in column B: label (A), formula or input's default, number format, validation
#: (None: a computed figure, no input: recalc names a value typed over it), the workbook's name over the cell
LIFETIME_ROWS = (
    ("ARPA (average revenue per account per month)", ARPA_DEFAULT, MONEY, "amount", "LTV_ARPA"),
    ("Gross margin", None, PERCENT, "rate", "LTV_Gross_Margin"),
    ("Monthly churn (average of the last 12 months with a churn rate)", CHURN_12, "0.00%", None, "LTV_Churn"),
    ("Discount rate per month", 0.01, "0.00%", "rate", "LTV_Discount_Rate"),
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
)
#: the inputs of :func:`lifetime_sheet` replacing a row's default (by the row's name)
LIFETIME_INPUTS = {"LTV_ARPA": "arpa", "LTV_Gross_Margin": "gross_margin", "LTV_Discount_Rate": "discount_rate"}


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
    for i, (label, default, number_format, validation, name) in enumerate(LIFETIME_ROWS, start=3):
        value = inputs.get(LIFETIME_INPUTS[name], default) if name in LIFETIME_INPUTS else default
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
    ws["C11"], ws["C12"], ws["C13"] = LIFETIME_NOTE_C11, LIFETIME_NOTE_C12, LIFETIME_NOTE_C13
    for ref in ("C3", "C5", "C7", "C8", "C9", "C11", "C12", "C13"):
        ws[ref].font = NOTE_FONT
    notes = (
        "Constant churn: CLV = ARPA x gross margin x (1 + d) / (d + churn), payment at the start of each month.",
        "The churn is the average of the last 12 months that have a churn rate (an import's first month has none).",
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
    ws["C11"].alignment = Alignment(wrap_text=True, vertical="top")  # one line (40 characters): the row's height
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


def define_named(wb: Workbook) -> None:
    """The named formulas of :data:`LIFETIME_NAMED` defined in ``wb`` (the template's Lifetime value notes read
    them)."""
    from openpyxl.workbook.defined_name import DefinedName

    for name, formula in LIFETIME_NAMED.items():
        wb.defined_names[name] = DefinedName(name, attr_text=formula)
