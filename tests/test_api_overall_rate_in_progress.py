"""``overall_repeat_purchase_rate`` warns when its orders' last month is the current month, as the tables do since
5682887e (H250, item 2): it gave 0.5 under no word on orders running into a month still in progress."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import xl_retention.movements as movements
import xl_retention.tables as tables
from xl_retention.reading import ReadOptions
from xl_retention.tables import InProgressMonthWarning

TODAY = ReadOptions(today="2026-03-04")  # the run's date: March 2026 is in progress
LATER = ReadOptions(today="2026-04-01")  # March has ended

SAID = (
    "the orders' last month, 2026-03, is the current month, still in progress: its purchases are only those so far, "
    "and overall_repeat_purchase_rate reads them until it ends; 2026-02 is the last full month (the orders dated "
    "before 2026-03-01 stop there, or compute again after 2026-03 ends for its final figure)"
)


def _orders() -> pd.DataFrame:
    """a twice (February and March), b once: 1 of 2 customers bought again."""
    return pd.DataFrame(
        {"customer_id": ["a", "b", "a"], "date": ["2026-02-03", "2026-02-10", "2026-03-02"], "amount": [5.0, 6.0, 7.0]}
    )


@pytest.mark.parametrize("module", [tables, movements], ids=["tables", "movements"])
def test_a_month_in_progress_warns(module) -> None:
    with pytest.warns(InProgressMonthWarning) as caught:
        rate = module.overall_repeat_purchase_rate(_orders(), options=TODAY)
    assert rate == 0.5
    ours = [w for w in caught if w.category is InProgressMonthWarning]
    assert [str(w.message) for w in ours] == [SAID]
    assert ours[0].filename == __file__  # pointed at the caller's line


def test_no_warning_once_the_month_has_ended_or_before_it() -> None:
    orders = _orders()
    with warnings.catch_warnings():
        warnings.simplefilter("error", InProgressMonthWarning)
        assert tables.overall_repeat_purchase_rate(orders, options=LATER) == 0.5
        february = orders[pd.to_datetime(orders["date"]) < "2026-03-01"]  # what the warning advises
        assert tables.overall_repeat_purchase_rate(february, options=TODAY) == 0.0


def test_a_refund_this_month_is_no_order_of_it() -> None:
    """A refund is left out of the rate, so a refund dated this month does not make the rate read this month."""
    orders = pd.DataFrame(
        {"customer_id": ["a", "b", "a"], "date": ["2026-02-03", "2026-02-10", "2026-03-02"], "amount": [5.0, 6.0, -5.0]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", InProgressMonthWarning)
        assert tables.overall_repeat_purchase_rate(orders, options=TODAY) == 0.0
