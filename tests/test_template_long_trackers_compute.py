"""A tracker of many months recalculates with every cell computed (the README's 36 + 12 month tracker).

17d01689 gave Lifetime value!C8 a note whose recalculation rewrite (each ROW(range) of the months written out as an
array of numbers) grew with the months: 31,668 characters at 36 months, 36,276 at 48, past what the embedded engine
takes, so a 48-month tracker's recalc was `incomplete` naming C8 (found by the README's own commands; reverted).
"""

from __future__ import annotations

import pytest

from xl_retention import recalc
from xl_retention.workbook import build_template


@pytest.mark.parametrize("months", [48, 120])
def test_an_empty_tracker_of_many_months_is_computed_whole(tmp_path, months: int) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=months)
    report = recalc(path, output_dir=tmp_path / "out")
    (file,) = report.files
    assert (file.status, file.unsupported, file.errors) == ("ok", [], [])
