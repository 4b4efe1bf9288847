"""A payments export's chargeback amount under a name other than the exact ones known ("Chargeback Amount ($)",
"Chargebacks", Mollie's Dutch "Teruggeboekt bedrag", German "Rückbuchung") was ignored: Jan's October payment of
30.00, charged back whole, counted (October 2 buyers, cohort 2026-09 month 1 revenue 45.0), success, no note (H484's
finding 01). Such a column is now found by its name's words (a dispute's or a chargeback's, and no date, reason, fee,
count nor flag): refused without a dispute status column as "Disputed Amount" is, read beside one ("Chargeback
Outcome" lost: October 1 buyer, 15.0). A dispute's date, fee and Gumroad's "Disputed?" flags stay as they were read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

ROWS = [
    ("tr_a1", "2026-09-01", "1250.00", "jan@x.nl", "0.00", "0.00"),
    ("tr_a2", "2026-09-15", "49.95", "piet@x.nl", "10.00", "0.00"),
    ("tr_a4", "2026-10-03", "30.00", "jan@x.nl", "0.00", "30.00"),
    ("tr_a5", "2026-10-13", "15.00", "piet@x.nl", "0.00", "0.00"),
]


def _payments(tmp_path: Path, chargeback: str, extra: dict[str, list[str]] | None = None) -> Path:
    extra = extra or {}
    path = tmp_path / "o.csv"
    header = ["ID", "Date", "Amount", "Status", "Email", "Refunded amount", chargeback, *extra]
    lines = [",".join(header)]
    for row, (order, date, amount, email, refunded, back) in enumerate(ROWS):
        cells = [order, date, amount, "paid", email, refunded, back, *(v[row] for v in extra.values())]
        lines.append(",".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["Chargeback Amount ($)", "Chargebacks", "Rückbuchung"])  # Mollie's 'Teruggeboekt
# bedrag' (charged back: taken back, no dispute) is read: tests/test_h504_mollie_amount_charged_back.py
def test_a_chargeback_amount_without_an_outcome_is_refused(tmp_path: Path, capsys, name: str) -> None:
    path = _payments(tmp_path, name)
    assert refusal(
        capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"), "--columns", "customer_id=Email"
    ) == (
        f"o.csv, column {name!r}: disputed amounts, and no column says whether the dispute was lost (a dispute lost "
        "is a chargeback: the money taken back) in row 4 (counting the header as row 1): '30.00': add the dispute "
        "status column of the export (Stripe's 'Dispute Status'), or remove the rows of disputes lost"
    )


def test_a_chargeback_lost_beside_its_outcome_is_no_purchase(tmp_path: Path) -> None:
    extra = {
        "Chargeback Outcome": ["", "", "lost", ""],
        "Dispute Date": ["", "", "2026-10-20", ""],
        "Chargeback Fee": ["0.00", "0.00", "15.00", "0.00"],
    }
    out = run(
        tmp_path, "--orders", _payments(tmp_path, "Chargeback Amount ($)", extra), "--columns", "customer_id=Email"
    )
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-09", 2], ["2026-10", 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2026-09", 1289.95, 15.0]


def test_a_disputes_date_fee_and_flags_are_no_amounts(tmp_path: Path) -> None:
    extra = {"Chargeback Fee": ["0.00", "0.00", "15.00", "0.00"], "Dispute Won?": ["0", "0", "0", "0"]}
    path = _payments(tmp_path, "Disputed?", extra)
    path.write_text(path.read_text(encoding="utf-8").replace(",0.00,30.00,", ",0.00,0,"), encoding="utf-8")
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email")
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-09", 2], ["2026-10", 2]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2026-09", 1289.95, 45.0]
