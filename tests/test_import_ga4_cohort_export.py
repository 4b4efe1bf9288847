"""A Google Analytics 4 cohort exploration exported as CSV (its '#' comment header, 'All Users' row and 'Month N'
columns) given as visits is refused, and the advice names Google Analytics' own way to raw visits, not only Mixpanel's
and Amplitude's (H266's finding 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.cli import main

GA4_COHORTS = """\
# ----------------------------------------
# Cohort exploration
# ----------------------------------------
#
# Start date: 20260801
# End date: 20261130
Cohort,Month 0,Month 1,Month 2,Month 3
All Users,5321,1022,801,655
Aug 1 - Aug 31,1500,300,240,201
Sep 1 - Sep 30,1400,280,230,
Oct 1 - Oct 31,1300,250,,
Nov 1 - Nov 30,1121,,,
"""


def test_a_ga4_cohort_exploration_is_refused_with_google_analytics_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cohort_export.csv"
    path.write_text(GA4_COHORTS)
    assert main(["import", "--visits", str(path), "--through", "2026-11", "--to-csv", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        "xl-retention: error: cohort_export.csv: a retention report (its columns 'Month 0', 'Month 1', 'Month 2', ... "
        "are the share or number of each cohort still active that many days, weeks or months later), not one row per "
        "visit (visitor id and date): the import counts raw events itself; export the events (Mixpanel: Events "
        "export; Amplitude: Export Data; Google Analytics: BigQuery export, or an exploration with a user or client "
        "id dimension), one row per visit (visitor id and date)"
    )
    assert not (tmp_path / "out").exists()
