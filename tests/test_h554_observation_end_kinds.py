"""rfm_summary's observation_end (H553's findings 01 and 09): a blank of any kind (pd.NA, np.datetime64('NaT'), a numpy
NaN) is the default end, where pd.NA and NaT crashed; a numpy month or year (datetime64 of unit M or Y) is its last day,
where it was read as its first (the orders after the 1st left out); the month holding today is observed through today,
where it was refused as "after today"; a month wholly after today stays refused."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xl_retention import rfm_summary
from xl_retention.errors import RetentionInputError

ORDERS = pd.DataFrame(
    {"customer_id": ["a", "a", "b"], "date": ["2024-01-05", "2024-02-10", "2024-02-20"], "amount": [10, 20, 30]}
)


def _summary(end: object, period: str = "D", orders: pd.DataFrame = ORDERS) -> dict:
    return rfm_summary(orders, "customer_id", "date", "amount", observation_end=end, period=period).to_dict("index")


@pytest.mark.parametrize("blank", [pd.NA, np.datetime64("NaT"), np.float32("nan"), float("nan"), None, ""])
def test_every_blank_is_the_default_end(blank: object) -> None:
    assert _summary(blank) == _summary(None)


@pytest.mark.parametrize("month", [np.datetime64("2024-02"), "2024-02", pd.Period("2024-02", "M")])
def test_a_numpy_month_is_its_last_day(month: object) -> None:
    assert _summary(month) == {  # through 29 February: b's order of the 20th counts (1 February left b out)
        "a": {"frequency": 1.0, "recency": 36.0, "T": 55.0, "monetary_value": 20.0},
        "b": {"frequency": 0.0, "recency": 0.0, "T": 9.0, "monetary_value": 0.0},
    }


def test_a_numpy_year_is_its_last_day() -> None:
    assert _summary(np.datetime64("2024")) == _summary("2024-12-31")
    assert _summary(np.datetime64("2024"))["a"]["T"] == 361.0  # 5 January to 31 December 2024


def test_the_current_month_is_observed_through_today_and_a_later_one_is_refused() -> None:
    today = pd.Timestamp.today().normalize()
    month = today.to_period("M")
    orders = pd.DataFrame(
        {"customer_id": ["a", "a"], "date": [str((month - 2).start_time.date()), str(month.start_time.date())],
         "amount": [10, 20]}
    )  # fmt: skip
    for period in ("M", "D"):
        expected = _summary(str(today.date()), period, orders)
        assert _summary(str(month), period, orders) == expected
        assert _summary(np.datetime64(str(month)), period, orders) == expected
        assert _summary(str(today.year), period, orders) == expected
    expected = {"frequency": 1.0, "recency": 2.0, "T": 2.0, "monetary_value": 20.0}
    assert _summary(str(month), "M", orders)["a"] == expected
    with pytest.raises(RetentionInputError, match="is after today"):
        _summary(str(month + 1), "M", orders)
