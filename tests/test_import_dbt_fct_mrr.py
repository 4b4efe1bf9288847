"""dbt's mrr-playbook ``fct_mrr`` (one row per customer and month: ``mrr``, ``mrr_change`` and ``change_category``,
'new', 'upgrade', 'downgrade', 'churn', 'reactivation' or blank) was refused as an MRR movements log: its
``change_category`` holds a log's words. It is each customer's MRR per month, its rows one per customer and month,
every month, the churn month's row at MRR 0, the words agreeing with the MRR month to month: read as snapshots
(reading.movement_levels), from a file, a DuckDB table and a DataFrame alike. A movements log (a row at each change
only) is still refused, naming the row that shows it."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

FCT_MRR = """date_month,customer_id,mrr,is_active,mrr_change,change_category
2026-01-01,c1,100.00,true,100.00,new
2026-02-01,c1,100.00,true,0.00,
2026-03-01,c1,150.00,true,50.00,upgrade
2026-04-01,c1,0.00,false,-150.00,churn
2026-01-01,c2,50.00,true,50.00,new
2026-02-01,c2,0.00,false,-50.00,churn
2026-03-01,c2,50.00,true,50.00,reactivation
2026-04-01,c2,40.00,true,-10.00,downgrade
2026-02-01,c3,30.00,true,30.00,new
2026-03-01,c3,30.00,true,0.00,
2026-04-01,c3,30.00,true,0.00,
"""
FIELDS = ["new", "reactivated", "lost", "customers_end", "expansion_mrr", "contraction_mrr", "churned_mrr", "mrr_end"]
#: counted by hand: c1 100 from January, 150 in March, churned in April; c2 50 in January, churned in February,
#: back at 50 in March, 40 in April; c3 30 from February
EXPECTED = {
    "2026-01": (2, 0, 0, 2, 0.0, 0.0, 0.0, 150.0),
    "2026-02": (1, 0, 1, 2, 0.0, 0.0, 50.0, 130.0),
    "2026-03": (0, 1, 0, 3, 50.0, 0.0, 0.0, 230.0),
    "2026-04": (0, 0, 1, 2, 0.0, 10.0, 150.0, 70.0),
}


def _counted(moves: pd.DataFrame) -> dict[str, tuple]:
    return {str(m): tuple(row) for m, row in moves[FIELDS].astype(object).iterrows()}


def _import(path: str, out: Path, *more: str) -> int:
    return cli.main(["import", "--subscriptions", path, "--columns", "month=date_month", *more, "--to-csv", str(out)])


def test_a_fct_mrr_file_is_read_as_snapshots(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fct_mrr.csv"
    path.write_text(FCT_MRR, encoding="utf-8")
    assert _import(str(path), tmp_path / "o") == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert _counted(moves) == EXPECTED
    assert (
        "fct_mrr.csv: column 'change_category' names each month's movement of MRR (churn, downgrade, new, "
        "reactivation, upgrade) and agrees with 'mrr' month to month, one row per customer and 'date_month': read as "
        "each customer's MRR per month"
    ) in capsys.readouterr().out


def test_a_fct_mrr_duckdb_table_is_read_as_snapshots(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    csv = tmp_path / "fct_mrr.csv"
    csv.write_text(FCT_MRR, encoding="utf-8")
    database = tmp_path / "dbt.duckdb"
    con = duckdb.connect(str(database))
    con.execute(
        "create table fct_mrr as select date_month::date as date_month, customer_id, mrr::decimal(12, 2) as mrr, "
        "is_active::boolean as is_active, mrr_change::decimal(12, 2) as mrr_change, change_category "
        f"from read_csv('{csv}', all_varchar = true)"
    )
    con.close()
    assert _import("table:fct_mrr", tmp_path / "o", "--backend", "duckdb", "--connection", str(database)) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str}).set_index("month")
    assert _counted(moves) == EXPECTED


def test_a_fct_mrr_frame_is_read_as_snapshots(tmp_path: Path) -> None:
    import xl_retention.tables as tables

    path = tmp_path / "fct_mrr.csv"
    path.write_text(FCT_MRR, encoding="utf-8")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = tables.subscription_tables(frame, columns={"month": "date_month"})
    moves = found.movements.copy()
    moves.index = moves.index.astype(str)
    assert _counted(moves) == EXPECTED


def _refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, columns: str) -> str:
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    assert (
        cli.main(["import", "--subscriptions", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")]) == 1
    )
    return capsys.readouterr().err.strip()


LOG = ("xl-retention: error: log.csv: column 'Activity type' says each row is a movement of MRR (Churn, Expansion, "
       "New Business): an MRR movements log (ChartMogul's or Baremetrics' activities), not one row per subscription "
       "nor per customer and month (read so, expansions add up and churn rows are never lost); read as each "
       "customer's MRR per month, ")  # fmt: skip
ADVICE = "; export subscriptions (start, end, MRR) or each customer's MRR per month"


def test_a_log_whose_paying_customer_has_no_row_in_the_last_month_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each customer's rows in months that follow each other, but c1's last change (February) is not its last month:
    read as snapshots it would be lost in March while it still pays."""
    text = ("Date,Customer UUID,Activity type,MRR movement,MRR\n2026-01-05,c1,New Business,99,99\n"
            "2026-01-12,c2,New Business,99,99\n2026-02-03,c1,Expansion,99,198\n2026-02-20,c2,Expansion,1,100\n"
            "2026-03-04,c2,Churn,-100,0\n")  # fmt: skip
    assert _refusal(tmp_path, capsys, text, "customer_id=Customer UUID,month=Date") == (
        f"{LOG}row 4 is its customer's last, in 2026-02 with 'MRR' 198: not lost (MRR 0) and not in the last month, "
        f"2026-03{ADVICE}"
    )


def test_a_log_with_a_month_left_out_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("Date,Customer UUID,Activity type,MRR movement,MRR\n2026-01-05,c1,New Business,99,99\n"
            "2026-03-04,c1,Churn,-99,0\n2026-01-07,c2,New Business,20,20\n2026-02-07,c2,Expansion,10,30\n"
            "2026-03-07,c2,Churn,-30,0\n")  # fmt: skip
    assert _refusal(tmp_path, capsys, text, "customer_id=Customer UUID,month=Date") == (
        f"{LOG}row 3 follows its customer's row of 2026-01 with no row between{ADVICE}"
    )


def test_movements_mapped_as_the_mrr_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """fct_mrr's mrr_change taken as the MRR: 'churn' where it is -150, not 0."""
    path = tmp_path / "fct_mrr.csv"
    path.write_text(FCT_MRR.replace("mrr,is_active,mrr_change", "level,is_active,mrr"), encoding="utf-8")
    assert _import(str(path), tmp_path / "o") == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: fct_mrr.csv: column 'change_category' says each row is a movement of MRR (churn, "
        "downgrade, new, reactivation, upgrade): an MRR movements log (ChartMogul's or Baremetrics' activities), not "
        "one row per subscription nor per customer and month (read so, expansions add up and churn rows are never "
        "lost); read as each customer's MRR per month, row 3 says no movement where 'mrr' goes from 100 to 0"
        f"{ADVICE}"
    )
