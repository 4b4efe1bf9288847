"""import --into a tracker the user has edited as people do in Excel or LibreOffice: the values go where the tracker's
formulas read them, or the import refuses in one line and leaves the file as it was.

Every workbook is made by build_template in tmp_path and edited with openpyxl the way Excel or LibreOffice lays out
the edit (cells moved, formulas and names following); inputs are written by the test.
"""

import datetime as dt

import openpyxl
import pytest
from test_import_into import SUBSCRIPTIONS, parts, run, write

from xl_retention.workbook import build_template

ANSWERS = "date,score\n2025-01-03,9\n2025-01-04,10\n2025-01-05,3\n2025-02-01,9\n"


def _tracker(tmp_path, months=3):
    return build_template(tmp_path / "t.xlsx", start="2025-01", months=months)


def test_a_row_inserted_under_the_nps_month_headers_refuses_naming_the_cell_and_changes_nothing(tmp_path):
    """The NPS formulas read rows 3 to 1002 after the insert; answers written from row 2 left each month's first one
    out: January 2 responses and NPS 0 for 3 and 33.3, February blank for 1 and 100, exit 0."""
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["NPS scores"].insert_rows(2)
    wb["NPS scores"]["B2"] = "Survey A"
    for row in wb["NPS"].iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and "NPS scores" in cell.value:
                cell.value = cell.value.replace("$2:", "$3:").replace("$1001", "$1002")
    wb.save(book)
    before = parts(book)
    result = run("import", "--nps", write(tmp_path, "nps.csv", ANSWERS), "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: NPS!B2 (2025-01) reads 'NPS scores'!B3:B1002, but 2025-01's answers go under its header "
        "in rows 2 to 1001 (B2:B1001): a row inserted under the month headers or a column moved? Undo it (or import "
        "into a new tracker: xl-retention new NEW.xlsx)\n"
    )
    assert parts(book) == before


def test_a_column_inserted_in_the_nps_scores_is_followed_by_its_month_header(tmp_path):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["NPS scores"].insert_cols(3)  # between January (B) and February, now D
    wb["NPS scores"]["C1"] = "Notes"
    for row in wb["NPS"].iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, str) and "NPS scores" in cell.value:
                for old, new in (("D$", "E$"), ("C$", "D$")):
                    cell.value = cell.value.replace(f"'NPS scores'!{old}", f"'NPS scores'!{new}").replace(
                        f":{old}", f":{new}"
                    )
    wb.save(book)
    result = run("import", "--nps", write(tmp_path, "nps.csv", ANSWERS), "--into", book, "--recalc")
    assert result.returncode == 0, result.stderr
    values = openpyxl.load_workbook(book, data_only=True)
    nps = [[c.value for c in row[1:6]] for row in values["NPS"].iter_rows(min_row=2, max_row=3)]
    assert nps[0][0] == 3 and nps[0][4] == 100 / 3
    assert nps[1][0] == 1 and nps[1][4] == 100
    scores = values["NPS scores"]
    assert [scores["B2"].value, scores["B4"].value, scores["C1"].value, scores["D2"].value] == [9, 3, "Notes", 9]


def test_a_column_inserted_inside_the_cohort_triangle_refuses_naming_the_header_and_changes_nothing(tmp_path):
    """Counts go into Cohort_Counts by position: January's month-2 survivors landed in the inserted column and its
    month-3 ones under 'Month 2', exit 0."""
    book = _tracker(tmp_path, months=6)
    wb = openpyxl.load_workbook(book)
    wb["Cohorts"].insert_cols(4)  # inside the triangle 'Cohorts'!$B$4:$G$9, as Excel stretches the name
    wb.defined_names["Cohort_Counts"].attr_text = "'Cohorts'!$B$4:$H$9"
    wb.save(book)
    before = parts(book)
    subs = "customer_id,month,mrr\n" + "".join(f"a,2025-0{m},10\n" for m in range(1, 5))
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: Cohorts!E3 is 'Month 2', but it is column 4 of the cohort table Cohort_Counts, where "
        "month 3 goes: a column inserted or deleted inside the table? Undo it (or import into a new tracker: "
        "xl-retention new NEW.xlsx)\n"
    )
    assert parts(book) == before


