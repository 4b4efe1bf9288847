"""The Python API's nps_by_month gave a month holding only the answers options=ReadOptions(timezone=...) moved into
it (a September export by UTC days read in Europe/Berlin: its last answer, 30 Sep 22:30 UTC, in October) as that
answer's NPS, 100, with no word, where the import names that month (3e3a006c). It now warns with the import's note,
worded with its own arguments, as a ReadingNoteWarning."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from xl_retention.errors import ReadingNoteWarning
from xl_retention.reading import ReadOptions
from xl_retention.tables import nps_by_month

COLUMNS = {"date": "Submit Date (UTC)", "score": "Score"}


def _answers(*rows: tuple[str, int]) -> pd.DataFrame:
    return pd.DataFrame({"Submit Date (UTC)": [r[0] for r in rows], "Score": [r[1] for r in rows]})


def _notes(answers: pd.DataFrame, zone: str, **more: object) -> tuple[pd.DataFrame, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = nps_by_month(answers, columns=COLUMNS, source="sep.csv", options=ReadOptions(timezone=zone), **more)
    return table, [str(w.message) for w in caught if w.category is ReadingNoteWarning]


def test_a_last_month_of_the_first_days_hours_is_named() -> None:
    answers = _answers(("2026-09-02 10:00:00", 3), ("2026-09-05 11:00:00", 9), ("2026-09-30 22:30:00", 10))
    table, notes = _notes(answers, "Europe/Berlin")
    assert table["nps"].to_dict() == {pd.Period("2026-09", "M"): 0.0, pd.Period("2026-10", "M"): 100.0}
    assert notes == [
        "2026-10 holds 1 answer of sep.csv, all of its first day (its other answers are earlier): only part of "
        "2026-10 is in the file (a file exported by UTC days and read with options=ReadOptions(timezone=...) ends "
        "or starts a few hours into the next or previous month), so 2026-10's NPS is of that answer, not the "
        "month's; import 2026-10's answers too (an export by your zone's days), or leave 2026-10 out (end='2026-09')"
    ]
    table, notes = _notes(answers, "Europe/Berlin", end="2026-09")  # as the note says: no note, September alone
    assert (table.index.astype(str).tolist(), notes) == (["2026-09"], [])


def test_west_of_utc_a_first_month_of_the_last_days_hours_is_named() -> None:
    answers = _answers(("2026-10-01 01:00:00", 0), ("2026-10-01 02:00:00", 6), ("2026-10-15 11:00:00", 9))
    table, notes = _notes(answers, "America/New_York")
    assert table["responses"].tolist() == [2, 1]
    assert notes == [
        "2026-09 holds 2 answers of sep.csv, all of its last day (its other answers are later): only part of 2026-09 "
        "is in the file (a file exported by UTC days and read with options=ReadOptions(timezone=...) ends or starts "
        "a few hours into the next or previous month), so 2026-09's NPS is of those 2 answers, not the month's; "
        "import 2026-09's answers too (an export by your zone's days), or leave 2026-09 out (deleting its rows)"
    ]


@pytest.mark.parametrize("second", ["2026-10-02 10:00:00", "2026-09-20 10:00:00"], ids=["whole month", "one month"])
def test_whole_months_are_not_named(second: str) -> None:
    assert _notes(_answers(("2026-09-02 10:00:00", 3), (second, 10)), "Europe/Berlin")[1] == []
