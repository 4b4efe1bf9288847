"""Orders columns that change which orders count, or their amounts, are used or refused whatever their names
(docs/metrics.md, "Orders": columns found by their values; reading.order_columns).

Before, each of these files imported with exit 0 and wrong numbers: a status column named 'Zahlungsstatus' or
'outcome' was ignored (a cancelled order counted), so was a refunded amount named 'Erstattet' or 'Refunds', an
'environment' of 'sandbox', Xero's InvoiceNumber on an invoice's line rows (each line an order), a Quantity beside a
unit price (revenue the sum of unit prices), a ledger's Invoice and Payment rows (each sale twice) and a credit note
naming its invoice in 'Reference' (left out, not taken off); rfm_summary counted cancelled orders as purchases.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import xl_retention as xr
from xl_retention import cli

BACKENDS = ["pandas", "duckdb"]


def _run(tmp_path: Path, text: str, backend: str = "pandas", columns: str | None = None) -> tuple[int, Path]:
    source = tmp_path / "orders.csv"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / f"out-{backend}"
    args = ["import", "--orders", str(source), "--backend", backend, "--to-csv", str(out)]
    return cli.main(args + (["--columns", columns] if columns else [])), out


def _purchases(out: Path) -> list[list[object]]:
    return pd.read_csv(out / "purchases.csv")[["month", "buyers", "returning"]].values.tolist()


def _revenue(out: Path) -> list[list[object]]:
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").astype(object)
    return revenue.where(revenue.notna(), "").values.tolist()


STATUS = "customer_id,date,amount,order_id,{}\na,2024-01-05,100,o1,paid\nb,2024-01-06,100,o2,{}\n" \
         "a,2024-02-05,50,o3,paid\nb,2024-02-07,80,o4,paid\n"  # fmt: skip


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("header", ["Zahlungsstatus", "Statut", "estado", "outcome", "Payment", "txn_status"])
@pytest.mark.parametrize("value", ["cancelled", "refunded", "voided", "failed"])
def test_a_column_of_order_statuses_is_the_status_whatever_its_name(
    tmp_path: Path, backend: str, header: str, value: str
) -> None:
    code, out = _run(tmp_path, STATUS.format(header, value), backend)
    assert code == 0
    assert _purchases(out) == [["2024-01", 1, 0], ["2024-02", 2, 1]]  # o2 left out: b's first purchase in February


def test_a_status_column_by_values_refuses_a_status_it_cannot_tell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = STATUS.format("Zahlungsstatus", "cancelled").replace("o4,paid", "o4,on hold")
    assert _run(tmp_path, text)[0] == 1
    err = capsys.readouterr().err
    assert "column 'Zahlungsstatus': order statuses that say neither paid nor unpaid" in err and "row 5" in err


def test_a_fulfilment_status_is_no_payment_status(tmp_path: Path) -> None:
    text = "customer_id,date,amount,Fulfillment Status\na,2024-01-05,100,fulfilled\nb,2024-01-06,100,pending\n"
    code, out = _run(tmp_path, text)
    assert code == 0 and _purchases(out) == [["2024-01", 2, 0]]


REFUND = "customer_id,date,amount,order_id,{}\na,2024-01-05,100,o1,100\nb,2024-01-06,80,o2,0\na,2024-02-05,50,o3,0\n"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "header",
    ["Refunds", "refunded", "Erstattet", "Erstattungsbetrag", "Remboursement", "reembolso", "Returned amount",
     "TotalRefunded", "amountRefunded"],  # camel case: ignored before, o1 counted 100 (H48)
)  # fmt: skip
def test_a_refunded_amount_in_other_words_is_taken_off(tmp_path: Path, backend: str, header: str) -> None:
    code, out = _run(tmp_path, REFUND.format(header), backend)
    assert code == 0
    assert _revenue(out) == [["2024-01", 80.0, 0.0], ["2024-02", 50.0, ""]]  # o1 refunded in full: a buys in Feb


def test_a_returns_column_without_an_amount_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path, REFUND.format("Returns"))[0] == 1
    assert "column 'Returns' may be the amount refunded or a count of items returned" in capsys.readouterr().err


MODE = "customer_id,date,amount,order_id,{}\na,2024-01-05,100,o1,{}\nb,2024-01-06,100,o2,{}\na,2024-02-05,50,o3,{}\n"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("header", "live", "test"),
    [("environment", "production", "sandbox"), ("env", "production", "test"), ("Umgebung", "live", "staging"),
     ("Testbestellung", "false", "true")],
)  # fmt: skip
def test_test_rows_said_by_their_values_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, header: str, live: str, test: str
) -> None:
    assert _run(tmp_path, MODE.format(header, live, test, live), backend)[0] == 1
    err = capsys.readouterr().err
    assert f"column '{header}': rows made in test mode" in err and "row 3" in err


INVOICE_LINES = """ContactName,InvoiceNumber,InvoiceDate,DueDate,Total,Description,Quantity,UnitAmount,LineAmount
Acme,INV-1001,14/01/2026,28/01/2026,451.00,Seats,2,99.00,198.00
Acme,INV-1001,14/01/2026,28/01/2026,451.00,Support,1,212.00,212.00
Bolt,INV-1002,20/01/2026,03/02/2026,275.00,Seats,1,250.00,250.00
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_invoice_number_on_line_rows_is_refused_unmapped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    columns = "customer_id=ContactName,date=InvoiceDate,amount=Total"
    assert _run(tmp_path, INVOICE_LINES, backend, columns)[0] == 1
    err = capsys.readouterr().err
    assert "column 'InvoiceNumber': rows of one customer and date that share a value" in err
    assert "--columns order_id=InvoiceNumber in rows 2, 3" in err
    columns = "customer_id=ContactName,date=InvoiceDate,amount=LineAmount,order_id=InvoiceNumber"
    code, out = _run(tmp_path, INVOICE_LINES, backend, columns)  # mapped: one order of its lines' amounts
    assert code == 0 and _revenue(out) == [["2026-01", 660.0]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_unit_price_is_multiplied_by_its_quantity(tmp_path: Path, backend: str) -> None:
    columns = "customer_id=ContactName,date=InvoiceDate,amount=UnitAmount,order_id=InvoiceNumber"
    code, out = _run(tmp_path, INVOICE_LINES, backend, columns)
    assert code == 0 and _revenue(out) == [["2026-01", 2 * 99 + 212 + 250.0]]
    shopify = (
        "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price\n"
        "#1001,a@x.com,paid,2026-01-14 10:00:00,3,Mug,10.00\n#1001,a@x.com,,2026-01-14 10:00:00,2,Cap,15.00\n"
    )
    code, out = _run(
        tmp_path, shopify, backend, "customer_id=Email,date=Created at,order_id=Name,amount=Lineitem price"
    )
    assert code == 0 and _revenue(out) == [["2026-01", 60.0]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_camel_case_quantity_multiplies_a_unit_price(tmp_path: Path, backend: str) -> None:
    text = "order_id,Email,Date,UnitPrice,ItemQuantity\n1,a@x.com,2024-01-05,10,3\n2,b@x.com,2024-01-06,50,1\n"
    code, out = _run(tmp_path, text, backend, "customer_id=Email,date=Date,amount=UnitPrice")
    assert code == 0 and _revenue(out) == [["2024-01", 80.0]]  # 10 x 3 + 50: 60 before (H48)


def test_a_price_that_may_be_the_lines_is_refused_beside_a_quantity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "customer_id,date,order_id,Price,Qty\na,2026-01-05,1,30,3\nb,2026-01-06,2,10,1\n"
    assert _run(tmp_path, text, columns="amount=Price")[0] == 1
    err = capsys.readouterr().err
    assert "column 'Qty': quantities beside 'Price', which may be the price of one unit or of the line" in err
    assert "row 2 (counting the header as row 1): '3'" in err


LEDGER = """Date,Transaction Type,Num,Customer,Account,Amount
01/05/2026,Invoice,1001,Acme,Accounts Receivable (A/R),100.00
01/20/2026,Payment,,Acme,Undeposited Funds,100.00
01/26/2026,Invoice,1002,Bolt,Accounts Receivable (A/R),250.00
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_invoices_beside_their_payments_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    assert _run(tmp_path, LEDGER, backend, "customer_id=Customer,date=Date,amount=Amount")[0] == 1
    err = capsys.readouterr().err
    assert "column 'Transaction Type': payments beside the invoices they settle" in err and "in row 3 " in err
    invoices = "\n".join(line for line in LEDGER.splitlines() if "Payment," not in line) + "\n"
    code, out = _run(tmp_path, invoices, backend, "customer_id=Customer,date=Date,amount=Amount")
    assert code == 0 and _revenue(out) == [["2026-01", 350.0]]


CREDIT_NOTES = """ContactName,InvoiceNumber,Reference,InvoiceDate,Total,Type
Acme,INV-1001,,14/01/2026,400.00,Invoice
Bolt,INV-1002,,20/01/2026,300.00,Invoice
Acme,CN-0001,INV-1001,16/01/2026,400.00,Credit Note
Acme,INV-1003,,13/02/2026,400.00,Invoice
Bolt,INV-1004,,19/02/2026,300.00,Invoice
Bolt,CN-0002,INV-1004,21/02/2026,-100.00,Credit Note
"""
CREDIT_COLUMNS = "customer_id=ContactName,date=InvoiceDate,amount=Total,order_id=InvoiceNumber"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_credit_note_is_taken_off_the_invoice_it_names(tmp_path: Path, backend: str) -> None:
    code, out = _run(tmp_path, CREDIT_NOTES, backend, CREDIT_COLUMNS)
    assert code == 0
    assert _purchases(out) == [["2026-01", 1, 0], ["2026-02", 2, 1]]  # Acme's January invoice credited in full
    assert _revenue(out) == [["2026-01", 300.0, 200.0], ["2026-02", 400.0, ""]]


def test_a_credit_note_of_no_invoice_in_the_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = CREDIT_NOTES.replace(",INV-1001,16/01", ",,16/01").replace(",INV-1004,21/02", ",,21/02")
    assert _run(tmp_path, text, columns=CREDIT_COLUMNS)[0] == 1
    err = capsys.readouterr().err
    assert "column 'Type': credit notes whose invoice is not in the file" in err and "rows 4, 7" in err


def test_rfm_summary_leaves_out_the_orders_the_import_leaves_out() -> None:
    orders = pd.DataFrame(
        {"customer_id": ["a", "a", "a", "a", "b"], "amount": [10, 20, 30, 40, 5],
         "date": ["2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05", "2026-01-10"],
         "Zahlungsstatus": ["paid", "cancelled", "refunded", "paid", "paid"], "Erstattet": [0, 0, 0, 15, 0]}
    )  # fmt: skip
    summary = xr.rfm_summary(orders)
    assert summary.loc["a"].to_dict() == {"frequency": 1.0, "recency": 90.0, "T": 90.0, "monetary_value": 25.0}
    orders.loc[1, "Zahlungsstatus"] = "on hold"
    with pytest.raises(xr.NotANumberError, match="'Zahlungsstatus': order statuses that say neither paid nor unpaid"):
        xr.rfm_summary(orders)


def _typed(text: str) -> pd.DataFrame:
    frame = pd.read_csv(pd.io.common.StringIO(text), dtype=str)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["amount"] = frame["amount"].astype(float)
    return frame


@pytest.mark.parametrize(
    "text",
    [STATUS.replace(",order_id", ",ref").format("outcome", "cancelled"),
     MODE.replace(",order_id", ",ref").format("env", "production", "sandbox", "production"),
     REFUND.replace(",order_id", ",ref").format("Erstattet"),
     "customer_id,date,amount,InvoiceNumber\na,2026-01-05,10,I-1\na,2026-01-05,10,I-1\nb,2026-01-06,5,I-2\n"],
)  # fmt: skip
def test_a_typed_table_is_read_as_the_file(tmp_path: Path, text: str) -> None:
    """DuckDB reads a typed table (Parquet) itself only where no column may change it: these columns do, and it reads
    them as the file's reader does (before: the status, mode, refund and order id columns ignored)."""
    path = tmp_path / "orders.parquet"
    _typed(text).to_parquet(path)
    (tmp_path / "orders.csv").write_text(text, encoding="utf-8")
    outs = []
    for backend, source in (("pandas", "orders.csv"), ("duckdb", "orders.parquet")):
        out = tmp_path / backend
        outs.append((cli.main(["import", "--orders", str(tmp_path / source), "--backend", backend, "--to-csv",
                               str(out)]), out))  # fmt: skip
    assert outs[0][0] == outs[1][0]
    if outs[0][0] == 0:
        for name in ("purchases.csv", "order_revenue_cohorts.csv"):
            assert (outs[1][1] / name).read_text() == (outs[0][1] / name).read_text()


def test_a_failed_payment_and_its_retry_of_one_invoice_are_one_purchase(tmp_path: Path) -> None:
    """The unpaid rows are no order's lines: a failed charge and its retry sharing the invoice id pass, as before."""
    text = (
        "customer_id,date,amount,Invoice,Status\na,2026-01-05,10,in_1,failed\na,2026-01-05,10,in_1,succeeded\n"
        "b,2026-01-06,5,in_2,succeeded\n"
    )
    code, out = _run(tmp_path, text)
    assert code == 0 and _purchases(out) == [["2026-01", 2, 0]] and _revenue(out) == [["2026-01", 15.0]]


def test_a_credit_memo_in_a_file_without_an_order_id_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QuickBooks' Credit Memo of 40 was left out as a refund: revenue 150 where 110 was kept."""
    text = (
        "Date,Transaction Type,Num,Customer,Amount\n2026-01-05,Sales Receipt,1,Acme,100\n"
        "2026-01-07,Credit Memo,2,Acme,40\n2026-01-08,Sales Receipt,3,Bolt,50\n"
    )
    assert _run(tmp_path, text, columns="customer_id=Customer,date=Date,amount=Amount")[0] == 1
    err = capsys.readouterr().err
    assert "column 'Transaction Type': credit notes in a file without an order id" in err and "in row 3 " in err
    code, out = _run(tmp_path, text.replace("2026-01-07,Credit Memo,2,Acme,40\n", ""), columns="customer_id=Customer,"
                     "date=Date,amount=Amount")  # fmt: skip
    assert code == 0 and _revenue(out) == [["2026-01", 150.0]]  # QuickBooks' Sales Receipt: a sale


def test_an_attribute_shared_by_a_customers_two_orders_of_a_day_is_no_order_id(tmp_path: Path) -> None:
    """Two orders of one customer on one day, both from the 'web' channel: two orders, as before (a random input
    of the engines' test was refused as if 'channel' were an order id)."""
    code, out = _run(tmp_path, "customer_id,date,amount,channel\n4,2024-05-21,60,web\n4,2024-05-21,60,web\n")
    assert code == 0 and pd.read_csv(out / "purchases.csv")[["buyers", "repeat_purchasers"]].values.tolist() == [[1, 1]]


@pytest.mark.parametrize("name", ["Número de pedido", "注文番号", "Numer zamówienia", "订单号"])
def test_a_numeric_order_number_named_in_another_language_is_refused_unmapped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # two line items of customer a's order 1001 were two orders: a returning buyer in January (right: none)
    text = f'customer_id,date,amount,"{name}"\na,2024-01-05,10,1001\na,2024-01-05,20,1001\nb,2024-01-06,15,1002\n'
    assert _run(tmp_path, text)[0] == 1
    err = capsys.readouterr().err
    assert f"column {name!r}: rows of one customer and date that share a value" in err
    code, out = _run(tmp_path, text, columns=f"order_id={name}")
    assert code == 0 and _purchases(out) == [["2024-01", 2, 0]]
