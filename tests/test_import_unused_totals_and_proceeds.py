"""A billing export's column that could change the MRR is used or refused, never ignored, and a refusal's advice
must not double it (H141 finding 05, H142 finding 01).

Recurly's subscriptions export writes `subtotal` ("Estimated total, before tax": the plan's unit_amount x quantity
plus add-ons, less discounts) beside `unit_amount`: rc_1's 230 beside 200 x 1 was left out (July MRR 200 for 230,
no note). App Store Connect's Subscriber report writes 'Customer Price' and 'Developer Proceeds' of one payment: the
refusal told to add the price into the proceeds (9.99 + 6.99 = 16.98 a month for a 9.99 plan)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

RECURLY = (
    "uuid,account_code,plan_code,quantity,unit_amount,currency,state,activated_at,expires_at,plan_interval_length,"
    "plan_interval_unit,subtotal\n"
    "u1,rc_1,gold,1,200.00,USD,active,2026-07-01 00:00:00 UTC,,1,months,230.00\n"
    "u6,rc_6,silver,3,50.00,USD,active,2026-08-01 00:00:00 UTC,,1,months,150.00\n"
    "u5,rc_5,gold,1,200.00,USD,canceled,2026-08-01 00:00:00 UTC,2026-12-20 00:00:00 UTC,1,months,200.00\n"
)
COLUMNS = "start=activated_at,end=expires_at,customer_id=account_code"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_subtotal_other_than_the_price_times_quantity_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "recurly.csv"
    path.write_text(RECURLY)
    assert refusal(
        capsys,
        "--subscriptions",
        str(path),
        "--columns",
        COLUMNS,
        "--through",
        "2026-11",
        "--backend",
        backend,
        "--to-csv",
        str(tmp_path / "o"),
    ) == (  # fmt: skip
        "recurly.csv, column 'subtotal': subscription totals that are not 'unit_amount' x 'quantity' (200 in row 2): "
        "add-ons, extra items or discounts the amount leaves out? MRR is what each subscription pays: map "
        "amount=subtotal if it is the total per billing interval, or remove 'subtotal' if the amount is right in row "
        "2 (counting the header as row 1): '230.00'"
    )


def test_the_subtotal_mapped_counts_the_add_on(tmp_path: Path) -> None:
    path = tmp_path / "recurly.csv"
    path.write_text(RECURLY)
    out = run(tmp_path, "--subscriptions", path, "--columns", f"{COLUMNS},amount=subtotal", "--through", "2026-11")
    mrr = pd.read_csv(out / "movements.csv").set_index("month")["mrr_end"]
    assert mrr["2026-07"] == 230.0 and mrr["2026-08"] == 580.0  # 230 + 3 x 50 + 200


def test_a_subtotal_equal_to_the_price_times_quantity_passes(tmp_path: Path) -> None:
    path = tmp_path / "recurly.csv"
    path.write_text(RECURLY.replace(",230.00\n", ",200.00\n"))
    out = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, "--through", "2026-11")
    assert pd.read_csv(out / "movements.csv").set_index("month")["mrr_end"]["2026-08"] == 550.0


def test_the_customers_price_beside_the_proceeds_is_not_called_an_add_on(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subscriber.txt"  # App Store Connect's Subscriber report (v1_3 columns, a few of them)
    path.write_text(
        "Event Date\tSubscription Name\tStandard Subscription Duration\tCustomer Price\tCustomer Currency\t"
        "Developer Proceeds\tProceeds Currency\tSubscriber ID\tUnits\n"
        "2026-08-15\tAcme Pro Monthly\t1 Month\t9.99\tUSD\t6.99\tUSD\t100000000000001\t1\n"
        "2026-09-15\tAcme Pro Monthly\t1 Month\t9.99\tUSD\t6.99\tUSD\t100000000000001\t1\n"
    )
    columns = ("customer_id=Subscriber ID,month=Event Date,amount=Developer Proceeds,quantity=Units,"
               "interval=Standard Subscription Duration")  # fmt: skip
    assert refusal(capsys, "--subscriptions", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        "subscriber.txt: column 'Customer Price' is the customer's price of the payment whose proceeds 'Developer "
        "Proceeds' holds (App Store's 'Customer Price' and 'Developer Proceeds': one payment before and after the "
        "store's commission), not a price paid beside it: MRR counts one of them, so do not add them up: remove "
        "'Customer Price' to count the proceeds, or map it (--columns 'amount=Customer Price') to count what "
        "customers pay"
    )


def test_an_amount_owed_is_no_subscription_total(tmp_path: Path) -> None:
    path = tmp_path / "recurly.csv"  # Chargebee-like 'total_dues': what is unpaid, not the price per interval
    path.write_text(RECURLY.replace(",subtotal\n", ",total_dues\n").replace(",230.00\n", ",460.00\n"))
    out = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, "--through", "2026-11")
    assert pd.read_csv(out / "movements.csv").set_index("month")["mrr_end"]["2026-08"] == 550.0
