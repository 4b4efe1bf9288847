"""A snapshots export writing a plan change within a month as the old plan's row, status canceled (its price still
on it), beside the new plan's row, active, of the same subscription (or customer) and month. It was refused: as a
row with an MRR whose status says it ended, or, with a subscription id, as one record changed between two exports.
Where the months around say a plan change (the old plan paid the month before, the new one not yet, the old one gone
after), the month's MRR is the new plan's (an expansion of 50), said in a note; a pair the months do not bear out
stays refused naming its rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

ROWS = (
    "s1,a,2024-01,100,basic,active\n"
    "s1,a,2024-02,{old},basic,canceled\n"
    "s1,a,2024-02,150,pro,active\n"
    "s1,a,2024-03,150,pro,active\n"
    "s2,b,2024-01,50,basic,active\n"
    "s2,b,2024-02,50,basic,active\n"
    "s2,b,2024-03,50,basic,active\n"
)


def _movements(out: Path) -> list[str]:
    return [",".join(line.split(",")[:14]) for line in (out / "movements.csv").read_text().splitlines()[1:]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("old", ["100", "0"])
@pytest.mark.parametrize(
    "header", ["subscription_id,customer_id,month,mrr,plan,status", "customer_id,month,mrr,plan,status"]
)
def test_the_old_plan_canceled_beside_the_new_one_is_a_plan_change(
    tmp_path: Path, capsys, backend: str, old: str, header: str
) -> None:
    path = tmp_path / "snapshots.csv"
    rows = ROWS.format(old=old)
    if not header.startswith("subscription_id"):
        rows = "".join(line.split(",", 1)[1] + "\n" for line in rows.splitlines())
    path.write_text(header + "\n" + rows)
    capsys.readouterr()
    out = run(tmp_path, "--subscriptions", path, backend=backend)
    assert _movements(out) == [
        "2024-01,0,2,0,2,0,2,0.0,150.0,0.0,0.0,0.0,0.0,150.0",
        "2024-02,2,0,0,0,0,2,150.0,0.0,50.0,0.0,0.0,0.0,200.0",  # basic 100 -> pro 150: expansion 50
        "2024-03,2,0,0,0,0,2,200.0,0.0,0.0,0.0,0.0,0.0,200.0",
    ]
    assert "a plan change within the month, its MRR the new plan's alone in rows 3, 4" in capsys.readouterr().out


def test_a_pair_the_months_do_not_bear_out_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "snapshots.csv"
    rows = ROWS.format(old="100").replace("s1,a,2024-03,150,pro,active", "s1,a,2024-03,100,basic,active")
    path.write_text("subscription_id,customer_id,month,mrr,plan,status\n" + rows)  # basic again in March
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err == (
        "snapshots.csv, column 'subscription_id': rows of one subscription and month, one plan's canceled and "
        "another's active, where the months around do not show a plan change (the old plan paid the month before, "
        "the new one not yet, the old one gone after): the same record in two exports, changed between them? keep "
        "the row of the latest export in rows 3, 4 (counting the header as row 1): 's1', 's1'"
    )
