"""`import --into` kept survivors typed on Cohorts for cohorts before the data's first month in the calendar months it
wrote (H486's finding 06): a tracker of Oct 2025 - Mar 2026 with the Oct, Nov and Dec cohorts typed to March, an
export starting in January: "import wrote the months its data covers (2026-01 to 2026-03) on Customers, Revenue,
Cohorts", exit 0, yet Cohorts!E4:G4 still held the Oct cohort's 16, 16, 15 in Jan - Mar (the data: no customer before
January), and the sBG fit (alpha 0.3145, beta 3.578) mixed them with the 3 imported customers, no cell named.

Now they are values of the imported months that differ from the data, as README's contract has it: the import
refuses, naming them, the file untouched; --replace-typed clears them, listing each with its old value, and (H521)
those cohorts' months before the data too: kept, they stayed in the sBG fit (5 lost of 57 at risk, the typed 20, 18,
17 ... among them) with the data's months of them blank, which the fit reads as not observed yet. The order cohorts
follow the same rule.
"""

from pathlib import Path

import openpyxl
from cli_process import run

SUBSCRIPTIONS = (
    "customer_id,month,mrr\na,2026-01,10\nb,2026-01,20\na,2026-02,10\nb,2026-02,20\na,2026-03,10\nc,2026-03,5\n"
)
TYPED = {4: [20, 18, 17, 16, 16, 15], 5: [15, 14, 13, 13, 12], 6: [12, 11, 11, 10]}  # Oct, Nov, Dec 2025 cohorts


def _tracker(tmp_path: Path, top: int = 4) -> Path:
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2025-10", "--months", "6").returncode == 0
    wb = openpyxl.load_workbook(book)
    for row, counts in TYPED.items():
        for j, count in enumerate(counts):
            wb["Cohorts"].cell(row - 4 + top, 2 + j, count)
    wb.save(book)
    (tmp_path / "subs.csv").write_text(SUBSCRIPTIONS)
    return book


def test_survivors_of_cohorts_before_the_data_in_its_months_refuse_naming_them(tmp_path):
    book = _tracker(tmp_path)
    before = book.read_bytes()
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--into", book)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        "xl-retention: error: t.xlsx: the months the import writes already hold 9 values that differ from the data "
        "(typed by hand or by an earlier import): 9 on Cohorts: 'Cohorts'!E4 = 16, 'Cohorts'!F4 = 16, 'Cohorts'!G4 = "
        "15, 'Cohorts'!D5 = 13, 'Cohorts'!E5 = 13, 'Cohorts'!F5 = 12, ...; 9 of them are the survivors on Cohorts of "
        "cohorts before 2026-01, in 2026-01 to 2026-03: subs.csv starts in 2026-01 and has no customer of those "
        "cohorts (the sBG fit would mix them with its own): --replace-typed clears those cohorts' rows (their months "
        "before 2026-01 too), or import subs.csv from those cohorts' first month on; nothing was written: to replace "
        "them, import again with --replace-typed (the console lists every replaced cell with its old value), or "
        "clear them, or import into a copy\n"
    )
    assert book.read_bytes() == before


def test_with_the_option_they_are_cleared_and_listed_the_months_before_too(tmp_path):
    book = _tracker(tmp_path)
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--into", book, "--replace-typed", "--recalc")
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert (
        "replaced 15 values already in those months (typed by hand or by an earlier import; --replace-typed): "
        "'Cohorts'!E4 (was 16), 'Cohorts'!F4 (was 16), 'Cohorts'!G4 (was 15), 'Cohorts'!D5 (was 13), 'Cohorts'!E5 "
        "(was 13), 'Cohorts'!F5 (was 12), 'Cohorts'!C6 (was 11), 'Cohorts'!D6 (was 11), 'Cohorts'!E6 (was 10), "
        "'Cohorts'!B4 (was 20), 'Cohorts'!C4 (was 18), 'Cohorts'!D4 (was 17), 'Cohorts'!B5 (was 15), 'Cohorts'!C5 "
        "(was 14), 'Cohorts'!B6 (was 12)"
    ) in lines
    assert (
        "Cohorts: the survivors of the cohorts before 2026-01 are cleared (15, listed above), in 2026-01 to 2026-03 "
        "and in their months before 2026-01: subs.csv starts in 2026-01 and has no customer of those cohorts (kept, "
        "those months would stay in the sBG fit with the months from 2026-01 blank, read as not observed yet)"
    ) in lines
    co = openpyxl.load_workbook(book, data_only=True)["Cohorts"]
    rows = [[co.cell(r, c).value for c in range(2, 8)] for r in range(4, 10)]
    assert rows == [
        [None, None, None, None, None, None],  # Oct 2025: its months before the data cleared too
        [None, None, None, None, None, None],
        [None, None, None, None, None, None],
        [2, 2, 1, None, None, None],  # the imported cohorts
        [0, 0, None, None, None, None],
        [1, None, None, None, None, None],
    ]
    # no longer alpha 0.3145, beta 3.578 from the typed 16, 16, 15 ..., nor 5 lost of 57 at risk with the typed 20,
    # 18, 17 ...: the data's own, 1 lost of 4 at risk, no heterogeneity
    assert co["B22"].value == "#NUM!" and "mean churn 0.25:" in result.stdout
    assert result.returncode == 0  # a fit with no finite maximum is a model's answer, not an incomplete file
    again = run("import", "--subscriptions", tmp_path / "subs.csv", "--into", book)  # the same data: nothing differs
    assert again.returncode == 0 and "replaced" not in again.stdout, again.stdout + again.stderr


