"""Amounts in a currency's smallest unit are read alike by every engine (H10 i09, i13, i14; H12's rule in
reading.smallest_units.minor_unit_divisors, mirrored for typed tables in relational.inputs).

* Stripe's API, Sigma and warehouse syncs (every header lower-case snake_case, every customer id ``cus_...``, a
  lower-case currency code, whole amounts) and Paddle Billing's API (``ctm_...`` customers, ``currency_code`` in
  capitals) give amounts in the currency's smallest unit: cents for USD (/ 100), the unit itself for zero-decimal
  currencies such as JPY (Stripe: "amount=500 for 500 yen"), thousandths for BHD, JOD, KWD, OMR, TND.
* A Dashboard export (headers such as "Customer ID", "Created (UTC)") is in units, also once Excel has resaved it
  and written 49.00 as 49.
Pandas (files) and DuckDB (typed Parquet) read alike.
"""

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ERROR = "xl-retention: error: "


def run(*args: object) -> int:
    return cli.main([str(a) for a in args])


def movements(path: Path, name: str = "mrr_end") -> dict[str, float]:
    with open(path / "movements.csv", newline="") as handle:
        return {row["month"]: round(float(row[name]), 6) for row in csv.DictReader(handle)}


def january_revenue(path: Path) -> float:
    with open(path / "order_revenue_cohorts.csv", newline="") as handle:
        return float(next(row["0"] for row in csv.DictReader(handle) if row["cohort"] == "2026-01"))


PADDLE = (
    "id,status,customer_id,currency_code,started_at,canceled_at,billing_cycle.interval,billing_cycle.frequency,"
    "items.price.unit_price.amount,items.quantity\n"
    "sub_01h1,active,ctm_01a,USD,2026-01-05T10:00:00Z,,month,1,4900,1\n"
    "sub_01h2,canceled,ctm_01b,USD,2026-01-20T10:00:00Z,2026-03-20T10:00:00Z,year,1,49000,2\n"
    "sub_01h3,active,ctm_01c,USD,2026-02-13T10:00:00Z,,month,3,12000,1\n"
)
PADDLE_COLUMNS = "start=started_at,end=canceled_at,quantity=items.quantity,amount=items.price.unit_price.amount"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_paddle_billing_prices_are_in_cents(tmp_path, backend):
    (tmp_path / "subs.csv").write_text(PADDLE)
    args = ["import", "--subscriptions", str(tmp_path / "subs.csv"), "--columns", PADDLE_COLUMNS, "--backend",
            backend, "--to-csv", str(tmp_path / "out")]  # fmt: skip
    assert cli.main(args) == 0
    # 49.00 a month; 2 x 490.00 a year (81.67 a month) until 20 March; 120.00 a quarter (40.00 a month) from February
    assert movements(tmp_path / "out") == {"2026-01": 130.666667, "2026-02": 170.666667, "2026-03": 89.0}


