"""A refresh of the tracker updated, without --replace-typed, values an earlier import wrote in months that were closed
when it ran (H141's findings 00, 01, 04): a second billing system's export replaced the first's, a current-state export
moved today's price back over past months, an export of active subscriptions erased recorded churn; exit 0, one line.

Now the record (``_xlr_imported``) keeps, per sheet and month, the last month of the data of the import that wrote it
(the month in progress then); a refresh updates without the option that month and later ones only; a changed value of
an earlier month stops the import, nothing written, naming the months, the first cells old -> new and the total, why,
and what to do. The README's refresh (partial November, then the full export) still updates November
(tests/test_import_record.py).
"""

import re
import zipfile
from pathlib import Path

import openpyxl
from cli_process import run

# through October: a (100) and b (50) from September, b gone in October
NOV = "customer_id,month,mrr\na,2025-09,100\nb,2025-09,50\na,2025-10,100\n"
# the December export filtered on active subscriptions: b (who left in October) is missing
ACTIVE_ONLY = "customer_id,month,mrr\na,2025-09,100\na,2025-10,100\na,2025-11,100\n"
# the full December export: a's upgrade counted from October (the month in progress at the first import)
DEC = "customer_id,month,mrr\na,2025-09,100\nb,2025-09,50\na,2025-10,120\na,2025-11,120\n"

WHY = (
    "nothing was written: past months change when the file is another source (a second billing system or shop), a "
    "filtered export (active subscriptions only), today's prices and plans moved back over past months (a "
    "current-state export) or orders refunded since; combine the exports into one file, import a history export, or, "
    "to take the new figures (a refund), import again with --replace-typed (the console lists every replaced cell "
    "with its old value)\n"
)


def _tracker(tmp_path: Path) -> Path:
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2025-09", "--months", "4").returncode == 0
    first = _import(tmp_path, book, NOV, "nov.csv")
    assert first.returncode == 0, first.stderr
    return book


def _import(tmp_path: Path, book: Path, text: str, name: str, *options: str):
    source = tmp_path / name
    source.write_text(text)
    return run("import", "--subscriptions", source, "--into", book, *options)


def _values(book: Path, sheet: str, refs: str) -> list:
    ws = openpyxl.load_workbook(book)[sheet]
    return [ws[ref].value for ref in refs.split()]


def test_a_filtered_export_changing_a_closed_month_refuses_writing_nothing(tmp_path):
    book = _tracker(tmp_path)
    before = book.read_bytes()
    result = _import(tmp_path, book, ACTIVE_ONLY, "dec.csv")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        "xl-retention: error: t.xlsx: the data changes 4 values an earlier import wrote in months already closed when "
        "it ran (its data went through 2025-10; a refresh updates that month and later ones): 2 on Customers "
        "(2025-09), 1 on Revenue (2025-09), 1 on Cohorts (2025-09): 'Customers'!C2 2 -> 1, 'Customers'!D2 2 -> 1, "
        "'Revenue'!C2 150 -> 100, 'Cohorts'!B4 2 -> 1; " + WHY
    )
    assert book.read_bytes() == before


def test_the_month_in_progress_is_updated_then_closed_for_the_next_refresh(tmp_path):
    book = _tracker(tmp_path)
    result = _import(tmp_path, book, DEC, "dec.csv")
    assert result.returncode == 0, result.stderr
    assert "updated 1 value an earlier import wrote: 'Revenue'!D3 (was 0)" in result.stdout.splitlines()
    assert _values(book, "Revenue", "C2 D3 G3 D4") == [150, 20, 50, 0]
    assert _values(book, "Customers", "D2 D3 D4") == [2, 1, 1]
    # October was in progress at the first import, closed at this one (its data went through November)
    before = book.read_bytes()
    again = _import(tmp_path, book, ACTIVE_ONLY, "jan.csv")
    assert again.returncode == 1
    assert again.stderr.startswith(
        "xl-retention: error: t.xlsx: the data changes 6 values an earlier import wrote in months already closed "
        "when it ran (its data went through 2025-11; a refresh updates that month and later ones): 2 on Customers "
        "(2025-09), 3 on Revenue (2025-09 to 2025-10), 1 on Cohorts (2025-09): 'Customers'!C2 2 -> 1, "
        "'Customers'!D2 2 -> 1, 'Revenue'!C2 150 -> 100, 'Revenue'!D3 20 -> 0, 'Revenue'!G3 50 -> 0, "
        "'Cohorts'!B4 2 -> 1; nothing was written"
    ), again.stderr
    assert book.read_bytes() == before


def test_replace_typed_takes_the_closed_months_listing_each_cell(tmp_path):
    book = _tracker(tmp_path)
    result = _import(tmp_path, book, ACTIVE_ONLY, "dec.csv", "--replace-typed")
    assert result.returncode == 0, result.stderr
    assert (
        "updated 5 values an earlier import wrote: 'Customers'!C2 (was 2), 'Customers'!D2 (was 2), 'Revenue'!C2 "
        "(was 150), 'Revenue'!G3 (was 50), 'Cohorts'!B4 (was 2)"
    ) in result.stdout.splitlines(), result.stdout
    assert "replaced" not in result.stdout
    assert _values(book, "Revenue", "C2 G3 C4") == [100, 0, 0]


def test_a_record_without_last_months_counts_its_latest_month(tmp_path):
    """A record written before the last month was kept (title|month|digest): the record's latest month, 2025-10."""
    book = _tracker(tmp_path)
    with zipfile.ZipFile(book) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["xl/workbook.xml"].decode()
    old = re.sub(r'(name="_xlr_imported"[^>]*>)([^<]*)', lambda m: m[1] + re.sub(r'\|\d{4}-\d{2}"', '"', m[2]), xml)
    assert old != xml and '|2025-10"' not in old
    parts["xl/workbook.xml"] = old.encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    refused = _import(tmp_path, book, ACTIVE_ONLY, "dec.csv")
    assert refused.returncode == 1 and "(its data went through 2025-10;" in refused.stderr, refused.stderr
    result = _import(tmp_path, book, DEC, "dec2.csv")
    assert result.returncode == 0, result.stderr
    assert "updated 1 value an earlier import wrote: 'Revenue'!D3 (was 0)" in result.stdout.splitlines()
