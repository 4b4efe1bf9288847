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


@pytest.mark.parametrize("backend", BACKENDS)
def test_start_and_end_dates_under_other_names_are_asked_for_as_start_and_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    """'customer_id,start_date,end_date,mrr' was refused with "missing column 'month' ... --columns month=NAME";
    following that advice read one row per subscription as monthly snapshots (an active customer lost the month
    after the start, the end ignored). The refusal names the start and end; month=start_date is refused."""
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,start_date,end_date,mrr\na,2026-01-10,,300\nb,2026-02-10,2026-05-03,50\n")
    argv = ["import", "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o")]
    assert cli.main(argv) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: subs.csv: no dates of the subscriptions (columns found: 'customer_id', 'start_date', "
        "'end_date', 'mrr'): a 'start' column (one row per subscription, 'end' when it stopped) or a 'month' column "
        "(one row per customer and month); map them: --columns start=start_date,end=end_date "
        "(in Python: columns={'start': 'start_date', 'end': 'end_date'})"
    )
    assert cli.main([*argv, "--columns", "month=start_date"]) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: subs.csv: the month is column 'start_date', a start date, and 'end_date' looks like "
        "the day subscriptions ended: one row per subscription is read by its start and end (--columns "
        "start=start_date,end=end_date); a month column is for one row per customer and month"
    )
    assert cli.main([*argv, "--columns", "start=start_date,end=end_date"]) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["lost"].to_dict() == {"2026-01": 0, "2026-02": 0, "2026-03": 0, "2026-04": 0, "2026-05": 1}
    assert moves.loc["2026-05", "mrr_end"] == 300.0


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_payments_export_mapped_as_snapshots_is_refused_by_its_times_of_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    """Stripe's payments mapped as snapshots (month='Created (UTC)', mrr=Amount) counted a failed payment and a
    yearly charge as months' MRR: a month column with times of day is one row per event, refused naming rows."""
    path = tmp_path / "payments.csv"
    path.write_text(
        "id,Created (UTC),Amount,Description,Customer ID\n"
        "ch_1,2026-01-05 10:00:00,79.00,Subscription update,cus_a\n"
        "ch_2,2026-01-09 00:00:00,790.00,Subscription creation,cus_b\n"
        "ch_3,2026-02-05 10:30:00,79.00,Subscription update,cus_a\n"
    )
    argv = [
        "import",
        "--subscriptions",
        str(path),
        "--columns",
        "month=Created (UTC),mrr=Amount,customer_id=Customer ID",
    ]
    assert cli.main([*argv, "--backend", backend, "--to-csv", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: payments.csv, column 'Created (UTC)': a month column with times of day: one row per "
        "customer and month (a snapshot) has a month or a date there, a time of day says one row per event (a "
        "payments or orders export goes in with --orders; subscriptions with their start and end dates: --columns "
        "start=NAME,end=NAME) in rows 2, 4 (counting the header as row 1): '2026-01-05 10:00:00', "
        "'2026-02-05 10:30:00'"
    )


def test_snapshots_dated_at_midnight_are_months(tmp_path: Path) -> None:
    path = tmp_path / "snaps.csv"
    path.write_text("customer_id,month,mrr\na,2026-01-01 00:00:00,10\na,2026-02-01T00:00:00,10\nb,2026-02-01,5\n")
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["customers_end"].to_dict() == {"2026-01": 1, "2026-02": 2}


def test_an_export_without_one_lost_customer_in_three_months_is_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export of active subscriptions only (a status filter) read as months of 0% churn, without a word."""
    path = tmp_path / "active.csv"
    path.write_text("customer_id,start,end,mrr\na,2026-01-05,,10\nb,2026-02-05,,20\nc,2026-03-05,,30\n")
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "no customer was lost in the 3 months of active.csv: if the export holds only active subscriptions (a status "
        "filter), those who left are missing and churn reads 0; export every subscription, ended ones too"
    )
    path.write_text("customer_id,start,end,mrr\na,2026-01-05,2026-02-10,10\nb,2026-02-05,,20\nc,2026-03-05,,30\n")
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o2")]) == 0
    assert "no customer was lost" not in capsys.readouterr().out


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "end_name", ["Service End", "End Of Service", "Contract End", "Kündigungsdatum", "Date de fin"]
)
def test_end_dates_named_without_a_date_word_or_in_other_languages_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], end_name: str, backend: str
) -> None:
    """'Service End', 'Contract End', 'Kündigungsdatum', 'Date de fin' were ignored: nobody churned (H49 f13)."""
    path = tmp_path / "e.csv"
    path.write_text(f"customer_id,start,mrr,{end_name}\nAcme,2026-01-10,100,2026-03-10\nBeta,2026-01-12,50,\n")
    argv = ["import", "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o")]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"xl-retention: error: e.csv: column {end_name!r} looks like the day subscriptions ended")


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_end_column_empty_beside_a_filled_canceled_at_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    """An 'end' blank in every row beside a 'canceled_at' holding dates lost every churn (H49 f13)."""
    path = tmp_path / "s.csv"
    path.write_text("customer_id,start,end,canceled_at,mrr\na,2026-01-05,,2026-02-10,10\nb,2026-01-06,,,20\n")
    argv = ["import", "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o")]
    assert cli.main(argv) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: s.csv: the end column 'end' is blank in every row while 'canceled_at' holds dates of "
        "subscriptions that ended: without them nobody churns; map the day service stopped: --columns end=canceled_at"
    )
    assert cli.main([*argv[:3], "--columns", "end=canceled_at", *argv[3:]]) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["lost"].to_dict() == {"2026-01": 0, "2026-02": 1}
