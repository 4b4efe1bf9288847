"""The Python tables warn when their last month is the current month, as ``import`` notes it (H238, finding 1 of
the data-engineer tester): 3 of 20 customers billed so far this month read as a churn of 0.85, with no word."""

from __future__ import annotations

import datetime
import warnings

import pandas as pd
import pytest

import xl_retention.relational as rel
import xl_retention.tables as tables
from xl_retention.reading import ReadOptions
from xl_retention.tables import InProgressMonthWarning

TODAY = ReadOptions(today="2026-03-04")  # the run's date, injected: March 2026 is in progress
LATER = ReadOptions(today="2026-04-01")  # March has ended


def _snapshots() -> pd.DataFrame:
    rows = [(f"c{i:02d}", "2026-02", 10.0) for i in range(20)] + [(f"c{i:02d}", "2026-03", 10.0) for i in range(3)]
    return pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])


def _orders() -> pd.DataFrame:
    return pd.DataFrame(
        {"customer_id": ["a", "b", "a"], "date": ["2026-02-03", "2026-02-10", "2026-03-02"], "amount": [5.0, 6.0, 7.0]}
    )


def _answers() -> pd.DataFrame:
    return pd.DataFrame({"date": ["2026-02-03", "2026-03-02"], "score": [9, 3]})


def _visits() -> pd.DataFrame:
    return pd.DataFrame({"visitor_id": ["a", "b", "a"], "date": ["2026-02-03", "2026-02-10", "2026-03-02"]})


CALLS = [
    ("monthly_movements", _snapshots, "its churn is only the churn so far"),
    ("subscription_tables", _snapshots, "its churn is only the churn so far"),
    ("order_tables", _orders, "its purchases are only those so far"),
    ("repeat_purchases", _orders, "its purchases are only those so far"),
    ("returning_visitors", _visits, "its visitors are only those so far"),
    ("nps_by_month", _answers, "its answers are only those so far"),
]


@pytest.mark.parametrize("module", [tables, rel], ids=["pandas", "duckdb"])
@pytest.mark.parametrize(("name", "data", "said"), CALLS, ids=[c[0] for c in CALLS])
def test_a_month_in_progress_warns(module, name, data, said) -> None:
    with pytest.warns(InProgressMonthWarning) as caught:
        getattr(module, name)(data(), options=TODAY)
    ours = [w for w in caught if w.category is InProgressMonthWarning]
    messages = [str(w.message) for w in ours]
    assert messages == [
        f"the last month, 2026-03, is the current month, still in progress: {said}, and its rates read it until it "
        f"ends; 2026-02 is the last full month (end='2026-02' stops there, or "
        "compute again after 2026-03 ends for its final figures)"
    ]
    assert ours[0].filename == __file__  # pointed at the caller's line


@pytest.mark.parametrize("module", [tables, rel], ids=["pandas", "duckdb"])
def test_the_figures_that_warn(module) -> None:
    with pytest.warns(InProgressMonthWarning):
        moves = module.monthly_movements(_snapshots(), options=TODAY)
    assert moves["churn_rate"].tolist()[1] == pytest.approx(0.85)
    assert moves["lost"].tolist() == [0, 17]


@pytest.mark.parametrize("module", [tables, rel], ids=["pandas", "duckdb"])
def test_no_warning_after_the_month_or_before_it(module) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", InProgressMonthWarning)
        assert module.monthly_movements(_snapshots(), options=LATER)["lost"].tolist() == [0, 17]
        assert module.monthly_movements(_snapshots(), end="2026-02", options=TODAY)["lost"].tolist() == [0]
        assert module.nps_by_month(_answers(), options=LATER)["responses"].tolist() == [1, 1]


def test_without_options_the_run_date_is_today() -> None:
    now = pd.Period(datetime.date.today(), freq="M")
    snaps = _snapshots().assign(month=lambda f: f["month"].map({"2026-02": str(now - 1), "2026-03": str(now)}))
    with pytest.warns(InProgressMonthWarning, match=f"the last month, {now}, is the current month"):
        tables.monthly_movements(snaps)


def test_the_import_keeps_its_note_and_does_not_warn(tmp_path) -> None:
    from xl_retention.workbook.importer import in_progress_note, load_tables

    now = pd.Period(datetime.date.today(), freq="M")
    snaps = _snapshots().assign(month=lambda f: f["month"].map({"2026-02": str(now - 1), "2026-03": str(now)}))
    path = tmp_path / "subs.csv"
    snaps.to_csv(path, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error", InProgressMonthWarning)
        loaded = load_tables(subscriptions=path)
    assert in_progress_note(loaded).startswith(f"the last month, {now}, is the current month, still in progress")
