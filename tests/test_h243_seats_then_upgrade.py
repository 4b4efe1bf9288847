"""Seats added one month and the plan upgraded the next (H243's finding 07): a snapshots file of subscription items
(Pro 100 in January, Pro and Extra seats 30 in February, Business 200 and Extra seats in March) had February read as
"a plan changed within the month" (Pro gone in March, the seats kept), its MRR the seats' alone: 130 for the two
customers instead of 230, a false contraction of 70 and an expansion of 200 in March. Pro's replacement is Business,
new in March; February's two items were both billed. A month whose neighbour holds a change of items of its own
(the month after a new item, or the month before one gone) stays items; a plan change within a month (Basic, Basic
and Pro, Pro) is still the new plan alone.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

HEADER = "customer_id,subscription_id,month,plan,mrr\n"
BETA = "beta,s7,2026-01,Pro,100\nbeta,s7,2026-02,Pro,100\nbeta,s7,2026-03,Pro,100\nbeta,s7,2026-04,Pro,100\n"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "acme, expected",
    [  # seats bought in February, Pro upgraded to Business in March: February 130 + 100 (both items billed)
        ("acme,s9,2026-01,Pro,100\nacme,s9,2026-02,Pro,100\nacme,s9,2026-02,Seats,30\n"
         "acme,s9,2026-03,Business,200\nacme,s9,2026-03,Seats,30\nacme,s9,2026-04,Business,200\n"
         "acme,s9,2026-04,Seats,30\n",
         [["2026-01", 200.0, 0.0, 0.0], ["2026-02", 230.0, 30.0, 0.0], ["2026-03", 330.0, 100.0, 0.0],
          ["2026-04", 330.0, 0.0, 0.0]]),
        # the mirror: Basic replaced by Pro at February's start (Basic gone in February), an old add-on dropped in
        # March: February's Pro 100 and add-on 20 both billed (120, not Pro's 100 alone)
        ("acme,s9,2026-01,Basic,50\nacme,s9,2026-01,Addon,20\nacme,s9,2026-02,Pro,100\nacme,s9,2026-02,Addon,20\n"
         "acme,s9,2026-03,Pro,100\nacme,s9,2026-04,Pro,100\n",
         [["2026-01", 170.0, 0.0, 0.0], ["2026-02", 220.0, 50.0, 0.0], ["2026-03", 200.0, 0.0, 20.0],
          ["2026-04", 200.0, 0.0, 0.0]]),
        # a plan change within February (Basic, Basic and Pro, Pro): still Pro's 100 alone
        ("acme,s9,2026-01,Basic,50\nacme,s9,2026-02,Basic,50\nacme,s9,2026-02,Pro,100\nacme,s9,2026-03,Pro,100\n"
         "acme,s9,2026-04,Pro,100\n",
         [["2026-01", 150.0, 0.0, 0.0], ["2026-02", 200.0, 50.0, 0.0], ["2026-03", 200.0, 0.0, 0.0],
          ["2026-04", 200.0, 0.0, 0.0]]),
    ],
)  # fmt: skip
def test_items_beside_a_change_the_month_after_add_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, acme: str, expected: list
) -> None:
    path = tmp_path / "items.csv"
    path.write_text(HEADER + acme + BETA)
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert moves[["month", "mrr_end", "expansion_mrr", "contraction_mrr"]].values.tolist() == expected
    changed = "a plan changed within the month" in "".join(capsys.readouterr())
    assert changed == (expected[1][1] == 200.0)
