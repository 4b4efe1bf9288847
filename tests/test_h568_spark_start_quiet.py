"""``--backend spark`` prints one line on stderr: a missing input is told before Spark starts, Spark's log is quiet.

H558 finding 02: ``import --orders missing.parquet --backend spark`` started Spark (20 s, minutes under load) and
printed its JVM's start-up log (Spark's default log4j profile, "Setting default log level", WARN lines, under load
heartbeat stack traces) before "missing.parquet: no such file or directory". Now the inputs are checked before an
engine starts, and the sessions this package starts log errors only from the JVM's start (spark_log4j2.properties).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest


def test_a_missing_input_is_one_line_before_spark_starts(tmp_path) -> None:
    missing = tmp_path / "missing.parquet"
    run = subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--orders", str(missing), "--backend", "spark",
         "--to-csv", str(tmp_path / "t")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.splitlines() == [f"xl-retention: error: {missing}: no such file or directory"]
    assert run.stdout == ""


def test_spark_session_starts_without_its_log(tmp_path) -> None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime (apt-get install default-jre-headless): Spark cannot run")
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'xl-retention[spark]')")
    code = (
        "from xl_retention.relational.backends import spark_session\n"
        "s = spark_session('local[1]')\n"
        "print(s.range(3).count())\n"
        "s.stop()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1500, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["3"]
    # Spark's default profile, its WARN records (a loopback hostname, native Hadoop), the JVM's notice of the incubator
    # module Spark's launcher adds and Spark's "Setting default log level" with its hint: none (H575)
    assert run.stderr == ""
