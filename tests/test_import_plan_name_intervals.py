"""A plan's name that says its interval in other words ("Pro - 12 months", "1 Jahr", "Jahresabo", "p.a.",
"年間プラン", "3 Monate") beside an amount mapped to mrr was read as a monthly price (MRR x12, x3) with exit 0,
where "Pro (billed annually)" was refused. Each is now refused naming the plan column, and read with
``--columns interval=Plan`` (1,200 a year is 100 a month; 1,200 for 3 months is 400).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

PLANS = [
    ("Pro - 12 months", 150.0),
    ("Pro 12 Monate", 150.0),
    ("Pro 1 Jahr", 150.0),
    ("Pro Jahresabo", 150.0),
    ("Pro (Jahreszahlung)", 150.0),
    ("Pro p.a.", 150.0),
    ("Pro 年間プラン", 150.0),
    ("Pro 3 Monate", 450.0),
    ("Pro 24M", 100.0),
]


@pytest.mark.parametrize(("plan", "mrr"), PLANS)
def test_a_plan_name_interval_is_refused_then_read_when_mapped(tmp_path: Path, capsys, plan: str, mrr: float) -> None:
    path = tmp_path / "p.csv"
    path.write_text(f"customer_id,month,Amount,Plan\na,2024-01,1200,{plan}\nb,2024-01,50,Pro Monthly\n")
    message = refusal(capsys, "--subscriptions", str(path), "--columns", "mrr=Amount", "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"p.csv: column 'Plan' names billing intervals ({plan!r})")
    out = run(tmp_path, "--subscriptions", path, "--columns", "mrr=Amount,interval=Plan")
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist()[0] == mrr


@pytest.mark.parametrize("plan", ["Pro 5 users", "Pro Monatsabo", "Pro 1 year 12 months"])
def test_plan_names_without_one_interval_other_than_a_month_are_left_alone(tmp_path: Path, plan: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text(f"customer_id,month,Amount,Plan\na,2024-01,1200,{plan}\nb,2024-01,50,Pro Monthly\n")
    out = run(tmp_path, "--subscriptions", path, "--columns", "mrr=Amount")
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist()[0] == 1250.0
