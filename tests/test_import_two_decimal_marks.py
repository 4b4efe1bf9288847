"""An amount column holding numbers of two decimal conventions ('1.234,50' beside '1,234.50': a German and an English
export appended) was refused as 'values that are not numbers' naming '1.234,50', which is a number. Now the refusal
says the column mixes a decimal comma and a decimal point, quoting one of each (xl_retention.reading.number_texts)."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.reading.errors import command_line
from xl_retention.reading.number_texts import parse_numbers


def test_two_decimal_marks_in_one_column_are_named() -> None:
    with pytest.raises(DataError) as error:
        parse_numbers(pd.Series(["1.234,50", "1,234.50", "10", "7,25"]), "o.csv", "amount")
    assert str(error.value) == (
        "o.csv, column 'amount': numbers with a decimal comma ('1.234,50') and others with a decimal point "
        "('1,234.50') in one column (exports of two languages appended?) in row 2 (counting the header as row 1): "
        "'1.234,50': write them with one decimal mark, or read them apart with ReadOptions(decimal=...)"
    )
    with command_line(), pytest.raises(DataError) as error:  # xl-retention import's refusal names its option
        parse_numbers(pd.Series(["1.234,50", "1,234.50", "10", "7,25"]), "o.csv", "amount")
    assert str(error.value).endswith(
        "'1.234,50': write them with one decimal mark, or import them apart with --decimal"
    )


def test_text_that_is_no_number_keeps_its_message() -> None:
    with pytest.raises(DataError) as error:
        parse_numbers(pd.Series(["1.234,50", "1,234.50", "n/a"]), "o.csv", "amount")
    assert str(error.value).startswith("o.csv, column 'amount': values that are not numbers in rows 2, 4")


def test_one_mark_per_column_is_read() -> None:
    assert parse_numbers(pd.Series(["1.234,50", "7,25"]), "o.csv", "amount").tolist() == [1234.5, 7.25]
    assert parse_numbers(pd.Series(["1,234.50", "7.25"]), "o.csv", "amount").tolist() == [1234.5, 7.25]
