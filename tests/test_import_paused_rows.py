"""A paused Chargebee subscription (status `paused`, `pause_date`, `resume_date`) was refused "to be removed", which
loses the months it paid (H141 finding 06: July MRR 99 for 198, no loss in October). The refusal now says to end the
row the day it paused; followed, the file gives the hand count."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from import_cli import refusal, run

HEAD = (
    "subscriptions.id,subscriptions.customer_id,subscriptions.plan_unit_price,subscriptions.billing_period,"
    "subscriptions.billing_period_unit,subscriptions.status,subscriptions.started_at,subscriptions.cancelled_at"
)
ACTIVE = "sub_A,cb_A,99.00,1,month,active,2026-07-05 10:00:00,"
COLUMNS = "start=subscriptions.started_at,end=subscriptions.cancelled_at"


def test_a_paused_subscription_is_told_to_end_where_it_paused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(
        f"{HEAD},subscriptions.pause_date,subscriptions.resume_date\n{ACTIVE},,\n"
        "sub_P,cb_P,99.00,1,month,paused,2026-07-05 10:00:00,,2026-10-05 10:00:00,2027-01-05 10:00:00\n"
    )
    assert refusal(
        capsys,
        "--subscriptions",
        str(path),
        "--columns",
        COLUMNS,
        "--through",
        "2026-11",
        "--to-csv",
        str(tmp_path / "o"),
    ) == (  # fmt: skip
        "subs.csv, column 'subscriptions.status': subscriptions paused, which paid until they paused and "
        "pay nothing while paused (removing them would lose the months they paid): give each such row its end the "
        "day it paused (its pause date) and a status that says it ended (cancelled), and a row of its own from the "
        "day it resumed (then remove the pause columns: 'subscriptions.pause_date', 'subscriptions.resume_date') in "
        "row 3 (counting the header as row 1): 'paused'"
    )
    path.write_text(f"{HEAD}\n{ACTIVE}\nsub_P,cb_P,99.00,1,month,cancelled,2026-07-05 10:00:00,2026-10-05 10:00:00\n")
    out = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, "--through", "2026-11")
    moves = pd.read_csv(out / "movements.csv").set_index("month")
    assert moves.loc["2026-07", "mrr_end"] == 198.0 and moves.loc["2026-10", "churned_mrr"] == 99.0
