"""Months after the data's last are not months of none (H214's finding 04).

``order_tables(end="2027-03")`` on orders of 2026-08..2026-10 wrote 2026-11..2027-03 as months of 0 buyers (months
still to come among them), ``start="2027-03"`` one such month; ``nps_by_month``/``returning_visitors`` the same with 0
answers/visitors. The import's tables end with an input's last month (nothing says the business had no orders then):
the Python tables refuse such a ``start``/``end``, naming it and the data's last month, on pandas and on DuckDB.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import xl_retention.relational as relational
import xl_retention.tables as tables
from xl_retention.errors import RetentionInputError

ORDERS = pd.DataFrame(
    {"customer_id": ["a", "b", "a"], "date": ["2026-08-03", "2026-09-10", "2026-10-12"], "amount": [10.0, 20, 30]}
)
ANSWERS = pd.DataFrame({"respondent": ["x", "y"], "date": ["2026-08-03", "2026-09-10"], "score": [9, 3]})
VISITS = pd.DataFrame({"visitor_id": ["x", "y", "x"], "date": ["2026-08-03", "2026-09-10", "2026-09-11"]})
MODULES = {"pandas": tables, "duckdb": relational}


def _refusal(name: str, month: str, last: str, what: str) -> str:
    return (
        f"{name} {month} is after input's last month, {last}: the tables would show the months after it as months "
        f"without {what}, though nothing says there were none (give {name} up to {last})"
    )


@pytest.mark.parametrize("path", MODULES)
@pytest.mark.parametrize(("name", "month"), [("end", "2026-11"), ("end", "2027-03"), ("start", "2027-03")])
def test_orders_after_their_last_month_are_refused(path: str, name: str, month: str) -> None:
    for table in (MODULES[path].order_tables, MODULES[path].repeat_purchases):
        with pytest.raises(RetentionInputError) as refused:
            table(ORDERS, **{name: month})
        assert str(refused.value) == _refusal(name, month, "2026-10", "orders")
        assert (refused.value.argument, refused.value.value) == (name, month)


@pytest.mark.parametrize("path", MODULES)
def test_answers_and_visits_after_their_last_month_are_refused(path: str) -> None:
    with pytest.raises(RetentionInputError) as refused:
        MODULES[path].nps_by_month(ANSWERS, end="2026-12")
    assert str(refused.value) == _refusal("end", "2026-12", "2026-09", "answers")
    with pytest.raises(RetentionInputError) as refused:
        MODULES[path].returning_visitors(VISITS, start="2026-10")
    assert str(refused.value) == _refusal("start", "2026-10", "2026-09", "visits")


@pytest.mark.parametrize("path", MODULES)
def test_the_data_s_own_months_are_still_shown_with_their_empty_months(path: str) -> None:
    """A month inside the data without a purchase is one (the export says so); the last month itself is shown."""
    orders = pd.DataFrame({"customer_id": ["a", "a"], "date": ["2026-08-03", "2026-10-12"], "amount": [10.0, 30]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        purchases = MODULES[path].order_tables(orders, start="2026-08", end="2026-10").purchases
    assert purchases.index.astype(str).tolist() == ["2026-08", "2026-09", "2026-10"]
    assert purchases["buyers"].tolist() == [1, 0, 1]
    assert purchases["returning"].tolist() == [0, 0, 1]


def test_through_ends_the_orders_tables_as_the_import_does() -> None:
    """``order_tables(through=...)`` was a TypeError (H214's finding 08); the CLI's ``--through 2026-10`` on orders of
    2026-08..2026-11 ends the tables with 2026-10, leaving out November's buyer."""
    orders = pd.concat(
        [ORDERS, pd.DataFrame({"customer_id": ["c"], "date": ["2026-11-02"], "amount": [5.0]})], ignore_index=True
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables_through = relational.order_tables(orders, through="2026-10")
        repeat = relational.repeat_purchases(orders, through="2026-10")
        later = relational.order_tables(orders, through="2026-11")  # the data's last month: all of it
    purchases = tables_through.purchases
    assert purchases.index.astype(str).tolist() == ["2026-08", "2026-09", "2026-10"]
    assert purchases[["buyers", "returning"]].to_numpy().tolist() == [[1, 0], [1, 0], [1, 1]]
    assert repeat.equals(purchases)
    cohorts = tables_through.customer_cohorts  # c's cohort (2026-11) is after through: not there
    assert cohorts.index.astype(str).tolist() == ["2026-08", "2026-09", "2026-10"]
    assert cohorts[0].tolist() == [1, 1, 0]
    assert later.purchases["buyers"].tolist() == [1, 1, 1, 1]
    with pytest.raises(RetentionInputError, match=r"^through 2026-07 is before input's first month, 2026-08"):
        relational.nps_by_month(ANSWERS.assign(date=["2026-08-03", "2026-09-10"]), through="2026-07")
    with pytest.raises(RetentionInputError, match=r"^through must be a month such as '2024-03', got '2026'"):
        relational.returning_visitors(VISITS, through="2026")
