"""xl_retention.relational's functions take the keywords they document and no others: ``through`` ends snapshots'
tables as ``import --through`` does, and an unknown keyword (``timezone=``, a typo) is a TypeError naming it rather
than silently dropped (which gave tables past the month asked for, or counted in another zone's months)."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention.relational import api as R

SNAPS = pd.DataFrame(
    {
        "customer_id": [1, 1, 2, 2, 3],
        "month": ["2024-01", "2024-02", "2024-01", "2024-03", "2024-02"],
        "mrr": [10, 15, 20, 20, 5],
    }
)
ORDERS = pd.DataFrame({"customer_id": ["a", "a", "b"], "date": ["2024-01-05", "2024-01-20", "2024-02-03"]})


@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_through_ends_snapshots_tables(backend: str | None) -> None:
    moves = R.monthly_movements(SNAPS, through="2024-02", backend=backend)
    assert list(map(str, moves.index)) == ["2024-01", "2024-02"]
    got = moves[["customers_start", "gained", "lost", "customers_end", "mrr_end"]].to_dict("list")
    assert got == {
        "customers_start": [0, 2],
        "gained": [2, 1],
        "lost": [0, 1],
        "customers_end": [2, 2],
        "mrr_end": [30.0, 20.0],
    }
    tables = R.subscription_tables(SNAPS, through="2024-02", backend=backend)
    assert list(map(str, tables.movements.index)) == ["2024-01", "2024-02"]
    assert tables.survivors.shape == (2, 2)
    assert tables.survivors.iloc[:, 0].tolist() == [2.0, 1.0]


@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_through_after_the_datas_last_month_ends_with_that_month(backend: str | None) -> None:
    # as `import --through 2024-05`: no month after 2024-03 is observed, so nobody is counted lost in April or May
    moves = R.monthly_movements(SNAPS, through="2024-05", backend=backend)
    assert list(map(str, moves.index)) == ["2024-01", "2024-02", "2024-03"]
    assert moves["lost"].tolist() == [0, 1, 2]
    assert moves["customers_end"].tolist() == [2, 2, 1]
    tables = R.subscription_tables(SNAPS, through="2024-05", backend=backend)
    assert list(map(str, tables.movements.index)) == ["2024-01", "2024-02", "2024-03"]
    assert tables.movements["churn_rate"].tolist()[1:] == [0.5, 1.0]


def test_through_and_end_take_the_earlier() -> None:
    assert list(map(str, R.monthly_movements(SNAPS, end="2024-03", through="2024-02").index)) == ["2024-01", "2024-02"]
    assert list(map(str, R.monthly_movements(SNAPS, end="2024-01", through="2024-02").index)) == ["2024-01"]


@pytest.mark.parametrize(
    ("function", "data", "keyword"),
    [
        (R.monthly_movements, SNAPS, {"backnd": "duckdb"}),
        (R.monthly_movements, SNAPS, {"timezone": "America/New_York"}),
        (R.repeat_purchases, ORDERS, {"timezone": "America/New_York"}),
        (R.returning_visitors, ORDERS.rename(columns={"customer_id": "visitor_id"}), {"dayfirst": True}),
        (R.nps_by_month, pd.DataFrame({"date": ["2024-01-02"], "score": [9]}), {"as_rates": True}),
    ],
)
def test_unknown_keyword_is_a_type_error(function, data, keyword) -> None:
    name = next(iter(keyword))
    with pytest.raises(TypeError, match=f"unexpected keyword argument '{name}'"):
        function(data, **keyword)


def test_known_keywords_still_work() -> None:
    purchases = R.repeat_purchases(ORDERS, source="orders.csv", backend="duckdb")
    assert purchases[["buyers", "repeat_purchasers"]].to_dict("list") == {"buyers": [1, 1], "repeat_purchasers": [1, 0]}
    nps = R.nps_by_month(pd.DataFrame({"date": ["2024-01-02", "2024-01-03"], "score": [9, 3]}), confidence=0.9)
    assert nps["nps"].tolist() == [0.0]
    # one promoter, one detractor: 100 * z(0.95) * sqrt((p + d - (p - d)^2) / n) = 100 * 1.6448536... * sqrt(1 / 2)
    assert nps["nps_moe"].iloc[0] == pytest.approx(100 * 1.6448536269514722 * 0.5**0.5, rel=1e-12)


@pytest.mark.parametrize("backend", [None, "duckdb"])
@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"through": "Sept"}, "through must be a month such as '2024-03', got 'Sept'"),
        ({"end": "Sept"}, "end must be a month such as '2024-03', got 'Sept'"),
        ({"start": "Sept"}, "start must be a month such as '2024-03', got 'Sept'"),
        ({"through": "2023-11"}, "through 2023-11 is before input's first month, 2024-01: none of its months would be"),
        ({"through": "2999-01"}, "through 2999-01 is after the current month, "),
    ],
)
def test_a_month_without_its_year_or_out_of_the_data_is_refused(backend, keywords, message) -> None:
    """H190 finding 08: 'Sept' was September of the year 1 (one row of zeros; from 0001-09 on DuckDB), a `through`
    before the data gave a month of no customers, one after the current month months that have not happened."""
    with pytest.raises(ValueError) as refused:
        R.monthly_movements(SNAPS, backend=backend, **keywords)
    assert str(refused.value).startswith(message)


def test_through_of_intervals_after_the_current_month_is_refused() -> None:
    intervals = pd.DataFrame({"customer_id": ["a"], "start": ["2024-01-05"], "end": [None], "mrr": [10.0]})
    with pytest.raises(ValueError, match=r"^through 2999-01 is after the current month"):
        R.subscription_tables(intervals, through="2999-01")
    # through= says the data covers it: the open interval runs to it, as --through (H297)
    assert list(map(str, R.monthly_movements(intervals, through="2024-03").index)) == ["2024-01", "2024-02", "2024-03"]
