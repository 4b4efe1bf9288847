"""Exact-match lookups as Excel matches numbers (H7's fuzz finding f10): 5E-17 is not 0.

The workbook is built with openpyxl, recalculated with the embedded engine (``recalc_file``) and read back.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated as _recalculated

from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments


def test_exact_lookups_tell_tiny_numbers_from_zero(tmp_path: Path) -> None:
    # Excel's exact match (MATCH match_type 0, VLOOKUP/HLOOKUP range_lookup FALSE, XLOOKUP/XMATCH match_mode 0)
    # finds the first value equal to the key: MATCH(0,{5E-17;0},0) is 2. The engine took numbers within 1E-12
    # of each other as equal and found 5E-17 (or a probability of 1E-13 for 2E-13) first. Numbers equal only at 15
    # digits do not match either ("for match and lookup functions, Excel compares the exact binary value": 0.1+0.2
    # does not find 0.3, where =0.1+0.2=0.3 is TRUE; H2 F22); text, logicals and misses are unchanged.
    got = _recalculated(
        tmp_path,
        {
            "A1": 5e-17,
            "A2": 0,
            "B1": "residual",
            "B2": "zero",
            "D1": 5e-17,
            "E1": 0,
            "D2": "r",
            "E2": "z",
            "F1": 1e-13,
            "F2": 5e-13,
            "F3": 2e-13,
            "G1": "=0.1+0.2",
            "G2": "pt3",
            "H1": "a",
            "H2": True,
            "C1": "=MATCH(0,A1:A2,0)",
            "C2": "=VLOOKUP(0,A1:B2,2,FALSE)",
            "C3": "=_xlfn.XLOOKUP(0,A1:A2,B1:B2)",
            "C4": "=HLOOKUP(0,D1:E2,2,FALSE)",
            "C5": "=_xlfn.XMATCH(0,A1:A2)",
            "C6": "=MATCH(MAX(F1:F3),F1:F3,0)",
            "C7": "=MATCH(2E-13,F1:F3,0)",
            "C8": "=MATCH(0.3,G1:G1,0)",
            "C9": "=VLOOKUP(0.3,G1:G2,1,FALSE)",
            "C10": '=MATCH("A",H1:H2,0)',
            "C11": "=MATCH(TRUE,H1:H2,0)",
            "C12": "=MATCH(7,A1:A2,0)",
            "C13": '=_xlfn.XLOOKUP(7,A1:A2,B1:B2,"none")',
            "C14": "=IFERROR(MATCH(1E-200,A1:A2,0),-1)",
            "C15": "=COUNTIF(A1:A2,0)",
        },
    )
    assert [got[f"C{i}"] for i in range(1, 16)] == [
        2, "zero", "zero", "z", 2, 2, 3, "#N/A", "#N/A", 1, 2, "#N/A", "none", -1, 1
    ]  # fmt: skip


def test_exact_lookups_keep_the_engines_answer_and_check_it() -> None:
    # the engine's exact call stays the answer when the value it found is the key at 15 digits; a key that is an
    # array (or a range the engine intersects) stays with the engine as before
    assert rewrite_arguments("=MATCH(A3,A1:A2,0)") == (
        "=IF(_XLR.SAME(A3,INDEX(A1:A2,MATCH(A3,A1:A2,0))),MATCH(A3,A1:A2,0),_XLR.MATCH(A3,A1:A2,0))"
    )
    assert rewrite_arguments('=MATCH("x",A1:A2,0)') == '=MATCH("x",A1:A2,0)'
    assert rewrite_arguments("=SUM(MATCH(B1:B2,A1:A2,0))") == "=SUM(MATCH(B1:B2,A1:A2,0))"
