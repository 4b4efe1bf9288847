"""A Python caller's date refusals named the import's options (H385's finding 03): ``relational.subscription_tables``
over months stored as YYYYMM said "read them with --date-format '%Y%m'", and ``order_tables(...,
options=ReadOptions(timezone='Europe/Berlin'))`` over '... IST' "so --timezone cannot convert them". A Python caller
is told ``options=ReadOptions(date_format='%Y%m')`` / ``ReadOptions(timezone=...)``; the import keeps its options."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention import tables as T
from xl_retention.reading import DataError, ReadOptions

SUBS = pd.DataFrame({"customer_id": ["a", "b", "a"], "month": [202601, 202601, 202602], "mrr": [10.0, 5.0, 10.0]})
YYYYMM = (
    "input, column 'month': numbers where dates belong (months as YYYYMM?) in the rows at index 0, 1, 2: 202601, "
    "202601, 202602: read them with options=ReadOptions(date_format='%Y%m')"
)


def _refusal(call) -> str:
    with warnings.catch_warnings(), pytest.raises(DataError) as caught:
        warnings.simplefilter("ignore")
        call()
    return str(caught.value)


def test_yyyymm_numbers_and_texts_python_words() -> None:
    assert _refusal(lambda: T.subscription_tables(SUBS)) == YYYYMM
    texts = SUBS.assign(month=SUBS["month"].astype(str))
    assert _refusal(lambda: T.subscription_tables(texts)).endswith(
        ": '202601', '202601', '202602': read them with options=ReadOptions(date_format='%Y%m')"
    )
    got = T.subscription_tables(texts, options=ReadOptions(date_format="%Y%m")).movements
    assert got["customers_end"].tolist() == [2, 1]


def test_ambiguous_zone_python_words() -> None:
    orders = pd.DataFrame({"customer_id": ["a", "b"], "date": ["2026-01-05 10:00 IST", "2026-02-05 10:00 IST"],
                           "amount": [1.0, 2.0]})  # fmt: skip
    said = _refusal(lambda: T.order_tables(orders, options=ReadOptions(timezone="Europe/Berlin")))
    assert said == (
        "input, column 'date': time zone abbreviations of several zones (IST: India +05:30, Ireland +01:00 or Israel "
        "+02:00), so options=ReadOptions(timezone=...) cannot convert them: write the times with their UTC offset "
        "(+05:30), or import without options=ReadOptions(timezone=...) (a timestamp's month is then its date as "
        "written) in the rows at index 0, 1: '2026-01-05 10:00 IST', '2026-02-05 10:00 IST'"
    )


def test_the_import_keeps_its_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "subs.csv"
    SUBS.to_csv(path, index=False)
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: subs.csv, column 'month': dates that do not parse (months as YYYYMM?) in rows 2, 3, 4 "
        "(counting the header as row 1): '202601', '202601', '202602': read them with --date-format '%Y%m'\n"
    )
