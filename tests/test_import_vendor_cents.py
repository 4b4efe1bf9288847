"""Money fields a billing vendor documents in cents, in a file of that vendor's own field names (H254 findings 01, 02).

Chargebee's API subscriptions flattened to CSV (``object`` = ``subscription``, no ``resource_version``;
``plan_unit_price`` 5000 for 50.00) and Baremetrics' CSV import template (``plan_amount`` "cents integer, $1 == 100")
were read in units with no note: June new MRR 25,000 for 250. Chargebee's are now refused asking for ``--amounts``,
Baremetrics' read in cents with a note (a typed table on an engine too); a table typed by hand with Chargebee's names
is read in units as before.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

from xl_retention import relational
from xl_retention.reading import DataError
from xl_retention.reading.notes import ReadingNoteWarning

CHARGEBEE = (
    "id,customer_id,plan_id,plan_quantity,plan_unit_price,billing_period,billing_period_unit,status,started_at,"
    "cancelled_at,current_term_start,currency_code,object\n"
    "sA,A,basic,1,5000,1,month,active,2026-06-03,,2026-11-03,USD,subscription\n"
    "sB,B,pro,1,10000,1,month,cancelled,2026-06-10,2026-09-10,2026-08-10,USD,subscription\n"
    "sC,C,pro-y,1,120000,1,year,active,2026-06-15,,2026-06-15,USD,subscription\n"
    "sD,D,seat,2,3000,1,month,active,2026-07-01,,2026-11-01,USD,subscription\n"
)
BAREMETRICS = (
    "plan_oid,plan_name,plan_currency,plan_amount,plan_interval,plan_interval_count,customer_oid,customer_name,"
    "customer_email,subscription_oid,subscription_started_at,subscription_canceled_at,subscription_quantity\n"
    "basic,Basic,USD,5000,month,1,cust_A,A,a@x.com,sub_A,2026-06-03,,1\n"
    "pro,Pro,USD,10000,month,1,cust_B,B,b@x.com,sub_B,2026-06-10,2026-09-10,1\n"
    "pro_y,Pro Yearly,USD,120000,year,1,cust_C,C,c@x.com,sub_C,2026-06-15,,1\n"
    "seat,Seat,USD,3000,month,1,cust_D,D,d@x.com,sub_D,2026-07-01,,2\n"
)
CB_DATES = ("--columns", "start=started_at,end=cancelled_at", "--through", "2026-09")
BM_COLUMNS = (
    "--columns",
    "start=subscription_started_at,end=subscription_canceled_at,customer_id=customer_oid",
    "--through",
    "2026-09",
)


def _new_mrr(out: Path) -> list[float]:
    return pd.read_csv(out / "movements.csv")["new_mrr"].tolist()


def test_chargebee_api_objects_with_object_field_are_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(tmp_path, "subscriptions.csv", CHARGEBEE)
    assert refusal(capsys, "--subscriptions", str(path), *CB_DATES, "--to-csv", str(tmp_path / "o")) == (
        "subscriptions.csv, column 'plan_unit_price': whole amounts in an export of Chargebee's API (its object "
        "field), which writes money in cents (5000 as 50.00), where Chargebee's CSV exports write units (5000.00): "
        "say which with --amounts cents or --amounts units in row 2 (counting the header as row 1): '5000'"
    )


def test_chargebee_api_objects_told_by_their_api_only_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = CHARGEBEE.replace(",object\n", ",next_billing_at\n").replace(",subscription\n", ",2026-12-01\n")
    path = written(tmp_path, "subscriptions.csv", text)
    assert "(its current_term_start and next_billing_at fields)" in refusal(
        capsys, "--subscriptions", str(path), *CB_DATES, "--to-csv", str(tmp_path / "o")
    )


def test_chargebee_api_amounts_cents_reads_them(tmp_path: Path) -> None:
    path = written(tmp_path, "subscriptions.csv", CHARGEBEE)
    out = run(tmp_path, "--subscriptions", path, *CB_DATES, "--amounts", "cents")
    assert _new_mrr(out) == [250.0, 60.0, 0.0, 0.0]  # 50 + 100 + 1200/12; 30 x 2


def test_a_hand_table_with_chargebees_names_stays_in_units(tmp_path: Path) -> None:
    text = "customer_id,plan_unit_price,billing_period,billing_period_unit,started_at\nA,50,1,month,2026-06-03\n"
    out = run(tmp_path, "--subscriptions", written(tmp_path, "s.csv", text), "--columns", "start=started_at")
    assert _new_mrr(out) == [50.0]


def test_baremetrics_template_is_read_in_cents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(tmp_path, "baremetrics.csv", BAREMETRICS)
    out = run(tmp_path, "--subscriptions", path, *BM_COLUMNS)
    assert _new_mrr(out) == [250.0, 60.0, 0.0, 0.0]
    assert pd.read_csv(out / "movements.csv")["churned_mrr"].tolist() == [0.0, 0.0, 0.0, 100.0]
    assert (
        "baremetrics.csv: the whole amounts of 'plan_amount' were read in cents, as Baremetrics' import template "
        "writes them (its oid columns; 5000 as 50.00); if they are whole units, import with --amounts units"
    ) in capsys.readouterr().out


def test_baremetrics_template_amounts_units(tmp_path: Path) -> None:
    path = written(tmp_path, "baremetrics.csv", BAREMETRICS)
    out = run(tmp_path, "--subscriptions", path, *BM_COLUMNS, "--amounts", "units")
    assert _new_mrr(out) == [25000.0, 6000.0, 0.0, 0.0]


def test_baremetrics_amount_below_a_unit_in_cents_is_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(tmp_path, "baremetrics.csv", BAREMETRICS.replace(",USD,3000,", ",USD,30,"))
    assert refusal(capsys, "--subscriptions", str(path), *BM_COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "baremetrics.csv, column 'plan_amount': whole amounts in Baremetrics' import template (its oid columns), "
        "which writes 'plan_amount' in cents (30 as 0.30), but 30 in cents is below one currency unit: in cents, or "
        "in units (30.00)? say which with --amounts cents or --amounts units in row 5 (counting the header as row 1): "
        "'30'"
    )


def _typed_template(prices: list[int]) -> pd.DataFrame:
    """Baremetrics' template as a typed table (integer amounts, dates as dates): the engine reads it in place."""
    frame = pd.read_csv(io.StringIO(BAREMETRICS))
    frame["plan_amount"] = prices
    for column in ("subscription_started_at", "subscription_canceled_at"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


TYPED = {"start": "subscription_started_at", "end": "subscription_canceled_at", "customer_id": "customer_oid"}


def test_a_typed_table_of_baremetrics_template_is_read_in_cents() -> None:
    table = _typed_template([5000, 10000, 120000, 3000])
    with pytest.warns(ReadingNoteWarning, match="'plan_amount' were read in cents, as Baremetrics' import template"):
        tables = relational.subscription_tables(table, columns=TYPED, through="2026-09", backend="duckdb")
    assert tables.movements["new_mrr"].tolist() == [250.0, 60.0, 0.0, 0.0]


def test_a_typed_table_of_baremetrics_template_below_a_unit_is_asked() -> None:
    with pytest.raises(DataError, match=r"30 in cents is below one currency unit: in cents, or in units \(30\.00\)"):
        relational.subscription_tables(_typed_template([5000, 10000, 120000, 30]), columns=TYPED, backend="duckdb")
