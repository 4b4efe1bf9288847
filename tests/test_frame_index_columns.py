"""A frame whose month (or date, or customer id) is its index, as pandas users keep monthly frames
(``df.set_index("month")``), is read with the index as that column; it was refused "missing column 'month'" with
advice to map another column, which cannot help (H214's finding 06). An index not named as one of ours is left
alone, and a column of that name wins over the index."""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention.movements as M
import xl_retention.relational as R
import xl_retention.tables as T

SUBS = pd.DataFrame(
    {"customer_id": ["a", "b", "a"], "month": ["2026-01", "2026-01", "2026-02"], "mrr": [100.0, 50.0, 100.0]}
)
EXPECTED = {"customers_end": [2, 1], "mrr_end": [150.0, 100.0], "lost": [0, 1]}


def _figures(movements: pd.DataFrame) -> dict[str, list]:
    assert [str(m) for m in movements.index] == ["2026-01", "2026-02"]
    return {name: movements[name].tolist() for name in EXPECTED}


@pytest.mark.parametrize(
    "frame",
    [
        SUBS.set_index("month"),
        SUBS.assign(month=pd.PeriodIndex(SUBS["month"], freq="M")).set_index("month"),
        SUBS.assign(month=pd.to_datetime(SUBS["month"])).set_index(["month", "customer_id"]),
    ],
    ids=["text", "period", "two-levels"],
)
def test_month_in_the_index_is_read(frame: pd.DataFrame) -> None:
    assert _figures(R.subscription_tables(frame).movements) == EXPECTED
    assert _figures(T.subscription_tables(frame).movements) == EXPECTED
    assert _figures(M.monthly_movements(frame)) == EXPECTED


def test_an_index_of_another_name_is_left_alone() -> None:
    with pytest.raises(ValueError) as caught:
        M.monthly_movements(SUBS.set_index("month").rename_axis("period"))
    assert str(caught.value).startswith("input: missing column 'month' (columns found: 'customer_id', 'mrr')")


def test_a_column_of_the_name_wins_over_the_index() -> None:
    frame = SUBS.set_index(pd.Index(["2025-01", "2025-02", "2025-03"], name="month"))
    assert _figures(M.monthly_movements(frame)) == EXPECTED
