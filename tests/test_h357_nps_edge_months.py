"""H357's task 4: relational.nps_by_month notes a partial first or last month as tables.nps_by_month does.

Answers of 2026-09-03, 2026-09-20 and two of 2026-10-01: October holds only its first day's answers, its NPS (0) of
those 2, not the month's. tables.nps_by_month warned so; relational.nps_by_month (the engine's) said nothing. A first
month holding only its last day's answers (2026-08-31 before September's) is noted alike, and a file whose edge months
hold other days gives no note on either.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from xl_retention import relational, tables
from xl_retention.errors import ReadingNoteWarning

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

LAST = pd.DataFrame({"date": ["2026-09-03", "2026-09-20", "2026-10-01", "2026-10-01"], "score": [3, 9, 10, 6]})
NOTE = (
    "2026-10 holds 2 answers of input, all of its first day (its other answers are earlier): the file ends on its "
    "first day, so 2026-10's NPS is of those 2 answers, not the whole month's; import 2026-10's answers again from an "
    "export that covers the whole month"
)


def _notes(function: object, answers: pd.DataFrame) -> tuple[list[float], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = function(answers)  # type: ignore[operator]
    said = [str(w.message) for w in caught if issubclass(w.category, ReadingNoteWarning) and "holds" in str(w.message)]
    return out["nps"].round(4).tolist(), said


def test_last_month_of_its_first_day_noted_by_the_engine() -> None:
    assert _notes(tables.nps_by_month, LAST) == ([0.0, 0.0], [NOTE])
    assert _notes(relational.nps_by_month, LAST) == ([0.0, 0.0], [NOTE])


def test_first_month_of_its_last_day_and_none_alike() -> None:
    first = pd.DataFrame({"date": ["2026-08-31", "2026-09-03", "2026-09-20"], "score": [10, 3, 9]})
    by_pandas = _notes(tables.nps_by_month, first)
    assert by_pandas[1] and by_pandas[1][0].startswith("2026-08 holds 1 answer of input, all of its last day")
    assert _notes(relational.nps_by_month, first) == by_pandas
    whole = LAST.assign(date=["2026-09-03", "2026-09-20", "2026-10-01", "2026-10-02"])
    assert _notes(relational.nps_by_month, whole) == ([0.0, 0.0], [])
