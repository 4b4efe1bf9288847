"""import --into edits the user's workbook in place: only its input cells change, everything the user added stays.

Every workbook here is made by the project's own build_template, then edited as a user would (openpyxl for
sheets, columns, comments and charts; the zip for parts openpyxl does not keep).
"""

import zipfile
from pathlib import Path

import openpyxl
import pytest
from cli_process import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from libreoffice import recalculate as libreoffice_recalculate
from libreoffice import soffice_path
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment

from xl_retention.workbook import build_template
from xl_retention.workbook.inplace import extend_refs

SUBSCRIPTIONS = "customer_id,month,mrr\na,2025-01,100\nb,2025-01,50\na,2025-02,120\nc,2025-02,30\na,2025-03,120\n"
ANSWERS = "date,score\n2025-03-02,9\n2025-03-20,10\n"
ORDERS = "customer_id,date,amount\nx,2025-01-03,10\ny,2025-01-09,4\nx,2025-02-03,12\ny,2025-05-10,5\n"
VISITS = "visitor_id,date\nv1,2025-01-01\nv1,2025-05-01\nv2,2025-05-02\n"


def _printed(stdout: str) -> list[str]:
    """The lines import --into printed, without the notes of where each input's months end before the last full
    month (their months depend on today's date; tests/test_import_last_month_into.py checks them)."""
    return [line for line in stdout.splitlines() if " is the last month of " not in line]


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text)
    return tmp_path / name


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def user_tracker(path: Path, months: int = 3) -> Path:
    """A tracker with what a user adds: a sheet with formulas and a chart, a notes column, a comment."""
    build_template(path, start="2025-01", months=months)
    wb = openpyxl.load_workbook(path)
    mine = wb.create_sheet("My analysis")
    mine["A1"], mine["B1"], mine["B2"], mine["B3"] = "Board target", 0.95, "=Customers!F3", "=B2-B1"
    chart = BarChart()
    chart.add_data(Reference(wb["Customers"], min_col=4, min_row=1, max_row=months + 1), titles_from_data=True)
    mine.add_chart(chart, "D2")
    customers = wb["Customers"]
    customers["H1"], customers["H2"] = "Notes", "Big promo in January"
    customers["A2"].comment = Comment("first month of the new pricing", "me")
    wb.save(path)
    return path


def test_the_users_sheet_column_comment_and_chart_stay_and_the_months_are_filled(tmp_path):
    book = user_tracker(tmp_path / "tracker.xlsx")
    before = parts(book)
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", book)
    assert result.returncode == 0, result.stderr
    assert _printed(result.stdout) == [
        f"filled {book}, a tracker of 3 months from 2025-01",
        "import wrote the months its data covers (2025-01 to 2025-03) on Customers, Revenue, Cohorts",
    ]
    after = parts(book)
    assert sorted(after) == sorted(before)  # no part dropped or added: comments, drawings, charts all there
    changed = sorted(name for name in before if before[name] != after[name])
    sheets = ["xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet9.xml"]  # + Cohorts
    # the Dashboard's charts get back the "#N/A as a gap" setting openpyxl dropped on saving (chart_ranges.na_as_gap);
    # the user's own chart (chart1, on "My analysis") stays byte for byte
    # workbook.xml: the import's record of what it wrote (the hidden defined name _xlr_imported)
    assert changed == [f"xl/charts/chart{n}.xml" for n in range(2, 7)] + ["xl/workbook.xml"] + sheets
    assert b'<definedName name="_xlr_imported" hidden="1">' in after["xl/workbook.xml"]
    assert all(b"dispNaAsBlank" in after[name] and b"dispNaAsBlank" not in before[name] for name in changed[:5])
    wb = openpyxl.load_workbook(book)
    assert [wb["My analysis"][ref].value for ref in ("A1", "B1", "B2", "B3")] == [
        "Board target",
        0.95,
        "=Customers!F3",
        "=B2-B1",
    ]
    customers = wb["Customers"]
    assert (customers["H1"].value, customers["H2"].value) == ("Notes", "Big promo in January")
    assert customers["A2"].comment.text == "first month of the new pricing"
    # start (first month only: an input), gained, end per month (hand-counted: a, b join; c joins, b leaves; c leaves)
    assert customers["B2"].value == 0
    assert [[customers.cell(r, c).value for c in (3, 4)] for r in (2, 3, 4)] == [[2, 2], [1, 2], [0, 1]]
    assert (
        customers["B3"].value
        == openpyxl.load_workbook(build_template(tmp_path / "fresh.xlsx", start="2025-01", months=3))["Customers"][
            "B3"
        ].value
    )
    assert [wb["Revenue"].cell(r, 3).value for r in (2, 3, 4)] == [150, 30, 0]  # new MRR


