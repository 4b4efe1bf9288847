"""H350's findings on currencies and app-store refunds read wrong.

04: plan ids saying two currencies ('pro-USD-Monthly' beside 'pro-JPY-Monthly') were refused when the amount column
was named 'amount' but added up (9.99 USD + 1,200 JPY = MRR 1,209.99, no note) when its name held the word
"currency" (RevenueCat's 'price_in_purchased_currency', "Amount (local currency)"): the amount was taken for the
file's currency column. Now refused alike, naming 'plan'.
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
