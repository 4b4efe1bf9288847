"""Vendors' subscription statuses were refused as unknown (H35 finding 08): WooCommerce's pending-cancel (cancelled,
paid to its end date), FastSpring's deactivated and overdue, Zoho's dunning and cancelled_from_dunning, the stores'
grace_period and billing_retry. Each is read with its meaning: paying (past due) or ended; Zoho's trial_expired is a
trial that never paid, refused as trial_ended is; the stores' billing retry pays nothing (Apple: "the subscriber's days
of paid service pause until Apple is able to collect payment"), refused as Google Play's account_hold is (H152
finding 06)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

MAPPED = "customer_id=Customer Email,start=Begin Date,end=End Date,amount=Price,interval=Interval Unit"


def run(tmp_path: Path, status: str, end: str, *more: str) -> int:
    lines = [
        "Subscription ID,Customer Email,Status,Begin Date,End Date,Price,Interval Unit",
        "S1,a@x.com,active,2024-01-05,,100,month",
        f"S2,b@x.com,{status},2024-01-06,{end},100,month",
        "S3,c@x.com,active,2024-03-06,,100,month",
    ]
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--columns", MAPPED, "--to-csv", str(tmp_path / "o"),
                     *more])  # fmt: skip


def customers(tmp_path: Path) -> list[str]:
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        return [r["customers_end"] for r in csv.DictReader(f)]


@pytest.mark.parametrize(
    "status",
    ["pending-cancel", "wc-pending-cancel", "overdue", "dunning", "grace_period", "deactivated",
     "cancelled_from_dunning"],
)  # fmt: skip
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_vendor_statuses_with_an_end(tmp_path: Path, status: str, backend: str) -> None:
    assert run(tmp_path, status, "2024-04-06", "--backend", backend) == 0
    assert customers(tmp_path) == ["2", "2", "3", "2"]  # b@x.com's loss in April, as its end says


@pytest.mark.parametrize("status", ["overdue", "dunning", "grace_period", "pending-cancel"])
def test_paying_statuses_without_an_end(tmp_path: Path, status: str) -> None:
    assert run(tmp_path, status, "") == 0
    assert customers(tmp_path) == ["2", "2", "3"]  # paying: b@x.com active through the file's last start


@pytest.mark.parametrize("status", ["deactivated", "cancelled_from_dunning"])
def test_ended_statuses_without_an_end_are_refused(tmp_path: Path, capsys, status: str) -> None:
    assert run(tmp_path, status, "") == 1
    assert "column 'Status'" in capsys.readouterr().err


def test_an_expired_trial_never_paid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "trial_expired", "2024-02-06") == 1
    assert "subscriptions that do not pay, to be removed" in capsys.readouterr().err


@pytest.mark.parametrize("status", ["billing_retry", "account_hold"])
def test_billing_retry_pays_nothing_as_account_hold(tmp_path: Path, capsys, status: str) -> None:
    assert run(tmp_path, status, "2024-04-06") == 1
    assert "subscriptions that do not pay, to be removed" in capsys.readouterr().err
