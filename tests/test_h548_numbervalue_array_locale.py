"""NUMBERVALUE of "1.200.000" in an array constant is listed as locale-bound, as the text alone is (H548's task 1).

``NUMBERVALUE("1.200.000")`` (its separators not given: the computer's) is listed by :mod:`.locale_results`: #VALUE!
to an en-US Excel, 1200000 to a decimal-comma one. In an array constant (``SUMPRODUCT(NUMBERVALUE({"1.200.000",
"1"}))``, ``SUM(..)``, through ``TRIM``, behind ``IFERROR``) the cell was written #VALUE! (or IFERROR's -1) with no
reason under ok: the other reading was evaluated with the stored formula, which the engine does not compute element by
element (#VALUE! both ways); it is now the engine's own (rewritten) formula. Given its separators the text is read by
them in every Excel: computed, not listed (``{"1.200.000","1"},",","."`` was listed at the parent with "a
decimal-comma Excel #VALUE!"), and an array constant's text is read as the array is (compared: text, as one text is).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_cli

_REASON = (
    "holds the text '1.200.000' (in the formula), which Excel reads by the decimal separator of the computer's "
    "regional settings, which the file does not record: an en-US Excel gives {us}, a decimal-comma Excel 1200001; the "
    "file stores no value of Excel's to tell which, so the embedded engine does not compute it"
)
FORMULAS = {
    "B1": '=SUMPRODUCT(_xlfn.NUMBERVALUE({"1.200.000","1"}))',
    "B2": '=SUM(_xlfn.NUMBERVALUE({"1.200.000";"1"}))',
    "B3": '=SUMPRODUCT(_xlfn.NUMBERVALUE(TRIM({"1.200.000","1"})))',
    "B4": '=IFERROR(SUMPRODUCT(_xlfn.NUMBERVALUE({"1.200.000","1"})),-1)',
    "B5": '=SUMPRODUCT(_xlfn.NUMBERVALUE({"1.200.000","1"},",","."))',  # separators given: 1200001 everywhere
    "B6": '=SUMPRODUCT(_xlfn.NUMBERVALUE({"1.200.000","1"},".",","))',  # '.' twice: #VALUE! everywhere
    "B7": '=SUMPRODUCT(--({"1.200.000","1"}="1.200.000"))',  # compared as text: 1 everywhere
    "B8": '=SUMPRODUCT(_xlfn.NUMBERVALUE({"1.5","1"}))',
    "B9": '=_xlfn.NUMBERVALUE("1,5")',  # 15 en-US (',' a group separator), 1.5 with a decimal comma
    "B10": '=SUMPRODUCT(_xlfn.NUMBERVALUE({"1,5","1"}))',
    "B11": '=TEXT(1234,"0,000")',  # a format: the same in every Excel here
}
_COMMA = (
    "holds the text '1,5' (in the formula), which Excel reads by the decimal separator of the computer's regional "
    "settings, which the file does not record: an en-US Excel gives {us}, a decimal-comma Excel {other}; the file "
    "stores no value of Excel's to tell which, so the embedded engine does not compute it"
)


def test_numbervalue_array_constant_of_a_dotted_thousands_text_is_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, formula in FORMULAS.items():
        sheet[ref] = formula
    path = tmp_path / "numbers.xlsx"
    book.save(path)
    done = recalc_cli(path)
    assert done.listed == {
        "S!B1": ("locale", _REASON.format(us="#VALUE!")),
        "S!B2": ("locale", _REASON.format(us="#VALUE!")),
        "S!B3": ("locale", _REASON.format(us="#VALUE!")),
        "S!B4": ("locale", _REASON.format(us="-1")),
        "S!B9": ("locale", _COMMA.format(us="15", other="1.5")),
        "S!B10": ("locale", _COMMA.format(us="16", other="2.5")),
    }
    assert {ref: error for ref, (error, _) in done.errors.items()} == {"S!B6": "#VALUE!"}
    assert {ref: done.values.get(ref) for ref in FORMULAS} == {
        "B1": None,  # not computed: the file stores no value of Excel's to keep
        "B2": None,
        "B3": None,
        "B4": None,
        "B5": 1200001,
        "B6": "#VALUE!",
        "B7": 1,
        "B8": 2.5,
        "B9": None,
        "B10": None,
        "B11": "1,234",
    }
