"""``import --backend spark`` prints only its own line on stderr: no JVM or Spark start-up lines, a Spark error named.

H575: after ded44404 the command still printed the JVM's "WARNING: Using incubator modules: jdk.incubator.vector"
(Spark's launcher always adds the module; no JVM option turns the notice off) and Spark's "Setting default log level to
"WARN"" with its hint (Spark's Logging prints them for PySpark's gateway where its logger has no level of its own), and
a file that is not Parquet gave Spark's task failure with its Java stack (80 lines) and then
"Py4JJavaError: An error occurred while calling o45.parquet.", which does not say what is wrong. Now the gateway's
stderr is passed on without the JVM's notice (backends._start_java), spark_log4j2.properties gives the gateway's
logger its level, and the command's line is the Java exception's innermost reason (backends.java_reason).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest


def test_the_jvm_notice_is_left_out_and_every_other_line_passed_on(capfd) -> None:
    from xl_retention.relational.backends import _JavaStderr

    read, write = os.pipe()
    os.write(write, b"WARNING: Using incubator modules: jdk.incubator.vector\n")
    os.write(write, b"26/12/07 18:59:20 ERROR SparkContext: Error initializing SparkContext.\n")
    os.write(write, b"Error: JAVA_HOME is not set\n")
    os.close(write)
    java = _JavaStderr()
    java.started()
    with os.fdopen(read, "rb") as stream:
        java.pass_on(stream)
    assert capfd.readouterr().err.splitlines() == [
        "26/12/07 18:59:20 ERROR SparkContext: Error initializing SparkContext.",
        "Error: JAVA_HOME is not set",
    ]


def test_what_java_says_while_it_starts_is_held_for_the_commands_line(capfd) -> None:
    # H581's finding 05: read only once Java was up, the reason it could not start was lost
    from xl_retention.relational.backends import _JavaStderr

    read, write = os.pipe()
    os.write(write, b"WARNING: Using incubator modules: jdk.incubator.vector\n")
    os.write(write, b"/usr/bin/spark-class: line 71: /nonexistent-java/bin/java: No such file or directory\n")
    os.close(write)
    java = _JavaStderr()
    with os.fdopen(read, "rb") as stream:
        java.pass_on(stream)
    assert java.held == ["/usr/bin/spark-class: line 71: /nonexistent-java/bin/java: No such file or directory"]
    assert capfd.readouterr().err == ""


def test_a_java_that_cannot_start_is_one_line_naming_why(tmp_path) -> None:
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'xl-retention[spark]')")
    (tmp_path / "o.csv").write_text("order_id,date,customer_id,amount\n1,2026-01-05,a,10\n2,2026-02-05,a,10\n")
    run = subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--backend", "spark", "--orders", "o.csv", "--to-csv", "t"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env={**os.environ, "JAVA_HOME": str(tmp_path / "nonexistent-java")},
    )  # fmt: skip
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("xl-retention: error: cannot start Spark (local[2]): ")
    assert f"{tmp_path / 'nonexistent-java'}/bin/java: No such file or directory" in lines[0]


def test_a_file_that_is_not_parquet_is_one_line_naming_it(tmp_path) -> None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime (apt-get install default-jre-headless): Spark cannot run")
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'xl-retention[spark]')")
    bad = tmp_path / "orders.parquet"
    bad.write_bytes(b"not a parquet file at all\n")
    run = subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--orders", str(bad), "--backend", "spark",
         "--to-csv", str(tmp_path / "t")],
        capture_output=True, text=True, timeout=1500, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 1
    # the whole of stderr: no "WARNING: Using incubator modules", no "Setting default log level", no Java stack
    assert run.stderr.splitlines() == [
        f"xl-retention: error: Spark: file:{bad} is not a Parquet file. "
        "Expected magic number at tail, but found [97, 108, 108, 10]"
    ]
    assert run.stdout == ""
