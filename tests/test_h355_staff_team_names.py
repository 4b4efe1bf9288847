"""An employees' survey whose name also names a team (a product or customer team) is still refused as the employee NPS
(H355, review of 5fecaea8): 5fecaea8 let any customer or product word anywhere in a survey's name clear it of the
employees ("Employee Pulse - Platform team", "Employee survey Q4 - customer success team", "Staff survey (software
engineers)", "Employee engagement survey - product team"), so such an export was imported as the customers' NPS, exit
0, silently; at 5fecaea8's parent it was refused. A product's word right after the staff and survey words ("Employee
Experience platform NPS", an HR product's customers) still imports (tests/test_h354_survey_names_not_staff.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli

SCORES = [10, 9, 6, 3, 8]  # Oct 2026, one answer a day


def _import(tmp_path: Path, value: str) -> int:
    path = tmp_path / "answers.csv"
    lines = ["Response ID,Score,Created (UTC),Survey"]
    lines += [f'{i + 1},{SCORES[i % 5]},2026-10-{1 + i:02d} 10:00:00,"{value}"' for i in range(10)]
    path.write_text("\n".join(lines) + "\n")
    args = ["import", "--nps", str(path), "--columns", "date=Created (UTC)"]
    return cli.main([*args, "--to-csv", str(tmp_path / "t")])


@pytest.mark.parametrize(
    "value",
    [
        "Employee Pulse - Platform team",
        "Employee survey Q4 - customer success team",
        "Staff survey (software engineers)",
        "Employee engagement survey - product team",
    ],
)
def test_an_employees_survey_naming_a_team_is_refused(tmp_path: Path, value: str, capsys) -> None:
    assert _import(tmp_path, value) == 1  # at the parent: 0, nps.csv written as the customers' NPS
    assert f"column 'Survey': every answer is of {value!r}, the employee NPS" in capsys.readouterr().err
    assert not (tmp_path / "t").exists()
