"""Ids that are no customer: a hand-kept sheet's monthly subtotal rows ('Total January': H36 finding 08), a till's
placeholder e-mails for walk-in sales, a zeroed advertising id, a GDPR-erased '[deleted]' (H36 finding 04). Each
was one more customer, exit 0 (Jan buyers 3 for 2, revenue 300 for 150; a returning rate of 100%)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

ORDERS = ("--columns", "customer_id=Customer,date=Date,amount=Amount")
SUBTOTAL = (
    "subtotal rows (a month's or a period's totals, not a customer) in rows 4, 6 (counting the header as row 1): "
)


@pytest.mark.parametrize("label", ["Total January", "January Total", "Total for January 2024", "Monthly total",
                                   "Summe Januar", "Sous-total", "Subtotal Jan", "Total: Jan 2024"])  # fmt: skip
def test_a_monthly_subtotal_row_is_refused_naming_its_rows(tmp_path: Path, capsys, label: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        f"Date,Customer,Amount\n2024-01-05,a,100\n2024-01-06,b,50\n2024-01-31,{label},150\n2024-02-05,a,30\n"
        f"2024-02-29,{label},30\n"
    )
    assert refusal(capsys, "--orders", str(path), *ORDERS, "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv, column 'Customer': {SUBTOTAL}'{label}', '{label}': remove them"
    )


def test_a_subscriptions_subtotal_row_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mrr.csv"
    path.write_text(
        "customer_id,month,mrr\na,2024-01,100\nb,2024-01,50\nMonthly total,2024-01,150\na,2024-02,100\n"
        "Monthly total,2024-02,100\n"
    )
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"mrr.csv, column 'customer_id': {SUBTOTAL}'Monthly total', 'Monthly total': remove them"
    )


def test_customers_whose_names_hold_a_total_or_a_month_are_customers(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(  # 'May' paid as much as 'Total Wine' in January: one row is half its month's sum
        "Date,Customer,Amount\n2024-01-05,Total Wine,50\n2024-01-06,May,50\n2024-02-05,Total Wine,30\n"
        "2024-02-06,Sum Kit,30\n"
    )
    out = run(tmp_path, "--orders", path, *ORDERS)
    assert (out / "purchases.csv").read_text().splitlines()[1:] == ["2024-01,2,0,0,0.0,0.0", "2024-02,2,0,1,0.0,0.5"]


PLACEHOLDER = (
    "pos.csv, column 'Customer Email': customer ids that stand for no one (a placeholder e-mail typed for walk-in "
    "sales: all of them would be one customer who returns) in rows 3, 5 (counting the header as row 1): "
)
PLACEHOLDER_ADVICE = ": remove those rows, or give each customer their own id"


@pytest.mark.parametrize("email", ["noemail@example.com", "none@none.com", "no@email.com", "walkin@store.com",
                                   "Guest@Shop.de", "ann@noemail.com", "no-reply@shop.com", "x@x.com"])  # fmt: skip
def test_a_placeholder_email_is_refused_naming_its_rows(tmp_path: Path, capsys, email: str) -> None:
    path = tmp_path / "pos.csv"
    path.write_text(
        f"Customer Email,Date,Total,Receipt Number\nann@example.com,2024-01-05,10,1\n{email},2024-01-06,10,2\n"
        f"info@acme.com,2024-01-07,10,3\n{email},2024-02-06,10,4\n"
    )
    args = ("--columns", "customer_id=Customer Email,date=Date,amount=Total,order_id=Receipt Number")
    assert refusal(capsys, "--orders", str(path), *args, "--to-csv", str(tmp_path / "o")) == (
        f"{PLACEHOLDER}'{email}', '{email}'{PLACEHOLDER_ADVICE}"
    )


@pytest.mark.parametrize("erased", ["00000000-0000-0000-0000-000000000000", "[deleted]", "Redacted", "anonymized"])
def test_a_zeroed_or_erased_id_is_refused(tmp_path: Path, capsys, erased: str) -> None:
    path = tmp_path / "visits.csv"
    path.write_text(f"visitor_id,date\nv1,2024-01-05\n{erased},2024-01-06\n{erased},2024-02-06\n")
    assert refusal(capsys, "--visits", str(path), "--to-csv", str(tmp_path / "o")) == (
        "visits.csv, column 'visitor_id': visitor ids that stand for no one (a guest checkout: WooCommerce writes 0; "
        "Google Analytics '(not set)': all of them would be one visitor who returns) in rows 3, 4 (counting the "
        f"header as row 1): '{erased}', '{erased}': map the e-mail as the id, --columns visitor_id=NAME (an e-mail or "
        "user id column), or remove those rows"
    )
