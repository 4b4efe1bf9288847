"""Currencies said only in a plan's or price's id or name (H35 finding 12): Chargebee's item price ids
'pro-USD-Monthly', 'pro-EUR-Monthly', 'pro-JPY-Monthly', Stripe lookup keys 'pro_monthly_eur', plan names 'Pro (EUR)'
were added up as one currency (Feb MRR 10,200 for 100 USD + 100 EUR + 10,000 JPY), exit 0. Now such a column saying
two currencies is refused naming them and a row of each; one currency throughout, or a currency column, passes.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]
REMEDY = (
    "; amounts are added up: convert them to one currency first, or add a currency column (the code of each row) and "
    "import one currency at a time (--segment currency=EUR)"
)


def _subscriptions(column: str, plans: tuple[str, str]) -> str:
    return (
        f"customer_id,start,end,amount,interval,{column}\n"
        f"A,2024-01-05,,100,month,{plans[0]}\nB,2024-01-06,,100,month,{plans[1]}\n"
    )


@pytest.mark.parametrize(
    ("column", "plans", "listing", "shown"),
    [
        ("Item Price Id", ("pro-USD-Monthly", "pro-EUR-Monthly"), "USD, EUR", "'pro-USD-Monthly', 'pro-EUR-Monthly'"),
        ("Lookup Key", ("pro_monthly_eur", "pro_monthly_usd"), "EUR, USD", "'pro_monthly_eur', 'pro_monthly_usd'"),
        ("Plan", ('"Pro (EUR)"', '"Pro (USD)"'), "EUR, USD", "'Pro (EUR)', 'Pro (USD)'"),
    ],
)
def test_two_currencies_in_plan_ids_are_refused(
    tmp_path: Path, capsys, column: str, plans: tuple[str, str], listing: str, shown: str
) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(_subscriptions(column, plans))
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"subs.csv, column '{column}': prices in 2 currencies ({listing}) said in its values in rows 2, 3 (counting "
        f"the header as row 1): {shown}{REMEDY}"
    )


@pytest.mark.parametrize(
    ("column", "plans"),
    [
        ("Item Price Id", ("pro-USD-Monthly", "basic-USD-Monthly")),  # one currency
        ("Plan", ("Try Pro", "Pro")),  # 'Try': a word, not Turkish lira
    ],
)
def test_one_currency_or_none_passes(tmp_path: Path, column: str, plans: tuple[str, str]) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(_subscriptions(column, plans))
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")
    assert movements["mrr_end"].iloc[-1] == 200.0