def test_a_column_inserted_in_customers_is_followed_by_its_header(tmp_path):
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=3)
    wb = openpyxl.load_workbook(book)
    customers = wb["Customers"]
    customers.insert_cols(2)  # openpyxl moves the cells (not the formulas): the importer only reads headers
    customers["B1"] = "Region"
    for r in (2, 3, 4):
        customers.cell(r, 2, "EU")
    wb.save(book)
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", book)
    assert result.returncode == 0, result.stderr
    customers = openpyxl.load_workbook(book)["Customers"]
    header = [customers.cell(1, c).value for c in range(1, 9)]
    assert header[:5] == ["Month", "Region", "Customers at start", "Gained (new + reactivated)", "Customers at end"]
    assert [[customers.cell(r, c).value for c in (2, 3, 4, 5)] for r in (2, 3, 4)] == [
        ["EU", 0, 2, 2],
        ["EU", customers["C3"].value, 1, 2],
        ["EU", customers["C4"].value, 0, 1],
    ]


def test_a_missing_header_refuses_naming_the_sheet_and_header_and_changes_nothing(tmp_path):
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=3)
    wb = openpyxl.load_workbook(book)
    wb["Customers"]["D1"] = "Closing customers"  # the user renamed "Customers at end"
    wb.save(book)
    before = book.read_bytes()
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: Customers: no column 'Customers at end' in row 1 (the header it writes under)\n"
    )
    assert book.read_bytes() == before
    # the NPS answers do not need Customers: they go in
    result = run("import", "--nps", write(tmp_path, "nps.csv", ANSWERS), "--into", book)
    assert result.returncode == 0, result.stderr
    scores = openpyxl.load_workbook(book)["NPS scores"]
    assert [scores["D2"].value, scores["D3"].value, scores["D4"].value] == [9, 10, None]


def test_more_months_are_added_at_the_end_with_the_templates_formulas_names_charts_and_validation(tmp_path):
    book = user_tracker(tmp_path / "tracker.xlsx", months=2)
    fresh = build_template(tmp_path / "fresh.xlsx", start="2025-01", months=5)
    result = run(
        "import",
        "--orders",
        write(tmp_path, "orders.csv", ORDERS),
        "--visits",
        write(tmp_path, "visits.csv", VISITS),
        "--into",
        book,
    )
    assert result.returncode == 0, result.stderr
    assert _printed(result.stdout)[:2] == [
        f"filled {book}, a tracker of 5 months from 2025-01",
        "added months 2025-03 to 2025-05 at the end of the monthly sheets",
    ]
    grown, want = openpyxl.load_workbook(book), openpyxl.load_workbook(fresh)
    for title in ("Customers", "Revenue", "NPS", "Purchases and visits"):
        for row in range(1, 9):  # months, formulas, the note two rows under the last month
            for col in range(1, 16):
                mine, theirs = grown[title].cell(row, col), want[title].cell(row, col)
                if title == "Purchases and visits" and 2 <= row <= 6 and col in (2, 3, 4, 7, 8):
                    continue  # the imported inputs
                if title == "Customers" and col == 8:
                    continue  # the user's notes column
                assert mine.value == theirs.value, (title, mine.coordinate)
                assert mine.number_format == theirs.number_format, (title, mine.coordinate)
        dv = sorted(str(v.sqref) for v in grown[title].data_validations.dataValidation)
        assert dv == sorted(str(v.sqref) for v in want[title].data_validations.dataValidation)
    monthly = ("Customers", "Revenue", "NPS", "Purchases", "Visits")
    for name, defined in want.defined_names.items():
        if name.startswith(monthly) or name.endswith("_Months"):
            assert grown.defined_names[name].attr_text == defined.attr_text, name
    assert grown["NPS scores"].cell(1, 6).value == want["NPS scores"].cell(1, 6).value  # May's answer column
    purchases = grown["Purchases and visits"]
    # buyers, returning customers, repeat purchasers; visitors, returning visitors
    assert [[purchases.cell(r, c).value for c in (2, 3, 4, 7, 8)] for r in range(2, 7)] == [
        [2, 0, 0, 1, 0],
        [1, 1, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [1, 1, 0, 2, 1],
    ]
    charts = {name: data for name, data in parts(book).items() if name.startswith("xl/charts/chart")}
    fresh_charts = {name: data for name, data in parts(fresh).items() if name.startswith("xl/charts/chart")}
    for name in fresh_charts:  # the Dashboard's series reach May, as in a fresh 5-month tracker
        assert b"$A$2:$A$6" in charts[name] and b"$A$2:$A$3<" not in charts[name]
    # the user's own chart on 'My analysis' (Customers!D1:D3) ended at the old last row too: it follows
    assert any(b"Customers'!$D$2:$D$6" in data for data in charts.values())
    assert grown["My analysis"]["B2"].value == "=Customers!F3"


def test_months_before_the_workbook_refuse_and_change_nothing(tmp_path):
    book = build_template(tmp_path / "tracker.xlsx", start="2025-02", months=3)
    before = book.read_bytes()
    result = run("import", "--orders", write(tmp_path, "orders.csv", ORDERS), "--into", book)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "xl-retention: error: orders.csv starts in 2025-01, before tracker.xlsx's first month 2025-02: "
    )
    assert "xl-retention new NEW.xlsx --start 2025-01 --months 5" in result.stderr
    assert book.read_bytes() == before


