"""What billing and shop exports mean by their columns: the end of service (not the request to cancel), trials that
are not paying customers, numbers and text in an Excel date column; each with the tool's own remedies pasted."""

from __future__ import annotations

import csv
import shlex
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


def table(path: Path, name: str) -> dict[str, str]:
    with open(path / "movements.csv", newline="") as handle:
        return {row["month"]: row[name] for row in csv.DictReader(handle)}


RECURLY = (
    "account_code,subscription_state,quantity,unit_amount_in_cents,currency,activated_at,canceled_at,expires_at,"
    "plan_interval_length,plan_interval_unit\n"
    "acc1,active,1,4900,USD,2026-01-05 10:00:00 UTC,,,1,months\n"
    "acc2,canceled,1,4900,USD,2026-01-10 10:00:00 UTC,2026-02-20 10:00:00 UTC,2026-04-10 10:00:00 UTC,1,months\n"
    "acc3,expired,2,4900,USD,2026-01-15 10:00:00 UTC,2026-01-20 10:00:00 UTC,2026-02-15 10:00:00 UTC,1,months\n"
)


def test_the_date_hint_names_the_end_of_service_not_the_request_to_cancel(tmp_path, capsys) -> None:
    # Recurly: canceled_at is when acc2 asked to cancel; it is served (and pays) until expires_at
    (tmp_path / "recurly.csv").write_text(RECURLY)
    args = ("import", "--subscriptions", tmp_path / "recurly.csv", "--columns", "customer_id=account_code")
    code, message = run(capsys, *args, "--to-csv", tmp_path / "o")
    assert code == 1 and message.endswith("map them: --columns start=activated_at,end=expires_at")
    remedy = shlex.split(message.rsplit("map them: ", 1)[1])[1]
    assert run(capsys, *args, "--columns", remedy, "--to-csv", tmp_path / "out") == (0, "")
    assert table(tmp_path / "out", "customers_end") == {"2026-01": "3", "2026-02": "2", "2026-03": "2", "2026-04": "1"}
    assert table(tmp_path / "out", "mrr_end") == {"2026-01": "196.0", "2026-02": "98.0", "2026-03": "98.0",
                                                  "2026-04": "49.0"}  # fmt: skip
