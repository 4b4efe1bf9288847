"""A count typed as a time in Excel or pasted as a date-time text is named, each by one line (H426's F12, F7).

1:30 typed in Excel into Customers!C3 (a ``datetime.time`` under ``h:mm``) was read as 0.0625 customers gained with
status ok and nothing named (typed_over names the text '1:30', never a time value); the text '1/2 10:00' there was
skipped by both locale_inputs_line and misread_inputs, so "22 cells could not be recalculated (unsupported locale)"
named no cell nor its readings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json

import openpyxl
import pytest
from openpyxl.utils.datetime import to_excel

from xl_retention import cli
from xl_retention.workbook import build_template

GAINED = "Customers!C3 (Gained (new + reactivated))"


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    """recalc's status and message for the tracker with C3 typed as a time, and with C3 the text '1/2 10:00'."""
    folder = tmp_path_factory.mktemp("h431_counts")
    build_template(folder / "t.xlsx", start="2026-01", months=4)
    for name, value in (("typed", dt.time(1, 30)), ("pasted", "1/2 10:00")):
        wb = openpyxl.load_workbook(folder / "t.xlsx")
        sheet = wb["Customers"]
        for ref, v in {"B2": 100, "C2": 20, "D2": 110, "C3": value, "D3": 118, "C4": 12, "D4": 121}.items():
            sheet[ref] = v
        if name == "typed":
            sheet["C3"].number_format = "h:mm"
        wb.save(folder / f"{name}.xlsx")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["recalc", str(folder / "typed.xlsx"), str(folder / "pasted.xlsx"), "--json", "--output-dir",
                  str(folder / "out")])  # fmt: skip
    files = json.loads(out.getvalue())["files"]
    return {f["path"].rsplit("/", 1)[-1]: (f["status"], f.get("message") or "") for f in files}


def test_time_typed_in_a_count_is_named(messages: dict[str, tuple[str, str]]) -> None:
    status, message = messages["typed.xlsx"]
    assert status == "incomplete"
    assert message.split("; ")[0] == (
        f"typed.xlsx: {GAINED} is the time 1:30, no number (Excel reads it as 0.0625): the tracker computes the "
        "month's figures, and those read from them, from that number: type the figure as a number there (and set "
        "the cell's format to Number)"
    )
    assert message.count("Customers!C3 ") == 1


def test_date_time_text_in_a_count_is_named_with_both_readings(messages: dict[str, tuple[str, str]]) -> None:
    status, message = messages["pasted.xlsx"]
    assert status == "incomplete"
    year = dt.date.today().year  # a date without its year is this year's, as Excel reads it
    serial = to_excel(dt.datetime(year, 1, 2, 10, 0))
    locale = (
        f"{GAINED} is the text '1/2 10:00': type it as a number there (an en-US Excel reads it as {serial:.10g}, "
        f"{year}-01-02 10:00; a day-first Excel as {year}-02-01 10:00; the file does not say which reading its Excel "
        "takes, so the formulas reading it are not recalculated)"
    )
    assert f"pasted.xlsx: {locale}; " in message
    assert message.count("day-first") == 1
    assert "is the date '1/2 10:00'" not in message  # misread_inputs leaves it to this line: not said twice
