"""A currency column of another amount is not the used amount's (H527 finding 02; reading.other_currencies).

Stripe's "Balance change from activity (itemized)" report holds ``gross``, ``fee``, ``net`` in ``currency`` (the
settlement currency, usd on every row) and each customer's own ``customer_facing_amount`` in
``customer_facing_currency``. With ``amount=gross`` it was refused: "column 'customer_facing_currency': 2 currencies
(EUR, USD) ... amounts are added up ... (--segment customer_facing_currency=usd)", untrue (gross is in usd) and an
advice that drops every euro customer. Now that column, the currency of ``customer_facing_amount`` by name, is left
out of the check while the plain ``currency`` is checked: the file imports. On the pandas and the DuckDB engines.
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

ITEMIZED = """balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,customer_facing_amount,\
customer_facing_currency,customer_id,charge_id
txn_1,2026-01-05 10:00:00,usd,108.50,-3.45,105.05,charge,100.00,eur,cus_A,ch_1
txn_2,2026-01-31 23:59:59,usd,49.00,-1.72,47.28,charge,49.00,usd,cus_B,ch_2
txn_3,2026-02-05 10:00:00,usd,109.00,-3.46,105.54,charge,100.00,eur,cus_A,ch_3
txn_4,2026-02-10 10:00:00,usd,-20.00,0.00,-20.00,refund,-20.00,usd,cus_B,ch_2
txn_5,2026-02-28 10:00:00,usd,49.00,-1.72,47.28,charge,49.00,usd,cus_B,ch_4
"""


def _file(tmp_path: Path, suffix: str, text: str = ITEMIZED) -> Path:
    path = tmp_path / f"itemized{suffix}"
    if suffix == ".csv":
        path.write_text(text)
    else:
        (tmp_path / "x.csv").write_text(text)
        frame = pd.read_csv(tmp_path / "x.csv", dtype=str)
        frame.assign(created_utc=pd.to_datetime(frame["created_utc"]), gross=frame["gross"].astype(float)).to_parquet(
            path, index=False
        )
    return path


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_gross_in_the_settlement_currency_imports(tmp_path: Path, suffix: str) -> None:
    path = _file(tmp_path, suffix)
    backend = "duckdb" if suffix == ".parquet" else "pandas"
    out = run(tmp_path, "--orders", path, "--columns", "date=created_utc,amount=gross", backend=backend)
    cohorts = pd.read_csv(out / "order_revenue_cohorts.csv")
    # by hand: January cohort (A, B) 108.50 + 49.00 - 20.00 (ch_2's refund) = 137.50; February 109.00 + 49.00
    assert cohorts.loc[0, ["0", "1"]].tolist() == [137.5, 158.0]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_gross_in_two_settlement_currencies_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    path = _file(tmp_path, suffix, ITEMIZED.replace("txn_3,2026-02-05 10:00:00,usd", "txn_3,2026-02-05 10:00:00,eur"))
    backend = "duckdb" if suffix == ".parquet" else "pandas"
    args = ["--columns", "date=created_utc,amount=gross", "--backend", backend, "--to-csv", str(tmp_path / "o")]
    err = refusal(capsys, "--orders", str(path), *args)
    assert err.startswith(f"itemized{suffix}, column 'currency': 2 currencies (")