def test_hand_typed_months_before_the_data_refuse_the_phantom_lost_customers(tmp_path):
    typed = {"Customers": {"start": [100], "gained": [10], "end": [105]}}
    book = build_template(tmp_path / "tracker.xlsx", start="2024-12", months=4, inputs=typed)
    before = book.read_bytes()
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: Customers: 2024-12 holds figures (typed or from an earlier import), but subs.csv starts "
        "in 2025-01 with no customers before it, so every customer in 2024-12 would show as lost in 2025-01; give "
        "subs.csv from the first filled month on (import replaces the months its data covers), or clear the earlier "
        "months\n"
    )
    assert book.read_bytes() == before


def test_a_typed_month_further_back_with_blank_months_between_refuses_the_unknown_start(tmp_path):
    """January typed, February blank, the data from March: March's customers at start are unknown, not #VALUE!."""
    typed = {"Customers": {"start": [100], "gained": [10], "end": [105]}}
    book = build_template(tmp_path / "tracker.xlsx", start="2024-11", months=5, inputs=typed)
    before = book.read_bytes()
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", book, "--recalc")
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: Customers: 2024-11 holds figures (typed or from an earlier import) and 2024-12 is blank, "
        "so the customers at the start of 2025-01, where subs.csv starts, are unknown; give subs.csv from the first "
        "filled month on, fill the months between, or clear the earlier months\n"
    )
    assert book.read_bytes() == before


def test_typed_values_in_the_imported_months_are_replaced_with_the_option_and_listed(tmp_path):
    """Refused without --replace-typed (tests/test_import_typed_values_refused.py); with it, listed with old values."""
    typed = {"Customers": {"gained": [7, None, 3]}, "Purchases and visits": {"buyers": [None, None, None, 4]}}
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=4, inputs=typed)
    subs = write(tmp_path, "subs.csv", SUBSCRIPTIONS)
    result = run("import", "--subscriptions", subs, "--into", book, "--replace-typed")
    assert result.returncode == 0, result.stderr
    assert _printed(result.stdout)[-1] == (
        "replaced 2 values already in those months (typed by hand or by an earlier import; --replace-typed): "
        "'Customers'!C2 (was 7), 'Customers'!C4 (was 3)"
    )
    wb = openpyxl.load_workbook(book)
    assert [wb["Customers"].cell(r, 3).value for r in (2, 3, 4, 5)] == [2, 1, 0, None]
    assert wb["Purchases and visits"]["B5"].value == 4  # April: not in the data, kept as typed


