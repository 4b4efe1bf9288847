"""dbt's ``fct_mrr`` whose MRR differs from the month before only by floating-point noise, its change_category blank,
is read as snapshots (H263, item 4; the 15-significant-digit rule of 6cef5ae8, docs/metrics.md).

reading/movement_levels.py took a blank word only where the MRR was exactly the month before's: c1 paying 29.98 in
January and 19.99 + 9.99 = 29.979999999999997 in February (no change at 15 digits, no movement in the tables) was
refused as an MRR movements log, 'the row at index 1 says no movement where 'mrr' goes from 29.98 to 29.98'. A change
at the 13th digit is still a change: blank there is still refused.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention import tables as T
from xl_retention.reading import DataError

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
    pytest.mark.filterwarnings("ignore::UserWarning"),
]

FCT_MRR = """date_month,customer_id,mrr,is_active,mrr_change,change_category
2026-01-01,c1,29.98,true,29.98,new
2026-02-01,c1,29.979999999999997,true,0.00,
2026-03-01,c1,39.98,true,10.00,upgrade
2026-04-01,c1,0.00,false,-39.98,churn
2026-01-01,c2,50.00,true,50.00,new
2026-02-01,c2,0.00,false,-50.00,churn
2026-03-01,c2,50.00,true,50.00,reactivation
2026-04-01,c2,40.00,true,-10.00,downgrade
"""
#: by hand: c1 29.98 from January (February the same at 15 digits), 39.98 in March, lost in April; c2 50 in January,
#: lost in February, back at 50 in March, 40 in April
EXPECTED = {
    "mrr_end": [79.98, 29.98, 89.98, 40.0],
    "expansion_mrr": [0.0, 0.0, 10.0, 0.0],
    "contraction_mrr": [0.0, 0.0, 0.0, 10.0],
    "churned_mrr": [0.0, 50.0, 0.0, 39.98],
}


def _moves(text: str) -> pd.DataFrame:
    return T.monthly_movements(pd.read_csv(io.StringIO(text)), columns={"month": "date_month"})


def test_noise_beside_a_blank_word_is_no_movement() -> None:
    moves = _moves(FCT_MRR)
    assert [str(m) for m in moves.index] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert {k: [round(v, 10) for v in moves[k]] for k in EXPECTED} == EXPECTED


def test_the_import_reads_it_too(tmp_path: Path) -> None:
    path = tmp_path / "fct_mrr.csv"
    path.write_text(FCT_MRR, encoding="utf-8")
    argv = ["import", "--subscriptions", str(path), "--columns", "month=date_month", "--to-csv", str(tmp_path / "o")]
    assert cli.main(argv) == 0
    moves = pd.read_csv(tmp_path / "o" / "movements.csv")
    assert moves["contraction_mrr"].tolist() == EXPECTED["contraction_mrr"]


def test_duckdb_table_alike() -> None:
    ibis = pytest.importorskip("ibis")
    from xl_retention import relational as R

    table = ibis.duckdb.connect().create_table("fct", pd.read_csv(io.StringIO(FCT_MRR)))
    moves = R.monthly_movements(table, columns={"month": "date_month"})
    assert {k: [round(v, 10) for v in moves[k]] for k in EXPECTED} == EXPECTED


def test_a_change_at_the_13th_digit_beside_a_blank_word_is_still_refused() -> None:
    changed = FCT_MRR.replace("29.979999999999997", "29.979999999999")
    with pytest.raises(DataError, match=r"the row at index 1 says no movement where 'mrr' goes from 29\.98 to 29\.98"):
        _moves(changed)
