"""``import --backend spark`` writes only where it is told: Spark made an empty ``spark-warehouse`` folder in the
current folder on every run, beside the user's files (H576's finding 01); its warehouse is a temporary folder of its
own now, removed when the command ends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest


def test_an_import_on_spark_leaves_only_its_tables_in_the_current_folder(tmp_path) -> None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime (apt-get install default-jre-headless): Spark cannot run")
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'xl-retention[spark]')")
    (tmp_path / "mrr.csv").write_text("customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\n")
    run = subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--subscriptions", "mrr.csv", "--backend", "spark",
         "--to-csv", "tables"],
        capture_output=True, text=True, timeout=1500, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert sorted(os.listdir(tmp_path)) == ["mrr.csv", "tables"]
    assert (tmp_path / "tables" / "revenue_cohorts.csv").read_text().splitlines() == [
        "cohort,0,1", "2026-01,150.0,100.0", "2026-02,0.0,"
    ]  # fmt: skip
