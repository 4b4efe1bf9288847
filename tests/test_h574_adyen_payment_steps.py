"""Adyen's payment accounting report writes each payment's steps as rows of their own (docs.adyen.com, "Reports and
the payments lifecycle"): Received (a payment attempt with validated details), Authorised (the acquirer's
authorisation), SentForSettle (a capture requested), Settled (the money settled: the sale), SentForRefund, Refunded
(the refund), Chargeback. Its 'Record Type' column was refused as "row types that say neither a sale nor a refund"
('Received', 'Authorised', 'SentForSettle'): the report could not be imported. Now the steps that move no money are
left out with a note, Settled is the sale, Refunded its refund, Chargeback its chargeback. Hand counts: September
shopper-1 100.00, shopper-2 50.00 less 20.00 refunded (buyers 2, revenue 130.00); October shopper-1 80.00
(returning), shopper-3's 30.00 charged back: no purchase. 'Received' in a file holding none of Adyen's own record
types (money received in a ledger?) is still refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = (
    "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Booking Date,TimeZone,"
    "Main Currency,Main Amount,Record Type,Payment Currency,Received (PC),Authorised (PC),Captured (PC),"
    "Settlement Currency,Payable (SC),Shopper Reference\n"
)


def _payment(n: int, day: str, amount: str, shopper: str, settled: str) -> list[str]:
    at = f"Acme,AcmeEU,881500000000000{n},ORD-{n},visa,"
    tail = f",CET,EUR,{amount},"
    return [
        f"{at}{day} 10:00:00{tail}Received,EUR,{amount},,,EUR,,{shopper}",
        f"{at}{day} 10:00:01{tail}Authorised,EUR,,{amount},,EUR,,{shopper}",
        f"{at}{day} 10:05:00{tail}SentForSettle,EUR,,,{amount},EUR,,{shopper}",
        f"{at}{settled} 02:00:00{tail}Settled,EUR,,,,EUR,{amount},{shopper}",
    ]


ROWS = [
    *_payment(1, "2026-09-03", "100.00", "shopper-1", "2026-09-05"),
    *_payment(2, "2026-09-05", "50.00", "shopper-2", "2026-09-07"),
    "Acme,AcmeEU,8815000000000002,ORD-2,mc,2026-09-20 10:00:00,CET,EUR,20.00,SentForRefund,EUR,,,,EUR,,shopper-2",
    "Acme,AcmeEU,8815000000000002,ORD-2,mc,2026-09-21 02:00:00,CET,EUR,20.00,Refunded,EUR,,,,EUR,-20.00,shopper-2",
    *_payment(3, "2026-10-03", "80.00", "shopper-1", "2026-10-05"),
    *_payment(4, "2026-10-04", "30.00", "shopper-3", "2026-10-06"),
    "Acme,AcmeEU,8815000000000004,ORD-4,visa,2026-10-20 02:00:00,CET,EUR,30.00,Chargeback,EUR,,,,EUR,-30.00,shopper-3",
]
COLUMNS = "customer_id=Shopper Reference,date=Booking Date,amount=Main Amount,order_id=Merchant Reference"


def test_a_payment_accounting_report_reads_settled_refunded_and_chargeback(tmp_path: Path, capsys) -> None:
    path = tmp_path / "payment_accounting_report.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n")
    out = run(tmp_path, "--orders", path, "--columns", COLUMNS)
    purchases = pd.read_csv(out / "purchases.csv", index_col=0)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv", index_col=0)
    assert purchases[["buyers", "returning"]].to_dict("index") == {
        "2026-09": {"buyers": 2, "returning": 0},
        "2026-10": {"buyers": 1, "returning": 1},
    }
    assert (revenue.loc["2026-09", "0"], revenue.loc["2026-09", "1"]) == (pytest.approx(130.0), pytest.approx(80.0))
    assert (
        "payment_accounting_report.csv: 13 row(s) of Adyen's record types 'Received', 'Authorised', 'SentForSettle', "
        "'SentForRefund' in 'Record Type' left out, rows 2, 3, 4, 6, 7 ...: a payment's steps before its money is "
        "settled or refunded move no money (its 'Settled' row is the sale, 'Refunded' the refund, 'Chargeback' the "
        "chargeback), no purchase"
    ) in capsys.readouterr().out


def test_received_in_a_file_of_none_of_adyens_own_types_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text("customer_id,date,type,amount\nc1,2026-09-03,payment,10.00\nc2,2026-09-04,Received,12.00\n")
    said = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "out"))
    assert said.startswith("ledger.csv, column 'type': row types that say neither a sale nor a refund")
