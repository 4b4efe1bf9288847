"""The monthly tables at scale: the DuckDB backend against the pandas path and plain DuckDB SQL (run by hand).

Generates Parquet inputs with text ids (``cus_000000123``), then times each path in a fresh
process (wall seconds and the process's peak resident memory):

* ``pandas``: ``pd.read_parquet`` + :func:`xl_retention.tables.subscription_tables` /
  :func:`~xl_retention.tables.order_tables` (today's numpy passes);
* ``duckdb``: :mod:`xl_retention.relational` with the file read by DuckDB (``read_parquet``);
* ``sql``: plain DuckDB SQL written for this bench, computing less (movements and purchases only);
* ``same-sql``: plain DuckDB SQL for the same subscription work as the engine path (checks, one window pass
  kept as a temporary table, duplicates, movements with the calendar, cohorts, revenue and survivors);
* ``spark``: :mod:`xl_retention.relational` on PySpark local mode (``local[2]``);
* ``pandas-csv`` / ``duckdb-csv``: the subscriptions written as a CSV file (text ids, ISO dates), read as
  ``xl-retention import`` reads a CSV (:func:`xl_retention.reading.read_table`) and handed to the pandas
  tables or to the DuckDB backend (which reads the frame's columns with the same rules, then counts);
  the order tables are not run for these.

Usage::

    python bench/bench_relational.py --rows 1000000 10000000 [--paths pandas duckdb sql spark] [--memory 4GB] [--runs 3]

With ``--runs N`` every path runs N times, interleaved (pandas, duckdb, ..., pandas, duckdb, ...), and the
best time of each is shown (the machine is shared: the best run is the one least disturbed), with the
load average before and after each size.

Subscriptions: one snapshot row per customer and month, 12 months per customer over 4 years,
10% of months at MRR 0 (churn and returns); orders: 5 per customer on average over 3 years, 2% refunds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

CHUNK = 5_000_000


def generate(folder: Path, rows: int, seed: int = 7) -> tuple[Path, Path]:
    """``subs_N.parquet`` and ``orders_N.parquet`` (written a chunk at a time: bounded memory)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    subs, orders = folder / f"subs_{rows}.parquet", folder / f"orders_{rows}.parquet"
    rng = np.random.default_rng(seed)
    if not subs.exists():
        with pq.ParquetWriter(subs, pa.schema([("customer_id", pa.string()), ("month", pa.date32()),
                                               ("mrr", pa.float64())])) as writer:  # fmt: skip
            for first in range(0, rows // 12, CHUNK // 12):
                count = min(CHUNK // 12, rows // 12 - first)
                ids = np.char.add("cus_", np.char.zfill(np.arange(first, first + count).astype(str), 9))
                start = rng.integers(0, 37, count)
                base = rng.choice([29.0, 49.0, 99.0, 299.0], count)
                month = (start[:, None] + np.arange(12)[None, :]).ravel()
                mrr = (base[:, None] * rng.choice([1.0, 1.0, 1.0, 1.5, 0.5], (count, 12))).ravel()
                mrr[rng.random(mrr.size) < 0.1] = 0.0
                days = (np.datetime64("2021-01", "M") + month).astype("datetime64[D]")
                writer.write_table(pa.table({"customer_id": np.repeat(ids, 12), "month": days, "mrr": mrr}))
    if not orders.exists():
        customers = max(rows // 5, 1)
        with pq.ParquetWriter(orders, pa.schema([("customer_id", pa.string()), ("date", pa.timestamp("us")),
                                                 ("amount", pa.float64())])) as writer:  # fmt: skip
            for first in range(0, rows, CHUNK):
                count = min(CHUNK, rows - first)
                who = rng.integers(0, customers, count)
                ids = np.char.add("cus_", np.char.zfill(who.astype(str), 9))
                stamp = np.datetime64("2022-01-01T00:00:00", "us") + rng.integers(0, 3 * 365 * 86_400, count) * 10**6
                amount = np.round(rng.gamma(2.0, 30.0, count), 2)
                amount[rng.random(count) < 0.02] *= -1
                writer.write_table(pa.table({"customer_id": ids, "date": stamp, "amount": amount}))
    return subs, orders


SQL_MOVEMENTS = """
WITH a AS (
  SELECT customer_id, (year(month) - 1970) * 12 + month(month) - 1 AS m, mrr FROM read_parquet('{path}') WHERE mrr > 0
), w AS (
  SELECT *, lag(m) OVER c AS pm, lag(mrr) OVER c AS pmrr, lead(m) OVER c AS nm
  FROM a WINDOW c AS (PARTITION BY customer_id ORDER BY m)
), per AS (
  SELECT m, count(*) AS customers_end, sum(mrr) AS mrr_end,
         count(*) FILTER (WHERE pm IS NULL) AS new, sum(mrr) FILTER (WHERE pm IS NULL) AS new_mrr,
         count(*) FILTER (WHERE pm < m - 1) AS reactivated,
         sum(greatest(mrr - pmrr, 0)) FILTER (WHERE pm = m - 1) AS expansion_mrr,
         sum(greatest(pmrr - mrr, 0)) FILTER (WHERE pm = m - 1) AS contraction_mrr
  FROM w GROUP BY m
), lost AS (
  SELECT m + 1 AS m, count(*) AS lost, sum(mrr) AS churned_mrr FROM w WHERE nm IS NULL OR nm > m + 1 GROUP BY 1
)
SELECT per.*, lost.lost, lost.churned_mrr,
       lag(customers_end) OVER (ORDER BY per.m) AS customers_start
FROM per LEFT JOIN lost USING (m) ORDER BY m
"""

SQL_PURCHASES = """
WITH per AS (
  SELECT customer_id, (year(date) - 1970) * 12 + month(date) - 1 AS m, count(*) AS n
  FROM read_parquet('{path}') WHERE amount >= 0 GROUP BY 1, 2
), f AS (SELECT *, min(m) OVER (PARTITION BY customer_id) AS cohort FROM per)
SELECT m, count(*) AS buyers, count(*) FILTER (WHERE n > 1) AS repeat_purchasers,
       count(*) FILTER (WHERE m > cohort) AS returning
FROM f GROUP BY m ORDER BY m
"""


SQL_SUBS_SAME_WORK = [
    # the checks the engine path runs: blanks, negative MRR, the months' span
    """SELECT count(*) FILTER (WHERE customer_id IS NULL OR trim(customer_id) = ''), count(*) FILTER (WHERE mrr < 0),
              min(month), max(month) FROM read_parquet('{path}')""",
    # one window pass per customer over every row (duplicates and losses need the MRR-0 rows)
    """CREATE TEMP TABLE r AS
       WITH s AS (SELECT trim(customer_id) AS customer_id, (year(month) - 1970) * 12 + month(month) - 1 AS m, mrr
                  FROM read_parquet('{path}'))
       SELECT *, lag(m) OVER c AS pm, lag(mrr) OVER c AS pmrr, lead(m) OVER c AS nm, lead(mrr) OVER c AS nmrr
       FROM s WINDOW c AS (PARTITION BY customer_id ORDER BY m)""",
    "SELECT count(*) FROM r WHERE pm = m OR nm = m",
    """CREATE TEMP TABLE a AS
       WITH act AS (SELECT * FROM r WHERE mrr > 0),
            f AS (SELECT customer_id, min(m) AS cohort,
                         min(m) FILTER (WHERE nm IS NULL OR nm <> m + 1 OR nmrr <= 0) AS first_gone
                  FROM act GROUP BY 1)
       SELECT act.*, cohort, first_gone, m = cohort AS new,
              coalesce(pm = m - 1 AND pmrr > 0, false) AS kept,
              (nm IS NULL OR nm <> m + 1 OR nmrr <= 0) AS gone
       FROM act JOIN f USING (customer_id)""",
    """WITH cal AS (SELECT unnest(range((SELECT min(m) FROM r), (SELECT max(m) FROM r) + 1)) AS m),
            per AS (SELECT m, count(*) AS customers_end, sum(mrr) AS mrr_end,
                           count(*) FILTER (WHERE new) AS new, coalesce(sum(mrr) FILTER (WHERE new), 0) AS new_mrr,
                           count(*) FILTER (WHERE NOT new AND NOT kept) AS reactivated,
                           coalesce(sum(mrr) FILTER (WHERE NOT new AND NOT kept), 0) AS reactivation_mrr,
                           coalesce(sum(mrr - pmrr) FILTER (WHERE kept AND mrr > pmrr), 0) AS expansion_mrr,
                           coalesce(sum(pmrr - mrr) FILTER (WHERE kept AND mrr < pmrr), 0) AS contraction_mrr
                    FROM a GROUP BY m),
            lost AS (SELECT m + 1 AS m, count(*) AS lost, sum(mrr) AS churned_mrr FROM a WHERE gone GROUP BY 1)
       SELECT cal.m, coalesce(customers_end, 0) AS customers_end, coalesce(mrr_end, 0) AS mrr_end, new, new_mrr,
              reactivated, reactivation_mrr, expansion_mrr, contraction_mrr, coalesce(lost, 0) AS lost,
              coalesce(churned_mrr, 0) AS churned_mrr,
              coalesce(lag(customers_end) OVER (ORDER BY cal.m), 0) AS customers_start,
              coalesce(lag(mrr_end) OVER (ORDER BY cal.m), 0) AS mrr_start
       FROM cal LEFT JOIN per USING (m) LEFT JOIN lost USING (m) ORDER BY cal.m""",
    """SELECT cohort, m - cohort AS months_since, count(*) AS customers, sum(mrr) AS revenue,
              count(*) FILTER (WHERE m <= first_gone) AS survivors
       FROM a GROUP BY cohort, m ORDER BY cohort, m""",
]


def _csv_of(parquet: Path) -> Path:
    """The subscriptions Parquet file as CSV (written once, next to it)."""
    path = parquet.with_suffix(".csv")
    if not path.exists():
        import duckdb

        duckdb.connect().execute(f"COPY (SELECT * FROM read_parquet('{parquet}')) TO '{path}' (HEADER, DELIMITER ',')")
    return path


def run_one(path_kind: str, subs: str, orders: str, memory: str | None) -> dict:
    """One measurement in this process: seconds for the subscription tables and the order tables."""
    out: dict = {}
    if path_kind == "pandas":
        import pandas as pd

        from xl_retention import tables as T

        t0 = time.perf_counter()
        T.subscription_tables(pd.read_parquet(subs))
        out["subscriptions_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        T.order_tables(pd.read_parquet(orders))
        out["orders_s"] = time.perf_counter() - t0
    elif path_kind in ("pandas-csv", "duckdb-csv"):
        from xl_retention import relational as R
        from xl_retention import tables as T
        from xl_retention.reading import read_table

        t0 = time.perf_counter()
        frame = read_table(subs)
        out["read_s"] = time.perf_counter() - t0
        (T if path_kind == "pandas-csv" else R).subscription_tables(frame)
        out["subscriptions_s"] = time.perf_counter() - t0
        out["orders_s"] = float("nan")
    elif path_kind in ("duckdb", "spark"):
        from xl_retention import relational as R

        if memory:
            os.environ["XL_RETENTION_DUCKDB_MEMORY"] = memory
        con = R.connect(path_kind)
        if path_kind == "duckdb":
            read = lambda p: con.read_parquet(p)  # noqa: E731
        else:
            from xl_retention.relational.backends import spark_table

            read = lambda p: spark_table(con._session.read.parquet(p), con)  # noqa: E731
        t0 = time.perf_counter()
        R.subscription_tables(read(subs), backend=con)
        out["subscriptions_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        R.order_tables(read(orders), backend=con)
        out["orders_s"] = time.perf_counter() - t0
    elif path_kind == "same-sql":
        import duckdb

        db = duckdb.connect(config={"memory_limit": memory} if memory else {})
        t0 = time.perf_counter()
        for statement in SQL_SUBS_SAME_WORK:
            db.execute(statement.format(path=subs)).fetchall()
        out["subscriptions_s"] = time.perf_counter() - t0
        out["orders_s"] = float("nan")
    else:
        import duckdb

        db = duckdb.connect(config={"memory_limit": memory} if memory else {})
        t0 = time.perf_counter()
        db.sql(SQL_MOVEMENTS.format(path=subs)).df()
        out["subscriptions_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        db.sql(SQL_PURCHASES.format(path=orders)).df()
        out["orders_s"] = time.perf_counter() - t0
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--paths", nargs="+", default=["pandas", "duckdb", "sql"])
    parser.add_argument("--folder", default=os.path.join(tempfile.gettempdir(), "xl-retention-bench"))
    parser.add_argument("--memory", default=None, help="DuckDB memory_limit, e.g. 4GB (spills to disk beyond)")
    parser.add_argument("--runs", type=int, default=1, help="runs per path, interleaved; the best is shown")
    parser.add_argument("--one", nargs=3, metavar=("PATH", "SUBS", "ORDERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(*args.one, args.memory)))
        return
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load: {os.getloadavg()}  (uptime before)")
    print("| rows | path | subscription tables s | order tables s | peak MB |")
    print("|---:|---|---:|---:|---:|")
    for rows in args.rows:
        subs, orders = generate(folder, rows)
        best: dict[str, dict] = {}
        failed: dict[str, str] = {}
        for _ in range(args.runs):
            for kind in args.paths:
                if kind in failed:
                    continue
                data = str(_csv_of(subs)) if kind.endswith("-csv") else str(subs)
                command = [sys.executable, __file__, "--one", kind, data, str(orders)]
                if args.memory:
                    command += ["--memory", args.memory]
                done = subprocess.run(command, capture_output=True, text=True)
                if done.returncode:
                    failed[kind] = done.stderr.strip().splitlines()[-1][:80]
                    continue
                r = json.loads(done.stdout.strip().splitlines()[-1])
                old = best.get(kind)
                if old is None:
                    best[kind] = r
                else:
                    for k in ("subscriptions_s", "orders_s", "peak_mb"):
                        old[k] = min(old[k], r[k]) if r[k] == r[k] else old[k]
        for kind in args.paths:
            if kind in failed:
                print(f"| {rows:,} | {kind} | failed: {failed[kind]} | | |")
                continue
            r = best[kind]
            print(f"| {rows:,} | {kind} | {r['subscriptions_s']:.1f} | {r['orders_s']:.1f} | {r['peak_mb']:,.0f} |",
                  flush=True)  # fmt: skip
        print(f"load: {os.getloadavg()}  (after {rows:,} rows)")
    print(f"load: {os.getloadavg()}  (uptime after)")


if __name__ == "__main__":
    main()
