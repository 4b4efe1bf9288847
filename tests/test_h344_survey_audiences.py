"""A survey's name or kind column that tells customers' and employees' surveys apart is read as Delighted's "Survey
Type" is (76a35ce4, ab5722be): a ``Survey`` column of "Customer survey" and "Employee survey" rows imported as one
NPS, exit 0 (KNOWN: "an NPS column named `Survey` mixing customer/employee surveys imports as one NPS"), and a
``Questionnaire`` column was not read at all (``nps`` beside ``enps`` imported as one NPS). Now both stop naming the
column, its values, the employees' one and the ``--segment`` that reads the customers' rows; a plain survey name
("Employee scheduling app NPS", "Q1 NPS" and "Q2 NPS") still imports."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "
SCORES = [10, 9, 6, 3, 8]  # Oct 2026, one answer a day


def _export(tmp_path: Path, column: str, values: list[str]) -> Path:
    path = tmp_path / "answers.csv"
    lines = [f"Response ID,Score,Created (UTC),{column}"]
    lines += [f"{i + 1},{SCORES[i % 5]},2026-10-{1 + i:02d} 10:00:00,{v}" for i, v in enumerate(values)]
    path.write_text("\n".join(lines) + "\n")
    return path


def _args(path: Path, out: Path, *more: str) -> list[str]:
    return ["import", "--nps", str(path), "--columns", "date=Created (UTC)", *more, "--to-csv", str(out)]


def test_a_survey_column_of_customers_and_employees_is_refused_naming_the_customers(tmp_path, capsys) -> None:
    path = _export(tmp_path, "Survey", ["Customer survey", "Employee survey"] * 5)
    assert cli.main(_args(path, tmp_path / "t")) == 1  # at the parent: 0, the 10 answers one NPS
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}answers.csv, column 'Survey': answers of 2 questions or surveys in one score column ('Customer "
        "survey', 'Employee survey'): 'Employee survey' is of employees, the employee NPS (employees asked about the "
        "company as a place to work), whose scores would count in the customers' NPS; read the NPS question's rows "
        "alone: --segment 'Survey=Customer survey'"
    )
    assert not (tmp_path / "t").exists()
    assert cli.main(_args(path, tmp_path / "c", "--segment", "Survey=Customer survey")) == 0
    rows = (tmp_path / "c" / "nps.csv").read_text().splitlines()
    # the customers' rows 1, 3, 5, 7, 9: 10, 6, 8, 9, 3 -> 2 promoters, 1 passive, 2 detractors
    assert [r.split(",")[:6] for r in rows[1:]] == [["2026-10", "5", "2", "1", "2", "0.0"]]


@pytest.mark.parametrize("column", ["Questionnaire", "Survey Kind", "Form"])
def test_other_names_of_the_column_are_read_too(tmp_path, capsys, column) -> None:
    path = _export(tmp_path, column, ["nps", "enps"] * 5)
    assert cli.main(_args(path, tmp_path / "t")) == 1  # Questionnaire, Survey Kind at the parent: 0
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{ERROR}answers.csv, column '{column}': answers of 2 questions or surveys in one score ")
    assert err.endswith(
        "('nps', 'enps'): 'enps' is of employees, the employee NPS (employees asked about the company as a place to "
        "work), whose scores would count in the customers' NPS; read the NPS question's rows alone: --segment "
        + shlex.quote(f"{column}=nps")
    )


def test_an_employee_survey_on_every_row_is_refused(tmp_path, capsys) -> None:
    path = _export(tmp_path, "Survey", ["Employee Pulse Q4"] * 10)
    assert cli.main(_args(path, tmp_path / "t")) == 1  # at the parent: 0
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}answers.csv, column 'Survey': every answer is of 'Employee Pulse Q4', the employee NPS (employees "
        "asked about the company as a place to work), not the customers' NPS; import a customer NPS survey's answers, "
        "or, to import these as they are, --segment 'Survey=Employee Pulse Q4'"
    )


@pytest.mark.parametrize(
    "values", [["Employee scheduling app NPS"] * 10, ["Q1 NPS", "Q2 NPS"] * 5, ["Customers", "Customers 2"] * 5]
)
def test_a_plain_survey_name_still_imports(tmp_path, values) -> None:
    path = _export(tmp_path, "Survey", values)
    assert cli.main(_args(path, tmp_path / "t")) == 0
    rows = (tmp_path / "t" / "nps.csv").read_text().splitlines()
    # 10 answers: 10, 9, 6, 3, 8 twice -> 4 promoters, 2 passives, 4 detractors, NPS 0
    assert rows[1].split(",")[:6] == ["2026-10", "10", "4", "2", "4", "0.0"]
