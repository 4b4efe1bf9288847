"""Imports of different inputs in separate runs kept one record entry per sheet and month, each replacing the other's
(H143's finding 01): `import --visits --into` after `import --orders --into` recorded only the visits' cells of
'Purchases and visits', so next month's orders refresh was refused as typed by hand; an orders import after a
subscriptions import did the same to the Cohorts rows (the survivors and the order cohorts share a row).

Now the visits' columns and the order cohorts are recorded under their own entries, apart from the orders' and the
survivors' of the same sheet and month: each refresh is updated without --replace-typed.
"""

from pathlib import Path

import openpyxl
from cli_process import run

SUBSCRIPTIONS = "customer_id,month,mrr\na,2025-01,100\nb,2025-02,50\n"
ORDERS = "customer_id,date,amount\nx,2025-01-03,10\ny,2025-01-09,4\nx,2025-02-03,12\n"
VISITS = "visitor_id,date\nv1,2025-01-01\nv1,2025-02-01\nv2,2025-02-02\n"


def _import(tmp_path: Path, book: Path, kind: str, name: str, text: str):
    source = tmp_path / name
    source.write_text(text)
    result = run("import", f"--{kind}", source, "--into", book)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith(("updated", "replaced"))]


def test_each_input_imported_on_its_own_is_refreshed_without_the_option(tmp_path):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2025-01", "--months", "3").returncode == 0
    assert _import(tmp_path, book, "subscriptions", "subs.csv", SUBSCRIPTIONS) == []
    assert _import(tmp_path, book, "orders", "orders.csv", ORDERS) == []
    assert _import(tmp_path, book, "visits", "visits.csv", VISITS) == []
    # next export of the orders: y ordered again in February (the month in progress)
    assert _import(tmp_path, book, "orders", "orders2.csv", ORDERS + "y,2025-02-20,5\n") == [
        "updated 3 values an earlier import wrote: 'Purchases and visits'!B3 (was 1), "
        "'Purchases and visits'!C3 (was 1), 'Cohorts'!C29 (was 1)"
    ]
    # and of the subscriptions: b's February MRR was 60
    assert _import(tmp_path, book, "subscriptions", "subs2.csv", SUBSCRIPTIONS.replace("50", "60")) == [
        "updated 1 value an earlier import wrote: 'Revenue'!C3 (was 50)"
    ]
    wb = openpyxl.load_workbook(book)
    purchases = wb["Purchases and visits"]
    assert [purchases[f"{c}3"].value for c in "BCDGH"] == [2, 2, 0, 2, 1]  # February: x, y; v1, v2
    assert [wb["Revenue"][ref].value for ref in ("C2", "C3")] == [100, 60]
    # survivors: a (January) gone in February, b (February); order cohorts: x and y ordered in January and February
    assert [wb["Cohorts"][ref].value for ref in ("B4", "C4", "B5", "B29", "C29")] == [1, 0, 1, 2, 2]
