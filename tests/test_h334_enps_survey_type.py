"""Delighted's "Survey Type" ``enps`` (the employee NPS: employees asked about the company as a place to work, on the
same 0-10 scale) is refused as the customers' NPS, like ``pmf`` and ``csat`` (H330's finding 05: imported silently
as the tracker's NPS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def _export(tmp_path: Path, types: list[str]) -> Path:
    path = tmp_path / "delighted.csv"
    lines = ["Response ID,Score,Created (UTC),Survey Type"]
    lines += [f"{i + 1},{[10, 9, 6, 3, 8][i % 5]},2026-10-{1 + i:02d} 10:00:00,{t}" for i, t in enumerate(types)]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("value", ["enps", "eNPS", "Employee NPS"])
def test_employee_nps_refused(tmp_path, capsys, value):
    path = _export(tmp_path, [value] * 10)
    args = ["import", "--nps", str(path), "--columns", "date=Created (UTC)", "--to-csv", str(tmp_path / "t")]
    assert cli.main(args) == 1  # at the parent: 0, nps.csv written
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}delighted.csv, column 'Survey Type': every answer is of {value!r}, the employee NPS (employees asked "
        "about the company as a place to work), not the customers' NPS; import a customer NPS survey's answers, or, to "
        f"import these as they are, --segment 'Survey Type={value}'"
    )
    assert not (tmp_path / "t").exists()


def test_employee_and_customer_nps_in_one_file_name_the_customers(tmp_path, capsys):
    path = _export(tmp_path, ["nps", "Employee NPS"] * 5)
    args = ["import", "--nps", str(path), "--columns", "date=Created (UTC)", "--to-csv", str(tmp_path / "t")]
    assert cli.main(args) == 1
    assert "read the NPS question's rows alone: --segment 'Survey Type=nps'" in capsys.readouterr().err
    args = [*args[:-2], "--segment", "Survey Type=nps", "--to-csv", str(tmp_path / "c")]
    assert cli.main(args) == 0
    assert (tmp_path / "c" / "nps.csv").read_text().splitlines()[1].startswith("2026-10,5,")
