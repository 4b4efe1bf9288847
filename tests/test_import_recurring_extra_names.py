"""A recurring extra beside a billing export's amount was ignored under exit 0 under some names while its siblings
were refused (H211's finding 05): 'Usage Amount', 'Metered Amount', 'Additional Seats Amount' (the word amount kept
every such name out) and German compounds ('Nutzungsgebühren': usage fees, one word) gave MRR 200 for 225.
Refused as 'Usage Charges' and 'Storage Fee' are; a processor's 'Fee Amount' and a one-time 'Einrichtungsgebühr'
(setup fee) are read as before."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli


def run(tmp_path: Path, name: str, values: tuple[str, str]) -> int:
    lines = [f'customer_id,start,end,amount,interval,"{name}"', f"A,2024-01-05,,100.00,month,{values[0]}",
             f"B,2024-01-06,,100.00,month,{values[1]}"]  # fmt: skip
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")])


@pytest.mark.parametrize(
    "name", ["Usage Amount", "Metered Amount", "Overage Amount", "Nutzungsgebühren", "Wartungsgebühr"]
)
def test_a_recurring_extra_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert run(tmp_path, name, ("25.00", "")) == 1
    err = capsys.readouterr().err
    assert f"subs.csv, column {name!r}: prices beside the amount, which the subscription pays beside its plan" in err
    assert "in row 2 (counting the header as row 1): '25.00'" in err


@pytest.mark.parametrize("name", ["Fee Amount", "Einrichtungsgebühr", "Usage Amount"])
def test_other_columns_pass(tmp_path: Path, name: str) -> None:
    values = ("0.00", "") if name == "Usage Amount" else ("25.00", "")  # no usage billed: nothing beside the plan
    assert run(tmp_path, name, values) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        assert next(csv.DictReader(f))["mrr_end"] == "200.0"


def test_additional_seats_amount_beside_quantity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["customer_id,start,end,amount,interval,Quantity,Additional Seats Amount",
             "A,2024-01-05,,20.00,month,1,25.00", "B,2024-01-06,,20.00,month,1,0.00"]  # fmt: skip
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 1  # was 40 for 65
    err = capsys.readouterr().err
    assert "column 'Additional Seats Amount': prices beside the amount" in err