@pytest.mark.parametrize(
    ("gained", "end", "message"),
    [
        ([None, None, None, 1], [None, None, 9, 10], "following 2025-03's 'Customers at end' = 9, which subs.csv "
         "changes to 1"),
        ([None, None, None, 1], [None, None, None, 10], "1 gained, 10 at end), which cannot follow the 1 customers "
         "at the end of 2025-03 in subs.csv"),
        ([None, None, None, 1], [None, None, None, 2], None),  # 1 + 1 >= 2: April follows March
    ],
)  # fmt: skip
def test_typed_months_after_the_data_must_follow_from_its_last_month(tmp_path, gained, end, message):
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=4,
                          inputs={"Customers": {"gained": gained, "end": end}})  # fmt: skip
    before = book.read_bytes()
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", book)
    if message is None:
        assert result.returncode == 0, result.stderr
        customers = openpyxl.load_workbook(book)["Customers"]
        assert [[customers.cell(r, c).value for c in (3, 4)] for r in (4, 5)] == [[0, 1], [1, 2]]
        return
    assert result.returncode == 1
    assert result.stderr.startswith("xl-retention: error: Customers: 2025-04 holds figures (typed or from an earlier")
    assert message in result.stderr
    assert book.read_bytes() == before


def test_only_orders_leave_the_cohort_triangle_alone(tmp_path):
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=5)
    result = run("import", "--orders", write(tmp_path, "orders.csv", ORDERS), "--into", book)
    assert result.returncode == 0, result.stderr
    cohorts = openpyxl.load_workbook(book)["Cohorts"]
    assert all(cell.value is None for row in cohorts.iter_rows(min_row=4, max_row=8, min_col=2) for cell in row)


BAD_TARGETS = {
    "empty.xlsx": (b"", "empty.xlsx is empty (0 bytes), not a workbook"),
    "damaged.xlsx": (
        b"PK\x03\x04 cut short",
        "damaged.xlsx is not a workbook (not an .xlsx/.xlsm package) or is corrupt",
    ),
    "legacy.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "legacy.xls is an Excel 97-2003 workbook (.xls)"),
    "legacy_renamed.xlsx": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
        "legacy_renamed.xlsx is an Excel 97-2003",
    ),
    "tracker.csv": (b"a,b\n1,2\n", "tracker.csv is a text file (.csv), not a workbook"),
    "csv_renamed.xlsx": (  # a CSV file saved under a workbook's name: said what it is, not "corrupt"
        b"customer_id,date,mrr\na,2025-01-01,10\n",
        "csv_renamed.xlsx is a text (CSV) file, not what its name (.xlsx) says: rename it .csv",
    ),
    "page_renamed.xlsx": (  # a shop's "Excel" download that is a web page
        b"<html><body><table><tr><td>id</td></tr></table></body></html>",
        "page_renamed.xlsx is a web page (HTML) holding a table, not an Excel workbook, whatever its name (.xlsx) says",
    ),
    "protected.xlsx": (  # the OLE container Excel writes for a workbook with a password to open
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64,
        "protected.xlsx is encrypted with a password to open: in Excel, File > Info > Protect Workbook > Encrypt with "
        "Password, clear the password and save, then run again",
    ),
}


