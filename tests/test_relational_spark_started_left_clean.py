"""The Spark session a call with ``backend="spark"`` starts keeps no view of the call (H250): the first call of a
process, which starts the session, left Ibis' view of the frame it sent (``ibis_pyarrow_memtable_...``, holding the
data); later calls, finding the session active, dropped theirs. Run in a new Python process: no session is active."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'xl-retention[spark]')")
pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[spark]')")

SCRIPT = """
import warnings
warnings.simplefilter("ignore")
import pandas as pd
from pyspark.sql import SparkSession
import xl_retention.relational as R

assert SparkSession.getActiveSession() is None
snaps = pd.DataFrame({"customer_id": ["a", "b", "a", "c"], "month": ["2026-01", "2026-01", "2026-02", "2026-02"],
                      "mrr": [10.0, 20, 30, 5]})
for _ in range(2):
    lost = R.monthly_movements(snaps, backend="spark")["lost"].tolist()
    views = [t.name for t in SparkSession.getActiveSession().catalog.listTables() if t.isTemporary]
    print(lost, views)
"""


def test_the_session_started_by_the_call_is_left_without_its_views() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["[0, 1] []", "[0, 1] []"]  # b lost in February; no view after either call
