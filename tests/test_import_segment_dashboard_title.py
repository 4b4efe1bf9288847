"""A tracker filled with one segment (``import --segment plan=Pro --into``) said so nowhere: its Dashboard showed one
plan's customers under its plain title, read by a board as the whole business (H161's finding 07). Now the
Dashboard's title (A1) names the segment; an import of the whole data after it gives the title back; a title of the
user's stays, with a note. Trackers made by build_template.
"""

from __future__ import annotations

import openpyxl
from cli_process import run

from xl_retention.workbook import build_template

SUBS = (
    "customer_id,month,mrr,plan\na,2026-01,10,Pro\na,2026-02,15,Pro\nb,2026-01,20,Basic\nb,2026-03,20,Pro\n"
    "c,2026-02,5,Pro\n"
)


def _title(path) -> str:
    return openpyxl.load_workbook(path)["Dashboard"]["A1"].value


def test_the_dashboard_title_names_the_segment_and_a_whole_import_gives_it_back(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    (tmp_path / "subs.csv").write_text(SUBS)
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--segment", "plan=Pro", "--into", path)
    assert result.returncode == 0, result.stderr
    assert _title(path) == "Dashboard: plan = Pro only (import --segment)"
    assert openpyxl.load_workbook(path)["Dashboard"]["A1"].font.sz == 14  # the title's look kept
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--into", path, "--replace-typed")
    assert result.returncode == 0, result.stderr
    assert _title(path) == "Dashboard"


def test_a_title_of_the_users_stays_and_the_import_says_the_segment_is_not_named(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    wb["Dashboard"]["A1"] = "Acme board pack"
    wb.save(path)
    (tmp_path / "subs.csv").write_text(SUBS)
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--segment", "plan=Pro", "--into", path)
    assert result.returncode == 0, result.stderr
    assert _title(path) == "Acme board pack"
    assert (
        "'Dashboard'!A1 holds yours ('Acme board pack'), so the Dashboard does not say that it shows the segment "
        "plan=Pro only"
    ) in result.stdout.splitlines()
