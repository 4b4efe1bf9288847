"""Prices in whole units written with a mark and a dash (German, Austrian, Dutch, Nordic ``49,-``, ``1.049,-``,
Swiss ``49.–``) were refused as 'values that are not numbers' (H78 finding 07). They are 49.00 and 1049.00; SAP's
trailing minus (``50.00-``, digits before the dash) stays -50, and other dashes stay refused.
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention.cli import main
from xl_retention.reading import DataError
from xl_retention.reading.values import parse_numbers


@pytest.mark.parametrize(
    ("price", "revenue"),
    [("49,-", "149.0"), ("€ 49,-", "149.0"), ("1.049,-", "1149.0"), ("kr 49,-", "149.0"), ("49.–", "149.0"),
     ("Fr. 49.–", "149.0"), ("49,- €", "149.0")],
)  # fmt: skip
def test_whole_unit_prices_are_read_as_whole_numbers(tmp_path, capsys, price: str, revenue: str) -> None:
    orders = tmp_path / "o.csv"
    orders.write_text(f'customer_id,date,amount\na,2024-01-05,"100,00"\nb,2024-01-06,"{price}"\na,2024-02-07,"30,00"\n')
    assert main(["import", "--orders", str(orders), "--to-csv", str(tmp_path / "out")]) == 0, capsys.readouterr().err
    january = (tmp_path / "out" / "order_revenue_cohorts.csv").read_text().splitlines()[1].split(",")
    assert january[:2] == ["2024-01", revenue]


def test_the_dash_notation_beside_other_notations() -> None:
    comma = ["49,-", "1.049,-", "49,–", "-49,-", "12,50", "50,00-"]
    assert parse_numbers(pd.Series(comma), "o.csv", "amount").tolist() == [49, 1049, 49, -49, 12.5, -50]
    point = ["49.–", "1’049.–", "1,049.-", "50.00-", "12.50"]
    assert parse_numbers(pd.Series(point), "o.csv", "amount").tolist() == [49, 1049, 1049, -50, 12.5]
    for text in ("49,--", "49,-5", ",-", "49-,"):
        with pytest.raises(DataError, match="values that are not numbers"):
            parse_numbers(pd.Series([text]), "o.csv", "amount")
