"""An ISO 8601 timestamp typed as text with its "T" ("2026-01-31T10:00:00") is text to Excel (H199's finding 08).

Excel reads no such form as a date: typed in, it stays text, and DATEVALUE and arithmetic give #VALUE! (whence the
usual ``DATEVALUE(LEFT(A1,10))+TIMEVALUE(MID(A1,12,8))``). The engine's arithmetic and DATEVALUE read it as the date
and time, 46053.4167, so ``=IFERROR(A1+0,"not a date")`` and ``=ISNUMBER(--A1)`` took the other branch than Excel,
status ok. The same text with a space is a date and time to both; with a trailing Z text to both.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated


def test_the_iso_t_form_is_text(tmp_path: Path) -> None:
    cells = {
        "A1": "2026-01-31T10:00:00",
        "A2": "2026-01-31T10:00:00Z",
        "A3": "2026-01-31 10:00:00",
        "B1": "=A1+0",
        "B2": "=A2+0",
        "B3": "=A3+0",
        "C1": "=DATEVALUE(A1)",
        "D1": "=ISNUMBER(--A1)",
        "E1": '=IFERROR(A1+0,"not a date")',
        "F1": "=DATEVALUE(LEFT(A1,10))+TIMEVALUE(MID(A1,12,8))",
        "G1": '=DATEVALUE("2026-01-31T10:00")',
    }
    got = recalculated(tmp_path, cells)
    assert [got[ref] for ref in ("B1", "B2", "C1", "D1", "E1", "G1")] == [
        "#VALUE!",
        "#VALUE!",
        "#VALUE!",
        False,
        "not a date",
        "#VALUE!",
    ]
    assert abs(got["B3"] - (46053 + 10 / 24)) < 1e-9 and abs(got["F1"] - (46053 + 10 / 24)) < 1e-9
