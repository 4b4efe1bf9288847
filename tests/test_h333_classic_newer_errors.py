"""Classic xlwings hands an error cell it does not name (#SPILL!, #CALC!, #BUSY!, ...) over as COM's raw VT_ERROR
scode, an int (H329's finding 03): ``=CRR(D2,C2,B2)`` with D2 showing #SPILL! read -2146826243 as a count and gave
#NUM!; an error cell as input is #VALUE! on every surface (docs/functions.md), the reason naming the error value.
The scodes are 0x800A0000 + Excel's error number (XlCVError: #SPILL! 2045, #CALC! 2050)."""

import json
import subprocess
import sys

from classic_xlwings import PRELUDE

SPILL, CALC, NA, NUMBER_2051 = -2146826243, -2146826238, -2146826246, -2146826237

PROBE = (
    PRELUDE
    + f"""
from xl_retention.registry import BY_NAME
from xl_retention.cells import evaluate
out = {{}}
for name, code in (("spill", {SPILL}), ("calc", {CALC}), ("2051", {NUMBER_2051})):
    out[name] = [module.CRR([[code]], [[75.0]], [[500.0]]), module.NPS([[10.0], [9.0], [code]]),
                 module.BGBB_FIT([[1.0], [code]], [[2.0], [3.0]], [[6.0]])]
out["reason"] = evaluate(BY_NAME["NPS"], [[10.0], [9.0], [getattr(module, "com_error", lambda v: v)({CALC})]]).message
out["numbers"] = module.CRR([[535.0]], [[75.0]], [[500.0]])
print(json.dumps(out))
"""
)


def test_classic_newer_error_cells_give_value_errors() -> None:
    env = {"PATH": "/usr/bin:/bin"}  # no XLWINGS_ON_SERVER: the classic decorators
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    for name in ("spill", "calc", "2051"):
        assert out[name] == [[["#VALUE!"]], "#VALUE!", "#VALUE!"], name
    assert out["reason"] == "scores holds the error value #CALC! in cell 3 of scores"
    assert out["numbers"] == [[0.92]]
