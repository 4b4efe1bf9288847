"""A count or score a computation made whole with binary rounding is that whole number at 15 significant digits, in
the month tables as in the core (docs/metrics.md "Bad input"): a warehouse's SUM of ten 0.1 weights (0.9999999999999999)
is 1 lost customer, a slider rescaled to 0-10 (3.0000000000000004) a score of 3 (H202's findings 10 and 11: refused as
"not whole", and printed as 1 in the refusal)."""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention as xr
import xl_retention.tables as t
from xl_retention.errors import OutOfRangeError

SCORES = [3.0000000000000004, 7.000000000000001, 8.999999999999998, 10.0]


def test_nps_by_month_reads_scores_as_nps_does() -> None:
    answers = pd.DataFrame({"date": ["2026-01-05"] * 4, "score": SCORES})
    table = t.nps_by_month(answers)
    assert xr.nps(SCORES) == 25.0
    assert table[["responses", "promoters", "passives", "detractors", "nps"]].values.tolist() == [
        [4.0, 2.0, 1.0, 1.0, 25.0]
    ]


def test_a_score_not_whole_at_15_digits_is_still_refused() -> None:
    answers = pd.DataFrame({"date": ["2026-01-05"] * 2, "score": [8.99999999, 10.0]})
    with pytest.raises(Exception, match=r"not whole in the row at index 0: 8\.99999999$"):
        t.nps_by_month(answers)


def _counts(lost: float) -> pd.DataFrame:
    counts = {
        "customers_start": [0, 2],
        "new": [2, 1],
        "reactivated": [0, 0],
        "lost": [0, lost],
        "customers_end": [2, 2],
    }
    money = {"mrr_start": [0.0, 20.0], "new_mrr": [20.0, 10.0], "expansion_mrr": [0.0, 0.0]}
    money |= {
        "reactivation_mrr": [0.0, 0.0],
        "contraction_mrr": [0.0, 0.0],
        "churned_mrr": [0.0, 10.0],
        "mrr_end": [20.0, 20.0],
    }
    return pd.DataFrame(counts | money, index=pd.period_range("2026-01", periods=2, freq="M"))


def test_movements_from_counts_reads_a_sum_of_doubles() -> None:
    rates = t.movements_from_counts(_counts(sum([0.1] * 10)))
    assert rates.loc[pd.Period("2026-02", "M"), "crr"] == 0.5
    assert rates.loc[pd.Period("2026-02", "M"), "churn_rate"] == 0.5


def test_a_count_not_whole_is_named_with_its_digits() -> None:
    with pytest.raises(
        OutOfRangeError, match=r"^counts column 'lost' must hold whole numbers >= 0, got 0\.99999999 in"
    ):
        t.movements_from_counts(_counts(0.99999999))
