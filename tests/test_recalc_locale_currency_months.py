"""Amounts in another currency than en-US's $ ("£1,200", "€1.200,50", "2.500 kr") and dates with another language's
month name ("15. März 2024") typed as text (H187's finding 10). A UK or German Excel reads them as numbers; the
embedded engine, an en-US Excel, gives #VALUE!. Recalc wrote #VALUE! over the values Excel stored, under status ok.
Now, as for "1,5" and "15.03.2024": the value Excel stored is kept and listed as locale; where the file stores none
the cell is listed as locale with both values, not computed."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet

from xl_retention.recalculation import recalc_file


def _saved_by_excel(tmp_path: Path, stored: dict[str, tuple[str, float]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Costs"
    sheet["A1"], sheet["A2"], sheet["A3"] = "£1,200", "€1.200,50", "15. März 2024"
    for ref, (formula, _) in stored.items():
        sheet[ref] = formula
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "costs.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, (_, value) in stored.items():
                    data = re.sub(
                        rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode(), rb"\g<1><v>%d</v>" % value, data
                    )
            elif item.filename == "xl/workbook.xml":
                data = re.sub(rb"<calcPr[^>]*/>", b'<calcPr calcId="191029"/>', data)
            new.writestr(item, data)
    return path


def test_excels_values_of_other_currencies_and_month_names_are_kept(tmp_path: Path) -> None:
    stored = {"B1": ("=A1*2", 2400), "B2": ("=A2*2", 2401), "B3": ("=A3+1", 45367), "C1": ("=B1+1", 2401)}
    report = recalc_file(_saved_by_excel(tmp_path, stored), tmp_path / "out.xlsx", engine="embedded")
    assert not report.errors
    listed = {u.address: u for u in report.unsupported}
    assert sorted(listed) == ["Costs!B1", "Costs!B2", "Costs!B3"]
    assert all(u.function == "locale" and u.kept for u in listed.values())
    assert listed["Costs!B1"].reason.startswith("reads the text '£1,200' (Costs!A1), which Excel reads by its language")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Costs"]
    assert [out[ref].value for ref in ("B1", "B2", "B3", "C1")] == [2400, 2401, 45367, 2401]


def test_without_excels_values_they_are_listed_with_both_values(tmp_path: Path) -> None:
    cells = {
        "A1": "£1,200",
        "A2": "2.500 kr",
        "A3": "15. März 2024",
        "A4": "$1,200",
        "B1": "=A1*2",
        "B2": "=A2*2",
        "B3": "=A3+1",
        "B4": "=A4*2",
        "C1": "=LEN(A1)",
    }
    report, values = recalc_sheet(tmp_path, cells)
    listed = {u.address: u.reason for u in report.unsupported if u.function == "locale"}
    assert sorted(listed) == ["S!B1", "S!B2", "S!B3"]
    assert "an en-US Excel gives #VALUE!, a British or European Excel 2400;" in listed["S!B1"]
    assert "an en-US Excel gives #VALUE!, a British or European Excel 5000;" in listed["S!B2"]
    assert "an en-US Excel gives #VALUE!, a German, French or other Excel 45367;" in listed["S!B3"]
    assert not report.errors
    assert {ref: values.get(ref) for ref in ("B1", "B2", "B3", "B4", "C1")} == {
        "B1": None,
        "B2": None,
        "B3": None,
        "B4": 2400,
        "C1": 6,
    }
