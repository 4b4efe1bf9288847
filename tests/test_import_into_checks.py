"""import --into refuses what it cannot get right and repairs what a user broke in the months it writes.

- orders or visits of the next month alone, after months that already hold buyers or visitors (returning customers
  and visitors need every earlier order or visit; the workbook keeps only counts);
- a value typed over a formula cell in an imported month: the template's formula goes back, listed;
- a sheet the user deleted: only the sheets the import writes are required, named in plain words;
- input the formulas do not read (answers pasted below the NPS formulas' rows, a month typed below the last row):
  recalc and import --recalc report the file as incomplete, naming the cell.

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

import datetime as dt
import json

import openpyxl
import pytest
from test_import_into import parts, run, write

from xl_retention.workbook import build_template

ORDERS_JAN_FEB = "customer_id,date,amount\na,2025-01-03,10\nb,2025-02-03,10\n"
ORDERS_MAR = "customer_id,date,amount\na,2025-03-03,10\nb,2025-03-04,10\nc,2025-03-05,10\n"
VISITS_JAN_FEB = "visitor_id,date\nu1,2025-01-03\nu2,2025-02-03\n"
VISITS_MAR = "visitor_id,date\nu1,2025-03-03\nu2,2025-03-04\n"


def _tracker(tmp_path, months=6):
    return build_template(tmp_path / "t.xlsx", start="2025-01", months=months)


@pytest.mark.parametrize(
    ("kind", "earlier", "later", "message"),
    [
        (
            "--orders",
            ORDERS_JAN_FEB,
            ORDERS_MAR,
            "xl-retention: error: Purchases and visits: 2025-01 to 2025-02 hold 'Customers who bought' (typed or from "
            "an earlier import), but later.csv starts in 2025-03: its returning customers and order cohorts need every "
            "earlier order, which the workbook does not keep; import the whole history (every order since 2025-01 in "
            "one file; import replaces the months it covers)",
        ),
        (
            "--visits",
            VISITS_JAN_FEB,
            VISITS_MAR,
            "xl-retention: error: Purchases and visits: 2025-01 to 2025-02 hold 'Visitors' (typed or from an earlier "
            "import), but later.csv starts in 2025-03: its returning visitors need every earlier visit, which the "
            "workbook does not keep; import the whole history (every visit since 2025-01 in one file; import "
            "replaces the months it covers)",
        ),
    ],
)
def test_next_months_orders_or_visits_alone_refuse_and_change_nothing(tmp_path, kind, earlier, later, message):
    book = _tracker(tmp_path)
    assert run("import", kind, write(tmp_path, "earlier.csv", earlier), "--into", book).returncode == 0
    before = parts(book)
    result = run("import", kind, write(tmp_path, "later.csv", later), "--into", book)
    assert (result.returncode, result.stderr.splitlines(), result.stdout) == (1, [message], "")
    assert parts(book) == before


def test_the_whole_history_again_gives_marchs_returning_customers_and_visitors(tmp_path):
    book = _tracker(tmp_path)
    orders = write(tmp_path, "o.csv", ORDERS_JAN_FEB + ORDERS_MAR.split("\n", 1)[1])
    visits = write(tmp_path, "v.csv", VISITS_JAN_FEB + VISITS_MAR.split("\n", 1)[1])
    assert run("import", "--orders", write(tmp_path, "o12.csv", ORDERS_JAN_FEB), "--into", book).returncode == 0
    result = run("import", "--orders", orders, "--visits", visits, "--into", book)
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(book)["Purchases and visits"]
    # March: buyers a, b, c (a and b returning); visitors u1, u2, both returning
    assert [ws[f"{c}4"].value for c in "BCDGH"] == [3, 2, 0, 2, 2]


def test_earlier_months_typed_as_zero_buyers_are_no_history(tmp_path):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["Purchases and visits"]["B2"] = 0
    wb.save(book)
    result = run("import", "--orders", write(tmp_path, "o3.csv", ORDERS_MAR), "--into", book)
    assert result.returncode == 0, result.stderr
    assert [openpyxl.load_workbook(book)["Purchases and visits"][f"{c}4"].value for c in "BCD"] == [3, 0, 0]


def test_values_typed_over_formulas_in_imported_months_get_the_formula_back_and_are_listed(tmp_path):
    book = _tracker(tmp_path, months=4)
    fresh = openpyxl.load_workbook(book)
    wb = openpyxl.load_workbook(book)
    typed = {"Customers": ("B3", "F2"), "Revenue": ("H3",), "NPS": ("F2",), "Purchases and visits": ("E3", "I2")}
    for title, refs in typed.items():
        for ref in refs:
            wb[title][ref] = 999
    wb["Customers"]["F4"] = 0.5  # March: outside the imported months, kept as typed
    wb.save(book)
    subs = write(tmp_path, "s.csv", "customer_id,month,mrr\nA,2025-01,10\nB,2025-02,20\nA,2025-02,10\n")
    orders = write(tmp_path, "o.csv", "customer_id,date\nA,2025-01-03\nA,2025-02-03\n")
    nps = write(tmp_path, "n.csv", "date,score\n2025-01-05,9\n")
    refused = run("import", "--subscriptions", subs, "--orders", orders, "--nps", nps, "--into", book)
    assert refused.returncode == 1 and "; 6 typed over the template's formulas, which would go back)" in refused.stderr
    result = run("import", "--subscriptions", subs, "--orders", orders, "--nps", nps, "--into", book, "--recalc",
                 "--replace-typed")  # fmt: skip
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("put the template's formula back"))
    assert line == (
        "put the template's formula back in 6 formula cells of the imported months that held a typed value or were "
        "cleared: 'Customers'!F2, 'Customers'!B3, 'Revenue'!H3, 'Purchases and visits'!I2, 'Purchases and "
        "visits'!E3, 'NPS'!F2"
    )
    after = openpyxl.load_workbook(book)
    for title, refs in typed.items():
        for ref in refs:
            assert after[title][ref].value == fresh[title][ref].value, f"{title}!{ref}"
    assert after["Customers"]["F4"].value == 0.5
    values = openpyxl.load_workbook(book, data_only=True)["Customers"]
    assert [values[f"{c}3"].value for c in "BCDEF"] == [1, 1, 2, 0, 1]  # start 1 (not 999): CRR 1.0


def test_a_cleared_formula_cell_in_an_imported_month_gets_the_formula_back(tmp_path):
    book = _tracker(tmp_path, months=3)
    fresh = openpyxl.load_workbook(book)["Revenue"]["H2"].value
    wb = openpyxl.load_workbook(book)
    wb["Revenue"]["H2"] = None
    wb.save(book)
    result = run("import", "--subscriptions", write(tmp_path, "s.csv", "customer_id,month,mrr\nA,2025-01,10\n"),
                 "--into", book)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "cleared: 'Revenue'!H2" in result.stdout
    assert openpyxl.load_workbook(book)["Revenue"]["H2"].value == fresh


def _without(tmp_path, title):
    book = _tracker(tmp_path, months=4)
    wb = openpyxl.load_workbook(book)
    del wb[title]
    wb.save(book)
    return book


@pytest.mark.parametrize("title", ["Cohorts", "Purchases and visits", "Customers"])
def test_an_nps_import_needs_only_the_nps_sheets(tmp_path, title):
    book = _without(tmp_path, title)
    result = run("import", "--nps", write(tmp_path, "n.csv", "date,score\n2025-03-03,9\n"), "--into", book)
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(book)["NPS scores"]["D2"].value == 9


@pytest.mark.parametrize(
    ("title", "kind", "data", "message"),
    [
        (
            "Cohorts",
            "--subscriptions",
            "customer_id,month,mrr\nA,2025-01,10\n",
            "t.xlsx has no sheet 'Cohorts', where the defined name 'Cohort_Counts' (a cohort table the data goes in) "
            "points: put the sheet back (copy it from a new tracker: xl-retention new NEW.xlsx) or import into a "
            "tracker that has it",
        ),
        (
            "Revenue",
            "--subscriptions",
            "customer_id,month,mrr\nA,2025-01,10\n",
            "t.xlsx has no sheet 'Revenue', where the --subscriptions data goes: put the sheet back (copy it from a "
            "new tracker: xl-retention new NEW.xlsx) or import into a tracker that has it",
        ),
        (
            "Purchases and visits",
            "--visits",
            "visitor_id,date\nu1,2025-01-03\n",
            "t.xlsx has no sheet 'Purchases and visits', where the --visits data goes: put the sheet back (copy it "
            "from a new tracker: xl-retention new NEW.xlsx) or import into a tracker that has it",
        ),
        (
            "NPS scores",
            "--nps",
            "date,score\n2025-03-03,9\n",
            "t.xlsx has no sheet 'NPS scores', where the --nps data goes: put the sheet back (copy it from a new "
            "tracker: xl-retention new NEW.xlsx) or import into a tracker that has it",
        ),
    ],
)
def test_a_missing_sheet_the_import_writes_is_named_in_one_line(tmp_path, title, kind, data, message):
    book = _without(tmp_path, title)
    before = parts(book)
    result = run("import", kind, write(tmp_path, "in.csv", data), "--into", book)
    assert (result.returncode, result.stderr.splitlines()) == (1, [f"xl-retention: error: {message}"])
    assert parts(book) == before


UNREAD = (
    "t.xlsx: 'NPS scores'!B1002 holds an answer below row 1001, the last row the NPS formulas read (1000 answers a "
    "month): the answers below are not counted; import them with xl-retention import --nps FILE --into (it widens "
    "the formulas to every answer), or move them up"
)


def _pasted_answers(tmp_path):
    """1,500 January answers pasted on 'NPS scores' (1,000 tens, then 500 zeros): 500 below the formulas' rows."""
    book = _tracker(tmp_path, months=3)
    wb = openpyxl.load_workbook(book)
    for i in range(1500):
        wb["NPS scores"].cell(2 + i, 2).value = 10 if i < 1000 else 0
    wb.save(book)
    return book


