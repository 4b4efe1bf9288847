"""docs/functions.md shows the Python argument names where they differ from the formula's (H321's finding 03):
`=BGNBD_FIT(frequency, recency, age)` said `Python: xl_retention.bgnbd_fit`, and `bgnbd_fit(..., age=...)` is a
TypeError (Python's parameter is `T`)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import xl_retention as xr
from xl_retention.reference import as_markdown

DOC = Path(__file__).resolve().parents[1] / "docs" / "functions.md"


def test_every_python_call_shown_takes_the_names_shown() -> None:
    text = as_markdown()
    shown = re.findall(r"`=([A-Z_]+)\(([^)]*)\)` · Python: `xl_retention\.(\w+)(?:\(([^)]*)\))?`", text)
    assert len(shown) == 59  # NPS_MOE_FROM_COUNTS (c631d59f) among them
    for _, excel, name, python in shown:
        names = [a.strip(" []") for a in (python or excel).split(",") if a.strip()]
        assert [n for n in names if n not in inspect.signature(getattr(xr, name)).parameters] == [], name
    with_t = [name for _, _, name, python in shown if python]
    assert with_t == [
        "bgnbd_fit", "bgnbd_expected", "bgnbd_p_alive", "bgnbd_clv", "paretonbd_fit", "paretonbd_p_alive",
        "paretonbd_expected", "paretonbd_clv", "bgnbd_fit_se", "paretonbd_fit_se",
    ]  # fmt: skip


def test_the_bgnbd_fit_section() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert (
        "`=BGNBD_FIT(frequency, recency, age)` · Python: `xl_retention.bgnbd_fit(frequency, recency, T)` "
        "(`age` is `T` in Python)" in text
    )
    assert "| `age` (Python: `T`) | time from the customer's first purchase to the end of observation (T). |" in text
    f = [0, 1, 2, 0, 3, 1, 5, 0, 2, 4, 0, 1, 2, 6, 0, 3] * 10
    r = [0, 10, 20, 0, 30, 5, 35, 0, 15, 38, 0, 2, 25, 36, 0, 12] * 10
    assert xr.bgnbd_fit(frequency=f, recency=r, T=[39.0] * len(f)) == xr.bgnbd_fit(f, r, [39.0] * len(f))
