"""--timezone converts a typed table's times on an engine as it converts a file's (it was ignored on DuckDB/Spark).

A payment at 23:30 UTC on 31 January was 00:30 on 1 February in Berlin: with --timezone Europe/Berlin it is a
February purchase whichever engine reads the typed Parquet file, for times with an offset (timestamptz) and for naive
times in a column whose name says UTC (Stripe's 'Created (UTC)').
"""

import pandas as pd
import pytest

from xl_retention.reading import ReadOptions
from xl_retention.workbook.importer import load_tables

TIMES = pd.to_datetime(["2026-01-31 23:30", "2026-01-10 10:00"])


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("column", "times"), [("date", TIMES.tz_localize("UTC")), ("Created (UTC)", TIMES)])
def test_a_typed_tables_times_are_converted_to_the_time_zone_given(tmp_path, backend, column, times):
    path = tmp_path / "payments.parquet"
    pd.DataFrame({"customer_id": ["a", "b"], column: times, "amount": [10.0, 10.0]}).to_parquet(path)
    columns = {"date": column} if column != "date" else None
    berlin = load_tables(orders=path, backend=backend, columns=columns, options=ReadOptions(timezone="Europe/Berlin"))
    assert berlin.purchases["buyers"].to_dict() == {pd.Period("2026-01", "M"): 1, pd.Period("2026-02", "M"): 1}
    utc = load_tables(orders=path, backend=backend, columns=columns)  # without: the date as written (UTC)
    assert utc.purchases["buyers"].to_dict() == {pd.Period("2026-01", "M"): 2}