def test_months_added_below_a_hidden_last_month_are_shown(tmp_path):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["Customers"].row_dimensions[4].hidden = True  # March, the last month
    wb.save(book)
    subs = SUBSCRIPTIONS + "a,2025-04,120\na,2025-05,120\n"
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", book)
    assert result.returncode == 0, result.stderr
    customers = openpyxl.load_workbook(book)["Customers"]
    assert customers["A6"].value.month == 5 and customers["D6"].value == 1
    assert [customers.row_dimensions[r].hidden for r in (3, 4, 5, 6)] == [False, True, False, False]


def test_the_report_says_other_months_are_kept_only_when_one_holds_a_figure(tmp_path):
    """Blank months after the data were reported as 'figures kept as they were' (the month itself counted)."""
    book = _tracker(tmp_path, months=6)
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", book)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "import wrote the months its data covers (2025-01 to 2025-03) on Customers, Revenue, Cohorts"
    )


def test_months_added_to_a_tracker_without_nps_scores_name_what_to_do(tmp_path):
    """A user who does not track NPS deleted "NPS scores": the NPS sheet cannot grow, said as such (was 'NPS scores:
    no column for 2025-04 in row 1', for a subscriptions import)."""
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    del wb["NPS scores"]
    wb.save(book)
    before = parts(book)
    subs = SUBSCRIPTIONS + "a,2025-04,120\n"
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: t.xlsx has the sheet 'NPS' but not 'NPS scores', whose answers its formulas read, so the "
        "month 2025-04 cannot be added to it: delete 'NPS' too if you do not track NPS, or put 'NPS "
        "scores' back (copy it from a new tracker: xl-retention new NEW.xlsx)\n"
    )
    assert parts(book) == before
    del wb["NPS"]
    wb.save(book)
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--into", book)
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(book)["Customers"]["D5"].value == 1  # April added


def test_a_full_disk_names_the_workbook_and_leaves_it_as_it_was(tmp_path, monkeypatch):
    import errno
    from contextlib import contextmanager

    from xl_retention.workbook import inplace
    from xl_retention.workbook.importer import fill_workbook, load_tables

    @contextmanager
    def full_disk(target):
        raise OSError(errno.ENOSPC, "No space left on device")
        yield

    book = _tracker(tmp_path)
    before = parts(book)
    tables = load_tables(subscriptions=write(tmp_path, "subs.csv", SUBSCRIPTIONS))
    monkeypatch.setattr(inplace, "atomic_output", full_disk)
    with pytest.raises(OSError) as raised:
        fill_workbook(book, tables)
    assert str(raised.value) == "t.xlsx was not written (No space left on device): it is as it was"
    assert parts(book) == before


def test_a_month_typed_right_of_the_last_nps_month_is_named_when_months_are_added(tmp_path):
    """Growing added a second 'Jul 2025' column beside the one typed by hand, whose answers no formula read."""
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    scores = wb["NPS scores"]
    scores["E1"], scores["E2"], scores["E3"] = dt.datetime(2025, 4, 1), 10, 10
    wb.save(book)
    before = parts(book)
    result = run("import", "--nps", write(tmp_path, "nps.csv", "date,score\n2025-04-03,0\n"), "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: 'NPS scores'!E1 is 2025-04, typed right of the tracker's last month 2025-03 (no NPS "
        "formula reads its answers), where import adds the month 2025-04, formulas and all: move that column's "
        "answers into an answers file (or clear it) and import again\n"
    )
    assert parts(book) == before


