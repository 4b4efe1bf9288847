"""Recharge's prepaid subscriptions past a database table's first 1,000 rows (da6dbddb checked the rows the engine
fetched as a sample): a table of 1,200 subscriptions whose only prepaid one (charge_interval_frequency 3,
order_interval_frequency 1, price 90) is its 1,101st row imported, its MRR 90 / 3 = 30 (3 times too low where 90 is
one order's price), the refusal a file gets skipped. The two frequencies are now compared over the whole table (its
distinct pairs, one aggregate query), and its row refused as a file's is, on every path.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

COLUMNS = {"start": "created_at", "end": "cancelled_at"}
PREPAID = (
    "'charge_interval_frequency' is 3 and 'order_interval_frequency' 1: a prepaid subscription (charged every 3 "
    "intervals for 3 orders); whether 'price' is the charge's (MRR = price / 3 intervals) or one order's (MRR = price "
    "/ 1 intervals) the export does not say; import the prepaid subscriptions with a column of the price per charge "
    "or per month (mrr), or remove them"
)


def _file(tmp_path: Path, prepaid: int) -> Path:
    """1,200 monthly subscriptions of 30; the 1,101st (c1100, file row 1,102) charged every 3 months for 90."""
    lines = ["customer_id,created_at,cancelled_at,price,quantity,charge_interval_frequency,order_interval_frequency,"
             "order_interval_unit"]  # fmt: skip
    for n in range(1200):
        late = n == 1100
        lines.append(f"c{n:04d},2025-01-01,,{90 if late else 30},1,{3 if late else 1},{prepaid if late else 1},month")
    path = tmp_path / "recharge.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _table(tmp_path: Path, prepaid: int) -> str:
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:
        con.execute(f"CREATE TABLE recharge AS SELECT * FROM read_csv_auto('{_file(tmp_path, prepaid)}')")
    return database


def test_a_prepaid_row_past_the_first_1000_of_a_table_is_refused(tmp_path: Path) -> None:
    database = _table(tmp_path, 1)
    with pytest.raises(DataError) as error:
        load_tables("table:recharge", columns=COLUMNS, backend="duckdb", connection=database)
    assert str(error.value) == f"table:recharge: the row of customer_id 'c1100', created_at '2025-01-01': {PREPAID}"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_files_late_prepaid_row_is_named_alike_on_both_paths(tmp_path: Path, backend: str) -> None:
    with pytest.raises(DataError) as error:
        load_tables(str(_file(tmp_path, 1)), columns=COLUMNS, backend=backend)
    assert str(error.value) == f"recharge.csv: row 1102: {PREPAID}"


def test_equal_frequencies_in_a_late_row_still_read(tmp_path: Path) -> None:
    database = _table(tmp_path, 3)
    tables = load_tables("table:recharge", columns=COLUMNS, backend="duckdb", connection=database)
    assert tables.movements["mrr_end"].iloc[-1] == pytest.approx(1199 * 30 + 90 / 3, abs=1e-6)
