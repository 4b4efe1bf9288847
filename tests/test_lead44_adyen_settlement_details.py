"""Adyen's settlement details report: 'Settled' is a sale, a refund's amount is in 'Gross Debit (GC)' (H453/03).

Its payments' Type 'Settled' was refused as "row types that say neither a sale nor a refund (whether these were
purchases cannot be told)", with no way out, though docs/metrics.md reads settled as paid; and a refund's amount,
written in 'Gross Debit (GC)' with 'Gross Credit (GC)' blank, left its row without an amount. Now 'Settled' is a
sale, Adyen's payouts, fees and corrections are no purchase, and with the credit side mapped a row typed a refund
has its debit as a negative amount. Hand counts: September shopper-1 100.00, shopper-2 50.00 less 20.00 refunded
(buyers 2, revenue 130.00); October shopper-1 80.00 (returning), shopper-3's 30.00 refunded in full: no purchase.
A debit on a row no type says is a refund (a ledger's invoice) is refused, as is a row with both sides filled.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = (
    "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,TimeZone,Type,"
    "Gross Currency,Gross Debit (GC),Gross Credit (GC),Net Currency,Net Debit (NC),Net Credit (NC),Batch Number,"
    "Shopper Reference\n"
)
ROWS = [
    "Acme,AcmeEU,8815000000000001,ORD-1,visa,2026-09-03 10:00:00,CET,Settled,EUR,,100.00,EUR,,98.00,12,shopper-1",
    "Acme,AcmeEU,8815000000000002,ORD-2,mc,2026-09-05 10:00:00,CET,Settled,EUR,,50.00,EUR,,49.00,12,shopper-2",
    "Acme,AcmeEU,8815000000000002,ORD-2,mc,2026-09-20 10:00:00,CET,Refunded,EUR,20.00,,EUR,20.00,,12,shopper-2",
    "Acme,AcmeEU,8815000000000003,ORD-3,visa,2026-10-03 10:00:00,CET,Settled,EUR,,80.00,EUR,,78.40,12,shopper-1",
    "Acme,AcmeEU,8815000000000004,ORD-4,visa,2026-10-04 10:00:00,CET,Settled,EUR,,30.00,EUR,,29.40,12,shopper-3",
    "Acme,AcmeEU,8815000000000004,ORD-4,visa,2026-10-10 10:00:00,CET,Refunded,EUR,30.00,,EUR,30.00,,12,shopper-3",
]
COLUMNS = "customer_id=Shopper Reference,date=Creation Date,amount=Gross Credit (GC),order_id=Merchant Reference"


def test_settled_payments_and_their_refunds(tmp_path: Path) -> None:
    path = tmp_path / "settlement_detail_report_batch_12.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n")
    out = run(tmp_path, "--orders", path, "--columns", COLUMNS)
    purchases = pd.read_csv(out / "purchases.csv", index_col=0)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv", index_col=0)
    assert purchases[["buyers", "returning"]].to_dict("index") == {
        "2026-09": {"buyers": 2, "returning": 0},
        "2026-10": {"buyers": 1, "returning": 1},
    }
    assert (revenue.loc["2026-09", "0"], revenue.loc["2026-09", "1"]) == (pytest.approx(130.0), pytest.approx(80.0))


@pytest.mark.parametrize(
    ("row", "said"),
    [
        (ROWS[2].replace(",Refunded,", ",Settled,"), "their type says no refund"),
        (ROWS[2].replace(",20.00,,EUR,", ",20.00,5.00,EUR,"), "a credit and a debit ('Gross Debit (GC)') on one row"),
    ],
)
def test_a_debit_no_type_says_is_a_refund_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture, row: str, said: str
) -> None:
    path = tmp_path / "s.csv"
    path.write_text(HEADER + "\n".join([*ROWS[:2], row]) + "\n")
    message = refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "out"))
    assert said in message and "in row 4 (counting the header as row 1)" in message
