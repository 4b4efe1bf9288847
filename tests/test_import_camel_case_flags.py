"""Flag columns named in camel case, as an API's or an ORM's dump writes them (IsCancelled, isRefunded, isVoided,
IsTest, IsPaused), were ignored: the cancelled, refunded or voided orders counted as purchases, test orders and
paused or test subscriptions read as paying, exit 0 (H58 finding 04); their snake-case twins were honoured or
refused. A camel-case name's words apart are one of its keys (names.keys_of), so both read alike.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run


def _orders(tmp_path: Path, flag: str) -> Path:
    path = tmp_path / "o.csv"
    path.write_text(f"customer_id,date,amount,{flag}\na,2024-01-05,100,TRUE\nb,2024-01-06,50,FALSE\n"
                    "a,2024-02-05,100,TRUE\nb,2024-02-06,50,FALSE\n")  # fmt: skip
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("flag", ["IsCancelled", "isCanceled", "IsRefunded", "isVoided"])
def test_orders_flagged_in_camel_case_are_no_purchases(tmp_path: Path, flag: str, backend: str) -> None:
    purchases = pd.read_csv(run(tmp_path, "--orders", _orders(tmp_path, flag), backend=backend) / "purchases.csv")
    assert purchases.iloc[:, 1].tolist() == [1, 1]  # b's 50 each month; a's flagged orders not counted


def test_test_orders_flagged_in_camel_case_are_refused(tmp_path: Path, capsys) -> None:
    message = refusal(capsys, "--orders", str(_orders(tmp_path, "IsTest")), "--to-csv", str(tmp_path / "out"))
    assert message.startswith("o.csv, column 'IsTest': rows made in test mode")


@pytest.mark.parametrize("flag", ["IsPaused", "IsTest"])
def test_paused_or_test_subscriptions_flagged_in_camel_case_are_refused(tmp_path: Path, capsys, flag: str) -> None:
    path = tmp_path / "s.csv"
    path.write_text(f"customer_id,start,end,interval,amount,{flag}\n"
                    "a,2024-01-01,,monthly,100,TRUE\nb,2024-01-01,,monthly,50,FALSE\n")  # fmt: skip
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    assert message.startswith(f"s.csv, column '{flag}': ")
