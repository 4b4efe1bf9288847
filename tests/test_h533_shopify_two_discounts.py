"""A Shopify orders export has the order's "Discount Amount" (on its first row) and each line's "Lineitem discount".
Beside both, an import with 'Subtotal' mapped was refused ("which of them 'Subtotal' is before cannot be told: map the
amount after discounts (--columns amount=NAME), or remove the discount column ..."), though 'Total' = 'Subtotal' +
'Shipping' + 'Taxes' on every row proves 'Subtotal' after every discount, as it does beside either column alone
(docs/metrics.md: "its `Subtotal` is after 'Discount Amount', kept"); and following the advice with 'Subtotal', the
amount after discounts, met the same refusal. Whether 'Discount Amount' is the order's total of its 'Lineitem
discount's (Shopify's documentation does not say it) is not guessed: beside 'Lineitem price' the file is still
refused, naming the column the sums prove after the discounts; following either advice counts right.

Hand count: #1001 (ann, Jan) 60 + 40 less 10 of discounts = 90 (Subtotal 90, Total 90 + 5 + 7.20 = 102.20); #1002 (bob,
Jan) 50; #1003 (ann, Feb) 30: the January cohort's revenue 140, then 30.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

SHOPIFY = (
    "Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,"
    "Lineitem quantity,Lineitem name,Lineitem price,Lineitem discount\n"
    "#1001,ann@x.com,paid,2026-01-05 10:00:00 +0000,USD,90.00,5.00,7.20,102.20,SAVE10,10.00,1,Mug,60.00,6.00\n"
    "#1001,ann@x.com,,,,,,,,,,1,Cap,40.00,4.00\n"
    "#1002,bob@x.com,paid,2026-01-07 10:00:00 +0000,USD,50.00,5.00,4.00,59.00,,0.00,1,Mug,50.00,0.00\n"
    "#1003,ann@x.com,paid,2026-02-07 10:00:00 +0000,USD,30.00,0.00,2.40,32.40,,0.00,1,Pen,30.00,0.00\n"
)
MAPPED = "customer_id=Email,date=Paid at,amount="


def _revenue(out: Path) -> list[list[float]]:
    return pd.read_csv(out / "order_revenue_cohorts.csv").fillna(-1).iloc[:, 1:].values.tolist()


def test_the_subtotal_is_read_after_both_discounts(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "orders_export.csv", SHOPIFY), "--columns", MAPPED + "Subtotal")
    assert _revenue(out) == [[140.0, 30.0], [0.0, -1]]


def test_beside_line_prices_the_refusal_names_the_subtotal_and_its_advice_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, "orders_export.csv", SHOPIFY)
    message = refusal(capsys, "--orders", str(path), "--columns", MAPPED + "Lineitem price", "--to-csv", str(tmp_path))
    assert message == (
        "orders_export.csv: columns 'Discount Amount', 'Lineitem discount' hold discounts beside 'Lineitem price'; "
        "revenue is after discounts, and which of them 'Lineitem price' is before cannot be told: map the amount "
        "after discounts, --columns amount=Subtotal ('Total' is Subtotal + Shipping + Taxes on every row sold: after "
        "them), or remove every discount column but the one 'Lineitem price' is before"
    )
    assert _revenue(run(tmp_path, "--orders", path, "--columns", MAPPED + "Subtotal")) == [[140.0, 30.0], [0.0, -1]]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for removed in ("Discount Amount", "Lineitem discount"):  # keep the one 'Lineitem price' is before
        kept = written(tmp_path, "kept.csv", frame.drop(columns=[removed]).to_csv(index=False))
        assert _revenue(run(tmp_path, "--orders", kept, "--columns", MAPPED + "Lineitem price")) == [
            [140.0, 30.0],
            [0.0, -1],
        ]


def test_without_a_column_that_proves_it_the_advice_says_to_keep_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frame = pd.read_csv(written(tmp_path, "o.csv", SHOPIFY), dtype=str, keep_default_na=False)
    path = written(tmp_path, "orders_export.csv", frame.drop(columns=["Total"]).to_csv(index=False))
    message = refusal(capsys, "--orders", str(path), "--columns", MAPPED + "Lineitem price", "--to-csv", str(tmp_path))
    assert message.endswith(
        "which of them 'Lineitem price' is before cannot be told: map the amount after discounts (--columns "
        "amount=NAME), or remove every discount column but the one 'Lineitem price' is before (all of them if "
        "'Lineitem price' is after them already)"
    )
