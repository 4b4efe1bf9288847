"""H292: every public exception and warning class is importable from ``xl_retention`` (README tells users to filter
``ExistingCustomersWarning``: ``xr.ExistingCustomersWarning`` raised AttributeError); a pyarrow RecordBatchReader
(DuckDB's ``rel.arrow()`` from 1.4, ``rel.fetch_record_batch()``) is read once, as the Table it streams, where a
Table is read (it was refused: "expected a table (...), got pyarrow.RecordBatchReader", "customers_end must be a
number, got <pyarrow.lib.RecordBatchReader object ...>").

Figures by hand: three customers, a and b in January, a, b and c in February: customers at end 2, 3; MRR 30, 65.
NPS of 10, 9, 9, 8, 7, 6, 3: (3 - 2) / 7 * 100. CRR (535 - 75) / 500 = 0.92, (90 - 75) / 500 = 0.03.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from collections.abc import Iterator

import pandas as pd
import pytest

import xl_retention as xr

duckdb = pytest.importorskip("duckdb")
pa = pytest.importorskip("pyarrow")

pytestmark = [
    pytest.mark.filterwarnings("ignore:fetch_record_batch\\(\\) is deprecated"),
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
]

SUBS = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
                     "month": ["2026-01", "2026-02", "2026-01", "2026-02", "2026-02"],
                     "mrr": [10.0, 10.0, 20.0, 25.0, 30.0]})  # fmt: skip

PUBLIC = {
    "RetentionInputError": "xl_retention.errors",
    "ZeroDenominatorError": "xl_retention.errors",
    "OutOfRangeError": "xl_retention.errors",
    "NotANumberError": "xl_retention.errors",
    "ReadingNoteWarning": "xl_retention.errors",
    "DataError": "xl_retention.reading.errors",
    "ExistingCustomersWarning": "xl_retention.tables.existing_customers",
    "InProgressMonthWarning": "xl_retention.tables.in_progress",
    "LaterMonthsWarning": "xl_retention.tables.later_months",
}


def test_every_public_exception_and_warning_is_importable_from_the_package() -> None:
    import importlib

    for name, module in PUBLIC.items():
        assert getattr(xr, name) is getattr(importlib.import_module(module), name), name
        assert name in xr.__all__, name
    assert xr.ReadingNoteWarning is importlib.import_module("xl_retention.reading.notes").ReadingNoteWarning
    assert xr.ExistingCustomersWarning is xr.tables.ExistingCustomersWarning
    # `from xl_retention import *` gives them too, and a plain import still does not load pandas
    script = (
        "import sys; from xl_retention import *; "
        "print('pandas' in sys.modules, ExistingCustomersWarning.__name__, DataError.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "ExistingCustomersWarning", "DataError"]
    light = subprocess.run(
        [sys.executable, "-c", "import sys, xl_retention as xr; xr.ReadingNoteWarning; print('pandas' in sys.modules)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert light == ["False"]


def test_existing_customers_warning_is_filtered_by_its_top_level_name() -> None:
    rows = []
    for m in range(1, 10):  # 200 customers in 2026-01, then 1 new and 2 lost a month
        rows += [(f"c{i}", f"2026-{m:02d}", 10) for i in range(200 - 2 * (m - 1))]
        rows += [(f"n{j}", f"2026-{m:02d}", 10) for j in range(1, m)]
    snapshots = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        xr.tables.subscription_tables(snapshots)
    assert xr.ExistingCustomersWarning in {w.category for w in caught}
    with warnings.catch_warnings(record=True) as kept:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=xr.ExistingCustomersWarning)
        xr.tables.subscription_tables(snapshots)
    assert xr.ExistingCustomersWarning not in {w.category for w in kept}


def _readers(con: object, query: str) -> Iterator[tuple[str, object]]:
    """The same query as a Table and as each RecordBatchReader DuckDB gives, each made when it is read (a reader of
    DuckDB gives nothing once another query ran on its connection)."""
    yield "table", con.sql(query).to_arrow_table()
    yield "fetch_record_batch", con.sql(query).fetch_record_batch()
    yield "arrow", con.sql(query).arrow()  # a RecordBatchReader from DuckDB 1.4, a Table before
    if hasattr(con.sql(query), "to_arrow_reader"):
        yield "to_arrow_reader", con.sql(query).to_arrow_reader()


def test_a_record_batch_reader_is_read_as_its_table_by_the_tables() -> None:
    con = duckdb.connect()
    con.register("subs", SUBS)
    assert isinstance(con.sql("SELECT * FROM subs").fetch_record_batch(), pa.RecordBatchReader)
    for how, data in _readers(con, "SELECT * FROM subs"):
        moves = xr.tables.subscription_tables(data).movements
        assert moves["customers_end"].tolist() == [2, 3], how
        assert moves["mrr_end"].tolist() == [30.0, 65.0], how


def test_a_record_batch_reader_is_read_as_its_table_on_the_engine() -> None:
    pytest.importorskip("ibis")
    from xl_retention import relational as R

    con = duckdb.connect()
    con.register("subs", SUBS)
    for how, data in _readers(con, "SELECT * FROM subs"):
        moves = R.subscription_tables(data, backend="duckdb").movements
        assert (moves["customers_end"].tolist(), moves["mrr_end"].tolist()) == ([2, 3], [30.0, 65.0]), how


def test_a_record_batch_reader_is_read_as_its_table_by_the_metrics() -> None:
    con = duckdb.connect()
    scores = "SELECT * FROM (VALUES (10), (9), (9), (8), (7), (6), (3)) t(s)"
    for how, data in _readers(con, scores):
        assert xr.nps(data) == pytest.approx(100 / 7, abs=1e-12), how
    for how, data in _readers(con, "SELECT * FROM (VALUES (535), (90)) t(x)"):
        crr = xr.crr(data, 75, 500)
        assert isinstance(crr, pd.Series) and crr.tolist() == pytest.approx([0.92, 0.03], abs=1e-12), how
    survivors = "SELECT * FROM (VALUES (1000), (631), (468), (382), (326), (289), (262), (241)) t(x)"
    for how, data in _readers(con, survivors):
        assert round(xr.sbg_fit(data).alpha, 3) == 0.704, how


def test_a_reader_read_already_is_refused_not_counted_empty() -> None:
    con = duckdb.connect()
    con.register("subs", SUBS)
    reader = con.sql("SELECT * FROM subs").fetch_record_batch()
    assert xr.tables.subscription_tables(reader).movements["customers_end"].tolist() == [2, 3]
    with pytest.raises(xr.DataError, match=r"^snapshots: the pyarrow RecordBatchReader gave no rows \(read already"):
        xr.tables.subscription_tables(reader)  # read once already: nothing left
    spent = con.sql("SELECT * FROM (VALUES (535), (90)) t(x)").fetch_record_batch()
    spent.read_all()
    with pytest.raises(xr.DataError, match=r"^customers_end: the pyarrow RecordBatchReader gave no rows"):
        xr.crr(spent, 75, 500)
    # DuckDB's reader gives nothing, without an error, once another query ran on its connection: refused, not 0 rows
    stale = con.sql("SELECT * FROM (VALUES (10), (9), (3)) t(s)").arrow()
    assert con.sql("SELECT 1").fetchall() == [(1,)]
    with pytest.raises(xr.DataError, match=r"^scores: .* gave no rows \(read already, or another query ran on its"):
        xr.nps(stale)
    assert isinstance(xr.DataError("x"), xr.RetentionInputError)
