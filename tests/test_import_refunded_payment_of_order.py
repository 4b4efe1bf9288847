"""A payment of an order refunded in full by its own refunded amount, beside another payment of the order (Stripe's
payments export with the order id of its metadata mapped: ch_1 'Amount' 100.00, 'Amount Refunded' 100.00, Status
Refunded; ch_2 of the same order 100.00, Paid). Each row has an id of its own: two payments, not one order in two
exports. Refused as 'refunded amounts above the amount of their row' (bf5bdac), then as 'the same order in two
exports ... keep the row of the latest export' (advice dropping a payment); the order counted nothing where a
row without a status was refunded in full. Now the refunded payment counts 0 and the order is paid by its other one:
January 150.0 (100 + 50), as without the order id column (docs/metrics.md, "Refunded amounts")."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

HEADER = "id,date,Amount,Amount Refunded,Currency,Status,Customer ID,order_id (metadata)\n"
ROWS = (
    "ch_2,2024-01-05,100.00,0.00,usd,Paid,cus_a,1001\n"
    "ch_1,2024-01-05,100.00,100.00,usd,Refunded,cus_a,1001\n"
    "ch_3,2024-01-06,50.00,0.00,usd,Paid,cus_b,1002\n"
)
MAPPED = ("--columns", "order_id=order_id (metadata)")


def _revenue(out: Path) -> list[str]:
    return (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:]


def _buyers(out: Path) -> list[str]:
    return [line.split(",")[1] for line in (out / "purchases.csv").read_text().splitlines()[1:]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_payment_refunded_in_full_beside_another_paid_one_leaves_its_order_paid(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "payments.csv"
    path.write_text(HEADER + ROWS)
    out = run(tmp_path, "--orders", path, *MAPPED, backend=backend)
    assert _revenue(out) == ["2024-01,150.0"]
    assert _buyers(out) == ["2"]


def test_without_a_status_column_the_order_is_kept_too(tmp_path: Path) -> None:
    path = tmp_path / "payments.csv"
    path.write_text(
        "\n".join(",".join(c for i, c in enumerate(r.split(",")) if i != 5) for r in (HEADER + ROWS).split("\n"))
    )
    assert _revenue(run(tmp_path, "--orders", path, *MAPPED)) == ["2024-01,150.0"]


def test_without_ids_of_their_own_the_rows_are_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "payments.csv"  # no charge id: one order in two exports, refunded between them?
    path.write_text("\n".join(r.split(",", 1)[1] for r in (HEADER + ROWS).strip().split("\n")) + "\n")
    err = refusal(capsys, "--orders", str(path), *MAPPED, "--to-csv", str(tmp_path / "o"))
    assert err.startswith(
        "payments.csv, column 'Status': rows of one order ('1001') with 2 statuses ('Paid', 'Refunded')"
    )
