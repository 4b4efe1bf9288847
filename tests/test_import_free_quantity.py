"""A billing export's free quantity (Chargebee's ``plan_free_quantity``: seats included, not charged) is refused.

H68 finding 10: 5 seats at 10 with 2 free were read as 50 a month (January MRR 100 for 80), exit 0, the column
ignored. The import's MRR is price x quantity, so such a column with a number above 0 is refused naming it and its
rows, on files and typed tables alike; one that is 0 everywhere is read as before.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

COLUMNS = {"start": "subscriptions.started_at"}
PROBLEM = (
    "column 'subscriptions.plan_free_quantity': a free quantity (seats or units included in the price: only the "
    "quantity above it is charged), which the import does not take off (MRR = price x quantity would count the free "
    "ones)"
)
ADVICE = ": write the quantity charged, or convert the amounts to what each customer pays and remove the column"
ROW = " in row 2 (counting the header as row 1): '2'"


def _export(free: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"subscriptions.id": ["s1", "s2"], "subscriptions.customer_id": ["c1", "c2"],
                         "subscriptions.plan_unit_price": [10, 10], "subscriptions.plan_quantity": [5, 5],
                         "subscriptions.plan_free_quantity": free, "subscriptions.billing_period": [1, 1],
                         "subscriptions.billing_period_unit": ["month", "month"],
                         "subscriptions.status": ["active", "active"],
                         "subscriptions.started_at": pd.to_datetime(["2026-01-05 10:00",
                                                                     "2026-01-07 10:00"])})  # fmt: skip


@pytest.mark.parametrize("where", ["pandas", "duckdb", "table"])
def test_a_free_quantity_is_refused_not_charged(tmp_path, where: str) -> None:
    def read(free: list[int]):
        frame = _export(free)
        if where == "table":
            path = str(tmp_path / f"w{sum(free)}.duckdb")  # one file per run: the import keeps it open
            with duckdb.connect(path) as con:
                con.register("frame", frame)
                con.execute("CREATE OR REPLACE TABLE subs AS SELECT * FROM frame")
            return load_tables("table:subs", columns=COLUMNS, backend="duckdb", connection=path)
        frame.to_csv(tmp_path / "free.csv", index=False)
        engine = {"backend": "duckdb"} if where == "duckdb" else {}
        return load_tables(tmp_path / "free.csv", columns=COLUMNS, **engine)

    source = "table:subs" if where == "table" else "free.csv"
    with pytest.raises(DataError) as error:
        read([2, 0])
    if where == "table":  # a table's rows by their values (36740825): how many, where the file says its row; what
        assert str(error.value) == f"{source}, {PROBLEM} in 1 row{ADVICE}"  # to do after them (H196)
    else:
        assert str(error.value) == f"{source}, {PROBLEM}{ROW}{ADVICE}"
    assert read([0, 0]).movements["mrr_end"].tolist()[0] == 100.0  # no seat free: 2 x 5 x 10
