"""Amounts in a currency without decimals written with a thousands separator are read (docs/metrics.md, "Numbers";
reading.minor_units, H50 finding 08).

Before, a Japanese, Korean or Vietnamese shop's '¥1,000', '￥1,000', '1,000円', '1,000 JPY', '₩1,000', '1,000 KRW',
'₫10,000', or '1,000' beside a currency column of JPY, were refused as "numbers whose decimal mark cannot be told":
these currencies have no minor unit, so the mark can only group thousands.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading.errors import DataError
from xl_retention.reading.values import parse_numbers


def _run(tmp_path: Path, text: str, backend: str = "pandas") -> tuple[int, Path]:
    source = tmp_path / "orders.csv"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / f"out-{backend}"
    return cli.main(["import", "--orders", str(source), "--backend", backend, "--to-csv", str(out)]), out


def _first_cohort(out: Path) -> list[object]:
    return pd.read_csv(out / "order_revenue_cohorts.csv").values.tolist()[0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("first", "second", "total", "later"),
    [
        ("¥1,000", "¥2,500", 3500.0, 1000.0),
        ("￥1,000", "￥1,000", 2000.0, 1000.0),
        ("1,000円", "2,500円", 3500.0, 1000.0),
        ("1,000 JPY", "2.500 JPY", 3500.0, 1000.0),  # a German-formatted yen amount too
        ("₩1,000", "₩12,000", 13000.0, 1000.0),
        ("1,000 KRW", "1,000 KRW", 2000.0, 1000.0),
        ("₫10,000", "₫1,250,000", 1260000.0, 10000.0),
    ],
)
def test_thousands_of_a_currency_without_decimals_are_read(
    tmp_path: Path, backend: str, first: str, second: str, total: float, later: float
) -> None:
    text = f'customer_id,date,amount\na,2024-01-05,"{first}"\nb,2024-01-07,"{second}"\na,2024-02-05,"{first}"\n'
    code, out = _run(tmp_path, text, backend)
    assert code == 0 and _first_cohort(out) == ["2024-01", total, later]


def test_a_currency_column_without_decimals_tells_the_thousands(tmp_path: Path) -> None:
    text = 'customer_id,date,amount,currency\na,2024-01-05,"1,000",JPY\nb,2024-01-07,"2,500",JPY\n' \
           'a,2024-02-05,"1,000",JPY\n'  # fmt: skip
    code, out = _run(tmp_path, text)
    assert code == 0 and _first_cohort(out) == ["2024-01", 3500.0, 1000.0]


def test_a_currency_with_decimals_still_cannot_tell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = 'customer_id,date,amount,currency\na,2024-01-05,"1,000",USD\nb,2024-01-07,"2,500",USD\n'
    assert _run(tmp_path, text)[0] == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: orders.csv, column 'amount': numbers whose decimal mark cannot be told (1,234 or 1.234) "
        "in rows 2, 3 (counting the header as row 1): '1,000', '2,500': give --decimal , or --decimal ."
    )
    for texts in (["$1,000"], ["12.500 KWD"], ["¥0,125"], ["1,000"]):  # which dollar; three decimals; no thousand
        with pytest.raises(DataError, match="decimal mark cannot be told"):
            parse_numbers(pd.Series(texts), "o.csv", "amount")
    assert parse_numbers(pd.Series(["1,000", "-1.000"]), "o.csv", "amount", currency="JPY").tolist() == [1e3, -1e3]
    assert parse_numbers(pd.Series(["1.000 kr", "(1,000 kr)"]), "o.csv", "amount").tolist() == [1e3, -1e3]


def test_a_bare_dollar_sign_beside_a_peso_currency_column_is_the_peso(tmp_path: Path, capsys) -> None:
    # a Chilean shop's '$15.000' beside Currency CLP: the column says which '$' (H58 finding 03); with USD, it cannot
    text = 'customer_id,date,amount,currency\na,2024-01-05,"$15.000",CLP\nb,2024-01-07,"$2.500",CLP\n' \
           'a,2024-02-05,"$15.000",CLP\n'  # fmt: skip
    code, out = _run(tmp_path, text)
    assert code == 0 and _first_cohort(out) == ["2024-01", 17500.0, 15000.0]
    (tmp_path / "usd").mkdir()
    assert _run(tmp_path / "usd", text.replace("CLP", "USD"))[0] == 1
    assert "decimal mark cannot be told" in capsys.readouterr().err
