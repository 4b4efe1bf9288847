"""Stripe invoices: credit notes issued after payment were ignored beside ``amount_paid`` (H467 finding 01).

Stripe's ``post_payment_credit_notes_amount`` is money given back on a paid invoice (refunded, or credited to the
customer's balance); ``amount_paid`` still holds it. Mapped as ``amount=amount_paid`` it was left alone ("the amount
paid leaves credits out"): Feb buyers 2, returning 2, the Jan cohort's Feb revenue 150.00 (status ok), where cus_A
was credited 30.00 of 100.00 and cus_B all 50.00. It is taken off as a refunded amount now, whichever money column is
mapped: Feb buyers 1, returning 1, revenue 70.00 (hand count: 100 - 30 + 50 - 50). Before payment
(``pre_payment_credit_notes_amount``, not in ``amount_paid``) is still refused beside ``total``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

_HEADER = (
    "id,customer,date,status,billing_reason,amount_due,amount_paid,amount_remaining,subtotal,total,currency,"
    "post_payment_credit_notes_amount,pre_payment_credit_notes_amount,subscription\n"
)


def _sigma(feb_a: str = "3000", feb_b: str = "5000", pre: str = "0") -> str:
    """A Stripe invoices export (Sigma / API, cents): A pays 100.00 in Jan, Feb, Mar; B 50.00 in Jan and Feb; A's
    Feb invoice credited ``feb_a`` after payment, B's ``feb_b``; A's Mar one ``pre`` before payment."""
    return _HEADER + (
        "in_1,cus_A,2026-01-05 10:00:00,paid,subscription_create,10000,10000,0,10000,10000,usd,0,0,sub_1\n"
        "in_2,cus_B,2026-01-06 10:00:00,paid,subscription_create,5000,5000,0,5000,5000,usd,0,0,sub_2\n"
        f"in_3,cus_A,2026-02-05 10:00:00,paid,subscription_cycle,10000,10000,0,10000,10000,usd,{feb_a},0,sub_1\n"
        f"in_4,cus_B,2026-02-06 10:00:00,paid,subscription_cycle,5000,5000,0,5000,5000,usd,{feb_b},0,sub_2\n"
        f"in_5,cus_A,2026-03-05 10:00:00,paid,subscription_cycle,10000,10000,0,10000,10000,usd,0,{pre},sub_1\n"
    )


def _tables(out: Path) -> tuple[list[object], list[object]]:
    """February's buyers and returning customers, and the Jan cohort's revenue row."""
    purchases = pd.read_csv(out / "purchases.csv").set_index("month")
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    return purchases.loc["2026-02", ["buyers", "returning"]].tolist(), revenue.loc["2026-01"].tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("amount", ["amount_paid", "total", "amount_due"])
def test_credit_notes_after_payment_are_taken_off_whichever_amount_is_mapped(
    tmp_path: Path, backend: str, amount: str
) -> None:
    path = written(tmp_path, "sigma_inv.csv", _sigma())
    out = run(tmp_path, "--orders", path, "--columns", f"customer_id=customer,amount={amount}", backend=backend)
    assert _tables(out) == ([1, 1], [150.0, 70.0, 100.0])  # B credited in full: no purchase; A 100 - 30


def test_title_case_credit_notes_after_payment_in_units_are_taken_off(tmp_path: Path) -> None:
    text = (
        "Id,Customer,Date (UTC),Status,Amount Paid,Total,Post Payment Credit Notes Amount\n"
        "in_1,cus_A,2026-01-05 10:00,paid,100.00,100.00,0.00\n"
        "in_2,cus_B,2026-01-06 10:00,paid,50.00,50.00,0.00\n"
        "in_3,cus_A,2026-02-05 10:00,paid,100.00,100.00,30.00\n"
        "in_4,cus_B,2026-02-06 10:00,paid,50.00,50.00,50.00\n"
        "in_5,cus_A,2026-03-05 10:00,paid,100.00,100.00,0.00\n"
    )
    path = written(tmp_path, "invoices.csv", text)
    for amount in ("Amount Paid", "Total"):
        columns = f"customer_id=Customer,date=Date (UTC),amount={amount}"
        assert _tables(run(tmp_path, "--orders", path, "--columns", columns)) == ([1, 1], [150.0, 70.0, 100.0])


def test_credit_notes_before_payment_beside_the_total_are_still_refused(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "sigma_inv.csv", _sigma("0", "0", "2000"))
    args = ("--columns", "customer_id=customer,amount=total", "--to-csv", str(tmp_path / "o"))
    err = refusal(capsys, "--orders", str(path), *args)
    assert err.startswith("sigma_inv.csv, column 'pre_payment_credit_notes_amount': amounts credited after the sale")
    assert err.endswith("in row 6 (counting the header as row 1): '2000'")
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=customer,amount=amount_paid")
    assert _tables(out) == ([2, 2], [150.0, 150.0, 100.0])  # not in amount_paid: left alone, as before
