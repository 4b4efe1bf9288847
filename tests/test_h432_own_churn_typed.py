"""A churn typed over 'Lifetime value'!B5's 12-month average is one of the sheet's inputs (docs/metrics.md: "ARPA or a
churn typed over its formula, gross margin, discount rate"; the template reads it on purpose), but recalc told that
user to "copy the formula of the same cell of a new tracker's Lifetime value sheet ... over each" (H426's finding
F11). It is named as read, status unchanged; a CLV typed over B8 (an output) keeps its advice.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

CHURN = (
    "'Lifetime value'!B5 (Monthly churn (average of the last 12 months with a churn rate)) is 0.03, typed over its "
    "formula: read as your own churn (the 12-month average is not used)"
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("h432") / "t.xlsx", start="2026-01", months=4)


def _recalc(template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: dict[str, object]) -> dict:
    path = tmp_path / "own.xlsx"
    shutil.copy(template, path)
    wb = openpyxl.load_workbook(path)
    for ref, value in typed.items():
        wb["Lifetime value"][ref] = value
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report


def test_an_own_churn_is_said_as_read_not_to_be_copied_back(template, tmp_path, capsys):
    report = _recalc(template, tmp_path, capsys, {"B5": 0.03})
    assert (report["status"], report["message"]) == ("ok", f"own.xlsx: {CHURN}")


def test_an_own_churn_beside_a_typed_clv(template, tmp_path, capsys):
    report = _recalc(template, tmp_path, capsys, {"B5": 0.03, "B8": 900})
    assert (report["status"], report["message"]) == (
        "ok",
        "own.xlsx: 1 value typed over the Lifetime value sheet's formulas: 'Lifetime value'!B8 (Customer lifetime "
        "value (CLV), constant churn) is 900, typed over its formula: the sheet and the Dashboard show it as computed, "
        "whatever the monthly sheets hold: copy the formula of the same cell of a new tracker's Lifetime value sheet "
        "(xl-retention new NEW.xlsx) over each (the ARPA, gross margin and discount rate are the figures to type); "
        f"{CHURN}",
    )
