"""H116 finding 02: Shopify's "Refunded Amount" is of the order's Total (tax and shipping included); with the
Subtotal mapped as the amount it was taken off in full: Subtotal 100.00, Total 118.80, 59.40 refunded (half the
order) counted 40.60, silently. It is taken off in the same share, as a refund beside an amount whose tax the import
takes off is (docs/metrics.md, "Refunded amounts"): 100 x (1 - 59.40 / 118.80) = 50.00, with a note."""

from __future__ import annotations

from pathlib import Path

from import_cli import run

SHOPIFY = (
    "Name,Email,Financial Status,Subtotal,Shipping,Taxes,Total,Refunded Amount,Created at\n"
    "#2001,zoe@x.com,partially_refunded,100.00,10.00,8.80,118.80,59.40,2026-01-10 10:00:00 +0100\n"
    "#2002,zoe@x.com,paid,40.00,0.00,0.00,40.00,0.00,2026-02-10 10:00:00 +0100\n"
    "#2003,yan@x.com,paid,20.00,0.00,0.00,20.00,,2026-02-11 10:00:00 +0100\n"
)


def test_a_refund_of_the_total_is_taken_off_the_subtotal_in_its_share(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(SHOPIFY)
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Subtotal")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:] == ["2026-01,50.0,40.0", "2026-02,20.0,"]
    assert (
        "orders.csv: 'Refunded Amount' is the refunded part of 'Total' (tax and shipping included), above 'Subtotal': "
        "taken off 'Subtotal' in the same share (1 refunded row)"
    ) in capsys.readouterr().out.splitlines()
