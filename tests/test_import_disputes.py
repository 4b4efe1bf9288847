"""A charge lost to a dispute is no purchase (H26 finding 10): Stripe's Payments export keeps Status 'Paid' beside
'Dispute Status' lost (a chargeback: the money taken back), and the charge was counted as revenue and a repeat
purchase. Now a dispute lost leaves the charge out, one won keeps it, one not decided yet (or a status of no known
kind, or a loss of part of the charge, or a disputed amount without any status) is refused naming the rows; a
payment status 'Charged back' (Mollie) is a payment not kept. Files by pandas and by DuckDB, a typed table, and
rfm_summary alike.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.reading import DataError

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]
COLUMNS = "date=Created date (UTC),amount=Converted Amount"
HEADER = (
    "id,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Amount Refunded,Status,"
    "Customer ID,Disputed Amount,Dispute Status,Dispute Reason\n"
)


def _payments(disputed: str, status: str, refunded: str = "0.00") -> str:
    return HEADER + (
        "ch_1,2024-01-05 10:00:00,100.00,0.00,usd,100.00,0.00,Paid,cus_A,,,\n"
        "ch_2,2024-01-10 10:00:00,50.00,0.00,usd,50.00,0.00,Paid,cus_B,,,\n"
        f"ch_3,2024-02-05 10:00:00,100.00,{refunded},usd,100.00,{refunded},Paid,cus_A,{disputed},{status},fraudulent\n"
        "ch_4,2024-02-12 10:00:00,70.00,0.00,usd,70.00,0.00,Paid,cus_C,,,\n"
    )


def _cohort_and_february(out: Path) -> tuple[list[object], list[object]]:
    cohorts = pd.read_csv(out / "order_revenue_cohorts.csv")
    purchases = pd.read_csv(out / "purchases.csv")
    return cohorts.iloc[0].tolist(), purchases.iloc[1, [0, 1, 3]].tolist()


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("disputed", "status", "refunded", "february"),
    [
        ("100.00", "lost", "0.00", 0.0),  # charged back: cus_A's February charge is no purchase
        ("70.00", "lost", "30.00", 0.0),  # 30 refunded, the 70 left charged back: nothing kept
        ("100.00", "won", "0.00", 100.0),
        ("100.00", "warning_closed", "0.00", 100.0),  # an inquiry closed: no dispute
    ],
)
def test_a_dispute_lost_is_no_purchase(
    tmp_path: Path, backend: str, disputed: str, status: str, refunded: str, february: float
) -> None:
    path = tmp_path / "unified_payments.csv"
    path.write_text(_payments(disputed, status, refunded))
    cohort, feb = _cohort_and_february(run(tmp_path, "--orders", path, "--columns", COLUMNS, backend=backend))
    kept = 100.0 - float(refunded) if february else 0.0
    assert cohort == ["2024-01", 150.0, kept]
    assert feb == (["2024-02", 1, 0] if february == 0.0 else ["2024-02", 2, 1])


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("disputed", "status", "column", "problem"),
    [
        ("100.00", "needs_response", "Dispute Status",
         "disputes not decided yet (a dispute lost takes the money back, a dispute won keeps it: whether these were "
         "purchases cannot be told) in row 4"),
        ("100.00", "warning_under_review", "Dispute Status", "disputes not decided yet"),
        ("100.00", "escalated", "Dispute Status",
         "dispute statuses that say neither won, lost nor open (whether the money stays cannot be told)"),
        ("40.00", "lost", "Disputed Amount",
         "disputes lost on part of a charge ('Disputed Amount' below 'Amount' less its refunds): the amount kept "
         "cannot be told in the currency of the amount in row 4"),
    ],
)  # fmt: skip
def test_a_dispute_not_decided_or_unknown_or_partly_lost_is_refused(
    tmp_path: Path, capsys, backend: str, disputed: str, status: str, column: str, problem: str
) -> None:
    path = tmp_path / "unified_payments.csv"
    path.write_text(_payments(disputed, status))
    err = refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--backend", backend, "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    shown = disputed if column == "Disputed Amount" else status
    assert err.startswith(f"unified_payments.csv, column '{column}': {problem}")
    assert f" in row 4 (counting the header as row 1): '{shown}'" in err
    assert err.endswith(
        {
            "needs_response": ": import again once they are decided, or remove their rows",
            "warning_under_review": ": import again once they are decided, or remove their rows",
            "escalated": f"'{shown}'",
            "lost": ": write the amount kept, or remove these rows",
        }[status]
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_disputed_amount_without_a_status_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "payments.csv"
    path.write_text(
        "customer_id,date,amount,chargeback_amount\na,2024-01-05,100,0\nb,2024-01-10,50,\na,2024-02-05,100,100\n"
    )
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "payments.csv, column 'chargeback_amount': disputed amounts, and no column says whether the dispute was lost "
        "(a dispute lost is a chargeback: the money taken back) in row 4 (counting the header as row 1): '100': add "
        "the dispute status column of the export (Stripe's 'Dispute Status'), or remove the rows of disputes lost"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_payment_status_charged_back_is_no_purchase(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "mollie.csv"
    path.write_text(
        "customer_id,date,amount,status\na,2024-01-05,100,paid\nb,2024-01-10,50,paid\na,2024-02-05,100,Charged back\n"
        "c,2024-02-12,70,paid\n"
    )
    cohort, feb = _cohort_and_february(run(tmp_path, "--orders", path, backend=backend))
    assert (cohort, feb) == (["2024-01", 150.0, 0.0], ["2024-02", 1, 0])


def test_a_typed_table_and_rfm_summary_leave_the_lost_charge_out(tmp_path: Path) -> None:
    from xl_retention import tables
    from xl_retention.workbook.importer import load_tables

    frame = pd.read_csv(io.StringIO(_payments("100.00", "lost")))
    frame["Created date (UTC)"] = pd.to_datetime(frame["Created date (UTC)"])
    frame.to_parquet(tmp_path / "payments.parquet")
    columns = {"customer_id": "Customer ID", "date": "Created date (UTC)", "amount": "Converted Amount"}
    loaded = load_tables(orders=tmp_path / "payments.parquet", columns=columns, backend="duckdb")
    assert loaded.order_revenue_cohorts.iloc[0].tolist() == [150.0, 0.0]
    renamed = frame.rename(columns={"Customer ID": "customer_id", "Created date (UTC)": "date",
                                    "Converted Amount": "amount"})  # fmt: skip
    rfm = tables.rfm_summary(renamed, period="M", observation_end="2024-02-29")
    assert rfm.loc["cus_A", "frequency"] == 0
    with pytest.raises(Exception, match="disputes not decided yet"):
        tables.rfm_summary(renamed.assign(**{"Dispute Status": ["", "", "under_review", ""]}), period="M")
    frame.assign(**{"Dispute Status": ["", "", "under_review", ""]}).to_parquet(tmp_path / "open.parquet")
    with pytest.raises(DataError, match="disputes not decided yet"):
        load_tables(orders=tmp_path / "open.parquet", columns=columns, backend="duckdb")
