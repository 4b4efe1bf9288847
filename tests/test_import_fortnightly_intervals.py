"""A billing interval of two weeks written as a word ("Fortnightly", "Bi-weekly", "biweekly", German
"zweiwöchentlich", a plan named "Pro Bi-weekly") was refused as an interval that is no whole number of days, weeks,
months or years, while "every 2 weeks" was read. It is two weeks: MRR = amount / (14 / 30.4375), the weekly rule of
docs/metrics.md twice over (28.00 every two weeks is 60.875 a month)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import run


def _mrr(out: Path) -> list[str]:
    return [line.split(",")[13] for line in (out / "movements.csv").read_text().splitlines()[1:2]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("interval", ["Fortnightly", "Bi-weekly", "biweekly", "zweiwöchentlich", "every 2 weeks"])
def test_a_two_weeks_interval_word_is_two_weeks(tmp_path: Path, backend: str, interval: str) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text(f"customer_id,start,end,amount,interval\na,2024-01-01,,28.00,{interval}\n", encoding="utf-8")
    assert _mrr(run(tmp_path, "--subscriptions", path, backend=backend)) == ["60.875"]


def test_a_plan_named_bi_weekly_is_two_weeks(tmp_path: Path) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text("customer_id,start,end,amount,plan\na,2024-01-01,,28.00,Pro (Bi-weekly)\n")
    assert _mrr(run(tmp_path, "--subscriptions", path, "--columns", "interval=plan")) == ["60.875"]
