"""App Store Connect's Subscription report with a 'Subscriber ID' column added was not caught (470db0b7 refused the
plain report only: a column naming a subscriber made it 'no such report'): read as a billing export, it asked to map
start and end, and stacked with a Date and mapped it offered 'Marketing Opt-Ins' as seats. A row of one id counting
120 subscriptions is refused naming the count, its value and the id. The Subscription Event report (events counted in
'Quantity', no subscriber) was offered "--columns 'start=Original Start Date'": refused as a report of counts too.
Both on pandas and on DuckDB's typed tables (Parquet)."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, written
from test_h271_app_store_subscription_report import HEADER, ROWS

from xl_retention.reading.store_count_reports import refuse_subscription_counts

INSTEAD = (
    "not one row per subscription: the import counts subscribers itself; export the Subscriber report (Sales and "
    "Trends > Reports > Subscriber: one row per purchase with its 'Subscriber ID') and import it with --orders, or "
    "your server's App Store transactions, one row per subscription"
)
WITH_ID = (
    "{name}: App Store Connect's Subscription report (its columns 'Active Standard Price Subscriptions', 'Active Free "
    "Trial Introductory Offer Subscriptions', 'Active Pay Up Front Introductory Offer Subscriptions', ... are counts "
    "of subscriptions per product, price and country on the report's day): 'Active Standard Price Subscriptions' is "
    "120 on the row of 'Subscriber ID' 900001, one subscriber named beside 120 subscriptions counted (a column of ids "
    f"added to the report makes no row one subscriber's), {INSTEAD}"
)
EVENTS = [
    "Event Date", "Event", "App Name", "App Apple ID", "Subscription Name", "Subscription Apple ID",
    "Subscription Group ID", "Standard Subscription Duration", "Subscription Offer Type", "Subscription Offer Duration",
    "Marketing Opt-In", "Marketing Opt-In Duration", "Preserved Pricing", "Proceeds Reason", "Promotional Offer Name",
    "Promotional Offer ID", "Consecutive Paid Periods", "Original Start Date", "Device", "Client", "State", "Country",
    "Previous Subscription Name", "Previous Subscription Apple ID", "Days Before Canceling", "Cancellation Reason",
    "Days Canceled", "Quantity",
]  # fmt: skip
EVENT_ROWS = [
    ["2026-11-30", event, "Acme", "1234567890", "Pro Monthly", "1500000001", "20000001", "1 Month", "", "", "", "",
     "", "", "", "", periods, start, "iPhone", "", "CA", "US", "", "", "", reason, "", quantity]
    for event, periods, start, reason, quantity in [
        ("Subscribe", "1", "2026-11-30", "", "12"), ("Renew", "13", "2025-10-30", "", "40"),
        ("Cancel", "3", "2026-08-30", "Price", "5"),
    ]
]  # fmt: skip
EVENT_MESSAGE = (
    "{name}: App Store Connect's Subscription Event report (its column 'Quantity' counts the events{events} of each "
    f"product, offer and country on the day; no subscriber is named), {INSTEAD}"
)


def _tab(header: list[str], rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in [header, *rows]) + "\n"


def _with_ids() -> tuple[list[str], list[list[str]]]:
    return [*HEADER, "Subscriber ID"], [[*row, str(n)] for n, row in enumerate(ROWS, start=900001)]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("kind", ["--subscriptions", "--orders"])
def test_the_report_with_a_subscriber_id_added_is_refused(tmp_path, capsys, backend, kind) -> None:
    path = written(tmp_path, "S_20261130.txt", _tab(*_with_ids()))
    args = (kind, str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == WITH_ID.format(name="S_20261130.txt")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_stacked_with_a_date_and_mapped_it_is_refused_not_offered_seats(tmp_path, capsys, backend) -> None:
    header, rows = _with_ids()
    stacked = [[day, *row] for day in ("2026-11-28", "2026-11-29") for row in rows]
    path = written(tmp_path, "stacked.txt", _tab(["Date", *header], stacked))
    columns = "customer_id=Subscriber ID,month=Date,amount=Customer Price"
    args = ("--subscriptions", str(path), "--columns", columns, "--backend", backend, "--to-csv", str(tmp_path / "s"))
    assert refusal(capsys, *args) == WITH_ID.format(name="stacked.txt")


def test_a_typed_table_with_ids_is_refused_on_both_engines(tmp_path) -> None:
    from xl_retention.reading import DataError
    from xl_retention.workbook.importer import load_tables

    header, rows = _with_ids()
    frame = pd.DataFrame(rows, columns=header)
    for name in [c for c in header if "Subscriptions" in c or c in ("Subscribers", "Marketing Opt-Ins")]:
        frame[name] = frame[name].astype("int64")  # a typed table's counts: numbers
    frame.to_parquet(tmp_path / "report.parquet")
    for backend in ("pandas", "duckdb"):
        with pytest.raises(DataError) as caught:
            load_tables(tmp_path / "report.parquet", backend=backend)
        assert str(caught.value) == WITH_ID.format(name="report.parquet")


def test_a_file_of_one_subscriber_a_row_is_not_refused() -> None:
    frame = pd.DataFrame(
        {"Subscriber ID": ["900001", "900002"], "Active Standard Price Subscriptions": [1, 0],
         "Active Free Trial Introductory Offer Subscriptions": [0, 1], "Subscribers": [1, 1]}
    )  # fmt: skip
    assert refuse_subscription_counts(frame, "subscribers.csv") is None


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("kind", ["--subscriptions", "--orders"])
def test_the_subscription_event_report_is_refused_as_counts(tmp_path, capsys, backend, kind) -> None:
    path = written(tmp_path, "E_20261130.txt", _tab(EVENTS, EVENT_ROWS))
    args = (kind, str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == EVENT_MESSAGE.format(
        name="E_20261130.txt", events=" ('Cancel', 'Renew', 'Subscribe')"
    )


def test_the_event_report_as_a_typed_table_is_refused_on_both_engines(tmp_path) -> None:
    from xl_retention.reading import DataError
    from xl_retention.workbook.importer import load_tables

    frame = pd.DataFrame(EVENT_ROWS, columns=EVENTS).astype({"Quantity": "int64"})
    frame.to_parquet(tmp_path / "events.parquet")
    for backend in ("pandas", "duckdb"):
        with pytest.raises(DataError) as caught:
            load_tables(tmp_path / "events.parquet", backend=backend)
        events = " ('Cancel', 'Renew', 'Subscribe')"
        assert str(caught.value) == EVENT_MESSAGE.format(name="events.parquet", events=events)


def test_the_event_report_with_ids_added_is_refused_by_its_quantity() -> None:
    from xl_retention.reading import DataError

    frame = pd.DataFrame(EVENT_ROWS, columns=EVENTS).assign(**{"Subscriber ID": ["7001", "7002", "7003"]})
    with pytest.raises(DataError, match=r"'Quantity' is 12 on the row of 'Subscriber ID' 7001, one subscriber named"):
        refuse_subscription_counts(frame, "E.txt")
