"""ISFORMULA and FORMULATEXT with spaces or line breaks: Microsoft's FORMULATEXT page says it "returns what is
displayed in the formula bar" for the referenced cell, which shows a formula's spaces and line breaks as typed (Excel
stores them in the file as typed). FORMULATEXT gave each run of them as one (``=A1  +\\n\\n B1`` as "=A1 +\\nB1"),
status ok; and ``ISFORMULA( A6 )`` / ``FORMULATEXT(\\nA6)``, with whitespace inside the brackets, were refused as
formulas the engine cannot compute."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_formula_facts_keep_and_allow_spaces_and_line_breaks(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": 2,
        "B1": 3,
        "A6": "=A1  +\n\n B1",
        "A7": '=_xlfn.CONCAT( "a  b",\n A1 )',
        "C1": "=_xlfn.FORMULATEXT(A6)",
        "C2": "=_xlfn.FORMULATEXT( A7 )",
        "C3": "=_xlfn.ISFORMULA( A6 )",
        "C4": "=_xlfn.ISFORMULA(\nA1\n)",
        "C5": "=IF( _xlfn.ISFORMULA( A6 ), LEN(_xlfn.FORMULATEXT(\tA6 )), 0 )",
        "C6": "=_xlfn.FORMULATEXT( B1 )",
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"C{row}"] for row in range(1, 7)] == [
        "=A1  +\n\n B1",
        '=CONCAT( "a  b",\n A1 )',
        True,
        False,
        11,
        "#N/A",
    ]


def test_formulatext_of_a_range_reads_its_upper_left_cell(tmp_path: Path) -> None:
    # Microsoft's FORMULATEXT page: a range, whole columns or rows give "the value in the upper left cell"; the call
    # was refused as one the engine cannot compute. ISFORMULA of a range (not documented) is still refused.
    cells: dict[str, object] = {
        "A1": "=1+1",
        "A2": 3,
        "B2": "=A2*2",
        "D1": "=_xlfn.FORMULATEXT(A1:A3)",
        "D2": "=_xlfn.FORMULATEXT(S!$B$2:$C$9)",
        "D3": "=_xlfn.FORMULATEXT(A:A)",
        "D4": "=_xlfn.FORMULATEXT(2:2)",
        "D5": "=_xlfn.ISFORMULA(A1:A3)",
        "D6": "=_xlfn.FORMULATEXT(Block)",
        "D7": "=_xlfn.ISFORMULA(One)",
        "D8": "=_xlfn.ISFORMULA(Value)",
    }
    names = {"Block": "S!$B$2:$C$4", "One": "S!$A$1", "Value": "S!$A$2"}  # a defined name: its range, its cell
    result, values = recalc_sheet(tmp_path, cells, names=names)
    expected = ["=1+1", "=A2*2", "=1+1", "#N/A", "=A2*2", True, False]
    assert [values[f"D{row}"] for row in (1, 2, 3, 4, 6, 7, 8)] == expected
    assert [u.address for u in result.unsupported] == ["S!D5"]
