"""Zuora's rate plan charges export writes a subscription's charge in segments: an amendment (an upgrade) ends
segment 1 the day segment 2 starts at the new price, and the subscription's status, 'Active', is repeated on both
rows. The ended segment is a phase its subscription continued that day, not an end already past on an active
subscription (a renewal date mapped as the end, still refused on the last segment): read as one continuous
subscription whose MRR changes at the boundary (an expansion), no gap, no churn; on the pandas path and on an
engine's table alike."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

HEADER = (
    "Account.AccountNumber,Subscription.Name,Subscription.Status,RatePlanCharge.Name,RatePlanCharge.ChargeType,"
    "RatePlanCharge.Segment,RatePlanCharge.EffectiveStartDate,RatePlanCharge.EffectiveEndDate,RatePlanCharge.MRR"
)
ROWS = [
    "A00000001,A-S00000001,Active,Pro Monthly,Recurring,1,2026-01-01,2026-04-01,100.00",
    "A00000001,A-S00000001,Active,Pro Monthly,Recurring,2,2026-04-01,,150.00",
    "A00000002,A-S00000002,Cancelled,Basic Monthly,Recurring,1,2026-02-01,2026-06-01,50.00",
    "A00000003,A-S00000003,Active,Basic Monthly,Recurring,1,2026-03-15,,50.00",
]
COLUMNS = (
    "customer_id=Account.AccountNumber,start=RatePlanCharge.EffectiveStartDate,"
    "end=RatePlanCharge.EffectiveEndDate,mrr=RatePlanCharge.MRR"
)
#: month: (new MRR, expansion, churned MRR, MRR at end, customers at end), counted by hand: A-S00000001 100 from
#: January, 150 from April (+50); A-S00000002 50 from February to its end in June; A-S00000003 50 from March
EXPECTED = {
    "2026-01": (100.0, 0.0, 0.0, 100.0, 1),
    "2026-02": (50.0, 0.0, 0.0, 150.0, 2),
    "2026-03": (50.0, 0.0, 0.0, 200.0, 3),
    "2026-04": (0.0, 50.0, 0.0, 250.0, 3),
    "2026-05": (0.0, 0.0, 0.0, 250.0, 3),
    "2026-06": (0.0, 0.0, 50.0, 200.0, 2),
}


def _import(path: Path, columns: str, out: Path) -> int:
    return cli.main(["import", "--subscriptions", str(path), "--columns", columns, "--to-csv", str(out)])


def _counted(out: Path) -> dict[str, tuple[float, float, float, float, int]]:
    moves = pd.read_csv(out / "movements.csv", dtype={"month": str}).set_index("month")
    fields = ["new_mrr", "expansion_mrr", "churned_mrr", "mrr_end", "customers_end"]
    return {m: tuple(row) for m, row in moves[fields].astype(object).iterrows()}


@pytest.mark.parametrize("subscription_id", [True, False])
def test_segments_of_an_active_subscription_are_its_phases(tmp_path: Path, subscription_id: bool) -> None:
    """With the subscription's id mapped, or without it (the customer's rows continue each other that day)."""
    path = tmp_path / "rpc.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    columns = COLUMNS + (",subscription_id=Subscription.Name" if subscription_id else "")
    assert _import(path, columns, tmp_path / "o") == 0
    assert _counted(tmp_path / "o") == EXPECTED


def test_segments_in_a_duckdb_table_are_its_phases(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    frame = pd.DataFrame([r.split(",") for r in ROWS], columns=HEADER.split(","))
    frame = frame.replace("", None)
    for c in ("RatePlanCharge.EffectiveStartDate", "RatePlanCharge.EffectiveEndDate"):
        frame[c] = pd.to_datetime(frame[c])
    frame["RatePlanCharge.MRR"] = frame["RatePlanCharge.MRR"].astype(float)
    database = tmp_path / "zuora.duckdb"
    con = duckdb.connect(str(database))
    con.register("frame", frame)
    con.execute("create table rpc as select * from frame")
    con.close()
    args = ["import", "--subscriptions", "table:rpc", "--backend", "duckdb", "--connection", str(database)]
    assert cli.main([*args, "--columns", COLUMNS, "--to-csv", str(tmp_path / "o")]) == 0
    assert _counted(tmp_path / "o") == EXPECTED


def test_the_last_segments_past_end_beside_active_is_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Segment 2 ended too (a renewal date, or an export older than its end): no later segment continues it."""
    path = tmp_path / "rpc.csv"
    rows = [ROWS[0], ROWS[1].replace("2026-04-01,,", "2026-04-01,2026-05-01,"), *ROWS[2:]]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    columns = COLUMNS + ",subscription_id=Subscription.Name"
    assert _import(path, columns, tmp_path / "o") == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: rpc.csv, column 'RatePlanCharge.EffectiveEndDate': end dates already past on "
        "subscriptions whose status ('Subscription.Status') says active, not cancelled nor set to end in row 3 "
        "(counting the header as row 1): '2026-05-01': if 'RatePlanCharge.EffectiveEndDate' is a renewal or billing "
        "period's end, map the day service stopped instead; if the export is older than these dates, export it again"
    )
