"""A Recurly export whose 'canceled' (non-renewing) rows have a blank expires_at (H395's finding 03): with
end=expires_at mapped, the refusal said to map end=canceled_at (the day the customer asked), and that import said to
map end=expires_at: a circle. It now says to give those rows their expires_at, the end mapped (README: the day service
stops is Recurly's expires_at, not its canceled_at)."""

import csv
from pathlib import Path

import pytest

from xl_retention import cli

HEADER = (
    "uuid,account_code,plan_code,unit_amount_in_cents,quantity,plan_interval_unit,plan_interval_length,state,"
    "activated_at,canceled_at,expires_at,currency\n"
)
ROWS = (
    HEADER + "u1,acct_1,pro,5000,1,months,1,active,2026-01-10T09:00:00Z,,,USD\n"
    "u2,acct_2,pro,5000,1,months,1,canceled,2026-01-20T09:00:00Z,2026-03-02T10:00:00Z,{expires},USD\n"
    "u3,acct_3,basic,2000,1,months,1,expired,2026-02-05T09:00:00Z,2026-03-01T10:00:00Z,2026-04-05T09:00:00Z,USD\n"
)
COLUMNS = "start=activated_at,customer_id=account_code,end="


def run(tmp_path: Path, expires: str, end: str, backend: str = "pandas") -> int:
    path = tmp_path / "recurly_subs.csv"
    path.write_text(ROWS.format(expires=expires), encoding="utf-8")
    args = ["import", "--subscriptions", str(path), "--columns", COLUMNS + end, "--backend", backend]
    return cli.main([*args, "--through", "2026-06", "--to-csv", str(tmp_path / "out")])


ADVICE = (
    "in row 3 (counting the header as row 1): 'canceled': give those rows their end in 'expires_at', the column "
    "mapped as the day service stopped, blank on them (a subscription canceled to stop at its period's end serves "
    "until that day, which is its end, not the day in 'canceled_at', when it was canceled)"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_blank_expires_at_told_to_fill_it(tmp_path, capsys, backend):
    assert run(tmp_path, "", "expires_at", backend) != 0
    err = capsys.readouterr().err
    assert "column 'state': subscriptions whose status says they ended, with no end date" in err
    assert ADVICE in err
    assert "end=canceled_at" not in err


def test_canceled_at_mapped_still_sends_to_expires_at(tmp_path, capsys):
    assert run(tmp_path, "2026-05-20T09:00:00Z", "canceled_at") != 0
    assert "--columns end=expires_at" in capsys.readouterr().err


def test_filled_expires_at_counted(tmp_path, capsys):
    assert run(tmp_path, "2026-05-20T09:00:00Z", "expires_at") == 0, capsys.readouterr().err
    with open(tmp_path / "out" / "movements.csv", newline="") as handle:
        got = {r["month"]: (int(r["customers_end"]), int(r["lost"])) for r in csv.DictReader(handle)}
    # acct_1 from January; acct_2 January to 20 May; acct_3 February to 5 April
    assert got == {"2026-01": (2, 0), "2026-02": (3, 0), "2026-03": (3, 0), "2026-04": (2, 1), "2026-05": (1, 1),
                   "2026-06": (1, 0)}  # fmt: skip
