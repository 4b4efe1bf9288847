"""A date with Windows' German short month name typed as text ("15-Mär-2024", H187's finding 10).

A German Excel reads texts by the regional settings of Windows, whose short name of March is "Mär" (Excel's own MMM
format writes "Mrz", CLDR "März"). Its stored value of ="15-Mär-2024"+1 (45367) was overwritten with #VALUE! under
status ok, where "15. März 2024" and "15-Mrz-2024" were kept and listed as locale; now it is kept and listed too, and
with no stored value the cell is listed as locale with both values, not computed. A word only starting so
("Märchen") is no month.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _book(tmp_path: Path, stored: bool) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Dates"
    sheet["A1"], sheet["B1"], sheet["C1"] = "15-Mär-2024", "=A1+1", "=B1+1"
    sheet["A2"], sheet["B2"] = "15-Märchen-2024", "=A2+1"
    book.save(tmp_path / "plain.xlsx")
    if not stored:
        return tmp_path / "plain.xlsx"
    path = tmp_path / "dates.xlsx"  # as a German Excel saves it: its values stored, no fullCalcOnLoad
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in (("B1", 45367), ("C1", 45368)):
                    data, count = re.subn(
                        rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode(), rb"\g<1><v>%d</v>" % value, data
                    )
                    assert count == 1
                data = re.sub(rb'(<c r="B2"[^>]*>)(<f>[^<]*</f>)<v\s*/>', rb"\1\2<v>#VALUE!</v>", data)
                data = data.replace(b'<c r="B2"', b'<c r="B2" t="e"', 1)
            elif item.filename == "xl/workbook.xml":
                data = re.sub(rb"<calcPr[^>]*/>", b'<calcPr calcId="191029"/>', data)
            new.writestr(item, data)
    return path


def test_a_german_excels_value_of_maer_is_kept_as_locale(tmp_path: Path) -> None:
    source = _book(tmp_path, stored=True)
    output = tmp_path / "dates.recalc.xlsx"
    report = recalc_file(source, output)
    assert report.status == "ok", report.message
    sheet = openpyxl.load_workbook(output, data_only=True)["Dates"]
    assert (sheet["B1"].value, sheet["C1"].value, sheet["B2"].value) == (45367, 45368, "#VALUE!")
    listed = {u.address: u for u in report.unsupported}
    assert set(listed) == {"Dates!B1"}
    assert listed["Dates!B1"].function == "locale" and listed["Dates!B1"].kept
    assert "'15-Mär-2024'" in listed["Dates!B1"].reason and "Excel stored 45367" in listed["Dates!B1"].reason
    assert [e.address for e in report.errors] == ["Dates!B2"]


def test_with_no_stored_value_maer_is_listed_with_both_readings(tmp_path: Path) -> None:
    source = _book(tmp_path, stored=False)
    report = recalc_file(source, tmp_path / "plain.recalc.xlsx")
    assert report.status == "incomplete", report.message
    listed = {u.address: u for u in report.unsupported}
    assert set(listed) == {"Dates!B1", "Dates!C1"}
    assert "an en-US Excel gives #VALUE!" in listed["Dates!B1"].reason and "45367" in listed["Dates!B1"].reason
    assert not listed["Dates!B1"].kept
