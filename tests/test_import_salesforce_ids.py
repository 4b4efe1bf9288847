"""One Salesforce account written with its 15-character id (reports) and its 18-character id (Data Loader, the API:
the same 15 and a 3-character checksum of the capitals) was two customers (H35 finding 13): its renewal at 120 in
March was a loss and a new customer (churn 50 %). Where the column holds both forms of one id, each 18-character id
with a valid checksum is read as its 15-character form, with a note; by pandas, DuckDB and a typed table alike.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

from xl_retention.reading.salesforce_ids import checksum

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
COLUMNS = "customer_id=Account ID,start=Contract Start Date,end=Contract End Date"


def _contracts(renewed_as: str) -> str:
    return (
        "Account ID,Contract Start Date,Contract End Date,MRR\n0015g00000AbCdE,2024-01-01,2024-03-01,100\n"
        f"{renewed_as},2024-03-01,,120\n0015g00000XyZaB,2024-01-01,,50\n"
    )


def _march(out: Path) -> list[object]:
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    return movements.loc["2024-03", ["new", "lost", "customers_end", "expansion_mrr"]].tolist()


def test_the_checksum_is_salesforces() -> None:
    assert checksum("0015g00000AbCdE") == "AAV" and checksum("001A0000006Vm9r") == "IAC"  # A: bit 3 (I), V: bit 1 (C)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_both_forms_of_one_id_are_one_account(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "contracts.csv"
    path.write_text(_contracts("0015g00000AbCdEAAV"))
    assert _march(run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, backend=backend)) == [0, 0, 2, 20.0]
    assert (
        "contracts.csv, column 'Account ID': Salesforce's 18-character ids read as their 15-character form, as the "
        "column holds both forms of one id ('0015g00000AbCdEAAV' and '0015g00000AbCdE': one account)"
    ) in capsys.readouterr().out


@pytest.mark.parametrize("renewed_as", ["0015g00000AbCdEAAA", "0015g00000AbCdf"])  # a wrong checksum; another id
def test_ids_that_are_not_the_two_forms_stay_apart(tmp_path: Path, renewed_as: str) -> None:
    path = tmp_path / "contracts.csv"
    path.write_text(_contracts(renewed_as))
    assert _march(run(tmp_path, "--subscriptions", path, "--columns", COLUMNS)) == [1, 1, 2, 0.0]


def test_a_typed_table_on_duckdb(tmp_path: Path) -> None:
    from xl_retention.workbook.importer import load_tables

    frame = pd.DataFrame({"Account ID": ["0015g00000AbCdE", "0015g00000AbCdEAAV", "0015g00000XyZaB"],
                          "start": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-01-01"]),
                          "end": pd.to_datetime(["2024-03-01", None, None]), "mrr": [100.0, 120.0, 50.0]})  # fmt: skip
    frame.to_parquet(tmp_path / "contracts.parquet")
    movements = load_tables(tmp_path / "contracts.parquet", columns={"customer_id": "Account ID"}, backend="duckdb")
    assert movements.movements.loc["2024-03", ["new", "lost", "customers_end"]].tolist() == [0, 0, 2]
