"""A column of currency codes named as the amount plus "Currency" is the amount's currency, no twin (H527 finding 01).

A warehouse table's ``mrr_currency`` (``USD`` on every row) beside ``mrr``, and Salesforce's "Amount Currency"
beside "Amount", were refused as two columns both holding the amount ("'mrr' and 'mrr_currency' both hold the MRR
... map one, --columns mrr=mrr_currency"), whose first advice then failed on 'USD' as no number. Now a column so
named whose values are currency codes is read as the currency column: one currency imports, two are refused by the
currency check naming the segment to import. On the pandas and the DuckDB engines. A twin of amounts stays refused.
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


def _snapshots(tmp_path: Path, suffix: str, codes: list[str], twin: str = "mrr_currency") -> Path:
    frame = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": ["2026-01", "2026-02", "2026-02"],
                          "mrr": [10.0, 10.0, 20.0], twin: codes})  # fmt: skip
    path = tmp_path / f"snap{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.assign(month=pd.to_datetime(frame["month"])).to_parquet(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_mrr_currency_of_one_code_imports(tmp_path: Path, suffix: str) -> None:
    path = _snapshots(tmp_path, suffix, ["USD", "USD", "USD"])
    out = run(tmp_path, "--subscriptions", path, backend="duckdb" if suffix == ".parquet" else "pandas")
    movements = pd.read_csv(out / "movements.csv")
    # by hand: January a 10; February a kept 10, b new 20: 2 customers, MRR 10 -> 30
    assert movements[["month", "customers_end", "mrr_start", "mrr_end"]].values.tolist() == [
        ["2026-01", 1, 0.0, 10.0],
        ["2026-02", 2, 10.0, 30.0],
    ]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_mrr_currency_of_two_codes_is_refused_by_the_currency_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    path = _snapshots(tmp_path, suffix, ["USD", "USD", "EUR"])
    backend = "duckdb" if suffix == ".parquet" else "pandas"
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err.startswith(f"snap{suffix}, column 'mrr_currency': 2 currencies (")  # DuckDB's in its order
    assert err.endswith("import one currency at a time (--segment mrr_currency=EUR)")


def test_mrr_currency_of_amounts_is_still_a_twin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _snapshots(tmp_path, ".csv", ["9.20", "9.20", "18.40"])
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("snap.csv: 'mrr' and 'mrr_currency' both hold the MRR")


def test_salesforce_amount_currency_is_the_amounts_currency(tmp_path: Path) -> None:
    path = tmp_path / "opp.csv"
    path.write_text(
        '"Account ID","Stage","Close Date","Amount Currency","Amount"\n'
        '"A1","Closed Won","2026-01-05","USD","12,000.00"\n'
        '"A2","Closed Won","2026-02-05","USD","6,000.00"\n'
        '"A1","Closed Won","2026-02-20","USD","1,500.00"\n'
    )
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Account ID,date=Close Date")
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-01", 1, 0], ["2026-02", 2, 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [12000.0, 6000.0]
