"""Square's API writes every amount as a Money object in the currency's smallest unit ("amount 100 in the Money
object indicates $1.00": developer.squareup.com, Working with Monetary Amounts). A script's table of Square payments
with that amount under a plain field's name ('amount', 'total') beside Square's customer ids and a currency column was
read in units: 4900 cents as 4,900.00, every MRR 100 times too high, silently (Stripe's cus_ and Paddle's ctm_ ids
alone were told). Now such whole amounts beside a payment API's ids (16 letters and digits or more, or UUIDs) are
refused naming the column and both readings; --amounts says which. A Money object's amount flattened
('amount_money.amount') is read in cents with a note, as Square documents it. Ids typed by a person ('c1') are read in
units as before.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

A, B = "JDKYHBWT1D4F8MFH63DBMEB8YM", "8B3KQ0ZV5N2W7XH4J6TPCM1RAE"
ROWS = f"{A},2026-01-05,4900,USD\n{B},2026-01-20,2500,USD\n{A},2026-02-05,4900,USD\n"


def _revenue(out: Path) -> dict[str, float]:
    """The first cohort's revenue in its month 0 and month 1 (2026-01's orders, 2026-02's)."""
    table = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    return {"2026-01": table.loc["2026-01", "0"], "2026-02": table.loc["2026-01", "1"]}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("name", ["amount", "total"])
def test_whole_amounts_beside_squares_ids_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, backend: str
) -> None:
    path = written(tmp_path, "square.csv", f"customer_id,date,{name},currency\n{ROWS}")
    mapped = ("--columns", f"amount={name}")
    message = refusal(capsys, "--orders", str(path), *mapped, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message == (
        f"square.csv, column {name!r}: whole amounts under an API field's name beside customer ids as a payment API "
        f"writes them ('{A}') and currency codes: in cents, as Square's and Stripe's APIs write money (4900 as "
        "49.00), or in units (4900.00)? say which with --amounts cents or --amounts units in row 2 (counting the "
        "header as row 1): '4900'"
    )
    cents = run(tmp_path, "--orders", path, *mapped, "--amounts", "cents", backend=backend)
    assert _revenue(cents) == {"2026-01": 74.0, "2026-02": 49.0}
    units = run(tmp_path, "--orders", path.rename(tmp_path / "u.csv"), *mapped, "--amounts", "units", backend=backend)
    assert _revenue(units) == {"2026-01": 7400.0, "2026-02": 4900.0}


def test_a_money_objects_amount_is_read_in_cents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(tmp_path, "square.csv", f"customer_id,date,amount_money.amount,amount_money.currency\n{ROWS}")
    out = run(tmp_path, "--orders", path, "--columns", "amount=amount_money.amount")
    assert _revenue(out) == {"2026-01": 74.0, "2026-02": 49.0}
    assert (
        "square.csv: the whole amounts of 'amount_money.amount' were read in cents, as Square's API writes a Money "
        "object's amount (4900 as 49.00)" in capsys.readouterr().out
    )


def test_ids_typed_by_a_person_keep_units(tmp_path: Path) -> None:
    path = written(
        tmp_path, "orders.csv", "customer_id,date,amount,currency\n" + ROWS.replace(A, "c1").replace(B, "c2")
    )
    assert _revenue(run(tmp_path, "--orders", path)) == {"2026-01": 7400.0, "2026-02": 4900.0}
