"""H388's finding 1: Excel's stored number was kept wherever the engine's was within 4 ulps of it, so an input
changed by a program that keeps the cached values (POI, an XML edit: A1 1e-10 -> 3e-10) under ``B1 =1000000+A1``,
an effect under 4 ulps of B1, left B1's stale stored 1000000.0000000001 in place and ``D1 =MOD(B1,1)*1E10`` was
computed from the old input (1.1641532182693481, not 3.4924596548080444), status ok. Only a formula the engine cannot
reproduce bit for bit (NPV, EXP, ``^``...) keeps Excel's number now; plain arithmetic is computed."""

from __future__ import annotations

import math
from types import SimpleNamespace as N

import openpyxl
import pytest
from one_sheet import recalc_stored

from xl_retention.recalculation.stored_ulps import near_stored

_E_ABOVE = math.nextafter(math.e, math.inf)  # an EXP(1) one ulp above the engine's, as Excel may store it

#: the values the file stores: row 1 Excel's for A1 = 1e-10 (A1 is 3e-10 now), row 2 for A2 = 1 (unchanged)
_STORED = {
    "B1": repr(1000000 + 1e-10),
    "C1": repr((1000000 + 1e-10) - 1000000),
    "B2": repr(_E_ABOVE),
    "C2": repr(_E_ABOVE * 2),
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], object]:
    folder = tmp_path_factory.mktemp("h393_ulps")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = 3e-10, "=1000000+A1", "=B1-1000000", "=MOD(B1,1)*1E10"
    sheet["A2"], sheet["B2"], sheet["C2"] = 1, "=EXP(A2)", "=B2*2"
    return recalc_stored(book, folder, _STORED, ("B1", "C1", "D1", "B2", "C2"))


def test_plain_arithmetic_within_ulps_of_a_stale_stored_value_is_computed_from_the_input_now(out: tuple) -> None:
    values, result = out
    assert result.status == "ok", result.message
    assert values["B1"] == 1000000 + 3e-10 == 1000000.0000000003  # not the stored 1000000.0000000001
    assert values["C1"] == 0  # a final - of numbers equal to 15 digits is 0 in Excel (.final_operations), not 1.16e-10
    assert values["D1"] == (1000000 + 3e-10) % 1 * 1e10 == 3.4924596548080444  # not 1.1641532182693481


def test_an_inexact_function_within_ulps_still_keeps_excels_number(out: tuple) -> None:
    values, _ = out
    assert values["B2"] == _E_ABOVE == 2.7182818284590455  # the engine's EXP(1) is 2.718281828459045
    assert values["C2"] == _E_ABOVE * 2  # computed from Excel's number


def test_only_inexact_formulas_are_near() -> None:
    from xl_retention.recalculation.stored_ulps import inexact

    def cell(text: str | None, si: str | None = None) -> N:
        return N(
            cached=1.0, kind="shared" if si else "normal", dynamic=False, text=text, attrs={"si": si} if si else {}
        )

    close = 1.0 + 2.220446049250313e-16
    cells = {
        "A1": cell("A2*2"),
        "A2": cell("SUM(B1:B3)+ROUND(C1,2)"),
        "A3": cell("C1^0.5"),
        "A4": cell("_xlfn.NORM.S.DIST(C1,TRUE)"),
        "A5": cell('IF(C1="EXP(",1,C1)'),
        "B1": cell("LN(C1)", "0"),
        "B2": cell(None, "0"),  # a shared formula's copy: its first cell's LN
        "C1": cell("1+C2", "1"),
        "C2": cell(None, "1"),
    }
    info = N(formulas={"S": cells})
    assert [ref for _, ref, _ in near_stored(info, {"S": dict.fromkeys(cells, close)})] == ["A3", "A4", "B1", "B2"]
    assert inexact("PV(B2,C2,D2)") and inexact("SIN(B1*A1)") and not inexact("MOD(B1,1)*1E10")
