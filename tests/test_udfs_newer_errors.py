"""Office.js' newer error values as inputs: #BUSY!, #BLOCKED!, #CONNECT!, #EXTERNAL!, #FIELD!, #PYTHON!, #UNKNOWN!.

Excel hands a custom function an error cell as an error object (``{"type": "Error", "errorType": "Busy",
"basicValue": "#BUSY!"}``: Excel.ErrorCellValueType, Microsoft's Excel JavaScript API reference, ExcelApi 1.16);
xlwings passes its ``basicValue`` on (``err_to_str``). docs/metrics.md: an error cell as input gives ``#VALUE!``
naming the argument. These codes were not known as errors, so the reason called them text ("must be a number, got
'#BUSY!'"), as if the user had typed it.
"""

import asyncio

import pytest
import xlwings as xw
from xlwings.server import custom_functions_call

from xl_retention import udfs
from xl_retention.cells import evaluate, is_error
from xl_retention.registry import BY_NAME

NEWER = {
    "#BLOCKED!": "Blocked",
    "#BUSY!": "Busy",
    "#CONNECT!": "Connect",
    "#EXTERNAL!": "External",
    "#FIELD!": "Field",
    "#PYTHON!": "Python",
    "#UNKNOWN!": "Unknown",
}


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


@pytest.mark.parametrize("code", sorted(NEWER))
def test_a_newer_error_in_an_argument_is_named_as_an_error(code):
    assert is_error(code)
    result = evaluate(BY_NAME["CRR"], code, 75, 500)
    assert (result.code, result.message) == ("#VALUE!", f"customers_end is the error value {code}")
    result = evaluate(BY_NAME["NPS"], [[9], [code], [10]])
    assert (result.code, result.message) == ("#VALUE!", f"scores holds the error value {code} in cell 2 of scores")
    result = evaluate(BY_NAME["SBG_FIT"], [[100, 60, code]])
    assert result.message == f"survivors holds the error value {code} in row 1, column 3 of survivors"


@pytest.mark.parametrize("code", sorted(NEWER))
def test_a_newer_error_object_from_office_js_gives_value(code):
    cell = {"type": "Error", "errorType": NEWER[code], "basicValue": code}
    value = {"type": "Error", "errorType": "Value"}
    assert office_js("CRR", [[cell]], [[75]], [[500]]) == [[value]]
    # one cell of a range in error: that cell's result only; the others are computed
    assert office_js("CRR", [[cell], [535]], [[75]], [[500]]) == [[value], [0.92]]
    assert office_js("NPS", [[9], [cell], [10]]) == [[value]]


def test_text_that_is_not_an_error_code_stays_text():
    assert not is_error("#BUSY")  # no '!': text
    result = evaluate(BY_NAME["CRR"], "#BUSY", 75, 500)
    assert result.message == "customers_end must be a number, got '#BUSY'"
