"""TEXT with the computer's date or time format (``[$-F800]``, ``[$-F400]``, ``[$-x-sysdate]``, ``[$-x-systime]``:
Format Cells' "*Wednesday, March 14, 2012" and "*1:30:55 PM", which follow the regional settings) is listed, not
written as the codes after the tag read in en-US (H543's finding 04: '2026-01-05', '6:00:00 PM' under ``ok``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_text_with_the_computers_date_or_time_format_is_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = dt.datetime(2026, 1, 5), 0.75
    sheet["B1"] = '=TEXT(A1,"[$-F800]yyyy-mm-dd")'
    sheet["B2"] = '=TEXT(A2,"[$-F400]h:mm:ss AM/PM")'
    sheet["B3"] = '=TEXT(A1,"[$-x-sysdate]yyyy")'
    sheet["B4"] = '=TEXT(A2,"[$-x-systime]hh:mm")'
    sheet["B5"] = '=TEXT(A1,"[$-409]yyyy-mm-dd")'  # a language's tag: en-US, computed
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    listed = {u.address: u.reason for u in report.unsupported}
    assert sorted(listed) == ["S!B1", "S!B2", "S!B3", "S!B4"]
    assert listed["S!B2"] == (
        "TEXT's format \"[$-F400]h:mm:ss AM/PM\" holds the tag [$-F400], the computer's time format: Excel shows it as "
        "the regional settings of the computer that opens the file write it, whatever codes follow the tag (Format "
        "Cells marks it with *), and the file does not record those settings"
    )
    assert "the tag [$-x-sysdate], the computer's long date format" in listed["S!B3"]
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]["B5"].value == "2026-01-05"
