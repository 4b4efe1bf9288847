"""Rows of an orders file that are no sale, told by a document type under another name, a debit/credit side, a
refund's flag or an amount after refunds (H26 findings 07, 04, 09): each was counted as one more sale, exit 0.
Now a credit note under 'Document Type', 'Belegart', 'Type de pièce' or 'Tipo' is read as under 'Type' (refused
where its invoice cannot be found), a debit/credit column with both sides and a refund/return/Storno/fraud flag that
is true are refused naming the rows, Etsy's order types are sales and its 'Adjusted Order Total' differing from the
amount is refused (xl_retention.reading.document_types), on files and DuckDB tables."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


def _orders(column: str, marked: str, other: str) -> pd.DataFrame:
    """Six orders of 10; row 5 (b, 2024-02-07) is the one marked."""
    return pd.DataFrame(
        {
            "order_id": ["1", "2", "3", "4", "5", "6"],
            "customer_id": ["a", "b", "a", "b", "b", "c"],
            "date": ["2024-01-05", "2024-01-06", "2024-02-05", "2024-02-06", "2024-02-07", "2024-02-08"],
            "amount": ["10"] * 6,
            column: [other, other, other, other, marked, other],
        }
    )


CREDIT_NOTES = [
    ("Document Type", "Credit Note", "Invoice"),
    ("Document Type", "Credit Memo", "Invoice"),
    ("Doc Type", "CN", "INV"),
    ("Invoice Type", "ACCRECCREDIT", "ACCREC"),
    ("Belegart", "DG", "DR"),
    ("Belegart", "Gutschrift", "Rechnung"),
    ("Type de pièce", "Avoir", "Facture"),
    ("Tipo", "Nota de crédito", "Factura"),
]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("column,credit,invoice", CREDIT_NOTES)
def test_a_credit_note_under_a_document_type_name_is_no_sale(tmp_path, capsys, backend, column, credit, invoice):
    _orders(column, credit, invoice).to_csv(tmp_path / "o.csv", index=False)
    message = refusal(capsys, "--orders", str(tmp_path / "o.csv"), "--backend", backend,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith(f"o.csv, column '{column}': credit notes whose invoice is not in the file")
    assert message.endswith(
        f"in row 6 (counting the header as row 1): {credit!r}: map the column naming the invoice each credits (Xero: "
        "Reference), or remove them"
    )


def test_a_credit_note_naming_its_invoice_is_taken_off_it(tmp_path) -> None:
    orders = _orders("Belegart", "Gutschrift", "Rechnung")
    orders["Bezug"] = ["", "", "", "", "4", ""]  # the credit note names the invoice it credits
    orders.to_csv(tmp_path / "o.csv", index=False)
    revenue = pd.read_csv(run(tmp_path, "--orders", tmp_path / "o.csv") / "order_revenue_cohorts.csv")
    assert revenue.set_index("cohort").loc["2024-01"].tolist() == [20.0, 10.0]  # a's 10; b's 10 credited in full


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("column,credit,debit", [("Soll/Haben-Kennzeichen", "H", "S"), ("D/C", "C", "D")])
def test_a_debit_credit_column_with_both_sides_is_refused(tmp_path, capsys, backend, column, credit, debit) -> None:
    _orders(column, credit, debit).to_csv(tmp_path / "o.csv", index=False)
    message = refusal(capsys, "--orders", str(tmp_path / "o.csv"), "--backend", backend,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith(f"o.csv, column '{column}': rows on the credit side beside rows on the debit side")
    assert message.endswith(
        f"in row 6 (counting the header as row 1): {credit!r}: write credit notes as negative amounts and remove this "
        "column, or keep the sales' side only"
    )


FLAGS = [("Refund", "Yes", "No"), ("is_refund", "true", "false"), ("Returned", "Yes", "No"), ("Storno", "X", ""),
         ("Fraud", "Yes", "No"), ("Retoure", "ja", "nein")]  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("column,yes,no", FLAGS)
def test_a_refund_return_or_fraud_flag_that_is_true_is_refused(tmp_path, capsys, backend, column, yes, no) -> None:
    _orders(column, yes, no).drop(columns="order_id").to_csv(tmp_path / "o.csv", index=False)
    message = refusal(capsys, "--orders", str(tmp_path / "o.csv"), "--backend", backend,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith(f"o.csv, column '{column}': rows flagged as a refund, a return, a reversal or a fraud")
    assert message.endswith(
        f"in row 6 (counting the header as row 1): {yes!r}: write refunds as negative amounts, remove the sales "
        "refunded in full, and remove this column"
    )


def test_a_refund_flag_column_all_false_and_a_refund_amount_column_import(tmp_path) -> None:
    orders = _orders("Refund", "", "")
    orders["is_refund"] = "no"
    orders.to_csv(tmp_path / "o.csv", index=False)
    revenue = pd.read_csv(run(tmp_path, "--orders", tmp_path / "o.csv") / "order_revenue_cohorts.csv")
    assert revenue.set_index("cohort").loc["2024-01"].tolist() == [20.0, 30.0]


APPLE = (
    "Event Date\tSubscription Name\tCustomer Price\tCustomer Currency\tSubscriber ID\tRefund\tPurchase Date\n"
    "2024-01-05\tPro Monthly\t9.99\tUSD\t1001\t\t2024-01-05\n"
    "2024-01-10\tPro Monthly\t9.99\tUSD\t1002\t\t2024-01-10\n"
    "2024-02-05\tPro Monthly\t9.99\tUSD\t1001\t\t2024-02-05\n"
    "2024-02-10\tPro Monthly\t9.99\tUSD\t1002\t\t2024-02-10\n"
    "2024-02-12\tPro Monthly\t9.99\tUSD\t1002\tYes\t2024-02-10\n"
)


def test_app_store_connect_refund_rows_are_refused(tmp_path, capsys) -> None:
    (tmp_path / "apple.txt").write_text(APPLE)
    message = refusal(capsys, "--orders", str(tmp_path / "apple.txt"), "--columns",
                      "customer_id=Subscriber ID,date=Event Date,amount=Customer Price",
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("apple.txt, column 'Refund': rows flagged as a refund")
    assert message.endswith("in row 6 (counting the header as row 1): 'Yes': write refunds as negative amounts, "
                            "remove the sales refunded in full, and remove this column")  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_app_store_connect_refund_rows_with_a_negative_price_are_refunds(tmp_path, capsys, backend) -> None:
    # Apple's subscriber report: "Customer Price ... A negative value indicates a refund" beside Refund 'Yes'
    # (developer.apple.com/help/app-store-connect/reference/subscriber-report): the flag repeats the sign, a valid
    # export that was refused; the refund row, with no order id, is no purchase (docs/metrics.md, Refunds)
    (tmp_path / "apple.txt").write_text(APPLE.replace("9.99\tUSD\t1002\tYes", "-9.99\tUSD\t1002\tYes"))
    out = run(tmp_path, "--orders", tmp_path / "apple.txt", "--columns",
              "customer_id=Subscriber ID,date=Event Date,amount=Customer Price", backend=backend)  # fmt: skip
    purchases = pd.read_csv(out / "purchases.csv").set_index("month")
    assert purchases["buyers"].tolist() == [2, 2]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert revenue.loc["2024-01"].round(2).tolist() == [19.98, 19.98]


ETSY = (
    "Sale Date,Order ID,Buyer User ID,Order Total,Status,Adjusted Order Total,Order Type,Payment Type\n"
    "01/05/24,3001,111,48.00,Completed,48.00,online,online_cc\n"
    "01/10/24,3002,222,48.00,Completed,48.00,inperson,online_cc\n"
    "02/05/24,3003,111,48.00,Completed,0.00,online,online_cc\n"
    "02/06/24,3004,333,48.00,Completed,24.00,online,online_cc\n"
)
ETSY_ARGS = ("--columns", "customer_id=Buyer User ID,date=Sale Date,amount=Order Total", "--date-format", "%m/%d/%y")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_etsy_adjusted_order_total_differing_from_the_total_is_refused(tmp_path, capsys, backend) -> None:
    (tmp_path / "etsy.csv").write_text(ETSY)
    message = refusal(capsys, "--orders", str(tmp_path / "etsy.csv"), *ETSY_ARGS, "--backend", backend,
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("etsy.csv, column 'Adjusted Order Total': amounts adjusted after the sale that differ")
    assert message.endswith("in rows 4, 5 (counting the header as row 1): '0.00', '24.00'")


def test_etsy_order_types_are_sales(tmp_path) -> None:
    (tmp_path / "etsy.csv").write_text(ETSY.replace(",0.00,", ",48.00,").replace(",24.00,", ",48.00,"))
    revenue = pd.read_csv(run(tmp_path, "--orders", tmp_path / "etsy.csv", *ETSY_ARGS) / "order_revenue_cohorts.csv")
    assert revenue.set_index("cohort").iloc[:, :2].fillna(-1).values.tolist() == [[96.0, 48.0], [48.0, -1]]
