"""Real exports read as their vendors mean them (H10's findings): statuses that do not pay, ids Excel saved in
scientific notation, repeated rows of overlapping exports, UTC columns and time zones, guests, amounts in cents
and the converted amounts of multi-currency accounts. Each test builds its own small export in tmp_path."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    """The CLI in process: (exit status, the one-line error or '')."""
    code = cli.main([str(a) for a in args])
    err = capsys.readouterr().err
    if code:
        assert err.startswith(ERROR) and err.count("\n") == 1 and "Traceback" not in err, err
    return code, err[len(ERROR) :].strip() if code else ""


def column(path: Path, name: str, table: str = "movements.csv") -> dict[str, str]:
    """``{month: value}`` of one column of a table written by ``--to-csv``."""
    with open(path / table, newline="") as handle:
        return {row["month"]: row[name] for row in csv.DictReader(handle)}


LEMON = (
    "id,customer_id,user_email,product_name,variant_name,status,renews_at,ends_at,created_at,price,interval\n"
    "1,1001,a@x.com,App,Monthly,active,2026-04-05,,2026-01-05 10:00:00,29.00,month\n"
    "2,1002,b@x.com,App,Monthly,{status},2026-04-20,,2026-03-20 10:00:00,29.00,month\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "status", ["on_trial", "trial_ended", "awaiting_signup", "on-hold", "wc-on-hold", "Pending", "suspended"]
)
def test_subscription_statuses_that_do_not_pay_are_refused(tmp_path, capsys, status: str, backend: str) -> None:
    # Lemon Squeezy's on_trial, Maxio's trial_ended/awaiting_signup, WooCommerce's (wc-)on-hold and pending, Zuora's
    # suspended: the subscription pays nothing; counted, it would be 29 MRR from March
    (tmp_path / "subs.csv").write_text(LEMON.format(status=status))
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--columns", "start=created_at,end=ends_at,"
            "amount=price", "--backend", backend, "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (
        1,
        "subs.csv, column 'status': subscriptions that do not pay, to be removed (a free trial, not started yet, "
        "paused or never paid: their price would count as MRR from their start) in row 3 (counting the header as "
        f"row 1): {status!r}",
    )
    (tmp_path / "subs.csv").write_text(LEMON.format(status="cancelled"))  # paid, then cancelled: its dates say when
    assert run(capsys, *args) == (0, "")
    assert column(tmp_path / "o", "mrr_end")["2026-03"] == "58.0"
