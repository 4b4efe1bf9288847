"""One currency written two ways (EUR and €, USD and US$) and blank currencies, with a currency segment.

H388's findings 04, 05 and the lead's check of them: ``--segment currency=EUR`` over rows written ``EUR`` and ``€``
kept the EUR rows only (customer b's 20 € left out of the EUR tables, silently), as the segments split the two
spellings; ``xl_retention.tables``' ``ReadOptions(segment='currency')`` refused EUR beside € as two currencies
(README: one currency written several ways is one currency); ``xl_retention.relational``'s option refused USD beside a
blank currency as "2 currencies ((blank), USD)". Now a split by a currency column refuses the two spellings, naming
them and their rows; the tables read them as one currency; a blank is no second currency.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention import relational as R
from xl_retention import tables as T
from xl_retention.reading import DataError, ReadOptions

SPLIT = ReadOptions(segment="currency")


def _orders(currencies: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "order_id": ["1", "2", "3"],
            "customer_id": ["a", "b", "a"],
            "date": ["2026-01-05", "2026-02-06", "2026-02-07"],
            "amount": [10, 20, 5],
            "currency": currencies,
        }
    )


def _quiet(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return call()


def test_a_segment_of_one_currency_written_two_ways_is_refused_naming_both(tmp_path, capsys) -> None:
    path = tmp_path / "o.csv"
    _orders(["EUR", "€", "EUR"]).to_csv(path, index=False)
    code = cli.main(["import", "--orders", str(path), "--segment", "currency=EUR", "--to-csv", str(tmp_path / "out")])
    assert code != 0 and not (tmp_path / "out").exists()
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"xl-retention: error: {path.name}, column 'currency': one currency written two ways ('EUR' and '€'): its rows "
        "would be split in two segments, one of them left out of a segment's tables: write each currency one way "
        "(its code, e.g. EUR) in rows 2, 3, 4 (counting the header as row 1): 'EUR', '€', 'EUR'"
    )
    with pytest.raises(DataError, match=r"one currency written two ways \('USD' and 'US\$'\)"):
        _quiet(lambda: R.order_tables(_orders(["USD", "US$", "USD"]), segment="currency", backend="duckdb"))


@pytest.mark.parametrize("ways", [["EUR", "€", "Euro"], ["usd", "US$", "USD"]])
def test_the_tables_read_one_currency_written_two_ways_as_one(ways: list[str]) -> None:
    revenue = _quiet(lambda: T.order_tables(_orders(ways), options=SPLIT)).revenue_cohorts
    assert revenue.to_numpy().tolist()[0][:2] == [10.0, 5.0] and revenue.to_numpy().tolist()[1][0] == 20.0


def test_two_currencies_one_written_two_ways_keep_both_spellings_in_the_advice() -> None:
    frame = _orders(["EUR", "USD", "€"])
    with pytest.raises(DataError) as caught:
        _quiet(lambda: T.order_tables(frame, options=SPLIT))
    message = str(caught.value)
    assert "2 currencies (EUR, USD)" in message
    assert "(df[df['currency'] == 'USD'])" in message or "(df[df['currency'].isin(['EUR', '€'])])" in message


def test_a_blank_currency_is_no_second_currency_under_the_option() -> None:
    frame = _orders(["USD", "", "USD"])
    revenue = _quiet(lambda: R.order_tables(frame, options=SPLIT, backend="duckdb")).revenue_cohorts
    assert revenue.to_numpy().tolist()[0][:2] == [10.0, 5.0] and revenue.to_numpy().tolist()[1][0] == 20.0
    assert _quiet(lambda: T.order_tables(frame, options=SPLIT)).revenue_cohorts.equals(revenue)
