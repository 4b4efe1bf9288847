"""Tables that end before the last full month warn a Python caller, as ``import`` notes it (H263, item 3).

``import --to-csv`` says where each input's tables end when that is before the last full month, the months after it
not written (workbook/last_month.py). ``xl_retention.tables.*`` and ``xl_retention.relational.*`` said nothing: a
frame of 2026-01 to 2026-02 computed in July read as complete. They now warn :class:`LaterMonthsWarning` with the same
facts; ``end=`` (asked to end there) does not warn, ``through=`` after the data's last month names itself.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from xl_retention import tables as T
from xl_retention.reading import ReadOptions
from xl_retention.tables import InProgressMonthWarning, LaterMonthsWarning

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore:The 'future.infer_string'")

SNAPSHOTS = pd.DataFrame(
    {"customer_id": ["a", "b", "a"], "month": ["2026-01", "2026-01", "2026-02"], "mrr": [10.0, 20.0, 10.0]}
)
ORDERS = pd.DataFrame({"customer_id": ["a", "b"], "date": ["2026-01-03", "2026-02-04"], "amount": [5.0, 6.0]})
JULY = ReadOptions(today="2026-07-15")
SUBSCRIPTIONS = (
    "2026-02 is the data's last month: the subscriptions' tables end there, and the months after it, 2026-03 to "
    "2026-06 (the last full month), are not written (no rows, not 0: nothing says there were none); the customer at "
    "the end of 2026-02 is not counted after it; if the export was cut short, export it up to 2026-06"
)


def _heard(call) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    assert all(w.filename == __file__ for w in caught if w.category is LaterMonthsWarning)  # at the user's call
    return [str(w.message) for w in caught if w.category is LaterMonthsWarning]


def test_subscription_tables_ending_before_the_last_full_month() -> None:
    assert _heard(lambda: T.monthly_movements(SNAPSHOTS, options=JULY)) == [SUBSCRIPTIONS]
    assert _heard(lambda: T.subscription_tables(SNAPSHOTS, options=JULY)) == [SUBSCRIPTIONS]


def test_orders() -> None:
    assert _heard(lambda: T.order_tables(ORDERS, options=JULY)) == [
        "2026-02 is the data's last month: the orders' tables end there, and the months after it, 2026-03 to 2026-06 "
        "(the last full month), are not written (no rows, not 0: nothing says there were none); if the export was cut "
        "short, export it up to 2026-06"
    ]


def test_no_warning_at_the_last_full_month_or_with_end() -> None:
    assert _heard(lambda: T.monthly_movements(SNAPSHOTS, options=ReadOptions(today="2026-03-02"))) == []
    assert _heard(lambda: T.monthly_movements(SNAPSHOTS, end="2026-02", options=JULY)) == []
    with warnings.catch_warnings(record=True) as caught:  # the month in progress: that warning alone
        warnings.simplefilter("always")
        T.monthly_movements(SNAPSHOTS, options=ReadOptions(today="2026-02-10"))
    assert [w.category for w in caught if issubclass(w.category, UserWarning)] == [InProgressMonthWarning]


def test_relational_through_after_the_data() -> None:
    R = pytest.importorskip("xl_retention.relational")
    pytest.importorskip("ibis")
    heard = _heard(lambda: R.monthly_movements(SNAPSHOTS, backend="duckdb", through="2026-04", options=JULY))
    assert heard == [
        "2026-02 is the data's last month: the subscriptions' tables end there, and the months after it, 2026-03 to "
        "2026-04 (through='2026-04'), are not written (no rows, not 0: nothing says there were none); the customer "
        "at the end of 2026-02 is not counted after it; if the export was cut short, export it up to 2026-04"
    ]
    assert _heard(lambda: R.monthly_movements(SNAPSHOTS, backend="duckdb", options=JULY)) == [SUBSCRIPTIONS]
