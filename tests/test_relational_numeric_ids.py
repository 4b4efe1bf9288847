"""PostgreSQL ``numeric(20,0)`` customer ids above 2^53 are two customers, not one (H190 finding 05).

64-bit ids (Shopify's, snowflake ids) in a ``numeric`` column were fetched as doubles where the table is read as a
file's: 9007199254740993 and 9007199254740992 became one customer who "expanded" from 10 to 20 in March (no one new,
no one lost), and one customer returning in February for orders. Ids of a DECIMAL column are now fetched as their
digits: March has 1 new and 1 lost, February 1 returning buyer of 2.
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_numeric_ids_above_2_to_the_53_stay_two_customers() -> None:
    import psycopg
    from postgres_server import throwaway_server

    with throwaway_server("xl-retention-pg-h183-ids-") as url:
        with psycopg.connect(url, autocommit=True) as con:
            con.execute("CREATE TABLE subs (customer_id numeric(20,0), month date, mrr numeric(10,2))")
            con.execute(
                "INSERT INTO subs VALUES (9007199254740993, '2026-01-01', 10), (9007199254740993, '2026-02-01', 10), "
                "(9007199254740992, '2026-03-01', 20), (1001, '2026-01-01', 5), (1001, '2026-02-01', 5), "
                "(1001, '2026-03-01', 5)"
            )
            con.execute("CREATE TABLE orders (customer_id numeric(20,0), date date, amount numeric(10,2))")
            con.execute(
                "INSERT INTO orders VALUES (9007199254740993, '2026-01-05', 10), (9007199254740992, '2026-02-05', 20), "
                "(1001, '2026-01-06', 5), (1001, '2026-02-06', 5)"
            )
        movements = load_tables(subscriptions="table:subs", backend="postgres", connection=url).movements
        march = movements.loc[pd.Period("2026-03", "M")]
        assert (int(march["new"]), int(march["lost"]), int(march["customers_end"])) == (1, 1, 2)
        assert (float(march["new_mrr"]), float(march["churned_mrr"]), float(march["expansion_mrr"])) == (20, 10, 0)
        purchases = load_tables(orders="table:orders", backend="postgres", connection=url).purchases
        february = purchases.loc[pd.Period("2026-02", "M")]
        assert (int(february["buyers"]), int(february["returning"])) == (2, 1)
