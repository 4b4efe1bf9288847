"""NUMBERVALUE as Microsoft's page describes it (H485's finding 03).

"Empty spaces in the Text argument are ignored, even in the middle of the argument" (`" 3 000 "` is 3000) and "If an
empty string ("") is specified as the Text argument, the result is 0": the engine gave #VALUE! for both, written
over Excel's stored 3000 and 0 under status ok. Given its decimal and group separators NUMBERVALUE converts "in a
locale-independent manner": its text, typed in or in a cell, was listed as read by the computer's regional settings
(status incomplete, "an en-US Excel gives #VALUE!, a decimal-comma Excel 300050"). Without them the text is read
by the locale's separators, and such a cell stays listed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

FORMULAS = {
    "A1": ('=_xlfn.NUMBERVALUE("3 000,5",",",".")', 3000.5),
    "A2": ('=_xlfn.NUMBERVALUE("")', 0),
    "A3": ('=_xlfn.NUMBERVALUE(B1,",",".")', 3000.5),
    "A4": ('=_xlfn.NUMBERVALUE(" 3 000 ")', 3000),
    "A5": ("=SUM(A1:A4)", 9001),
    "A6": ('=_xlfn.NUMBERVALUE(B2,",",".")*2', 2469),
    "A7": ('=_xlfn.NUMBERVALUE("12%")', 0.12),
    "A8": ('=_xlfn.NUMBERVALUE("1,2,3",",")', "#VALUE!"),
    "A9": ("=A6+1", 2470),  # read through A6: no locale's either
}


def _book(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["B1"], sheet["B2"] = "3 000,50", "1.234,5"
    for ref, (formula, _) in FORMULAS.items():
        sheet[ref] = formula
    for ref, formula in (extra or {}).items():
        sheet[ref] = formula
    book.save(tmp_path / "nv.xlsx")
    return tmp_path / "nv.xlsx"


def test_spaces_empty_text_and_given_separators(tmp_path: Path) -> None:
    report = recalc_file(_book(tmp_path), tmp_path / "out.xlsx")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert report.status == "ok" and report.unsupported == []
    assert [(e.address, e.error) for e in report.errors] == [("S!A8", "#VALUE!")]
    assert {ref: values[ref].value for ref in FORMULAS} == {ref: want for ref, (_, want) in FORMULAS.items()}


def test_without_its_separators_a_decimal_comma_text_is_still_the_locales(tmp_path: Path) -> None:
    report = recalc_file(_book(tmp_path, {"C1": "=_xlfn.NUMBERVALUE(B2)"}), tmp_path / "out.xlsx")
    assert report.status == "incomplete"
    assert [(u.address, u.function) for u in report.unsupported] == [("S!C1", "locale")]
    assert "regional settings" in report.unsupported[0].reason


SIGN_REASON = (
    "NUMBERVALUE's text {where}{text!r} holds the currency sign {sign!r}: Microsoft's NUMBERVALUE page names the "
    "separators, spaces and percent signs it reads, not a currency sign, which Excel reads (if at all) by the "
    "computer's regional settings, which the file does not record, so the embedded engine does not compute it"
)


def test_a_text_holding_a_currency_sign_is_listed_with_its_cell_and_text(tmp_path: Path) -> None:
    """H495's finding 09: =NUMBERVALUE("€1.200,50",",",".") was #VALUE! with an empty reason under status ok. The
    page names no currency sign; Excel reads one (VALUE does) by the regional settings' currency, which the file does
    not record: the cell is listed, the text and where it is named; a cell reading it names it as its cause."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = "€1.200,50", "1 200 Kč"
    sheet["B1"] = '=_xlfn.NUMBERVALUE(A1,",",".")'
    sheet["B2"] = '=_xlfn.NUMBERVALUE("$1,200.50",".",",")'
    sheet["B3"] = '=_xlfn.NUMBERVALUE("€"&"5",",",".")'  # made when the formula runs
    sheet["B4"] = '=_xlfn.NUMBERVALUE(A2,",",".")'
    sheet["B5"] = "=B1+1"
    sheet["B6"] = '=_xlfn.NUMBERVALUE("1.200,50",",",".")'  # no sign: computed
    book.save(tmp_path / "nv.xlsx")
    report = recalc_file(tmp_path / "nv.xlsx", tmp_path / "out.xlsx")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (report.status, report.errors) == ("incomplete", [])
    made = SIGN_REASON.split(" {where}")[0] + " (made when the formula runs) holds a currency sign:"
    listed = {u.address: (u.function, u.reason) for u in report.unsupported}
    assert listed.pop("S!B3")[1].startswith(made)
    assert listed == {
        "S!B1": ("NUMBERVALUE", SIGN_REASON.format(where="in A1 ", text="€1.200,50", sign="€")),
        "S!B2": ("NUMBERVALUE", SIGN_REASON.format(where="", text="$1,200.50", sign="$")),
        "S!B4": ("NUMBERVALUE", SIGN_REASON.format(where="in A2 ", text="1 200 Kč", sign="Kč")),
        "S!B5": (
            "NUMBERVALUE",
            "reads S!B1 (NUMBERVALUE), which has no current value (the embedded engine cannot compute it)",
        ),
    }
    assert [values[f"B{r}"].value for r in range(1, 7)] == [None, None, None, None, None, 1200.5]