def test_recalc_reports_answers_pasted_below_the_nps_formulas_rows_as_incomplete(tmp_path):
    book = _pasted_answers(tmp_path)
    result = run("recalc", book, "--engine", "embedded", "--output-dir", tmp_path / "o", "--json")
    assert result.returncode == 1
    (report,) = json.loads(result.stdout)["files"]
    assert (report["status"], report["message"]) == ("incomplete", UNREAD)
    subs = write(tmp_path, "s.csv", "customer_id,month,mrr\nA,2025-01,10\n")
    result = run("import", "--subscriptions", subs, "--into", book, "--recalc")
    assert result.returncode == 1
    assert f"incomplete: {UNREAD}" in result.stdout.splitlines()


def test_importing_the_answers_widens_the_formulas_and_counts_every_answer(tmp_path):
    book = _tracker(tmp_path, months=3)
    answers = "date,score\n" + "2025-01-05,10\n" * 1000 + "2025-01-06,0\n" * 500
    result = run("import", "--nps", write(tmp_path, "n.csv", answers), "--into", book, "--recalc")
    assert result.returncode == 0, result.stdout + result.stderr
    nps = openpyxl.load_workbook(book, data_only=True)["NPS"]
    assert (nps["B2"].value, nps["F2"].value) == (1500, pytest.approx(100 * 500 / 1500, abs=1e-9))
    assert run("recalc", book, "--engine", "embedded", "--output-dir", tmp_path / "o").returncode == 0


