"""A Python caller's mixed-offset refusal named the import's option (H400's task 1): ``tables.order_tables(df,
options=ReadOptions(timezone='Europe/Berlin'))`` over '2026-01-05 10:00:00' beside '2026-02-05T10:00:00Z' said "so
--timezone Europe/Berlin cannot convert them alike ... or import without --timezone", an option a Python caller has
not got; likewise a zone column naming no zone. A Python caller is told ``options=ReadOptions(timezone=...)``, the
import's user keeps ``--timezone``."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention import relational as R
from xl_retention import tables as T
from xl_retention.reading import DataError, ReadOptions

ORDERS = pd.DataFrame(
    {"customer_id": ["a", "b"], "date": ["2026-01-05 10:00:00", "2026-02-05T10:00:00Z"], "amount": [1.0, 2.0]}
)
BERLIN = ReadOptions(timezone="Europe/Berlin")
MIXED = (
    "input, column 'date': times without a UTC offset beside times with one (such as '2026-02-05T10:00:00Z'), so "
    "options=ReadOptions(timezone='Europe/Berlin') cannot convert them alike: the zone of those without is not said "
    "(an export re-saved by Excel loses its offsets; UTC or another zone cannot be told): write their offset, or "
    "import without options=ReadOptions(timezone=...) (each date then read as written) in the row at index 0: "
    "'2026-01-05 10:00:00'"
)


def _refusal(call) -> str:
    with warnings.catch_warnings(), pytest.raises(DataError) as caught:
        warnings.simplefilter("ignore")
        call()
    return str(caught.value)


def test_naive_beside_zoned_times_python_words() -> None:
    assert _refusal(lambda: T.order_tables(ORDERS, options=BERLIN)) == MIXED
    assert _refusal(lambda: R.order_tables(ORDERS, options=BERLIN)) == MIXED


@pytest.mark.parametrize("zone", ["Etc/GMT+5", "EST"])
def test_zones_of_other_spellings_are_named_whole(zone: str) -> None:
    # "so options=ReadOptions(timezone=...) Etc/GMT+5 cannot convert them" before (H408's F1): digits, signs and
    # one-word zones were no option value to the wording
    options = ReadOptions(timezone=zone)
    assert _refusal(lambda: T.order_tables(ORDERS, options=options)) == MIXED.replace("'Europe/Berlin'", repr(zone))


def test_unknown_zone_column_python_words() -> None:
    orders = pd.DataFrame({"customer_id": ["a", "b"], "Date": ["2026-01-05 10:00", "2026-02-05 10:00"],
                           "Time Zone": ["Europe/Berlin", "Mars"], "amount": [1.0, 2.0]})  # fmt: skip
    assert _refusal(lambda: T.order_tables(orders, options=BERLIN, columns={"date": "Date"})) == (
        "input, column 'Time Zone': time zones that are no known zone (options=ReadOptions(timezone=...) converts "
        "each time from its zone: write an IANA name such as America/Los_Angeles, or import without "
        "options=ReadOptions(timezone=...) to read the dates as written) in the row at index 1: 'Mars'"
    )


def test_the_import_keeps_its_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "orders.csv"
    ORDERS.to_csv(path, index=False)
    args = ["import", "--orders", str(path), "--timezone", "Europe/Berlin", "--to-csv", str(tmp_path / "out")]
    assert cli.main(args) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: orders.csv, column 'date': times without a UTC offset beside times with one (such as "
        "'2026-02-05T10:00:00Z'), so --timezone Europe/Berlin cannot convert them alike: the zone of those without "
        "is not said (an export re-saved by Excel loses its offsets; UTC or another zone cannot be told): write their "
        "offset, or import without --timezone (each date then read as written) in row 2 (counting the header as row "
        "1): '2026-01-05 10:00:00'\n"
    )
