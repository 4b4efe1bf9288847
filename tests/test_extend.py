"""``xl-retention extend``: a tracker kept by hand (months typed, no export) given more months without an import.

Before, only an import whose data ran past the tracker's last month added months; a user typing their figures by hand
had no way but to copy rows down, which the tracker's names, charts and cohorts do not follow (and which import then
refuses). ``extend`` adds the months by the import's own growth: every value, formula, comment and sheet of the user's
stays, their formulas over the months take in the new ones, and the new months compute once typed.
"""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
from openpyxl.comments import Comment

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def hand_kept(tmp_path):
    """A 3-month tracker filled by hand: figures, a comment, a column and a total row of the user's, a sheet of theirs
    reading the months, survivors typed on Cohorts and NPS answers typed on "NPS scores"."""
    path = build_template(tmp_path / "tracker.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    customers, revenue, cohorts, scores = wb["Customers"], wb["Revenue"], wb["Cohorts"], wb["NPS scores"]
    customers["B2"] = 100
    for row, (gained, end) in enumerate([(10, 105), (8, 108), (12, 115)], start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        customers[f"L{row}"] = f"=D{row}*2"  # a column of the user's, one formula filled down
    customers["L1"] = "Doubled"
    customers["C3"].comment = Comment("promo month", "me")
    customers["A6"], customers["C6"] = "Total gained", "=SUM(C2:C4)"
    revenue["B2"] = 1000
    for row in (2, 3, 4):
        for column, value in zip("CDEFG", (100, 20, 0, 10, 30), strict=True):
            revenue[f"{column}{row}"] = value
    for row, counts in {4: [10, 9, 8], 5: [6, 5], 6: [4]}.items():
        for k, count in enumerate(counts):
            cohorts.cell(row, 2 + k, count)
    for row, score in enumerate([10, 9, 3], start=2):
        scores[f"B{row}"] = score
    mine = wb.create_sheet("Mine")
    mine["A1"], mine["B1"] = "=SUM(Customers!D2:D4)", "kept"
    wb.save(path)
    return path


def test_extend_keeps_everything_and_the_new_months_compute(tmp_path, capsys):
    path = hand_kept(tmp_path)
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"extended {path}: added months 2026-04 to 2026-06, a tracker of 6 months from 2026-01 (every value, "
        "formula and sheet of yours kept)"
    )
    assert "Customers!C9 =SUM(C2:C4) -> =SUM(C2:C7); Mine!A1 =SUM(Customers!D2:D4) -> =SUM(Customers!D2:D7)" in out[1]
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    assert [customers[f"A{r}"].value for r in range(2, 8)] == [dt.datetime(2026, m, 1) for m in range(1, 7)]
    assert [(customers[f"C{r}"].value, customers[f"D{r}"].value) for r in (2, 3, 4)] == [(10, 105), (8, 108), (12, 115)]
    assert customers["C3"].comment.text == "promo month"
    assert [customers[f"L{r}"].value for r in range(1, 8)] == ["Doubled"] + [f"=D{r}*2" for r in range(2, 8)]
    assert (customers["A9"].value, customers["C9"].value) == ("Total gained", "=SUM(C2:C7)")  # moved down, widened
    assert (wb["Mine"]["A1"].value, wb["Mine"]["B1"].value) == ("=SUM(Customers!D2:D7)", "kept")
    assert wb.defined_names["Customers_End"].attr_text == "'Customers'!$D$2:$D$7"
    assert wb.defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$G$9"
    cohorts = wb["Cohorts"]
    assert [[cohorts.cell(r, c).value for c in range(2, 5)] for r in (4, 5, 6, 7)] == [
        [10, 9, 8], [6, 5, None], [4, None, None], [None, None, None]
    ]  # fmt: skip
    assert [wb["NPS scores"].cell(1, c).value for c in range(2, 8)] == [dt.datetime(2026, m, 1) for m in range(1, 7)]
    assert [wb["NPS scores"][f"B{r}"].value for r in (2, 3, 4)] == [10, 9, 3]
    # April typed by hand, as the user will: it computes, and what reads the months takes it in
    customers["C5"], customers["D5"] = 5, 110
    revenue = wb["Revenue"]
    for column, value in zip("CDEFG", (50, 0, 0, 0, 40), strict=True):
        revenue[f"{column}5"] = value
    wb.save(path)
    report = recalc_file(path, path, engine="embedded", in_place=True)
    assert report.status == "ok", report.message
    wb = openpyxl.load_workbook(path, data_only=True)
    customers, revenue = wb["Customers"], wb["Revenue"]
    assert [customers[f"{c}5"].value for c in "BCDEF"] == [115, 5, 110, 10, 105 / 115]  # start, gained, end, lost, CRR
    assert revenue["B5"].value == 1000 + 3 * 80  # the MRR at end of March
    assert revenue["H5"].value == 1240 + 50 - 40
    assert (customers["C9"].value, wb["Mine"]["A1"].value) == (35, 105 + 108 + 115 + 110)
    dashboard = wb["Dashboard"]
    assert [dashboard[f"{c}4"].value for c in "BC"] == [110, dt.datetime(2026, 4, 1)]
    assert [dashboard[f"{c}6"].value for c in "BC"] == [105 / 115, dt.datetime(2026, 4, 1)]
    assert wb["Cohorts"]["B4"].value == 10


def test_extend_to_a_month_and_recalc(tmp_path, capsys):
    path = hand_kept(tmp_path)
    assert cli.main(["extend", str(path), "--to", "2026-04", "--recalc"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"extended {path}: added month 2026-04, a tracker of 4 months from 2026-01")
    assert out[-1].startswith("recalculated ") and out[-1].endswith(" formulas (0 in error)")
    wb = openpyxl.load_workbook(path, data_only=True)
    assert wb["Customers"]["A5"].value == dt.datetime(2026, 4, 1) and wb["Customers"]["A6"].value is None
    assert wb["Customers"]["F4"].value == 1 - 5 / 108  # the months typed before: computed and stored


def test_extend_refuses_a_month_not_after_the_last_and_leaves_the_file(tmp_path, capsys):
    path = hand_kept(tmp_path)
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--to", "2026-03"]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: tracker.xlsx already runs to 2026-03: give a month after it (--to 2026-04)\n"
    )
    assert cli.main(["extend", str(path), "--months", "238"]) == 1  # 241 months: refused before any work
    assert capsys.readouterr().err == (
        "xl-retention: error: tracker.xlsx has 3 months: 238 more would be 241: a tracker holds at most 240 months "
        "(20 years): its Cohorts tables are squares of the months, so making and growing it take time with the square "
        "of the months\n"
    )
    assert path.read_bytes() == before
    try:
        cli.main(["extend", str(path), "--months", "2", "--to", "2026-06"])
    except SystemExit as usage:
        assert usage.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    assert cli.main(["extend", str(other), "--months", "2"]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: other.xlsx has none of the monthly sheets of a tracker (xl-retention new makes one)\n"
    )
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None


def test_a_month_copied_down_by_hand_is_refused_saying_how_to_extend(tmp_path, capsys):
    path = hand_kept(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["A5"], wb["Customers"]["C5"], wb["Customers"]["D5"] = dt.datetime(2026, 4, 1), 3, 117
    wb["Customers"]["A6"], wb["Customers"]["C6"] = None, None  # the total row moved out of the way by the user
    wb.save(path)
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "2"]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: Customers!A5 is the month 2026-04, below the tracker's last month (row 4, where its "
        "names end): a month added by hand is left out of the Dashboard, the lifetime value and the charts, and so "
        "would the figures typed there; move the figures of rows 5 on out, delete those rows, run extend again and "
        "type the figures into the months it adds (formulas and names too)\n"
    )
    assert path.read_bytes() == before
