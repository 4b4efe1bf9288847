"""A reason told by what the evaluation saw (a text cut through an emoji, a double-byte text given a byte function)
is the file's own: the counters were the process's and never reset, so after one file cut an emoji, every later
formula holding LEFT or MID refused for another cause was told it cut an emoji in half (H581's finding 03)."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

from xl_retention.recalculation.refused_cases import refused_case


def test_a_later_file_is_not_told_an_earlier_files_cut(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    report, _ = recalc_sheet(first, {"A1": "\U0001f44d Great", "B1": "=LEFT(A1,1)"})
    assert [u.function for u in report.unsupported] == ["LEFT"]
    assert refused_case("=LEFT(A1,2)&SUM(B1:B2)") == ("LEFT", refused_case("=LEFT(A1,1)", only="LEFT")[1])
    report, _ = recalc_sheet(second, {"A1": "abc", "B1": "=LEFT(A1,1)"})
    assert report.status == "ok"
    assert refused_case("=LEFT(A1,2)&SUM(B1:B2)") is None
