"""``backend=`` takes what a DuckDB user has at hand, and refuses the rest naming the argument (H214's finding 03).

``backend=duckdb.connect()`` raised AttributeError "'DuckDBPyConnection' object has no attribute 'name'";
``backend=123`` the same for int; ``backend="DuckDB"`` a ValueError listing 'pandas, duckdb, spark, postgres' only,
leaving out an Ibis connection and a server's URL (README: "``backend=`` is an Ibis connection, "duckdb", "spark" or
a server's URL").
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

import xl_retention.relational as relational
from xl_retention.errors import RetentionInputError

SNAPSHOTS = pd.DataFrame(
    {
        "customer_id": ["a", "b", "a", "b"],
        "month": ["2026-08", "2026-08", "2026-09", "2026-09"],
        "mrr": [100.0, 50, 100, 0],
    }
)
FORMS = (
    "give an Ibis connection (ibis.duckdb.connect(...), ibis.postgres.connect(...)), a DuckDB connection, a Spark "
    "session, 'duckdb', 'spark' or a PostgreSQL server's URL ('postgres://user@host:5432/database')"
)


def test_a_duckdb_connection_is_computed_on() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE subs AS SELECT * FROM (VALUES ('a', '2026-08', 100.0), ('a', '2026-09', 100.0), "
                "('c', '2026-09', 30.0)) AS t(customer_id, month, mrr)")  # fmt: skip
    import ibis

    table = ibis.duckdb.from_connection(con).table("subs")
    movements = relational.monthly_movements(table, backend=con)
    assert movements["customers_end"].tolist() == [1, 2]
    assert movements["mrr_end"].tolist() == [100.0, 130.0]
    frame = relational.subscription_tables(SNAPSHOTS, backend=con).movements  # a frame sent to the user's connection
    assert frame[["customers_end", "mrr_end"]].to_numpy().tolist() == [[2, 150.0], [1, 100.0]]


@pytest.mark.parametrize(("backend", "shown"), [(123, "123 (builtins.int)"), (True, "True (builtins.bool)")])
def test_an_object_that_is_no_connection_is_refused_naming_backend(backend: object, shown: str) -> None:
    with pytest.raises(RetentionInputError) as refused:
        relational.subscription_tables(SNAPSHOTS, backend=backend)
    assert str(refused.value) == f"backend is no connection: got {shown}; {FORMS}"
    assert refused.value.argument == "backend"


@pytest.mark.parametrize("backend", ["DuckDB", "sqlite"])
def test_a_name_that_is_no_backend_lists_every_form(backend: str) -> None:
    with pytest.raises(RetentionInputError) as refused:
        relational.subscription_tables(SNAPSHOTS, backend=backend)
    assert str(refused.value) == f"backend {backend!r} is none of the backends: {FORMS}"
