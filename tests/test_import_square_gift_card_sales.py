"""Square's "Gift Card Sales" inside its "Total Collected": a gift card sold is paid in advance for a later sale (the
revenue, once), so it is taken off where another column ('Net Sales') is the amount less it, and refused where that
cannot be told (H213's finding 06: an eGift card of 50.00 counted as the month's revenue, under exit 0)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEAD = (
    "Date,Gross Sales,Discounts,Net Sales,Gift Card Sales,Tax,Tip,Total Collected,Transaction ID,Event Type,"
    "Customer ID\n"
)
SQUARE = HEAD + (
    "2026-01-05,$40.00,-$5.00,$35.00,$0.00,$3.10,$0.00,$38.10,t1,Payment,C1\n"
    "2026-01-09,$0.00,$0.00,$0.00,$50.00,$0.00,$0.00,$50.00,t2,Payment,C2\n"  # an eGift card: no sale yet
    "2026-02-03,$20.00,$0.00,$20.00,$0.00,$1.78,$0.00,$21.78,t3,Payment,C1\n"
    "2026-02-05,$0.00,$0.00,$0.00,$25.00,$0.00,$0.00,$25.00,t4,Payment,C1\n"  # C1 buys a gift card
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("amount", ["Total Collected", "Net Sales"])
def test_gift_cards_sold_are_no_revenue(tmp_path: Path, capsys, backend: str, amount: str) -> None:
    path = tmp_path / "square.csv"
    path.write_text(SQUARE)
    columns = f"customer_id=Customer ID,date=Date,amount={amount},order_id=Transaction ID"
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    got = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    assert got == [[35.0, 20.0], [0.0, -1.0]]  # C1 35.00, then 20.00 in February; C2's gift card 0
    said = (
        "'Total Collected' includes the gift cards sold in 'Gift Card Sales' ('Gross Sales' is it less them): taken off"
    )
    assert (said in capsys.readouterr().out) == (amount == "Total Collected")


def test_gift_cards_beside_an_amount_that_does_not_say_are_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "square.csv"
    path.write_text(SQUARE.replace("$50.00,t2", "$60.00,t2"))  # 60 collected: neither 0 + 50 nor 0 - 50
    columns = "customer_id=Customer ID,date=Date,amount=Total Collected,order_id=Transaction ID"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        "square.csv: column 'Gift Card Sales' holds gift cards sold (row 3: '$50.00' beside 'Total Collected' "
        "'$60.00') and is not used; a gift card is paid in advance for a later sale, and whether 'Total Collected' "
        "includes it cannot be told: map a column of amounts without them (--columns amount=NAME), or remove the "
        "column if the amounts are without them"
    )
