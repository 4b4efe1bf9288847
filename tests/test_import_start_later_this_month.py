"""A subscription whose start is later in the current month, after the run's date (a start scheduled on the 20th, or
a free trial ending then: reading.trials moves the start to the trial's end) counted as a new paying customer of the
current month, with its MRR, on the 2nd, while docs/metrics.md counts what happened so far in a month in progress and
an end later this month already counts active through it (tests/test_import_end_later_this_month.py). Now such a
start counts in no month yet: a start on the run's date or before it still counts."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention.reading import ReadOptions
from xl_retention.tables import subscription_tables
from xl_retention.tables.subscriptions import snapshots_from_intervals

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]
TODAY = "2026-12-02"


def _by_month(snaps: pd.DataFrame) -> dict[str, float]:
    return snaps.groupby(snaps["month"].astype(str))["mrr"].sum().to_dict()


@pytest.mark.parametrize(("start", "december"), [("2026-12-20", 10.0), ("2026-12-02", 60.0), ("2026-12-01", 60.0)])
def test_a_start_after_today_is_not_counted_yet(start: str, december: float) -> None:
    iv = pd.DataFrame({"customer_id": ["a", "b"], "start": ["2026-10-03", start], "end": [None, None],
                       "mrr": [10.0, 50.0]})  # fmt: skip
    assert _by_month(snapshots_from_intervals(iv, today=TODAY)) == {"2026-10": 10.0, "2026-11": 10.0,
                                                                     "2026-12": december}  # fmt: skip


def test_a_trial_ending_after_today_is_not_a_paying_customer_yet() -> None:
    iv = pd.DataFrame({"customer_id": ["a", "c"], "start": ["2026-09-10", "2026-11-20"], "end": [None, None],
                       "mrr": [30.0, 40.0], "trial_end": ["2026-09-24", "2026-12-15"]})  # fmt: skip
    snaps = snapshots_from_intervals(iv, options=ReadOptions(today=TODAY))
    moves = subscription_tables(snaps).movements
    assert moves.index.astype(str).tolist() == ["2026-09", "2026-10", "2026-11", "2026-12"]
    assert moves["new"].tolist() == [1, 0, 0, 0]  # c pays from 15 December: not yet on the 2nd
    assert moves["mrr_end"].tolist() == [30.0, 30.0, 30.0, 30.0]


def test_a_plan_change_later_this_month_keeps_the_plan_paid_today() -> None:
    iv = pd.DataFrame({"customer_id": ["a", "a"], "start": ["2026-10-03", "2026-12-20"],
                       "end": ["2026-12-20", None], "mrr": [10.0, 30.0]})  # fmt: skip
    assert _by_month(snapshots_from_intervals(iv, today=TODAY)) == {"2026-10": 10.0, "2026-11": 10.0,
                                                                     "2026-12": 10.0}  # fmt: skip


def test_an_explicit_through_counts_every_start_of_its_months() -> None:
    iv = pd.DataFrame({"customer_id": ["a", "b"], "start": ["2026-10-03", "2026-12-20"], "end": [None, None],
                       "mrr": [10.0, 50.0]})  # fmt: skip
    snaps = snapshots_from_intervals(iv, through="2026-12", today=TODAY)  # the caller says December is observed
    assert _by_month(snaps)["2026-12"] == 60.0


@pytest.mark.parametrize("today", ["2026-12", pd.Period("2026-12", "M")])
def test_a_current_month_without_a_day_counts_every_start_of_it(today: object) -> None:
    iv = pd.DataFrame({"customer_id": ["a", "b"], "start": ["2026-10-03", "2026-12-20"], "end": [None, None],
                       "mrr": [10.0, 50.0]})  # fmt: skip
    assert _by_month(snapshots_from_intervals(iv, today=today))["2026-12"] == 60.0


def test_a_file_whose_every_start_is_after_today_is_refused() -> None:
    from xl_retention.reading import DataError

    iv = pd.DataFrame({"customer_id": ["a", "b"], "start": ["2026-12-20", "2026-12-22"], "end": [None, None],
                       "mrr": [10.0, 50.0]})  # fmt: skip
    with pytest.raises(DataError) as refused:
        snapshots_from_intervals(iv, today=TODAY, source="subs.csv")
    assert str(refused.value) == (
        "subs.csv, column 'start': every start is after today (2026-12-02): nothing is observed yet in rows 2, 3 "
        "(counting the header as row 1): '2026-12-20', '2026-12-22'"
    )
