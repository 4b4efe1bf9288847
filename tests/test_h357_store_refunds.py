"""H357's task 1: App Store Connect's refund rows read as refunds of the purchase their "Purchase Date" names.

The Subscriber report has no order id: the refund of subscriber 9002's 2026-02-28 renewal (Refund Yes, Units -1,
Developer Proceeds 6.30, Purchase Date 2026-02-28, made 2026-03-10) was left out with no word and the renewal counted
whole (Jan cohort 12.60, 12.60, 6.30; February 2 buyers). By hand: 9002's February purchase refunded in full is none:
February 1 buyer (9001), the Jan cohort 12.60, 6.30 (9001), 6.30 (9002's March). Its proceeds written negative too
(-6.30 x Units -1) read as a sale of 6.30 in March (12.60) without a Refund column, and were refused with one. A refund
whose purchase is not in the file is left out as before, said in a note naming its row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.workbook.importer import load_tables

HEADER = "Event Date\tDeveloper Proceeds\tProceeds Currency\tSubscriber ID\tRefund\tPurchase Date\tUnits\n"
SALES = """2026-01-05\t6.3\tEUR\t9001\t\t2026-01-05\t1
2026-02-05\t6.3\tEUR\t9001\t\t2026-02-05\t1
2026-01-31\t6.3\tEUR\t9002\t\t2026-01-31\t1
2026-02-28\t6.3\tEUR\t9002\t\t2026-02-28\t1
2026-03-31\t6.3\tEUR\t9002\t\t2026-03-31\t1
"""
COLUMNS = {"customer_id": "Subscriber ID", "date": "Event Date", "amount": "Developer Proceeds"}
PLACED = (
    "sub.txt, column 'Purchase Date': refund rows taken off the purchase of their customer on their 'Purchase Date' "
    "(the date of the purchase refunded) in row 7 (counting the header as row 1): '2026-02-28'"
)


def _load(tmp_path: Path, text: str, backend: str = "pandas") -> object:
    path = tmp_path / "sub.txt"
    path.write_text(text)
    return load_tables(orders=path, columns=COLUMNS, backend=backend)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("refund", ["2026-03-10\t6.3\tEUR\t9002\tYes\t2026-02-28\t-1",
                                    "2026-03-10\t-6.3\tEUR\t9002\tYes\t2026-02-28\t-1"])  # fmt: skip
def test_refund_taken_off_the_purchase_it_names(tmp_path: Path, refund: str, backend: str) -> None:
    tables = _load(tmp_path, HEADER + SALES + refund + "\n", backend)
    assert tables.purchases["buyers"].tolist() == [2, 1, 1]
    assert tables.order_revenue_cohorts.iloc[0].round(2).tolist() == [12.6, 6.3, 6.3]
    assert PLACED in tables.notes


def test_proceeds_and_units_both_negative_without_refund_column(tmp_path: Path) -> None:
    text = (HEADER + SALES + "2026-03-10\t-6.3\tEUR\t9002\tYes\t2026-02-28\t-1\n").replace("\tRefund", "")
    tables = _load(tmp_path, "\n".join(line.replace("\tYes", "").replace("\t\t", "\t") for line in text.split("\n")))
    assert tables.purchases["buyers"].tolist() == [2, 1, 1]
    assert tables.order_revenue_cohorts.iloc[0].round(2).tolist() == [12.6, 6.3, 6.3]


def test_refund_of_a_purchase_not_in_the_file_is_noted(tmp_path: Path) -> None:
    tables = _load(tmp_path, HEADER + SALES + "2026-03-10\t6.3\tEUR\t9002\tYes\t2025-12-28\t-1\n")
    assert tables.purchases["buyers"].tolist() == [2, 2, 1]
    assert tables.order_revenue_cohorts.iloc[0].round(2).tolist() == [12.6, 12.6, 6.3]
    assert (
        "sub.txt, column 'Developer Proceeds': refund rows whose purchase is not in the file (no purchase of that "
        "customer on their 'Purchase Date' as large as the refund) in row 7 (counting the header as row 1): \"6.30 of "
        "'9002'\": left out, as a refund without an order id is (the purchase refunded, if it is in an earlier "
        "export, still counts whole there)"
    ) in tables.notes, tables.notes
