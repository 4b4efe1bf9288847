"""Billing intervals as vendors write them were refused: HubSpot's "Per two years" ... "Per five years", Google
Play's and the App Store Server API's ISO 8601 periods (P1M, P3M, P1Y, P1W), "Every other month", "Per month" (H35
finding 16). Each is its months; a time (PT1M) or zero units is still refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli


def run(tmp_path: Path, interval: str, *more: str) -> int:
    lines = ["customer_id,start,amount,interval", f"B,2024-01-05,1200,{interval}", f"C,2024-01-06,1200,{interval}"]
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), *more])


@pytest.mark.parametrize(
    ("interval", "mrr"),
    [("Per two years", 100.0), ("Per five years", 40.0), ("P1M", 2400.0), ("P3M", 800.0), ("P1Y", 200.0),
     ("P1W", round(2400 * 30.4375 / 7, 6)), ("Every other month", 1200.0), ("Per month", 2400.0)],
)  # fmt: skip
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_vendor_spellings(tmp_path: Path, interval: str, mrr: float, backend: str) -> None:
    assert run(tmp_path, interval, "--backend", backend) == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        assert round(float(next(csv.DictReader(f))["mrr_end"]), 6) == mrr


@pytest.mark.parametrize("interval", ["PT1M", "P0M", "Per"])
def test_no_interval_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], interval: str) -> None:
    assert run(tmp_path, interval) == 1
    assert "billing intervals that are not day, week, month" in capsys.readouterr().err
