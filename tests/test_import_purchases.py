"""Orders in the tracker and in --to-csv: the same counts and the same two rates, month by month.

docs/metrics.md ("Orders"): a repeat purchaser ordered more than once THAT month (repeat purchase rate =
repeat purchasers / buyers); a returning customer had ordered in an EARLIER month (returning customer
rate = returning customers / buyers). The workbook's "Purchases and visits" sheet and purchases.csv must
show the same numbers under the same names.
"""

import csv
from pathlib import Path

import openpyxl
from cli_process import run

from xl_retention.workbook import build_template
from xl_retention.workbook.template import PURCHASES, column_letter

# Hand-counted, month by month (buyers, repeat purchasers, returning customers):
#   2026-01: a twice (repeat, not returning: their first month), b once          -> 2, 1, 0
#   2026-02: c once                                                               -> 1, 0, 0
#   2026-03: b back (returning), d twice (repeat), a's refund is not an order     -> 2, 1, 1
#   2026-04: a once (returning), c twice (repeat and returning)                   -> 2, 1, 2
#   2026-05: nobody (rates blank)                                                 -> 0, 0, 0
#   2026-06: e once                                                               -> 1, 0, 0
ORDERS = """customer_id,date,amount
a,2026-01-05,10
a,2026-01-20,12
b,2026-01-10,30
c,2026-02-01,8
b,2026-03-02,30
d,2026-03-05,5
d,2026-03-06,6
a,2026-03-07,-12
a,2026-04-11,10
c,2026-04-02,8
c,2026-04-29,9
e,2026-06-15,20
"""
EXPECTED = [  # month, buyers, repeat purchasers, returning, repeat purchase rate, returning customer rate
    ["2026-01", 2, 1, 0, 0.5, 0.0],
    ["2026-02", 1, 0, 0, 0.0, 0.0],
    ["2026-03", 2, 1, 1, 0.5, 0.5],
    ["2026-04", 2, 1, 2, 0.5, 1.0],
    ["2026-05", 0, 0, 0, None, None],
    ["2026-06", 1, 0, 0, 0.0, 0.0],
]
KEYS = ("buyers", "repeat", "returning", "rate", "returning_rate")
CSV_COLUMNS = ("buyers", "repeat_purchasers", "returning", "repeat_purchase_rate", "returning_rate")


def _csv_number(text: str) -> int | float | None:
    if text == "":
        return None
    number = float(text)
    return int(number) if number.is_integer() and "." not in text else number


