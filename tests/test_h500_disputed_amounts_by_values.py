"""A column named as a dispute's flag ('Disputed', 'Chargeback', 'Disputed?') holding amounts (0.00, 30.00) was read
as neither a flag nor a disputed amount: Bob's 30.00, charged back, counted silently (September month 0 60.0, H495's
finding 10), where 'Chargeback Amount' is refused without a dispute status. Such a column is now told by its values:
holding amounts it is a disputed amount (refused without a status, read beside one), holding true/false a flag.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

BACKENDS = ["pandas", "duckdb"]


def _orders(tmp_path: Path, column: str, bob: str, status: str | None = None, other: str = "0.00") -> Path:
    rows = [("ann@x.com", "2026-09-03", other, ""), ("bob@x.com", "2026-09-05", bob, "lost"),
            ("ann@x.com", "2026-10-03", other, "")]  # fmt: skip
    head = f"email,date,amount,{column}" + (f",{status}" if status else "")
    lines = [f"{e},{d},30.00,{v}" + (f",{s if bob not in ('0', '0.00') else ''}" if status else "")
             for e, d, v, s in rows]  # fmt: skip
    return written(tmp_path, "o.csv", "\n".join([head, *lines]) + "\n")


COLUMNS = "customer_id=email,date=date,amount=amount"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("column", ["Disputed", "Chargeback", "Disputed?", "is_disputed"])
def test_a_flag_named_column_of_amounts_without_a_status_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str, backend: str
) -> None:
    path = _orders(tmp_path, column, "30.00")
    args = ["--columns", COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "out")]
    assert refusal(capsys, "--orders", str(path), *args) == (
        f"o.csv, column {column!r}: disputed amounts, and no column says whether the dispute was lost (a dispute lost "
        "is a chargeback: the money taken back) in row 3 (counting the header as row 1): '30.00': add the dispute "
        "status column of the export (Stripe's 'Dispute Status'), or remove the rows of disputes lost"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_disputed_amount_lost_beside_its_status_is_no_purchase(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--orders", _orders(tmp_path, "Disputed", "30.00", "Dispute Status"), "--columns", COLUMNS,
              backend=backend)  # fmt: skip
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.fillna(-1).values.tolist() == [["2026-09", 30.0, 30.0], ["2026-10", 0.0, -1]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_disputed_column_of_zeros_charges_nothing_back(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--orders", _orders(tmp_path, "Disputed", "0.00"), "--columns", COLUMNS, backend=backend)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.fillna(-1).values.tolist() == [["2026-09", 60.0, 30.0], ["2026-10", 0.0, -1]]


def test_a_disputed_flag_of_true_and_false_is_still_a_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _orders(tmp_path, "Disputed", "1", other="0")
    args = ["--columns", COLUMNS, "--to-csv", str(tmp_path / "out")]
    assert refusal(capsys, "--orders", str(path), *args).startswith(
        "o.csv, column 'Disputed': disputed payments, and no column says whether the dispute was won"
    )
