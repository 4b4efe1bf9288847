"""The reading's rules read a column's text on its distinct values (reading._distinct.text_codes), not row by row
(issue 14), and two rules' answers about one column are kept apart (reading._column_answers). Each gives what the
row-by-row idiom gave: blanks as "", text stripped, numbers and dates as pandas writes them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xl_retention.reading._distinct import stripped_text, text_codes
from xl_retention.reading.order_columns import status_by_values
from xl_retention.reading.row_types import type_by_values
from xl_retention.reading.survey_questions import check_weights
from xl_retention.reading.zone_columns import zoned_dates

COLUMNS = [
    pd.Series([" a", None, "b ", " a", "\u00a0c\u2003", ""], dtype="str"),
    pd.Series([" a", None, "b ", " a"], dtype=pd.StringDtype("python")),
    pd.Series([1.5, np.nan, 2.0, 1.5]),
    pd.Series([3, 1, 3]),
    pd.Series([1, 1.0, None, " x "], dtype=object),
    pd.Series([True, False, True]),
    pd.Series(pd.to_datetime(["2024-01-05 00:00", None, "2024-01-05 10:30"], format="%Y-%m-%d %H:%M")),
    pd.Series([], dtype="str"),
]


@pytest.mark.parametrize("column", COLUMNS)
def test_text_as_row_by_row(column: pd.Series) -> None:
    expected = column.astype(object).where(column.notna(), "").astype(str).str.strip().tolist()
    assert stripped_text(column).tolist() == expected
    codes, texts = text_codes(column)
    assert texts[codes].tolist() == expected and texts[-1] == ""


def test_an_arrow_column_is_read_by_its_distinct_values() -> None:
    column = pd.Series([" yes", "no ", None] * 100_000, dtype="str")
    codes, texts = text_codes(column)
    assert texts.tolist() == ["yes", "no", ""]
    assert codes[:4].tolist() == [0, 1, -1, 0]


def test_two_rules_about_one_column_keep_their_own_answers() -> None:
    frame = pd.DataFrame({"id": ["1", "2", "3"], "outcome": ["paid", "voided", "paid"], "kind": ["charge", "fee", "x"]})
    assert [status_by_values(frame, 1), type_by_values(frame, 1)] == [True, False]
    assert [type_by_values(frame, 2), status_by_values(frame, 2)] == [True, False]
    assert [status_by_values(frame, 1), type_by_values(frame, 2)] == [True, True]  # asked again: the same


def test_weights_read_on_distinct_values() -> None:
    frame = pd.DataFrame({"score": ["10", "0", "9", "7"], "Weight": [" 1", None, "1,0", " 2,5 "]}, dtype="str")
    with pytest.raises(Exception, match=r"in row 5 \(counting the header as row 1\): ' 2,5 '"):
        check_weights(frame, {"score"}, "w.csv")
    check_weights(frame.iloc[:3], {"score"}, "w.csv")


def test_zoned_dates_read_on_distinct_values() -> None:
    frame = pd.DataFrame({"Date": [" 01/31/2024 ", "02/01/2024", "02/02/2024"], "Time": ["23:30:00", " ", "10:00"],
                          "Time Zone": ["Berlin", "Berlin", ""]}, dtype="str")  # fmt: skip
    assert zoned_dates(frame, frame["Date"], "Date", "z.csv").tolist() == [
        "01/31/2024 23:30:00 Europe/Berlin",
        "02/01/2024",
        "02/02/2024 10:00",
    ]
