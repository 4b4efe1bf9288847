"""App Store Connect's Subscription report (H266's finding 05): counts of subscriptions per product and country, no
subscriber. It was called a billing export ('map them: --columns start=NAME,end=NAME', which it has not), then its
counts were offered as seats and as prices; it is refused as a report of counts on every engine, naming them and the
Subscriber report to import instead."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, written

HEADER = [
    "App Name", "App Apple ID", "Subscription Name", "Subscription Apple ID", "Subscription Group ID",
    "Standard Subscription Duration", "Subscription Offer Name", "Promotional Offer ID", "Customer Price",
    "Customer Currency", "Developer Proceeds", "Proceeds Currency", "Preserved Pricing", "Proceeds Reason", "Client",
    "Device", "State", "Country", "Active Standard Price Subscriptions",
    "Active Free Trial Introductory Offer Subscriptions", "Active Pay Up Front Introductory Offer Subscriptions",
    "Active Pay As You Go Introductory Offer Subscriptions", "Free Trial Promotional Offer Subscriptions",
    "Pay Up Front Promotional Offer Subscriptions", "Pay As You Go Promotional Offer Subscriptions",
    "Free Trial Offer Code Subscriptions", "Pay Up Front Offer Code Subscriptions",
    "Pay As You Go Offer Code Subscriptions", "Marketing Opt-Ins", "Billing Retry", "Grace Period", "Subscribers",
]  # fmt: skip
ROWS = [
    ["Acme", "1234567890", "Pro Monthly", "1500000001", "20000001", "1 Month", "", "", "9.99", "USD", "6.99", "USD",
     "", "", "", "iPhone", "CA", "US", "120", "15", "0", "0", "0", "0", "0", "0", "0", "0", "3", "2", "1", "138"],
    ["Acme", "1234567890", "Pro Yearly", "1500000002", "20000001", "1 Year", "", "", "79.99", "USD", "55.99", "USD",
     "", "", "", "iPhone", "NY", "US", "40", "5", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "45"],
]  # fmt: skip
MESSAGE = (
    "{name}: App Store Connect's Subscription report (its columns 'Active Standard Price Subscriptions', 'Active Free "
    "Trial Introductory Offer Subscriptions', ..., 'Subscribers' are counts of subscriptions per product, price and "
    "country on the report's day; no subscriber is named), not one row per subscription: the import counts "
    "subscribers itself; export the Subscriber report (Sales and Trends > Reports > Subscriber: one row per purchase "
    "with its 'Subscriber ID') and import it with --orders, or your server's App Store transactions, one row per "
    "subscription"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_subscription_report_is_refused_as_counts(tmp_path, capsys, backend) -> None:
    text = "\n".join("\t".join(r) for r in [HEADER, *ROWS]) + "\n"
    path = written(tmp_path, "S_20261130.txt", text)
    args = ("--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == MESSAGE.format(name="S_20261130.txt")
    # three days stacked with a Date column and the mapping the old messages led to: refused alike
    stacked = "\n".join("\t".join(r) for r in [["Date", *HEADER]] + [[d, *r] for d in ("2026-11-28", "2026-11-29")
                                                                     for r in ROWS]) + "\n"  # fmt: skip
    path = written(tmp_path, "stacked.txt", stacked)
    columns = "customer_id=Subscription Apple ID,month=Date,amount=Customer Price,quantity=Subscribers"
    args = ("--subscriptions", str(path), "--columns", columns, "--backend", backend, "--to-csv", str(tmp_path / "s"))
    assert refusal(capsys, *args) == MESSAGE.format(name="stacked.txt")


def test_a_typed_table_of_the_report_is_refused_on_duckdb(tmp_path) -> None:
    from xl_retention.reading import DataError
    from xl_retention.workbook.importer import load_tables

    frame = pd.DataFrame(ROWS, columns=HEADER)
    frame.to_parquet(tmp_path / "report.parquet")
    for backend in ("pandas", "duckdb"):
        with pytest.raises(DataError, match=r"^report\.parquet: App Store Connect's Subscription report"):
            load_tables(tmp_path / "report.parquet", backend=backend)
