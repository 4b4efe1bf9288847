"""Mollie's payments export writes the amount the payer's bank took back ("Amount charged back", its API's
``amountChargedBack``, its Dutch dashboard's "Teruggeboekt bedrag") and no dispute status column. It was refused as
"disputed amounts, and no column says whether the dispute was lost ...: add the dispute status column of the export
(Stripe's 'Dispute Status')", a column Mollie does not have (H484 finding 01). Charged back is taken back: Jan's
October payment of 30.00 charged back whole is no purchase, with a note (October 1 buyer, cohort 2026-09 month 1
revenue 15.0; with Piet's September payment charged back too, 39.95 of 49.95 less 10.00 refunded, Piet is new in
October: cohort 2026-09 1250.0 then 0.0); a payment charged back in part is refused naming the rows, telling what
to write.
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


def _mollie(name: str, back: str = "30.00", piet: str = "0.00") -> str:
    return (
        f"ID,Date,Amount,Status,Email,Amount refunded,{name}\n"
        "tr_a1,2026-09-01,1250.00,paid,jan@x.nl,0.00,0.00\n"
        f"tr_a2,2026-09-15,49.95,paid,piet@x.nl,10.00,{piet}\n"
        f"tr_a4,2026-10-03,30.00,paid,jan@x.nl,0.00,{back}\n"
        "tr_a5,2026-10-13,15.00,paid,piet@x.nl,0.00,0.00\n"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("name", ["Amount charged back", "amountChargedBack", "Teruggeboekt bedrag"])
def test_a_payment_charged_back_whole_is_no_purchase(tmp_path: Path, capsys, name: str, backend: str) -> None:
    path = written(tmp_path, "payments.csv", _mollie(name, piet="39.95"))  # Piet's: 49.95, 10.00 refunded, the rest
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email", backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-09", 1, 0], ["2026-10", 1, 0]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").fillna(-1)
    assert revenue.values.tolist() == [["2026-09", 1250.0, 0.0], ["2026-10", 15.0, -1]]  # Piet new in October
    assert (
        f"payments.csv: 2 payment(s) charged back whole by {name!r} left out, rows 3, 4: a chargeback takes the money "
        "back, no purchase"
    ) in capsys.readouterr().out


def test_the_other_payments_stay_as_they_were(tmp_path: Path) -> None:
    out = run(
        tmp_path,
        "--orders",
        written(tmp_path, "p.csv", _mollie("Amount charged back")),
        "--columns",
        "customer_id=Email",
    )
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-09", 2], ["2026-10", 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2026-09", 1289.95, 15.0]


def test_a_payment_charged_back_in_part_is_refused(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "p.csv", _mollie("Amount charged back", back="12.00"))
    assert refusal(
        capsys, "--orders", str(path), "--columns", "customer_id=Email", "--to-csv", str(tmp_path / "o")
    ) == (
        "p.csv, column 'Amount charged back': payments charged back in part ('Amount charged back' below 'Amount' "
        "less its refunds): the amount kept cannot be told in the amount mapped in row 4 (counting the header as row "
        "1): '12.00': write the amount kept (the amount less its refunds and the part charged back) as the amount, or "
        "remove these rows"
    )
