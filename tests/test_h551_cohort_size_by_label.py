"""A pandas cohort_size Series beside a DataFrame of shares is matched to its rows by label (H545's finding 05).

``sbg_fit(shares, sizes.sort_values())`` paired each cohort's shares with another cohort's size by position, silently
(alpha 1.6695, beta 10.9198 for 1.5931, 10.3077): docs/metrics.md matches Series by label; labels that differ are
refused naming cohort_size. A list or an array stays positional.
"""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.errors import NotANumberError

ROWS = [
    [1000, 869, 743, 653, 593],
    [800, 700, 610, 540, None],
    [900, 780, 690, None, None],
    [1200, 1040, None, None, None],
    [500, None, None, None, None],
]
COUNTS = pd.DataFrame(ROWS, index=["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"], dtype=float)
SHARES = COUNTS.div(COUNTS[0], axis=0)
SIZES = COUNTS[0]


@pytest.mark.parametrize("sizes", [SIZES.iloc[::-1], SIZES.sort_values(), COUNTS[[0]].iloc[::-1]])
def test_sbg_fit_matches_sizes_by_label(sizes: object) -> None:
    fit = xr.sbg_fit(SHARES, sizes)
    assert (round(fit.alpha, 4), round(fit.beta, 4), round(fit.log_likelihood, 2)) == (1.5931, 10.3077, -3116.95)


def test_bdw_fit_and_sbg_fit_se_match_sizes_by_label() -> None:
    fit = xr.bdw_fit(SHARES, SIZES.sort_values())
    assert (round(fit.alpha, 4), round(fit.beta, 4)) == (0.4525, 3.0039)
    assert [round(v, 4) for v in xr.sbg_fit_se(SHARES, SIZES.iloc[::-1])[:2]] == [0.6551, 4.5187]
    interval = xr.sbg_survival_interval(SHARES, 3, 0.95, SIZES.iloc[::-1])
    assert interval == xr.sbg_survival_interval(COUNTS, 3, 0.95)


def test_positional_sizes_unchanged() -> None:
    assert xr.sbg_fit(SHARES, SIZES.to_numpy()) == xr.sbg_fit(SHARES, list(SIZES)) == xr.sbg_fit(COUNTS)


def test_other_labels_refused_naming_cohort_size() -> None:
    with pytest.raises(NotANumberError) as caught:
        xr.sbg_fit(SHARES, SIZES.reset_index(drop=True))
    assert caught.value.argument == "cohort_size"
    assert str(caught.value).startswith(
        "cohort_size's index does not match survivors's (labels '2024-01', '2024-02', '2024-03' of survivors are not "
        "in cohort_size): Series are matched by their index labels"
    )
