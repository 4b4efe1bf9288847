"""import --into refused the most common refresh: an import on 15 November (November partial), then the full export
on 2 December changed November's figures, which the import had written itself, and it refused without
--replace-typed (5e7fa64 could not tell them from typed values).

Now each import records in the workbook (the hidden defined name ``_xlr_imported``) a digest of what it wrote per sheet
and month; a month still holding exactly that is updated without the option, listed in one line; a month typed in
since refuses as before, naming the cell; a tracker without the record behaves as before. The record survives
``extend``, ``recalc`` and a save by LibreOffice.
"""

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from cli_process import run
from libreoffice import recalculate, soffice_path

PARTIAL = "customer_id,month,mrr\na,2025-09,100\nb,2025-10,50\na,2025-10,100\na,2025-11,100\n"
FULL = PARTIAL + "b,2025-11,60\nc,2025-11,30\n"
UPDATED = (
    "updated 7 values an earlier import wrote: 'Customers'!C4 (was 0), 'Customers'!D4 (was 1), 'Revenue'!C4 (was 0), "
    "'Revenue'!D4 (was 0), 'Revenue'!G4 (was 50), 'Cohorts'!C5 (was 0), 'Cohorts'!B6 (was 0)"
)


def _imported(tmp_path: Path, months: int = 4) -> tuple[Path, Path]:
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2025-09", "--months", months).returncode == 0
    subs = tmp_path / "subs.csv"
    subs.write_text(PARTIAL)
    first = run("import", "--subscriptions", subs, "--into", book)
    assert first.returncode == 0, first.stderr
    assert not any(line.startswith("updated") for line in first.stdout.splitlines())
    subs.write_text(FULL)
    return book, subs


def _record(book: Path) -> str:
    with zipfile.ZipFile(book) as package:
        xml = package.read("xl/workbook.xml").decode()
    found = re.search(r'<definedName [^>]*name="_xlr_imported"[^>]*>([^<]*)<', xml)
    assert found is not None, xml
    return found.group(1)


def _check_full(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    # November in full: c signed up (30), b's MRR went from 50 to 60 instead of ending
    assert [wb["Customers"][ref].value for ref in ("C4", "D4")] == [1, 3]
    assert [wb["Revenue"][ref].value for ref in ("C4", "D4", "E4", "F4", "G4")] == [30, 10, 0, 0, 0]
    assert [wb["Cohorts"][ref].value for ref in ("C5", "B6")] == [1, 1]


def test_partial_then_full_month_updates_without_the_option(tmp_path):
    book, subs = _imported(tmp_path)
    assert 'hidden="1"' in zipfile.ZipFile(book).read("xl/workbook.xml").decode()
    result = run("import", "--subscriptions", subs, "--into", book)
    assert result.returncode == 0, result.stderr
    assert UPDATED in result.stdout.splitlines(), result.stdout
    assert "replaced" not in result.stdout
    _check_full(book)


def test_a_value_typed_in_an_imported_month_refuses_naming_it(tmp_path):
    book, subs = _imported(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["Revenue"]["E4"] = 7  # typed by hand in November, which the import wrote
    wb.save(book)
    before = book.read_bytes()
    result = run("import", "--subscriptions", subs, "--into", book)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        "xl-retention: error: t.xlsx: the months the import writes already hold 4 values that differ from the data "
        "(typed by hand or by an earlier import): 4 on Revenue (2025-11): 'Revenue'!C4 = 0, 'Revenue'!D4 = 0, "
        "'Revenue'!E4 = 7, 'Revenue'!G4 = 50; nothing was written: to replace them, import again with "
        "--replace-typed (the console lists every replaced cell with its old value), or clear them, or import into "
        "a copy\n"
    )
    assert book.read_bytes() == before


def test_extend_and_recalc_between_the_imports_keep_the_record(tmp_path):
    book, subs = _imported(tmp_path)
    record = _record(book)
    assert run("extend", book, "--months", "2").returncode == 0
    recalc = run("recalc", book, "--in-place")
    assert recalc.returncode == 0, recalc.stderr
    assert _record(book) == record
    result = run("import", "--subscriptions", subs, "--into", book)
    assert result.returncode == 0, result.stderr
    assert UPDATED in result.stdout.splitlines(), result.stdout
    _check_full(book)


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_a_save_by_libreoffice_keeps_the_record(tmp_path):
    book, subs = _imported(tmp_path)
    saved = recalculate(book, tmp_path / "lo")
    book.write_bytes(saved.read_bytes())
    result = run("import", "--subscriptions", subs, "--into", book)
    assert result.returncode == 0, result.stderr
    assert UPDATED in result.stdout.splitlines(), result.stdout
    _check_full(book)


def test_a_tracker_without_the_record_refuses_as_before(tmp_path):
    book, subs = _imported(tmp_path)
    wb = openpyxl.load_workbook(book)
    del wb.defined_names["_xlr_imported"]  # as a tracker imported into before this version
    wb.save(book)
    result = run("import", "--subscriptions", subs, "--into", book)
    assert result.returncode == 1 and result.stderr.startswith(
        "xl-retention: error: t.xlsx: the months the import writes already hold 7 values that differ from the data "
        "(typed by hand or by an earlier import): 2 on Customers (2025-11), 3 on Revenue (2025-11), 2 on Cohorts "
        "(2025-10 to 2025-11): 'Customers'!C4 = 0, "
    ), result.stderr


def test_a_value_typed_over_a_template_formula_refuses_as_before(tmp_path):
    book, subs = _imported(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["Customers"]["B4"] = 5  # over November's customers at start (a formula): not a value an import wrote
    wb.save(book)
    result = run("import", "--subscriptions", subs, "--into", book)
    assert result.returncode == 1 and result.stderr.startswith(
        "xl-retention: error: t.xlsx: the months the import writes already hold 1 value that differs from the data "
        "(typed by hand or by an earlier import; 1 typed over the template's formulas, which would go back): 1 on "
        "Customers (2025-11): 'Customers'!B4 = 5; nothing was written"
    ), result.stderr


def test_the_record_stays_under_excels_limit_of_a_name_keeping_the_latest_months():
    from xl_retention.workbook.import_record import Entry, parse_record, record_text

    months = [f"{year}-{month:02d}" for year in range(2000, 2030) for month in range(1, 13)]  # 360 months
    record = {
        (title, month): Entry("0123abcd", "2029-12")
        for month in months
        for title in ("Customers", "Revenue", "Cohorts")
    }
    text = record_text(record)
    assert 7900 < len(text) <= 8000  # Excel: 8,192 characters in a name's formula
    kept = parse_record(text)
    assert min(month for _, month in kept) == "2023-10" and max(month for _, month in kept) == "2029-12"
    assert all(record[key] == value for key, value in kept.items())
