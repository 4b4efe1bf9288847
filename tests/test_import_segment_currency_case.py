"""A currency column's codes are one segment whatever their case, labelled upper case: Stripe writes ``usd``, ``eur``;
README's advice for a book in two currencies, ``--segment currency=EUR``, was refused ("no customer is in segment
Currency='EUR' (segments: 'eur', 'usd')") and ``--segment Currency`` labelled them ``eur``, ``usd`` (H222's finding 06).
``--segment currency=eur`` and ``Currency=EUR`` both find EUR, on pandas and on DuckDB.

By hand: cus_C 450 a year (37.50 a month) from 10 March, cus_D 45 a month from 1 April (its trial ended 15 April):
EUR at the end of November 2 customers, MRR 82.50; cus_A 49 a month in USD from 15 January.
"""

import pandas as pd
import pytest
from import_cli import run

STRIPE = (
    "id,Customer ID,Plan,Quantity,Currency,Interval,Amount,Status,Start (UTC),Trial Start (UTC),Trial End (UTC),"
    "Current Period Start (UTC),Current Period End (UTC),Ended At (UTC)\n"
    "sub_1A,cus_A,price_pro_m,1,usd,month,49.00,active,2026-01-15 10:02,,,2026-11-15 10:02,2026-12-15 10:02,\n"
    "sub_1C,cus_C,price_pro_y,1,eur,year,450.00,active,2026-03-10 09:00,,,2026-03-10 09:00,2027-03-10 09:00,\n"
    "sub_1D,cus_D,price_pro_m,1,eur,month,45.00,active,2026-04-01 11:00,2026-04-01 11:00,2026-04-15 11:00,"
    "2026-11-15 11:00,2026-12-15 11:00,\n"
)
DATES = "start=Start (UTC),end=Ended At (UTC)"


def movements(out) -> pd.DataFrame:
    return pd.read_csv(out / "movements.csv", dtype={"month": str, "segment": str})


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("segment", ["Currency=EUR", "currency=eur", "Currency= EUR"])
def test_one_currency_is_found_whatever_its_case(tmp_path, backend: str, segment: str) -> None:
    path = tmp_path / "stripe.csv"
    path.write_text(STRIPE)
    args = ("--columns", DATES, "--segment", segment, "--through", "2026-11")
    table = movements(run(tmp_path, "--subscriptions", path, *args, backend=backend)).set_index("month")
    assert table["customers_end"].tolist() == [0, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2]
    assert table.loc["2026-11", "mrr_end"] == 82.5


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_currency_segments_are_labelled_upper_case(tmp_path, backend: str) -> None:
    path = tmp_path / "stripe.csv"
    path.write_text(STRIPE)
    args = ("--columns", DATES, "--segment", "Currency", "--through", "2026-11")
    table = movements(run(tmp_path, "--subscriptions", path, *args, backend=backend))
    last = table[table["month"] == "2026-11"].set_index("segment")["mrr_end"].to_dict()
    assert last == {"EUR": 82.5, "USD": 49.0}  # were 'eur', 'usd'
