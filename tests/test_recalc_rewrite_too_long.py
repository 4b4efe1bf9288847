"""A formula whose rewrite for the embedded engine is longer than the engine reads (65,536 bytes, 16,384 tokens) is
listed with that reason: ten uses of a named dynamic range (``Dyn = OFFSET(S!$A$1,0,0,COUNTA(S!$A:$A),1)``), each
written in where it is used, gave 16,385+ tokens, and the cell was listed as asking SEQUENCE "for fewer than one row
or column here (0, a blank cell, a negative number)", which it does not. Five uses are computed (10, as Excel)."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

USE = "IFERROR(LOOKUP(2,1/ISTEXT(Dyn),ROW(INDEX(Dyn,0))),0)"  # the row of the last text of Dyn: 2
NAMES = {"Dyn": "OFFSET(S!$A$1,0,0,COUNTA(S!$A:$A),1)"}


def test_a_rewrite_past_the_engines_limit_is_named_so(tmp_path: Path) -> None:
    cells = {"A1": 1, "A2": "x", "A3": 3, "C1": "=" + "+".join([USE] * 10)}
    report, values = recalc_sheet(tmp_path, cells, NAMES)
    assert report.status == "incomplete"
    assert "C1" not in values
    assert [(u.address, u.function, u.reason) for u in report.unsupported] == [
        (
            "S!C1",
            "formula",
            "written out in the forms the embedded engine computes (each name put in, arrays and lookups spelled "
            "out), this formula is longer than the engine reads (its token limit of 16,384 exceeded), so it is not "
            "computed; split it over several cells (=IFERROR(LOOKUP(2,1/ISTEXT(Dyn),ROW(INDEX(Dyn,0))),0)+IFER...)",
        )
    ]


def test_five_uses_are_computed(tmp_path: Path) -> None:
    report, values = recalc_sheet(tmp_path, {"A1": 1, "A2": "x", "A3": 3, "C1": "=" + "+".join([USE] * 5)}, NAMES)
    assert (report.status, values["C1"]) == ("ok", 10)
