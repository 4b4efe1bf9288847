"""A price mapped as ``mrr`` beside a billing interval column of numbers ("Billing Frequency" of 1 and 12, "Billing
Interval (months)", "Billing Period (months)", ``payment_cycle``) was read as monthly: a yearly 300 counted 300 MRR,
July 330 where 55 (30 + 300/12) is right. Numbers alone do not say months per billing or billings per year, so the
file is refused naming the column and its values; the way out it names (a unit column as ``interval``, the numbers
as ``interval_count``, the price as ``amount``) gives 55.
"""

from __future__ import annotations

import re

import duckdb
import pytest

from xl_retention.cli import main
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

COLUMNS = {"customer_id": "Customer", "start": "Start", "end": "End", "mrr": "Price"}


def _file(tmp_path, column: str, unit: bool = False) -> str:
    text = f"Customer,Start,End,Price,{column}{',Unit' if unit else ''}\n"
    text += f"a,2025-01-01,,30,1{',month' if unit else ''}\nb,2025-07-01,,300,12{',month' if unit else ''}\n"
    path = tmp_path / "subs.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "column",
    ["Billing Frequency", "Billing Interval (months)", "Billing Period (months)", "payment_cycle", "Zahlungsintervall"],
)
def test_a_numeric_interval_beside_a_price_is_refused_naming_it_and_its_values(tmp_path, column: str) -> None:
    path = _file(tmp_path, column)
    refused = rf"^subs\.csv: column '{re.escape(column)}' holds numbers \(1, 12\) beside 'Price' and no "
    with pytest.raises(DataError, match=refused + r"billing interval column: is 12 months per billing"):
        load_tables(path, columns=COLUMNS)


def test_the_engine_refuses_a_typed_table_alike(tmp_path) -> None:
    path = _file(tmp_path, "Billing Frequency")
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:  # Price and Billing Frequency typed BIGINT
        con.execute(f"CREATE TABLE subs AS SELECT * FROM read_csv_auto('{path}')")
    with pytest.raises(DataError, match=r"column 'Billing Frequency' holds numbers \(1, 12\) beside 'Price'"):
        load_tables("table:subs", columns=COLUMNS, backend="duckdb", connection=database)


def test_the_way_out_named_gives_the_mrr_of_a_yearly_price(tmp_path) -> None:
    path = _file(tmp_path, "Billing Frequency", unit=True)
    out = tmp_path / "out"
    argv = ["import", "--subscriptions", path, "--columns", "customer_id=Customer,start=Start,end=End"]
    argv += ["--columns", "interval=Unit,interval_count=Billing Frequency,amount=Price", "--to-csv", str(out)]
    assert main(argv) == 0
    july = (out / "movements.csv").read_text().splitlines()[-1].split(",")
    assert july[0] == "2025-07" and float(july[13]) == 55.0


def test_all_ones_or_a_fiscal_period_change_nothing(tmp_path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("Customer,Start,End,Price,Billing Frequency,Fiscal Period\na,2025-01-01,,30,1,1\n"
                    "b,2025-07-01,,300,1,7\n", encoding="utf-8")  # fmt: skip
    tables = load_tables(str(path), columns=COLUMNS)
    assert tables.movements["mrr_end"].iloc[-1] == 330.0
