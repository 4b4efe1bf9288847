"""The employee NPS is named by what the survey tools write for it (``enps``, eNPS, "Employee NPS", "Employee Net
Promoter Score", ``Mitarbeiter-NPS``, "... as a place to work"), not by the word "employee" alone: a customers' NPS
question about an employee scheduling app was refused as the employee NPS (H336's review of 76a35ce4). The refusal
names the ``--segment`` that imports the answers anyway."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "
SCORES = [10, 10, 9, 7, 3]  # a row of five: 3 promoters, 1 passive, 1 detractor: NPS 40


def _export(tmp_path: Path, column: str, values: list[str]) -> Path:
    path = tmp_path / "answers.csv"
    lines = [f"Response ID,Score,Created (UTC),{column}"]
    lines += [
        f'{i + 1},{SCORES[i % 5]},2026-10-{1 + i:02d} 10:00:00,"{v}"' for i, v in enumerate(values)
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n")
    return path


def _import(tmp_path: Path, path: Path, *extra: str) -> list[str]:
    out = tmp_path / "t"
    args = ["import", "--nps", str(path), "--columns", "date=Created (UTC)", *extra, "--to-csv", str(out)]
    assert cli.main(args) == 0
    return (out / "nps.csv").read_text().splitlines()


APP = "How likely are you to recommend our employee scheduling app?"


@pytest.mark.parametrize(
    ("column", "value"),
    [("Question", APP), ("Survey", "Employee scheduling app NPS"), ("Survey Type", "Mitarbeiter App NPS")],
)
def test_customer_nps_naming_employees_is_imported(tmp_path, capsys, column, value):
    lines = _import(tmp_path, _export(tmp_path, column, [value] * 10))  # at the parent: exit 1, "the employee NPS"
    assert lines[0] == "month,responses,promoters,passives,detractors,nps,nps_moe"
    assert lines[1].startswith("2026-10,10,6,2,2,40.0,")
    assert "employee" not in capsys.readouterr().err


def test_app_question_beside_csat_is_named_as_the_nps_question(tmp_path, capsys):
    path = _export(tmp_path, "Question", [APP, "How satisfied are you with support?"] * 5)
    args = ["import", "--nps", str(path), "--columns", "date=Created (UTC)", "--to-csv", str(tmp_path / "t")]
    assert cli.main(args) == 1
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(  # at the parent: --segment 'Question=VALUE'
            f"read the NPS question's rows alone: --segment 'Question={APP}'"
        )
    )
    lines = _import(tmp_path, path, "--segment", f"Question={APP}")
    assert lines[1].startswith("2026-10,5,3,1,1,40.0,")


@pytest.mark.parametrize(
    "value",
    [
        "enps",
        "e-NPS",
        "Employee Net Promoter Score",
        "Mitarbeiter-NPS",
        "How likely are you to recommend Acme as a place to work?",
    ],
)
def test_employee_nps_refused_naming_the_segment_that_imports_it(tmp_path, capsys, value):
    path = _export(tmp_path, "Survey Type", [value] * 10)
    args = ["import", "--nps", str(path), "--columns", "date=Created (UTC)", "--to-csv", str(tmp_path / "t")]
    assert cli.main(args) == 1
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}answers.csv, column 'Survey Type': every answer is of {value!r}, the employee NPS (employees asked "
        "about the company as a place to work), not the customers' NPS; import a customer NPS survey's answers, or, to "
        f"import these as they are, --segment 'Survey Type={value}'"
    )
    assert not (tmp_path / "t").exists()
    lines = _import(tmp_path, path, "--segment", f"Survey Type={value}")  # the way the line names
    assert lines[1].startswith("2026-10,10,6,2,2,40.0,")
