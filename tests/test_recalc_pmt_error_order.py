"""PMT passes on the first argument's error, as Excel reads its arguments in order (H7 finding 10).

The project's PMT read nper before rate: PMT(C1,C2,100) with C1 = 1/0 and C2 = NA() was nper's #N/A (status ok)
where Excel and LibreOffice give rate's #DIV/0!, and PMT(NA(),"a",100) #VALUE! for #N/A.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_pmt_gives_its_first_arguments_error(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "C1": "=1/0",
        "C2": "=NA()",
        "E1": "=PMT(C1,C2,100)",
        "E2": '=PMT(NA(),"a",100)',
        "E3": "=PMT(0.1,C2,C1)",
        "E4": "=PMT(0.1,0,100)",
        "E5": "=PMT(0,4,100)",
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"E{row}"] for row in range(1, 6)] == ["#DIV/0!", "#N/A", "#N/A", "#NUM!", -25]


def test_an_approximate_hlookup_or_match_gives_its_keys_error_first(tmp_path: Path) -> None:
    # the key's error before the row index's or the match type's (both #N/A here): Excel and LibreOffice #DIV/0!
    cells: dict[str, object] = {
        "A1": 1,
        "A2": 2,
        "A3": 3,
        "B1": 5,
        "C1": "=1/0",
        "C2": "=NA()",
        "E1": "=HLOOKUP(C1,A1:B3,C2)",
        "E2": "=MATCH(C1,A1:A3,C2)",
        "E3": "=HLOOKUP(1,A1:B3,2)",
        "E4": "=MATCH(2,A1:A3,B1)",
        "E5": "=HLOOKUP(1,A1:B3,C2)",
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"E{row}"] for row in range(1, 6)] == ["#DIV/0!", "#DIV/0!", 2, 2, "#N/A"]
