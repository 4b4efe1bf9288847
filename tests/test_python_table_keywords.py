"""The table builders' keyword arguments in the forms a notebook user reaches for first are refused naming the
argument, the value and the form wanted (H202's finding 04: options={...} gave AttributeError: 'dict' object has no
attribute 'dates', columns=[...] a dict-update ValueError, as_rates='no' returned rates)."""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention.relational as r
import xl_retention.tables as t
from xl_retention.errors import NotANumberError
from xl_retention.reading import ReadOptions

ORDERS = pd.DataFrame({"customer_id": ["a", "b"], "date": ["2026-01-05", "2026-02-01"], "amount": [10.0, 20.0]})


@pytest.mark.parametrize("build", [t.order_tables, r.order_tables, t.repeat_purchases, r.repeat_purchases])
@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        (
            {"options": {"timezone": "Europe/Berlin"}},
            "options must be a ReadOptions (from xl_retention.reading import ReadOptions; "
            "options=ReadOptions(timezone='Europe/Berlin')), got the dict {'timezone': 'Europe/Berlin'}",
        ),
        (
            {"columns": ["customer_id"]},
            "columns must map the tables' names to your columns ({'customer_id': 'cust'}), "
            "got the list ['customer_id']",
        ),
        (
            {"columns": "customer_id=cust,date=Created"},
            "columns must map the tables' names to your columns ({'customer_id': 'cust', 'date': 'Created'}), "
            "got the text 'customer_id=cust,date=Created'",
        ),
        ({"columns": {"customer_id": 3}}, "columns must map each of the tables' names to one of your columns, as texts"
         " ({'customer_id': 'cust'}), got 'customer_id': 3"),
    ],
)  # fmt: skip
def test_wrong_kinds_named(build, keywords: dict, message: str) -> None:
    with pytest.raises(NotANumberError) as caught:
        build(ORDERS, **keywords)
    assert str(caught.value) == message
    assert caught.value.argument == next(iter(keywords))


@pytest.mark.parametrize("build", [t.order_tables, r.order_tables, t.cohorts_from_orders])
def test_as_rates_must_be_true_or_false(build) -> None:
    with pytest.raises(NotANumberError, match=r"^as_rates must be True or False, got 'no'$"):
        build(ORDERS, as_rates="no")


def test_good_keywords_still_work() -> None:
    tables = t.order_tables(ORDERS, as_rates=True, columns={"customer_id": "customer_id"}, options=ReadOptions())
    assert tables.purchases["buyers"].tolist() == [1, 1]
