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


def test_functions_reading_text_as_a_number_read_only_plain_numbers(tmp_path: Path) -> None:
    # the same reading where our functions take a number given as text (_core.plain_number): IPMT's and PMT's present
    # value "1_000" was 1000 (-100, -402.11), DATEVALUE("1_000") 1000 and FV's "inf" #NUM!, all with status ok
    cells: dict[str, object] = {"A1": "1_000", "A2": "inf", "A3": " 1000 "}
    cells |= {
        "B1": "=IPMT(0.1,1,3,A1)",
        "B2": "=PMT(0.1,3,A1)",
        "B3": "=DATEVALUE(A1)",
        "B4": "=FV(0.1,2,-100,A2)",
        "B5": "=ROUND(PMT(0.1,3,A3),6)",
    }
    got = recalculated(tmp_path, cells)
    assert [got[f"B{row}"] for row in range(1, 6)] == ["#VALUE!"] * 4 + [-402.114804]


def test_a_criterion_of_pythons_number_syntax_is_no_number() -> None:
    # the date-text guard of COUNTIF/SUMIF read the criterion "1_000" as the number 1000 (Python's float())
    from xl_retention.recalculation.excel_functions.criteria_date_texts import equal_number

    assert [equal_number(c) for c in ("1_000", "=1_000", "<>nan", "1000")] == [None, None, None, ("", 1000.0)]
