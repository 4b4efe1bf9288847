"""An import option given twice: argparse kept the last value, so ``--orders jan.csv --orders feb.csv`` read only
February (January's buyers and revenue lost, exit 0). Now a one-line usage error names both values."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli


def _usage_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    return lines[0]


@pytest.mark.parametrize("option", ["orders", "nps", "visits", "subscriptions"])
def test_an_input_given_twice_is_refused_naming_both_files(tmp_path: Path, capsys, option: str) -> None:
    jan, feb = tmp_path / "jan.csv", tmp_path / "feb.csv"
    jan.write_text("customer_id,date,amount\na,2024-01-05,100\nb,2024-01-06,50\n")
    feb.write_text("customer_id,date,amount\na,2024-02-05,30\nc,2024-02-06,20\n")
    out = tmp_path / "out"
    line = _usage_error(capsys, ["import", f"--{option}", str(jan), f"--{option}", str(feb), "--to-csv", str(out)])
    assert line == (
        f"xl-retention import: error: argument --{option}: given twice ({jan}, {feb}): append the exports into "
        "one file (its header once) and give that (see: xl-retention import --help)"
    )
    assert not out.exists()


def test_other_options_given_twice_with_different_values_are_refused(capsys) -> None:
    line = _usage_error(capsys, ["import", "--orders", "o.csv", "--sep", ",", "--sep", ";", "--to-csv", "out"])
    assert line == (
        "xl-retention import: error: argument --sep: given twice (',', ';'): give one (see: xl-retention import --help)"
    )
    line = _usage_error(capsys, ["import", "--orders", "o.csv", "--into", "a.xlsx", "--into", "b.xlsx"])
    assert line.startswith("xl-retention import: error: argument --into: given twice ('a.xlsx', 'b.xlsx')")


def test_the_same_file_twice_is_read_once(tmp_path: Path) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text("customer_id,date,amount\na,2024-01-05,100\nb,2024-01-06,50\na,2024-02-05,30\n")
    out = tmp_path / "out"
    assert cli.main(["import", "--orders", str(orders), "--orders", str(orders), "--to-csv", str(out)]) == 0
    lines = (out / "purchases.csv").read_text().splitlines()
    assert lines[1:] == ["2024-01,2,0,0,0.0,0.0", "2024-02,1,0,1,0.0,1.0"]
