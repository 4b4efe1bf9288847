"""An optional argument given one empty cell: the same result through classic xlwings (Windows' add-in, which hands
the cell over as ``[[None]]``) and xlwings' Office.js route (Server, Lite: a blank cell arrives as null, which xlwings
gives as the omitted argument; xlwings 0.37.8 pro/udfs_officejs.py ``to_scalar``). H167 finding 01:
``=REPEAT_PURCHASE_RATE(A2:A5, B1)`` with B1 empty was 0.5 on Office.js and #VALUE! in 4 cells on the classic add-in.

Both run here through xlwings' own code: the classic decorators with empty stand-ins for the COM modules (as
tests/test_udfs_classic.py), the Office.js route through ``xlwings.server.custom_functions_call``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from classic_xlwings import PRELUDE

import xl_retention

# the probes import the xl_retention this test imports (the checkout's, or the tree it is run against)
HERE = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(xl_retention.__file__).parents[1])}

CALLS = {  # name -> (function, arguments as 2-D ranges, None an empty cell)
    "order counts, total empty": ("REPEAT_PURCHASE_RATE", [[[1], [2], [3], [1]], [[None]]]),
    "order counts, total omitted": ("REPEAT_PURCHASE_RATE", [[[1], [2], [3], [1]]]),
    "returning / total": ("REPEAT_PURCHASE_RATE", [[[30]], [[120]]]),
    "CLV, discount empty": ("CLV", [[[50]], [[0.8]], [[0.04]], [[None]]]),
}

CLASSIC = (
    PRELUDE
    + r"""
calls = json.loads(sys.argv[1])
print(json.dumps({k: getattr(module, name)(*args, None) for k, (name, args) in calls.items()}))
"""
)

OFFICE_JS = r"""
import asyncio, json, os, sys
import xlwings as xw
from xlwings.server import custom_functions_call
import xl_retention.udfs as module
out = {}
for k, (name, args) in json.loads(sys.argv[1]).items():
    call = {"func_name": name, "args": args, "caller_address": "Sheet1!C1", "formula_name": name,
            "version": xw.__version__, "runtime": "1.4", "culture_info_name": "en-US", "date_format": "M/d/yyyy"}
    out[k] = asyncio.run(custom_functions_call(call, module))
print(json.dumps(out))
"""


def results(probe: str, env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-c", probe, json.dumps(CALLS)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def one_cell(value):
    """A result as one value (Office.js hands back a 2-D range, classic xlwings a value or a range)."""
    while isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value


def test_an_empty_optional_cell_is_omitted_on_both_surfaces():
    """Order counts 1, 2, 3, 1: 2 of 4 buyers bought twice or more, 0.5, with ``total`` omitted or an empty cell,
    on both (the embedded engine too: tests/test_recalc_* read an empty optional cell as omitted); CLV with its
    discount rate an empty cell is its undiscounted 50 * 0.8 / 0.04 = 1000."""
    classic = results(CLASSIC, HERE)  # no XLWINGS_ON_SERVER: the classic decorators
    office = results(OFFICE_JS, HERE | {"XLWINGS_ON_SERVER": "true", "XLWINGS_LICENSE_KEY": "noncommercial"})
    assert {k: one_cell(v) for k, v in classic.items()} == {k: one_cell(v) for k, v in office.items()}
    assert one_cell(classic["order counts, total empty"]) == 0.5
    assert one_cell(classic["order counts, total omitted"]) == 0.5
    assert one_cell(classic["returning / total"]) == 0.25
    assert one_cell(classic["CLV, discount empty"]) == 1000


def test_a_formulas_empty_text_as_total_is_still_refused_on_office_js():
    """Office.js hands a formula's "" over as a range (``[[""]]``), unlike an empty cell: refused as before, 4 cells
    of #VALUE! ("total blank while other inputs are not"), as the embedded engine refuses it."""
    calls = {"total": ("REPEAT_PURCHASE_RATE", [[[1], [2], [3], [1]], [[""]]])}
    env = HERE | {"XLWINGS_ON_SERVER": "true", "XLWINGS_LICENSE_KEY": "noncommercial"}
    done = subprocess.run([sys.executable, "-c", OFFICE_JS, json.dumps(calls)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["total"] == [[{"type": "Error", "errorType": "Value"}]] * 4