def _ods(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", "<office:document-content/>")


@pytest.mark.parametrize("name", [*BAD_TARGETS, "sheet.ods", "ods_renamed.xlsx"])
def test_a_target_that_is_not_an_xlsx_is_one_line_and_unchanged(tmp_path, name):
    target = tmp_path / name
    if name in BAD_TARGETS:
        target.write_bytes(BAD_TARGETS[name][0])
        message = BAD_TARGETS[name][1]
    else:
        _ods(target)
        message = f"{name} is an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save it as .xlsx"
    before = target.read_bytes()
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", target)
    assert result.returncode == 1
    assert result.stderr.startswith(f"xl-retention: error: {message}"), result.stderr
    assert len(result.stderr.splitlines()) == 1 and not result.stdout
    assert target.read_bytes() == before


def test_a_csv_named_xlsx_as_input_is_said_to_be_a_csv_file(tmp_path):
    (tmp_path / "orders.xlsx").write_text("customer_id,date,amount\na,2025-01-05,10\n")
    result = run("import", "--orders", tmp_path / "orders.xlsx", "--to-csv", tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: orders.xlsx is a text (CSV) file, not what its name (.xlsx) says: rename it .csv\n"
    )
    assert not (tmp_path / "out").exists()


def test_an_ods_named_xlsx_as_input_is_one_line(tmp_path):
    _ods(tmp_path / "orders.xlsx")
    result = run("import", "--orders", tmp_path / "orders.xlsx", "--to-csv", tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.startswith("xl-retention: error: orders.xlsx is an OpenDocument spreadsheet (.ods)")
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("into", [True, False])
def test_a_header_only_input_is_one_line_naming_it(tmp_path, into):
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=3)
    before = book.read_bytes()
    subs = write(tmp_path, "subs.csv", "customer_id,month,mrr\n")
    target = ("--into", book) if into else ("--to-csv", tmp_path / "out")
    result = run("import", "--subscriptions", subs, *target)
    assert (result.returncode, result.stderr) == (1, "xl-retention: error: subs.csv has a header but no data rows\n")
    assert book.read_bytes() == before


def test_to_csv_never_overwrites_an_input_or_a_file_it_did_not_write(tmp_path):
    visits, nps = write(tmp_path, "visits.csv", VISITS), write(tmp_path, "nps.csv", ANSWERS)
    result = run("import", "--visits", visits, "--nps", nps, "--to-csv", tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"xl-retention: error: {tmp_path / 'visits.csv'} is the --visits input of this import: not overwritten; "
        "write the tables to another folder (--to-csv DIR)\n"
    )
    assert (visits.read_text(), nps.read_text()) == (VISITS, ANSWERS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nps.csv", "visits.csv"]  # nothing written
    out = tmp_path / "out"
    out.mkdir()
    (out / "nps.csv").write_text("my own notes\n")
    result = run("import", "--visits", visits, "--nps", nps, "--to-csv", out)
    assert result.returncode == 1 and "out/nps.csv exists and is not a table xl-retention import wrote" in result.stderr
    assert (out / "nps.csv").read_text() == "my own notes\n" and not (out / "visits.csv").exists()
    (out / "nps.csv").unlink()
    for _ in range(2):  # its own tables, written again: replaced
        result = run("import", "--visits", visits, "--nps", nps, "--to-csv", out)
        assert result.returncode == 0, result.stderr
    assert (out / "visits.csv").read_text().splitlines()[0].startswith("month,")


def test_extend_refs_stretches_only_ranges_that_end_at_the_old_end():
    text = "'Customers'!$F$1:$F$25,Customers!$A$2:$A$25,Customers!$B$2,Customers!$B$2:$B$24,Revenue!$A$2:$A$25"
    assert extend_refs(text, "Customers", rows=(25, 27)) == (
        "'Customers'!$F$1:$F$27,Customers!$A$2:$A$27,Customers!$B$2,Customers!$B$2:$B$24,Revenue!$A$2:$A$25"
    )


_TEMPLATE_SHEETS = ("Customers", "Revenue", "NPS", "Purchases and visits")
additions = st.lists(
    st.tuples(
        st.sampled_from(("My sheet", "Customers", "Revenue", "Purchases and visits", "NPS")),
        st.integers(1, 12),  # row
        st.integers(26, 30),  # column: right of the template's columns (Revenue's hidden chart columns end at Y)
        st.one_of(
            st.integers(-(10**6), 10**6),
            st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20),
            st.just("=1+1"),
            st.just("=Customers!D2*2"),
        ),
        st.booleans(),  # with a comment
    ),
    min_size=1,
    max_size=12,
    unique_by=lambda a: (a[0], a[1], a[2]),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(additions)
def test_every_user_addition_is_kept_byte_for_byte(tmp_path_factory, added):
    from xl_retention.workbook.importer import fill_workbook, load_tables

    tmp = tmp_path_factory.mktemp("h")
    book = build_template(tmp / "tracker.xlsx", start="2025-01", months=3)
    wb = openpyxl.load_workbook(book)
    for title, row, col, value, comment in added:
        ws = wb[title] if title in wb.sheetnames else wb.create_sheet(title)
        ws.cell(row, col, value)
        if comment:
            ws.cell(row, col).comment = Comment(f"note {row},{col}", "me")
    wb.save(book)
    before = parts(book)
    tables = load_tables(subscriptions=write(tmp, "subs.csv", SUBSCRIPTIONS), orders=write(tmp, "o.csv", ORDERS))
    fill_workbook(book, tables)  # the orders run to May: two months are added
    after = parts(book)
    for name, data in before.items():  # comments, the user's sheet and every untouched part: byte for byte
        if "worksheets/sheet" not in name and "chart" not in name and name != "xl/workbook.xml":
            assert after[name] == data, name
    wb2 = openpyxl.load_workbook(book)
    for title, row, col, value, comment in added:
        cell = wb2[title].cell(row, col)
        assert cell.value == value, (title, row, col)
        assert (cell.comment.text if cell.comment else None) == (f"note {row},{col}" if comment else None)
    if "My sheet" in wb2.sheetnames:
        assert after[_sheet_part(book, "My sheet")] == before[_sheet_part(book, "My sheet")]


def _sheet_part(book: Path, title: str) -> str:
    from xl_retention.recalculation.xlsx_values import _sheet_parts

    with zipfile.ZipFile(book) as package:
        return _sheet_parts(package)[title]


def test_the_cohorts_sheet_grows_like_a_fresh_tracker_and_keeps_typed_cohorts(tmp_path):
    # January's cohort typed in January only: its February, a month the data covers, would be refused
    # (tests/test_import_cohorts_before_data.py: the data has no customer of a cohort before its first month)
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=2, inputs={"Cohorts": [[7]]})
    fresh = openpyxl.load_workbook(build_template(tmp_path / "fresh.xlsx", start="2025-01", months=4))
    subs = "customer_id,month,mrr\na,2025-02,10\nb,2025-02,10\na,2025-03,10\na,2025-04,10\nc,2025-04,5\n"
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", book)
    assert result.returncode == 0, result.stderr
    grown = openpyxl.load_workbook(book)
    ours, theirs = grown["Cohorts"], fresh["Cohorts"]
    # survivors: January typed by hand (7) kept; February a, b -> a -> a; March none; April c
    assert [[ours.cell(r, c).value for c in range(2, 6)] for r in range(4, 8)] == [
        [7, None, None, None],
        [2, 1, 1, None],
        [0, 0, None, None],
        [1, None, None, None],
    ]
    for row in theirs.iter_rows():
        for cell in row:
            if not (4 <= cell.row <= 7 and 2 <= cell.column <= 5):
                assert ours[cell.coordinate].value == cell.value, cell.coordinate
            mine = ours[cell.coordinate]
            assert (mine.number_format, repr(mine.fill), repr(mine.font)) == (
                cell.number_format,
                repr(cell.fill),
                repr(cell.font),
            ), cell.coordinate
    for name, defined in fresh.defined_names.items():
        assert grown.defined_names[name].attr_text == defined.attr_text, name


def test_a_cohorts_sheet_changed_by_hand_does_not_grow(tmp_path):
    """A template's text changed (a header): growing writes the template's sheet, which would lose it; the refusal
    names the cell and what to put back (a note of the user's beside the tables moves with its row instead:
    tests/test_import_cohorts_beside_values.py)."""
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=2)
    wb = openpyxl.load_workbook(book)
    wb["Cohorts"]["B3"] = "M0"
    wb.save(book)
    before = book.read_bytes()
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", book)
    assert (result.returncode, result.stderr) == (1, (
        "xl-retention: error: Cohorts!B3 holds 'M0' where the template has 'Month 0': growing the tables to 3 months "
        "writes the template's sheet for them, which would lose that; put 'Month 0' back in Cohorts!B3 (a text of "
        "yours can go beside the tables: it moves with its row) and run again\n"
    ))  # fmt: skip
    assert book.read_bytes() == before
    # survey answers need no cohort: the monthly sheets grow, Cohorts stays as it is (and says so)
    answers = "date,score\n2025-01-02,9\n2025-04-20,10\n"
    result = run("import", "--nps", write(tmp_path, "nps.csv", answers), "--into", book)
    assert result.returncode == 0, result.stderr
    assert _printed(result.stdout)[-1].startswith("Cohorts keeps its 2 months: Cohorts!B3 holds 'M0'")
    assert openpyxl.load_workbook(book)["Cohorts"]["B3"].value == "M0"


