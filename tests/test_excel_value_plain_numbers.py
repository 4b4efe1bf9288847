"""VALUE of a text Python's float() reads and Excel does not: "1_000" was 1000, "nan", "inf" and "1E400" #NUM! (status
ok). Microsoft's VALUE page: text in none of the constant number, date or time formats Excel recognizes gives #VALUE!
(a number too large for a double is no constant Excel types: the cell keeps the text)."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated


def test_value_reads_only_the_numbers_excel_types(tmp_path: Path) -> None:
    texts = ["1_000", "nan", "inf", "-Infinity", "1E400", "1e308", " -.5 ", "+3E2"]
    cells: dict[str, object] = {f"A{row}": text for row, text in enumerate(texts, start=1)}
    cells |= {f"B{row}": f"=VALUE(A{row})" for row in range(1, len(texts) + 1)}
    cells |= {"C1": "=ERROR.TYPE(VALUE(A2))", "C2": "=IFERROR(VALUE(A1),-1)"}
    got = recalculated(tmp_path, cells)
    assert [got[f"B{row}"] for row in range(1, len(texts) + 1)] == ["#VALUE!"] * 5 + [1e308, -0.5, 300]
    assert (got["C1"], got["C2"]) == (3, -1)
