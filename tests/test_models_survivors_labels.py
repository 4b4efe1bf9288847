"""A DataFrame of cohorts (rows labelled by cohort month, columns 'Month 0', 'Month 1', ...) refused by the sBG and
BdW fits was located only by position ("at period 2 in cohort row 2"): the user's frame has no such numbers on it.
The refusals now add the labels beside the positions; lists and arrays read as before."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import bdw_fit, sbg_fit
from xl_retention.errors import NotANumberError, OutOfRangeError


def _frame(rows: list[list[float | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, index=["2024-01", "2024-02"], columns=["Month 0", "Month 1", "Month 2"])


@pytest.mark.parametrize("fit", [sbg_fit, bdw_fit])
def test_a_rise_names_the_cohort_and_the_periods_by_their_labels(fit: object) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        fit(_frame([[1000, 869, 743], [800, 700, 710]]))  # type: ignore[operator]
    assert str(caught.value) == (
        "survivors rise from 700 at period 1 ('Month 1') to 710 at period 2 ('Month 2') in cohort row 2 ('2024-02'): "
        "the customers of a cohort still active can only fall"
    )


def test_a_blank_before_later_values_and_a_fraction_are_named_by_their_labels() -> None:
    with pytest.raises(NotANumberError, match=r"blank at period 1 \('Month 1'\) in cohort row 1 \('2024-01'\) "):
        sbg_fit(_frame([[1000, None, 743], [800, 700, 600]]))
    with pytest.raises(OutOfRangeError) as caught:
        sbg_fit(_frame([[1000, 869.5, 743], [800, 700, 600]]))
    assert str(caught.value) == (
        "survivors must be whole counts >= 0, got 869.5 at period 1 ('Month 1') in cohort row 1 ('2024-01')"
    )


def test_shares_with_sizes_by_date_labels_and_one_cohort_as_a_series() -> None:
    shares = pd.DataFrame(
        [[1, 0.8, 0.7], [1, 0.7, 1.2]],
        index=pd.to_datetime(["2024-01-01", "2024-02-01"]),
        columns=["Month 0", "Month 1", "Month 2"],
    )
    with pytest.raises(OutOfRangeError) as caught:
        sbg_fit(shares, pd.Series([100, 200], index=shares.index))
    assert str(caught.value) == (
        "survivors given as shares (with cohort_size) must lie between 0 and 1, got 1.2 in cohort row 2 "
        "('2024-02-01') (percentages are shares: 86.9% is 0.869)"
    )
    with pytest.raises(OutOfRangeError) as caught:
        sbg_fit(pd.Series([100, 80, 85], index=["M0", "M1", "M2"]))
    assert str(caught.value) == (
        "survivors rise from 80 at period 1 ('M1') to 85 at period 2 ('M2'): "
        "the customers of a cohort still active can only fall"
    )


def test_lists_and_default_labels_are_named_by_position_only() -> None:
    expected = (
        "survivors rise from 700 at period 1 to 710 at period 2 in cohort row 2: "
        "the customers of a cohort still active can only fall"
    )
    for survivors in ([[1000, 869, 743], [800, 700, 710]], pd.DataFrame([[1000, 869, 743], [800, 700, 710]])):
        with pytest.raises(OutOfRangeError) as caught:
            sbg_fit(survivors)
        assert str(caught.value) == expected
