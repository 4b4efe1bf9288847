"""``--segment`` on a Shopify order's own column (Source, Billing Country), written on an order's first line-item row
only, its other items' cells blank: the blank is the order's value, not a segment "(blank)" (H213's finding 04: a
customer whose first order had two items was put in "(blank)"), with pandas, DuckDB and the segment filter."""

import pandas as pd
import pytest
from import_cli import run

ORDERS = (
    "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Country,Source\n"
    "#1001,ann@example.com,paid,2026-09-03 10:00:00 -0400,1,Tee,20.00,US,web\n"
    "#1001,ann@example.com,,2026-09-03 10:00:00 -0400,1,Mug,15.00,,\n"
    "#1002,bob@example.com,paid,2026-09-10 12:00:00 -0400,1,Tee,20.00,CA,pos\n"
    "#1003,cy@example.com,paid,2026-09-12 12:00:00 -0400,1,Hoodie,45.00,US,web\n"
    "#1004,ann@example.com,paid,2026-10-05 09:00:00 -0400,1,Mug,15.00,US,web\n"
    "#1005,bob@example.com,paid,2026-10-07 09:00:00 -0400,1,Cap,12.50,CA,pos\n"
    "#1005,bob@example.com,,2026-10-07 09:00:00 -0400,1,Tee,20.00,,\n"
    "#1006,dee@example.com,paid,2026-10-09 09:00:00 -0400,1,Cap,12.50,,\n"  # no value on any row: '(blank)'
)
COLUMNS = "customer_id=Email,date=Created at"


def buyers(out) -> list[tuple[str, str, int, int]]:
    table = pd.read_csv(out / "purchases.csv")
    return [(r.segment, r.month, int(r.buyers), int(r.returning)) for r in table.itertuples()]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("segment", "web", "pos"), [("Source", "web", "pos"), ("Billing Country", "US", "CA")])
def test_an_orders_blank_line_items_take_its_first_rows_segment(tmp_path, segment, web, pos, backend) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(ORDERS)
    out = run(tmp_path, "--orders", path, "--columns", COLUMNS, "--segment", segment, backend=backend)
    assert buyers(out) == [
        ("(blank)", "2026-09", 0, 0), ("(blank)", "2026-10", 1, 0),  # dee's order: blank on its only row
        (pos, "2026-09", 1, 0), (pos, "2026-10", 1, 1),
        (web, "2026-09", 2, 0), (web, "2026-10", 1, 1),  # ann (2 items, the second blank) and cy; ann again
    ]  # fmt: skip


def test_the_segment_filter_keeps_a_customer_of_a_two_item_first_order(tmp_path) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(ORDERS)
    out = run(tmp_path, "--orders", path, "--columns", COLUMNS, "--segment", "Source=web")
    table = pd.read_csv(out / "purchases.csv")
    assert table[["month", "buyers", "returning"]].values.tolist() == [["2026-09", 2, 0], ["2026-10", 1, 1]]
