"""ReadOptions (and DateOptions) refuse a field of the wrong kind at once, naming it and the kinds it takes: a setting
read from a config file or the environment as text (``dayfirst="no"``) is not read as true, and the dates it goes
with are not refused as "not day-first" (H214's finding 07)."""

import pandas as pd
import pytest

import xl_retention.relational as R
from xl_retention.movements import ReadOptions
from xl_retention.reading.dates import DateOptions
from xl_retention.reading.errors import DataError

ORDERS = pd.DataFrame(
    {
        "order_id": ["o1", "o2", "o3"],
        "customer_id": ["a", "b", "c"],
        "date": ["03/04/2025", "03/05/2025", "03/06/2025"],
        "amount": [10.0, 20.0, 30.0],
    }
)


def _months(options):
    purchases = R.order_tables(ORDERS, options=options).purchases
    return [(str(month)[:7], int(buyers)) for month, buyers in zip(purchases.index, purchases.buyers, strict=True)]


def test_a_boolean_dayfirst_reads_the_dates():
    assert _months(ReadOptions(dayfirst=False)) == [("2025-03", 3)]
    assert _months(ReadOptions(dayfirst=True)) == [("2025-04", 1), ("2025-05", 1), ("2025-06", 1)]


@pytest.mark.parametrize("text", ["no", "false", "yes", "True"])
def test_a_text_dayfirst_is_refused_naming_it(text):
    with pytest.raises(DataError) as caught:
        ReadOptions(dayfirst=text)
    assert str(caught.value) == f"dayfirst must be True, False or None, got the text {text!r}"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (dict(dayfirst=1), "dayfirst must be True, False or None, got 1 (an int)"),
        (dict(date_format=1), "date_format must be a text or None, got 1 (an int)"),
        (dict(timezone=["UTC"]), "timezone must be a text or None, got ['UTC'] (a list)"),
        (
            dict(date_formats="%d.%m.%Y"),
            "date_formats must be a dict of texts by name (or None), got the text '%d.%m.%Y'",
        ),
        (dict(date_formats={"orders.csv": 5}), "date_formats['orders.csv'] must be a text, got 5 (an int)"),
    ],
)
def test_other_date_fields_of_the_wrong_kind_are_refused(options, message):
    with pytest.raises(DataError) as caught:
        ReadOptions(**options)
    assert str(caught.value) == message
    with pytest.raises(DataError):
        DateOptions(**options)


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"sep": 1}, "sep must be a text or None, got 1 (an int)"),
        ({"encoding": 2}, "encoding must be a text or None, got 2 (an int)"),
        ({"segment": 3}, "segment must be a text or None, got 3 (an int)"),
        ({"segment": ["plan"]}, "segment must be a text or None, got ['plan'] (a list)"),
        ({"refuse_missing_months": "no"}, "refuse_missing_months must be True or False, got the text 'no'"),
        ({"refuse_missing_months": None}, "refuse_missing_months must be True or False, got None (a NoneType)"),
        ({"refuse_missing_months": 1}, "refuse_missing_months must be True or False, got 1 (an int)"),
    ],
)
def test_the_other_fields_of_the_wrong_kind_are_refused_naming_them(given, said):
    # refuse_missing_months="no" was taken as true; sep=1 failed inside pandas' reader (H217's request 1)
    with pytest.raises(DataError) as caught:
        ReadOptions(**given)
    assert str(caught.value) == said


def test_the_other_fields_of_their_kind_are_taken():
    import numpy as np

    options = ReadOptions(sep=";", encoding="utf-8", segment="plan", refuse_missing_months=np.bool_(True))
    assert (options.sep, options.encoding, options.segment, bool(options.refuse_missing_months)) == (
        ";", "utf-8", "plan", True
    )  # fmt: skip
    assert _months(ReadOptions(dayfirst=False, refuse_missing_months=False)) == [("2025-03", 3)]
