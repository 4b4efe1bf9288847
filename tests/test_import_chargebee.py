"""Chargebee exports prefix each column with its object (``subscriptions.plan_unit_price``, ``customers.id``): the
columns are recognised as the bare names are, on the pandas path and on DuckDB; nothing that changes the MRR is
left out, and two columns that could be the customer id are used only when they agree."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading.billing import bare_key
from xl_retention.tables import monthly_movements, snapshots_from_intervals

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

ERROR = "xl-retention: error: "
DATES = "start=subscriptions.started_at,end=subscriptions.cancelled_at"
HEADER = ["subscriptions.id", "subscriptions.customer_id", "subscriptions.plan_id", "subscriptions.plan_quantity",
          "subscriptions.plan_unit_price", "subscriptions.plan_amount", "subscriptions.billing_period",
          "subscriptions.billing_period_unit", "subscriptions.status", "subscriptions.started_at",
          "subscriptions.cancelled_at", "customers.id", "customers.email"]  # fmt: skip
ROWS = [
    ["sub_1", "cus_1", "pro-annual", "1", "1200", "1200", "1", "year", "active", "2025-01-10", "", "cus_1", "a@x.io"],
    ["sub_2", "cus_2", "team", "3", "100", "300", "1", "month", "active", "2025-01-12", "", "cus_2", "b@x.io"],
    ["sub_3", "cus_3", "quarterly", "1", "300", "300", "3", "month", "cancelled", "2025-01-20", "2025-03-02", "cus_3",
     "c@x.io"],
]  # fmt: skip
# 1,200 a year = 100; 3 seats x 100 a month = 300; 300 every 3 months = 100 (January and February)
MRR_END = [("2025-01", "500.0"), ("2025-02", "500.0"), ("2025-03", "400.0")]


def export(path: Path, drop: tuple[str, ...] = (), **changed: list[str]) -> Path:
    frame = pd.DataFrame(ROWS, columns=HEADER)
    for name, values in changed.items():
        frame[name.replace("__", ".")] = values
    frame.drop(columns=list(drop)).to_csv(path, index=False)
    return path


def imported(capsys: pytest.CaptureFixture[str], tmp_path: Path, path: Path, backend: str, columns: str = DATES):
    out = tmp_path / f"out-{backend}"
    args = ["import", "--subscriptions", str(path), "--backend", backend, "--columns", columns, "--to-csv", str(out)]
    code = cli.main(args)
    err = capsys.readouterr().err
    if code:
        assert err.startswith(ERROR) and err.count("\n") == 1, err
        return err[len(ERROR) :].strip()
    with open(out / "movements.csv", newline="") as handle:
        return [(row["month"], row["mrr_end"]) for row in csv.DictReader(handle)]


def test_the_prefix_is_read_off_and_an_objects_id_is_its_id() -> None:
    assert bare_key("subscriptions.billing_period_unit") == "billing_period_unit"
    assert (bare_key("customers.id"), bare_key("subscriptions.id"), bare_key("subscription_items.id")) == (
        "customer_id", "subscription_id", "subscription_item_id")  # fmt: skip
    assert bare_key("billing_cycle.interval") is None  # Paddle's dotted names are names, not prefixes
    assert bare_key("plan_unit_price") is None


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_chargebee_subscriptions_export_gives_the_bare_names_mrr(tmp_path, capsys, backend: str) -> None:
    assert imported(capsys, tmp_path, export(tmp_path / "subs.csv"), backend) == MRR_END
    only = export(tmp_path / "own.csv", drop=("subscriptions.customer_id",))  # customers.id is then the customer id
    assert imported(capsys, tmp_path, only, backend) == MRR_END


def test_prefixed_and_bare_headers_give_the_same_tables() -> None:
    frame = pd.DataFrame(ROWS, columns=HEADER).replace("", None)
    # bare, plan_amount would be taken for Stripe's price per unit beside plan_unit_price, and refused as a second one
    bare = frame.rename(columns=lambda c: c.split(".", 1)[1]).drop(columns=["id", "email", "plan_amount"])
    options = {"columns": {"start": "started_at", "end": "cancelled_at"}, "through": "2025-03"}
    got = snapshots_from_intervals(frame, **{**options, "columns": {"start": "subscriptions.started_at",
                                                                    "end": "subscriptions.cancelled_at"}})  # fmt: skip
    pd.testing.assert_frame_equal(got, snapshots_from_intervals(bare, **options))
    assert monthly_movements(got)["mrr_end"].tolist() == [500.0, 500.0, 400.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_customers_id_that_differs_is_refused(tmp_path, capsys, backend: str) -> None:
    path = export(tmp_path / "subs.csv", customers__id=["cus_1", "cus_9", "cus_3"])
    assert imported(capsys, tmp_path, path, backend) == (
        "subs.csv, column 'subscriptions.customer_id': ids that differ from 'customers.id' (which is the customer_id "
        "cannot be told: map one, --columns customer_id=NAME) in row 3 (counting the header as row 1): 'cus_2'"
    )
    mapped = f"{DATES},customer_id=subscriptions.customer_id"
    assert imported(capsys, tmp_path, path, backend, mapped) == MRR_END


def test_a_typed_parquet_export_with_ids_that_differ_is_refused_by_the_engine(tmp_path, capsys) -> None:
    frame = pd.DataFrame(ROWS, columns=HEADER).replace("", None)
    for name in ("subscriptions.started_at", "subscriptions.cancelled_at"):
        frame[name] = pd.to_datetime(frame[name])
    for name in ("subscriptions.plan_quantity", "subscriptions.plan_unit_price", "subscriptions.billing_period"):
        frame[name] = frame[name].astype(float)
    frame.to_parquet(tmp_path / "subs.parquet")
    assert imported(capsys, tmp_path, tmp_path / "subs.parquet", "duckdb") == MRR_END
    frame.loc[2, "customers.id"] = None
    frame.to_parquet(tmp_path / "subs.parquet")
    assert imported(capsys, tmp_path, tmp_path / "subs.parquet", "duckdb") == (
        "subs.parquet, column 'subscriptions.customer_id': ids that differ from 'customers.id' (which is the "
        "customer_id cannot be told: map one, --columns customer_id=NAME) in row 3 (counting the Parquet "
        "file's first record as row 1): 'cus_3'"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_chargebee_plan_amount_is_never_the_unit_price(tmp_path, capsys, backend: str) -> None:
    # plan_amount is unit price x quantity: taken as the price, 3 seats would count 900 where 300 is right
    path = export(tmp_path / "subs.csv", drop=("subscriptions.plan_unit_price",))
    assert imported(capsys, tmp_path, path, backend) == (
        "subs.csv: a billing interval column ('subscriptions.billing_period_unit') needs the price per interval: an "
        "'amount' column, or map it: --columns amount=NAME (in Python: columns={'amount': 'NAME'})"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_mrr_column_beside_the_price_is_refused_until_one_is_mapped(tmp_path, capsys, backend: str) -> None:
    path = export(tmp_path / "subs.csv", subscriptions__mrr=["100", "300", "90"])
    assert imported(capsys, tmp_path, path, backend) == (
        "subs.csv: both 'subscriptions.plan_unit_price' and 'subscriptions.mrr' are there with "
        "'subscriptions.billing_period_unit': which is the price per billing interval cannot be told; map one of "
        "them: --columns amount=subscriptions.plan_unit_price (the price per interval: MRR is computed from it, "
        "'subscriptions.mrr' is not used) or --columns mrr=subscriptions.mrr (already per month: the billing "
        "interval is not used)"
    )
    assert imported(capsys, tmp_path, path, backend, f"{DATES},amount=subscriptions.plan_unit_price") == MRR_END
    by_mrr = [("2025-01", "490.0"), ("2025-02", "490.0"), ("2025-03", "400.0")]  # subscriptions.mrr as it is
    assert imported(capsys, tmp_path, path, backend, f"{DATES},mrr=subscriptions.mrr") == by_mrr


def test_a_prefixed_column_that_changes_the_mrr_is_never_left_out(tmp_path, capsys) -> None:
    path = export(tmp_path / "subs.csv", drop=("subscriptions.plan_quantity",),
                  subscriptions__plan_quantity_in_decimal=["1", "3", "1"])  # fmt: skip
    assert imported(capsys, tmp_path, path, "pandas") == (
        "subs.csv: column 'subscriptions.plan_quantity_in_decimal' looks like the billing quantity but is not used; "
        "it changes the MRR (MRR = amount x quantity / (months per interval x interval_count)): map it: "
        "--columns quantity=subscriptions.plan_quantity_in_decimal"
    )
    mapped = f"{DATES},quantity=subscriptions.plan_quantity_in_decimal"
    assert imported(capsys, tmp_path, path, "pandas", mapped) == MRR_END
