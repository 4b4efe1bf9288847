"""A refunded amount beside an amount named as what is left of a sale (H457 task 3): 'Net Sales' 60.00 beside
'Refunded Amount' 40.00, where 'Gross Sales' 110.00 less 'Discounts' 10.00 less the refund is that 60.00 (WooCommerce
Analytics' net sales are after the refunds), had the refund taken off again with no word: January 70.00 (20.00 +
50.00) for 110.00, exit 0; and a 'Net Amount' beside a 'Refund Amount' with no other column was read the same way.
Whether such an amount is before or after its refunds no column tells, so the file is now refused naming the columns
and how to say it; a name saying it ('Net Sales after refunds': kept, 60.00 + 50.00; 'before refunds': taken off)
is read so, and a column equal to the amount less the refund (Square's 'Total Collected') proves them out of it. An
amount whose name says nothing of the kind ('amount', Stripe's) keeps the rule of docs/metrics.md: taken off."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

ORDERS = (
    "id,email,date,Gross Sales,Discounts,Refunded Amount,Net Sales\n"
    "o1,a@x.com,2026-01-05,110.00,10.00,40.00,60.00\n"
    "o2,b@x.com,2026-01-06,50.00,0.00,0.00,50.00\n"
    "o4,c@x.com,2026-01-07,30.00,0.00,30.00,0.00\n"
    "o3,a@x.com,2026-02-05,50.00,0.00,0.00,50.00\n"
)


def _revenue(out: Path) -> dict[str, list[float]]:
    table = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1)
    return {str(k): [round(float(v), 2) for v in row] for k, row in table.iterrows()}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_net_amount_beside_refunds_no_column_places_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = str(written(tmp_path, "orders.csv", ORDERS))
    message = refusal(capsys, "--orders", path, "--columns", "customer_id=email,amount=Net Sales", "--backend", backend,
                      "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "orders.csv: 'Refunded Amount' holds refunds (row 2: '40.00' beside 'Net Sales' '60.00') and the name of 'Net "
        "Sales' says it is what is left of a sale, not whether the refunds are out of it already (no column is it "
        "plus them, or it less them): whether to take them off cannot be told: map the amount before the refunds "
        "(--columns amount=NAME), or rename 'Net Sales' to say it ('Net Sales before refunds': taken off; 'Net Sales "
        "after refunds': kept as it is)"
    ), message


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_name_saying_after_refunds_keeps_the_amount(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    text = ORDERS.replace(",Net Sales\n", ",Net Sales after refunds\n")
    out = run(tmp_path, "--orders", written(tmp_path, "orders.csv", text), "--columns",
              "customer_id=email,amount=Net Sales after refunds", backend=backend)  # fmt: skip
    assert _revenue(out) == {"2026-01": [110.0, 50.0], "2026-02": [0.0, -1.0]}  # 60 + 50; c's 0.00 refunded in full
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [2, 1]
    assert (
        "orders.csv: 'Net Sales after refunds' is after the refunds in 'Refunded Amount' (its name says so): taken off "
        "once, not again (2 refunded rows)"
    ) in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_name_saying_before_refunds_has_them_taken_off(tmp_path: Path, backend: str) -> None:
    text = "id,email,date,Net Amount before refunds,Refund Amount\n" + (
        "o1,a@x.com,2026-01-05,100.00,40.00\no2,b@x.com,2026-01-06,50.00,0.00\no4,c@x.com,2026-01-07,30.00,30.00\n"
        "o3,a@x.com,2026-02-05,50.00,0.00\n"
    )
    out = run(tmp_path, "--orders", written(tmp_path, "orders.csv", text), "--columns",
              "customer_id=email,amount=Net Amount before refunds", backend=backend)  # fmt: skip
    assert _revenue(out) == {"2026-01": [110.0, 50.0], "2026-02": [0.0, -1.0]}  # 100 - 40 + 50; c refunded in full
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [2, 1]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_column_of_the_amount_less_its_refund_proves_them_out_of_it(tmp_path: Path, backend: str) -> None:
    text = "id,email,date,Net Sales,Partial Refunds,Total Collected\n" + (
        "o1,a@x.com,2026-01-05,$30.00,-$10.00,$20.00\no2,b@x.com,2026-01-06,$50.00,$0.00,$50.00\n"
        "o3,a@x.com,2026-02-05,$50.00,$0.00,$50.00\n"
    )
    out = run(tmp_path, "--orders", written(tmp_path, "square.csv", text), "--columns",
              "customer_id=email,amount=Net Sales", backend=backend)  # fmt: skip
    assert _revenue(out) == {"2026-01": [70.0, 50.0], "2026-02": [0.0, -1.0]}  # 30 - 10 + 50


def test_a_plain_amount_keeps_the_documented_rule(tmp_path: Path) -> None:
    text = "id,email,date,amount,refunded_amount\no1,a@x.com,2026-01-05,100.00,40.00\n"
    text += "o2,b@x.com,2026-01-06,50.00,0\no3,a@x.com,2026-02-05,50.00,0\n"
    out = run(tmp_path, "--orders", written(tmp_path, "orders.csv", text), "--columns", "customer_id=email")
    assert _revenue(out) == {"2026-01": [110.0, 50.0], "2026-02": [0.0, -1.0]}  # 100 - 40 + 50
