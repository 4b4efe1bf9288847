"""Test setup: xlwings' Office.js custom-function path, as xlwings Server runs it.

xlwings picks its UDF decorators when it is first imported, so the environment is set
here, before any test module imports it. XLWINGS_LICENSE_KEY=noncommercial is the key
xlwings accepts for noncommercial use such as this test suite.
"""

import os
import shutil
import sys

import pytest

os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
# The commands the tests run in new processes (python -m xl_retention ...) keep their bytecode and the package's caches
# (xl_retention/__pycache__/*.bin: compiled patterns, formula shapes) as a user's installation does: with
# PYTHONDONTWRITEBYTECODE set, as on the machines that run CI, each one compiled the package's sources and its patterns
# again (a small tracker's `recalc` 6.2 s instead of 2.7 s). The tests of those caches set or unset it themselves.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


@pytest.fixture(scope="module")
def spark():
    """One local Spark session for a test module (Spark starts in tens of seconds); skipped without Java or PySpark."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime (apt-get install default-jre-headless): Spark cannot run")
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'xl-retention[spark]')")
    from xl_retention.relational.backends import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module", autouse=True)
def _spark_stopped_after_the_module():
    """The Spark session a module's tests left running (``cli.main([... "--backend", "spark"])`` starts one and keeps
    it, as a user's process would) stopped after the module: it kept its Java process busy for minutes beside the next
    modules of a parallel run. Set up before the ``spark`` fixture, so torn down after it (which stops its own);
    nothing to do where PySpark was never imported. The Java gateway stays for the next module's session."""
    yield
    if "pyspark.sql" not in sys.modules:
        return
    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    try:
        session = SparkSession.getActiveSession()
        if session is not None:
            session.stop()
        elif SparkContext._active_spark_context is not None:
            SparkContext._active_spark_context.stop()
    except Exception:  # noqa: BLE001  (a test ended the Java process itself: nothing left to stop)
        SparkContext._active_spark_context = None
