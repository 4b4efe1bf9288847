"""rfm_summary(period="Y"): a donor's gift years as BG/BB's yearly opportunities (H360's finding 03).

The README offers BG/BB for yearly donations, yet the only route from a gifts file to histories refused
period "Y" (and "A") with NotANumberError 'period must be D, W or M'. A year is now a period; several gifts in one
calendar year are one purchase, and (frequency, recency, T) are BG/BB's (x, t_x, n).
"""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.errors import NotANumberError, RetentionInputError

GIFTS = pd.DataFrame(
    {
        "Email": ["a@x.org", "A@X.ORG", "a@x.org", "b@x.org", "b@x.org", "c@x.org", "a@x.org"],
        "Gift Date": ["2019-03-01", "2019-12-20", "2021-06-05", "2020-12-31", "2021-01-01", "2023-07-01",
                      "2024-02-02"],
        "Gift Amount": [100.0, 50.0, 80.0, 25.0, 30.0, 10.0, 40.0],
    }
)  # fmt: skip


@pytest.mark.parametrize("period", ["Y", "A"])
def test_yearly_histories_by_hand(period: str) -> None:
    s = xr.rfm_summary(GIFTS, customer_id="Email", date="Gift Date", amount="Gift Amount", period=period)
    # a: gift years 2019 (two gifts: one purchase of 150), 2021, 2024; end 2024 (the last gift's year)
    assert s.loc["a@x.org"].to_dict() == {"frequency": 2.0, "recency": 5.0, "T": 5.0, "monetary_value": 60.0}
    # b: 31 December 2020 and 1 January 2021 are two years, a day apart
    assert s.loc["b@x.org"].to_dict() == {"frequency": 1.0, "recency": 1.0, "T": 4.0, "monetary_value": 30.0}
    assert s.loc["c@x.org"].to_dict() == {"frequency": 0.0, "recency": 0.0, "T": 1.0, "monetary_value": 0.0}


def test_yearly_opportunities_to_observation_end() -> None:
    s = xr.rfm_summary(GIFTS, "Email", "Gift Date", "Gift Amount", period="Y", observation_end="2025-06-30")
    assert s[["frequency", "recency", "T"]].to_numpy().tolist() == [[2.0, 5.0, 6.0], [1.0, 1.0, 5.0], [0.0, 0.0, 2.0]]


def test_unknown_period_names_the_yearly_one() -> None:
    with pytest.raises(RetentionInputError, match=r"'Y' \(years; 'A' too\), got 'Q'") as raised:
        xr.rfm_summary(GIFTS, customer_id="Email", date="Gift Date", amount="Gift Amount", period="Q")
    assert not isinstance(raised.value, NotANumberError) and raised.value.argument == "period"
