"""xl_retention.tables' subscription functions given one row per subscription (start, end) count its months, as
xl_retention.relational does (H190 finding 03): they said "no dates of the subscriptions (columns found: 'customer_id',
'start', 'end', 'mrr')" with advice mapping start to itself that failed again. Counted by hand from "active from the
start's month to the month before the end's": a Jan-Feb, b Jan-May (open, to the latest date's month), c Feb, d
Mar-Apr."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import relational
from xl_retention import tables as T

INTERVALS = pd.DataFrame(
    {
        "customer_id": ["a", "b", "c", "d"],
        "start": ["2026-01-05", "2026-01-31", "2026-02-10", "2026-03-01"],
        "end": ["2026-03-05", None, "2026-02-20", "2026-05-01"],
        "mrr": [10.0, 20.0, 30.0, 40.0],
    }
)
BY_HAND = {"new": [2, 1, 1, 0, 0], "lost": [0, 0, 2, 0, 1], "customers_end": [2, 3, 2, 2, 1]}


@pytest.mark.parametrize("count", [lambda f: T.subscription_tables(f).movements, T.monthly_movements])
def test_an_intervals_frame_is_counted_by_its_months(count) -> None:
    movements = count(INTERVALS)
    assert [str(m) for m in movements.index] == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    assert {k: [int(v) for v in movements[k]] for k in BY_HAND} == BY_HAND
    pd.testing.assert_frame_equal(movements, relational.monthly_movements(INTERVALS), check_exact=True)


def test_an_intervals_frame_with_mapped_columns_is_counted_too() -> None:
    renamed = INTERVALS.rename(columns={"start": "Started", "end": "Ended"})
    movements = T.monthly_movements(renamed, columns={"start": "Started", "end": "Ended"})
    assert [int(v) for v in movements["customers_end"]] == BY_HAND["customers_end"]
