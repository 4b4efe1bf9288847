"""Raw data to monthly tables: xl_retention.movements against DuckDB, on the same data in the same run.

Run by hand: ``python bench/bench_movements.py`` (prints Markdown). Needs ``pip install duckdb``
(a bench-only dependency). Options: ``--sizes 100k,1M,10M`` (rows of each dataset),
``--runs N`` (fresh processes per measurement, default 3: best time, highest peak memory).
Run it on an otherwise idle machine: the load average is printed with the figures.

Two datasets, generated with numpy (seeded) and written once to a temporary folder as
``.npy`` columns:

* orders: ``customer_id`` (int64, auto-increment-like with holes), ``date``
  (datetime64[us], any time of day over 5 years), ``amount`` (float64); about 10 orders per
  customer (1 million customers at 10 million rows);
* snapshots: ``customer_id``, ``month`` (datetime64[us], first of the month), ``mrr``
  (float64 from a price list, with upgrades, downgrades, gaps and 1% rows at 0); about 10
  active months per customer over the same 5 years.

Rows are shuffled (the worst case for both; a date-ordered export skips our sort).

Each measurement runs in a fresh subprocess (so every call is a first, cold call, as in the
command-line tool) that loads the columns, wraps them in a pandas DataFrame (no copy) and
computes:

* orders: monthly buyers / returning / repeat purchase rate, and the customer and revenue
  cohort tables (``order_tables``; DuckDB: the same three tables with SQL);
* orders with ``--text-ids``: the largest orders again, with ids as text (pandas ``str``
  column, ``"c1234567"``): the case of a CSV export, where ids must be hashed;
* snapshots: the monthly movements table with its rates, and the customer and revenue
  cohort tables (``subscription_tables``; DuckDB: window functions LAG/LEAD/MIN OVER
  (PARTITION BY customer ORDER BY month), then GROUP BY).

Time: wall clock of the call, from the DataFrame to the finished pandas tables; DuckDB
includes its scan of the DataFrame and the fetch of the results. Memory: peak resident set
(``getrusage`` maxrss, checked against ``VmHWM``) of the subprocess during the call (the
high-water mark is reset just before it, through ``/proc/self/clear_refs``), which includes
the interpreter with its imports and the loaded input columns; "input" is the bytes of those
columns (for text ids, pandas' deep memory usage of the Python strings). The data are
generated in a separate process too: on Linux a child's maxrss starts at its parent's
high-water mark (it survives ``exec``), so the parent must stay small. Results of both
engines are compared (every month of every table) before the figures are printed.
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

MONTHS = 60  # 2020-01 .. 2024-12
FIRST_DAY = np.datetime64("2020-01-01", "D")
DAY_US = 86_400_000_000
PRICES = np.array([29.0, 49.0, 99.0, 199.0, 499.0])


# -- data -----------------------------------------------------------------------------
def customer_ids(rng: np.random.Generator, n: int) -> np.ndarray:
    """Auto-increment-like ids: n distinct sorted ids out of 1.3 n, from 1000 on."""
    pool = int(n * 1.3) + 1
    return np.sort(rng.choice(pool, size=n, replace=False)).astype(np.int64) + 1000


def make_orders(rows: int, seed: int = 1) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    customers = max(rows // 10, 1)
    ids = customer_ids(rng, customers)
    days = int((FIRST_DAY + np.timedelta64(365 * 5 + 1, "D") - FIRST_DAY).astype(int))
    signup = rng.integers(0, days, customers)
    who = rng.integers(0, customers, rows)
    later = (rng.random(rows) * rng.random(rows) * (days - signup[who])).astype(np.int64)
    day = signup[who] + later
    stamp = (FIRST_DAY.astype("datetime64[us]").astype(np.int64) + day * DAY_US + rng.integers(0, DAY_US, rows)).view(
        "datetime64[us]"
    )
    amount = np.round(rng.lognormal(3.5, 0.8, rows), 2)
    return {"customer_id": ids[who], "date": stamp, "amount": amount}


def make_snapshots(rows: int, seed: int = 2) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    customers = max(rows // 8, 1)
    start = rng.integers(0, MONTHS, customers)
    first_len = np.minimum(rng.geometric(1 / 12, customers), MONTHS - start)
    again = rng.random(customers) < 0.25
    gap = rng.integers(1, 7, customers)
    second_start = start + first_len + gap
    second_len = np.where(again & (second_start < MONTHS), rng.geometric(1 / 10, customers), 0)
    second_len = np.minimum(second_len, np.maximum(MONTHS - second_start, 0))
    per_customer = first_len + second_len
    keep = int(np.searchsorted(np.cumsum(per_customer), rows, side="right"))
    start, first_len, second_start, second_len = start[:keep], first_len[:keep], second_start[:keep], second_len[:keep]
    per_customer = per_customer[:keep]
    ids = customer_ids(rng, keep)
    # months: each customer's first stint, then the second one
    lengths = np.stack([first_len, second_len], axis=1).ravel()
    starts = np.stack([start, second_start], axis=1).ravel()
    owner = np.repeat(np.arange(keep), per_customer)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    month = np.repeat(starts, lengths) + offsets
    # MRR: a plan per customer that moves up or down a step now and then
    steps = rng.choice([-1, 0, 1], size=month.size, p=[0.03, 0.94, 0.03])
    walk = np.cumsum(steps)
    group_start = np.cumsum(per_customer) - per_customer
    walk -= np.repeat(walk[group_start] - steps[group_start], per_customer)
    level = np.clip(rng.integers(0, 5, keep)[owner] + walk, 0, 4)
    mrr = PRICES[level]
    mrr[rng.random(mrr.size) < 0.01] = 0.0
    stamp = (np.datetime64("2020-01", "M") + month).astype("datetime64[us]")
    order = rng.permutation(month.size)
    return {"customer_id": ids[owner][order], "month": stamp[order], "mrr": mrr[order]}


def write(folder: Path, name: str, columns: dict[str, np.ndarray]) -> None:
    for column, values in columns.items():
        np.save(folder / f"{name}.{column}.npy", values)


def load(folder: Path, name: str) -> dict[str, np.ndarray]:
    columns = ("customer_id", "date", "amount") if name == "orders" else ("customer_id", "month", "mrr")
    return {c: np.load(folder / f"{name}.{c}.npy") for c in columns}


def frame(folder: Path, dataset: str):  # noqa: ANN201
    """The dataset as a DataFrame (no copy); ``orders_text``: the orders with ids as text ("c0001234")."""
    import pandas as pd

    columns = load(folder, "orders" if dataset == "orders_text" else dataset)
    if dataset == "orders_text":
        columns["customer_id"] = "c" + pd.Series(columns["customer_id"]).astype(str)
        df = pd.DataFrame(columns, copy=False)
        return df, int(df.memory_usage(deep=True, index=False).sum())
    return pd.DataFrame(columns, copy=False), sum(c.nbytes for c in columns.values())


# -- engines --------------------------------------------------------------------------
def ours(dataset: str, df):  # noqa: ANN001, ANN201
    from xl_retention import movements

    if dataset.startswith("orders"):
        t = movements.order_tables(df)
        return {"purchases": t.purchases, "customers": t.customer_cohorts, "revenue": t.revenue_cohorts}
    t = movements.subscription_tables(df)
    return {"movements": t.movements, "customers": t.customer_cohorts, "revenue": t.revenue_cohorts}


SNAPSHOT_SQL = """
CREATE OR REPLACE TEMP TABLE w AS
WITH base AS (
    SELECT customer_id, year(month) * 12 + month(month) - 1 AS m, mrr FROM df WHERE mrr > 0
)
SELECT customer_id, m, mrr,
       lag(m) OVER c AS pm, lag(mrr) OVER c AS pmrr, lead(m) OVER c AS nm,
       min(m) OVER (PARTITION BY customer_id) AS cohort
