"""Google Play Console's subscriptions statistics report (Download reports > Statistics > Subscriptions: Date, Package
Name, Product ID, Country, New Subscriptions, Cancelled Subscriptions, Active Subscriptions; Google's help lists the
Statistics reports among the aggregated ones, "daily totals", in UTF-16 CSV files) was refused for what it is not: its
'Product ID' plus_yearly as billing intervals, then its counts as prices or seats to map (H170 finding 04). It is
refused once as a report of counts per date, on the file path and a database table's alike; a file with a customer's
id or an MRR beside such counts (a customer's seats) is read as before."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from xl_retention import cli

REPORT = (
    "Date,Package Name,Product ID,Country,New Subscriptions,Cancelled Subscriptions,Active Subscriptions\n"
    "2026-10-01,com.budgetly.app,plus_monthly,US,3,1,812\n"
    "2026-10-01,com.budgetly.app,plus_yearly,US,3,1,240\n"
    "2026-10-02,com.budgetly.app,plus_monthly,US,4,2,813\n"
)
REFUSAL = (
    "a report of counts per date (its columns 'New Subscriptions', 'Cancelled Subscriptions', 'Active Subscriptions' "
    "are totals of subscriptions or people), not one row per customer and month: the import counts them itself from "
    "one row per subscriber or order; export those (Google Play: Download reports > Financial, the estimated sales or "
    "earnings report, one row per order, with --orders; the Statistics reports are aggregated)"
)


def test_the_report_is_refused_as_counts(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subscriptions_com.budgetly.app_202610_country.csv"
    path.write_bytes(REPORT.encode("utf-16"))  # as Google writes them
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err.strip() == f"xl-retention: error: {path.name}: {REFUSAL}"


def test_a_database_table_alike(tmp_path: Path, capsys) -> None:
    (tmp_path / "r.csv").write_text(REPORT)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute(f"create table play as select * from read_csv_auto('{tmp_path / 'r.csv'}')")
    con.close()
    args = [
        "import",
        "--subscriptions",
        "table:play",
        "--backend",
        "duckdb",
        "--connection",
        str(tmp_path / "w.duckdb"),
    ]
    assert cli.main([*args, "--to-csv", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err.strip() == f"xl-retention: error: table:play: {REFUSAL}"


@pytest.mark.parametrize("other", ["Customer ID", "MRR"])
def test_counts_beside_a_customer_or_money_are_no_report(tmp_path: Path, capsys, other: str) -> None:
    path = tmp_path / "seats.csv"
    value = "acme" if other == "Customer ID" else "100"
    path.write_text(f"Month,{other},Active Users,Total Users\n2026-10,{value},4,5\n")
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 1
    assert "a report of counts per date" not in capsys.readouterr().err  # its own refusal (a column missing)
