"""H350's findings on currencies and app-store refunds read wrong.

04: plan ids saying two currencies ('pro-USD-Monthly' beside 'pro-JPY-Monthly') were refused when the amount column
was named 'amount' but added up (9.99 USD + 1,200 JPY = MRR 1,209.99, no note) when its name held the word
"currency" (RevenueCat's 'price_in_purchased_currency', "Amount (local currency)"): the amount was taken for the
file's currency column. Now refused alike, naming 'plan'.

05: Google Play's earnings report, customer_id=Description (its order id, the only id): a "Charge refund" row of the
same order id was left out (no order id mapped), the refunded order a buyer: Jan 3 buyers, 25.62. By hand: 9.19 +
7.44 + 8.99 - 8.99 = 16.63, 2 buyers. Description is now read as the order id too.
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
