"""A recurring extra price beside a billing export's amount under a name that does not say add-on ("Support Plan
Price", "Module Price", "Storage Fee", "Extras", "Premium Support", "Zusatzoptionen") was left out of the MRR: Jan 200
for 225.50, exit 0 (H35 finding 09). Refused naming the rows, as an add-on column is; a one-time fee, a price equal to
the amount (written again), a lifetime value and a column of words are read as before. A database table alike.
A camel-case name is read by its words as a spaced one is: ``UsageTotal``, ``SupportLifetimeValue`` (a total, a
lifetime value) were refused as prices, ``premiumDiscount`` as a price where it is a discount; a lifetime value
of whole numbers was refused as a quantity (seats?) (H48)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli


def run(tmp_path: Path, name: str, values: tuple[str, str], *more: str) -> int:
    lines = [f'customer_id,start,end,amount,interval,"{name}"', f"A,2024-01-05,,100.00,month,{values[0]}",
             f"B,2024-01-06,,100.00,month,{values[1]}"]  # fmt: skip
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), *more])


@pytest.mark.parametrize(
    "name",
    [
        "Support Plan Price",
        "Module Price",
        "Options Price",
        "Storage Fee",
        "Extras",
        "Premium Support",
        "Zusatzoptionen",
    ],
)
def test_an_extra_price_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert run(tmp_path, name, ("25.50", "")) == 1
    err = capsys.readouterr().err
    assert f"subs.csv, column {name!r}: prices beside the amount, which the subscription pays beside its plan" in err
    assert "in row 2 (counting the header as row 1): '25.50'" in err


@pytest.mark.parametrize(
    ("name", "values"),
    [("Setup Fee", ("25.50", "")), ("Support Price", ("100.00", "100.00")), ("Lifetime Value", ("2500.75", "300.10")),
     ("Premium Support", ("yes", "no")), ("Storage Fee", ("0.00", "")), ("UsageTotal", ("250.50", "30.25")),
     ("SupportLifetimeValue", ("900.50", "120.25")), ("setupFee", ("25.50", "")),
     ("SupportLifetimeValue", ("900", "120")), ("Lifetime Value", ("2500", "300")), ("LTV", ("2500", "300"))],
)  # fmt: skip
def test_other_columns_pass(tmp_path: Path, name: str, values: tuple[str, str]) -> None:
    assert run(tmp_path, name, values) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        assert next(csv.DictReader(f))["mrr_end"] == "200.0"


def test_a_camel_case_seat_count_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "UserCount", ("5", "2")) == 1
    assert "column 'UserCount' looks like the billing quantity but is not used" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["StorageFee", "supportPlanPrice", "ModulePrice"])
def test_a_camel_case_extra_price_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert run(tmp_path, name, ("25.50", "")) == 1
    assert f"subs.csv, column {name!r}: prices beside the amount" in capsys.readouterr().err


def test_a_camel_case_discount_is_refused_as_a_discount(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "premiumDiscount", ("5.00", "")) == 1
    err = capsys.readouterr().err
    assert "subs.csv, column 'premiumDiscount': discounts that lower what the customer pays" in err
    assert "prices beside the amount" not in err


def test_an_add_on_column_is_refused_by_the_same_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "addon_unit_price", ("12.00", "")) == 1
    err = capsys.readouterr().err
    assert "subs.csv, column 'addon_unit_price': add-on prices or quantities, which the subscription pays beside" in err
    assert "in row 2 (counting the header as row 1): '12.00'" in err


def test_a_database_table(tmp_path: Path) -> None:
    import duckdb

    frame = pd.DataFrame({"customer_id": ["A", "B"], "start": pd.to_datetime(["2024-01-05", "2024-01-06"]),
                          "amount": [100.0, 100.0], "interval": ["month", "month"],
                          "Storage Fee": [25.5, None]})  # fmt: skip
    database = tmp_path / "subs.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE subs AS SELECT * FROM frame")
    args = ["--subscriptions", "table:subs", "--backend", "duckdb", "--connection", str(database)]
    assert cli.main(["import", *args, "--to-csv", str(tmp_path / "o")]) == 1
