"""The Python tables tell a first month of customers of every tenure as ``import`` does: a warning naming the month
and the keyword, and ``existing_at_start=True`` leaves that cohort out of the cohort tables (kept in the movements).
Without them a notebook's ``sbg_fit(tables.survivors)`` silently took 12 customers of unknown tenure for one cohort
of sign-ups."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from xl_retention import relational as R
from xl_retention import tables as T
from xl_retention.tables.existing_customers import ExistingCustomersWarning

MONTHS = ["2025-01", "2025-02", "2025-03", "2025-04"]
# 12 customers in January (all stay), then 2 sign-ups a month: 12 > 3 x the later median (2)
ROWS = [(f"e{c}", m, 10) for c in range(12) for m in MONTHS] + [
    (f"n{k}{j}", m, 10) for k, first in enumerate(MONTHS[1:]) for j in range(2) for m in MONTHS[k + 1 :]
]
SNAPS = pd.DataFrame(ROWS, columns=["customer_id", "month", "mrr"])
WARNING = (
    "the subscriptions start in 2025-01 with 12 customers, 6.0 times the later months' median of new customers (2): "
    "if the business is older than the data, they joined before 2025-01 and an sBG fit of these survivors takes "
    "them as one cohort of sign-ups (a lifetime far too long); pass existing_at_start=True to leave them out of the "
    "cohorts"
)
FUNCTIONS = [T.subscription_tables, R.subscription_tables]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_warns_naming_the_month_and_keyword(function) -> None:
    with pytest.warns(ExistingCustomersWarning) as caught:
        tables = function(SNAPS)
    ours = [w for w in caught if w.category is ExistingCustomersWarning]
    assert [str(w.message) for w in ours] == [WARNING]
    assert ours[0].filename == __file__  # at the user's call
    assert tables.survivors.iloc[:, 0].tolist() == [12.0, 2.0, 2.0, 2.0]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_existing_at_start_leaves_the_first_cohort_out(function) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ExistingCustomersWarning)
        tables = function(SNAPS, existing_at_start=True)
        whole = function(SNAPS, existing_at_start=True, as_rates=True)
    for table in (tables.survivors, tables.customer_cohorts, tables.revenue_cohorts, whole.survivors):
        assert list(map(str, table.index)) == ["2025-02", "2025-03", "2025-04"]
    assert tables.survivors.iloc[:, 0].tolist() == [2.0, 2.0, 2.0]
    assert tables.revenue_cohorts.iloc[:, 0].tolist() == [20.0, 20.0, 20.0]
    assert tables.movements["customers_end"].tolist() == [12, 14, 16, 18]  # the monthly counts keep them


def test_no_warning_for_a_start_or_a_business_that_starts_with_its_data() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ExistingCustomersWarning)
        T.subscription_tables(SNAPS, start="2025-02")  # a start cuts earlier cohorts off: its cohort is sign-ups
        T.subscription_tables(SNAPS[SNAPS["customer_id"].str.startswith("n") | (SNAPS["customer_id"] == "e0")])


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_import_says_it_in_its_note_not_a_warning(backend: str, tmp_path, capsys) -> None:
    from xl_retention.cli import main

    subs = tmp_path / "subs.csv"
    SNAPS.to_csv(subs, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ExistingCustomersWarning)
        main(["import", "--subscriptions", str(subs), "--backend", backend, "--to-csv", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert err == ""
    assert "the subscriptions start in 2025-01 with 12 customers" in out
    assert "import with --existing-at-start to leave them out of the cohorts" in out


def test_a_first_month_where_later_months_gain_no_one() -> None:
    # 200 customers in January, then 0, 2, 1, 0, 0 new a month: the median is 0, the first month is no cohort
    months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    rows = [(f"e{c}", m, 10) for c in range(200) for m in months]
    rows += [("n1", "2026-03", 10), ("n2", "2026-03", 10), ("n3", "2026-04", 10)]
    with pytest.warns(ExistingCustomersWarning) as caught:
        T.subscription_tables(pd.DataFrame(rows, columns=["customer_id", "month", "mrr"]))
    ours = [str(w.message) for w in caught if w.category is ExistingCustomersWarning]
    assert ours[0].startswith(
        "the subscriptions start in 2026-01 with 200 customers, where the later months' median of new customers is 0:"
    )
    few = [(f"e{c}", m, 10) for c in range(9) for m in ["2026-01", "2026-02", "2026-03", "2026-04"]]
    with warnings.catch_warnings():  # 9 customers: too few to tell from a business that starts with its data
        warnings.simplefilter("error", ExistingCustomersWarning)
        T.subscription_tables(pd.DataFrame(few, columns=["customer_id", "month", "mrr"]))