def test_the_answer_rows_are_read_from_a_month_whose_formula_is_there(tmp_path):
    """A tracker widened to 1500 answers a month with January's responses typed over: February imports into rows 2
    to 1501, as the formulas read (the first month's formula alone told the rows)."""
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    for row in wb["NPS"].iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and "NPS scores" in cell.value:
                cell.value = cell.value.replace("$1001", "$1501")
    wb["NPS"]["B2"] = 12
    wb.save(book)
    result = run("import", "--nps", write(tmp_path, "nps.csv", "date,score\n2025-02-01,9\n"), "--into", book)
    assert result.returncode == 0, result.stderr
    nps = openpyxl.load_workbook(book)["NPS"]
    assert nps["B2"].value == 12
    assert nps["B3"].value == (
        "=IF(COUNTA('NPS scores'!C$2:C$1501)=0,\"\",INDEX(NPS_BREAKDOWN('NPS scores'!C$2:C$1501),1,4))"
    )


def test_a_month_added_by_hand_below_the_names_refuses_naming_it_and_changes_nothing(tmp_path):
    """April typed (or its row copied down) below March on every monthly sheet: the names end at March, so the visits
    imported into April were left out of the Dashboard and the charts (exit 0; recalc then said incomplete)."""
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    for title in ("Customers", "Revenue", "NPS", "Purchases and visits"):
        wb[title]["A5"] = dt.datetime(2025, 4, 1)
    wb.save(book)
    before = parts(book)
    visits = "visitor_id,date\nv1,2025-01-03\nv1,2025-04-02\nv2,2025-04-05\n"
    result = run("import", "--visits", write(tmp_path, "visits.csv", visits), "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: Customers!A5 is the month 2025-04, below the tracker's last month (row 4, where its "
        "names end): a month added by hand is left out of the Dashboard, the lifetime value and the charts, and so "
        "would the figures imported there; delete the rows from 5 on and import again (import adds months at the "
        "end, formulas and names too)\n"
    )
    assert parts(book) == before
    for title in ("Customers", "Revenue", "NPS", "Purchases and visits"):
        wb[title]["A5"] = None
    wb.save(book)
    result = run("import", "--visits", tmp_path / "visits.csv", "--into", book)
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(book).defined_names["Visits_Total"].attr_text == "'Purchases and visits'!$G$2:$G$5"


def _merged(tmp_path, merges: dict[str, str]):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    for area, text in merges.items():
        wb["Customers"][area.split(":")[0]] = text
        wb["Customers"].merge_cells(area)
    wb.save(book)
    return book


def test_a_merged_note_two_rows_below_the_months_moves_down_with_its_merge(tmp_path):
    """The note moved below the new months but its merge A6:G6 stayed: April's row was hidden under it (LibreOffice
    showed 'Apr 2025' across the row, its figures not at all)."""
    book = _merged(tmp_path, {"A6:G6": "Note: figures from Stripe"})
    subs = SUBSCRIPTIONS + "a,2025-04,120\nc,2025-04,30\na,2025-05,120\n"
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", book)
    assert result.returncode == 0, result.stderr
    customers = openpyxl.load_workbook(book)["Customers"]
    assert {str(m) for m in customers.merged_cells.ranges} == {"A8:G8"}
    assert customers["A8"].value == "Note: figures from Stripe"
    assert [customers[f"{c}5"].value for c in "CD"] == [1, 2]  # April (c back), in cells of their own


def test_a_merged_range_in_the_way_of_the_new_months_refuses_naming_it(tmp_path):
    book = _merged(tmp_path, {"C6:D7": None})
    before = parts(book)
    subs = SUBSCRIPTIONS + "a,2025-04,120\na,2025-05,120\n"
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: Customers!C6:D7 is a merged range in the way of the new months 2025-04 to 2025-05 "
        "(rows 5 to 6; it would hide their figures): unmerge or move it and import again\n"
    )
    assert parts(book) == before


def _meanwhile(monkeypatch, action):
    """Run ``action(book)`` while the import runs, after it read the workbook and before it replaces it."""
    from xl_retention.workbook import stale  # the save of import and extend (stale.save_cleared) clears, then saves

    original = stale.clear_results

    def clear_results(package):
        action(package.path)
        return original(package)

    monkeypatch.setattr(stale, "clear_results", clear_results)


