"""An NPS typed as counts is an NPS the Dashboard's chart draws: no "none yet: import --nps" under its title (H455/02).

docs/metrics.md: a month without answers gets its NPS from its promoters, passives and detractors typed on the NPS
sheet (over the counts' formulas). A tracker with April's 5, 3 and 2 typed there, then an import of subscriptions
into it, drew April's NPS 30 on the NPS chart while its title's second line said "none yet: import --nps" (the
tracker has no NPS, import one): untrue. A typed count is now NPS data, as a typed answer is; without any, the line
stays.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from test_h391_dashboard_empty_charts import NPS_CHART, SUBSCRIPTIONS, _charts

from xl_retention import cli
from xl_retention.workbook import build_template

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]


@pytest.mark.parametrize(("counts", "lines"), [((5, 3, 2), [NPS_CHART]), (None, [NPS_CHART, "none yet: import --nps"])])
def test_typed_counts_are_an_nps(tmp_path: Path, counts: tuple[int, int, int] | None, lines: list[str]) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    if counts is not None:
        wb = openpyxl.load_workbook(path)
        wb["NPS"]["C5"], wb["NPS"]["D5"], wb["NPS"]["E5"] = counts  # April 2026
        wb.save(path)
    (tmp_path / "mrr.csv").write_text(SUBSCRIPTIONS)
    assert cli.main(["import", "--subscriptions", str(tmp_path / "mrr.csv"), "--into", str(path)]) == 0
    assert _charts(path)[NPS_CHART][0] == lines
