"""Answers of a 1-5 question pasted into 'NPS scores': recalc names the column by import's rule, the file incomplete.

Before: 40 answers of a 1-5 satisfaction question in 'NPS scores'!B2:B41 gave NPS -100 (every answer a detractor)
under ok, where import --nps refuses the same answers (30 answers or more, none above 7): H204's finding 05.
"""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

SATISFACTION = [5, 4, 5, 3, 4, 5, 5, 4, 2, 5] * 4


def _recalc(tmp_path, capsys, answers: list[int]) -> dict:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3, overwrite=True)
    wb = openpyxl.load_workbook(path)
    for row, value in enumerate(answers, start=2):
        wb["NPS scores"].cell(row, 2).value = value
    wb.save(path)
    out = tmp_path / f"out{len(answers)}"
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report


def test_forty_answers_none_above_5_are_named(tmp_path, capsys):
    report = _recalc(tmp_path, capsys, SATISFACTION)
    assert (report["status"], report["message"]) == (
        "incomplete",
        "t.xlsx: 'NPS scores'!B2:B41 holds 40 answers, none above 5: the answers of a 1-5 scale (a satisfaction or "
        "effort question), not of NPS's 0-10 'How likely are you to recommend ...?' (read as NPS, every answer would "
        "be a detractor); put the 0-10 question's answers there",
    )


def test_the_rule_is_imports():
    from xl_retention import score_scales
    from xl_retention.reading import scores
    from xl_retention.workbook import checks

    assert (checks.SCALE_ANSWERS, checks.SCALE_TOP) == (score_scales.SCALE_ANSWERS, score_scales.SCALE_TOP) == (30, 7)
    assert (scores.SCALE_ANSWERS, scores.SCALE_TOP) == (30, 7)


def test_the_check_loads_no_pandas():
    """The rule's module is pandas-free, so the check that runs in every recalc does not load pandas (1.6 s)."""
    code = "import sys, xl_retention.workbook.checks; print('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_fewer_answers_or_one_above_7_are_nps(tmp_path, capsys):
    assert _recalc(tmp_path, capsys, SATISFACTION[:29])["status"] == "ok"  # 29: too few to tell
    assert _recalc(tmp_path, capsys, [*SATISFACTION, 9])["status"] == "ok"
