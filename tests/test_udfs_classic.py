"""The formula layer through classic xlwings' own VBA generation (Windows' Import Functions).

Excel and pywin32 can't run here, so the COM modules classic xlwings imports are replaced by
empty stand-ins; everything else is xlwings' real code: its classic decorators read our
generated functions and ``generate_vba_wrapper`` writes the VBA module Import Functions puts
in the workbook. Each function must come out as a legal VBA function with our argument
names, optional arguments marked Optional, and every argument read as a 2-D range with error
cells as text.
"""

import json
import re
import subprocess
import sys

from classic_xlwings import PRELUDE

from xl_retention.registry import FUNCTIONS, VBA_RESERVED

PROBE = (
    PRELUDE
    + r"""

class Book:
    Name = "tracker.xlsm"

vba = io.StringIO()
classic.generate_vba_wrapper("xl_retention.udfs", module, vba, Book())
options = {
    name: [dict(a["options"], name=a["name"], vba=a["vba"]) for a in getattr(module, name).__xlfunc__["args"]]
    for name in module.__all__
}

import datetime as dt


class Caller:  # the calling cell as xlwings' call_udf hands it over (a Range); only its workbook's date system is read
    def __init__(self, date1904):
        self.sheet = types.SimpleNamespace(book=types.SimpleNamespace(api=types.SimpleNamespace(Date1904=date1904)))


date_cells = {  # CRR(A1, 75, 500), A1 = 535 formatted as a date: COM hands the date over (Range.Value)
    "number": module.CRR([[535]], [[75]], [[500]], None),
    "1900": module.CRR([[dt.datetime(1901, 6, 18)]], [[75]], [[500]], Caller(False)),
    "1904": module.CRR([[dt.datetime(1905, 6, 19)]], [[75]], [[500]], Caller(True)),
    "no caller": module.CRR([[dt.datetime(1901, 6, 18)]], [[75]], [[500]]),
}
print(json.dumps({"vba": vba.getvalue(), "options": options, "date_cells": date_cells}))
"""
)


def probe() -> dict:
    env = {"PATH": "/usr/bin:/bin"}  # no XLWINGS_ON_SERVER: the classic decorators
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_import_functions_writes_a_legal_vba_function_per_registry_entry():
    out = probe()
    declared = dict(re.findall(r"^Function (\w+)\(([^)]*)\)$", out["vba"], flags=re.M))
    expected = {f.name: ", ".join(("Optional " if a.optional else "") + a.name for a in f.args) for f in FUNCTIONS}
    assert declared == expected
    assert declared["CRR"] == "customers_end, customers_gained, customers_start"
    assert declared["CLV"] == "arpa, gross_margin, churn_rate, Optional discount_rate"
    for name, args in declared.items():
        for arg in args.replace("Optional ", "").split(", "):
            assert arg.lower() not in VBA_RESERVED, (name, arg)
        # xlwings' reserved caller: no VBA argument, Nothing in the call (replaced by the calling Range)
        call = f'{name} = XLPy.CallUDF("xl_retention.udfs", "{name}", Array({args.replace("Optional ", "")}, Nothing)'
        assert call in out["vba"]


def test_every_argument_is_read_as_a_2d_range_with_errors_as_text():
    for name, args in probe()["options"].items():
        *cells, caller = args
        assert caller == {"name": "caller", "vba": "Nothing"}, name
        for arg in cells:
            assert (arg["ndim"], arg["err_to_str"]) == (2, True), (name, arg["name"])


def test_a_date_formatted_cell_is_read_as_its_serial_in_the_workbooks_date_system():
    # CRR(A1, 75, 500) with A1 = 535 shown as a date: (535 - 75) / 500, as Office.js passes the serial (H114's 01)
    out = probe()["date_cells"]
    assert out == {"number": [[0.92]], "1900": [[0.92]], "1904": [[0.92]], "no caller": [["#VALUE!"]]}