def test_a_tracker_saved_by_another_program_during_the_import_is_not_replaced(tmp_path, monkeypatch):
    """The import replaced the file with its own copy of what it had read: the other program's save was lost."""
    from xl_retention.workbook.importer import fill_workbook, load_tables

    book = _tracker(tmp_path)
    tables = load_tables(subscriptions=write(tmp_path, "subs.csv", SUBSCRIPTIONS))

    def save_elsewhere(path):
        wb = openpyxl.load_workbook(path)
        wb["Customers"]["M1"] = "typed in Excel meanwhile"
        wb.save(path)

    _meanwhile(monkeypatch, save_elsewhere)
    with pytest.raises(ValueError) as raised:
        fill_workbook(book, tables)
    assert str(raised.value) == (
        "t.xlsx changed on disk while it was being written (saved by another program?): not replaced; run the "
        "command again"
    )
    assert openpyxl.load_workbook(book)["Customers"]["M1"].value == "typed in Excel meanwhile"


def test_a_tracker_opened_in_excel_during_the_import_is_not_replaced(tmp_path, monkeypatch):
    from xl_retention.workbook.importer import fill_workbook, load_tables

    book = _tracker(tmp_path)
    before = parts(book)
    tables = load_tables(subscriptions=write(tmp_path, "subs.csv", SUBSCRIPTIONS))
    _meanwhile(monkeypatch, lambda path: (path.parent / f"~${path.name}").write_bytes(b"\x02me"))
    with pytest.raises(PermissionError) as raised:
        fill_workbook(book, tables)
    assert str(raised.value).startswith(f"{book} is open in Excel by me (its lock file ~$t.xlsx is beside it)")
    assert parts(book) == before


def test_months_are_added_to_a_sheet_whose_unused_input_columns_were_deleted(tmp_path):
    """Visits not tracked, their three columns deleted from 'Purchases and visits': every import that adds months,
    subscriptions too, was refused with "Purchases and visits: no column 'Visitors' in row 1"."""
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["Purchases and visits"].delete_cols(7, 3)
    wb.save(book)
    subs = SUBSCRIPTIONS + "a,2025-04,120\n"
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", book)
    assert result.returncode == 0, result.stderr
    purchases = openpyxl.load_workbook(book)["Purchases and visits"]
    assert purchases["A5"].value == dt.datetime(2025, 4, 1) and purchases["E5"].value.startswith("=IF(")
    assert [purchases.cell(1, c).value for c in range(7, 10)] == [None, None, None]
    visits = "visitor_id,date\nv1,2025-01-03\n"
    result = run("import", "--visits", write(tmp_path, "visits.csv", visits), "--into", book)
    assert (result.returncode, result.stderr) == (
        1,
        "xl-retention: error: Purchases and visits: no column 'Visitors' in row 1 (the header it writes under)\n",
    )


def test_a_month_added_by_hand_above_the_first_refuses_naming_it(tmp_path):
    """December 2024 inserted above January on every monthly sheet: its row has no formulas and the names start
    below it, while the import wrote the data's first customers at start into it."""
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    for title in ("Customers", "Revenue", "NPS", "Purchases and visits"):
        wb[title].insert_rows(2)
        wb[title]["A2"] = dt.datetime(2024, 12, 1)
    wb.defined_names["Customers_Months"].attr_text = "Customers!$A$3:$A$5"  # as Excel moves it
    wb.save(book)
    before = parts(book)
    subs = "customer_id,month,mrr\na,2024-12,10\n" + SUBSCRIPTIONS.split("\n", 1)[1]
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: Customers!A2 is the month 2024-12, above the tracker's first month (row 3, where its "
        "names start): a month added by hand is left out of the Dashboard, the lifetime value and the charts, and the "
        "first month's customers at start are read from row 2; delete row 2 (for earlier months, make a tracker "
        "that starts there: xl-retention new NEW.xlsx --start 2024-12)\n"
    )
    assert parts(book) == before
