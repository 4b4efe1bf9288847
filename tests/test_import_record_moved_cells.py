"""The import's record (``_xlr_imported``) identified the cells an import wrote by their address (H143's findings 09
and 10): a column the user inserted in 'Purchases and visits', or the order cohort table moved down when the next
export added a month (the survivors' table above it grows), made the monthly refresh refuse the import's own values
as typed by hand, and users then took --replace-typed, which overwrites real typed cells.

Now each cell is recorded by what it is (its column's header key, a cohort's month since its start, an answer's row)
within its sheet and month; a record of the previous version (by address) still matches where the cells were then:
the template's column, the cohort table before this import moved it down. A value typed by hand is refused as before.
"""

import shutil
from pathlib import Path

import openpyxl
from cli_process import run

DATA = Path(__file__).parent / "data"
ORDERS = "customer_id,date\nann,2025-01-05\nbob,2025-01-20\nann,2025-02-03\ncid,2025-02-10\n"
LATE = ORDERS + "dan,2025-02-27\n"  # one more February order, of a new customer
MARCH = LATE + "bob,2025-03-04\n"  # the next export: March added, with dan's late February order


def _import(tmp_path: Path, book: Path, name: str, text: str, *options: str):
    source = tmp_path / name
    source.write_text(text)
    return run("import", "--orders", source, "--into", book, *options)


def _updated(result) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith(("updated", "replaced"))]


def _tracker(tmp_path: Path) -> Path:
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2025-01", "--months", "2").returncode == 0
    assert _updated(_import(tmp_path, book, "orders.csv", ORDERS)) == []
    return book


def _insert_two_columns(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    sheet = wb["Purchases and visits"]
    sheet.insert_cols(3, 2)  # the import's columns B:D -> B, E:F
    sheet["C1"], sheet["D1"] = "Revenue (typed)", "Note"
    sheet["C2"], sheet["C3"] = 120, 80
    wb.save(book)


def _order_cohort_row(book: Path, cohort: int) -> list:
    cohorts = openpyxl.load_workbook(book)["Cohorts"]
    top = next(r for r in range(1, cohorts.max_row + 1) if cohorts.cell(r, 1).value == "First order month") + 1
    return [cohorts.cell(top + cohort, c).value for c in (2, 3, 4)]


def test_a_column_inserted_after_the_import_is_no_change(tmp_path):
    book = _tracker(tmp_path)
    _insert_two_columns(book)
    assert _updated(_import(tmp_path, book, "late.csv", LATE)) == [
        "updated 2 values an earlier import wrote: 'Purchases and visits'!B3 (was 2), 'Cohorts'!B27 (was 1)"
    ]
    sheet = openpyxl.load_workbook(book)["Purchases and visits"]
    assert [sheet[f"{c}3"].value for c in "BCEF"] == [3, 80, 1, 0]  # buyers ann, cid, dan (returning ann); 80 kept
    assert _order_cohort_row(book, 1) == [2, None, None]  # February's cohort: cid, dan


def test_a_value_typed_in_the_moved_column_is_still_refused(tmp_path):
    book = _tracker(tmp_path)
    _insert_two_columns(book)
    wb = openpyxl.load_workbook(book)
    wb["Purchases and visits"]["E3"] = 5  # February's returning customers, typed over the import's 1
    wb.save(book)
    before = book.read_bytes()
    result = _import(tmp_path, book, "late.csv", LATE)
    assert result.returncode == 1
    assert "'Purchases and visits'!E3 = 5" in result.stderr and "--replace-typed" in result.stderr
    assert book.read_bytes() == before


def test_the_order_cohorts_moved_down_by_an_added_month_are_updated(tmp_path):
    book = _tracker(tmp_path)
    assert _order_cohort_row(book, 1) == [1, None, None]
    assert _updated(_import(tmp_path, book, "march.csv", MARCH)) == [
        "updated 2 values an earlier import wrote: 'Purchases and visits'!B3 (was 2), 'Cohorts'!B30 (was 1)"
    ]
    assert openpyxl.load_workbook(book)["Purchases and visits"]["B3"].value == 3
    assert _order_cohort_row(book, 0) == [2, 1, 1]  # January's: ann, bob; ann in February; bob in March
    assert _order_cohort_row(book, 1) == [2, 0, None]


def test_a_record_of_the_previous_version_matches_where_the_cells_were(tmp_path):
    """tests/data/tracker_orders_previous_version.xlsx: ``new --start 2025-01 --months 2`` and ``import --orders`` of
    ORDERS by the version before this one (its record by address)."""
    book = tmp_path / "t.xlsx"
    shutil.copy(DATA / "tracker_orders_previous_version.xlsx", book)
    assert _updated(_import(tmp_path, book, "march.csv", MARCH)) == [
        "updated 2 values an earlier import wrote: 'Purchases and visits'!B3 (was 2), 'Cohorts'!B30 (was 1)"
    ]
    assert _order_cohort_row(book, 1) == [2, 0, None]
    shutil.copy(DATA / "tracker_orders_previous_version.xlsx", book)
    _insert_two_columns(book)
    assert _updated(_import(tmp_path, book, "late.csv", LATE)) == [
        "updated 2 values an earlier import wrote: 'Purchases and visits'!B3 (was 2), 'Cohorts'!B27 (was 1)"
    ]
