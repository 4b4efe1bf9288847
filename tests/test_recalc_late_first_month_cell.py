"""A late first month (Revenue's figures start in row 7, the months above left blank) without its MRR at start: the
reason names the cell to type, Revenue!B7, not "there" (a tester's finding 7, 2026-12-04)."""

from __future__ import annotations

from pathlib import Path

from typed_tracker import new_tracker_reasons


def test_the_reason_names_the_start_to_type(tmp_path: Path) -> None:
    typed = {"Revenue": {"C7": 100, "G7": 20}}  # new and churned MRR in June, no MRR at start
    reasons = new_tracker_reasons(tmp_path, typed, start="2025-01", months=12)
    assert reasons["Revenue!H7"] == (
        "Revenue!B7 (MRR at start) is blank: no month before has an MRR at end and this one has churned, contraction "
        "or expansion MRR, which an MRR at start of 0 cannot have: type its MRR at start in Revenue!B7 (#VALUE!)"
    )
