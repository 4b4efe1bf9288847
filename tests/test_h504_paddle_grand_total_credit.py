"""Paddle Billing's transactions with ``details.totals.grand_total`` mapped as the amount beside
``details.totals.credit`` were refused ("amounts credited after the sale, not paid (counted at
'details.totals.grand_total' ..."), though Paddle's grand total is the total after its credits (``total`` less
``credit``, before payments): the credit is not in it. It is read now: ctm_01b's October transaction of 50.00 with
20.00 of credit counts 30.00 (cohort 2026-09: 150.0, then 130.0). A grand total that is not its total less its credit
is refused, naming the rows; ``details.totals.total`` mapped beside a credit stays refused (test_h496).
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
COLUMNS = ["--columns", "amount=details.totals.grand_total,date=billed_at,order_id=id"]
HEADER = "id,status,origin,customer_id,billed_at,currency_code,details.totals.subtotal,details.totals.tax,"


def _paddle(grand: str = "30.00", total: bool = True) -> str:
    rows = [
        ("txn_01a", "ctm_01a", "2026-09-03", "100.00", "0.00", "100.00"),
        ("txn_01b", "ctm_01b", "2026-09-04", "50.00", "0.00", "50.00"),
        ("txn_01c", "ctm_01b", "2026-10-04", "50.00", "20.00", grand),
        ("txn_01d", "ctm_01a", "2026-10-03", "100.00", "0.00", "100.00"),
    ]
    head = HEADER + ("details.totals.total," if total else "")
    lines = [head + "details.totals.credit,details.totals.balance,details.totals.grand_total"]
    for txn, customer, day, amount, credit, grand_total in rows:
        totals = f"{amount},0.00," + (f"{amount}," if total else "") + f"{credit},0.00,{grand_total}"
        lines.append(f"{txn},completed,subscription_recurring,{customer},{day}T10:00:00.000Z,USD,{totals}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("total", [True, False])
def test_the_grand_total_is_after_its_credit(tmp_path: Path, backend: str, total: bool) -> None:
    path = written(tmp_path, "t.csv", _paddle(total=total))
    out = run(tmp_path, "--orders", path, *COLUMNS, backend=backend)
    cohorts = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert cohorts.iloc[0].tolist() == ["2026-09", 150.0, 130.0]
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-09", 2, 0], ["2026-10", 2, 2]]


def test_a_grand_total_that_is_not_the_total_less_its_credit_is_refused(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "t.csv", _paddle(grand="50.00"))
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "t.csv, column 'details.totals.grand_total': grand totals that are not 'details.totals.total' less "
        "'details.totals.credit' (Paddle's grand total is the total after credits: whether the credit was taken off "
        "cannot be told) in row 4 (counting the header as row 1): '50.00': correct 'details.totals.grand_total' to "
        "the amount kept ('details.totals.total' less 'details.totals.credit'), or remove these rows"
    )
