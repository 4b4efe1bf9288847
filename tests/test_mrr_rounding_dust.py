"""An MRR within binary rounding of 0 (below MRR_DUST, 1e-9 currency units) is 0: no activity, on every path.

Customer x pays 0.30 a month, February fully credited (0.10 + 0.20): February's MRR is (0.1 + 0.2) - 0.3 =
+5.55e-17 or 0.3 - (0.1 + 0.2) = -5.55e-17. Customer y pays 50 every month. By hand: x lost in February,
reactivated in March: customers at end 2, 1, 2; lost 0, 1, 0; reactivated 0, 0, 1; MRR at end 50.3, 50, 50.3.
The + one kept x active (customers at end 2, 2, 2), the - one was refused as "negative MRR" (H202's finding 07).
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import tables as T
from xl_retention.reading import DataError

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

MONTHS = ["2026-01-01", "2026-02-01", "2026-03-01"]
DUST = [(0.1 + 0.2) - 0.3, 0.3 - (0.1 + 0.2)]
WANT = {"customers_end": [2, 1, 2], "lost": [0, 1, 0], "reactivated": [0, 0, 1], "mrr_end": [50.3, 50.0, 50.3]}


def _snapshots(february: float) -> pd.DataFrame:
    return pd.DataFrame({"customer_id": ["x"] * 3 + ["y"] * 3, "month": MONTHS * 2,
                         "mrr": [0.3, february, 0.3, 50.0, 50.0, 50.0]})  # fmt: skip


def _got(moves: pd.DataFrame) -> dict[str, list]:
    got = moves[list(WANT)].to_dict("list")
    got["mrr_end"] = [round(v, 9) for v in got["mrr_end"]]
    return got


@pytest.mark.parametrize("february", DUST)
def test_pandas_reads_rounding_dust_as_no_mrr(february) -> None:
    assert _got(T.subscription_tables(_snapshots(february)).movements) == WANT


@pytest.mark.parametrize("february", DUST)
def test_an_ibis_table_reads_rounding_dust_as_no_mrr(february) -> None:
    ibis = pytest.importorskip("ibis")
    from xl_retention import relational as R

    con = ibis.duckdb.connect()
    frame = _snapshots(february).assign(month=lambda f: pd.to_datetime(f.month).dt.date)
    table = con.create_table("subs", frame)  # typed: DATE and DOUBLE, computed in DuckDB
    assert _got(R.subscription_tables(table).movements) == WANT
    assert _got(R.subscription_tables(_snapshots(february), backend="duckdb").movements) == WANT


def test_a_negative_mrr_above_the_dust_is_still_refused() -> None:
    with pytest.raises(DataError, match="negative MRR"):
        T.subscription_tables(_snapshots(-1e-6))


@pytest.mark.parametrize("february", DUST)
def test_the_printed_sql_reads_rounding_dust_as_no_mrr(capsys, february) -> None:
    duckdb = pytest.importorskip("duckdb")
    from xl_retention import cli

    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--table", "movements"]) == 0
    db = duckdb.connect()
    db.register("subscriptions", _snapshots(february).assign(month=lambda f: pd.to_datetime(f.month).dt.date))
    counts = db.sql(capsys.readouterr().out.rstrip().rstrip(";")).df()
    assert _got(T.movements_from_counts(counts)) == WANT  # was refused: the query stopped on a negative MRR
