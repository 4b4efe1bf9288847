"""Partly filled trackers (H11's w14, w15): input no formula reads, and figures the data's first month cannot know.

- NPS answers of a month typed by hand to the right of "NPS scores"' last month (as one extends a list in Excel)
  are read by no formula: recalc reports the tracker as incomplete, naming the first such cell, as it does for a
  month typed below a monthly sheet's last month;
- imported orders and visits: the data's first month has no earlier month, so its returning customers and
  returning visitors (and their rates) are unknown: blank in the workbook and in --to-csv, not 0.

Every workbook is made by build_template (or `xl-retention new`) in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from xl_retention.workbook import build_template
from xl_retention.workbook.checks import unread_answers, unread_input


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", *map(str, args)], capture_output=True, text=True, check=False
    )


BESIDE = (
    "t.xlsx: 'NPS scores'!E2 holds an answer in a column no NPS formula reads (they read columns B to D, the "
    "tracker's months): its answers are not counted; add months with xl-retention import --nps FILE --into (it adds "
    "them at the end, formulas too), or make a longer tracker (xl-retention new NEW.xlsx --months N)"
)


def _three_months_of_nps(tmp_path: Path) -> tuple[Path, openpyxl.Workbook]:
    """A 3-month tracker (January to March 2026) with January's answers 9, 10, 8 (NPS 66.7), opened in openpyxl."""
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(book)
    for row, score in enumerate([9, 10, 8], start=2):
        wb["NPS scores"].cell(row, 2).value = score
    return book, wb


def test_answers_of_a_month_typed_right_of_the_last_month_make_recalc_incomplete_naming_the_cell(tmp_path):
    book, wb = _three_months_of_nps(tmp_path)
    scores = wb["NPS scores"]
    scores["E1"] = dt.datetime(2026, 4, 1)  # April, typed to the right of March
    for row, score in enumerate([2, 3, 10, 1], start=2):
        scores.cell(row, 5).value = score
    wb.save(book)
    result = run("recalc", book, "--engine", "embedded", "--output-dir", tmp_path / "o", "--json")
    assert result.returncode == 1
    (report,) = json.loads(result.stdout)["files"]
    assert (report["status"], report["message"]) == ("incomplete", BESIDE)
    nps = openpyxl.load_workbook(tmp_path / "o" / "t.xlsx", data_only=True)["NPS"]
    assert nps["F2"].value == pytest.approx(200 / 3, abs=1e-9)  # January is still computed: (2 - 0) / 3 * 100


def test_the_first_unread_answer_is_named_row_by_row(tmp_path):
    book, wb = _three_months_of_nps(tmp_path)
    scores = wb["NPS scores"]
    scores["F3"], scores["E4"] = 7, 5  # two months to the right, the first answer in row 3
    wb.save(book)
    assert unread_answers(book) == BESIDE.replace("!E2", "!F3").removeprefix("t.xlsx: ")


@pytest.mark.parametrize(
    "typed",
    [
        {"E1": dt.datetime(2026, 4, 1)},  # a month's header alone: no answer yet
        {"E1": "Comments", "E2": 3},  # a column of the user's own, headed with text
        {"E2": "late answer"},  # text is no answer
        {"E2": "=AVERAGE(B2:B4)"},  # a formula of the user's own
        {"A5": 4},  # column A numbers the responses
    ],
)
def test_what_is_no_answer_of_an_unread_month_is_not_reported(tmp_path, typed):
    book, wb = _three_months_of_nps(tmp_path)
    for ref, value in typed.items():
        wb["NPS scores"][ref] = value
    wb.save(book)
    assert unread_input(book) is None


def test_importing_the_month_instead_adds_it_with_formulas_and_counts_its_answers(tmp_path):
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    answers = tmp_path / "nps.csv"
    answers.write_text("date,score\n2026-01-05,9\n2026-04-02,2\n2026-04-03,10\n2026-04-09,1\n")
    result = run("import", "--nps", answers, "--into", book, "--recalc")
    assert result.returncode == 0, result.stdout + result.stderr
    nps = openpyxl.load_workbook(book, data_only=True)["NPS"]
    assert (nps["A5"].value, nps["B5"].value, nps["F5"].value) == (dt.datetime(2026, 4, 1), 3, pytest.approx(-100 / 3))
    assert unread_input(book) is None


