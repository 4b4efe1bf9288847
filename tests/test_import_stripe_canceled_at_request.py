"""Stripe's subscriptions export without 'Ended At (UTC)': 'Canceled At (UTC)' is when a cancellation was asked for
("If the subscription has been canceled with the cancel_at_period_end flag set to true, canceled_at will reflect the
time of the most recent update request, not the end of the subscription period", Stripe's subscription object), and
'Cancel At Period End' true says the subscription runs until its period's end. The import advised mapping 'Canceled At'
as the end, then refused an active row set to end as one whose status "says active, not cancelled nor set to end"
(H170 finding 03): untrue. Both refusals now say what the column is and ask for the day service stopped, on the file
path and a database table's alike."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from xl_retention import cli

STRIPE = (
    "id,Customer ID,Plan,Quantity,Currency,Interval,Amount,Status,Created (UTC),Start (UTC),Canceled At (UTC),"
    "Cancel At Period End,Cancel At (UTC)\n"
    "sub_1,cus_a,pro,1,usd,month,49.00,active,2026-01-12 10:00:00,2026-01-12 10:00:00,2026-11-29 18:00:00,true,"
    "2026-12-12 10:00:00\n"
    "sub_2,cus_b,pro,1,usd,month,49.00,active,2026-02-03 10:00:00,2026-02-03 10:00:00,,false,\n"
    "sub_3,cus_c,pro,1,usd,month,49.00,canceled,2026-03-07 10:00:00,2026-03-07 10:00:00,2026-06-20 09:00:00,false,\n"
)


def _import(tmp_path: Path, columns: str, backend: str = "pandas") -> int:
    path = tmp_path / "subscriptions.csv"
    path.write_text(STRIPE)
    source = str(path)
    if backend == "duckdb":
        con = duckdb.connect(str(tmp_path / "w.duckdb"))
        con.execute(f"create table subscriptions as select * from read_csv('{path}', all_varchar=true)")
        con.close()
        source = "table:subscriptions"
    args = ["import", "--subscriptions", source, "--columns", columns]
    if backend == "duckdb":
        args += ["--backend", "duckdb", "--connection", str(tmp_path / "w.duckdb")]
    return cli.main([*args, "--to-csv", str(tmp_path / "o")])


def test_canceled_at_is_not_offered_as_the_end(tmp_path: Path, capsys) -> None:
    assert _import(tmp_path, "start=Start (UTC)") == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: subscriptions.csv: column 'Canceled At (UTC)' is when a cancellation was asked for "
        "(beside 'Cancel At Period End', a subscription set to cancel at its period's end runs until then), and no "
        "column says the day service stopped: without an end every subscription counts as active to this day (no "
        "churn); export the day service stopped (Stripe: 'Ended At (UTC)', blank while active) and map it: "
        "--columns 'end=Ended At (UTC)'"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_active_row_set_to_end_is_told_as_such(tmp_path: Path, capsys, backend: str) -> None:
    assert _import(tmp_path, "start=Start (UTC),end=Canceled At (UTC)", backend) == 1
    err = capsys.readouterr().err
    assert (
        "column 'Canceled At (UTC)': end dates already past on subscriptions whose status ('Status') says active: "
        "'Canceled At (UTC)' is when a cancellation was asked for, and beside 'Cancel At Period End' such a "
        "subscription runs until its period's end in "
    ) in err, err
    assert "not cancelled nor set to end" not in err
    assert err.rstrip().endswith(
        "map the day service stopped instead (Stripe: Ended At (UTC), blank while active); if the export is older "
        "than these dates, export it again"
    )
