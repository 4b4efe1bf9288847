"""A subscriptions export whose end dates are under another name, with only its start mapped, was imported as if no
subscription ever ended (no churn, customers and MRR too high, exit 0). It is refused naming the column and the
option, on pandas and DuckDB alike; mapped, it gives the churn.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading.ends import end_like_columns

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]


def subscriptions(path: Path, end_name: str) -> Path:
    path.write_text(
        f"Customer ID,Start Date (UTC),{end_name},Plan Amount,Plan Interval\n"
        "cus_a,2026-01-05 10:00:00,,100,month\n"
        "cus_b,2026-01-07 10:00:00,2026-03-02 09:00:00,50,month\n"
        "cus_c,2026-02-03 10:00:00,,80,month\n"
        "cus_d,2026-04-01 10:00:00,,10,month\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("end_name", ["Ended At (UTC)", "canceled_at", "end_date", "Cancellation Date"])
def test_an_unmapped_end_column_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], end_name: str, backend: str
) -> None:
    path = subscriptions(tmp_path / "subs.csv", end_name)
    out = tmp_path / "out"
    argv = ["import", "--subscriptions", str(path), "--columns", "start=Start Date (UTC)", "--backend", backend]
    assert cli.main([*argv, "--to-csv", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    option = f"--columns 'end={end_name}'" if " " in end_name else f"--columns end={end_name}"
    assert err == (
        f"xl-retention: error: subs.csv: column {end_name!r} looks like the day subscriptions ended but is not used: "
        "without an end every subscription counts as active to this day (no churn); map it: "
        f"{option} (in Python: columns={{'end': {end_name!r}}}), or remove the column if it is "
        "not the day service stopped"
    )
    assert not out.exists()


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_end_column_mapped_gives_the_churn(tmp_path: Path, backend: str) -> None:
    path = subscriptions(tmp_path / "subs.csv", "Ended At (UTC)")
    out = tmp_path / "out"
    columns = "start=Start Date (UTC),end=Ended At (UTC)"
    argv = ["import", "--subscriptions", str(path), "--columns", columns, "--backend", backend, "--to-csv", str(out)]
    assert cli.main(argv) == 0
    moves = pd.read_csv(out / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves.loc["2026-03", "lost"] == 1
    assert moves["lost"].sum() == 1
    assert moves.loc["2026-04", "customers_end"] == 3


def test_other_dates_and_flags_are_not_taken_for_an_end() -> None:
    columns = [
        "Customer ID", "Start", "Current Period End (UTC)", "Trial End (UTC)", "Cancel At Period End",
        "Cancel At (UTC)", "Canceled", "Cancellation Reason", "Pause Ends At", "Coupon End Date",
    ]  # fmt: skip
    assert end_like_columns(columns, {"start": "Start"}) == []
    # the end of service before the request to cancel (Recurly: expires_at, canceled_at)
    assert end_like_columns(["id", "start", "canceled_at", "expires_at"], {"start": "start"}) == [
        "expires_at",
        "canceled_at",
    ]


def test_several_end_like_columns_are_named_with_the_best_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "recurly.csv"
    path.write_text(
        "account_code,activated_at,canceled_at,expires_at,mrr\n"
        "a,2026-01-05,2026-02-10,2026-03-05,10\n"
        "b,2026-01-06,,,20\n",
        encoding="utf-8",
    )
    argv = ["import", "--subscriptions", str(path), "--columns", "customer_id=account_code,start=activated_at"]
    assert cli.main([*argv, "--to-csv", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(
        "xl-retention: error: recurly.csv: columns 'expires_at', 'canceled_at' look like the day subscriptions ended "
        "but are not used: without an end every subscription counts as active to this day (no churn); map the day "
        "service stopped: --columns end=expires_at"
    )
