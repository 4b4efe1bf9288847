"""A customer's MRR equal to the month before's at 15 significant digits is no movement (H253's finding 02).

29.98 on one plan, then the same 29.98 as two plans, 19.99 + 9.99 = 29.979999999999997: the tables booked a
contraction of 3.552713678800501e-15 (lost_mrr the same), so the month's quick ratio was 1.40737488355328e+16 (###
in the tracker) instead of blank (nothing lost), on pandas, DuckDB and the CLI alike; the reverse (two plans, then
one) an expansion of 3.55e-15; an annual 1,199.88 (MRR 99.99000000000001) switched to a monthly 99.99 a contraction
of 1.42e-14 and a quick ratio of 3,518,437,208,883,200. And ``grr(199.59999999999997, 199.6)`` was 1.42e-16 and
``gross_revenue_churn(19.99 + 9.99, 29.98)`` 0.9999999999999999, where the same noise above (199.60000000000002)
gave 0 (docs/metrics.md "Bad input": equal at 15 digits, as Excel compares).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from import_cli import run, written

import xl_retention as xr
from xl_retention import relational
from xl_retention.movements import monthly_movements

SPLIT = """customer_id,subscription_id,month,mrr
a,s3,2026-01,29.98
b,s4,2026-01,100
a,s1,2026-02,19.99
a,s2,2026-02,9.99
b,s4,2026-02,100
d,s9,2026-02,50
a,s1,2026-03,19.99
a,s2,2026-03,9.99
b,s4,2026-03,100
d,s9,2026-03,50
"""

# two plans, then one: the other way round
JOINED = """customer_id,subscription_id,month,mrr
a,s1,2026-01,19.99
a,s2,2026-01,9.99
b,s4,2026-01,100
a,s3,2026-02,29.98
b,s4,2026-02,100
d,s9,2026-02,50
"""

ANNUAL = """customer_id,subscription_id,start,end,amount,interval
a,s1,2026-01-01,2026-03-01,1199.88,year
a,s2,2026-03-01,,99.99,month
b,s3,2026-01-01,,100,month
d,s4,2026-03-01,,50,month
e,s5,2026-04-01,,10,month
"""


def _frame(text: str) -> pd.DataFrame:
    from io import StringIO

    return pd.read_csv(StringIO(text), dtype={"customer_id": str})


def _no_movement(row: pd.Series, new_mrr: float) -> None:
    assert row["expansion_mrr"] == 0.0
    assert row["contraction_mrr"] == 0.0
    assert row["lost_mrr"] == 0.0
    assert row["new_mrr"] == new_mrr
    assert row["grr"] == 1.0 and row["nrr"] == 1.0
    assert row["gross_revenue_churn"] == 0.0 and row["net_revenue_churn"] == 0.0
    assert math.isnan(row["quick_ratio"])  # lost_mrr 0: NaN, blank in the tracker


@pytest.mark.parametrize("text", [SPLIT, JOINED], ids=["split", "joined"])
def test_pandas_plans_summing_to_the_same_mrr(text: str) -> None:
    m = monthly_movements(_frame(text))
    _no_movement(m.loc["2026-02"], 50.0)
    assert m.loc["2026-02", "mrr_start"] == pytest.approx(129.98, abs=1e-12)


@pytest.mark.parametrize("text", [SPLIT, JOINED], ids=["split", "joined"])
def test_relational_plans_summing_to_the_same_mrr(text: str) -> None:
    m = relational.subscription_tables(_frame(text), backend="duckdb").movements
    _no_movement(m.iloc[1], 50.0)
    assert str(m.index[1]) == "2026-02"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_cli_annual_to_monthly_same_mrr(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--subscriptions", written(tmp_path, "ann.csv", ANNUAL), backend=backend)
    m = pd.read_csv(out / "movements.csv").set_index("month")
    _no_movement(m.loc["2026-03"], 50.0)
    assert m.loc["2026-04", "contraction_mrr"] == 0.0 and m.loc["2026-04", "new_mrr"] == 10.0


def test_a_real_change_is_still_a_movement() -> None:
    """A change at the 13th digit is beyond float noise: still counted (29.98 -> 29.979999999999: 1e-12)."""
    df = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "b"],
            "month": ["2026-01", "2026-02"] * 2,
            "mrr": [29.98, 29.979999999999, 5, 6],
        }
    )
    fell = 29.98 - 29.979999999999  # 1.0018652079427557e-12
    for m in (monthly_movements(df), relational.subscription_tables(df, backend="duckdb").movements):
        assert m.iloc[1]["contraction_mrr"] == fell
        assert m.iloc[1]["expansion_mrr"] == 1.0
        assert m.iloc[1]["quick_ratio"] == 1.0 / fell


def test_grr_and_gross_revenue_churn_snap_both_ways() -> None:
    assert xr.grr(199.59999999999997, 199.6) == 0.0
    assert xr.grr(199.60000000000002, 199.6) == 0.0
    assert xr.gross_revenue_churn(19.99 + 9.99, 29.98) == 1.0
    assert xr.net_revenue_churn(19.99 + 9.99, 0, 29.98) == 1.0
    assert xr.nrr(19.99 + 9.99, 0, 29.98) == 0.0
    assert xr.grr([199.59999999999997, 100.0], [199.6, 200.0]).tolist() == [0.0, 0.5]
    assert xr.grr(199.5999999999, 199.6) == pytest.approx(1e-10 / 199.6, rel=1e-3)  # not noise: kept
