"""Paddle Billing's price ``tax_mode`` ``account_setting`` (H266's finding 11): the price follows the account's tax
setting, inclusive or exclusive, which the file does not say. It was taken as net with exit 0 (MRR 11.90 a
subscription, 10.00 for an account whose prices include 19% VAT); it is refused naming the column, the value and the
ways forward, on every engine, as ``internal`` is; ``external`` still reads as net."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import refusal, run, written

SUBS = (
    "id,status,customer_id,currency_code,started_at,canceled_at,billing_cycle.interval,billing_cycle.frequency,"
    "items[0].quantity,items[0].price.unit_price.amount,items[0].price.unit_price.currency_code,"
    "items[0].price.tax_mode\n"
    "sub_01h04vsc0qhwtsbsxh3422wjs4,active,ctm_01a,EUR,2026-01-05T10:00:00.000Z,,month,1,1,1190,EUR,{mode}\n"
    "sub_01h04vsc0qhwtsbsxh3422wjs5,active,ctm_01b,EUR,2026-02-10T10:00:00.000Z,,month,1,1,1190,EUR,{mode}\n"
)
COLUMNS = "start=started_at,end=canceled_at,quantity=items[0].quantity,amount=items[0].price.unit_price.amount"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_account_setting_is_refused_naming_it(tmp_path, capsys, backend) -> None:
    path = written(tmp_path, "subs.csv", SUBS.format(mode="account_setting"))
    args = ("--subscriptions", str(path), "--columns", COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == (
        "subs.csv: column 'items[0].price.tax_mode' says 'account_setting' (row 2): the price follows the Paddle "
        "account's tax setting, which the file does not say, so whether 'items[0].price.unit_price.amount' includes "
        "tax (gross) or not (net) cannot be told; MRR is net of tax: if the account's prices exclude tax, write "
        "'external' in those cells; if they include it, give the amounts before tax (--columns amount=NAME) or a "
        "column of the tax beside them"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_internal_is_refused_and_external_read_as_net(tmp_path, capsys, backend) -> None:
    path = written(tmp_path, "subs.csv", SUBS.format(mode="internal"))
    args = ("--subscriptions", str(path), "--columns", COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args).startswith(
        "subs.csv: column 'items[0].price.tax_mode' says 'items[0].price.unit_price.amount' includes tax (row 2: "
        "'internal')"
    )
    path = written(tmp_path, "subs.csv", SUBS.format(mode="external"))
    out: Path = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, backend=backend)
    with open(out / "movements.csv", newline="") as handle:
        assert {row["month"]: float(row["mrr_end"]) for row in csv.DictReader(handle)} == {
            "2026-01": 11.9,
            "2026-02": 23.8,
        }
