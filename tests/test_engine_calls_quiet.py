"""Our Excel functions as the engine calls them (``excel_functions._core.engine_call``): numpy's floating-point
warnings are off in each call. Entering ``np.errstate`` cost about 2.5 us a call, more than a comparison operand's
own work (``_XLR.COMPARED``, 10,000 calls in the 50,000-cell benchmark workbook's ``=IF(G2>0.95,...)`` column), so a
recalculation turns them off once (``quiet_numpy`` around ``embedded.compute``) and each call inside skips it. The
results are the same, inside and outside, and the state is put back after (issue 14).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.excel_functions import _core
from xl_retention.recalculation.excel_functions._core import _to_engine, engine_call, quiet_numpy


def _numpy_division(value: float) -> float:
    return float(np.float64(value) / np.float64(0.0))  # numpy's divide by zero: a warning unless turned off


def test_an_engine_call_gives_the_same_result_inside_and_outside_quiet_numpy() -> None:
    call = engine_call(_numpy_division)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a numpy warning escaping a call would raise here
        outside = call(1.0)
        inside = quiet_numpy(call)(1.0)
    assert outside == inside == {"type": "Error", "kind": "#NUM!"}  # 1/0 in numpy is inf: Excel's #NUM!


def test_quiet_numpy_puts_numpys_state_and_its_flag_back_even_when_the_function_raises() -> None:
    before = np.geterr()
    seen = []

    def failing() -> None:
        seen.append((_core._QUIET.on, np.geterr()["divide"]))
        raise ValueError("stop")

    with pytest.raises(ValueError, match="stop"):
        quiet_numpy(failing)()
    assert seen == [(True, "ignore")]
    assert _core._QUIET.on is False
    assert np.geterr() == before


def test_a_recalculation_calls_our_functions_with_numpys_warnings_already_off(tmp_path: Path, monkeypatch) -> None:
    states: list[bool] = []
    original = _core._to_engine

    def noting(result):  # every engine_call converts its result here: note whether it ran inside quiet_numpy
        states.append(_core._QUIET.on)
        return original(result)

    monkeypatch.setattr(_core, "_to_engine", noting)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"] = 0.1, 0.2
    ws["B1"] = '=IF(A1+A2>0.3,"above","not above")'  # 0.30000000000000004 is 0.3 to Excel's 15 digits
    ws["B2"] = '=IF(A1+A2=0.3,"equal","not equal")'
    ws["A3"], ws["A4"] = "École", "école"  # text operands take the general call (a finite number its own path)
    ws["B3"] = '=IF(A3=A4,"equal","not equal")'
    wb.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (values["B1"].value, values["B2"].value, values["B3"].value) == ("not above", "equal", "equal")
    assert states and all(states)  # the comparison operands' calls (_XLR.ORDERED, _XLR.COMPARED), all quiet
    assert _core._QUIET.on is False


def test_a_finite_float_result_is_passed_as_it_is_and_the_others_as_before() -> None:
    for value in (1.5, -0.0, 0.0, 1e-310, -1e308):
        result = _to_engine(value)
        assert type(result) is float and result == value and str(result) == str(value)
    assert _to_engine(float("inf")) == _to_engine(float("nan")) == {"type": "Error", "kind": "#NUM!"}
    assert _to_engine(3) == 3.0 and type(_to_engine(3)) is float
    assert _to_engine(True) is True and _to_engine("x") == "x" and _to_engine(None) is None