def test_sheet_xml_edits_keep_other_cells_and_refuse_to_break_a_shared_formula():
    from xl_retention.workbook.inplace import LayoutError, SheetXml

    xml = (
        b'<x:worksheet xmlns:x="urn:s"><x:sheetData><x:row r="2" spans="1:5" ht="20"><x:c r="A2" t="s"><x:v>3</x:v>'
        b'</x:c><x:c s="4"><x:v>1</x:v></x:c><x:c r="D2"><x:f t="shared" ref="D2:D5" si="0">B2+1</x:f></x:c></x:row>'
        b'<x:row r="3"><x:c r="D3"><x:f t="shared" si="0"/></x:c></x:row></x:sheetData><x:cols/></x:worksheet>'
    )
    sheet = SheetXml.parse(xml, "T")
    assert sheet.to_bytes() == xml  # nothing edited: the same bytes
    sheet.set_value("B2", 7.5)  # the cell without a reference is column B; its style stays
    sheet.set_value("C4", 2)  # a new row
    with pytest.raises(LayoutError, match=r"T!D2 holds a formula that other cells share"):
        sheet.set_value("D2", 1)
    assert sheet.to_bytes() == (
        b'<x:worksheet xmlns:x="urn:s"><x:sheetData><x:row r="2" ht="20"><x:c r="A2" t="s"><x:v>3</x:v></x:c>'
        b'<x:c r="B2" s="4"><x:v>7.5</x:v></x:c><x:c r="D2"><x:f t="shared" ref="D2:D5" si="0">B2+1</x:f></x:c>'
        b'</x:row><x:row r="3"><x:c r="D3"><x:f t="shared" si="0"/></x:c></x:row><x:row r="4"><x:c r="C4"><x:v>2'
        b"</x:v></x:c></x:row></x:sheetData><x:cols/></x:worksheet>"
    )


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_a_tracker_saved_by_another_application_is_edited_and_opens_again(tmp_path):
    """LibreOffice rewrites the package its own way (shared strings, lower-cased add-in names, other attributes)."""
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=2)
    saved = libreoffice_recalculate(book, tmp_path / "saved")
    subs = "customer_id,month,mrr\na,2025-01,100\nb,2025-01,50\na,2025-02,120\nc,2025-02,30\na,2025-03,120\n"
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", saved)
    assert result.returncode == 0, result.stderr
    reopened = openpyxl.load_workbook(libreoffice_recalculate(saved, tmp_path / "again"), data_only=True)
    customers = reopened["Customers"]
    assert [[customers.cell(r, c).value for c in (2, 3, 4)] for r in (2, 3, 4)] == [[0, 2, 2], [2, 1, 2], [2, 0, 1]]
    assert [[reopened["Cohorts"].cell(r, c).value for c in (2, 3, 4)] for r in (4, 5, 6)] == [
        [2, 1, 1],
        [1, 0, None],
        [0, None, None],
    ]


