"""A billing export's renewal date (the end of the current billing term or period) is never taken as the day
service stopped: read as the end, every active subscription churned at its next renewal (a Chargebee export a few
weeks old: 6 of 6 active customers lost in the month after it, silently), and the import's own refusal suggested
it (``end=subscriptions.current_term_end``). Now the suggestion is the day service stopped
(``subscriptions.cancelled_at``), and a renewal date mapped as the end is refused, as is any end already past on a
row whose status says active; on the pandas path and on an engine's typed table alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

TODAY = pd.Timestamp(dt.date.today())
MONTH0 = TODAY.to_period("M").to_timestamp()
EXPORT = MONTH0 - pd.DateOffset(months=1)  # the export was taken on the first of last month


def _day(months: int, day: int) -> str:
    """A date ``months`` after the export's month, on ``day``, as Chargebee writes it."""
    return (EXPORT + pd.DateOffset(months=months)).replace(day=day).strftime("%Y-%m-%d 09:00:00")


def _month(months: int) -> str:
    return str((EXPORT + pd.DateOffset(months=months)).to_period("M"))


def chargebee(status: str = "active") -> pd.DataFrame:
    """Six monthly subscriptions (``status``) renewing later in the export's month, and one cancelled before it."""
    rows = [(f"sub_A{i}", f"cust_{i}", status, _day(-3 - i % 3, 5 + 3 * i), "", _day(0, 5 + 3 * i)) for i in range(6)]
    rows.append(("sub_C0", "cust_c", "cancelled", _day(-5, 12), _day(-2, 12), _day(-2, 12)))
    if status == "non_renewing":  # set to end at their term's end: cancelled_at is that day
        rows = [(*r[:4], r[5] if r[2] == "non_renewing" else r[4], r[5]) for r in rows]
    ids, customers, statuses, starts, cancelled, term_ends = zip(*rows, strict=True)
    return pd.DataFrame({
        "subscriptions.id": ids,
        "subscriptions.customer_id": customers,
        "subscriptions.plan_id": "basic-monthly",
        "subscriptions.plan_unit_price": "49.00",
        "subscriptions.billing_period": 1,
        "subscriptions.billing_period_unit": "month",
        "subscriptions.status": statuses,
        "subscriptions.started_at": starts,
        "subscriptions.cancelled_at": cancelled,
        "subscriptions.current_term_end": term_ends,
        "subscriptions.currency_code": "USD",
    })  # fmt: skip


def _import(path: Path, out: Path, *more: str) -> int:
    return cli.main(["import", "--subscriptions", str(path), *more, "--to-csv", str(out)])


def test_the_suggested_end_is_the_day_service_stopped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "chargebee.csv"
    chargebee().to_csv(path, index=False)
    assert _import(path, tmp_path / "o") == 1
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            "map them: --columns start=subscriptions.started_at,end=subscriptions.cancelled_at "
            "(in Python: columns={'start': 'subscriptions.started_at', 'end': 'subscriptions.cancelled_at'})"
        )
    )
    columns = "start=subscriptions.started_at,end=subscriptions.cancelled_at,amount=subscriptions.plan_unit_price"
    assert _import(path, tmp_path / "o", "--columns", columns) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    # the cancelled one is lost in the month after its last; the tables end with the file's last date
    assert moves["lost"].to_dict() == {_month(m): int(m == -2) for m in range(-5, -1)}
    assert moves["customers_end"].tolist() == [3, 5, 7, 6]
    assert moves["mrr_end"].iloc[-1] == 6 * 49.0


def _rows(parquet: bool) -> str:
    """The first 5 of 6 rows as a refusal names them: a Parquet file's records counted from 1, a CSV file's lines."""
    if parquet:
        return "rows 1, 2, 3, 4, 5 and 1 more (counting the Parquet file's first record as row 1)"
    return "rows 2, 3, 4, 5, 6 and 1 more (counting the header as row 1)"


