"""An error Excel stored where the engine, reading a locale's text as an en-US Excel, gives a number: a day-first
Excel's #VALUE! for '1/15/2025'+0 (month 15) was overwritten with the en-US 45672 under ok, nothing listed (H560's
note 1), while a stored number beside such a text was kept and listed. Now Excel's error is kept and listed as
`locale`; where the other reading gives no error either ('02/01/2024', a date to every Excel) the stored error
predates the text: stale, listed and not written, the file incomplete."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_stored, sheet_book

KEPT = (
    "reads the text '1/15/2025' (S!A1), which Excel reads by its language's date order, decimal separator, currency "
    "and month names: Excel stored #VALUE!, where the embedded engine, which reads it as an en-US Excel (month first, "
    "'.' decimal), gives 45672; Excel's value is kept"
)
STALE = (
    "reads the text '02/01/2024' (S!A1): Excel stored #VALUE!, which neither an en-US Excel (45323) nor a day-first, "
    "comma-decimal one (45293) gives for it: the file's values predate its inputs"
)


def test_a_day_first_excels_error_for_a_month_first_date_is_kept_and_listed(tmp_path: Path) -> None:
    book = sheet_book({"A1": "1/15/2025", "B1": "=A1+0", "C1": "=LEN(A1)"})
    values, report = recalc_stored(book, tmp_path, {"B1": "#VALUE!", "C1": "9"}, ["B1", "C1"])
    assert values == {"B1": "#VALUE!", "C1": 9}
    assert report.status == "ok"
    assert [(u.address, u.function, u.kept, u.reason) for u in report.unsupported] == [("S!B1", "locale", True, KEPT)]


def test_a_stored_error_no_reading_gives_is_stale(tmp_path: Path) -> None:
    book = sheet_book({"A1": "02/01/2024", "B1": "=A1+0"})
    values, report = recalc_stored(book, tmp_path, {"B1": "#VALUE!"}, ["B1"])
    assert values == {"B1": None}
    assert report.status == "incomplete"
    assert [(u.address, u.function, u.kept, u.reason) for u in report.unsupported] == [("S!B1", "locale", False, STALE)]
