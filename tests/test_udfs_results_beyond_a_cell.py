"""A formula whose result is beyond the largest number a cell holds: ``#NUM!``, as Excel makes such a result.

Microsoft KB 214373: Excel "supports positive values almost as large as 10^308 ... larger values are converted into a
#NUM! error value". CLV(1E+308, 1, 0.001) and CUSTOMER_LIFETIME(1E-320) gave ``inf`` to xlwings: a number no cell
holds, which the Office.js path cannot even send (JSON has no infinity).
"""

import asyncio
import json

import xlwings as xw
from xlwings.server import custom_functions_call

from xl_retention import udfs
from xl_retention.cells import evaluate, number_caller
from xl_retention.registry import BY_NAME

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


def test_an_infinite_result_is_num_on_the_office_js_path_and_json_carries_it():
    result = office_js("CLV", [[1e308]], [[1]], [[0.001]], None)
    assert result == [[NUM]]
    json.dumps(result, allow_nan=False)  # what xlwings Server sends Excel


def test_an_infinite_result_is_num_naming_the_function():
    for call in (evaluate(BY_NAME["CLV"], 1e308, 1, 0.001), number_caller(BY_NAME["CLV"])(1e308, 1, 0.001)):
        assert (call.code, call.message) == (
            "#NUM!",
            "CLV gives inf, beyond the largest number a cell holds (about 1.8E+308)",
        )
    assert evaluate(BY_NAME["CUSTOMER_LIFETIME"], [[1e-320]]) == [[evaluate(BY_NAME["CUSTOMER_LIFETIME"], 1e-320)]]
    assert evaluate(BY_NAME["CUSTOMER_LIFETIME"], 1e-320).code == "#NUM!"
    assert udfs.SBG_CLV([[1e308]], [[2]], [[1]], [[0.01]]) == [["#NUM!"]]  # the classic path: the error's code


def test_in_a_spilled_range_only_the_infinite_cell_is_num():
    got = office_js("CLV", [[1e308], [100]], [[1]], [[0.001], [0.05]], None)
    assert got == [[NUM], [2000.0]]
    assert office_js("CLV", [[100], [100]], [[0.8]], [[0.05], [0.1]], None) == [[1600.0], [800.0]]


def test_whole_counts_of_a_spilled_row_stay_whole():
    assert office_js("NPS_BREAKDOWN", [[10], [9], [8], [3]]) == [[2, 1, 1, 4]]
    assert [type(v) for v in evaluate(BY_NAME["NPS_BREAKDOWN"], [[10], [3]])[0]] == [int] * 4
