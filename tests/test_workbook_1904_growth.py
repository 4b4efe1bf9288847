"""A tracker saved in Excel's 1904 date system (Excel for Mac) grown by an import keeps its Cohorts months.

H19 finding 03: the Cohorts sheet grows by taking a fresh template's sheet, whose month labels are 1900-system
serials (45658 for 2025-01-01); in a 1904 workbook the same serial is 2029-01-02, so every month label of the
survivors, retention, projection and order-cohort tables read four years late after an import added months, exit 0.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from xl_retention import cli
from xl_retention.workbook import build_template

SUBSCRIPTIONS = "customer_id,month,mrr\n" + "".join(
    f"{who},2025-{month:02d},10\n" for month in range(1, 7) for who in "abc"[: 1 + month % 3]
)


def test_cohorts_months_of_a_1904_tracker_stay_right_when_it_grows(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=4)
    wb = openpyxl.load_workbook(path)
    wb.epoch = CALENDAR_MAC_1904  # saved by Excel for Mac with "Use 1904 date system"
    wb.save(path)
    csv = tmp_path / "subs.csv"
    csv.write_text(SUBSCRIPTIONS)
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    assert "2025-05 to 2025-06" in capsys.readouterr().out  # the tracker grew by two months
    wb = openpyxl.load_workbook(path)
    assert wb.epoch == CALENDAR_MAC_1904
    months = [dt.datetime(2025, m, 1) for m in range(1, 7)]
    dates = {}
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.datetime):
                    dates[f"{ws.title}!{cell.coordinate}"] = cell.value
    cohorts = {ref: day for ref, day in dates.items() if ref.startswith("Cohorts!")}
    assert [cohorts[f"Cohorts!A{r}"] for r in range(4, 10)] == months  # were 2029-01-02 .. 2029-06-02
    assert len(cohorts) >= 4 * 6  # every table's labels: survivors, retention, projection, order cohorts
    assert sorted(set(dates.values())) == months, {ref: d for ref, d in dates.items() if d not in months}
