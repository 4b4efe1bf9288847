"""A tracker of many months recalculates with every cell computed (the README's 36 + 12 month tracker).

17d01689 gave Lifetime value!C8 a note whose recalculation rewrite (each ROW(range) of the months written out as an
array of numbers) grew with the months: 31,668 characters at 36 months, 36,276 at 48, past what the embedded engine
takes, so a 48-month tracker's recalc was `incomplete` naming C8 (found by the README's own commands; reverted).
C5 did alike from bf374dce: 240 months `incomplete` naming it. Each month range's rows are now ROW(INDEX(range,0)),
computed whatever the months (36, 48, 120 and 240 here).
"""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention import recalc
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import (
    LIFETIME_NOTE_C5,
    LIFETIME_NOTE_C5_ROWS,
    LIFETIME_NOTE_C8,
    LIFETIME_NOTE_C8_ROWS,
    LIFETIME_NOTE_C8_UNNAMED,
)
from xl_retention.workbook.upgrade_file import earlier_template_line, upgrade_workbook


@pytest.mark.parametrize("months", [36, 48, 120, pytest.param(240, marks=pytest.mark.slow)])
def test_an_empty_tracker_of_many_months_is_computed_whole(tmp_path, months: int) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=months)
    report = recalc(path, output_dir=tmp_path / "out")
    (file,) = report.files
    assert (file.status, file.unsupported, file.errors) == ("ok", [], [])


@pytest.mark.parametrize(
    ("ref", "earlier", "current"),
    [("C5", LIFETIME_NOTE_C5_ROWS, LIFETIME_NOTE_C5), ("C8", LIFETIME_NOTE_C8_ROWS, LIFETIME_NOTE_C8)],
)
def test_a_notes_form_that_grew_with_the_months_is_named_and_upgraded(tmp_path, ref, earlier, current) -> None:
    """C5 before 2026-12-04 (a 240-month tracker's recalc `incomplete` naming it) and 17d01689's C8: recalc names
    them, upgrade writes this version's (each month range's rows as ROW(INDEX(range,0)): the same rows)."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    # (the rows C8 repeats are a named formula since H303: LIFETIME_NOTE_C8_UNNAMED is C8 before)
    assert "ROW(INDEX(Revenue_End,0))" in LIFETIME_NOTE_C8_UNNAMED and "ROW(Revenue_End)" in LIFETIME_NOTE_C8_ROWS
    wb = openpyxl.load_workbook(path)
    assert wb["Lifetime value"][ref].value == current != earlier
    wb["Lifetime value"][ref] = earlier
    wb.save(path)
    assert f"'Lifetime value'!{ref}" in earlier_template_line(path)
    assert upgrade_workbook(path).upgraded == [f"'Lifetime value'!{ref}"]
    assert openpyxl.load_workbook(path)["Lifetime value"][ref].value == current
    assert earlier_template_line(path) is None