STRIPE_JPY_CHARGES = (
    "id,customer,created,amount,currency,status\n"
    "ch_1,cus_A,2026-01-05 10:00:00,5000,jpy,succeeded\n"
    "ch_2,cus_B,2026-01-06 10:00:00,12000,jpy,succeeded\n"
    "ch_3,cus_A,2026-02-05 10:00:00,5000,jpy,succeeded\n"
)
STRIPE_JPY_PLANS = (
    "id,customer,start_date,ended_at,plan_amount,plan_interval,quantity,currency,status\n"
    "sub_1,cus_A,2026-01-05,,980,month,1,jpy,active\n"
    "sub_2,cus_B,2026-01-06,,9800,year,1,jpy,active\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_stripes_zero_decimal_currencies_are_whole_units(tmp_path, backend):
    (tmp_path / "charges.csv").write_text(STRIPE_JPY_CHARGES)
    (tmp_path / "plans.csv").write_text(STRIPE_JPY_PLANS)
    orders = "customer_id=customer,date=created"
    assert run("import", "--orders", tmp_path / "charges.csv", "--columns", orders, "--backend", backend, "--to-csv",
               tmp_path / "o") == 0  # fmt: skip
    assert january_revenue(tmp_path / "o") == 17000.0  # 5,000 + 12,000 yen
    plans = "customer_id=customer,start=start_date,end=ended_at"
    assert run("import", "--subscriptions", tmp_path / "plans.csv", "--columns", plans, "--backend", backend,
               "--to-csv", tmp_path / "s") == 0  # fmt: skip
    assert movements(tmp_path / "s")["2026-01"] == round(980 + 9800 / 12, 6)  # yen a month


DASHBOARD_SUBS = (  # a Stripe Dashboard export resaved by Excel: 49.00 written 49, dates month-first
    "id,Customer ID,Customer Email,Plan,Quantity,Currency,Interval,Amount,Status,Start Date (UTC),Ended At (UTC)\n"
    "sub_1,cus_A,a@x.com,price_1,1,usd,month,49,active,1/5/2026 10:00,\n"
    "sub_2,cus_B,b@x.com,price_2,2,usd,year,490,active,1/20/2026 10:00,\n"
    "sub_3,cus_C,c@x.com,price_1,1,usd,month,49,canceled,1/10/2026 10:00,3/10/2026 10:00\n"
)
DASHBOARD_PAYMENTS = (
    "id,Created (UTC),Amount,Amount Refunded,Currency,Status,Customer ID\n"
    "ch_1,1/5/2026 10:00,49,0,usd,Paid,cus_A\n"
    "ch_2,1/28/2026 10:00,99,0,usd,Paid,cus_B\n"
    "ch_3,2/5/2026 10:00,49,0,usd,Paid,cus_A\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_stripe_dashboard_export_resaved_by_excel_stays_in_units(tmp_path, backend):
    (tmp_path / "subs.csv").write_text(DASHBOARD_SUBS)
    (tmp_path / "payments.csv").write_text(DASHBOARD_PAYMENTS)
    subs = "start=Start Date (UTC),end=Ended At (UTC)"
    assert run("import", "--subscriptions", tmp_path / "subs.csv", "--columns", subs, "--monthfirst", "--backend",
               backend, "--to-csv", tmp_path / "s") == 0  # fmt: skip
    assert movements(tmp_path / "s")["2026-01"] == round(49 + 2 * 490 / 12 + 49, 6)  # 179.67
    payments = "customer_id=Customer ID,date=Created (UTC)"
    assert run("import", "--orders", tmp_path / "payments.csv", "--columns", payments, "--monthfirst", "--backend",
               backend, "--to-csv", tmp_path / "o") == 0  # fmt: skip
    assert january_revenue(tmp_path / "o") == 148.0


def test_typed_parquet_follows_the_same_rule_on_duckdb(tmp_path):
    frame = pd.read_csv(pd.io.common.StringIO(STRIPE_JPY_CHARGES), parse_dates=["created"])
    frame.to_parquet(tmp_path / "charges.parquet")  # integer amounts, typed
    columns = {"customer_id": "customer", "date": "created"}
    for backend in ("pandas", "duckdb"):
        tables = load_tables(orders=tmp_path / "charges.parquet", columns=columns, backend=backend)
        assert tables.order_revenue_cohorts.iloc[0, 0] == 17000.0, backend
        frame.assign(currency="usd").to_parquet(tmp_path / "usd.parquet")
        tables = load_tables(orders=tmp_path / "usd.parquet", columns=columns, backend=backend)
        assert tables.order_revenue_cohorts.iloc[0, 0] == 170.0, backend
        frame.assign(currency="kwd").to_parquet(tmp_path / "kwd.parquet")  # thousandths: 5000 is 5.000 KWD
        tables = load_tables(orders=tmp_path / "kwd.parquet", columns=columns, backend=backend)
        assert tables.order_revenue_cohorts.iloc[0, 0] == 17.0, backend
        frame.rename(columns={"created": "Created (UTC)"}).to_parquet(tmp_path / "dashboard.parquet")
        dashboard = {"customer_id": "customer", "date": "Created (UTC)"}  # a Dashboard's header: in units
        tables = load_tables(orders=tmp_path / "dashboard.parquet", columns=dashboard, backend=backend)
        assert tables.order_revenue_cohorts.iloc[0, 0] == 17000.0, backend


def test_typed_paddle_prices_are_in_cents_on_duckdb(tmp_path):
    frame = pd.read_csv(pd.io.common.StringIO(PADDLE), parse_dates=["started_at", "canceled_at"])
    frame.to_parquet(tmp_path / "subs.parquet")  # integer prices, typed dates
    columns = dict(item.split("=") for item in PADDLE_COLUMNS.split(","))
    for backend in ("pandas", "duckdb"):
        mrr = load_tables(tmp_path / "subs.parquet", columns=columns, backend=backend).movements["mrr_end"]
        assert mrr.round(6).tolist() == [130.666667, 170.666667, 89.0], backend


def test_stripe_cents_in_a_typed_float_column_are_divided_on_every_engine(tmp_path):
    # a sync tool's Parquet: float64 amounts (as several sync tools write them), 4900.0 is 49.00
    frame = pd.read_csv(pd.io.common.StringIO(STRIPE_JPY_CHARGES), parse_dates=["created"]).assign(
        currency="usd", amount=[4900.0, 9900.0, 5000.0]
    )
    frame.to_parquet(tmp_path / "charges.parquet")
    columns = {"customer_id": "customer", "date": "created"}
    for backend in ("pandas", "duckdb"):
        tables = load_tables(orders=tmp_path / "charges.parquet", columns=columns, backend=backend)
        assert tables.order_revenue_cohorts.iloc[0, 0] == 148.0, backend
        frame.assign(amount=[49.5, 99.0, 50.0]).to_parquet(tmp_path / "units.parquet")  # 49.50: in units
        tables = load_tables(orders=tmp_path / "units.parquet", columns=columns, backend=backend)
        assert tables.order_revenue_cohorts.iloc[0, 0] == 148.5, backend


def test_add_on_columns_of_a_typed_billing_table_are_refused_on_every_engine(tmp_path):
    frame = pd.DataFrame({
        "customer_id": ["a", "b"], "start": pd.to_datetime(["2026-01-05", "2026-01-06"]), "amount": [49.0, 49.0],
        "interval": ["month", "month"], "quantity": [1, 1], "addon_unit_price": [10.0, None], "addon_quantity": [3, 0],
    })  # fmt: skip
    frame.to_parquet(tmp_path / "subs.parquet")
    for backend in ("pandas", "duckdb"):
        with pytest.raises(DataError, match=r"^subs\.parquet, column 'addon_unit_price': add-on prices or quantities"):
            load_tables(tmp_path / "subs.parquet", backend=backend)
    frame.drop(columns=["addon_unit_price", "addon_quantity"]).to_parquet(tmp_path / "plain.parquet")
    for backend in ("pandas", "duckdb"):
        assert load_tables(tmp_path / "plain.parquet", backend=backend).movements["mrr_end"].tolist() == [98.0]


def test_order_amounts_in_a_column_named_in_cents_are_divided_once() -> None:
    """amount_cents of a Stripe export (cus_ ids, one currency): the name says cents, so 4900 is 49.00, not divided
    again by the Stripe rule (it was 0.49); an 'amount' column of the same file is divided by that rule."""
    import pandas as pd

    from xl_retention.reading.preparation import prepare

    frame = {"customer_id": ["cus_A", "cus_B", "cus_A"], "date": ["2026-01-05", "2026-01-09", "2026-02-03"]}
    named = pd.DataFrame({**frame, "amount_cents": [4900, 1500, 4900], "currency": ["usd"] * 3})
    assert prepare(named, "orders", {"amount": "amount_cents"}, "o.csv")[0]["amount"].tolist() == [49.0, 15.0, 49.0]
    plain = pd.DataFrame({**frame, "amount": [4900, 1500, 4900], "currency": ["usd"] * 3})
    assert prepare(plain, "orders", None, "o.csv")[0]["amount"].tolist() == [49.0, 15.0, 49.0]
