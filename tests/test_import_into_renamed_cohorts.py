"""import --into a tracker whose Cohorts sheet was renamed, with months to add: refused naming what to do."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from xl_retention.workbook import build_template


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xl_retention", *map(str, args)], capture_output=True, text=True)


def test_a_renamed_cohorts_sheet_is_named_in_the_refusal_and_the_file_is_left_alone(tmp_path):
    """Was "t.xlsx has no sheet 'Cohorts'" -> names the sheet its cohort names point to and says to rename it."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=2)
    tracker = tmp_path / "t.xlsx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():  # renamed as Excel renames a sheet: the tab and every name pointing at it
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b'name="Cohorts"', b'name="Signups"').replace(b"'Cohorts'!", b"Signups!")
            out.writestr(info, data)
    before = tracker.read_bytes()
    subs = Path(tmp_path, "s.csv")
    subs.write_text("customer_id,month,mrr\na,2026-01,10\nb,2026-02,10\na,2026-03,10\na,2026-04,10\n")
    result = run("import", "--subscriptions", subs, "--into", tracker)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "xl-retention: error: t.xlsx has no sheet 'Cohorts' ('Signups' holds its tables: the sheet renamed?), so its "
        "cohort tables cannot grow to the 4 months of the data: rename 'Signups' back to 'Cohorts' and import again, "
        "or make a tracker that covers the data (xl-retention new) and import into it"
    )
    assert tracker.read_bytes() == before