def _three_months(tmp_path):
    """A 3-month tracker with its customers typed in (start 100; gained and end each month), opened in openpyxl."""
    book = _tracker(tmp_path, months=3)
    wb = openpyxl.load_workbook(book)
    customers = wb["Customers"]
    for row, (gained, end) in enumerate([(10, 105), (5, 100), (8, 104)], start=2):
        customers.cell(row, 3).value, customers.cell(row, 4).value = gained, end
    customers["B2"] = 100
    return book, wb


def test_recalc_reports_a_month_typed_below_the_last_row_as_incomplete(tmp_path):
    book, wb = _three_months(tmp_path)
    customers = wb["Customers"]
    wb.save(book)
    assert run("recalc", book, "--engine", "embedded", "--output-dir", tmp_path / "ok").returncode == 0
    customers["A5"], customers["C5"], customers["D5"] = dt.datetime(2025, 4, 1), 2, 50  # April, as a list grows
    wb.save(book)
    result = run("recalc", book, "--engine", "embedded", "--output-dir", tmp_path / "o", "--json")
    assert result.returncode == 1
    (report,) = json.loads(result.stdout)["files"]
    assert (report["status"], report["message"]) == (
        "incomplete",
        "t.xlsx: 'Customers'!A5 holds a figure below the tracker's last month (row 4): the tracker's months end there "
        "(its names, the Dashboard and lifetime value leave that row out, formulas copied down or not): move the "
        "figures out, add the months with xl-retention extend FILE --months N (at the end, formulas and names too) "
        "and type them there, or import them (xl-retention import)",
    )


