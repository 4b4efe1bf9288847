"""Our functions other than the arithmetic ones (``engine.ARITHMETIC``) are computed in the engine without its
denormal-flushing modes, always: a model's series or quadrature takes steps below 1e-308 towards a moderate result,
which flushed to 0 gave BGBB_P_ALIVE 3.467 (a probability above 1; right 0.5931), BDW_DERL 25% low, BDW_CLV 12% low,
BGBB_EXPECTED half, with status ok (H160's finding 10). Each cell's value is the core's own Python call's, outside
the engine, to the bit."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import xl_retention as xr
from xl_retention.recalculation import engine, recalc_file
from xl_retention.recalculation.denormals import SUPPORTED, flushing

BGBB = (24.623537611965748, 421.6437369701614, 25.40999229483069, 131.1448665554935, 13, 13, 15)
BGBB_E = (446.5061098972054, 0.1683084426644314, 85.46409894420862, 62.13255166200077, 7, 21, 21, 23)
DERL = (98.93372305584491, 20.37518694553284, 0.9003520918450538, 0.1900024433272678, 79)
CLV = (100, 0.3740918570533996, 169.7380149464186, 0.2360970100534812, 0.050777319321282)
DEL = (0.5753830132177441, 8.764264085956816, 1.03438034325218, 0.01)

CASES = {
    "BGBB_P_ALIVE": (BGBB, xr.bgbb_p_alive(*BGBB)),
    "BGBB_EXPECTED": (BGBB_E, xr.bgbb_expected(*BGBB_E)),
    "BDW_DERL": (DERL, xr.bdw_derl(*DERL)),
    "BDW_CLV": (CLV, xr.bdw_clv(*CLV)),
    "BDW_DEL": (DEL, xr.bdw_del(*DEL)),
}


def test_the_cases_differ_under_flushing() -> None:
    # what made them wrong: the core's own call under the engine's modes (where the processor has them)
    if not SUPPORTED:
        pytest.skip("the processor's flushing modes cannot be set here")
    with flushing():
        flushed = xr.bgbb_p_alive(*BGBB), xr.bdw_del(*DEL)
    assert flushed[0] > 1 and abs(flushed[1] - 32.64170062229497) < 1e-9


def test_model_functions_in_the_engine_give_the_cores_values(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    letters = "ABCDEFGH"
    for row, (name, (args, _)) in enumerate(CASES.items(), start=1):
        for letter, value in zip(letters, args, strict=False):
            sheet[f"{letter}{row}"] = value
        sheet[f"L{row}"] = f"={name}({','.join(f'{c}{row}' for c in letters[: len(args)])})"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {name: out[f"L{row}"].value for row, name in enumerate(CASES, start=1)}
    assert {name: value.hex() for name, value in got.items()} == {
        name: float(want).hex() for name, (_, want) in CASES.items()
    }
    assert abs(got["BGBB_P_ALIVE"] - 0.5930849970255024) < 1e-12
    assert abs(got["BDW_CLV"] - 2061.278878861686) < 1e-8 and abs(got["BDW_DERL"] - 1.228817648483928) < 1e-12


def test_only_sums_differences_and_one_division_run_flushed() -> None:
    assert "CLV" not in engine.ARITHMETIC and not any(n.startswith(("BDW", "BGBB", "SBG")) for n in engine.ARITHMETIC)
