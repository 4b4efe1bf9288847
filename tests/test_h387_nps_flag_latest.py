"""The Dashboard's latest NPS where the latest month's NPS is one of the NPS sheet's texts for no figure (H384's
finding 05): February's counts typed 50 / -3 / 20 / 10 (``count < 0``), a summary's shares 180 / 0.45 / 0.35 / 0.20
(``bad counts``), or 35 answers of a 1-5 question (``not 0-10``) showed January's NPS (10) as the latest, dated
2026-01, with no word of February. It now says where February's is, ``see NPS!F3`` dated 2026-02, as it does for an
NPS typed out of range (150) or in error; ``upgrade`` brings the form before up."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

JAN, FEB = dt.datetime(2026, 1, 1), dt.datetime(2026, 2, 1)


@pytest.fixture(scope="module")
def tracker(tmp_path_factory):
    """A new tracker with January's counts typed on NPS: 100 responses, 40 / 30 / 30 (NPS 10)."""
    path = build_template(tmp_path_factory.mktemp("h387") / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for ref, count in zip(("B2", "C2", "D2", "E2"), (100, 40, 30, 30), strict=True):
        wb["NPS"][ref] = count
    wb.save(path)
    return path


def _latest_nps(tracker, tmp_path, february: str | dict[str, float]):
    path = shutil.copy(tracker, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    nps, scores = wb["NPS"], wb["NPS scores"]
    typed = (
        february
        if isinstance(february, dict)
        else {
            "negative": dict(zip(("B3", "C3", "D3", "E3"), (50, -3, 20, 10), strict=True)),
            "shares": dict(zip(("B3", "C3", "D3", "E3"), (180, 0.45, 0.35, 0.20), strict=True)),
        }.get(february, {})
    )
    if february == "scale":
        for i in range(35):
            scores.cell(2 + i, 3, 1 + i % 5)
    else:
        for ref, count in typed.items():
            nps[ref] = count
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    done = openpyxl.load_workbook(report.output, data_only=True)
    return done["NPS"]["F3"].value, done["Dashboard"]["B8"].value, done["Dashboard"]["C8"].value


@pytest.mark.parametrize(
    ("february", "flag"), [("negative", "count < 0"), ("shares", "bad counts"), ("scale", "not 0-10")]
)
def test_a_latest_month_flagged_is_said_not_the_month_before(tracker, tmp_path, february, flag):
    assert _latest_nps(tracker, tmp_path, february) == (flag, "see NPS!F3", FEB)


def test_a_month_flagged_before_the_latest_figure_is_passed_over(tracker, tmp_path):
    # January's shares pasted (bad counts), February's counts 50 / 20 / 20 / 10: February's NPS, 20
    typed = {"C2": 0.4, "D2": 0.3, "E2": 0.3, "B3": 50, "C3": 20, "D3": 20, "E3": 10}
    assert _latest_nps(tracker, tmp_path, typed) == (20, 20, FEB)


def test_upgrade_brings_the_form_before_up(tmp_path):
    from xl_retention.workbook.dashboard_upgrade import _before_flags  # noqa: PLC0415
    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    current = {ref: wb["Dashboard"][ref].value for ref in ("B8", "C8")}
    for ref, formula in current.items():
        before = _before_flags(formula)
        assert "bad counts" in formula and before != formula and "bad counts" not in before
        wb["Dashboard"][ref] = before
    wb.save(path)
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert {ref: ws[ref].value for ref in current} == current
