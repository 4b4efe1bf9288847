"""A sheet with Excel's Lotus 1-2-3 "Transition formula evaluation" (H91 finding 01).

Excel computes such a sheet's formulas by Lotus rules (``<sheetPr transitionEvaluation="1">``: text counts 0, so
``=A1+1`` of the label ``n/a`` is 1); the engine computed Excel's usual #VALUE! and said ok. Every formula cell of the
sheet is now listed with a reason naming the setting: it keeps the value Excel stored, or the file is incomplete.
``transitionEntry`` (Lotus formula entry) alone changes no value and is computed as usual.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

REASON = (
    "sheet 'Budget' uses Excel's Lotus 1-2-3 transition formula evaluation (sheetPr transitionEvaluation=\"1\"): "
    "Excel computes its formulas by Lotus rules (text counts 0, a comparison gives 1 or 0), which the embedded "
    "engine does not; recalculate it with --engine excel, or turn the option off in Excel (File > Options > "
    "Advanced > Lotus compatibility settings)"
)
SHEET1 = "xl/worksheets/sheet1.xml"


def _book(path: Path, *, evaluation: bool = True, entry: bool = False) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Budget"
    other = book.create_sheet("Sum")
    sheet["A1"], sheet["A2"] = "n/a", 250
    sheet["B1"], sheet["B2"], sheet["B3"] = "=A1+1", "=A1*2+A2", "=2<3"
    other["A1"], other["A2"] = "=Budget!A2*2", "=Budget!B2+1"
    sheet.sheet_properties.transitionEvaluation = evaluation
    sheet.sheet_properties.transitionEntry = entry
    book.save(path)


def _with_values(path: Path, out: Path, values: dict[str, str]) -> None:
    """``path`` with ``values`` stored in sheet 1's formula cells, as Excel stores its results."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == SHEET1:
                text = data.decode()
                for ref, value in values.items():
                    start = text.index(f'<c r="{ref}"')
                    end = text.index("</f>", start) + 4
                    text = text[:end] + f"<v>{value}</v>" + text[end:]
                data = text.encode()
            target.writestr(item, data)


def test_a_lotus_sheets_formulas_are_listed_not_computed(tmp_path: Path) -> None:
    _book(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert {(e.address, e.reason) for e in result.unsupported} == {
        ("Budget!B1", REASON),
        ("Budget!B2", REASON),
        ("Budget!B3", REASON),
        ("Sum!A2", "reads Budget!B2 (Lotus evaluation), which has no current value (the embedded engine cannot "
         "compute it)"),
    }  # fmt: skip
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["Budget"][f"B{row}"].value for row in (1, 2, 3)] == [None, None, None]
    assert out["Sum"]["A1"].value == 500


def test_excels_stored_values_are_kept_and_read(tmp_path: Path) -> None:
    _book(tmp_path / "plain.xlsx")
    _with_values(tmp_path / "plain.xlsx", tmp_path / "book.xlsx", {"B1": "1", "B2": "250", "B3": "1"})
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert sorted((e.address, e.reason, e.kept) for e in result.unsupported) == [
        ("Budget!B1", REASON, True),
        ("Budget!B2", REASON, True),
        ("Budget!B3", REASON, True),
    ]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["Budget"][f"B{row}"].value for row in (1, 2)] == [1, 250]
    assert [out["Sum"]["A1"].value, out["Sum"]["A2"].value] == [500, 251]


def test_lotus_formula_entry_alone_is_computed(tmp_path: Path) -> None:
    _book(tmp_path / "book.xlsx", evaluation=False, entry=True)
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.unsupported == []
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["Budget"][f"B{row}"].value for row in (1, 2, 3)] == ["#VALUE!", "#VALUE!", True]
