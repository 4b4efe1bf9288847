"""Month arguments of the Python tables read as the user meant, or refused naming the argument (H214's findings).

- ``start=`` after a snapshots input's last month showed that month with every customer lost (churn 100%, MRR 0)
  under no word, where ``end=`` the same month is refused (a month without snapshots is not observed).
- ``through=`` (relational) ``"2026"`` (a year alone) was read as January 2026, cutting the tables to three
  months; ``"2026-Q2"`` as April; ``"1/6/2026"`` as 6 January whatever the reader meant. The command line refuses
  ``--through 2026``.
The same on pandas (``xl_retention.tables``) and on DuckDB (``xl_retention.relational``).
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import xl_retention.relational as relational
import xl_retention.tables as tables
from xl_retention.errors import RetentionInputError

PATHS = {"pandas": tables.subscription_tables, "duckdb": relational.subscription_tables}


def _snapshots() -> pd.DataFrame:
    rows = [("a", m, 100.0) for m in ("2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04")]
    rows += [("b", m, 50.0) for m in ("2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04")]
    rows += [("c", m, 20.0) for m in ("2026-03", "2026-04")]
    return pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])


@pytest.mark.parametrize("path", PATHS)
def test_a_start_after_the_last_snapshot_is_refused_as_an_end_is(path: str) -> None:
    with pytest.raises(RetentionInputError) as refused:
        PATHS[path](_snapshots(), start="2026-05")
    assert str(refused.value) == (
        "start 2026-05 is after input's last month, 2026-04: with no snapshot in the months after it, every customer "
        "would count as lost there (give start up to 2026-04; a month in which every customer left is written as "
        "their rows with MRR 0)"
    )
    assert refused.value.argument == "start"
    last = PATHS[path](_snapshots(), start="2026-04").movements  # the last month itself is observed
    assert last.index.astype(str).tolist() == ["2026-04"]
    assert last[["customers_start", "new", "lost", "customers_end"]].iloc[0].tolist() == [3, 0, 0, 3]


@pytest.mark.parametrize(
    ("through", "why"),
    [
        (
            "2026",
            "through must be a month such as '2024-03', got '2026': a year alone is no month (its last: '2026-12')",
        ),
        ("2026-Q2", "through must be a month such as '2024-03', got '2026-Q2': a quarter is no month"),
        ("Q1 2026", "through must be a month such as '2024-03', got 'Q1 2026': a quarter is no month"),
        ("1/3/2026", "through '1/3/2026' could be day-first or month-first: write it as YYYY-MM"),
    ],
)
def test_a_through_that_is_no_month_is_refused(through: str, why: str) -> None:
    with pytest.raises(RetentionInputError) as refused:
        relational.subscription_tables(_snapshots(), through=through)
    assert str(refused.value) == why
    assert refused.value.argument == "through"


@pytest.mark.parametrize("through", ["2026-02", "2026-02-28", "Feb 2026", "28/02/2026", pd.Period("2026-02", "M")])
def test_a_month_however_written_ends_the_tables_there(through: object) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the notes of the reading (ReadingNoteWarning) are not under test here
        movements = relational.subscription_tables(_snapshots(), through=through).movements
    assert movements.index.astype(str).tolist() == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert movements["customers_end"].tolist() == [2, 2, 2, 2]


def test_start_and_end_as_a_year_or_a_quarter_are_refused_too() -> None:
    with pytest.raises(RetentionInputError, match="start must be a month such as '2024-03', got '2025': a year alone"):
        tables.subscription_tables(_snapshots(), start="2025")
    with pytest.raises(RetentionInputError, match="end must be a month such as '2024-03', got '2026Q1': a quarter"):
        relational.subscription_tables(_snapshots(), end="2026Q1")
