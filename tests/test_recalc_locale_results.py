"""A workbook saved by a UK or European Excel: the values its Excel computed in its locale are kept and listed.

The embedded engine computes as an en-US Excel. DATEVALUE("01/02/2024") of a UK Excel is 1 February (stored 45323),
the engine's 2 January (45293); a German Excel's TEXT(A1,"MMMM") is "März", the engine's "March"; FIXED, DOLLAR and
"&" give "1.234,57", "1.234,57 €", "Churn 1,5%". Recalc wrote the en-US values over Excel's, status ok, nothing
listed (H67 finding 06). Where the stored value differs from the engine's as only a locale makes it differ, the cell
keeps Excel's value and is listed (kept), naming the text read or what differs; its dependents are computed from it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _saved_by_excel(tmp_path: Path, inputs: dict[str, object], cells: dict[str, tuple[str, object]]) -> Path:
    """A workbook whose formula cells store the values an Excel computed (``cells``: ref -> (formula, value))."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for ref, value in inputs.items():
        ws[ref] = value
    for ref, (formula, _) in cells.items():
        ws[ref] = formula
    wb.save(tmp_path / "t.xlsx")
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(tmp_path / "t.xlsx") as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for ref, (_, value) in cells.items():
                    kind = ' t="str"' if isinstance(value, str) else ""
                    shown = value if isinstance(value, str) else repr(value)
                    text = re.sub(
                        rf'<c r="{ref}"(.*?)><f>(.*?)</f><v\s*/>',
                        rf'<c r="{ref}"\1{kind}><f>\2</f><v>{shown}</v>',
                        text,
                    )
                data = text.encode()
            zout.writestr(item, data)
    return path


def _recalc(tmp_path: Path, path: Path) -> tuple[object, dict]:
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return report, ws


def test_day_first_date_texts_keep_excels_dates_and_are_listed(tmp_path: Path) -> None:
    inputs = {"A1": "01/02/2024", "A2": "15/01/2024", "A3": "05/03/2024", "C1": 45323, "C2": 45323, "C3": 45293}
    cells = {
        "B1": ("=DATEVALUE(A1)", 45323),  # 1 Feb 2024, as a UK Excel reads 01/02/2024
        "B2": ("=DATEVALUE(A2)", 45306),
        "B3": ("=A3+0", 45356),
        "B4": ("=MONTH(DATEVALUE(A1))", 2),
        "B5": ("=SUMPRODUCT((MONTH(DATEVALUE(A1:A3))=2)*1)", 1),
        "B6": ('=COUNTIF(C1:C3,"01/02/2024")', 2),  # C1:C3 are dates: 1 Feb, 1 Feb, 2 Jan
        "B7": ('=COUNTIFS(C1:C3,">=01/02/2024")', 2),
        "B8": ("=B1+1", 45324),  # reads a kept cell: computed from Excel's value
        "B9": ("=C1+1", 45324),  # no text read: computed, not listed
    }
    report, ws = _recalc(tmp_path, _saved_by_excel(tmp_path, inputs, cells))
    assert report.status == "ok", report.message
    listed = {u.address: u for u in report.unsupported}
    assert sorted(listed) == [f"S!B{i}" for i in range(1, 8)]
    assert all(u.kept and u.function == "locale" for u in listed.values())
    assert listed["S!B1"].reason.startswith("reads the text '01/02/2024' (S!A1), which Excel reads by its language")
    assert "Excel stored 45323, where the embedded engine" in listed["S!B1"].reason
    assert "gives 45293" in listed["S!B1"].reason
    assert "gives #VALUE!" in listed["S!B2"].reason
    assert listed["S!B6"].reason.startswith("reads the text '01/02/2024' (in the formula)")
    got = [ws[f"B{i}"].value for i in range(1, 10)]
    assert got == [45323, 45306, 45356, 2, 1, 2, 2, 45324, 45324]


def test_texts_in_another_languages_names_and_separators_are_kept(tmp_path: Path) -> None:
    inputs = {"A1": 45352, "A2": 1234.567, "A3": 1.5, "A4": "1,5", "A5": "1.234,50", "A6": 1.5}  # 45352: 1 March 2024
    cells = {
        "B1": ('=TEXT(A1,"MMMM")', "März"),  # a German Excel
        "B2": ('=TEXT(A1,"MMMM")&" "&YEAR(A1)', "März 2024"),
        "B3": ('=TEXT(A1,"mmmm")', "mars"),  # a French Excel
        "B4": ('="Churn "&A3&"%"', "Churn 1,5%"),
        "B5": ("=FIXED(A2,2)", "1.234,57"),
        "B6": ("=DOLLAR(A2)", "1.234,57 €"),
        "B7": ("=A4*2", 3),
        "B8": ("=VALUE(A5)", 1234.5),
        "B9": ('=TEXT(A1,"MMMM")', "March"),  # en-US's own value: computed
        "B10": ('="x"&A6', "x2"),  # differs, not by a locale (stale): computed, not listed; A6 read by no kept cell
    }
    report, ws = _recalc(tmp_path, _saved_by_excel(tmp_path, inputs, cells))
    assert report.status == "ok", report.message
    listed = {u.address: u for u in report.unsupported}
    assert sorted(listed, key=lambda a: int(a[3:])) == [f"S!B{i}" for i in range(1, 9)]
    assert all(u.kept for u in listed.values())
    assert listed["S!B1"].reason == (
        "Excel stored 'März' where the embedded engine, which computes as an en-US Excel, gives 'March': they differ "
        "only by the month or day names of the language of the Excel that saved the file, which the file does not "
        "name; Excel's value is kept"
    )
    assert "decimal and thousands separators or currency" in listed["S!B6"].reason
    assert listed["S!B7"].reason.startswith("reads the text '1,5' (S!A4)")
    got = [ws[f"B{i}"].value for i in range(1, 11)]
    assert got == ["März", "März 2024", "mars", "Churn 1,5%", "1.234,57", "1.234,57 €", 3, 1234.5, "March", "x1.5"]


def test_a_workbook_without_excels_values_lists_a_date_two_locales_read_as_two_days(tmp_path: Path) -> None:
    # written by a script: no stored value to keep. '01/02/2024' is 2 January to an en-US Excel, 1 February to a
    # day-first one (H151's finding 01: was computed en-US, status ok): listed, not computed. '1/15/2024', a date only
    # month first, is no date to a day-first Excel (month 15): listed too, as its mirror '15/01/2024' is (H543's
    # finding 03: it was computed as en-US under ok; tests/test_recalc_locale_unstored.py has the rest).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"] = "01/02/2024", "1/15/2024"
    ws["B1"], ws["B2"] = "=DATEVALUE(A1)", "=DATEVALUE(A2)"
    wb.save(tmp_path / "book.xlsx")
    report, out = _recalc(tmp_path, tmp_path / "book.xlsx")
    assert report.status == "incomplete"
    listed = [(u.address, u.function, u.kept) for u in report.unsupported]
    assert listed == [("S!B1", "locale", False), ("S!B2", "locale", False)]
    assert "an en-US Excel gives 45306, a day-first Excel #VALUE!;" in report.unsupported[1].reason
    assert (out["B1"].value, out["B2"].value) == (None, None)