def test_order_cohorts_before_the_orders_follow_the_same_rule(tmp_path):
    book = _tracker(tmp_path, top=38)  # the order cohorts' table: Order_Cohort_Counts
    orders = tmp_path / "orders.csv"
    orders.write_text("customer_id,date,amount\nx,2026-01-03,10\ny,2026-01-09,4\nx,2026-02-03,12\nz,2026-03-01,5\n")
    result = run("import", "--orders", orders, "--into", book)
    assert result.returncode == 1
    assert (
        "9 on Cohorts: 'Cohorts'!E38 = 16, 'Cohorts'!F38 = 16, 'Cohorts'!G38 = 15, 'Cohorts'!D39 = 13, 'Cohorts'!E39 "
        "= 13, 'Cohorts'!F39 = 12, ...; 9 of them are the order cohorts on Cohorts of cohorts before 2026-01, in "
        "2026-01 to 2026-03: orders.csv starts in 2026-01 and has no customer of those cohorts (its rates would mix "
        "them): --replace-typed clears those cohorts' rows (their months before 2026-01 too)"
    ) in result.stderr
    result = run("import", "--orders", orders, "--into", book, "--replace-typed")
    assert result.returncode == 0, result.stderr
    co = openpyxl.load_workbook(book)["Cohorts"]
    assert [co.cell(38, c).value for c in range(2, 8)] == [None] * 6  # its months before the orders too
    assert [co.cell(41, c).value for c in range(2, 5)] == [2, 1, 0]  # x and y in January, x again in February


def test_a_cohort_typed_only_before_the_data_is_kept_beside_one_that_reaches_it(tmp_path):
    """H524's finding 02: the Sep 2025 cohort typed only in Sep - Dec (30, 25, 22, 20) was cleared with the Oct
    cohort's row as soon as the Oct cohort had cells in the data's months; alone it was kept. Kept either way now."""
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2025-09", "--months", "7").returncode == 0
    wb = openpyxl.load_workbook(book)
    for j, count in enumerate([30, 25, 22, 20]):  # Sep 2025 cohort: Sep - Dec only
        wb["Cohorts"].cell(4, 2 + j, count)
    for j, count in enumerate([20, 18, 17, 16, 16, 15]):  # Oct 2025 cohort: to Mar 2026
        wb["Cohorts"].cell(5, 2 + j, count)
    wb.save(book)
    (tmp_path / "subs.csv").write_text(SUBSCRIPTIONS)
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--into", book, "--replace-typed")
    assert result.returncode == 0, result.stderr
    assert (
        "replaced 6 values already in those months (typed by hand or by an earlier import; --replace-typed): "
        "'Cohorts'!E5 (was 16), 'Cohorts'!F5 (was 16), 'Cohorts'!G5 (was 15), 'Cohorts'!B5 (was 20), 'Cohorts'!C5 "
        "(was 18), 'Cohorts'!D5 (was 17)"
    ) in result.stdout.splitlines()
    co = openpyxl.load_workbook(book)["Cohorts"]
    assert [co.cell(4, c).value for c in range(2, 9)] == [30, 25, 22, 20, None, None, None]  # Sep 2025: as typed
    assert [co.cell(5, c).value for c in range(2, 9)] == [None] * 7  # Oct 2025: cleared, its months before too