def test_more_answers_in_a_month_than_the_nps_formulas_read_get_rows_of_their_own(tmp_path):
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=2)
    answers = "date,score\n" + "2025-02-03,9\n" * 1001 + "2025-01-05,3\n"
    result = run("import", "--nps", write(tmp_path, "nps.csv", answers), "--into", book)
    assert result.returncode == 0, result.stderr
    fresh = build_template(tmp_path / "fresh.xlsx", start="2025-01", months=2,
                           inputs={"NPS scores": [[3], [9] * 1001]})  # fmt: skip
    grown, want = openpyxl.load_workbook(book), openpyxl.load_workbook(fresh)
    for title in ("NPS", "NPS scores"):
        for row in [*range(1, 5), 1001, 1002, 1003]:
            for col in range(1 if title == "NPS" else 2, 10):  # (the answers' row numbers in column A aside)
                assert grown[title].cell(row, col).value == want[title].cell(row, col).value, (title, row, col)
        dv = [str(v.sqref) for v in grown[title].data_validations.dataValidation]
        assert dv == [str(v.sqref) for v in want[title].data_validations.dataValidation]
    widened = grown["NPS"]["F3"].value  # every range of the answers in the NPS formula reads the 1,001 rows
    assert widened.startswith("=IF(COUNTA('NPS scores'!C$2:C$1002)=0,") and "NPS('NPS scores'!C$2:C$1002)" in widened
    # COUNTA, COUNT, MAX, NPS, and the listed month's key: COUNT, SUM, SUMSQ, MAX (proven_scale.KEY, H356)
    assert "C$1001" not in widened and widened.count("'NPS scores'!C$2:C$1002") == 8


