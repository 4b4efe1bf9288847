"""`xl-retention demo` fills the order cohorts on Cohorts (H321's finding 04: both tables were left empty).

The demo's order cohorts come from sample orders whose months give exactly its Purchases sheet's buyers, repeat and
returning buyers, through the import's own functions (order_tables, fill_workbook)."""

from __future__ import annotations

import openpyxl

from xl_retention.demo import run_demo
from xl_retention.workbook.sample import sample_inputs


def test_sample_orders_give_the_purchases_sheets_counts() -> None:
    from xl_retention.workbook.sample_orders import order_inputs, sample_orders

    purchases = sample_inputs(24)["Purchases and visits"]
    bought, cohorts = order_inputs(sample_orders(purchases, "2024-12"), "2024-12")
    assert bought["buyers"].tolist() == purchases["buyers"]
    assert bought["repeat_purchasers"].tolist() == purchases["repeat"]
    assert bought["returning"].tolist() == purchases["returning"]
    # each first-order month's cohort is its first-time buyers
    first_time = [b - r for b, r in zip(purchases["buyers"], purchases["returning"], strict=True)]
    assert cohorts[0].tolist() == first_time
    assert str(cohorts.index[0]) == "2024-12" and cohorts.shape == (24, 24)


def test_demo_fills_both_order_cohort_tables(tmp_path) -> None:
    report, _ = run_demo(tmp_path / "demo.xlsx", start="2024-12")
    assert report.status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "demo.xlsx", data_only=True)["Cohorts"]
    assert ws["A89"].value.startswith("Order cohorts: customers of each first-order month")
    counts = [[c.value for c in row] for row in ws["B92:Y115"]]
    purchases = sample_inputs(24)["Purchases and visits"]
    assert [row[0] for row in counts] == [
        b - r for b, r in zip(purchases["buyers"], purchases["returning"], strict=True)
    ]
    assert counts[0][:4] == [297, 39, 28, 14]
    assert counts[-1][:2] == [286, None]  # the last cohort has its Month 0 only
    assert sum(sum(v for v in row if v is not None) for row in counts) == 7956
    assert sum(v is not None for row in counts for v in row) == 300  # the triangle, as the survivors'
    assert ws["A117"].value == "Order cohorts: share of each cohort ordering k months later"
    shares = [c.value for c in ws["B119:D119"][0]]
    assert shares[0] == 1 and round(shares[1], 6) == round(39 / 297, 6) and round(shares[2], 6) == round(28 / 297, 6)
