"""The ``*_INTERVAL`` formulas as Excel calls them: xlwings passes every argument as a range (``[[0.9]]`` for a cell).

A confidence typed in a cell gave ``#NUM!`` ("confidence must be a number between 0 and 1, got [[0.9]]") on every
xlwings path, classic and Office.js: only an omitted confidence worked. A blank ``t`` gave ``#NUM!`` ("sbg_survival
gives nan near the fit"), a column of ``t`` the same, and ``t`` = 0 (survival after 0 periods: 1, the registry's
"a whole number >= 0") was refused.
"""

import asyncio

import pytest
import xlwings as xw
from xlwings.server import custom_functions_call

import xl_retention as xr
from xl_retention import udfs
from xl_retention.cells import evaluate
from xl_retention.registry import BY_NAME

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]  # Fader & Hardie (2007), the "regular" cohort
VALUE = {"type": "Error", "errorType": "Value"}
NUM = {"type": "Error", "errorType": "Num"}


def office_js(name, *args):
    data = {
        "func_name": name,
        "args": list(args),
        "version": xw.__version__,
        "client": "Office.js",
        "runtime": "1.4",
        "caller_address": "Sheet1!D2",
        "formula_name": name,
        "culture_info_name": "en-US",
        "date_format": "M/d/yyyy",
    }
    return asyncio.run(custom_functions_call(data, udfs))


def test_a_confidence_in_a_cell_is_used_on_the_office_js_path():
    expected = [list(xr.sbg_survival_interval(REGULAR, 12, 0.9))]
    assert office_js("SBG_SURVIVAL_INTERVAL", [REGULAR], [[12]], [[0.9]], [[""]]) == expected
    assert [round(v, 4) for v in expected[0]] == [0.17, 0.1493, 0.193]
    clv = office_js("BDW_CLV_INTERVAL", [REGULAR], [[50]], [[0.1]], [[0.99]], None)
    assert clv == [list(xr.bdw_clv_interval(REGULAR, 50, 0.1, 0.99))]


@pytest.mark.parametrize(
    ("name", "args", "python"),
    [
        ("SBG_RETENTION_INTERVAL", ([[12]], [[0.8]]), lambda: xr.sbg_retention_interval(REGULAR, 12, 0.8)),
        ("BDW_RETENTION_INTERVAL", ([[12]], [[0.8]]), lambda: xr.bdw_retention_interval(REGULAR, 12, 0.8)),
        ("BDW_SURVIVAL_INTERVAL", ([[12]], [[0.8]]), lambda: xr.bdw_survival_interval(REGULAR, 12, 0.8)),
        ("SBG_CLV_INTERVAL", ([[50]], [[0.1]], [[0.8]]), lambda: xr.sbg_clv_interval(REGULAR, 50, 0.1, 0.8)),
    ],
)
def test_every_interval_takes_its_confidence_from_a_cell(name, args, python):
    assert evaluate(BY_NAME[name], [REGULAR], *args) == [list(python())]  # the classic path: the UDF's own ranges
    assert getattr(udfs, name)([REGULAR], *args, None) == [list(python())]


def test_the_confidence_of_the_customer_intervals_from_a_cell():
    frequency = [1, 1, 1, 9, 8, 1, 1, 0, 3, 2, 1, 2]
    recency = [1, 10, 2, 25, 10, 12, 1, 0, 13, 28, 11, 28]
    age = [38, 33, 39, 28, 34, 32, 37, 29, 37, 34, 38, 33]
    column = lambda values: [[v] for v in values]  # noqa: E731
    got = evaluate(BY_NAME["BGNBD_EXPECTED_INTERVAL"], column(frequency), column(recency), column(age), [[39]],
                   [[2]], [[30]], [[38]], [[0.9]])  # fmt: skip
    assert got == [list(xr.bgnbd_expected_interval(frequency, recency, age, 39, 2, 30, 38, 0.9))]


def test_a_confidence_that_is_text_or_a_boolean_is_value_and_outside_0_1_is_num():
    assert office_js("SBG_SURVIVAL_INTERVAL", [REGULAR], [[12]], [[True]], None) == [[VALUE]]
    assert office_js("SBG_SURVIVAL_INTERVAL", [REGULAR], [[12]], [["high"]], None) == [[VALUE]]
    assert office_js("SBG_SURVIVAL_INTERVAL", [REGULAR], [[12]], [[1]], None) == [[NUM]]
    error = evaluate(BY_NAME["SBG_SURVIVAL_INTERVAL"], [REGULAR], [[12]], [[True]])
    assert (error.code, error.message) == (
        "#VALUE!",
        "confidence must be a number, got TRUE",
    )  # a cell's TRUE, as Excel writes it


def test_a_blank_t_beside_a_cohort_is_value_naming_t():
    error = evaluate(BY_NAME["SBG_SURVIVAL_INTERVAL"], [REGULAR], [[""]], [[""]], [[""]])
    assert (error.code, error.message) == ("#VALUE!", "t blank while other inputs are not")
    assert office_js("SBG_CLV_INTERVAL", [REGULAR], [[None]], [[0.1]], None, None) == [[VALUE]]
    # every input blank: a blank row, as the other formulas
    assert office_js("SBG_SURVIVAL_INTERVAL", [["", ""]], [[""]], None, None) == [["", "", ""]]


def test_a_range_of_t_is_value_naming_t():
    error = evaluate(BY_NAME["SBG_SURVIVAL_INTERVAL"], [REGULAR], [[2], [3]], [[0.9]])
    assert (error.code, error.message) == ("#VALUE!", "t must be a single value, got 2 values")


def test_survival_after_0_periods_is_1_with_no_uncertainty():
    assert office_js("SBG_SURVIVAL_INTERVAL", [REGULAR], [[0]], None, None) == [[1.0, 1.0, 1.0]]
    assert tuple(xr.bdw_survival_interval(REGULAR, 0)) == (1.0, 1.0, 1.0)
    assert tuple(xr.sbg_clv_interval(REGULAR, 0, 0.1)) == (0.0, 0.0, 0.0)  # a margin of 0 is worth 0
