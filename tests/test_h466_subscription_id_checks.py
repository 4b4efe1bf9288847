"""Subscription ids refused on every engine (H464's finding 01): ids that differ only in capitals, spaces or
apostrophes, and ids that stand for no one, are refused by pandas, by PostgreSQL and by the printed SQL; a DuckDB
table or a Parquet file read by DuckDB (``import --subscriptions subs.parquet --backend duckdb``) wrote the tables:
'Acme' and 'acme' two customers (2026-02 lost 2, churn 1.0), '(not set)' twice one customer who stays. The fused
snapshots pass (relational.api) counted blanks and MRR only, not the ids' checks of the typed table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore::xl_retention.reading.notes.ReadingNoteWarning"),
]

ibis = pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")

from import_cli import refusal  # noqa: E402
from postgres_server import throwaway_server  # noqa: E402

from xl_retention import relational as R  # noqa: E402
from xl_retention import tables as T  # noqa: E402
from xl_retention.reading import DataError  # noqa: E402

LOOKALIKE = (
    "customer ids that differ only in capitals, spaces, apostrophes or hyphens ({}: one customer typed two ways, or "
    "two? Excel's MATCH and COUNTIF take them as one)"
)
ONE_WAY = ": write each customer's id one way, or give two customers ids that differ otherwise"
GUEST = (
    "customer ids that stand for no one (a guest checkout: WooCommerce writes 0; Google Analytics '(not set)': all of "
    "them would be one customer who returns)"
)
EMAIL = (
    "customer ids that stand for no one (a placeholder e-mail typed for walk-in sales: all of them would be one "
    "customer who returns)"
)
OWN_ID = ": remove those rows, or give each customer their own id"
MAP_EMAIL = ": map the e-mail as the id, --columns customer_id=NAME (an e-mail or user id column), or remove those rows"

#: (first id, second id) of the rows 2026-01 MRR 10 and 2026-02 MRR 10 beside customer 'b' (2026-01 MRR 5); the
#: problem the pandas path names, an engine's where it differs (the spellings in code-point order, as for orders) and
#: the advice
CASES = {
    "capitals": ("Acme", "acme", LOOKALIKE.format("'Acme' and 'acme'"), None, ONE_WAY),
    "apostrophe": ("O'Neil", "O\u2019Neil", LOOKALIKE.format("\"O'Neil\" and 'O\u2019Neil'"), None, ONE_WAY),
    "two spaces": (
        "Anna Schmidt",
        "Anna  Schmidt",
        LOOKALIKE.format("'Anna Schmidt' and 'Anna  Schmidt'"),
        LOOKALIKE.format("'Anna  Schmidt' and 'Anna Schmidt'"),
        ONE_WAY,
    ),
    "trailing space": ("Acme", "acme ", LOOKALIKE.format("'Acme' and 'acme'"), None, ONE_WAY),
    "(not set)": ("(not set)", "(not set)", GUEST, None, MAP_EMAIL),
    "placeholder e-mail": ("noemail@example.com", "noemail@example.com", EMAIL, None, OWN_ID),
}


def _snapshots(first: str, second: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": [first, second, "b"],
            "month": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-01-01"]),
            "mrr": [10.0, 10.0, 5.0],
        }
    )


def _by_values(first: str, second: str) -> str:
    """The rows as an engine names them without row numbers: by id and month, in the ids' order (stripped, as the
    ids are read; as for orders)."""
    rows = sorted([(first.strip(), "2026-01-01"), (second.strip(), "2026-02-01")])
    return "in 2 rows, e.g. " + "; ".join(f"customer_id {who!r}, month '{month}'" for who, month in rows)


def _refused(run) -> str:
    with pytest.raises(DataError) as caught:
        run()
    return str(caught.value)


@pytest.fixture(scope="module")
def postgres():
    with throwaway_server("xl-retention-pg-h466-") as url:
        yield ibis.connect(url)


@pytest.mark.parametrize("case", list(CASES))
def test_a_duckdb_table_refuses_the_ids_as_pandas_does(case: str) -> None:
    first, second, problem, engine_problem, advice = CASES[case]
    frame = _snapshots(first, second)
    assert _refused(lambda: T.subscription_tables(frame)) == (
        f"input, column 'customer_id': {problem} in the rows at index 0, 1: {first!r}, {second!r}{advice}"
    )
    table = ibis.duckdb.connect().create_table("subscriptions", frame)
    for run in (lambda: R.subscription_tables(table), lambda: R.monthly_movements(table)):
        assert _refused(run) == (
            f"input, column 'customer_id': {engine_problem or problem} {_by_values(first, second)}{advice}"
        )


@pytest.mark.parametrize("case", list(CASES))
def test_import_of_a_parquet_file_refuses_the_ids_on_duckdb_as_on_pandas(tmp_path: Path, capsys, case: str) -> None:
    first, second, problem, engine_problem, advice = CASES[case]
    path = tmp_path / "subs.parquet"
    _snapshots(first, second).to_parquet(path, index=False)
    rows = "in rows 1, 2 (counting the Parquet file's first record as row 1): "
    read = {"pandas": (problem, f"{first!r}, {second!r}"),  # the engine names its ids stripped
            "duckdb": (engine_problem or problem, f"{first.strip()!r}, {second.strip()!r}")}  # fmt: skip
    for backend, (said, values) in read.items():
        out = tmp_path / f"out-{backend}"
        args = ("--subscriptions", str(path), "--backend", backend, "--to-csv", str(out))
        assert refusal(capsys, *args) == f"subs.parquet, column 'customer_id': {said} {rows}{values}{advice}"
        assert not out.exists()


def test_import_of_a_duckdb_table_refuses_ids_in_capitals(tmp_path: Path, capsys) -> None:
    import duckdb

    database = tmp_path / "w.duckdb"
    con = duckdb.connect(str(database))
    con.register("frame", _snapshots("Acme", "acme"))
    con.execute("CREATE TABLE subscriptions AS SELECT * FROM frame")
    con.close()
    out = tmp_path / "out"
    args = ("--subscriptions", "table:subscriptions", "--backend", "duckdb", "--connection", str(database))
    assert refusal(capsys, *args, "--to-csv", str(out)) == (
        f"table:subscriptions, column 'customer_id': {LOOKALIKE.format(repr('Acme') + ' and ' + repr('acme'))} "
        f"{_by_values('Acme', 'acme')}{ONE_WAY}"
    )
    assert not out.exists()


@pytest.mark.parametrize("case", list(CASES))
def test_a_postgresql_table_refuses_the_ids_as_duckdb_does(postgres, case: str) -> None:
    first, second, problem, engine_problem, advice = CASES[case]
    name = "subs_" + "".join(c for c in case if c.isalpha())
    table = postgres.create_table(name, _snapshots(first, second), overwrite=True)
    assert _refused(lambda: R.subscription_tables(table)) == (
        f"input, column 'customer_id': {engine_problem or problem} {_by_values(first, second)}{advice}"
    )
