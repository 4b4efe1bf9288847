"""A typed DuckDB table's trial length in days (``trial_period_days``) was ignored where the same rows in a CSV file
end each trial at start + days (19de621): the table counted the trials as paying, January 3 customers and MRR 90 for 2
and 60 (H71 finding 02). A table with such a column is read as the file.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROWS = "customer_id,start,end,mrr,trial_period_days\nc1,2024-01-01,,30,\nc2,2024-01-01,2024-01-10,30,14\n" \
       "c3,2024-01-01,,30,14\n"  # fmt: skip


def test_a_tables_trial_days_give_the_files_months(tmp_path: Path) -> None:
    path = tmp_path / "tdays.csv"
    path.write_text(ROWS)
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:
        con.execute(f"""CREATE TABLE tdays AS SELECT customer_id, start::DATE AS start,
                        try_cast("end" AS DATE) AS "end", mrr::DOUBLE AS mrr,
                        try_cast(trial_period_days AS INTEGER) AS trial_period_days
                        FROM read_csv_auto('{path}', all_varchar=true)""")  # fmt: skip
    from_file = load_tables(path).movements
    from_table = load_tables("table:tdays", backend="duckdb", connection=database).movements
    assert from_table.loc[pd.Period("2024-01", "M"), ["customers_end", "mrr_end"]].tolist() == [2, 60.0]
    pd.testing.assert_frame_equal(from_table, from_file, check_exact=True)
