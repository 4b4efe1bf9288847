"""A 'Billing Frequency' column of words ('Monthly', the interval again, as Zuora or Salesforce CPQ export it) beside
the interval column was refused as "looks like the billing interval count ... map it: --columns interval_count=...",
advice that cannot work for words (H58 finding 06; the camel-case 'BillingFrequency' since f3e8494). A column of
words is no count: read when it says the interval's months, refused naming the rows where it says others.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run


@pytest.mark.parametrize("name", ["Billing Frequency", "BillingFrequency"])
def test_a_frequency_of_words_beside_the_interval_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / "s.csv"
    path.write_text(f"customer_id,start,end,interval,amount,{name}\n"
                    "a,2024-01-01,,month,300,Monthly\nb,2024-01-01,,year,600,Annual\n")  # fmt: skip
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")
    assert movements["mrr_end"].iloc[0] == 350.0


def test_a_frequency_saying_other_months_than_the_interval_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.csv"
    path.write_text("customer_id,start,end,interval,amount,BillingFrequency\n"
                    "a,2024-01-01,,month,300,Monthly\nb,2024-01-01,,year,600,Monthly\n")  # fmt: skip
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        "s.csv, column 'BillingFrequency': billing frequencies that say other months than the interval column "
        "'interval' (which one is right cannot be told) in row 3 (counting the header as row 1): 'Monthly'"
    )
