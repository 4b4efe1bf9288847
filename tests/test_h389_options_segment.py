"""xl_retention.relational's functions given options=ReadOptions(segment=COLUMN) without segment= (H385's finding 04).

``relational.subscription_tables(df, options=ReadOptions(segment="currency"))`` on cus_1 100 USD and cus_2 90 EUR gave
one table of MRR 190 (USD and EUR added up, pandas and DuckDB alike): the option lifts the two-currency refusal and
nothing split the rows. Now the tables are computed per segment: one segment's are returned (as without the option),
several are refused naming them and the segment= to give; segment= of the option's column splits as before, of
another column is refused.
"""

from __future__ import annotations

import io
import warnings

import pandas as pd
import pytest

from xl_retention import relational
from xl_retention.reading import DataError, ReadOptions

SUBS = (
    "customer_id,month,mrr,currency\ncus_1,2026-01,100.0,USD\ncus_2,2026-01,90.0,EUR\ncus_1,2026-02,100.0,USD\n"
    "cus_2,2026-02,90.0,EUR\ncus_3,2026-02,50.0,EUR\n"
)
ORDERS = "customer_id,date,amount,currency\nC1,2026-01-05,30,USD\nC2,2026-01-09,4500,JPY\nC1,2026-02-03,20,USD\n"
SPLIT = ReadOptions(segment="currency")


def _frame(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text))


def _quiet(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return call()


def test_two_currencies_refused_subscriptions() -> None:
    with pytest.raises(DataError) as caught:
        _quiet(lambda: relational.subscription_tables(_frame(SUBS), options=SPLIT))
    assert str(caught.value) == (
        "input, column 'currency': 2 currencies (EUR, USD); options=ReadOptions(segment='currency') reads the rows "
        "as split by 'currency', which subscription_tables does with segment='currency': without it amounts in "
        "several currencies would be added up in one table; give segment='currency' (the tables per segment) or "
        "segment='currency=EUR' (one segment's tables)"
    )


def test_three_currencies_refused_orders() -> None:
    with pytest.raises(DataError, match=r"^input, column 'currency': 2 currencies \(JPY, USD\);.* order_tables does"):
        _quiet(lambda: relational.order_tables(_frame(ORDERS), options=SPLIT))


def test_one_currency_read_as_without_the_option() -> None:
    eur = _frame(SUBS).query("currency == 'EUR'")
    got = _quiet(lambda: relational.subscription_tables(eur, options=SPLIT)).movements
    assert got["mrr_end"].tolist() == [90.0, 140.0]
    assert got.index.astype(str).tolist() == ["2026-01", "2026-02"]


def test_segment_of_the_option_column_splits() -> None:
    got = _quiet(lambda: relational.subscription_tables(_frame(SUBS), options=SPLIT, segment="currency")).movements
    assert {(s, str(m)): v for (s, m), v in got["mrr_end"].items()} == {
        ("EUR", "2026-01"): 90.0,
        ("EUR", "2026-02"): 140.0,
        ("USD", "2026-01"): 100.0,
        ("USD", "2026-02"): 100.0,
    }


def test_segment_of_another_column_refused() -> None:
    subs = _frame(SUBS).assign(plan="Pro")
    with pytest.raises(ValueError) as caught:
        _quiet(lambda: relational.monthly_movements(subs, options=SPLIT, segment="plan"))
    assert str(caught.value) == (
        "input: options=ReadOptions(segment='currency') and segment='plan' name two columns: the option reads the "
        "rows as split by 'currency'; give segment='currency' (or 'currency=VALUE'), or leave the option's segment out"
    )
