"""Stripe's itemized balance change report writes a lost dispute as a row of ``reporting_category`` ``dispute`` (funds
withdrawn, on the ``charge_id`` of its charge). It was refused as "a ledger's fees, taxes or payouts" with the advice
to keep the charge rows only, which counted the charged-back sale (February 2 buyers). It is now the chargeback of its
charge (February 1 buyer), as a ``chargeback`` type is; a ``dispute_reversal`` whose sale is in the file and whose
dispute is not (the dispute row removed) is refused naming the rows (it added a month of 0 buyers) (H508 finding 03)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run, written

HEADER = (
    "balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,customer_id,charge_id\n"
)
ROWS = (
    "txn1,2026-01-05 10:00:00,usd,49.00,1.72,47.28,charge,ch_1,cus_A,ch_1\n"
    "txn2,2026-02-05 10:00:00,usd,49.00,1.72,47.28,charge,ch_3,cus_A,ch_3\n"
    "txn3,2026-02-10 10:00:00,usd,20.00,0.88,19.12,charge,ch_4,cus_C,ch_4\n"
)
DISPUTE = "txn4,2026-03-01 10:00:00,usd,-20.00,15.00,-35.00,dispute,dp_1,cus_C,ch_4\n"
REVERSAL = "txn5,2026-04-01 10:00:00,usd,20.00,-15.00,35.00,dispute_reversal,pyr_1,cus_C,ch_4\n"
COLUMNS = ("--columns", "date=created_utc,amount=gross")


def _buyers(out: Path) -> list[str]:
    return [",".join(line.split(",")[:2]) for line in (out / "purchases.csv").read_text().splitlines()[1:]]


def _revenue(out: Path) -> list[str]:
    return (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_lost_dispute_takes_its_charge_back(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "ib.csv", HEADER + ROWS + DISPUTE), *COLUMNS, backend=backend)
    assert _buyers(out) == ["2026-01,1", "2026-02,1", "2026-03,0"]  # ch_4 charged back: cus_C bought nothing
    assert _revenue(out)[:2] == ["2026-01,49.0,49.0,0.0", "2026-02,0.0,0.0,"]  # as a chargeback row of ch_4 reads


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_dispute_won_leaves_its_charge_whole(tmp_path: Path, backend: str) -> None:
    path = written(tmp_path, "ib.csv", HEADER + ROWS + DISPUTE + REVERSAL)
    out = run(tmp_path, "--orders", path, *COLUMNS, backend=backend)
    assert _buyers(out) == ["2026-01,1", "2026-02,2", "2026-03,0", "2026-04,0"]


def test_a_reversal_without_its_dispute_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(tmp_path, "ib.csv", HEADER + ROWS + REVERSAL)
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "ib.csv, column 'charge_id': a chargeback's reversal ('dispute_reversal') of 'charge_id' 'ch_4', whose sale is "
        "in the file and whose chargeback (a dispute or chargeback row of its amount) is not: what it puts back cannot "
        "be told (the dispute row removed, or the export cut short) in rows 4, 5 (counting the header as row 1): "
        "'ch_4', 'ch_4': keep the dispute (chargeback) row the reversal undoes, as the export writes it, and import "
        "again"
    )
