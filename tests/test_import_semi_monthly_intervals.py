"""A billing interval of twice a month ("Semi-monthly", "semimonthly", "twice a month", German "halbmonatlich", a
plan named "Pro Semi-monthly") was refused as an interval that is no whole number of days, weeks, months or years.
It is half a month, 24 a year: MRR = amount x 2 (docs/metrics.md, beside two weeks' 14 / 30.4375). "Bimonthly"
(twice a month, or every two months?) is still refused, naming the value."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run


def _mrr(out: Path) -> list[str]:
    return [line.split(",")[13] for line in (out / "movements.csv").read_text().splitlines()[1:2]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("interval", ["Semi-monthly", "semimonthly", "Twice a month", "halbmonatlich", "bimensuel"])
def test_a_twice_a_month_interval_is_half_a_month(tmp_path: Path, backend: str, interval: str) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text(f"customer_id,start,end,amount,interval\na,2024-01-01,,28.00,{interval}\n", encoding="utf-8")
    assert _mrr(run(tmp_path, "--subscriptions", path, backend=backend)) == ["56.0"]


def test_a_semi_monthly_interval_with_a_count_and_seats(tmp_path: Path) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text(
        "customer_id,start,end,amount,interval,interval_count,quantity\na,2024-01-01,,10.00,Semi-monthly,2,3\n"
    )  # every two half months (a month), three seats: 30 a month
    assert _mrr(run(tmp_path, "--subscriptions", path)) == ["30.0"]


def test_a_plan_named_semi_monthly_is_half_a_month(tmp_path: Path) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text("customer_id,start,end,amount,plan\na,2024-01-01,,28.00,Pro (Semi-monthly)\n")
    assert _mrr(run(tmp_path, "--subscriptions", path, "--columns", "interval=plan")) == ["56.0"]


def test_bimonthly_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text("customer_id,start,end,amount,interval\na,2024-01-01,,28.00,Bimonthly\n")
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert "subscriptions.csv" in message and "'Bimonthly'" in message and "row 2" in message