FROM base WINDOW c AS (PARTITION BY customer_id ORDER BY m);
"""
MOVEMENTS_SQL = """
WITH act AS (
    SELECT m, count(*) AS customers_end, sum(mrr) AS mrr_end,
           count(*) FILTER (WHERE pm IS NULL) AS new,
           coalesce(sum(mrr) FILTER (WHERE pm IS NULL), 0) AS new_mrr,
           count(*) FILTER (WHERE pm < m - 1) AS reactivated,
           coalesce(sum(mrr) FILTER (WHERE pm < m - 1), 0) AS reactivation_mrr,
           coalesce(sum(greatest(mrr - pmrr, 0)) FILTER (WHERE pm = m - 1), 0) AS expansion_mrr,
           coalesce(sum(greatest(pmrr - mrr, 0)) FILTER (WHERE pm = m - 1), 0) AS contraction_mrr
    FROM w GROUP BY m
), gone AS (
    SELECT m + 1 AS m, count(*) AS lost, sum(mrr) AS churned_mrr FROM w WHERE nm IS NULL OR nm > m + 1 GROUP BY 1
), months AS (
    SELECT range AS m FROM range((SELECT min(year(month) * 12 + month(month) - 1) FROM df),
                                 (SELECT max(year(month) * 12 + month(month) - 1) FROM df) + 1)
), t AS (
    SELECT months.m,
           coalesce(lag(act.customers_end) OVER (ORDER BY months.m), 0) AS customers_start,
           coalesce(new, 0) AS new, coalesce(reactivated, 0) AS reactivated,
           coalesce(new, 0) + coalesce(reactivated, 0) AS gained, coalesce(lost, 0) AS lost,
           coalesce(customers_end, 0) AS customers_end,
           coalesce(lag(act.mrr_end) OVER (ORDER BY months.m), 0) AS mrr_start,
           coalesce(new_mrr, 0) AS new_mrr, coalesce(expansion_mrr, 0) AS expansion_mrr,
           coalesce(reactivation_mrr, 0) AS reactivation_mrr, coalesce(contraction_mrr, 0) AS contraction_mrr,
           coalesce(churned_mrr, 0) AS churned_mrr, coalesce(mrr_end, 0) AS mrr_end,
           coalesce(churned_mrr, 0) + coalesce(contraction_mrr, 0) AS lost_mrr
    FROM months LEFT JOIN act USING (m) LEFT JOIN gone USING (m)
)
SELECT *,
       (customers_end - gained) / nullif(customers_start, 0) AS crr,
       lost / nullif(customers_start, 0) AS churn_rate,
       (lost_mrr - expansion_mrr) / nullif(mrr_start, 0) AS net_revenue_churn,
       lost_mrr / nullif(mrr_start, 0) AS gross_revenue_churn,
       (mrr_start - lost_mrr + expansion_mrr) / nullif(mrr_start, 0) AS nrr,
       (mrr_start - lost_mrr) / nullif(mrr_start, 0) AS grr,
       (new_mrr + reactivation_mrr + expansion_mrr) / nullif(lost_mrr, 0) AS quick_ratio
