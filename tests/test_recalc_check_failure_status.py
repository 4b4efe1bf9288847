"""A check that fails after the workbook was written never leaves the file's status ``ok``.

``recalc_file`` set the status to ``ok`` once the values were written, then ran the tracker's checks (values typed
over formulas, input its formulas do not read); an exception in one of them became the report's message while the
status stayed ``ok`` (H123 saw it: "ok" beside an import error). The check is made to fail here by replacing it:
no real input makes a check raise on purpose.
"""

from __future__ import annotations

from pathlib import Path

import xl_retention.workbook.checks as checks
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def test_a_check_that_raises_fails_the_file(tmp_path: Path, monkeypatch) -> None:
    build_template(tmp_path / "t.xlsx", start="2026-01", months=3)

    def broken(path: object, given: object = None) -> None:
        raise RuntimeError("the check could not read the workbook")

    monkeypatch.setattr(checks, "unread_input", broken)
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.message) == ("failed", "t.xlsx: the check could not read the workbook")