def test_tracker_and_to_csv_give_the_same_purchases_month_by_month(tmp_path: Path) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS)
    # 4 months: May and June are added by the import, so grown rows are checked as well as the template's
    book = build_template(tmp_path / "tracker.xlsx", start="2026-01", months=4)
    result = run("import", "--orders", orders, "--into", book, "--recalc")
    assert result.returncode == 0, result.stderr
    result = run("import", "--orders", orders, "--to-csv", tmp_path / "out")
    assert result.returncode == 0, result.stderr

    with (tmp_path / "out" / "purchases.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    from_csv = [[row["month"], *(_csv_number(row[c]) for c in CSV_COLUMNS)] for row in rows]

    ws = openpyxl.load_workbook(book, data_only=True)[PURCHASES.title]
    letters = [column_letter(PURCHASES, key) for key in KEYS]
    from_book = [
        [ws[f"A{r}"].value.strftime("%Y-%m"), *(ws[f"{letter}{r}"].value for letter in letters)]
        for r in range(2, 2 + len(EXPECTED))
    ]
    assert from_csv == EXPECTED
    assert from_book == EXPECTED  # exact: the same doubles, blank where nobody bought
    # and the template's headers say which count is which
    assert [ws[f"{letter}1"].value for letter in letters] == [
        "Customers who bought",
        "Repeat purchasers (more than one order that month)",
        "Returning customers (ordered in an earlier month)",
        "Repeat purchase rate",
        "Returning customer rate",
    ]


def _old_tracker(path: Path) -> Path:
    """A tracker as made before repeat purchasers had a column: buyers, 'Of whom returning', and a
    'Repeat purchase rate' that divided returning customers by buyers."""
    build_template(path, start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb[PURCHASES.title]
    ws.delete_cols(5)  # Returning customer rate
    ws.delete_cols(4)  # Repeat purchasers
    ws["C1"] = "Of whom returning"
    for r in range(2, 8):
        ws[f"D{r}"] = f'=IF(OR(AND(C{r}="",B{r}=""),AND(ISNUMBER(B{r}),B{r}=0)),"",REPEAT_PURCHASE_RATE(C{r},B{r}))'
        ws[f"G{r}"] = f'=IF(OR(AND(F{r}="",E{r}=""),AND(ISNUMBER(E{r}),E{r}=0)),"",RETURNING_VISITOR_RATE(F{r},E{r}))'
    wb.save(path)
    assert [c.value for c in ws[1]][:7] == [
        "Month", "Customers who bought", "Of whom returning", "Repeat purchase rate", "Visitors",
        "Returning visitors", "Returning visitor rate",
    ]  # fmt: skip
    return path


def test_an_old_tracker_refuses_orders_naming_the_missing_column_and_stays_as_it_was(tmp_path: Path) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS)
    book = _old_tracker(tmp_path / "old.xlsx")
    before = book.read_bytes()
    result = run("import", "--orders", orders, "--into", book)
    assert result.returncode == 1
    assert result.stderr == (
        "xl-retention: error: Purchases and visits: no column 'Returning customers (ordered in an earlier month)' "
        "in row 1 (the header it writes under); trackers made before it compute 'Repeat purchase rate' from "
        "returning customers: make a new tracker (xl-retention new NEW.xlsx --start YYYY-MM) and import into it\n"
    )
    assert book.read_bytes() == before
    # visits do not need that column: they go in (the visits columns are as they were)
    visits = tmp_path / "visits.csv"
    visits.write_text("visitor_id,date\nv1,2026-01-01\nv1,2026-02-01\nv2,2026-02-03\n")
    result = run("import", "--visits", visits, "--into", book)
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(book)[PURCHASES.title]
    assert [[ws[f"{c}{r}"].value for c in "BCEF"] for r in (2, 3)] == [[None, None, 1, 0], [None, None, 2, 1]]


def test_an_old_tracker_grows_months_with_its_own_rate_as_extend_does(tmp_path: Path) -> None:
    # subscriptions past its last month: the Purchases sheet gets the month with its rate of "Of whom returning"
    # over buyers, as extend gives it (H399; it refused before, naming the column its layout lacks)
    subscriptions = tmp_path / "subs.csv"
    months = "".join(f"a,2026-{m:02d},10\n" for m in range(1, 8))  # to July: one month past June
    subscriptions.write_text("customer_id,month,mrr\n" + months)
    book = _old_tracker(tmp_path / "old.xlsx")
    result = run("import", "--subscriptions", subscriptions, "--into", book)
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(book)[PURCHASES.title]
    number = 'IF({x}="","",IF(ISLOGICAL({x}),#VALUE!,IFERROR({x}+0,{x})))'  # a boolean typed there refused (H474)
    b, c = number.format(x="B8"), number.format(x="C8")
    assert ws["A8"].value.strftime("%Y-%m") == "2026-07" and (ws["B8"].value, ws["C8"].value) == (None, None)
    assert ws["D8"].value == (
        f'=IF(OR(AND(C8="",B8=""),AND(ISNUMBER({b}),{b}=0,NOT(IFERROR(C8+0<>0,FALSE)))),"",REPEAT_PURCHASE_RATE({c},{b}))'
    )
    assert ws["D7"].value == ws["D8"].value.replace("8", "7")