@pytest.mark.parametrize("month", ["Apr 2025", "2025-04", "04/2025", "April 2025", "Apr-25", "2025-04-01", "April"])
def test_recalc_reports_a_month_typed_as_text_below_the_last_row_as_incomplete(tmp_path, month):
    """A month typed as text below the last month (a cell formatted as text, or written by a script) is a month, not
    a row's label: its figures are left out of the Dashboard (was ok, exit 0, while a date there is incomplete)."""
    book, wb = _three_months(tmp_path)
    customers = wb["Customers"]
    customers["A5"], customers["C5"], customers["D5"] = month, 2, 50
    wb.save(book)
    result = run("recalc", book, "--engine", "embedded", "--output-dir", tmp_path / "o", "--json")
    (report,) = json.loads(result.stdout)["files"]
    assert (result.returncode, report["status"]) == (1, "incomplete")
    assert report["message"].startswith("t.xlsx: 'Customers'!C5 holds a figure below the tracker's last month (row 4)")


def test_a_totals_row_of_the_users_under_the_months_is_not_a_month_typed_in(tmp_path):
    """A row labelled with text in the Month column ("Average / total") and a row of the user's own formulas under
    the last month are the user's, not months typed by hand: recalc is ok (it was incomplete, exit 1, every run)."""
    book, wb = _three_months(tmp_path)
    customers = wb["Customers"]
    customers["A5"], customers["C5"], customers["D5"] = "Average / total", 23, 103  # typed totals, labelled
    customers["C6"], customers["F6"] = "=SUM(C2:C4)", "=AVERAGE(F3:F4)"  # the user's own formulas, no label
    wb.save(book)
    result = run("recalc", book, "--engine", "embedded", "--output-dir", tmp_path / "o", "--json")
    (report,) = json.loads(result.stdout)["files"]
    assert (result.returncode, report["status"], report["message"]) == (0, "ok", "")
    computed = openpyxl.load_workbook(tmp_path / "o" / "t.xlsx", data_only=True)["Customers"]
    assert computed["C6"].value == 23


def test_a_totals_row_inserted_between_months_is_named(tmp_path):
    """A "Q1 total" row inserted under March of a 6-month tracker: the import names its cell (it said the sheets
    covered different months: Customers' months seemed to end in March) and writes nothing."""
    book = build_template(tmp_path / "t.xlsx", start="2025-01", months=6)
    wb = openpyxl.load_workbook(book)
    customers = wb["Customers"]
    customers.insert_rows(5)
    customers["A5"], customers["C5"] = "Q1 total", "=SUM(C2:C4)"
    wb.save(book)
    before = book.read_bytes()
    (tmp_path / "mrr.csv").write_text("customer_id,month,mrr\na,2025-01,10\na,2025-02,10\n")
    result = run("import", "--subscriptions", tmp_path / "mrr.csv", "--into", book)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        "xl-retention: error: Customers!A5 is 'Q1 total', between months (2025-03 above, 2025-04 below): a row that "
        "is not a month inside the months (a totals row?); move it below the last month or to another sheet\n"
    )
    assert book.read_bytes() == before
    customers["A5"] = None  # an empty row between months: named too
    customers["C5"] = None
    wb.save(book)
    result = run("import", "--subscriptions", tmp_path / "mrr.csv", "--into", book)
    assert result.stderr.startswith(
        "xl-retention: error: Customers!A5 is empty, between months (2025-03 above, 2025-04"
    )
