"""Chargebee's ``subscriptions.plan_amount`` (the amount billed for the plan) beside ``plan_unit_price`` x
``plan_quantity`` that it is not (40 beside 10 x 5: a volume or tiered price, a free seat) was ignored when the unit
price was read: MRR 50 where the export says 40, no note (H161 finding 08). Not mapped, it is refused as an unused
total is; mapped, as the refusal advises, it is the subscription's total by Chargebee's definition (with a note)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

CHARGEBEE = (
    "subscriptions.id,subscriptions.customer_id,subscriptions.plan_id,subscriptions.plan_quantity,"
    "subscriptions.plan_unit_price,subscriptions.plan_amount,subscriptions.billing_period,"
    "subscriptions.billing_period_unit,subscriptions.status,subscriptions.started_at,subscriptions.cancelled_at,"
    "subscriptions.currency_code\n"
    "sub_1,cus_A,seats-USD-Monthly,5,10.00,40.00,1,month,active,2026-06-10,,USD\n"
    "sub_2,cus_B,seats-USD-Monthly,2,10.00,20.00,1,month,active,2026-07-01,,USD\n"
)
DATES = "start=subscriptions.started_at,end=subscriptions.cancelled_at"


def _import(tmp_path: Path, columns: str, backend: str) -> int:
    path = tmp_path / "chargebee.csv"
    path.write_text(CHARGEBEE)
    args = ["import", "--subscriptions", str(path), "--columns", columns, "--backend", backend]
    return cli.main([*args, "--to-csv", str(tmp_path / "o")])


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_plan_amount_not_unit_price_times_quantity_is_not_ignored(tmp_path: Path, capsys, backend: str) -> None:
    assert _import(tmp_path, DATES, backend) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "xl-retention: error: chargebee.csv, column 'subscriptions.plan_amount': subscription totals that are not "
        "'subscriptions.plan_unit_price' x 'subscriptions.plan_quantity' (50 in row 2): "
    ), err
    assert "map amount=subscriptions.plan_amount if it is the total per billing interval" in err


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_plan_amount_mapped_is_the_amount_billed(tmp_path: Path, capsys, backend: str) -> None:
    assert _import(tmp_path, f"{DATES},amount=subscriptions.plan_amount", backend) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        mrr = {r["month"]: float(r["mrr_end"]) for r in csv.DictReader(f)}
    assert (mrr["2026-06"], mrr["2026-07"]) == (40.0, 60.0)
    assert (
        "chargebee.csv: 'subscriptions.plan_amount' (Chargebee's amount billed for the plan) is not "
        "'subscriptions.plan_unit_price' x 'subscriptions.plan_quantity' in row 2 (40, not 10 x 5)"
    ) in capsys.readouterr().out
