"""The counts a SQL user's or a hand-made table hands to the *_from_counts functions (README "Big data") are checked
before a rate is made (H153's findings 10, 11, 13): counts that are no whole numbers, blanks, text and booleans were
cast (7.9 answers became 7, a blank -9223372036854775808), counts that contradict each other gave rates beside
them (lost 5 beside churn 0.0), lost MRR above the MRR at the start was capped into a GRR of 0."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xl_retention import tables
from xl_retention.errors import NotANumberError, OutOfRangeError

MONTHS = pd.PeriodIndex(["2026-01", "2026-02"], freq="M")


def _movements(**changed: list[float]) -> pd.DataFrame:
    counts = {
        "customers_start": [0, 2], "new": [2, 1], "reactivated": [0, 0], "lost": [0, 1], "customers_end": [2, 2],
        "mrr_start": [0.0, 30.0], "new_mrr": [30.0, 5.0], "expansion_mrr": [0.0, 5.0], "reactivation_mrr": [0.0, 0.0],
        "contraction_mrr": [0.0, 0.0], "churned_mrr": [0.0, 20.0], "mrr_end": [30.0, 20.0],
    }  # fmt: skip
    counts.update(changed)
    return pd.DataFrame(counts, index=MONTHS)


def test_consistent_counts_give_the_rates():
    table = tables.movements_from_counts(_movements())
    # February: CRR (2 - 1) / 2 = 0.5; NRR (30 - 20 + 5) / 30 = 0.5; GRR (30 - 20) / 30
    assert table.loc[MONTHS[1], ["crr", "nrr"]].tolist() == [0.5, 0.5]
    assert table.loc[MONTHS[1], "grr"] == pytest.approx(1 / 3, rel=1e-15)
    assert table["customers_end"].dtype == np.int64


def test_customers_that_do_not_add_up_are_refused_naming_the_month():
    # 2 + 1 + 0 - 1 = 2 customers at the end, not 3 (was: crr 1.0 beside lost 1)
    with pytest.raises(OutOfRangeError) as caught:
        tables.movements_from_counts(_movements(customers_end=[2, 3]))
    assert str(caught.value) == (
        "counts disagree in 2026-02: customers_start + new + reactivated - lost (2 + 1 + 0 - 1 = 2) is not "
        "customers_end (3)"
    )


def test_an_mrr_bridge_that_does_not_add_up_is_refused():
    with pytest.raises(
        OutOfRangeError, match=r"counts disagree in 2026-02: mrr_start \+ new_mrr .* = 20\) is not mrr_end \(25\)"
    ):
        tables.movements_from_counts(_movements(mrr_end=[30.0, 25.0]))
    # float rounding of sums added in another order is no disagreement
    table = tables.movements_from_counts(_movements(mrr_end=[30.0, 20.0 + 3.6e-15]))
    assert table.loc[MONTHS[1], "nrr"] == 0.5


def test_lost_mrr_above_the_mrr_at_start_is_refused_not_capped():
    # start 30, churned 50, new 45: the bridge holds (30 + 45 + 5 - 50 = 30) but 50 lost of 30 cannot be
    # (was: gross_revenue_churn 1.0, grr 0.0 from the lost MRR capped to 30)
    counts = _movements(new_mrr=[30.0, 45.0], churned_mrr=[0.0, 50.0], mrr_end=[30.0, 30.0])
    with pytest.raises(
        OutOfRangeError, match=r"^counts disagree in 2026-02: lost_mrr \(50\) exceeds mrr_start \(30\)$"
    ):
        tables.movements_from_counts(counts)


@pytest.mark.parametrize(
    "changed, error, message",
    [
        (
            {"customers_start": [0, 2.7]},
            OutOfRangeError,
            "counts column 'customers_start' must hold whole numbers >= 0, got 2.7 in 2026-02",
        ),
        (
            {"lost": [0, np.nan]},
            OutOfRangeError,
            "counts column 'lost' must hold whole numbers >= 0, got a blank in 2026-02",
        ),
        ({"new": [2, -1]}, OutOfRangeError, "counts column 'new' must hold whole numbers >= 0, got -1 in 2026-02"),
        ({"new": ["2", 1]}, NotANumberError, "counts column 'new' must hold numbers, got '2' in 2026-01"),
        ({"lost": [False, True]}, NotANumberError, "counts column 'lost' must hold numbers, got booleans"),
        (
            {"churned_mrr": [0.0, -20.0]},
            OutOfRangeError,
            "counts column 'churned_mrr' must hold amounts >= 0, got -20 in 2026-02",
        ),
    ],
)
def test_a_count_that_is_no_count_is_refused_naming_column_month_and_value(changed, error, message):
    with pytest.raises(error) as caught:
        tables.movements_from_counts(_movements(**changed))
    assert str(caught.value) == message


def test_nps_counts_are_checked():
    counts = pd.DataFrame(
        {"responses": [7.9], "promoters": [3.6], "passives": [2], "detractors": [2.2]}, index=MONTHS[:1]
    )
    with pytest.raises(
        OutOfRangeError, match=r"^counts column 'responses' must hold whole numbers >= 0, got 7.9 in 2026-01$"
    ):
        tables.nps_from_counts(counts)  # was: responses 7, promoters 3, nps 14.29
    ten = pd.DataFrame({"responses": [7], "promoters": [3], "passives": [5], "detractors": [2]}, index=MONTHS[:1])
    with pytest.raises(OutOfRangeError) as caught:
        tables.nps_from_counts(ten)
    assert (
        str(caught.value)
        == "counts disagree in 2026-01: promoters + passives + detractors (3 + 5 + 2 = 10) is not responses (7)"
    )
    good = tables.nps_from_counts(
        pd.DataFrame({"responses": [7.0], "promoters": [3], "passives": [2], "detractors": [2]})
    )
    assert good["responses"].tolist() == [7] and round(good["nps"].iloc[0], 10) == 14.2857142857  # (3 - 2) / 7


def test_purchase_and_visitor_counts_are_checked():
    with pytest.raises(OutOfRangeError, match=r"^counts disagree in row 0: returning \(5\) exceeds buyers \(4\)$"):
        tables.purchases_from_counts(pd.DataFrame({"buyers": [4], "repeat_purchasers": [1], "returning": [5]}))
    with pytest.raises(NotANumberError, match=r"^counts column 'visitors' must hold numbers, got '7' in row 0$"):
        tables.visitors_from_counts(pd.DataFrame({"visitors": ["7"], "returning": [1]}))
    assert tables.visitors_from_counts(pd.DataFrame({"visitors": [4], "returning": [1]}))[
        "returning_visitor_rate"
    ].tolist() == [0.25]