@pytest.mark.parametrize("parquet", [False, True])
def test_a_renewal_date_mapped_as_the_end_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], parquet: bool
) -> None:
    frame = chargebee()
    if parquet:  # a typed table read by DuckDB, not by pandas
        path = tmp_path / "chargebee.parquet"
        for c in ("subscriptions.started_at", "subscriptions.cancelled_at", "subscriptions.current_term_end"):
            frame[c] = pd.to_datetime(frame[c].replace("", None))
        frame.to_parquet(path)
        more = ["--backend", "duckdb"]
    else:
        path = tmp_path / "chargebee.csv"
        frame.to_csv(path, index=False)
        more = []
    columns = "start=subscriptions.started_at,end=subscriptions.current_term_end,amount=subscriptions.plan_unit_price"
    assert _import(path, tmp_path / "o", "--columns", columns, *more) == 1
    shown = ", ".join(f"'{_day(0, 5 + 3 * i)}'" for i in range(5))
    assert capsys.readouterr().err.strip() == (
        f"xl-retention: error: {path.name}, column 'subscriptions.current_term_end': the end of a subscription's "
        "current billing term or period (the day it renews while it is active), not the day service stopped, on "
        f"subscriptions that have not ended in {_rows(parquet)}: {shown}: as the end, active subscriptions would be "
        "lost at their renewal; map the day service stopped: --columns end=subscriptions.cancelled_at"
    )
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("parquet", [False, True])
def test_an_active_subscription_whose_end_has_passed_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], parquet: bool
) -> None:
    """Whatever the end column's name: 'end' holding the renewal dates of active subscriptions."""
    frame = chargebee().drop(columns="subscriptions.cancelled_at")
    frame = frame.rename(columns={"subscriptions.current_term_end": "end"})
    if parquet:
        path = tmp_path / "subs.parquet"
        for c in ("subscriptions.started_at", "end"):
            frame[c] = pd.to_datetime(frame[c])
        frame.to_parquet(path)
        more = ["--backend", "duckdb"]
    else:
        path = tmp_path / "subs.csv"
        frame.to_csv(path, index=False)
        more = []
    columns = "start=subscriptions.started_at,end=end,amount=subscriptions.plan_unit_price"
    assert _import(path, tmp_path / "o", "--columns", columns, *more) == 1
    shown = ", ".join(f"'{_day(0, 5 + 3 * i)}'" for i in range(5))
    assert capsys.readouterr().err.strip() == (
        f"xl-retention: error: {path.name}, column 'end': end dates already past on subscriptions whose status "
        f"('subscriptions.status') says active, not cancelled nor set to end in {_rows(parquet)}: {shown}: if 'end' "
        "is a renewal or billing period's end, map the day service stopped instead; if the export is older than "
        "these dates, export it again"
    )


def test_a_renewal_date_of_subscriptions_set_to_end_is_their_end(tmp_path: Path) -> None:
    """Non-renewing subscriptions stop at their term's end: that column is then the day service stops."""
    path = tmp_path / "chargebee.csv"
    chargebee("non_renewing").to_csv(path, index=False)
    columns = "start=subscriptions.started_at,end=subscriptions.current_term_end,amount=subscriptions.plan_unit_price"
    assert _import(path, tmp_path / "o", "--columns", columns) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["lost"].to_dict() == {_month(m): 6 * (m == 0) + (m == -2) for m in range(-5, 1)}
    assert moves["customers_end"].iloc[-1] == 0


def test_the_ended_refusal_names_the_files_own_end_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frame = chargebee()
    frame.loc[6, "subscriptions.current_term_end"] = ""  # a cancelled subscription has no current term
    path = tmp_path / "chargebee.csv"
    frame.to_csv(path, index=False)
    columns = "start=subscriptions.started_at,end=subscriptions.current_term_end,amount=subscriptions.plan_unit_price"
    assert _import(path, tmp_path / "o", "--columns", columns) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: chargebee.csv, column 'subscriptions.status': subscriptions whose status says they "
        "ended, with no end date (an empty end is a subscription still active, which would never churn) in row 8 "
        "(counting the header as row 1): 'cancelled': map the column of the day service stopped, --columns "
        "end=subscriptions.cancelled_at, or give those rows their end"
    )


def test_zuora_s_camel_case_cancelled_date_is_suggested(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "zuora.csv"
    path.write_text(
        "Account.AccountNumber,Subscription.Status,Subscription.SubscriptionStartDate,Subscription.TermEndDate,"
        "Subscription.CancelledDate,RatePlanCharge.MRR\n"
        "A1,Active,2026-06-05,2027-06-05,,49\nA2,Cancelled,2026-05-12,2027-05-12,2026-09-12,49\n"
    )
    assert _import(path, tmp_path / "o") == 1
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            "map them: --columns start=Subscription.SubscriptionStartDate,end=Subscription.CancelledDate,"
            "customer_id=Account.AccountNumber (in Python: columns={'start': 'Subscription.SubscriptionStartDate', "
            "'end': 'Subscription.CancelledDate', 'customer_id': 'Account.AccountNumber'})"  # ccf4b1b1 names the id
        )
    )
    columns = "start=Subscription.SubscriptionStartDate,customer_id=Account.AccountNumber,mrr=RatePlanCharge.MRR"
    assert _import(path, tmp_path / "o", "--columns", columns) == 1  # the cancelled date unused: no churn
    assert "column 'Subscription.CancelledDate' looks like the day subscriptions ended" in capsys.readouterr().err


