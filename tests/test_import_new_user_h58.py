"""A new user's import findings (H54 17, 19, 20, 21, 22, 23), each on its own small input: a monthly amount mapped to
mrr beside a billing interval, PayPal refunds and conversions with --segment, ids under a plural header, the note on a
month in progress, and a subscription's items sharing its id."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


# -- 19: a monthly amount mapped to mrr beside a billing interval ---------------------------------------------------
MONTHLY = "customer_id,start,end,{name},billing_interval\na,2026-01-05,,100,year\nb,2026-01-06,,50,month\n"


@pytest.mark.parametrize("name", ["monthly_amount", "monthly_price", "Monthly fee", "Amount per month", "Price/mo"])
def test_19_a_column_named_per_month_mapped_to_mrr_is_taken_as_it_is(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / "subs.csv", MONTHLY.format(name=name))
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", f"mrr={name}") / "movements.csv")
    assert moves.loc[0, "month"] == "2026-01" and moves.loc[0, "mrr_end"] == 150.0  # not 100 / 12 + 50


def test_19_a_price_per_interval_mapped_to_mrr_is_still_divided(tmp_path: Path) -> None:
    path = write(tmp_path / "subs.csv", MONTHLY.format(name="Plan Amount"))
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", "mrr=Plan Amount") / "movements.csv")
    assert moves.loc[0, "mrr_end"] == pytest.approx(100 / 12 + 50)


def test_19_unmapped_the_refusal_names_the_monthly_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "subs.csv", MONTHLY.format(name="monthly_amount"))
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    assert message.endswith("; or, 'monthly_amount' being per month already: --columns mrr=monthly_amount")
