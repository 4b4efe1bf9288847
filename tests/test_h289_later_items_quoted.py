"""A Paddle export's later items added into the first item's amount (fc42d659) made every later message quoting that
column quote the sum, which no cell of the file shows: 'read in cents ... (8000 as 80.00)' where the column holds
3000 (and items[1] 5 x 1000), an ended subscription's refusal quoting 0.0 for '1 x 0 + 0 x 1000', the cents-or-units
refusal '(45 as 0.45) ... 45 in cents is below one currency unit' for 40 and 1 x 5, the note's own terms in floats'
form ('5 x 1e+08 = 5.00003e+08'). They now quote the row as the file writes it. A negative price, the first item's or
a later one's, was added in too: 1 x -3000 + 5 x 1000 read as MRR 20 silently, and 5 x -1000 refused as 'negative MRR
... -2000.0'; a credit is no item paid with the first, refused as before fc42d659, quoting the file's value."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import refusal, written

from xl_retention import cli

COLUMNS = "start=started_at,end=canceled_at,quantity=items[0].quantity,amount=items[0].price.unit_price.amount"
HEADER = (
    "id,status,customer_id,currency_code,started_at,canceled_at,billing_cycle.interval,billing_cycle.frequency,"
    "items[0].status,items[0].quantity,items[0].price.unit_price.amount,items[0].price.unit_price.currency_code,"
    "items[1].status,items[1].quantity,items[1].price.unit_price.amount,items[1].price.unit_price.currency_code\n"
)
ROW = (
    "sub_01h04vsc0qhwtsbsxh3422wjs4,active,ctm_01a,USD,2026-01-05T10:00:00.000Z,{end},month,1,"
    "active,{q0},{p0},USD,active,{q1},{p1},USD\n"
)
PLAN_ONLY = (
    "sub_01h04vsc0qhwtsbsxh3422wjs5,active,ctm_01b,USD,2026-02-10T10:00:00.000Z,,month,1,active,1,3000,USD,,,,\n"
)


def _file(tmp_path: Path, end: str = "", q0: str = "1", p0: str = "3000", q1: str = "5", p1: str = "1000") -> Path:
    return written(tmp_path, "paddle.csv", HEADER + ROW.format(end=end, q0=q0, p0=p0, q1=q1, p1=p1) + PLAN_ONLY)


def _args(path: Path) -> tuple[str, ...]:
    return ("--subscriptions", str(path), "--columns", COLUMNS, "--through", "2026-02")


def _imported(tmp_path: Path, capsys: pytest.CaptureFixture[str], path: Path, backend: str) -> tuple[dict, str]:
    out = tmp_path / f"out-{backend}"
    capsys.readouterr()
    assert cli.main(["import", *_args(path), "--backend", backend, "--to-csv", str(out)]) == 0
    with open(out / "movements.csv", newline="") as handle:
        mrr = {row["month"]: float(row["mrr_end"]) for row in csv.DictReader(handle)}
    return mrr, capsys.readouterr().out


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_cents_note_quotes_the_column_as_the_file_writes_it(tmp_path, capsys, backend) -> None:
    mrr, out = _imported(tmp_path, capsys, _file(tmp_path), backend)
    assert mrr == {"2026-01": 80.0, "2026-02": 110.0}
    assert (
        "paddle.csv: the whole amounts of 'items[0].price.unit_price.amount' were read in cents, the currency's "
        "smallest unit, as Paddle's API writes them (3000 as 30.00); if they are whole units, import with --amounts "
        "units (or write them with a decimal mark, 3000.00)"
    ) in out
    assert "8000 as 80.00" not in out


def test_the_added_items_note_quotes_the_items_as_written(tmp_path, capsys) -> None:
    mrr, out = _imported(tmp_path, capsys, _file(tmp_path, p1="100000000"), "pandas")
    assert mrr == {"2026-01": 5000030.0, "2026-02": 5000060.0}
    assert "(row 2: 1 x 3000 + 5 x 100000000 = 500003000, read as quantity 1)" in out
    assert "e+08" not in out


def test_an_ended_subscription_of_mrr_0_is_quoted_as_its_items(tmp_path, capsys) -> None:
    path = _file(tmp_path, end="2026-02-20T00:00:00Z", p0="0", q1="0")
    said = refusal(capsys, *_args(path), "--to-csv", str(tmp_path / "o"))
    assert said.startswith("paddle.csv, column 'items[0].price.unit_price.amount': subscriptions that ended with MRR 0")
    assert "in row 2 (counting the header as row 1): '1 x 0 + 0 x 1000': give the MRR they paid" in said


def test_cents_or_units_quotes_the_first_item_as_written(tmp_path, capsys) -> None:
    said = refusal(capsys, *_args(_file(tmp_path, p0="40", q1="1", p1="5")), "--to-csv", str(tmp_path / "o"))
    said_40 = "as Paddle's API writes them (40 as 0.40), or in units (40.00)? (40 in cents is below one currency unit)"
    assert said_40 in said
    assert said.endswith("in row 2 (counting the header as row 1): '40'")
    assert "45" not in said


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("p0", "p1", "quoted"), [("-3000", "1000", "'1000'"), ("3000", "-1000", "'-1000'")])
def test_a_negative_price_is_no_item_added(tmp_path, capsys, backend, p0, p1, quoted) -> None:
    path = _file(tmp_path, p0=p0, p1=p1)
    said = refusal(capsys, *_args(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert said.startswith(
        "paddle.csv, column 'items[1].price.unit_price.amount': a second item of the subscription ('items[1].quantity' "
        "x 'items[1].price.unit_price.amount', beside the first one mapped: "
    )
    assert f"in row 2 (counting the header as row 1): {quoted}: write each item on a row of its own" in said
    assert "-2000" not in said and "2000" not in said.replace("-1000", "")
