"""Times typed as text read by arithmetic as Excel reads them (VALUE's reading, text.text_to_number): pycel's text.xlsx
saved by Excel (its TextNumbers sheet's stored values) keeps "24:99" as text in TEXT (no hour above 23 with minutes
above 59; "24:00" alone is an elapsed time, 1) and reads
"0:0:9999" and minutes and seconds "23:59.012345". The engine read "24:00" as 0 and "1/31/2024 24:00" as the day's
start, "0:0:60" as 59 seconds, and gave #VALUE! for "23:59.5", all with status ok."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated


def test_time_texts_in_arithmetic_are_read_as_value_reads_them(tmp_path: Path) -> None:
    got = recalculated(
        tmp_path,
        {
            "A1": "24:00",
            "A2": "1/31/2024 24:00",
            "A3": "0:0:60",
            "A4": "23:59.5",
            "A5": "23:99",
            "C1": "=A1+0",
            "C2": "=A2*1",
            "C3": "=ROUND(A3*86400,6)",
            "C4": "=ROUND(A4*86400,6)",
            "C5": '="24:00:00"+0',
            "C6": "=ROUND(A5*1440,6)",
            "C7": "=ROUND(VALUE(A3)*86400,6)",
        },
    )
    # "24:00" alone is an elapsed time, 1 day (as Excel reads it typed in a cell; was #VALUE! here until H187's finding
    # 01: tests/test_recalc_elapsed_and_fraction_texts.py); after a date it stays #VALUE!
    assert [got[f"C{row}"] for row in range(1, 8)] == [1, "#VALUE!", 60, 1439.5, 1, 1479, 60]
