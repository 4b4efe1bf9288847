"""A donor export's 'Gift Type': pledges, recurring gifts' schedules and write-offs are no money received
(H360's finding 02; reading.gift_types).

A Raiser's Edge gifts export counted the Pledge of 1,200.00 beside its Pay-Cash payments (cohort 2025-01's month 0:
1400.00, its donor a repeat donor), and the Recurring Gift schedule and a Write Off of 400.00 as gifts. They are now
left out with a note naming the column, the values and the rows (pandas and duckdb); a type that says neither money
received nor a pledge is refused naming it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

COLUMNS = ("--columns", "customer_id=Constituent ID,date=Gift Date,amount=Gift Amount,order_id=Gift ID")
HEADER = "Gift ID,Constituent ID,Gift Date,Gift Amount,Fund,Gift Type\n"
PLEDGE = HEADER + (
    'G1,D100,01/15/2025,$100.00,Annual Fund,Cash\nG2,D101,01/20/2025,"$1,200.00",Annual Fund,Pledge\n'
    "G3,D101,01/20/2025,$100.00,Annual Fund,Pay-Cash\nG4,D101,02/20/2025,$100.00,Annual Fund,Pay-Cash\n"
    "G5,D102,02/03/2025,$50.00,Annual Fund,Cash\nG6,D100,02/10/2025,$25.00,Annual Fund,Cash\n"
    "G7,D101,03/20/2025,$100.00,Annual Fund,Pay-Cash\nG8,D102,03/05/2025,$50.00,Annual Fund,Cash\n"
)
MORE = HEADER + (
    "G1,D100,01/15/2025,$100.00,Annual Fund,Cash\nG2,D101,01/20/2025,$50.00,Annual Fund,Recurring Gift\n"
    "G3,D101,01/20/2025,$50.00,Annual Fund,Recurring Gift Pay-Cash\n"
    "G4,D101,02/20/2025,$50.00,Annual Fund,Recurring Gift Pay-Cash\nG5,D102,02/03/2025,$500.00,Annual Fund,Pledge\n"
    "G6,D102,02/03/2025,$100.00,Annual Fund,Pay-Cash\nG7,D102,03/05/2025,$400.00,Annual Fund,Write Off\n"
    "G8,D100,03/10/2025,$25.00,Annual Fund,Cash\n"
)


def _table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / name, index_col=0).fillna(0.0)


def _file(tmp_path: Path, name: str, text: str, backend: str) -> Path:
    path = written(tmp_path, f"{name}.csv", text)
    if backend == "pandas":
        return path
    parquet = tmp_path / f"{name}.parquet"
    pd.read_csv(path, dtype=str).to_parquet(parquet)
    return parquet


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_pledge_left_out_beside_its_payments(tmp_path: Path, capsys, backend: str) -> None:
    out = run(tmp_path, "--orders", _file(tmp_path, "re_gifts", PLEDGE, backend), *COLUMNS, backend=backend)
    revenue = _table(out, "order_revenue_cohorts.csv")
    assert revenue.loc["2025-01", ["0", "1", "2"]].tolist() == [200.0, 125.0, 100.0]  # hand count: Cash + Pay-Cash
    assert revenue.loc["2025-02", ["0", "1"]].tolist() == [50.0, 50.0]
    assert _table(out, "purchases.csv").loc["2025-01", "repeat_purchasers"] == 0  # D101: one gift in January
    said = capsys.readouterr()
    err = said.out + said.err  # the import's notes
    assert "1 row(s) of 'Gift Type' left out ('Pledge' 1)" in err and "('Cash', 'Pay-Cash')" in err


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_schedule_and_write_off_left_out(tmp_path: Path, capsys, backend: str) -> None:
    out = run(tmp_path, "--orders", _file(tmp_path, "more", MORE, backend), *COLUMNS, backend=backend)
    revenue = _table(out, "order_revenue_cohorts.csv")
    assert revenue.loc["2025-01", ["0", "1", "2"]].tolist() == [150.0, 50.0, 25.0]
    assert revenue.loc["2025-02", ["0", "1"]].tolist() == [100.0, 0.0]
    assert _table(out, "purchases.csv").loc["2025-03", "returning"] == 1  # D100; D102's write-off is none
    said = capsys.readouterr()
    err = said.out + said.err  # the import's notes
    assert "3 row(s) of 'Gift Type' left out ('Recurring Gift' 1, 'Pledge' 1, 'Write Off' 1)" in err


def test_other_gift_types_are_refused(tmp_path: Path, capsys) -> None:
    text = PLEDGE.replace("G8,D102,03/05/2025,$50.00,Annual Fund,Cash", "G8,D102,03/05/2025,$50.00,Annual Fund,GIK")
    path = written(tmp_path, "gik.csv", text.replace(",GIK", ",Gift-in-Kind"))
    err = refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err.startswith(
        "gik.csv, column 'Gift Type': gift types that say neither money received (Cash, Pay-Cash) nor a pledge or a "
        "write-off (whether these were gifts paid cannot be told) in row 9 (counting the header as row 1): "
        "'Gift-in-Kind'"
    )


def test_a_recurring_gift_without_its_payments_is_refused(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "rg.csv", MORE.replace("Recurring Gift Pay-Cash", "Cash"))  # payment or schedule?
    err = refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert "column 'Gift Type': gift types that say neither" in err and "row 3 " in err and "'Recurring Gift'" in err
