"""Yes/no columns an app database or a hand-kept sheet keeps an order's or a subscription's state in (H78 findings
03, 04, 06; xl_retention.reading.order_flags, reading.statuses' ended and active flags).

They were ignored: an order flagged ``is_failed``, ``is_deleted`` or ``Paid? No`` counted as a purchase (February 2
buyers for 1), a duplicate or a demo order too, and a snapshot row flagged ``is_paying`` false or ``is_deleted`` true
counted as a paying customer, exit 0 and no word. Now the orders are left out, the rows no customer's or whose
payment cannot be told are refused naming them, the snapshot rows are refused as ``is_active`` false ones are, on the
pandas and the DuckDB engines. A ``Paid`` column of amounts or a ``failed_attempts`` count is no flag.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]


def _orders(column: str, flagged: str, other: str) -> str:
    # b's February order is the one flagged: a returning purchase of 50 when counted
    rows = [("a", "2024-01-05", 100, other), ("b", "2024-01-06", 50, other), ("b", "2024-02-06", 50, flagged)]
    rows.append(("a", "2024-02-07", 30, other))
    return f"customer_id,date,amount,{column}\n" + "".join(f"{c},{d},{a},{f}\n" for c, d, a, f in rows)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "flagged", "other"),
    [
        ("is_failed", "true", "false"),
        ("is_declined", "1", "0"),
        ("declined", "yes", "0"),
        ("failed", "ja", "nein"),
        ("pending", "TRUE", "FALSE"),
        ("abandoned", "yes", ""),
        ("is_deleted", "true", "false"),
        ("Deleted?", "Yes", "No"),
        ("isDeleted", "TRUE", "FALSE"),
        ("Annulé", "oui", "non"),
        ("Paid?", "No", "Yes"),
        ("is_paid", "false", "true"),
        ("Bezahlt", "nein", "ja"),
        ("payment_received", "false", "true"),
    ],
)
def test_an_order_flagged_unpaid_is_no_purchase(
    tmp_path: Path, backend: str, column: str, flagged: str, other: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders(column, flagged, other))
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 1, 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["1"].tolist()[:1] == [30.0]  # the January cohort in February


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "words"),
    [
        ("is_duplicate", "orders flagged as a duplicate, a demo, internal, a sample or spam"),
        ("demo", "orders flagged as a duplicate, a demo, internal, a sample or spam"),
        ("is_spam", "orders flagged as a duplicate, a demo, internal, a sample or spam"),
        ("on_hold", "orders flagged on hold (whether they were paid cannot be told)"),
    ],
)
def test_an_order_flagged_no_customers_or_on_hold_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, column: str, words: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders(column, "true", "false"))
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err.startswith(f"orders.csv, column '{column}': {words}")
    assert err.endswith("in row 4 (counting the header as row 1): 'true'")


def test_a_blank_paid_flag_beside_true_ones_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders("Paid?", "", "yes"))
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("orders.csv, column 'Paid?': orders whose paid flag is blank")
    assert "in row 4 (counting the header as row 1)" in err


@pytest.mark.parametrize(("column", "flagged", "other"), [("Paid", "49.5", "50"), ("failed_attempts", "1", "0")])
def test_a_paid_amount_or_a_count_of_failures_is_no_flag(tmp_path: Path, column: str, flagged: str, other: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders(column, flagged, other))
    out = run(tmp_path, "--orders", path)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 2]]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "flagged", "other"),
    [("is_paying", "false", "true"), ("Paid", "false", "true"), ("is_deleted", "true", "false"), ("unpaid", "1", "0")],
)
def test_a_snapshot_row_flagged_not_paying_or_deleted_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, column: str, flagged: str, other: str
) -> None:
    path = tmp_path / "snapshots.csv"
    rows = [("a", "2024-01", 50, other), ("b", "2024-01", 30, other), ("a", "2024-02", 50, other)]
    rows.append(("b", "2024-02", 30, flagged))
    path.write_text(f"customer_id,month,mrr,{column}\n" + "".join(f"{c},{m},{v},{f}\n" for c, m, v, f in rows))
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err.startswith(
        f"snapshots.csv, column '{column}': snapshot rows with an MRR whose flag says the subscription"
    )
    assert err.endswith(f"in row 5 (counting the header as row 1): '{flagged}'")
