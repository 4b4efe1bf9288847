"""Ids in scientific notation without a sign in the exponent (H407's finding 01): '1E5' and '1e5' beside '100000'
were two customers (2025-02: one lost, one new), while '1E+05' was refused as scientific notation and '1.0' read as
'1'. Where every id of the column is a number, any spelling of one in scientific notation ('1E5', '1e5', '1.0E5',
'1E+5') is refused as '1E+05' is; beside ids that are no numbers ('A3F'), '1E5' stays an id of its own."""

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

SCIENTIFIC = (
    "customer ids in Excel's scientific notation (a long number saved from Excel in the General format: its last "
    "digits are lost, and ids that differed read as one)"
)
ADVICE = (
    "export the file again from the source system and do not save it from Excel, or open it in Excel with the column "
    "as Text"
)


def run(tmp_path: Path, rows: list[tuple[str, str, str]]) -> int:
    path = tmp_path / "ids.csv"
    path.write_text("customer_id,month,mrr\n" + "".join(f"{i},{m},{v}\n" for i, m, v in rows), encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--through", "2025-02", "--to-csv", str(tmp_path / "o")])


@pytest.mark.parametrize("spelled", ["1E5", "1e5", "1.0E5", "10E4"])
def test_a_number_id_in_scientific_notation_beside_its_digits_is_refused(tmp_path, capsys, spelled):
    assert run(tmp_path, [(spelled, "2025-01", "100"), ("100000", "2025-02", "100")]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"xl-retention: error: ids.csv, column 'customer_id': {SCIENTIFIC} in row 2 (counting the "
        f"header as row 1): {spelled!r}: {ADVICE}"
    )


def test_an_id_like_1e5_among_ids_that_are_no_numbers_is_an_id_of_its_own(tmp_path, capsys):
    rows = [("1E5", "2025-01", "100"), ("A3F", "2025-01", "50"), ("1E5", "2025-02", "100"), ("A3F", "2025-02", "50")]
    assert run(tmp_path, rows) == 0, capsys.readouterr().err
    with open(tmp_path / "o" / "movements.csv", newline="") as handle:
        got = [(r["month"], r["new"], r["lost"], r["customers_end"], r["mrr_end"]) for r in csv.DictReader(handle)]
    assert got == [("2025-01", "2", "0", "2", "150.0"), ("2025-02", "0", "0", "2", "150.0")]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_typed_table_refuses_1e5_beside_100000_and_keeps_it_beside_other_ids(tmp_path, backend):
    orders = pd.DataFrame({"customer_id": ["100000", "1e5", "100000"], "amount": [10.0, 20.0, 30.0],
                           "date": pd.to_datetime(["2026-01-03", "2026-01-09", "2026-02-02"])})  # fmt: skip
    orders.to_parquet(tmp_path / "orders.parquet")
    with pytest.raises(DataError) as caught:
        load_tables(orders=tmp_path / "orders.parquet", backend=backend)
    assert str(caught.value) == (
        f"orders.parquet, column 'customer_id': {SCIENTIFIC} in row 2 (counting the Parquet file's first record as "
        f"row 1): '1e5': {ADVICE}"
    )
    orders.assign(customer_id=["A3F", "1e5", "A3F"]).to_parquet(tmp_path / "hex.parquet")
    purchases = load_tables(orders=tmp_path / "hex.parquet", backend=backend).purchases
    assert purchases["buyers"].tolist() == [2, 1]  # A3F and 1e5 in January, A3F in February
