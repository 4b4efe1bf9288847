"""A snapshot row with an MRR whose flag says the subscription ended (``is_active`` false) in a DuckDB table or a
Parquet file read by DuckDB was counted as paying (Feb: 2 customers, MRR 80, exit 0) where the same rows as a CSV file
are refused (H78 finding 01): the typed table's checks mirrored the status column, not the flag. Now a snapshots table
with such a flag column is read as a file's: refused alike; one whose flags say active imports.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROWS = "customer_id,month,mrr,is_active\na,2024-01,50,true\nb,2024-01,30,true\na,2024-02,50,{flag}\nb,2024-02,30,true\n"
REFUSAL = (
    "xl-retention: error: {source}, column 'is_active': snapshot rows with an MRR whose flag says the subscription "
    "ended or is not active"
)


@pytest.mark.parametrize("form", ["table", "parquet"])
def test_an_ended_flag_with_an_mrr_is_refused_as_a_files(tmp_path, capsys, form) -> None:
    for flag, code in (("false", 1), ("true", 0)):
        csv = tmp_path / f"subs_{flag}.csv"
        csv.write_text(ROWS.format(flag=flag))
        database = str(tmp_path / f"w_{flag}.duckdb")
        with duckdb.connect(database) as con:
            query = f"SELECT customer_id, month, mrr::DOUBLE AS mrr, is_active FROM read_csv('{csv}', header=true)"
            if form == "table":
                con.execute(f"CREATE TABLE subs AS {query}")
            else:
                con.execute(f"COPY ({query}) TO '{tmp_path / f'subs_{flag}.parquet'}' (FORMAT parquet)")
        source = "table:subs" if form == "table" else str(tmp_path / f"subs_{flag}.parquet")
        out = tmp_path / f"out_{flag}"
        capsys.readouterr()
        args = ["import", "--subscriptions", source, "--backend", "duckdb", "--to-csv", str(out)]
        args += ["--connection", database] if form == "table" else []
        assert main(args) == code
        if code:
            name = "table:subs" if form == "table" else f"subs_{flag}.parquet"
            assert capsys.readouterr().err.startswith(REFUSAL.format(source=name))
            assert not out.exists()
        else:
            february = (out / "movements.csv").read_text().splitlines()[2].split(",")
            assert february[:7] == ["2024-02", "2", "0", "0", "0", "0", "2"] and float(february[13]) == 80.0
