"""MRR converted to one currency at each month's rate ('MRR (USD)' beside 'Currency' EUR and the MRR in EUR, or
Stripe's 'Converted Amount' beside 'Amount' and 'Currency'): a customer paying 100 EUR every month showed a
contraction of 2 USD in February and an expansion of 4 in March that no customer made, without a word. The import
now says so in a note with the rates the file shows; where the file shows one rate per currency, no note. The
figures are read as they are (docs/metrics.md, "Currencies")."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import run

SNAPSHOTS = (
    "customer_id,month,MRR,Currency,MRR (USD)\n"
    "a,2024-01,100,EUR,108.00\na,2024-02,100,EUR,106.00\na,2024-03,100,EUR,110.00\n"
    "b,2024-01,50,USD,50\nb,2024-02,50,USD,50\nb,2024-03,50,USD,50\n"
)
NOTE = (
    "snapshots.csv: 'MRR (USD)' holds amounts converted to USD from other currencies ('Currency': EUR), at rates "
    "that move (EUR at 1.0600 to 1.1000 USD each): moves of the exchange rates between months show as expansion and "
    "contraction (more or less revenue) that no customer made; to see the figures without them, convert the amounts "
    "at one rate per currency first"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_mrr_converted_at_each_months_rate_is_said(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "snapshots.csv"
    path.write_text(SNAPSHOTS)
    capsys.readouterr()
    out = run(tmp_path, "--subscriptions", path, "--columns", "mrr=MRR (USD)", backend=backend)
    assert NOTE in capsys.readouterr().out.splitlines()
    rows = [line.split(",") for line in (out / "movements.csv").read_text().splitlines()[1:]]
    assert [(r[0], r[9], r[11], r[13]) for r in rows] == [  # the drift, as the note says: read as written
        ("2024-01", "0.0", "0.0", "158.0"),
        ("2024-02", "0.0", "2.0", "156.0"),
        ("2024-03", "4.0", "0.0", "160.0"),
    ]


def test_one_rate_per_currency_is_not_noted(tmp_path: Path, capsys) -> None:
    path = tmp_path / "snapshots.csv"
    path.write_text(SNAPSHOTS.replace("106.00", "108.00").replace("110.00", "108.00"))
    capsys.readouterr()
    run(tmp_path, "--subscriptions", path, "--columns", "mrr=MRR (USD)")
    assert "converted to USD" not in capsys.readouterr().out


def test_stripe_converted_amounts_are_said_with_their_rates(tmp_path: Path, capsys) -> None:
    path = tmp_path / "payments.csv"
    path.write_text(
        "id,Customer,Created (UTC),Amount,Currency,Converted Amount,Converted Currency,Status\n"
        "ch_1,a,2024-01-05,100.00,eur,108.00,usd,Paid\nch_2,a,2024-02-05,100.00,eur,106.00,usd,Paid\n"
        "ch_3,b,2024-01-06,50.00,usd,50.00,usd,Paid\n"
    )
    capsys.readouterr()
    columns = "customer_id=Customer,date=Created (UTC),amount=Converted Amount"
    run(tmp_path, "--orders", path, "--columns", columns)
    assert (
        "payments.csv: 'Converted Amount' holds amounts converted to USD from other currencies ('Currency': EUR), at "
        "rates that move (EUR at 1.0600 to 1.0800 USD each)"
    ) in capsys.readouterr().out