def test_an_engine_s_table_read_as_a_file_keeps_its_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Parquet file whose prices are text is read by pandas (as a file's columns are): its status column was
    left out of what was read, so a 'canceled' subscription with no end date counted as active to this day."""
    path = tmp_path / "subs.parquet"
    pd.DataFrame({
        "customer_id": ["a", "b"],
        "start": pd.to_datetime(["2026-01-05", "2026-02-05"]),
        "end": pd.to_datetime([None, None]),
        "mrr": ["10.00", "20.00"],
        "status": ["active", "canceled"],
    }).to_parquet(path)  # fmt: skip
    assert _import(path, tmp_path / "o", "--backend", "duckdb") == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: subs.parquet, column 'status': subscriptions whose status says they ended, with no end "
        "date (an empty end is a subscription still active, which would never churn) in row 2 (counting the Parquet "
        "file's first record as row 1): 'canceled': map the column of the day service stopped, --columns end=NAME "
        "(Stripe: 'Ended At (UTC)', Recurly: expires_at), or give those rows their end"
    )


@pytest.mark.parametrize("parquet", [False, True])
def test_a_term_end_is_a_renewal_only_where_the_status_says_active(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], parquet: bool
) -> None:
    """A contracts file of one's own whose 'Term End' is the contract's last day (no status): read as the end;
    Zuora's TermEndDate beside a status 'Active' renews: refused."""
    frame = pd.DataFrame({
        "customer_id": ["a", "b", "c"],
        "start": pd.to_datetime(["2025-01-10", "2025-02-10", "2025-03-10"]),
        "Term End": pd.to_datetime(["2026-01-10", None, "2026-03-10"]),
        "mrr": [10.0, 20.0, 30.0],
    })  # fmt: skip
    path = tmp_path / ("contracts.parquet" if parquet else "contracts.csv")
    more = ["--backend", "duckdb"] if parquet else []
    frame.to_parquet(path) if parquet else frame.to_csv(path, index=False)
    assert _import(path, tmp_path / "o", "--columns", "end=Term End", *more) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["lost"].loc[moves["lost"] > 0].to_dict() == {"2026-01": 1, "2026-03": 1}
    assert moves["customers_end"].iloc[-1] == 1
    frame["status"] = ["Active", "Active", "Cancelled"]
    frame.to_parquet(path) if parquet else frame.to_csv(path, index=False)
    capsys.readouterr()
    assert _import(path, tmp_path / "o2", "--columns", "end=Term End", *more) == 1
    assert capsys.readouterr().err.strip() == (
        f"xl-retention: error: {path.name}, column 'Term End': the end of a subscription's current billing term or "
        + (  # the engine's own check (relational.mirrors) still names the rows after the advice
            "period (the day it renews while it is active), not the day service stopped: as the end, active "
            "subscriptions would be lost at their renewal; map the day service stopped (the day a subscription was "
            "cancelled or expired, blank while active); subscriptions that have not ended in row 1 (counting the "
            "Parquet file's first record as row 1): '2026-01-10'"
            if parquet
            else "period (the day it renews while it is active), not the day service stopped, on subscriptions that "
            "have not ended in row 2 (counting the header as row 1): '2026-01-10': as the end, active subscriptions "
            "would be lost at their renewal; map the day service stopped (the day a subscription was cancelled or "
            "expired, blank while active)"
        )
    )


def test_a_renewal_date_in_a_postgres_table_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The engine's own check (no pandas reading: typed dates and prices) on PostgreSQL."""
    import ibis
    from postgres_server import throwaway_server

    from xl_retention import relational as R

    frame = chargebee().assign(**{"subscriptions.plan_unit_price": 49.0})
    for c in ("subscriptions.started_at", "subscriptions.cancelled_at", "subscriptions.current_term_end"):
        frame[c] = pd.to_datetime(frame[c].replace("", None))
    with throwaway_server("xl-retention-pg-renewal-") as url:
        con = R.connect("postgres", url)
        con.create_table("subs", schema=ibis.memtable(frame).schema())
        con.insert("subs", frame)
        columns = (
            "start=subscriptions.started_at,end=subscriptions.current_term_end,amount=subscriptions.plan_unit_price"
        )
        args = ["--backend", "postgres", "--connection", url, "--columns", columns]
        assert _import("table:subs", tmp_path / "o", *args) == 1  # type: ignore[arg-type]
        err = capsys.readouterr().err.strip()
        # an end mapped beside an unmapped end-like column (cancelled_at): read as a file's (relational.file_rules,
        # reading.ends.refuse_later_ends), whose renewal rule refuses it first, naming the rows by their values (a
        # table has no header and no order)
        assert err.startswith(
            "xl-retention: error: table:subs, column 'subscriptions.current_term_end': the end of a subscription's "
            "current billing term or period (the day it renews while it is active), not the day service stopped, on "
            "subscriptions that have not ended in 6 rows, e.g. subscriptions.customer_id 'cust_0', "
            f"subscriptions.started_at '{_day(-3, 5)}', subscriptions.current_term_end '{_day(0, 5)}'; "
        ), err
        assert err.endswith(
            ": as the end, active subscriptions would be lost at their renewal; map the day service stopped: --columns "
            "end=subscriptions.cancelled_at"
        ), err
        columns = columns.replace("current_term_end", "cancelled_at")
        args = ["--backend", "postgres", "--connection", url, "--columns", columns]
        assert _import("table:subs", tmp_path / "o", *args) == 0  # type: ignore[arg-type]
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert moves["lost"].tolist() == [0, 0, 0, 1] and moves["customers_end"].tolist() == [3, 5, 7, 6]
