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


def _numeric_state() -> dict[str, object]:
    """The process-wide numeric settings a test could change and leave for the next test file of its xdist worker:
    mpmath's working precision, numpy's floating-point error handling and print options, decimal's context."""
    import decimal

    context = decimal.getcontext()
    state: dict[str, object] = {
        "mpmath.mp (dps, prec)": (15, 53),  # mpmath's default, also when mpmath is not imported yet
        "decimal context": (context.prec, context.rounding, context.Emin, context.Emax, context.capitals),
        "decimal traps": {signal: bool(on) for signal, on in context.traps.items()},
    }
    if "mpmath" in sys.modules:
        mp = sys.modules["mpmath"].mp
        state["mpmath.mp (dps, prec)"] = (mp.dps, mp.prec)
    if "numpy" in sys.modules:
        numpy = sys.modules["numpy"]
        state["numpy.geterr()"] = numpy.geterr()
        state["numpy.geterrcall()"] = numpy.geterrcall()
        state["numpy.get_printoptions()"] = numpy.get_printoptions()
    return state


def _restore_numeric_state(state: dict[str, object], context: object) -> None:
    """Put back the settings :func:`_numeric_state` read (``context``: a copy of decimal's context then)."""
    import decimal

    decimal.setcontext(context)
    if "mpmath" in sys.modules:
        sys.modules["mpmath"].mp.prec = state["mpmath.mp (dps, prec)"][1]
    if "numpy.geterr()" in state:
        numpy = sys.modules["numpy"]
        numpy.seterr(**state["numpy.geterr()"])
        numpy.seterrcall(state["numpy.geterrcall()"])
        numpy.set_printoptions(**state["numpy.get_printoptions()"])


@pytest.fixture(autouse=True)
def _numeric_state_kept():
    """A test that changes mpmath's precision, numpy's error state or print options, or decimal's context and does
    not restore it fails here (its change undone): the change stayed for every later test file of the same xdist
    worker (``mpmath.mp.dps = 40`` in test_models_paretonbd_ridge_speed, H458). Use ``mpmath.workdps``,
    ``np.errstate``, ``np.printoptions``, ``decimal.localcontext``."""
    import decimal

    before, context = _numeric_state(), decimal.getcontext().copy()
    yield
    after = _numeric_state()
    changed = [f"{key} {before[key]!r} -> {after.get(key)!r}" for key in before if after.get(key) != before[key]]
    if changed:
        _restore_numeric_state(before, context)
        pytest.fail("the test changed process-wide numeric state and left it so: " + "; ".join(changed))


@pytest.fixture
def counted(monkeypatch):
    """The engine's calls of _XLR.COMPARED counted (the function itself runs): test_h549, test_h562."""
    from xl_retention.recalculation.excel_functions import _core

    calls = []
    real = _core.FUNCTIONS["_XLR.COMPARED"]

    def call(value):
        calls.append(value)
        return real.call(value)

    monkeypatch.setitem(_core.FUNCTIONS, "_XLR.COMPARED", _core.Function(real.name, call, 1, 1))
    return calls
