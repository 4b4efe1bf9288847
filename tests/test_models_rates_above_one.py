"""A discount rate above 1 (10 typed for 10%) and a BG/NBD or Pareto/NBD margin above 1 (80 for 80%) are #NUM!.

docs/metrics.md: a rate outside [0, 1] gives #NUM!. CLV(145,0.8,0.03,10) did, but SBG_CLV(116,0.7,1.2,10) was 123.16
(a 1,000%-a-month discount), SBG_DEL(0.7,1.2,10) 1.06, the BdW, BG/BB and CLV functions of the repeat-purchase
models alike, and BGNBD_CLV with a margin of 80 was 80 times its value (H68 finding 04).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from one_sheet import recalculated

from xl_retention import models as m
from xl_retention.errors import OutOfRangeError

BG = (0.243, 4.414, 0.793, 2.426)  # r, alpha, a, b of the CDNOW sample
HISTORY = (2, 30.43, 38.86, 50.0)  # frequency, recency, age, order value


@pytest.mark.parametrize(
    "call",
    [
        lambda: m.sbg_del(0.7, 1.2, 10),
        lambda: m.sbg_clv(116, 0.7, 1.2, 10),
        lambda: m.sbg_derl(0.7, 1.2, 1.5, 0),
        lambda: m.bdw_del(0.7, 1.2, 0.8, 10),
        lambda: m.bdw_clv(116, 0.7, 1.2, 1.0, 2),
        lambda: m.bgnbd_clv(*BG, *HISTORY, 0.8, 12, 10),
        lambda: m.bgnbd_clv(*BG, *HISTORY, 80),
        lambda: m.paretonbd_clv(0.55, 10.58, 0.61, 11.67, *HISTORY, 80),
        lambda: m.bgbb_dert(1.2, 0.75, 0.66, 2.78, 10, 0, 0, 6),
    ],
)
def test_a_rate_or_margin_above_1_is_refused(call):
    with pytest.raises(OutOfRangeError, match="from (0|1e-6) to 1"):
        call()


def test_the_edges_are_computed():
    assert m.sbg_del(2.0, 3.0, 0) == 4.0  # (2 + 3 - 1) / (2 - 1)
    survival, total = 1.0, 1.0  # rate 1: sum of S(t) / 2^t, S(t) = prod (beta + k - 1) / (alpha + beta + k - 1)
    for t in range(1, 80):
        survival *= (2.0 + t - 1) / (40.0 + 2.0 + t - 1)
        total += survival / 2.0**t
    assert m.sbg_del(40.0, 2.0, 1.0) == pytest.approx(total, rel=1e-12)
    assert m.bgnbd_clv(*BG, *HISTORY, 1.0) == pytest.approx(m.bgnbd_clv(*BG, *HISTORY), rel=1e-15)


def test_in_a_workbook_they_are_num(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": "=CLV(145,0.8,0.03,10)",
        "A2": "=SBG_CLV(116,0.7,1.2,10)",
        "A3": "=SBG_DEL(0.7,1.2,10)",
        "A4": "=BGNBD_CLV(0.24,4.4,0.79,2.4,2,30,38,50,80)",
        "A5": "=SBG_DEL(2,3,0)",
    }
    got = recalculated(tmp_path, cells)
    assert list(got.values()) == ["#NUM!", "#NUM!", "#NUM!", "#NUM!", 4]
