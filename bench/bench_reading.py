"""Reading a CSV of orders with text customer ids: xl_retention.reading against DuckDB, same file, same run.

Run by hand: ``python bench/bench_reading.py [--sizes 1M,10M] [--runs 2]`` (needs ``pip install duckdb``,
a bench-only dependency). Issue 14 item 5: "the reading of 10 million text-id rows (factorizing
ids, the blank-id check, date parsing) at least as fast as DuckDB reading the same CSV".

The CSV (written once per size by DuckDB, seeded): ``customer_id`` text (``c0123456``, about 10
orders per customer), ``date`` ISO (``2023-04-17``), ``amount`` (``12.34``).

* ours: what ``xl-retention import --orders`` does before the monthly tables: ``read_table``
  (the separator and encoding sniffed, every column read as text; plain UTF-8 files by pyarrow's
  multi-threaded CSV reader) and ``prepare(df, "orders")`` (the distinct ids found by Arrow's hash
  kernel, checked for surrounding spaces and blanks, cleaned if needed; blank ids refused; dates and
  amounts dictionary-encoded, one date format found and applied, amounts parsed; the columns in two
  threads);
* with ``--baseline DIR`` (a folder holding another version's ``xl_retention`` package, e.g. from
  ``git archive COMMIT xl_retention | tar -x -C DIR``), that version too, interleaved in the same run;
* DuckDB: ``read_csv`` with the column types given, into a table in memory with the ids trimmed,
  the blank-id count and the distinct-id count (the same checks), in one SQL statement.

Each measurement runs in a fresh process (imports excluded, as both are paid once); best of
``--runs``; peak RSS of the process; CPU seconds of the process during the reading (all threads,
the least of the runs: less sensitive than wall time to other programs on a busy machine). The
load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

OURS = """
import json, resource, time
from xl_retention.reading import prepare, read_table
started, cpu = time.perf_counter(), time.process_time()
frame, _ = prepare(read_table({path!r}), "orders", source="orders.csv")
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
assert len(frame) == {rows} and frame["date"].dtype.kind == "M"
print(json.dumps({{"seconds": seconds, "cpu": cpu, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "customers": int(frame["customer_id"].nunique())}}))
"""
DUCK = """
import json, resource, time
import duckdb
con = duckdb.connect()
started, cpu = time.perf_counter(), time.process_time()
con.execute(
    "CREATE TABLE orders AS SELECT trim(customer_id) AS customer_id, date, amount FROM read_csv({path!r}, "
    "header = true, columns = {{'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'}})"
)
blank, customers = con.execute(
    "SELECT count(*) FILTER (WHERE customer_id IS NULL OR customer_id = ''), count(DISTINCT customer_id) FROM orders"
).fetchone()
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
assert blank == 0
print(json.dumps({{"seconds": seconds, "cpu": cpu, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "customers": int(customers)}}))
"""


def write_csv(path: Path, rows: int) -> None:
    import duckdb

    customers = max(1, rows // 10)
    duckdb.connect().execute(
        f"COPY (SELECT 'c' || lpad(CAST(hash(i) % {customers} AS VARCHAR), 7, '0') AS customer_id, "
        "DATE '2020-01-01' + CAST(hash(i + 1) % 1826 AS INTEGER) AS date, "
        "round(CAST(hash(i + 2) % 20000 AS DOUBLE) / 100, 2) AS amount "
        f"FROM range({rows}) t(i)) TO '{path}' (HEADER, DELIMITER ',')"
    )


def run(code: str, folder: Path) -> dict:
    """``code`` in a fresh process started in ``folder`` (a package there is imported first)."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=folder)
    return json.loads(out.stdout.strip().splitlines()[-1])


def parse_size(text: str) -> int:
    text = text.strip().upper()
    scale = {"K": 1_000, "M": 1_000_000}.get(text[-1], 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1M,10M", help="rows, e.g. 1M,10M")
    parser.add_argument("--runs", type=int, default=2, help="fresh processes per measurement (best time)")
    parser.add_argument("--baseline", type=Path, help="a folder with another version's xl_retention package")
    args = parser.parse_args()
    if args.baseline is not None and not (args.baseline / "xl_retention" / "__init__.py").is_file():
        parser.error(f"--baseline {args.baseline}: no xl_retention package in it")
    import duckdb

    print(f"duckdb {duckdb.__version__}; {os.cpu_count()} cores (both use all: pyarrow's CSV reader and two column "
          f"threads for ours); best of {args.runs}")  # fmt: skip
    print()
    base = " baseline s | baseline / DuckDB | baseline CPU s | baseline peak MB |" if args.baseline else ""
    print(f"| rows | CSV MB | ours s | DuckDB s | ours / DuckDB | ours CPU s | DuckDB CPU s | ours peak MB | "
          f"DuckDB peak MB |{base} load |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * (5 if args.baseline else 1))
    with tempfile.TemporaryDirectory(prefix="xlr-reading-") as name:
        folder = Path(name)
        for rows in (parse_size(s) for s in args.sizes.split(",")):
            path = folder / f"orders-{rows}.csv"
            write_csv(path, rows)
            results: dict[str, list[dict]] = {"ours": [], "duckdb": [], "baseline": []}
            for _ in range(args.runs):  # interleaved
                results["ours"].append(run(OURS.format(path=str(path), rows=rows), folder))
                results["duckdb"].append(run(DUCK.format(path=str(path)), folder))
                if args.baseline:
                    results["baseline"].append(run(OURS.format(path=str(path), rows=rows), args.baseline))
            ours, duck = (min(results[k], key=lambda r: r["seconds"]) for k in ("ours", "duckdb"))
            assert ours["customers"] == duck["customers"], (ours, duck)
            extra = ""
            if args.baseline:
                old = min(results["baseline"], key=lambda r: r["seconds"])
                extra = (f" {old['seconds']:.2f} | {old['seconds'] / duck['seconds']:.2f}x | "
                         f"{min(r['cpu'] for r in results['baseline']):.2f} | {old['peak_mb']:.0f} |")  # fmt: skip
            print(
                f"| {rows:,} | {path.stat().st_size / 2**20:.0f} | {ours['seconds']:.2f} | {duck['seconds']:.2f} | "
                f"{ours['seconds'] / duck['seconds']:.2f}x | {min(r['cpu'] for r in results['ours']):.2f} | "
                f"{min(r['cpu'] for r in results['duckdb']):.2f} | {ours['peak_mb']:.0f} | {duck['peak_mb']:.0f} |"
                f"{extra} "
                f"{os.getloadavg()[0]:.2f} |",
                flush=True,
            )
            path.unlink()


if __name__ == "__main__":
    main()
