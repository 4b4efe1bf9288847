"""An error typed over the churn rate of a month with no figures (H248's task 2): #N/A typed in Customers!G6, the row
after November's, the newest month with figures. Lifetime value!B5 is that error (a churn rate of the last 12 months
in error), and C5 sent the user to a cell with nothing to type in: "see Customers!B6: a churn rate of the last 12
months is an error from that cell (blank, ...); fill or correct it there." (December's customers at start, blank as
the whole month is; for #N/A in G7, "Customers!D6", the month before's customers at end). C5 now names G6 itself, the
cell typed over. The Dashboard dates the CLV in error by the month of its error (December), as before; the rate of
a month with figures typed as #N/A is named as before (G5)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file

sys.path.insert(0, str(Path(__file__).parent))
from test_h242_lifetime_churn_typed_as_text import _tracker  # noqa: E402

UNTYPED = (
    ": that month has no figures (customers at start, gained and at end blank), but its churn rate holds an error "
    "typed over its formula; copy the column's formula back there (blank until the month is typed)."
)
IN_ERROR = (
    ": a churn rate of the last 12 months is an error from that cell (blank, text that is no number, an error, or "
    "figures that cannot be); fill or correct it there."
)


@pytest.mark.parametrize(
    ("ref", "note", "month"),
    [
        ("G6", "see Customers!G6" + UNTYPED, dt.datetime(2026, 12, 1)),
        ("G7", "see Customers!G7" + UNTYPED, dt.datetime(2027, 1, 1)),
        ("G5", "see Customers!G5" + IN_ERROR, dt.datetime(2026, 11, 1)),  # November has figures: as before
    ],
)
def test_the_note_names_the_churn_rate_typed_over(tmp_path, ref, note, month):
    path = _tracker(tmp_path, None)
    wb = openpyxl.load_workbook(path)
    wb["Customers"][ref] = "#N/A"  # an error value, as typed in Excel
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    done = openpyxl.load_workbook(report.output, data_only=True)
    lifetime, dashboard = done["Lifetime value"], done["Dashboard"]
    assert (lifetime["B5"].value, lifetime["C5"].value) == ("#N/A", note)
    assert (dashboard["B9"].value, dashboard["C9"].value) == ("see 'Lifetime value'!B8", month)
    assert any(issue.address == "'Lifetime value'!B5" and issue.reason.startswith(note) for issue in report.errors)


def test_upgrade_brings_the_note_that_named_the_blank_start_up(tmp_path):
    from xl_retention.workbook import sheets  # noqa: PLC0415 (the earlier form: new with the fix)
    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    path = _tracker(tmp_path, None)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C5"] = sheets.LIFETIME_NOTE_C5_UNTYPED_UNSAID
    wb.save(path)
    upgrade_workbook(path)
    assert openpyxl.load_workbook(path)["Lifetime value"]["C5"].value == sheets.LIFETIME_NOTE_C5
