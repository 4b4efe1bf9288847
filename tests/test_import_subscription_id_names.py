"""A snapshots file's subscription id under a billing system's name, or mapped with --columns (H66/05, H68/12).

A customer with two subscriptions has two rows a month; they add up when a column tells the subscriptions apart.
Zuora's 'Subscription Number', ``sub_id``, 'Contract ID', ``Abo-ID`` were not read as that column: the file was refused
asking for a subscription_id column it has, and ``--columns subscription_id=NAME`` was refused as an unknown name.
Now those names are read, any column can be mapped (files and DuckDB tables), and the refusal names the option.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention.cli import main
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _file(tmp_path, column: str):
    path = tmp_path / "ms.csv"
    path.write_text(
        f"{column},customer_id,month,mrr\nA-S1,a,2024-01,100\nA-S2,a,2024-01,50\nA-S1,a,2024-02,100\n"
        "A-S2,a,2024-02,50\nB-S3,b,2024-01,20\nB-S3,b,2024-02,20\n",
        encoding="utf-8",
    )
    return path


def _mrr(tables) -> dict[str, tuple[int, float]]:
    frame = tables.movements
    return {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}


@pytest.mark.parametrize("column", ["Subscription Number", "sub_id", "Subscription Name", "Contract ID", "Abo-ID"])
def test_a_billing_systems_subscription_id_adds_the_rows_up(tmp_path, column) -> None:
    got = _mrr(load_tables(_file(tmp_path, column)))
    assert got == {"2024-01": (2, 170.0), "2024-02": (2, 170.0)}


def test_a_bare_subscription_column_is_read_only_when_mapped(tmp_path) -> None:
    path = _file(tmp_path, "Subscription")  # may be a plan's name: two plans in one month cannot be told
    with pytest.raises(DataError, match=r"under another name: --columns subscription_id=NAME\) to add them up"):
        load_tables(path)
    assert _mrr(load_tables(path, columns={"subscription_id": "Subscription"})) == {
        "2024-01": (2, 170.0),
        "2024-02": (2, 170.0),
    }


def test_the_cli_maps_it_on_a_file_and_a_duckdb_table(tmp_path, capsys) -> None:
    path = _file(tmp_path, "Subscription")
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:
        con.execute(f"CREATE TABLE ms AS SELECT * FROM read_csv('{path}', header=true)")
    runs = [[str(path)], ["table:ms", "--backend", "duckdb", "--connection", database]]
    for n, run in enumerate(runs):
        out = tmp_path / f"out{n}"
        argv = ["import", "--subscriptions", run[0], *run[1:], "--columns", "subscription_id=Subscription"]
        assert main([*argv, "--to-csv", str(out)]) == 0
        assert (out / "movements.csv").read_text().splitlines()[1].startswith("2024-01,0,2,0,2,0,2,0.0,170.0,")


def test_a_mapped_column_the_file_lacks_is_refused(tmp_path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("customer_id,month,mrr\na,2024-01,100\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^--columns subscription_id=Sub: no input file has a column 'Sub'"):
        load_tables(path, columns={"subscription_id": "Sub"})