def test_an_excel_table_over_a_monthly_sheet_grows_with_the_months(tmp_path):
    from openpyxl.worksheet.table import Table

    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=2)
    wb = openpyxl.load_workbook(book)
    wb["Customers"].add_table(Table(displayName="MyCustomers", ref="A1:D3"))
    wb.save(book)
    result = run("import", "--orders", write(tmp_path, "orders.csv", ORDERS), "--into", book)
    assert result.returncode == 0, result.stderr
    table = openpyxl.load_workbook(book)["Customers"].tables["MyCustomers"]
    assert (table.ref, table.autoFilter.ref) == ("A1:D6", "A1:D6")


def test_import_recalc_names_the_cells_in_error_and_why(tmp_path):
    """Three months of three customers: no finite sBG fit; the import's own output says where and why."""
    book = build_template(tmp_path / "tracker.xlsx", start="2024-01", months=6)
    subs = "customer_id,month,mrr\na,2024-01,10\nb,2024-01,20\na,2024-02,10\nc,2024-03,5\na,2024-03,10\n"
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", subs), "--into", book, "--recalc")
    assert result.returncode == 0, result.stderr
    lines = _printed(result.stdout)
    assert "recalculated 400 formulas (5 in error)" in lines  # Lifetime value!C3, C5, C9, C12, C13, Dashboard!E8:E9
    assert (  # one line for the fit's #NUM! and the four cells that read it (H23: was a line per cell)
        f"{book}: Cohorts!B22:D22, 'Lifetime value'!B9:B10 (5 cells) = #NUM!: SBG_FIT: sBG fit: the likelihood has no "
        "finite maximum; it is largest at the edge of the parameters (alpha and beta -> 0: customers either churn at "
        "once or never) (#NUM!)" in lines
    )
    assert len(lines) == 4, lines


def test_a_figure_resaved_at_excels_15_digits_is_not_reported_as_replaced(tmp_path):
    """New MRR 0.1 + 0.2 = 0.30000000000000004; another program re-saves it as 0.3; the same import again changes
    nothing a user typed, so it lists no replaced value. A real change (0.31) is listed."""
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=3)
    subs = write(tmp_path, "subs.csv", "customer_id,month,mrr\na,2025-01,0.1\nb,2025-01,0.2\na,2025-02,0.1\n")
    assert run("import", "--subscriptions", subs, "--into", book).returncode == 0
    wb = openpyxl.load_workbook(book)
    assert wb["Revenue"]["C2"].value == 0.1 + 0.2
    wb["Revenue"]["C2"] = 0.3
    wb.save(book)
    again = run("import", "--subscriptions", subs, "--into", book)
    assert again.returncode == 0 and "replaced" not in again.stdout, again.stdout
    wb = openpyxl.load_workbook(book)
    wb["Revenue"]["C2"] = 0.31
    wb.save(book)
    changed = run("import", "--subscriptions", subs, "--into", book)
    assert changed.returncode == 1 and "already hold 1 value that differs" in changed.stderr, changed.stderr
    changed = run("import", "--subscriptions", subs, "--into", book, "--replace-typed")
    assert (
        "replaced 1 value already in those months (typed by hand or by an earlier import; --replace-typed): "
        "'Revenue'!C2 (was 0.31)" in changed.stdout
    )


def test_the_report_says_other_months_are_kept_only_when_some_hold_figures(tmp_path):
    typed = {"Customers": {"gained": [None, None, None, 1], "end": [None, None, None, 2]}}
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=4, inputs=typed)
    result = run("import", "--subscriptions", write(tmp_path, "subs.csv", SUBSCRIPTIONS), "--into", book)
    assert result.returncode == 0, result.stderr
    assert _printed(result.stdout)[1] == (
        "import wrote the months its data covers (2025-01 to 2025-03) on Customers, Revenue, Cohorts; the other "
        "months' figures are kept as they were"
    )
    assert openpyxl.load_workbook(book)["Customers"]["D5"].value == 2  # April, as it was


def test_the_report_names_one_month_as_one_month(tmp_path):
    """A one-month import says "the month its data covers (2025-02)", not "(2025-02 to 2025-02)" (H25 n07)."""
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=2)
    (tmp_path / "nps.csv").write_text("date,score\n2025-02-03,9\n2025-02-04,3\n")
    result = run("import", "--nps", tmp_path / "nps.csv", "--into", book)
    assert result.returncode == 0, result.stderr
    assert "import wrote the month its data covers (2025-02) on NPS scores" in result.stdout
