"""import --orders with an amount --into a tracker computed the order revenue and wrote it nowhere, saying nothing
(H143's finding 04): a shop manager mapping the amount believed revenue was tracked. The tracker has no cell for it
(Purchases and visits holds counts, the Cohorts sheet the order cohorts' counts): now the import says so, and where
the revenue goes (--to-csv).
"""

from pathlib import Path

from cli_process import run

ORDERS = "customer_id,date,amount\nx,2025-01-03,10\ny,2025-01-09,4\nx,2025-02-03,12\n"
NOTE = (
    "order revenue not written: t.xlsx has no place for it (its orders are counts of buyers and customers, and the "
    "order cohorts); --to-csv DIR writes it per cohort and month (order_revenue_cohorts.csv)"
)


def test_an_orders_import_with_amounts_says_the_tracker_holds_no_revenue(tmp_path: Path):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2025-01", "--months", "3").returncode == 0
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS)
    result = run("import", "--orders", orders, "--into", book)
    assert result.returncode == 0, result.stderr
    assert NOTE in result.stdout.splitlines(), result.stdout
    out = tmp_path / "out"
    assert run("import", "--orders", orders, "--to-csv", out).returncode == 0
    # the January cohort: 14 in its first month (x 10, y 4), 12 in its second (x)
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[:2] == ["cohort,0,1", "2025-01,14.0,12.0"]
    # without amounts nothing is said of it
    orders.write_text("customer_id,date\nx,2025-01-03\ny,2025-01-09\n")
    again = run("import", "--orders", orders, "--into", book, "--replace-typed")
    assert again.returncode == 0, again.stderr
    assert not any(line.startswith("order revenue not written") for line in again.stdout.splitlines())
