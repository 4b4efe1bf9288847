"""A column of tax RATES beside the amount (H78 finding 05; xl_retention.reading.tax_rates).

"Tax rate", "Tax Percent", ``tax_percent`` holding 19 beside amounts that may include a 19 % VAT were ignored: MRR and
revenue 357 where the amounts net of tax are 300, exit 0, while the same 19 under ``VAT %`` was refused. Now such a
column is refused naming it and its row, unless the money column's name says before tax; Stripe's legacy export
("Tax Percent" beside its "(UTC)" dates), which adds the tax on top, is used as it is, with a note.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


@pytest.mark.parametrize("column", ["Tax rate", "Tax Percent", "tax_percent"])
@pytest.mark.parametrize("kind", ["subscriptions", "orders"])
def test_a_tax_rate_beside_the_amount_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str, kind: str
) -> None:
    path = tmp_path / "in.csv"
    if kind == "subscriptions":
        path.write_text(f"customer_id,start,end,amount,interval,{column}\na,2024-01-01,,238,month,19\n")
    else:
        path.write_text(f"customer_id,date,amount,{column}\na,2024-01-05,238,19\nb,2024-01-06,119,0\n")
    err = refusal(capsys, f"--{kind}", str(path), "--to-csv", str(tmp_path / "o"))
    what = "MRR" if kind == "subscriptions" else "revenue"
    assert err == (
        f"in.csv: column '{column}' holds tax rates (row 2: '19' beside 'amount' '238') and is not used; {what} is "
        "net of tax, and whether 'amount' includes the tax cannot be told from a rate: if it does, map a column of "
        "amounts before tax (--columns amount=NAME) or write the amounts less the tax; if it is before tax already, "
        "remove the rate column"
    )


def test_a_rate_beside_an_amount_named_net_or_rates_of_0_are_used(tmp_path: Path) -> None:
    path = tmp_path / "net.csv"
    path.write_text("customer_id,start,end,amount_net,interval,Tax rate\na,2024-01-01,,238,month,19\n"
                    "b,2024-01-01,,119,month,0\n")  # fmt: skip
    out = run(tmp_path, "--subscriptions", path, "--columns", "mrr=amount_net")
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist()[:1] == [357.0]
    zero = tmp_path / "zero.csv"
    zero.write_text("customer_id,date,amount,tax_percent\na,2024-01-05,238,0\nb,2024-01-06,119,\n")
    out = run(tmp_path, "--orders", zero)
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [357.0]


def test_stripes_legacy_tax_percent_is_on_top_of_the_amount(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "stripe.csv"
    path.write_text("Customer ID,Start (UTC),Ended At (UTC),Amount,Interval,Tax Percent,Status\n"
                    "a,2024-01-01,,238,month,19,active\nb,2024-01-01,,119,month,19,active\n")  # fmt: skip
    out = run(tmp_path, "--subscriptions", path, "--columns", "start=Start (UTC),end=Ended At (UTC)")
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist()[:1] == [357.0]
    assert "stripe.csv: 'Amount' is before the tax of 'Tax Percent' (Stripe adds it on top): used as it is" in (
        capsys.readouterr().out
    )
