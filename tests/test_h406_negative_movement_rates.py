"""A movement typed below 0 on the Revenue sheet is refused by every figure computed from it (H397's finding 01).

Before, a contraction of -50 typed beside a churn of 600 (Revenue!F4) made the MRR at end #NUM! naming F4, but the
lost MRR was 550 (-50 + 600) and the month's revenue churn, NRR, GRR and quick ratio were computed from it: the
Dashboard's latest NRR was 97.2% (Mar 2026). Now the lost MRR (and gained MRR, and the expansion the rates take) is
#NUM! naming the cell typed, and so is every rate of the month; ``upgrade`` brings an earlier tracker's formulas up.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from earlier_forms import letters

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.template import REVENUE, render_formula

COLS = letters(REVENUE)
RATES = ("net_churn", "gross_churn", "nrr", "grr", "quick_ratio")
#: Jan-Mar as the finding's fill.py types them
TYPED = {
    2: {"start": 10000, "new": 2000, "expansion": 500, "reactivation": 0, "contraction": 300, "churned": 700},
    3: {"new": 1200, "expansion": 300, "reactivation": 0, "contraction": 100, "churned": 400},
    4: {"new": 1500, "expansion": 200, "reactivation": 0, "contraction": 50, "churned": 600},
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("h406") / "t.xlsx"
    build_template(path, start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    for row, values in TYPED.items():
        for key, value in values.items():
            wb["Revenue"][f"{COLS[key]}{row}"] = value
    wb.save(path)
    return path


#: Lost and Gained MRR as the template wrote them before: an amount below 0 summed
BEFORE = {
    "lost": '=IF(AND({contraction}="",{churned}=""),"",{contraction}+{churned})',
    "gained": '=IF(AND({new}="",{reactivation}=""),"",{new}+{reactivation})',
}
GUARD = "IF(IFERROR({expansion}+0<0,FALSE),#NUM!,"


def _unguarded(form: str) -> str:
    """A rate's formula as the template wrote it before: the call without the expansion's guard around it."""
    at = form.find(GUARD)
    if at < 0:
        return form
    depth, end = 0, at + len(GUARD)
    while depth >= 0:
        depth += {"(": 1, ")": -1}.get(form[end], 0)
        end += 1
    return form[:at] + form[at + len(GUARD) : end - 1] + form[end:]


def _recalc(paths: list[Path], out: Path) -> dict[str, tuple[dict[str, str], Any]]:
    """recalc of ``paths`` in one call: each stem -> (its errors' reasons by address, its recalculated values)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        cli.main(["recalc", *map(str, paths), "--json", "--output-dir", str(out)])
    files = json.loads(printed.getvalue())["files"]
    assert len(files) == len(paths)
    got = {}
    for path, f in zip(paths, files, strict=True):
        errors = {e["address"]: e["reason"] for e in f["errors"]}
        got[path.stem] = (errors, openpyxl.load_workbook(out / path.name, data_only=True))
    return got


def _typed(template: Path, folder: Path, name: str, cell: str, value: float, earlier: bool = False) -> Path:
    wb = openpyxl.load_workbook(template)
    ws = wb["Revenue"]
    ws[cell] = value
    if earlier:  # the formulas the template wrote before (row 4 only: the month the test looks at)
        for key, form in BEFORE.items():
            ws[f"{COLS[key]}4"] = render_formula(form, COLS, 4)
        for key in ("net_churn", "nrr", "quick_ratio"):
            now = next(c.formula or "" for c in REVENUE.columns if c.key == key)
            ws[f"{COLS[key]}4"] = render_formula(_unguarded(now), COLS, 4)
    path = folder / f"{name}.xlsx"
    wb.save(path)
    return path


CASES = {  # name -> (the movement typed below 0 in March, its value, the columns computed from it)
    "contraction": ("contraction", -50, ("lost", *RATES)),
    "churned": ("churned", -600, ("lost", *RATES)),
    "expansion": ("expansion", -200, ("net_churn", "nrr", "quick_ratio")),
    "new": ("new", -1500, ("gained", "quick_ratio")),
}


@pytest.fixture(scope="module")
def folder(template: Path) -> Path:
    return template.parent


@pytest.fixture(scope="module")
def recalculated(template: Path, folder: Path) -> dict[str, tuple[dict[str, str], Any]]:
    """The template typed right, each case, and the contraction's case in a tracker of the earlier formulas."""
    paths = [template] + [_typed(template, folder, n, f"{COLS[k]}4", v) for n, (k, v, _) in CASES.items()]
    paths.append(_typed(template, folder, "earlier", f"{COLS['contraction']}4", -50, earlier=True))
    return _recalc(paths, folder / "out")


def test_the_hand_count_when_typed_right(recalculated: dict[str, tuple[dict[str, str], Any]]) -> None:
    errors, wb = recalculated["t"]
    ws = wb["Revenue"]
    assert ws[f"{COLS['lost']}4"].value == 650
    assert round(ws[f"{COLS['nrr']}4"].value, 6) == 0.964  # 1 - (650 - 200) / 12500
    assert ws[f"{COLS['end']}4"].value == 13550
    assert not [a for a in errors if a.startswith("Revenue!")]


@pytest.mark.parametrize("name", CASES)
def test_every_figure_from_a_movement_below_0_names_it(
    recalculated: dict[str, tuple[dict[str, str], Any]], name: str
) -> None:
    key, value, computed = CASES[name]
    errors, wb = recalculated[name]
    ws = wb["Revenue"]
    title = next(c.header for c in REVENUE.columns if c.key == key)
    reason = f"Revenue!{COLS[key]}4 ({title}) is {value}, below 0 (#NUM!)"
    for column in ("end", *computed):
        assert ws[f"{COLS[column]}4"].value == "#NUM!", column
        assert errors[f"Revenue!{COLS[column]}4"].startswith(reason), (column, errors[f"Revenue!{COLS[column]}4"])
    if "nrr" in computed:
        assert wb["Dashboard"]["B7"].value == f"see Revenue!{COLS['nrr']}4"


def test_upgrade_brings_the_guards_to_an_earlier_tracker(
    recalculated: dict[str, tuple[dict[str, str], Any]], folder: Path
) -> None:
    errors, wb = recalculated["earlier"]
    assert wb["Revenue"][f"{COLS['nrr']}4"].value == pytest.approx(0.972)  # what the finding saw
    path = folder / "earlier.xlsx"
    cli.main(["upgrade", str(path)])
    errors, wb = _recalc([path], folder / "after")["earlier"]
    for column in ("lost", *RATES):
        assert wb["Revenue"][f"{COLS[column]}4"].value == "#NUM!", column
        assert errors[f"Revenue!{COLS[column]}4"].startswith("Revenue!F4 (Contraction MRR) is -50, below 0 (#NUM!)")
