"""A LAMBDA's optional parameter as Excel stores it: typed ``LAMBDA(x, [y], ...)``, saved as
``_xlfn.LAMBDA(_xlpm.x,_xlop.y,...)`` (the declaration ``_xlop.``, the brackets gone; its uses ``_xlpm.y``). recalc
read ``_xlop.y`` as a required parameter: a named ``CLV_DEFAULT = LAMBDA(a, m, c, [d], ...)`` called with three values
was ``#VALUE!`` with an empty reason, an inline ``LAMBDA(x,[y],...)(3)`` ``#NAME?`` advising a spelling Excel never
writes (``_xlpm._xlop.y``), each under status ok (H313's finding 04). Optional now, ISOMITTED telling."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from one_sheet import recalc_sheet  # noqa: E402

CLV_DEFAULT = (
    "_xlfn.LAMBDA(_xlpm.a,_xlpm.m,_xlpm.c,_xlop.d,"
    "CLV(_xlpm.a,_xlpm.m,_xlpm.c,IF(_xlfn.ISOMITTED(_xlpm.d),0.01,_xlpm.d)))"
)
SCALE = "_xlfn.LAMBDA(_xlpm.x,_xlop.y,IF(_xlfn.ISOMITTED(_xlpm.y),_xlpm.x,_xlpm.x*_xlpm.y))"


def test_an_optional_parameter_left_out_or_given(tmp_path: Path) -> None:
    cells = {
        "B1": 100,  # ARPA
        "B2": 0.8,  # gross margin
        "B3": 0.05,  # churn
        "B4": "=CLV_DEFAULT(B1,B2,B3)",
        "B5": "=CLV_DEFAULT(B1,B2,B3,0.02)",
        "B6": f"={SCALE}(3)",
        "B7": f"={SCALE}(3,2)",
        "B8": "=CLV(B1,B2,B3,0.01)",
        "B9": "=CLV_DEFAULT(B1)",  # fewer values than required parameters: Excel's #VALUE!
        "B10": "=CLV(B1,B2,B3,0.02)",
    }
    result, values = recalc_sheet(tmp_path, cells, names={"CLV_DEFAULT": CLV_DEFAULT})
    assert result.unsupported == []
    assert values["B4"] == values["B8"] == 1346.6666666666665  # d left out: 0.01; 100 x 0.8 x 1.01 / 0.06
    assert values["B5"] == values["B10"] == 1165.7142857142856  # d given: 100 x 0.8 x 1.02 / 0.07
    assert (values["B6"], values["B7"], values["B9"]) == (3, 6, "#VALUE!")
    assert [e.address for e in result.errors] == ["S!B9"]