FROM t ORDER BY m
"""
SNAPSHOT_COHORTS_SQL = "SELECT cohort, m - cohort AS k, count(*) AS customers, sum(mrr) AS revenue FROM w GROUP BY ALL"
ORDERS_SQL = """
CREATE OR REPLACE TEMP TABLE f AS
WITH cm AS (
    SELECT customer_id, year(date) * 12 + month(date) - 1 AS m, sum(amount) AS amount FROM df GROUP BY ALL
)
SELECT customer_id, m, amount, min(m) OVER (PARTITION BY customer_id) AS cohort FROM cm;
"""
PURCHASES_SQL = """
WITH t AS (SELECT m, count(*) AS buyers, count(*) FILTER (WHERE m > cohort) AS "returning" FROM f GROUP BY m)
SELECT m, buyers, "returning", "returning" / buyers AS repeat_purchase_rate FROM t ORDER BY m
"""
ORDER_COHORTS_SQL = "SELECT cohort, m - cohort AS k, count(*) AS customers, sum(amount) AS revenue FROM f GROUP BY ALL"


def duck(dataset: str, df):  # noqa: ANN001, ANN201
    import duckdb

    con = duckdb.connect()
    con.register("df", df)
    if dataset.startswith("orders"):
        con.execute(ORDERS_SQL)
        monthly = con.execute(PURCHASES_SQL).df()
        cohorts = con.execute(ORDER_COHORTS_SQL).df()
        out = {"purchases": monthly}
    else:
        con.execute(SNAPSHOT_SQL)
        monthly = con.execute(MOVEMENTS_SQL).df()
        cohorts = con.execute(SNAPSHOT_COHORTS_SQL).df()
        out = {"movements": monthly}
    # the cohort triangles, as numpy matrices (what the SQL gives is the long form)
    n = len(monthly)
    low = int(monthly["m"].min()) if n else 0
    for kind in ("customers", "revenue"):
        table = np.full((n, n), np.nan)
        table[np.arange(n)[:, None] + np.arange(n)[None, :] < n] = 0.0
        table[cohorts["cohort"].to_numpy() - low, cohorts["k"].to_numpy()] = cohorts[kind].to_numpy()
        out[kind] = table
    con.close()
    return out


# -- one measurement in a fresh process ------------------------------------------------
def rss_mib() -> float:
    return status_mib("VmRSS")


def status_mib(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def worker(engine: str, dataset: str, folder: Path) -> None:
    import pandas  # noqa: F401  (imported before the baseline)

    if engine == "duckdb":
        import duckdb  # noqa: F401  (imported before the baseline, as xl_retention is)
    else:
        import xl_retention.movements  # noqa: F401

    imports = rss_mib()
    df, input_bytes = frame(folder, dataset)
    # Reset the high-water mark to the current size: building the input (text ids) may have
    # peaked above it, and that is not the call's doing.
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    before = rss_mib()
    run = ours if engine == "ours" else duck
    start = time.perf_counter()
    result = run(dataset, df)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    hwm = status_mib("VmHWM")
    arrays = {}
    for name, table in result.items():
        if hasattr(table, "to_numpy"):
            if name in ("movements", "purchases"):
                table = table.drop(columns=["m"], errors="ignore")
            table = table.to_numpy(dtype=float)
        arrays[name] = table
    np.savez(folder / f"result.{engine}.{dataset}.npz", **arrays)
    report = {"seconds": seconds, "peak": peak, "hwm": hwm, "before": before, "imports": imports, "input": input_bytes}
    print(json.dumps(report))


def child(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


LOADS: list[float] = []


def measure(dataset: str, folder: Path, runs: int) -> tuple[dict, dict]:
    """Ours and DuckDB, ``runs`` fresh processes each, interleaved: best time and highest peak of each."""
    reports: dict[str, list[dict]] = {"ours": [], "duckdb": []}
    for _ in range(runs):
        for engine in reports:
            LOADS.append(os.getloadavg()[0])
            reports[engine].append(child("--worker", engine, dataset, str(folder)))
    out = []
    for engine_reports in reports.values():
        best = min(engine_reports, key=lambda r: r["seconds"])
        out.append(
            {**best, "peak": max(r["peak"] for r in engine_reports), "hwm": max(r["hwm"] for r in engine_reports)}
        )
    return out[0], out[1]


def generate(dataset: str, rows: int, folder: Path) -> None:
    data = (make_orders if dataset == "orders" else make_snapshots)(rows)
    write(folder, dataset, data)
    rows_made = len(data["customer_id"])
    print(json.dumps({"rows": rows_made, "customers": len(np.unique(data["customer_id"]))}))


def agree(folder: Path, dataset: str) -> str:
    a = np.load(folder / f"result.ours.{dataset}.npz")
    b = np.load(folder / f"result.duckdb.{dataset}.npz")
    for name in a.files:
        x, y = a[name], b[name]
        if x.shape != y.shape or not np.allclose(x, y, rtol=1e-9, atol=1e-6, equal_nan=True):
            return f"**differ** ({name})"
    months = a["purchases" if dataset.startswith("orders") else "movements"].shape[0]
    return f"yes ({months} months, {len(a.files)} tables)"


# -- main -------------------------------------------------------------------------------
def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * scale)


def label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1_000}k"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,1M,10M", help="rows per dataset, comma separated")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per measurement (default: 3)")
    parser.add_argument("--text-ids", action="store_true", help="also: the largest orders with text customer ids")
    args = parser.parse_args()
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    import duckdb
    import pandas as pd

    print("# xl_retention.movements against DuckDB\n")
    print(
        f"Python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"duckdb {duckdb.__version__}, {os.cpu_count()} cores (DuckDB uses all; ours is single-threaded); "
        f"best of {args.runs} fresh processes per cell. Load average at the start: "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}.\n"
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="bench_movements_") as tmp:
        folder = Path(tmp)
        for rows in sizes:
            for dataset in ("orders", "snapshots"):
                made = child("--generate", dataset, str(rows), str(folder))
                mine, theirs = measure(dataset, folder, args.runs)
                results.append((rows, dataset, made, mine, theirs, agree(folder, dataset)))
                print(f"<!-- {dataset} {label(rows)} done -->", file=sys.stderr, flush=True)
        if args.text_ids:
            rows = sizes[-1]
            made = child("--generate", "orders", str(rows), str(folder))
            mine, theirs = measure("orders_text", folder, args.runs)
            results.append((rows, "orders, text ids", made, mine, theirs, agree(folder, "orders_text")))
    print("## Time (seconds, best of the fresh processes)\n")
    print("| dataset | rows | customers | ours s | DuckDB s | DuckDB / ours | ours ns/row | DuckDB ns/row | agree |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for rows, dataset, made, mine, theirs, same in results:
        n = made["rows"]
        print(
            f"| {dataset} | {label(rows)} ({n:,}) | {made['customers']:,} | {mine['seconds']:.3f} | "
            f"{theirs['seconds']:.3f} | {theirs['seconds'] / mine['seconds']:.2f} | "
            f"{mine['seconds'] / n * 1e9:.0f} | {theirs['seconds'] / n * 1e9:.0f} | {same} |"
        )
    print("\n## Peak memory (MiB; x = multiple of the input columns)\n")
    print(
        "| dataset | rows | input columns | ours peak | ours peak x | ours extra | ours extra x "
        "| DuckDB peak | DuckDB peak x | DuckDB extra | DuckDB extra x |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    mismatch = []
    for rows, dataset, _, mine, theirs, _ in results:
        mib = mine["input"] / 2**20
        cells = [f"{mib:.0f}"]
        for r in (mine, theirs):
            extra = r["peak"] - r["before"]
            cells += [f"{r['peak']:.0f}", f"{r['peak'] / mib:.2f}", f"{extra:.0f}", f"{extra / mib:.2f}"]
            if abs(r["peak"] - r["hwm"]) > 0.05 * r["peak"]:
                mismatch.append(f"{dataset} {label(rows)}: maxrss {r['peak']:.0f} MiB, VmHWM {r['hwm']:.0f} MiB")
        print(f"| {dataset} | {label(rows)} | " + " | ".join(cells) + " |")
    print(
        f"\nOne-minute load average before each measurement: at most {max(LOADS):.2f} "
        "(it includes this bench's own previous processes: ~1 for ours, ~2 for DuckDB; "
        "more means something else ran too)."
    )
    print(
        "\nPeak: the whole process (interpreter and imports, ~70 MiB; input columns; work). Extra: peak "
        "minus the resident size just before the call (input loaded)."
    )
    if mismatch:
        print("\nmaxrss and VmHWM disagree: " + "; ".join(mismatch))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3], Path(sys.argv[4]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--generate":
        generate(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]))
    else:
        main()
