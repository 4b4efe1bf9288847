"""A date given as an argument is read with the data's day/month order, never month-first behind the user's back.

``rfm_summary(orders, observation_end="01/12/2014")`` on day-first orders (and with ``dayfirst=True``) read 12 January:
before every order, an empty table with no error. The tables' ``start="01/02/2025"`` with
``ReadOptions(dayfirst=True)`` started in January. Now the end is 1 December (as the options say, or as the orders'
own dates prove), a start 1 February; an order that cannot be told is refused naming the argument; an observation
end before every order is refused, never an empty table. On the DuckDB engine alike.
"""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention as xr
from xl_retention import relational as R
from xl_retention import tables as T
from xl_retention.errors import RetentionInputError
from xl_retention.reading import ReadOptions

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

ORDERS = pd.DataFrame(
    {"customer_id": [1, 2, 2], "date": ["08/03/2014", "14/03/2014", "21/05/2014"], "amount": [10, 20, 30]}
)


@pytest.mark.parametrize("options", [{}, {"dayfirst": True}, {"date_format": "%d/%m/%Y"}])
def test_observation_end_is_read_as_the_orders_dates_are(options: dict) -> None:
    got = xr.rfm_summary(ORDERS, observation_end="01/12/2014", **options)
    assert got["T"].tolist() == [268.0, 262.0]  # 1 December 2014 - 8 March, - 14 March
    assert got["frequency"].tolist() == [0.0, 1.0]


def test_observation_end_whose_order_cannot_be_told_is_refused() -> None:
    orders = ORDERS.assign(date=["2014-03-08", "2014-03-14", "2014-05-21"])  # they tell nothing of '01/12/2014'
    with pytest.raises(RetentionInputError, match=r"observation_end '01/12/2014' could be day-first or month-first"):
        xr.rfm_summary(orders, observation_end="01/12/2014")


def test_observation_end_before_every_order_is_refused() -> None:
    with pytest.raises(ValueError, match=r"observation_end '2014-01-12' \(2014-01-12\) is before every order"):
        xr.rfm_summary(ORDERS, observation_end="2014-01-12")
    assert xr.rfm_summary(ORDERS, observation_end="2014-03-31", period="M")["T"].tolist() == [0.0, 0.0]


DAY_FIRST = pd.DataFrame(
    {
        "customer_id": ["a", "b", "a", "c"],
        "date": ["05/01/2025", "20/02/2025", "13/03/2025", "01/04/2025"],
        "amount": [1, 2, 3, 4],
    }
)


def test_a_tables_start_written_as_a_date_is_read_with_the_options() -> None:
    got = T.repeat_purchases(DAY_FIRST, start="01/02/2025", options=ReadOptions(dayfirst=True))
    assert [str(m) for m in got.index] == ["2025-02", "2025-03", "2025-04"]
    assert got["returning"].tolist() == [0, 1, 0]
    with pytest.raises(RetentionInputError, match=r"start '01/02/2025' could be day-first or month-first"):
        T.repeat_purchases(DAY_FIRST, start="01/02/2025")
    snaps = pd.DataFrame({"customer_id": ["a", "a", "a"], "month": ["2025-01", "2025-02", "2025-03"], "mrr": [1, 1, 1]})
    moves = T.monthly_movements(snaps, end="01/02/2025", options=ReadOptions(dayfirst=True))
    assert [str(m) for m in moves.index] == ["2025-01", "2025-02"]
    answers = pd.DataFrame({"date": ["2025-01-05", "2025-02-05"], "score": [10, 0]})
    nps = T.nps_by_month(answers, start="01/02/2025", options=ReadOptions(dayfirst=True))
    assert nps["nps"].tolist() == [-100.0]


def test_the_engines_start_written_as_a_date_is_read_with_the_options() -> None:
    orders = DAY_FIRST.assign(date=pd.to_datetime(DAY_FIRST["date"], dayfirst=True))
    got = R.repeat_purchases(orders, start="01/02/2025", options=ReadOptions(dayfirst=True))  # DuckDB
    assert [str(m) for m in got.index] == ["2025-02", "2025-03", "2025-04"]
    tables = R.order_tables(orders, start="01/02/2025", options=ReadOptions(dayfirst=True))
    assert [str(m) for m in tables.purchases.index] == ["2025-02", "2025-03", "2025-04"]


def test_rfm_summary_reads_a_month_as_its_last_day() -> None:
    # H545's finding 02: "2024-03" was 1 March with daily periods: c (15 March) and a's repeat (20 March) were lost
    import pandas as pd

    import xl_retention as xr

    orders = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
                           "date": ["2024-01-01", "2024-03-20", "2024-01-05", "2024-03-01", "2024-03-15"]})  # fmt: skip
    for end in ("2024-03", "March 2024", pd.Period("2024-03", "M"), "2024-03-31"):
        summary = xr.rfm_summary(orders, observation_end=end, period="D", amount=None)
        assert summary.to_dict("index") == {
            "a": {"frequency": 1.0, "recency": 79.0, "T": 90.0},
            "b": {"frequency": 1.0, "recency": 56.0, "T": 86.0},
            "c": {"frequency": 0.0, "recency": 0.0, "T": 16.0},
        }, end
    year = xr.rfm_summary(orders, observation_end="2024", period="M", amount=None)  # a year: its last day, December
    assert year["T"].tolist() == [11.0, 11.0, 9.0]


def test_rfm_summary_refuses_a_number_or_a_logical_as_its_end_and_takes_a_blank_as_left_out() -> None:
    # H545's finding 01: 20240331 was read as nanoseconds after 1970 ("before every order (1970-01-01)"), NaT and ""
    # raised pandas' own errors
    import pandas as pd
    import pytest

    import xl_retention as xr
    from xl_retention.errors import RetentionInputError

    orders = pd.DataFrame({"customer_id": ["a", "a"], "date": ["2024-01-01", "2024-02-08"]})
    for value in (20240331, 45382.0, True):
        with pytest.raises(RetentionInputError) as caught:
            xr.rfm_summary(orders, observation_end=value, amount=None)
        what = "a logical" if value is True else "a number"
        assert str(caught.value).startswith(f"observation_end {value!r} is {what}, not a date: give the last day")
    with pytest.raises(RetentionInputError, match=r"^observation_end '  ' is not a date \(write it as YYYY-MM-DD\)"):
        xr.rfm_summary(orders, observation_end="  ", amount=None)
    default = xr.rfm_summary(orders, amount=None)
    for blank in (float("nan"), pd.NaT, ""):
        pd.testing.assert_frame_equal(xr.rfm_summary(orders, observation_end=blank, amount=None), default)
