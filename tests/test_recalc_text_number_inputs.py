"""A tracker's input holding a plain number as a text (' 120 ', '95', pasted from a web report or a CSV column) is
named by recalc, with what to do. The tracker's formulas read such a text as the number (its figures are right), but
the user's own ``=SUM(Customers!C2:C13)`` skips a text, in Excel and LibreOffice alike: 550 for the year's 765, and
recalc said nothing, status ok (H315's finding 06). Status stays ok; the line is the file's message."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

GAINED = "Gained (new + reactivated)"


def _tracker(tmp_path: Path, gained: list[object], extra: dict[str, object] | None = None) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"] = 1000
    ends = [1080, 1150, 1190, 1220]
    for row, (new, end) in enumerate(zip(gained, ends, strict=True), 2):
        customers[f"C{row}"], customers[f"D{row}"] = new, end
    for ref, value in (extra or {}).items():
        sheet, _, cell = ref.partition("!")
        wb[sheet][cell] = value
    ws = wb.create_sheet("My summary")
    ws["A1"], ws["B1"] = "Total gained 2026", "=SUM(Customers!C2:C13)"
    wb.save(path)
    return path


def test_numbers_pasted_as_text_are_named(tmp_path: Path) -> None:
    path = _tracker(tmp_path, [150, " 120 ", 100, "95"], {"Revenue!B2": 5000, "Revenue!C2": "250.5"})
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok"
    assert report.message == (
        f"t.xlsx: Customers!C3 ({GAINED}) is the text ' 120 ', Customers!C5 ({GAINED}) the text '95',"
        " Revenue!C2 (New MRR) the text '250.5': the tracker reads them as numbers, but a SUM, a pivot table or"
        " pandas reading these cells skips a text: type them as numbers"
    )
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert values["Customers"]["E3"].value == 50  # lost in February: 1080 + 120 - 1150, the text read as 120
    assert values["My summary"]["B1"].value == 250  # the user's SUM skips both texts (765 typed as numbers)


def test_a_formulas_text_and_numbers_typed_as_numbers_are_not_named(tmp_path: Path) -> None:
    (tmp_path / "formula").mkdir()
    path = _tracker(tmp_path / "formula", [150, '="120"', 100, 95])  # a formula's text: the user's own doing
    report = recalc_file(path, tmp_path / "formula" / "out.xlsx", engine="embedded")
    assert report.status == "ok" and "the text" not in (report.message or "")
    (tmp_path / "plain").mkdir()
    path = _tracker(tmp_path / "plain", [150, 120, 100, 95])
    report = recalc_file(path, tmp_path / "plain" / "out.xlsx", engine="embedded")
    assert report.status == "ok" and report.message == ""
    assert openpyxl.load_workbook(tmp_path / "plain" / "out.xlsx", data_only=True)["My summary"]["B1"].value == 465
