"""A plain DuckDB connection (``duckdb.connect()``, the form README's "Big data" names for ``backend=``) set to the
business's zone: the tables are counted in UTC months, and the connection's zone is put back after, also after a
refusal (H225's finding 08: it was left in UTC, and the user's own next query dated 2026-01-31 20:00 UTC, 1 February
05:00 in Tokyo, in January).

By hand: a 100 in January, 120 in February, 120 in March; b 50, 50; c 80 in February, 40 in March: MRR at the end of
each month 150, 250, 160.
"""

from __future__ import annotations

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
    pytest.mark.filterwarnings("ignore::xl_retention.reading.notes.ReadingNoteWarning"),
]

duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed (pip install 'xl-retention[duckdb]')")
pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")

from xl_retention import relational as R  # noqa: E402
from xl_retention.reading import DataError  # noqa: E402

MONTH_OF_AN_INSTANT = "SELECT strftime(date_trunc('month', TIMESTAMPTZ '2026-01-31 20:00:00+00'), '%Y-%m')"


def _tokyo() -> object:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Asia/Tokyo'")
    return con


def _zone_and_month(con: object) -> tuple[str, str]:
    zone = con.execute("SELECT current_setting('TimeZone')").fetchone()[0]
    return zone, con.execute(MONTH_OF_AN_INSTANT).fetchone()[0]


def test_plain_duckdb_connection_keeps_its_zone() -> None:
    con = _tokyo()
    frame = pd.DataFrame(
        {
            "customer_id": ["a", "b", "a", "b", "c", "a", "c"],
            "month": ["2026-01", "2026-01", "2026-02", "2026-02", "2026-02", "2026-03", "2026-03"],
            "mrr": [100.0, 50, 120, 50, 80, 120, 40],
        }
    )
    assert R.subscription_tables(frame, backend=con).movements["mrr_end"].tolist() == [150.0, 250.0, 160.0]
    assert _zone_and_month(con) == ("Asia/Tokyo", "2026-02")  # was ('UTC', '2026-01')


def test_plain_duckdb_connection_keeps_its_zone_after_a_refusal() -> None:
    con = _tokyo()
    frame = pd.DataFrame({"customer_id": ["x"], "month": ["2026-01"], "mrr": [-5.0]})
    with pytest.raises(DataError, match="negative MRR"):
        R.subscription_tables(frame, backend=con)
    assert _zone_and_month(con) == ("Asia/Tokyo", "2026-02")


def test_plain_duckdb_connection_counts_instants_in_utc_months() -> None:
    con = _tokyo()  # 1 February 05:00 in Tokyo is 31 January 20:00 UTC: a January order (docs/metrics.md, "Months")
    con.execute(
        "CREATE TABLE orders AS SELECT * FROM (VALUES ('a', TIMESTAMPTZ '2026-01-31 20:00:00+00', 10.0),"
        " ('b', TIMESTAMPTZ '2026-02-10 12:00:00+00', 20.0), ('a', TIMESTAMPTZ '2026-02-11 12:00:00+00', 5.0))"
        " v(customer_id, date, amount)"
    )
    got = R.repeat_purchases(con.table("orders"), backend=con)["buyers"].to_dict()
    assert got == {pd.Period("2026-01", "M"): 1, pd.Period("2026-02", "M"): 2}
    assert _zone_and_month(con) == ("Asia/Tokyo", "2026-02")
