"""The shipping check reads each column of the file once (H158 finding 04: a Shopify export with 'Shipping' imported
13x slower than without it, every column parsed value by value for each of up to 12 sums asked about): a column's
numbers are kept for the sums after the first, and a text column with a character no number has (an email, a date
with its time, "#1001") is told no amounts without reading each value. Same results; no timings here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from import_cli import run

from xl_retention.reading.equal_columns import _NO_NUMBER, column_equal, numbers_or_none
from xl_retention.reading.errors import DataError
from xl_retention.reading.number_texts import parse_numbers

SHOP = pd.DataFrame(
    {
        "Name": ["#1001", "#1002"],
        "Email": ["a@x.com", "b@x.com"],
        "Subtotal": ["25.00", "30.00"],
        "Shipping": ["5.00", "5.00"],
        "Total": ["30.00", "35.00"],
        "Created at": ["2026-01-05 10:12:00 -0500", "2026-01-10 09:00:00 -0500"],
    }
)


def test_a_columns_numbers_are_read_once_for_the_sums_asked_about() -> None:
    seen: dict[str, np.ndarray | None] = {}
    total, rows = np.array([30.0, 35.0]), np.array([0, 1])
    assert column_equal(SHOP, total - 5.0, rows, {"Total", "Shipping"}, "o.csv", None, seen) == "Subtotal"
    assert list(seen) == ["Name", "Email", "Subtotal"] and seen["Name"] is None and seen["Email"] is None
    assert seen["Subtotal"].tolist() == [25.0, 30.0]
    seen["Subtotal"] = np.array([20.0, 25.0])  # what was read is what is asked of, not the column again
    assert column_equal(SHOP, total - 10.0, rows, {"Total", "Shipping"}, "o.csv", None, seen) == "Subtotal"
    assert column_equal(SHOP, total - 5.0, rows, {"Total", "Shipping"}, "o.csv", None, seen) is None
    assert list(seen) == ["Name", "Email", "Subtotal", "Created at"]


@pytest.mark.parametrize("series", [SHOP["Email"], SHOP["Name"], SHOP["Created at"], SHOP["Email"].astype(object)])
def test_a_text_column_of_ids_emails_or_dates_is_no_amounts(series: pd.Series) -> None:
    assert numbers_or_none(series, "o.csv", str(series.name), None) is None


def test_each_character_said_to_be_in_no_number_makes_the_text_no_number() -> None:
    chars = sorted(set(_NO_NUMBER.pattern[1:-1].replace("\\", "")) | {"\\"})
    for char in chars:
        for text in (f"1{char}", f"{char}1", f"$1.00 {char}", f"1,000{char}", f"¥1,000{char}", f"USD 1{char}"):
            for decimal in (None, ".", ","):
                with pytest.raises(DataError):
                    parse_numbers(pd.Series([text]), "o.csv", "c", decimal=decimal, allow_blank=True)
    assert numbers_or_none(pd.Series(["$1,234.50", "(30.00)", "1e3", "EUR 12", "49,-", "kr 5"]), "o.csv", "c", None) \
        .tolist() == [1234.5, -30.0, 1000.0, 12.0, 49.0, 5.0]  # fmt: skip


def test_shopify_shipping_taken_off_as_before(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"  # Total = Subtotal + Shipping + Taxes (a tax-exclusive store)
    path.write_text(
        "Name,Email,Financial Status,Subtotal,Shipping,Taxes,Total,Created at\n"
        "#1001,a@example.com,paid,25.00,5.00,4.75,34.75,2026-01-05 10:12:00 -0500\n"
        "#1002,b@example.com,paid,30.00,5.00,6.30,41.30,2026-01-10 09:00:00 -0500\n"
        "#1003,a@example.com,paid,25.00,5.00,4.75,34.75,2026-02-14 08:00:00 -0500\n"
    )
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Total")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines() == ["cohort,0,1", "2026-01,55.0,25.0",
                                                                            "2026-02,0.0,"]  # fmt: skip


def test_number_texts_between_digits_read_as_before() -> None:
    """number_texts._body drops no sign, symbol or code from a text that begins and ends with a digit (none begins
    or ends with one), so such a text is read without its regexes (7x faster on a column of '504,94')."""
    texts = ["1.234,50", "1 234,50", "1\u00a0234,50", "12,50", "1.234.567", "7", "0,5"]
    assert parse_numbers(pd.Series(texts), "o.csv", "c").tolist() == [1234.5, 1234.5, 1234.5, 12.5, 1234567.0, 7.0, 0.5]
    texts = ["1'234.50", "1’234.50", "1,234.50", "1,23,456.50"]
    assert parse_numbers(pd.Series(texts), "o.csv", "c").tolist() == [1234.5, 1234.5, 1234.5, 123456.5]
    with pytest.raises(DataError, match="decimal mark cannot be told"):
        parse_numbers(pd.Series(["1,234", "2,345"]), "o.csv", "c")
    assert parse_numbers(pd.Series(["€1.234,50", "1.234,50 €", "-1.234,50", "(1.234,50)", "49,-"]), "o.csv", "c") \
        .tolist() == [1234.5, 1234.5, -1234.5, -1234.5, 49.0]  # fmt: skip
