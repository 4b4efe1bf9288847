"""A negotiated price beside a billing export's list price ('Sonderpreis', 'Vertragspreis': 80.00 where filled, the
list price 100.00 in the amount) was ignored under exit 0 (H211's finding 07: MRR 200 for 180) while 'Special Price'
was refused as a price paid beside the plan, to be added into the amount (180 for 80: H211's finding 06); a discount
('Preisnachlass', 'Price Reduction') was refused with the same advice (110 for 90). Now a negotiated price is refused
as one that replaces the amount, with the ways out that give 180, and a discount as a discount."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli


def run(tmp_path: Path, name: str, values: tuple[str, str], *more: str) -> int:
    lines = [f'customer_id,start,end,amount,interval,"{name}"', f"A,2024-01-05,,100.00,month,{values[0]}",
             f"B,2024-01-06,,100.00,month,{values[1]}"]  # fmt: skip
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), *more])


def mrr(tmp_path: Path) -> str:
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        return next(csv.DictReader(f))["mrr_end"]


@pytest.mark.parametrize("name", ["Sonderpreis", "Vertragspreis", "Special Price", "Contract Price", "Precio especial"])
def test_a_negotiated_price_is_refused_as_one(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert run(tmp_path, name, ("80.00", "")) == 1
    err = capsys.readouterr().err
    assert (
        f"subs.csv, column {name!r}: prices that replace the amount where they are filled (a negotiated price beside "
        "the list price) in row 2 (counting the header as row 1): '80.00': MRR counts the price each customer pays, "
        f"one a row, so the two are not added up: write each row's price paid into 'amount' (where {name!r} is "
        f"filled, its price) and remove {name!r}, or fill the blank cells of {name!r} with the price in 'amount' and "
        "map it (--columns "
    ) in err
    assert f"in Python: columns={{'amount': {name!r}}})" in err
    assert "add them into the amount" not in err


def test_the_way_out_gives_the_prices_paid(tmp_path: Path) -> None:
    assert run(tmp_path, "Sonderpreis", ("80.00", "100.00"), "--columns", "amount=Sonderpreis") == 0
    assert mrr(tmp_path) == "180.0"  # A 80, B the list price 100


@pytest.mark.parametrize("name", ["Preisnachlass", "Price Reduction"])
def test_a_discount_is_refused_as_one(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert run(tmp_path, name, ("10", "")) == 1
    err = capsys.readouterr().err
    assert f"subs.csv, column {name!r}: discounts that lower what the customer pays in row 2" in err
    assert "MRR is after discounts" in err
    assert "pays beside its plan" not in err and "add them into the amount" not in err


@pytest.mark.parametrize("name", ["Sonderpreis", "Preisnachlass"])
def test_blank_columns_pass(tmp_path: Path, name: str) -> None:
    assert run(tmp_path, name, ("", "")) == 0
    assert mrr(tmp_path) == "200.0"
