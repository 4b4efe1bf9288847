"""H285's finding 05: `xl-retention demo --months 2` printed "5 in error" and named no cell or reason; the demo now
names each error as `recalc` does, one line per error and reason."""

from __future__ import annotations

from xl_retention import cli

SBG = (
    "SBG_FIT: survivors needs a cohort observed for at least 2 periods (3 values: its size, then the customers still "
    "active after periods 1 and 2) to estimate alpha and beta; the longest has {} value(s) (#NUM!)"
)


def test_demo_of_two_months_names_the_sbg_fit_cells_and_why(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["demo", "d.xlsx", "--months", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("wrote d.xlsx: the template with sample data, recalculated by the embedded engine (")
    assert "156 formulas, 5 in error, " in lines[0]
    assert lines[1] == f"d.xlsx: Cohorts!B14:D14, 'Lifetime value'!B9:B10 (5 cells) = #NUM!: {SBG.format(2)}"
    assert lines[2].startswith("Last month, ")


def test_demo_of_one_month_names_them_too(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["demo", "d.xlsx", "--months", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "100 formulas, 5 in error, " in lines[0]
    assert lines[1] == f"d.xlsx: Cohorts!B12:D12, 'Lifetime value'!B9:B10 (5 cells) = #NUM!: {SBG.format(1)}"


def test_demo_of_three_months_has_no_error_line(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["demo", "d.xlsx", "--months", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert ", 0 in error, " in lines[0]
    assert lines[1].startswith("Last month, ")
