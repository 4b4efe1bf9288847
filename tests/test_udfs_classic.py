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

from xl_retention.registry import FUNCTIONS, VBA_RESERVED

PROBE = r"""
import io, json, sys, types
for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["pythoncom"].CoInitialize = lambda: None
sys.modules["win32com.client"].Dispatch = lambda *args, **kwargs: None
sys.modules["win32com"].client = sys.modules["win32com.client"]
import xlwings
from xlwings import udfs as classic
xlwings.func, xlwings.arg, xlwings.ret = classic.xlfunc, classic.xlarg, classic.xlret
import xl_retention.udfs as module

class Book:
    Name = "tracker.xlsm"

vba = io.StringIO()
classic.generate_vba_wrapper("xl_retention.udfs", module, vba, Book())
options = {
    name: [dict(a["options"], name=a["name"]) for a in getattr(module, name).__xlfunc__["args"]]
    for name in module.__all__
}
print(json.dumps({"vba": vba.getvalue(), "options": options}))
"""


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
        call = f'{name} = XLPy.CallUDF("xl_retention.udfs", "{name}", Array({args.replace("Optional ", "")})'
        assert call in out["vba"]


def test_every_argument_is_read_as_a_2d_range_with_errors_as_text():
    for name, args in probe()["options"].items():
        for arg in args:
            assert (arg["ndim"], arg["err_to_str"]) == (2, True), (name, arg["name"])
