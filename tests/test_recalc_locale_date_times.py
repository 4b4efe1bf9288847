"""A date typed as text with a time, or without its year, that an en-US and a day-first Excel read as two different
days is listed as `locale` where the file stores no value of Excel's (H173's finding 02).

"03/04/2025 10:00" is 4 March to an en-US Excel and 3 April to a day-first one, "1/2" 2 January and 1 February of the
current year (Microsoft's DATEVALUE page: the date order of the computer's settings; the current year where it is
left out). Before, =A1*1, =TEXT(A1,"yyyy-mm-dd"), =A2+0 and =MONTH(A2) were written month-first with status ok,
where "01/02/2025" alone was listed. A text both read alike ("05/05/2025 10:00", "5/5") is computed as before.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_date_texts_with_a_time_or_no_year_are_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "L"
    sheet["A1"], sheet["A2"], sheet["A3"], sheet["A4"] = "03/04/2025 10:00", "1/2", "05/05/2025 10:00", "3/4/25 9:30 PM"
    sheet["B1"], sheet["B2"] = "=A1*1", "=A2+0"
    sheet["B3"], sheet["B4"] = '=TEXT(A1,"yyyy-mm-dd")', "=MONTH(A2)"
    sheet["B5"], sheet["B6"] = "=A3*1", "=A4*1"
    sheet["C1"] = "=LEN(A1)"  # whatever the date order
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    listed = {u.address: u for u in report.unsupported}
    assert sorted(listed) == ["L!B1", "L!B2", "L!B3", "L!B4", "L!B6"]
    assert {u.function for u in listed.values()} == {"locale"}
    assert "reads the text '03/04/2025 10:00' (L!A1)" in listed["L!B1"].reason
    assert "an en-US Excel gives 45720.4166666667, a day-first Excel 45750.4166666667" in listed["L!B1"].reason
    assert "an en-US Excel gives 45720.8958333333, a day-first Excel 45750.8958333333" in listed["L!B6"].reason
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["L"]
    assert [out[ref].value for ref in ("B1", "B2", "B3", "B4", "B6")] == [None] * 5
    assert (out["B5"].value, out["C1"].value) == (45782 + 10 / 24, 16)


def test_a_date_text_only_a_day_first_excel_reads_is_listed_with_both_values(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "L"
    sheet["A1"], sheet["B1"] = "13/01/2025 10:00", "=A1*1"  # en-US: #VALUE!; a day-first Excel: 13 January 10:00
    sheet["A2"], sheet["B2"] = "1/2", "=LEN(A2)"  # 3 in every Excel (its day-first reading's ISO text has 10)
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert not report.errors  # was #VALUE!, said to be a date to a day-first Excel (the lead's decision, session 25)
    assert [(u.address, u.function) for u in report.unsupported] == [("L!B1", "locale")]
    assert "an en-US Excel gives #VALUE!, a day-first Excel 45670.4166666667;" in report.unsupported[0].reason
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["L"]
    assert (out["B1"].value, out["B2"].value) == (None, 3)
