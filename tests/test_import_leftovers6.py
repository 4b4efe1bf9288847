"""Import faults found by a reviewer and a new user (sixth session): each test on its own small input.

* a: a report's trailing summary block is refused from its first summary row whatever follows it ('Total' then
  'Count', 'Max', 'Number of orders' was read as two more customers: February revenue 32), on every engine.
* b: a summary row's label is in the id column (or its first filled cell with its ids and dates blank): a plan or a
  comment that says 'Average' beside a customer's id or an answer's date is data, not a report's total.
* c: a year alone in a date column ('2025') is refused naming the column and values (was read as 1 January).
* d: importing into a tracker whose earlier month is filled says 'every customer' / 'all MRR' (was 'every customers').
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.workbook import build_template

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]
ORDER_COLUMNS = "customer_id=Customer,date=Date,amount=Amount"


# -- a: a report's trailing summary block ----------------------------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "tail",
    [
        "Total,2026-02-28,30\nCount,2026-02-28,2\n",
        "Total,2026-02-28,30\nMax,2026-02-28,20\nMin,2026-02-28,10\nMedian,,15\nNumber of orders,,2\n",
        "Grand total,,30\nNumber of orders,,2\nAverage,,15\n",
    ],
)
def test_a_trailing_summary_block_is_refused_from_its_first_row(
    tmp_path: Path, capsys, backend: str, tail: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Customer,Date,Amount\nc1,2026-01-05,10\nc2,2026-01-06,20\n" + tail)
    err = refusal(
        capsys,
        "--orders",
        str(path),
        "--columns",
        ORDER_COLUMNS,
        "--backend",
        backend,
        "--to-csv",
        str(tmp_path / "out"),
    )
    label = tail.split(",", 1)[0]
    assert err == (
        f"{path.name}, column 'Customer': a summary row of the export (its totals, not data) in row 4 "
        f"(counting the header as row 1): '{label}': remove it"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_total_row_whose_label_sits_in_the_first_column_before_the_id_is_refused(
    tmp_path: Path, capsys, backend: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Date,Customer,Amount\n2026-01-05,c1,10\n2026-01-06,c2,20\nTotal,,30\nCount,,2\n")
    err = refusal(
        capsys,
        "--orders",
        str(path),
        "--columns",
        ORDER_COLUMNS,
        "--backend",
        backend,
        "--to-csv",
        str(tmp_path / "out"),
    )
    assert err == (
        "orders.csv, column 'Date': a summary row of the export (its totals, not data) in row 4 "
        "(counting the header as row 1): 'Total': remove it"
    )


# -- b: 'Average' in a text column is data -----------------------------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("plan", ["Average", "Sum", "Total"])
def test_a_plan_that_says_average_beside_a_customer_is_data(tmp_path: Path, backend: str, plan: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        f"Plan,Customer,Date,Amount\nPro,c1,2026-01-05,10\nBasic,c2,2026-01-06,20\n{plan},c3,2026-02-01,30\n"
    )
    out = run(tmp_path, "--orders", path, "--columns", ORDER_COLUMNS, backend=backend)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue["cohort"].tolist() == ["2026-01", "2026-02"]
    assert revenue["0"].tolist() == [30.0, 30.0]
    cohorts = pd.read_csv(out / "order_cohorts.csv")
    assert cohorts["0"].tolist() == [2, 1]


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_nps_comment_that_says_average_is_an_answer(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "nps.csv"
    path.write_text("Comment,Date,Score\ngreat support,2026-01-05,10\nok,2026-01-06,7\nAverage,2026-02-01,6\n")
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", "date=Date,score=Score", backend=backend) / "nps.csv")
    assert nps["month"].tolist() == ["2026-01", "2026-02"]
    assert nps["responses"].tolist() == [2, 1]
    assert nps["nps"].tolist() == [50.0, -100.0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_nps_average_row_without_a_date_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "nps.csv"
    path.write_text("Comment,Date,Score\ngreat support,2026-01-05,10\nok,2026-01-06,7\nAverage,,8.5\n")
    err = refusal(
        capsys,
        "--nps",
        str(path),
        "--columns",
        "date=Date,score=Score",
        "--backend",
        backend,
        "--to-csv",
        str(tmp_path / "out"),
    )
    assert err == (
        "nps.csv, column 'Comment': a summary row of the export (its totals, not data) in row 4 "
        "(counting the header as row 1): 'Average': remove it"
    )


# -- c: a year alone is no date -------------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("dates", "rows", "values"),
    [(("2025", "2026"), "rows 2, 3", "'2025', '2026'"), (("2026-01-05", "2025"), "row 3", "'2025'")],
)
def test_a_year_alone_is_refused_naming_the_column(
    tmp_path: Path, capsys, backend: str, dates: tuple[str, str], rows: str, values: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(f"Customer,Date,Amount\nc1,{dates[0]},10\nc2,{dates[1]},20\n")
    err = refusal(
        capsys, "--orders", str(path), "--columns", ORDER_COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o")
    )
    assert err == (
        "orders.csv, column 'Date': years alone where dates belong (no month) in "
        f"{rows} (counting the header as row 1): {values}: use dates, YYYY-MM or YYYYMMDD"
    )
    assert not (tmp_path / "o").exists()


def test_a_year_alone_is_refused_in_a_month_column(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text("customer_id,month,mrr\na,2026,10\nb,2026,20\n")
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err == (
        "subscriptions.csv, column 'month': years alone where dates belong (no month) in rows 2, 3 (counting the "
        "header as row 1): '2026', '2026': use dates, YYYY-MM or YYYYMMDD"
    )


# -- d: the refusal of a filled month before the data, in English ----------------------------------------------------
@pytest.mark.parametrize(
    ("sheet", "typed", "what"),
    [
        ("Customers", {"start": [100], "gained": [10], "end": [105]}, "customers before it, so every customer"),
        ("Revenue", {"start": [1000], "new": [100]}, "MRR before it, so all MRR"),
    ],
)
def test_a_filled_month_before_the_data_is_named_in_english(
    tmp_path: Path, capsys, sheet: str, typed: dict[str, list[int]], what: str
) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2024-12", months=4, inputs={sheet: typed})
    before = book.read_bytes()
    path = tmp_path / "s.csv"
    path.write_text("customer_id,month,mrr\na,2025-01,100\nb,2025-01,50\na,2025-02,120\n")
    err = refusal(capsys, "--subscriptions", str(path), "--into", str(book))
    assert err == (
        f"{sheet}: 2024-12 holds figures (typed or from an earlier import), but s.csv starts in 2025-01 with no {what} "
        "in 2024-12 would show as lost in 2025-01; give s.csv from the first filled month on (import replaces the "
        "months its data covers), or clear the earlier months"
    )
    assert book.read_bytes() == before
