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
