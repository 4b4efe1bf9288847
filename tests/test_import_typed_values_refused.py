"""import --into over hand-typed months replaced every typed value (notes and 'n/a' too) with exit 0, naming six of
them "and N more" and keeping no copy (H121's finding 02), while the same run refused to replace typed NPS answers.

Now a value in the imported months that differs from the data (typed by hand or by an earlier import) refuses, naming
the sheets, months, the first cells with their values and the total, the file untouched; ``--replace-typed`` replaces
them and lists every one with its old value. The same data imported again changes nothing, so it needs no option.
"""

from pathlib import Path

import openpyxl
from cli_process import run

SUBSCRIPTIONS = "customer_id,month,mrr\na,2025-01,100\nb,2025-01,50\na,2025-02,120\nc,2025-02,30\na,2025-03,120\n"


def _typed_tracker(tmp_path: Path) -> tuple[Path, Path]:
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2025-01", "--months", "4").returncode == 0
    (tmp_path / "fresh.xlsx").write_bytes(book.read_bytes())
    wb = openpyxl.load_workbook(book)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["C2"], customers["D3"], customers["B3"], customers["C4"] = 20, "n/a", 999, 1  # B3: over a formula
    revenue["C3"], revenue["E2"], revenue["B2"] = "1,200", "see Bob's email", 150
    wb.save(book)
    subs = tmp_path / "subs.csv"
    subs.write_text(SUBSCRIPTIONS)
    return book, subs


def test_typed_values_in_the_imported_months_refuse_naming_them(tmp_path):
    book, subs = _typed_tracker(tmp_path)
    before = book.read_bytes()
    result = run("import", "--subscriptions", subs, "--into", book)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        "xl-retention: error: t.xlsx: the months the import writes already hold 7 values that differ from the data "
        "(typed by hand or by an earlier import; 1 typed over the template's formulas, which would go back): 4 on "
        "Customers (2025-01 to 2025-03), 3 on Revenue (2025-01 to 2025-02): 'Customers'!C2 = 20, 'Customers'!D3 = "
        "\"n/a\", 'Customers'!C4 = 1, 'Revenue'!E2 = \"see Bob's email\", 'Revenue'!C3 = \"1,200\", 'Revenue'!B2 = "
        "150, ...; nothing was written: to replace them, import again with --replace-typed (the console lists every "
        "replaced cell with its old value), or clear them, or import into a copy\n"
    )
    assert book.read_bytes() == before


def test_with_the_option_every_replaced_cell_is_listed_with_its_old_value(tmp_path):
    book, subs = _typed_tracker(tmp_path)
    result = run("import", "--subscriptions", subs, "--into", book, "--replace-typed")
    assert result.returncode == 0, result.stderr
    assert (
        "replaced 7 values already in those months (typed by hand or by an earlier import; --replace-typed): "
        "'Customers'!C2 (was 20), 'Customers'!D3 (was \"n/a\"), 'Customers'!C4 (was 1), 'Revenue'!E2 (was \"see "
        "Bob's email\"), 'Revenue'!C3 (was \"1,200\"), 'Revenue'!B2 (was 150), 'Customers'!B3 (was 999)"
    ) in result.stdout.splitlines()
    wb, fresh = openpyxl.load_workbook(book), openpyxl.load_workbook(tmp_path / "fresh.xlsx")
    assert [wb["Customers"][ref].value for ref in ("C2", "D3", "C4")] == [2, 2, 0]
    assert wb["Customers"]["B3"].value == fresh["Customers"]["B3"].value  # the template's formula back
    assert [wb["Revenue"][ref].value for ref in ("B2", "C3", "E2")] == [0, 30, 0]
    again = run("import", "--subscriptions", subs, "--into", book)  # the same data again: nothing differs
    assert again.returncode == 0 and "replaced" not in again.stdout, again.stdout + again.stderr


def test_the_option_goes_with_into(tmp_path):
    subs = tmp_path / "subs.csv"
    subs.write_text(SUBSCRIPTIONS)
    result = run("import", "--subscriptions", subs, "--to-csv", tmp_path / "out", "--replace-typed")
    assert result.returncode == 1 and result.stderr == "xl-retention: error: --replace-typed goes with --into\n"