ORDERS = "\n".join(
    ["customer_id,date,amount", "a,2026-01-05,30", "b,2026-01-20,45.5", "a,2026-02-03,12", "c,2026-03-09,80",
     "b,2026-04-10,5", ""]
)  # fmt: skip
VISITS = "visitor_id,date\nv1,2026-01-02\nv2,2026-01-03\nv1,2026-02-04\nv3,2026-02-05\nv4,2026-03-01\n"
# Hand-counted (buyers, returning, repeat, returning rate, repeat rate; visitors, returning visitors, their rate):
#   January, the data's first month: nobody can have ordered (visited) in an earlier month of the data: unknown
#   February: a again (returning); v1 again, v3 new. March: c new; v4 new (0 returning: measured).
#   April: b again.
PURCHASES_ROWS = [
    [2, None, 0, None, 0.0, 2, None, None],
    [1, 1, 0, 1.0, 0.0, 2, 1, 0.5],
    [1, 0, 0, 0.0, 0.0, 1, 0, 0.0],
    [1, 1, 0, 1.0, 0.0, None, None, None],  # the visits end in March
]


def _purchases(path: Path, rows: range) -> list[list[object]]:
    ws = openpyxl.load_workbook(path, data_only=True)["Purchases and visits"]
    return [[ws.cell(r, c).value for c in range(2, 10)] for r in rows]


def test_imported_orders_and_visits_leave_the_first_months_returning_figures_blank(tmp_path):
    orders, visits = tmp_path / "orders.csv", tmp_path / "visits.csv"
    orders.write_text(ORDERS)
    visits.write_text(VISITS)
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    result = run("import", "--orders", orders, "--visits", visits, "--into", book, "--recalc")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _purchases(book, range(2, 6)) == PURCHASES_ROWS
    assert _purchases(book, range(6, 7)) == [[None] * 8]  # May: no data, every figure blank


def test_to_csv_leaves_the_first_months_returning_figures_blank_and_counts_whole(tmp_path):
    orders, visits = tmp_path / "orders.csv", tmp_path / "visits.csv"
    orders.write_text(ORDERS)
    visits.write_text(VISITS)
    result = run("import", "--orders", orders, "--visits", visits, "--to-csv", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out" / "purchases.csv").read_text().splitlines() == [
        "month,buyers,repeat_purchasers,returning,repeat_purchase_rate,returning_rate",
        "2026-01,2,0,,0.0,",
        "2026-02,1,0,1,0.0,1.0",
        "2026-03,1,0,0,0.0,0.0",
        "2026-04,1,0,1,0.0,1.0",
    ]
    assert (tmp_path / "out" / "visits.csv").read_text().splitlines() == [
        "month,visitors,returning,returning_visitor_rate",
        "2026-01,2,,",
        "2026-02,2,1,0.5",
        "2026-03,1,0,0.0",
    ]


def test_data_starting_after_the_trackers_first_month_leaves_its_own_first_month_blank(tmp_path):
    orders = tmp_path / "orders.csv"
    orders.write_text(
        "customer_id,date,amount\na,2026-03-05,30\nb,2026-03-20,45.5\na,2026-04-03,12\n"
    )  # March and April of a tracker from January
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    result = run("import", "--orders", orders, "--into", book, "--recalc")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [row[:5] for row in _purchases(book, range(2, 6))] == [
        [None] * 5,
        [None] * 5,
        [2, None, 0, None, 0.0],  # March, the data's first month
        [1, 1, 0, 1.0, 0.0],
    ]


def test_typed_returning_customers_in_the_first_month_are_the_users_and_give_a_rate(tmp_path):
    # January typed with its returning customers (the shop knows them from before the tracker): 5 of 20; February
    # typed without them: data missing there (#VALUE!), as a month whose customers at start are unknown. March
    # leaves returning visitors blank in the first month with visitors: unknown, blank.
    inputs = {
        "Purchases and visits": {
            "buyers": [20, 10, 8],
            "returning": [5],
            "repeat": [2, 1, 0],
            "visitors": [None, None, 40],
        }
    }
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3, inputs=inputs)
    out = tmp_path / "o"
    result = run("recalc", book, "--engine", "embedded", "--output-dir", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _purchases(out / "t.xlsx", range(2, 5)) == [
        [20, 5, 2, 0.25, 0.1, None, None, None],
        [10, None, 1, "#VALUE!", 0.1, None, None, None],
        [8, None, 0, "#VALUE!", 0.0, 40, None, None],
    ]
