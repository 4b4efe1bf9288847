"""A Parquet file's nested column (a struct, a list) was refused with pandas' words and advice: "a dict ... (pandas
.json_normalize makes one of each field: 'shipping.city')", "an array", to a user who has a file, not a DataFrame; and
on DuckDB a list column not mapped was not refused at all (the pandas path refuses it: a column not mapped is read
too). Now both engines name the file, the column, its Parquet type and a way on with pyarrow, which read the file:
a column of each field (Table.flatten) or the column left out; the advice followed imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal

from xl_retention import cli

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ROWS = {"customer_id": ["c1", "c2"], "date": ["2026-01-05", "2026-02-05"], "amount": [10.0, 20.0]}
KEPT = "(a column not mapped is read too: a status or an end date there would change the counts)"
STRUCT = (
    "struct.parquet, column 'shipping': a struct (a nested value, no cell's text, number or date) in rows 1 and 1 more "
    "(counting the Parquet file's first record as row 1): {'city': 'X', 'zip': '1'}: make a column of each of its "
    "fields and map the one you mean: pyarrow.parquet.write_table(pyarrow.parquet.read_table('struct.parquet')"
    ".flatten(), 'struct_flat.parquet') writes 'shipping.city', 'shipping.zip'; or leave the column out: "
    "pyarrow.parquet.write_table(pyarrow.parquet.read_table('struct.parquet').drop_columns(['shipping']), "
    f"'struct_flat.parquet') {KEPT}"
)
LIST = (
    "list.parquet, column 'tags': a list (a nested value, no cell's text, number or date) in rows 1 and 1 more "
    "(counting the Parquet file's first record as row 1): ['x']: several values in one record: write the one you mean "
    "in a column of its own (one value a record) and map that one, or leave the column out: "
    "pyarrow.parquet.write_table(pyarrow.parquet.read_table('list.parquet').drop_columns(['tags']), "
    f"'list_flat.parquet') {KEPT}"
)


def _buyers(out: Path) -> list[str]:
    return (out / "purchases.csv").read_text().splitlines()[1:]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_struct_column_is_named_with_pyarrows_way_on(tmp_path, capsys, backend, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    pq.write_table(
        pa.table({**ROWS, "shipping": [{"city": "X", "zip": "1"}, {"city": "Y", "zip": "2"}]}), "struct.parquet"
    )
    args = ("--orders", "struct.parquet", "--backend", backend, "--through", "2026-02", "--to-csv", "o")
    assert refusal(capsys, *args) == STRUCT
    pq.write_table(pq.read_table("struct.parquet").flatten(), "struct_flat.parquet")  # the advice followed
    assert cli.main(["import", "--orders", "struct_flat.parquet", *args[2:-1], "flat"]) == 0
    assert _buyers(tmp_path / "flat") == ["2026-01,1,0,0,0.0,0.0", "2026-02,1,0,0,0.0,0.0"]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_list_column_not_mapped_is_refused_on_both_engines(tmp_path, capsys, backend, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    pq.write_table(pa.table({**ROWS, "tags": [["x"], ["y", "z"]]}), "list.parquet")
    args = ("--orders", "list.parquet", "--backend", backend, "--through", "2026-02", "--to-csv", "o")
    assert refusal(capsys, *args) == LIST
    pq.write_table(pq.read_table("list.parquet").drop_columns(["tags"]), "list_flat.parquet")  # the advice followed
    assert cli.main(["import", "--orders", "list_flat.parquet", *args[2:-1], "flat"]) == 0
    assert _buyers(tmp_path / "flat") == ["2026-01,1,0,0,0.0,0.0", "2026-02,1,0,0,0.0,0.0"]
