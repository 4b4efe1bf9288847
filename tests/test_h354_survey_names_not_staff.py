"""A survey's name column whose one survey ends on a word for staff but is the customers' is imported (H354, review of
7a61cfb8): the NPS question's own "friend or colleague", "Patient survey - nursing staff" and a survey of an HR
product ("Employee Experience platform NPS") were refused as the employee NPS (exit 1, no nps.csv); the employees'
own surveys ("Staff", "Employee Pulse Q4", "Q4 survey of our staff") are still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli

SCORES = [10, 9, 6, 3, 8]  # Oct 2026, one answer a day


def _export(tmp_path: Path, value: str) -> Path:
    path = tmp_path / "answers.csv"
    lines = ["Response ID,Score,Created (UTC),Survey"]
    lines += [f'{i + 1},{SCORES[i % 5]},2026-10-{1 + i:02d} 10:00:00,"{value}"' for i in range(10)]
    path.write_text("\n".join(lines) + "\n")
    return path


def _import(tmp_path: Path, value: str) -> int:
    args = ["import", "--nps", str(_export(tmp_path, value)), "--columns", "date=Created (UTC)"]
    return cli.main([*args, "--to-csv", str(tmp_path / "t")])


@pytest.mark.parametrize(
    "value",
    [
        "How likely are you to recommend us to a friend or colleague?",
        "Patient survey - nursing staff",
        "Customer NPS - support staff",
        "Employee Experience platform NPS",
    ],
)
def test_a_customers_survey_naming_staff_imports(tmp_path: Path, value: str) -> None:
    assert _import(tmp_path, value) == 0  # at the parent: 1, 'every answer is of ..., the employee NPS'
    rows = (tmp_path / "t" / "nps.csv").read_text().splitlines()
    # 10 answers: 10, 9, 6, 3, 8 twice -> 4 promoters, 2 passives, 4 detractors, NPS 0
    assert rows[1].split(",")[:6] == ["2026-10", "10", "4", "2", "4", "0.0"]


@pytest.mark.parametrize("value", ["Staff", "Employee Pulse Q4", "Q4 survey of our staff", "Mitarbeiterbefragung"])
def test_an_employees_survey_is_still_refused(tmp_path: Path, value: str, capsys) -> None:
    assert _import(tmp_path, value) == 1
    err = capsys.readouterr().err
    assert f"column 'Survey': every answer is of {value!r}, the employee NPS" in err
    assert not (tmp_path / "t").exists()
