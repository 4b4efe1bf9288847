"""Lemon Squeezy's ``total_usd`` is in cents as its ``total`` beside ``total_formatted`` (H453's finding 02).

Its orders export with two currencies is refused with amount=total, naming ``--columns amount=total_usd``; doing so
read the USD amounts (2618 for 26.18) as units: every revenue 100 times too high, silently (2026-09 3200.0 for
32.00), because ``total_usd`` has no formatted twin of its own. Lemon Squeezy's API writes both as "a positive
integer in cents": where ``total_formatted`` tells that ``total`` is in cents, ``total_usd`` is read in cents too,
with a note. Hand counts: net of tax, September 10.00 (Ann) + 22.00 (Bob's 26.18 less 4.18), October 50.00 less
10.00 refunded (Ann's order refunded in full: no purchase), November 22.00 (Bob, the September cohort's month 2).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

ORDERS = (
    "identifier,order_number,user_name,user_email,currency,currency_rate,subtotal,discount_total,tax,total,"
    "subtotal_usd,discount_total_usd,tax_usd,total_usd,subtotal_formatted,total_formatted,tax_name,tax_rate,status,"
    "refunded,refunded_at,refunded_amount,created_at\n"
    "a1,1001,Ann,ann@x.com,USD,1.0,1000,0,200,1200,1000,0,200,1200,$10.00,$12.00,VAT,20,paid,false,,0,"
    "2026-09-03T10:00:00.000000Z\n"
    "a2,1002,Bob,bob@x.com,EUR,1.1,2000,0,380,2380,2200,0,418,2618,€20.00,€23.80,VAT,19,paid,false,,0,"
    "2026-09-04T10:00:00.000000Z\n"
    "a3,1003,Ann,ann@x.com,USD,1.0,1000,0,200,1200,1000,0,200,1200,$10.00,$12.00,VAT,20,refunded,true,"
    "2026-10-05T10:00:00.000000Z,1200,2026-10-03T10:00:00.000000Z\n"
    "a4,1004,Cy,cy@x.com,USD,1.0,5000,0,0,5000,5000,0,0,5000,$50.00,$50.00,,0,partial_refund,true,"
    "2026-10-20T10:00:00.000000Z,1000,2026-10-10T10:00:00.000000Z\n"
    "a5,1005,Bob,bob@x.com,EUR,1.1,2000,0,380,2380,2200,0,418,2618,€20.00,€23.80,VAT,19,paid,false,,0,"
    "2026-11-04T10:00:00.000000Z\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_total_usd_is_read_in_total_s_cents(tmp_path: Path, backend: str, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=user_email,date=created_at,amount=total_usd",
              backend=backend)  # fmt: skip
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert (revenue.loc["2026-09", "0"], revenue.loc["2026-09", "2"], revenue.loc["2026-10", "0"]) == (
        pytest.approx(32.0, abs=1e-9),
        pytest.approx(22.0, abs=1e-9),
        pytest.approx(40.0, abs=1e-9),
    )
    assert (
        "orders.csv: 'total_usd' read in cents (1200 is 12.00 US dollars), as 'total' beside 'total_formatted' writes "
        "its amounts (Lemon Squeezy's API)"
    ) in capsys.readouterr().out


def test_one_currency_reads_total_and_total_usd_alike(tmp_path: Path) -> None:
    path = tmp_path / "usd.csv"
    path.write_text("".join(line for line in ORDERS.splitlines(True) if ",EUR," not in line), encoding="utf-8")
    found = []
    for amount in ("total", "total_usd"):
        out = run(tmp_path / amount, "--orders", path, "--columns", f"customer_id=user_email,date=created_at,"
                  f"amount={amount}")  # fmt: skip
        found.append(pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort"))
    pd.testing.assert_frame_equal(found[0], found[1], check_exact=True)
    assert found[1].loc["2026-09", "0"] == pytest.approx(10.0, abs=1e-9)


JPY = (
    "identifier,order_number,user_email,currency,currency_rate,total,total_usd,total_formatted,status,created_at\n"
    'a1,1001,ann@x.com,JPY,0.00666,1100,733,"¥1,100",paid,2026-09-03T10:00:00.000000Z\n'
    'a2,1002,bob@x.com,JPY,0.00666,2200,1466,"¥2,200",paid,2026-09-04T10:00:00.000000Z\n'
)


def test_a_zero_decimal_currency_s_usd_twin_is_told_by_the_rate(tmp_path: Path) -> None:
    """Yen's smallest unit is its unit: total_formatted tells nothing of total_usd's; 733 = 1100 x 0.00666 x 100 in
    cents (H465's finding 01: read as 733.00 dollars). 7.33 + 14.66 = 21.99."""
    path = tmp_path / "jpy.csv"
    path.write_text(JPY, encoding="utf-8")
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=user_email,date=created_at,amount=total_usd")
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert revenue.loc["2026-09", "0"] == pytest.approx(21.99, abs=1e-9)


def test_a_zero_decimal_currency_without_a_rate_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "jpy.csv"
    path.write_text(JPY.replace(",currency_rate", "").replace(",0.00666", ""), encoding="utf-8")
    args = ["--orders", str(path), "--columns", "customer_id=user_email,date=created_at,amount=total_usd"]
    message = refusal(capsys, *args, "--to-csv", str(tmp_path / "out"))
    assert message.startswith("jpy.csv, column 'total_usd': whole amounts in a table of Lemon Squeezy's API fields")
    assert "say which with --amounts cents or --amounts units" in message
