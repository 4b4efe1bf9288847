"""TEXTJOIN and CONCAT in a classic (non-array) formula: a range is joined whole, an expression over a range is read in
the formula's own row, as SUM reads one (implicit intersection). Excel's function table gives their texts the value
class (SUMPRODUCT's arguments the array class) and LibreOffice computes them so; recalc took them as array arguments
and joined every row, status ok: ``=TEXTJOIN(",",TRUE,E1:E3*100)`` in row 2 was ``90,93.6,91.5`` for ``93.6``,
``#VALUE!`` in row 20 (H313's finding 06). Entered as an array formula, each cell is joined."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from one_sheet import recalc_sheet  # noqa: E402

CRR = {"E1": 0.9, "E2": 0.936, "E3": 0.915}
OUTSIDE = (
    "E1:E3 is read as one value, the cell of S!E1:E3 in the formula's own row (a classic, non-array formula's implicit"
    " intersection), and S!{cell} is in row {row}, outside rows 1-3: to read each of its cells, enter the formula as an"
    " array formula (Ctrl+Shift+Enter) (#VALUE!)"
)


def test_an_expression_over_a_range_is_read_in_the_formulas_row(tmp_path: Path) -> None:
    cells = {
        **CRR,
        "G2": "=SUM(E1:E3*100)",
        "I2": '=_xlfn.TEXTJOIN(",",TRUE,E1:E3*100)',
        "J2": "=_xlfn.CONCAT(E1:E3*100)",
        "K2": '=_xlfn.TEXTJOIN(", ",TRUE,TEXT(E1:E3,"0.0%"))',
        "L2": '=_xlfn.TEXTJOIN("-",TRUE,IF(E1:E3>0.91,"high","low"))',
        "I20": '=_xlfn.TEXTJOIN(",",TRUE,E1:E3*100)',
        "K20": '=_xlfn.TEXTJOIN(", ",TRUE,TEXT(E1:E3,"0.0%"))',
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok" and result.unsupported == []
    assert [values[c] for c in ("I2", "J2", "K2", "L2")] == ["93.6", "93.6", "93.6%", "high"]
    assert values["G2"] == 93.60000000000001  # 0.936*100, as Excel computes it
    assert (values["I20"], values["K20"]) == ("#VALUE!", "#VALUE!")
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons == {"S!I20": OUTSIDE.format(cell="I20", row=20), "S!K20": OUTSIDE.format(cell="K20", row=20)}


def test_a_range_is_joined_whole_and_an_array_formula_joins_every_cell(tmp_path: Path) -> None:
    cells = {
        **CRR,
        "I5": '=_xlfn.TEXTJOIN(",",TRUE,E1:E3)',
        "J5": '=_xlfn.CONCAT(E1:E3,"|",E2)',
        "K5": '=_xlfn.TEXTJOIN(",",TRUE,{1,2,3})',
    }
    arrays = {"L5": '=_xlfn.TEXTJOIN(",",TRUE,E1:E3*100)'}
    result, values = recalc_sheet(tmp_path, cells, arrays=arrays)
    assert result.status == "ok" and result.errors == []
    assert [values[c] for c in ("I5", "J5", "K5", "L5")] == [
        "0.9,0.936,0.915",
        "0.90.9360.915|0.936",
        "1,2,3",
        "90,93.6,91.5",
    ]
