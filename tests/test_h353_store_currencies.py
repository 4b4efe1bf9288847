"""H350's findings on currencies and app-store refunds read wrong.

04: plan ids saying two currencies ('pro-USD-Monthly' beside 'pro-JPY-Monthly') were refused when the amount column
was named 'amount' but added up (9.99 USD + 1,200 JPY = MRR 1,209.99, no note) when its name held the word
"currency" (RevenueCat's 'price_in_purchased_currency', "Amount (local currency)"): the amount was taken for the
file's currency column. Now refused alike, naming 'plan'.

05: Google Play's earnings report, customer_id=Description (its order id, the only id): a "Charge refund" row of the
same order id was left out (no order id mapped), the refunded order a buyer: Jan 3 buyers, 25.62. By hand: 9.19 +
7.44 + 8.99 - 8.99 = 16.63, 2 buyers. Description is now read as the order id too.

01: RevenueCat's price_in_usd (the same payment converted) beside price_in_purchased_currency (mapped) was refused as
a price paid beside the amount, with advice to add it into the EUR amount. By hand: Jan MRR 8.99 + 17.99 = 26.98,
Feb 8.99 + 8.99 = 17.98 (e2's contraction 9.00), Apr 0 (both churned, 17.98).

03: App Store Connect's Subscriber report writes a refund as Refund Yes, Units -1 and the per-unit proceeds positive
(6.30): refused as "an amount that is not negative", though the amount read is 6.30 x -1 = -6.30. Now a refund row,
taken off the purchase its Purchase Date names (H357, tests/test_h357_store_refunds.py): Jan cohort 12.60, 6.30, 6.30.

08: the same report with amount=Developer Proceeds (Proceeds Currency USD on every row) was refused for its Customer
Currency (USD, NGN): only the currency column going with the amount is checked, as for Google Play's. By hand: Jan
cohort month 0 6.99 + 6.99 = 13.98, Feb (9003, annual) 38.50; amount=Customer Price is still refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

PLAN_ROWS = "a,2026-01-05,2026-03-05,9.99,month,pro-USD-Monthly\nb,2026-01-07,2026-03-07,1200,month,pro-JPY-Monthly\n"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("amount", ["amount", "price_in_purchased_currency", "Amount (local currency)"])
def test_plan_currencies_refused_whatever_the_amount_is_named(tmp_path: Path, amount: str, backend: str) -> None:
    path = tmp_path / "plans.csv"
    path.write_text(f'customer_id,start,end,"{amount}",interval,plan\n' + PLAN_ROWS)
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions=path, columns={"amount": amount}, backend=backend)
    assert "column 'plan': prices in 2 currencies (USD, JPY) said in its values" in str(caught.value), caught.value


def test_one_plan_currency_passes_with_the_amount_so_named(tmp_path: Path) -> None:
    path = tmp_path / "plans.csv"
    rows = PLAN_ROWS.replace("1200", "19.99").replace("pro-JPY", "team-USD")
    path.write_text("customer_id,start,end,price_in_purchased_currency,interval,plan\n" + rows)
    tables = load_tables(subscriptions=path, columns={"amount": "price_in_purchased_currency"})
    assert tables.movements["mrr_end"].round(2).tolist() == [29.98, 29.98, 0.0]


PLAY = """Description,Transaction Date,Transaction Type,Refund Type,Buyer Currency,Amount (Buyer Currency),\
Merchant Currency,Amount (Merchant Currency)
GPA.3301-1111-2222-33333,"Jan 31, 2026",Charge,,USD,9.99,EUR,9.19
GPA.3301-1111-2222-33333..0,"Feb 28, 2026",Charge,,USD,9.99,EUR,9.19
GPA.3302-4444-5555-66666,"Jan 10, 2026",Charge,,JPY,1200.0,EUR,7.44
GPA.3303-7777-8888-99999,"Jan 15, 2026",Charge,,EUR,8.99,EUR,8.99
GPA.3303-7777-8888-99999,"Jan 20, 2026",Charge refund,Full,EUR,-8.99,EUR,-8.99
"""


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_play_charge_refund_taken_off_its_order_by_description(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "earnings.csv"
    path.write_text(PLAY)
    columns = {"customer_id": "Description", "amount": "Amount (Merchant Currency)", "date": "Transaction Date"}
    tables = load_tables(orders=path, columns=columns, backend=backend)
    assert tables.purchases["buyers"].tolist() == [2, 1]
    assert tables.order_revenue_cohorts.iloc[:, 0].round(2).tolist() == [16.63, 0.0]
    assert tables.order_revenue_cohorts.iloc[0, :2].round(2).tolist() == [16.63, 9.19]


REVENUECAT = """rc_original_app_user_id,start_time,end_time,price_in_usd,purchased_currency,\
price_in_purchased_currency,product_duration
e1,2026-01-05 09:00:00,2026-02-05 09:00:00,9.71,EUR,8.99,P1M
e1,2026-02-05 09:00:00,2026-03-05 09:00:00,9.71,EUR,8.99,P1M
e1,2026-03-05 09:00:00,2026-04-05 09:00:00,9.71,EUR,8.99,P1M
e2,2026-01-20 22:30:00,2026-02-20 22:30:00,19.43,EUR,17.99,P1M
e2,2026-02-20 22:30:00,2026-03-20 22:30:00,9.71,EUR,8.99,P1M
e2,2026-03-20 22:30:00,2026-04-20 22:30:00,9.71,EUR,8.99,P1M
"""
REVENUECAT_COLUMNS = {"customer_id": "rc_original_app_user_id", "start": "start_time", "end": "end_time",
                      "amount": "price_in_purchased_currency", "interval": "product_duration"}  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_revenuecat_usd_price_is_the_amount_converted(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "rc.csv"
    path.write_text(REVENUECAT)
    tables = load_tables(subscriptions=path, columns=REVENUECAT_COLUMNS, backend=backend)
    movements = tables.movements
    assert movements.index.astype(str).tolist() == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert movements["mrr_end"].round(2).tolist() == [26.98, 17.98, 17.98, 0.0]
    assert movements["contraction_mrr"].round(2).tolist() == [0.0, 9.0, 0.0, 0.0]
    assert movements["churned_mrr"].round(2).tolist() == [0.0, 0.0, 0.0, 17.98]


def test_an_extra_price_in_usd_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "rc.csv"
    path.write_text(REVENUECAT.replace("price_in_usd", "Storage Fee USD"))
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions=path, columns=REVENUECAT_COLUMNS)
    assert "column 'Storage Fee USD': prices beside the amount" in str(caught.value), caught.value


APP_STORE = """Event Date\tDeveloper Proceeds\tProceeds Currency\tSubscriber ID\tRefund\tPurchase Date\tUnits
2026-01-05\t6.3\tEUR\t9001\t\t2026-01-05\t1
2026-02-05\t6.3\tEUR\t9001\t\t2026-02-05\t1
2026-01-31\t6.3\tEUR\t9002\t\t2026-01-31\t1
2026-02-28\t6.3\tEUR\t9002\t\t2026-02-28\t1
2026-03-31\t6.3\tEUR\t9002\t\t2026-03-31\t1
2026-03-10\t6.3\tEUR\t9002\tYes\t2026-02-28\t-1
"""
APP_STORE_COLUMNS = {"customer_id": "Subscriber ID", "date": "Event Date", "amount": "Developer Proceeds"}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_app_store_refund_of_units_minus_one_is_a_refund(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subscriber.txt"
    path.write_text(APP_STORE)
    tables = load_tables(orders=path, columns=APP_STORE_COLUMNS, backend=backend)
    assert tables.purchases["buyers"].tolist() == [2, 1, 1]  # 9002's 2026-02-28 purchase refunded (H357)
    assert tables.order_revenue_cohorts.iloc[0].round(2).tolist() == [12.6, 6.3, 6.3]


def test_app_store_refund_flag_with_units_one_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "subscriber.txt"
    path.write_text(APP_STORE.replace("Yes\t2026-02-28\t-1", "Yes\t2026-02-28\t1"))
    with pytest.raises(DataError) as caught:
        load_tables(orders=path, columns=APP_STORE_COLUMNS)
    assert "column 'Refund': rows flagged as a refund" in str(caught.value), caught.value
    assert "in row 7 (counting the header as row 1): 'Yes'" in str(caught.value), caught.value


PROCEEDS = """Event Date\tCustomer Price\tCustomer Currency\tDeveloper Proceeds\tProceeds Currency\tSubscriber ID\tUnits
2026-01-05\t9.99\tUSD\t6.99\tUSD\t9001\t1
2026-01-31\t9.99\tUSD\t6.99\tUSD\t9002\t1
2026-02-28\t9.99\tUSD\t6.99\tUSD\t9002\t1
2026-02-10\t89900.0\tNGN\t38.5\tUSD\t9003\t1
"""


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_app_store_proceeds_read_in_proceeds_currency(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subscriber.txt"
    path.write_text(PROCEEDS)
    tables = load_tables(orders=path, columns=APP_STORE_COLUMNS, backend=backend)
    assert tables.order_revenue_cohorts.iloc[:, 0].round(2).tolist() == [13.98, 38.5]
    assert tables.order_revenue_cohorts.iloc[0].round(2).tolist() == [13.98, 6.99]


def test_app_store_customer_price_in_two_currencies_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "subscriber.txt"
    path.write_text(PROCEEDS)
    with pytest.raises(DataError) as caught:
        load_tables(orders=path, columns={**APP_STORE_COLUMNS, "amount": "Customer Price"})
    assert "column 'Customer Currency': 2 currencies (USD, NGN)" in str(caught.value), caught.value
