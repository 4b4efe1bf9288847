"""A date typed as text that only an en-US Excel reads ('1/15/2025': month 15 is no month to a day-first Excel), read
by a formula in a file storing no value of Excel's (H543's finding 03).

Its mirror, '13/01/2025' (#VALUE! en-US, 13 January day-first), is listed as `locale` with both values
(tests/test_recalc_locale_value_errors.py): the file does not record which Excel opens it. '1/15/2025' was computed
as an en-US Excel reads it (45672) under status ok, silently wrong for a day-first user, whose Excel gives #VALUE!.
It is now listed the same way, with both values: read from a cell, through another cell, typed in the formula, with a
time, Excel's 29 February 1900. A text both Excels read alike ('05/05/2025', '2025-01-15', '2025/1/15'), a date
without its year ('1/15'), a date before 1900 (no date to either), and a formula whose value does not depend on the
reading (LEN, ISTEXT, the text passed on, the text compared with the same text) are computed as before.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

from xl_retention.recalculation.typed_text_inputs import _read

_MONTH_FIRST = "an en-US Excel gives {us}, a day-first Excel #VALUE!;"


def test_a_date_only_an_en_us_excel_reads_is_listed_with_both_values(tmp_path: Path) -> None:
    cells = {
        "A1": "13/01/2025",
        "A2": "1/15/2025",
        "A3": "12/31/25 9:30 PM",
        "A4": "2/29/1900",
        "A5": "05/05/2025",
        "A6": "2025/1/15",
        "A7": "1/15/1899",
        "B1": "=A1+0",
        "B2": "=A2+0",
        "B3": "=DATEVALUE(A3)",
        "B4": "=A4+0",
        "B5": "=A5+0",
        "B6": "=A6+0",
        "B7": "=ISERROR(A7+0)",
        "C1": "=DATEVALUE(A2)",
        "C2": "=A2",
        "C3": "=C2+1",
        "C4": '=DATEVALUE("1/15/2025")',
        "C5": "=LEN(A2)",
        "C6": "=ISTEXT(A2)",
        "C7": '=A2="1/15/2025"',
        "C8": '="2025-01-15"+0',
    }
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "incomplete"
    listed = {u.address: u.reason for u in report.unsupported if u.function == "locale"}
    assert sorted(listed) == ["S!B1", "S!B2", "S!B3", "S!B4", "S!C1", "S!C3", "S!C4"]
    assert all(not u.kept for u in report.unsupported)
    assert listed["S!B2"].startswith("reads the text '1/15/2025' (S!A2), which Excel reads by the date order")
    assert _MONTH_FIRST.format(us=45672) in listed["S!B2"]  # 15 January 2025
    assert _MONTH_FIRST.format(us=45672) in listed["S!C1"]
    assert _MONTH_FIRST.format(us=45673) in listed["S!C3"] and "(S!A2)" in listed["S!C3"]  # =C2+1
    assert listed["S!C4"].startswith("holds the text '1/15/2025' (in the formula)")
    assert _MONTH_FIRST.format(us=45672) in listed["S!C4"]
    assert _MONTH_FIRST.format(us=46022) in listed["S!B3"]  # 31 December 2025: DATEVALUE drops the time
    assert _MONTH_FIRST.format(us=60) in listed["S!B4"]  # Excel's 29 February 1900
    assert "an en-US Excel gives #VALUE!, a day-first Excel 45670;" in listed["S!B1"]  # the mirror, as before
    for ref in ("B1", "B2", "B3", "B4", "C1", "C3", "C4"):
        assert ref not in values  # listed: not computed, no value written
    assert {ref: values[ref] for ref in ("B5", "B6", "B7", "C2", "C5", "C6", "C7", "C8")} == {
        "B5": 45782,  # 5 May 2025 in both
        "B6": 45672,  # year first: read alike
        "B7": True,  # before 1900: no date to either
        "C2": "1/15/2025",
        "C5": 9,
        "C6": True,
        "C7": True,
        "C8": 45672,
    }


def test_a_typed_input_reads_no_date_to_a_day_first_excel() -> None:
    # the words of a tracker's count typed as '1/15/2025': no ISO reading of the engine's is named as the UK's date
    assert _read("date", "1/15/2025", 45672.0) == (
        "an en-US Excel reads it as 45672, 2025-01-15; a day-first Excel as no date"
    )
    assert _read("date", "01/02/2025", 45659.0) == (
        "an en-US Excel reads it as 45659, 2025-01-02; a day-first Excel as 2025-02-01"
    )
