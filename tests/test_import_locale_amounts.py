"""Amounts as regional formats write them (H26 finding 03): Indian lakh grouping ('1,23,456.00', '₹1,23,456'),
Japanese and Chinese yen/yuan ('￥1,234', '1,234円', '1,234元'), Taiwan's 'NT$1,200', South Africa's 'R 1 200,00',
Turkish 'TL' after the amount, SAP's trailing minus ('50.00-', a refund); and a column whose '1.200.000' or
'1,200,000' shows which mark groups thousands decides its '500.000' or '2,500'."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

from xl_retention.reading import parse_numbers
from xl_retention.reading.currency import currency_of

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


@pytest.mark.parametrize(
    ("first", "second", "decimal", "numbers"),
    [
        ("1,23,456.00", "2,00,000.00", None, [123456.0, 200000.0]),
        ("₹1,23,456", "₹2,000", None, [123456.0, 2000.0]),
        ("￥1,234", "￥2,000", ".", [1234.0, 2000.0]),
        ("1,234円", "2,000円", ".", [1234.0, 2000.0]),
        ("1,234元", "88.50元", None, [1234.0, 88.5]),
        ("NT$1,200", "NT$500", ".", [1200.0, 500.0]),
        ("R 1 200,00", "R 500,00", None, [1200.0, 500.0]),
        ("1.200,00 TL", "500,00 TL", None, [1200.0, 500.0]),
        ("100.00", "50.00-", None, [100.0, -50.0]),
        ("Rp 1.200.000", "Rp 500.000", None, [1200000.0, 500000.0]),
        ("1,200,000", "2,500", None, [1200000.0, 2500.0]),
    ],
)
def test_regional_amounts_are_read(first, second, decimal, numbers) -> None:
    got = parse_numbers(pd.Series([first, second]), "o.csv", "amount", decimal=decimal)
    assert got.tolist() == numbers


@pytest.mark.parametrize(
    ("text", "currency"), [("￥1,234", "¥"), ("1,234円", "JPY"), ("1,234元", "CNY"), ("NT$1,200", "TWD"),
                           ("R 1 200,00", "ZAR"), ("1.200,00 TL", "TRY")]
)  # fmt: skip
def test_their_currencies_are_told(text, currency) -> None:
    assert currency_of(text) == currency


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_sap_credit_with_a_trailing_minus_is_read_as_a_leading_minus(tmp_path: Path, backend: str) -> None:
    text = "order_id;customer_id;date;amount\n1;a;2024-01-05;100.00\n2;b;2024-01-10;{credit}\n3;b;2024-01-09;50.00\n"
    tables = {}
    for name, credit in (("sap", "50.00-"), ("signed", "-50.00")):
        path = tmp_path / f"{name}.csv"
        path.write_text(text.format(credit=credit))
        out = run(tmp_path, "--orders", path, backend=backend)
        tables[name] = [pd.read_csv(out / f"{t}.csv").values.tolist() for t in ("purchases", "order_revenue_cohorts")]
    assert tables["sap"] == tables["signed"]
    assert tables["sap"][1] == [["2024-01", 150.0]]  # a credit without its sale's id: as a signed one is


def test_an_indian_export_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text('order_id,customer_id,date,amount\n1,a,2024-01-05,"₹1,23,456"\n2,b,2024-01-10,"₹2,000"\n')
    revenue = pd.read_csv(run(tmp_path, "--orders", path) / "order_revenue_cohorts.csv")
    assert revenue.iloc[0, :2].tolist() == ["2024-01", 125456.0]


@pytest.mark.parametrize("text", ["5-3", "-", "abc-", "1,2,3"])
def test_texts_that_only_look_so_are_still_refused(text) -> None:
    with pytest.raises(ValueError, match="not numbers"):
        parse_numbers(pd.Series([text, "7"]), "o.csv", "amount")
