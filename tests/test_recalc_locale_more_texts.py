"""More texts another language's Excel reads as numbers or dates (H187's finding 10, its kind): in a file saved by
Excel, the values it stored of formulas reading them are kept and listed as locale, not overwritten with #VALUE!.

An en-US Excel (the embedded engine) reads none of these: "R$ 1.200,00" (Brazil), "1 200 Kč" (Czechia), "₹1,20,000"
(India's lakh grouping), "15 de marzo de 2024" (Spain), "15 марта 2024" (Russia), "März 2024" (a month and year: its
first day) and "15. März 2024 10:00" (a time after the date). Each was written over with #VALUE! under status ok.
Texts no Excel reads ("Ei 2024", "31 février 2024") keep their #VALUE!.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

#: (text in A, formula in B, the value a Brazilian, Czech, Indian, Spanish, Russian, German Excel stored)
ROWS = [
    ("R$ 1.200,00", "*2", "2400"),
    ("1 200 Kč", "*2", "2400"),
    ("₹1,20,000", "*2", "240000"),
    ("15 de marzo de 2024", "+1", "45367"),
    ("15 марта 2024", "+1", "45367"),
    ("März 2024", "+0", "45352"),
    ("15. März 2024 10:00", "*24", "1088794"),
    ("Ei 2024", "+1", "#VALUE!"),
    ("31 février 2024", "+1", "#VALUE!"),
]


def _saved_by_excel(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "In"
    for row, (text, operation, _) in enumerate(ROWS, 1):
        sheet[f"A{row}"], sheet[f"B{row}"] = text, f"=A{row}{operation}"
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "texts.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for row, (_, _, value) in enumerate(ROWS, 1):
                    kind = b' t="e"' if value.startswith("#") else b""
                    data, count = re.subn(
                        rf'<c r="B{row}"([^>]*)>(<f>[^<]*</f>)<v\s*/>'.encode(),
                        rb'<c r="B%d"\1%s>\2<v>%s</v>' % (row, kind, value.encode()),
                        data,
                    )
                    assert count == 1
            elif item.filename == "xl/workbook.xml":
                data = re.sub(rb"<calcPr[^>]*/>", b'<calcPr calcId="191029"/>', data)
            new.writestr(item, data)
    return path


def test_excels_values_of_other_languages_texts_are_kept_as_locale(tmp_path: Path) -> None:
    output = tmp_path / "texts.recalc.xlsx"
    report = recalc_file(_saved_by_excel(tmp_path), output)
    assert report.status == "ok", report.message
    sheet = openpyxl.load_workbook(output, data_only=True)["In"]
    assert [sheet[f"B{row}"].value for row in range(1, len(ROWS) + 1)] == [
        2400, 2400, 240000, 45367, 45367, 45352, 1088794, "#VALUE!", "#VALUE!"
    ]  # fmt: skip
    listed = {u.address: u for u in report.unsupported}
    assert sorted(listed) == [f"In!B{row}" for row in range(1, 8)]
    assert all(u.function == "locale" and u.kept for u in listed.values())
    assert "'15 марта 2024'" in listed["In!B5"].reason and "Excel stored 45367" in listed["In!B5"].reason
    assert sorted(e.address for e in report.errors) == ["In!B8", "In!B9"]
