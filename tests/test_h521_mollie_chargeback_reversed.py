"""A Mollie payment charged back and the chargeback later reversed (the payer's bank put the money back) is a purchase
again (docs/metrics.md: a chargeback's reversal "undoes its chargeback ... so the sale stands whole"). Jan's October
payment of 30.00, 'Amount charged back' 30.00: with its Status 'Chargeback reversed' it was left out as "charged back
whole" (October 1 buyer, cohort 2026-09 month 1 revenue 15.0, for 2 and 45.0); with a 'Chargeback status' of
'reversed' it was refused as "dispute statuses that say neither won, lost nor open"; a ledger's row of type
'Chargeback reversed' (beside its 'Chargeback' row) was refused as "row types that say neither a sale nor a refund".
Each reads now: October 2 buyers (both returning), cohort 2026-09 1289.95 (1299.95 in the ledger, no refund) then
45.0 (H521)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run, written

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


def _mollie(status: str = "paid", extra: str = "", value: str = "") -> str:
    return (
        f"ID,Date,Amount,Status,Email,Amount refunded,Amount charged back{extra}\n"
        f"tr_a1,2026-09-01,1250.00,paid,jan@x.nl,0.00,0.00{',' if extra else ''}\n"
        f"tr_a2,2026-09-15,49.95,paid,piet@x.nl,10.00,0.00{',' if extra else ''}\n"
        f"tr_a4,2026-10-03,30.00,{status},jan@x.nl,0.00,30.00{',' + value if extra else ''}\n"
        f"tr_a5,2026-10-13,15.00,paid,piet@x.nl,0.00,0.00{',' if extra else ''}\n"
    )


def _tables(out: Path) -> tuple[list[list[object]], list[list[object]]]:
    purchases = pd.read_csv(out / "purchases.csv")[["month", "buyers", "returning"]].values.tolist()
    return purchases, pd.read_csv(out / "order_revenue_cohorts.csv").fillna(-1).values.tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_payment_whose_status_says_its_chargeback_reversed_counts(tmp_path: Path, capsys, backend: str) -> None:
    path = written(tmp_path, "payments.csv", _mollie(status="Chargeback reversed"))
    purchases, revenue = _tables(run(tmp_path, "--orders", path, "--columns", "customer_id=Email", backend=backend))
    assert purchases == [["2026-09", 2, 0], ["2026-10", 2, 2]]
    assert revenue == [["2026-09", 1289.95, 45.0], ["2026-10", 0.0, -1]]
    assert (
        "payments.csv: 1 payment(s) charged back by 'Amount charged back' whose status says the chargeback was "
        "reversed kept, row 4: the reversal puts the money back, a purchase"
    ) in capsys.readouterr().out


def test_a_chargeback_status_reversed_keeps_the_payment(tmp_path: Path) -> None:
    path = written(tmp_path, "p.csv", _mollie(extra=",Chargeback status", value="reversed"))
    purchases, revenue = _tables(run(tmp_path, "--orders", path, "--columns", "customer_id=Email"))
    assert purchases == [["2026-09", 2, 0], ["2026-10", 2, 2]]
    assert revenue == [["2026-09", 1289.95, 45.0], ["2026-10", 0.0, -1]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_chargeback_reversed_row_undoes_its_chargeback(tmp_path: Path, backend: str) -> None:
    ledger = (
        "ID,Date,Amount,Email,Type\n"
        "tr_a1,2026-09-01,1250.00,jan@x.nl,Payment\n"
        "tr_a2,2026-09-15,49.95,piet@x.nl,Payment\n"
        "tr_a4,2026-10-03,30.00,jan@x.nl,Payment\n"
        "tr_a4,2026-10-20,-30.00,jan@x.nl,Chargeback\n"
        "tr_a4,2026-10-25,30.00,jan@x.nl,Chargeback reversed\n"
        "tr_a5,2026-10-13,15.00,piet@x.nl,Payment\n"
    )
    path = written(tmp_path, "ledger.csv", ledger)
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,order_id=ID", backend=backend)
    purchases, revenue = _tables(out)
    assert purchases == [["2026-09", 2, 0], ["2026-10", 2, 2]]
    assert revenue == [["2026-09", 1299.95, 45.0], ["2026-10", 0.0, -1]]
