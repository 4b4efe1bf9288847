"""INDIRECT of a text naming no reference, and of texts made by SUBSTITUTE/TRIM over a range (H468's findings 02, 04).

Before: ``=SUM(INDIRECT("Sheet1:Sheet3!A1"))`` (a 3-D reference, which Excel's INDIRECT does not take: #REF!) was
not computed, status incomplete, listed "the embedded engine cannot resolve a name this formula uses (every name it
uses exists)", though it uses no name; so were ``SUM(INDIRECT("Nope"))`` and
``SUMPRODUCT(SUMIF(INDIRECT("'"&SUBSTITUTE(F1:F3,"'","''")&"'!A1"),">0"))`` (Excel: 6) and the same with TRIM (3);
``=ROWS(INDIRECT("A0"))`` failed the whole file as a circular reference. Now a typed-in text naming no reference is
#REF! as in Excel, the texts made by SUBSTITUTE/TRIM are read element by element as ``"'"&F1:F3&"'!A1"`` is, and a
computed text the engine cannot read is listed with a reason naming the INDIRECT and its text.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

NAME_REASON = "the embedded engine cannot resolve a name this formula uses (every name it uses exists)"


def _months(tmp_path: Path) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    for title in ("Sheet2", "Sheet3"):
        book.create_sheet(title)
    for n, sheet in enumerate(book, 1):
        sheet["A1"] = n * 10
    book.defined_names["Tot"] = DefinedName("Tot", attr_text="Sheet3!$A$1")
    return book


def _values(tmp_path: Path, book: openpyxl.Workbook, cells: list[str]) -> tuple[object, list, dict]:
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Calc"]
    return report, [sheet[c].value for c in cells], {u.address: (u.function, u.reason) for u in report.unsupported}


def test_a_typed_in_text_naming_no_reference_is_ref(tmp_path: Path) -> None:
    book = _months(tmp_path)
    calc = book.create_sheet("Calc")
    calc["A1"] = '=SUM(INDIRECT("Sheet1:Sheet3!A1"))'  # a 3-D reference: INDIRECT does not take it
    calc["A2"] = "=SUM(Sheet1:Sheet3!A1)"
    calc["A3"] = '=INDIRECT("Sheet2!A1")'
    calc["A4"] = '=SUM(INDIRECT("Nope"))'  # no such name
    calc["A5"] = '=IFERROR(SUM(INDIRECT("Jan:Mar!A1")),-1)'
    calc["A6"] = '=ROWS(INDIRECT("A0"))'  # no row 0 (was a circular reference failing the file)
    calc["A7"] = '=INDIRECT("Nope")'
    calc["A8"] = '=SUM(INDIRECT("Tot"))'  # the workbook's name: its cell
    report, values, listed = _values(tmp_path, book, [f"A{n}" for n in range(1, 9)])
    assert (report.status, listed) == ("ok", {})
    assert values == ["#REF!", 60, 20, "#REF!", -1, "#REF!", "#REF!", 30]


def test_texts_made_by_substitute_or_trim_over_a_range(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    calc = book.active
    calc.title = "Calc"
    for n, title in enumerate(["Jan", "Feb", "Bob's"], 1):
        book.create_sheet(title)["A1"] = n
    calc["F1"], calc["F2"], calc["F3"] = "Jan", "Feb", "Bob's"
    calc["E1"] = '=SUMPRODUCT(SUMIF(INDIRECT("\'"&F1:F2&"\'!A1"),">0"))'
    calc["E2"] = '=SUMPRODUCT(SUMIF(INDIRECT("\'"&SUBSTITUTE(F1:F3,"\'","\'\'")&"\'!A1"),">0"))'
    calc["E3"] = '=SUMPRODUCT(SUMIF(INDIRECT("\'"&TRIM(F1:F2)&"\'!A1"),">0"))'
    report, values, listed = _values(tmp_path, book, ["E1", "E2", "E3"])
    assert (report.status, listed) == ("ok", {})
    assert values == [3, 6, 3]


def test_a_computed_text_the_engine_cannot_read_names_the_indirect(tmp_path: Path) -> None:
    book = _months(tmp_path)
    calc = book.create_sheet("Calc")
    calc["B1"], calc["B2"] = "Sheet1:Sheet3!A1", "Nope"
    calc["A1"] = "=SUM(INDIRECT(B1))"
    calc["A2"] = "=SUM(INDIRECT(B2))"
    calc["A3"] = '=SUM(INDIRECT("A"&0))'
    report, _, listed = _values(tmp_path, book, ["A1"])
    head = "the embedded engine cannot compute this formula's INDIRECT here: "
    assert report.status == "incomplete"
    assert listed == {
        "Calc!A1": (
            "INDIRECT",
            head + 'INDIRECT(B1) gives the text "Sheet1:Sheet3!A1", a 3-D reference, which INDIRECT does not take '
            "(#REF! in Excel)",
        ),
        "Calc!A2": (
            "INDIRECT",
            head + 'INDIRECT(B2) gives the text "Nope", read as a defined name, which the engine does not '
            "resolve there",
        ),
        "Calc!A3": ("INDIRECT", head + 'INDIRECT("A"&0) gives the text "A0", which names no cell (#REF! in Excel)'),
    }
    assert all(reason != NAME_REASON for _, reason in listed.values())
