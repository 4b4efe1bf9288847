"""A price mapped to mrr beside billing-period columns of 12 or 3 months was read as monthly (H50 finding 04).

A Stripe subscriptions export without an interval column but with "Current Period Start/End (UTC)", a yearly plan's
1,200 mapped as mrr: Feb MRR 1,550 for 250, exit 0. An invoices export read by month with a 12-month "Period
Start/End": the yearly customer lost in February. Now refused, naming the rows and their spans
(reading.period_spans); monthly periods, a column named MRR and a trial's period read as before.
"""

from pathlib import Path

import pytest

from xl_retention.reading import DataError
from xl_retention.reading.period_spans import period_columns
from xl_retention.workbook.importer import load_tables

STRIPE = (
    "id,Customer ID,Plan,Amount,Status,Created (UTC),Ended At (UTC),Current Period Start (UTC),"
    "Current Period End (UTC)\n"
    "sub_1,cus_A,Pro,1200.00,active,2024-01-15 10:00,,2024-01-15 10:00,2025-01-15 10:00\n"
    "sub_2,cus_B,Basic,50.00,active,2024-01-20 10:00,,2024-03-20 10:00,2024-04-20 10:00\n"
    "sub_3,cus_C,Team,300.00,active,2024-02-03 10:00,,2024-02-03 10:00,2024-05-03 10:00\n"
)
STRIPE_COLUMNS = {"customer_id": "Customer ID", "start": "Created (UTC)", "end": "Ended At (UTC)", "mrr": "Amount"}


def _refusal(path: Path, columns: dict[str, str]) -> str:
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions=path, columns=columns)
    return str(caught.value)


def test_a_yearly_and_a_quarterly_period_beside_a_price_as_mrr_are_refused(tmp_path) -> None:
    (tmp_path / "stripe.csv").write_text(STRIPE)
    assert _refusal(tmp_path / "stripe.csv", STRIPE_COLUMNS) == (
        "stripe.csv, column 'Amount': 'Amount' (taken as mrr) is a price per billing period, and 'Current Period "
        "Start (UTC)' to 'Current Period End (UTC)' spans 2 months or more in rows 2, 4 (counting the header as row "
        "1): '1200.00 over 2024-01-15 to 2025-01-15 (12 months)', '300.00 over 2024-02-03 to 2024-05-03 (3 months)': "
        "read as monthly, a yearly price would count 12 times: map mrr to a monthly column, or give a billing "
        "interval column (month, year) and map the price as amount (--columns amount=Amount with interval=...)"
    )


def test_recurly_period_names_are_read_too(tmp_path) -> None:
    (tmp_path / "recurly.csv").write_text(
        "account_code,plan_price,state,activated_at,expires_at,current_period_started_at,current_period_ends_at\n"
        "acme,1200.00,active,2024-01-15T10:00:00Z,,2024-01-15T10:00:00Z,2025-01-15T10:00:00Z\n"
        "beta,50.00,active,2024-01-20T10:00:00Z,,2024-03-20T10:00:00Z,2024-04-20T10:00:00Z\n"
    )
    columns = {"customer_id": "account_code", "start": "activated_at", "end": "expires_at", "mrr": "plan_price"}
    message = _refusal(tmp_path / "recurly.csv", columns)
    assert "'current_period_started_at' to 'current_period_ends_at' spans 2 months or more" in message
    assert "in row 2 (counting the header as row 1): '1200.00 over 2024-01-15 to 2025-01-15 (12 months)': " in message


def test_invoices_read_by_month_with_a_yearly_period_are_refused(tmp_path) -> None:
    (tmp_path / "invoices.csv").write_text(
        "Customer,Date (UTC),Total,Period Start (UTC),Period End (UTC)\n"
        "cus_A,2024-01-15,1200.00,2024-01-15,2025-01-15\n"
        "cus_B,2024-01-20,50.00,2024-01-20,2024-02-20\n"
        "cus_B,2024-02-20,50.00,2024-02-20,2024-03-20\n"
    )
    message = _refusal(tmp_path / "invoices.csv", {"customer_id": "Customer", "month": "Date (UTC)", "mrr": "Total"})
    assert message == (
        "invoices.csv, column 'Total': 'Total' (taken as mrr) is a price per billing period, and 'Period Start (UTC)' "
        "to 'Period End (UTC)' spans 2 months or more in row 2 (counting the header as row 1): '1200.00 over "
        "2024-01-15 to 2025-01-15 (12 months)': a payment of a year would be 12 months' MRR in its month and the "
        "customer lost the month after: give one row per customer and month the payment covers, with the MRR, or "
        "import the rows with --orders"
    )


def test_monthly_periods_a_column_named_mrr_and_a_trials_period_read_as_before(tmp_path) -> None:
    monthly = STRIPE.replace("2025-01-15 10:00\n", "2024-02-15 10:00\n").replace(
        "300.00,active,2024-02-03 10:00,,2024-02-03 10:00,2024-05-03 10:00",
        "300.00,active,2024-02-03 10:00,,2024-02-03 10:00,2024-03-03 10:00",
    )
    (tmp_path / "monthly.csv").write_text(monthly)
    tables = load_tables(subscriptions=tmp_path / "monthly.csv", columns=STRIPE_COLUMNS)
    assert tables.movements["mrr_end"].tolist()[:2] == [1250.0, 1550.0]  # each price per month, as the periods say
    (tmp_path / "mrr.csv").write_text(STRIPE.replace(",Amount,", ",MRR,"))
    tables = load_tables(subscriptions=tmp_path / "mrr.csv", columns={**STRIPE_COLUMNS, "mrr": "MRR"})
    assert tables.movements["mrr_end"].tolist()[:2] == [1250.0, 1550.0]  # named MRR: monthly, said so
    trial = (
        "Customer ID,Amount,Created (UTC),Ended At (UTC),Trial End (UTC),Current Period Start (UTC),"
        "Current Period End (UTC)\n"
        "cus_A,100.00,2024-01-01,,2024-03-01,2024-01-01,2024-03-01\n"
        "cus_B,50.00,2024-01-01,,,2024-02-01,2024-03-01\n"
    )
    (tmp_path / "trial.csv").write_text(trial)
    tables = load_tables(subscriptions=tmp_path / "trial.csv", columns=STRIPE_COLUMNS, options=None)
    assert tables.movements["mrr_end"].tolist() == [50.0, 50.0, 150.0]  # A pays from its trial's end, 1 March


def test_the_period_columns_pair_start_and_end_names() -> None:
    assert period_columns(["Billing Period Start", "Billing Period End", "Start", "End", "Trial Start"]) == [
        ("Billing Period Start", "Billing Period End")
    ]
    assert period_columns(["current_term_start", "next_billing_at"]) == []
