"""An amount column beside the same amount in a stated currency ('MRR' and 'MRR (USD)') is refused, never guessed.

Revenue tools export each customer's MRR in its own currency next to the converted one: 'MRR' was taken by its name
and 100 USD + 5,000 JPY imported as 5,100 with exit 0, 'MRR (USD)' ignored. Now the import names both columns and
how to choose; the mapped choice is used; a file with a currency column is left to the currency checks; columns of
other amounts ('New MRR', 'Amount Refunded') are not twins. On the DuckDB engine alike.
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


@pytest.mark.parametrize(
    "twin", ["MRR (USD)", "Converted MRR", "mrr_eur", "MRR in reporting currency", "ConvertedMRR", "mrrUsd"]
)  # camel case: imported from 'MRR' alone before, exit 0 (H48)
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_mrr_beside_mrr_in_one_currency_is_refused(tmp_path: Path, capsys, twin: str, suffix: str) -> None:
    frame = pd.DataFrame({"customer_id": ["a", "b"], "month": ["2025-01", "2025-01"], "MRR": [100.0, 5000.0],
                          twin: [108.0, 33.0]})  # fmt: skip
    path = tmp_path / f"subs{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.assign(month=pd.to_datetime(frame["month"])).to_parquet(path, index=False)
    backend = "duckdb" if suffix == ".parquet" else "pandas"
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"subs{suffix}: 'MRR' and {twin!r} both hold the MRR")
    assert f"--columns 'mrr={twin}'" in message or f"--columns mrr={twin}" in message
    out = run(tmp_path, "--subscriptions", path, "--columns", f"mrr={twin}", backend=backend)
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist() == [141.0]


def test_order_totals_beside_totals_in_the_shops_currency_are_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount,Amount (EUR)\na,2025-01-05,100,92\nb,2025-01-09,5000,31\n")
    message = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert message.startswith("orders.csv: 'amount' and 'Amount (EUR)' both hold the amount")


def test_a_currency_column_leaves_it_to_the_currency_checks(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,month,MRR,Currency,MRR (USD)\na,2025-01,100,USD,100\nb,2025-01,90,USD,90\n")
    assert pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")["mrr_end"].tolist() == [190.0]
    path.write_text("customer_id,month,MRR,Currency,MRR (USD)\na,2025-01,100,USD,100\nb,2025-01,5000,JPY,33\n")
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o2"))
    assert message.startswith("subs.csv, column 'Currency': 2 currencies (USD, JPY) in rows 2, 3")


def test_columns_of_other_amounts_are_no_twins(tmp_path: Path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(
        "customer_id,month,MRR,New MRR,MRR change,NewMRR\na,2025-01,100,100,100,100\nb,2025-01,50,50,50,50\n"
    )
    assert pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")["mrr_end"].tolist() == [150.0]
