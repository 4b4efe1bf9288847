"""import --into (and extend) on a tracker kept by hand: H349's findings 01, 03 and 04.

- 01: a count pasted as a text (``'2 '``, ``'2'``) equal to the data's figure is that figure, not a value that
  "differs from the data": written as the number, the cell named; a text of another number still refuses.
- 03: a chart of the user's whose categories and values both end at the last month: both ranges widened and listed.
- 04: a formula of the user's on the Cohorts sheet itself (right of the tables, below them) over a table's cohorts or
  months to the last one takes in the months added, listed, as one on another sheet does (it stayed over the old
  cohorts: 30 customers for 44).

Every tracker is made by build_template in tmp_path; the subscriptions are written by the test (hand counts beside).
"""

from pathlib import Path

import openpyxl
import pytest
from cli_process import run
from openpyxl.chart import LineChart, Reference

from xl_retention.workbook import build_template

# a, b start in 2026-01 (b leaves in 2026-04); c, d in 2026-02: Jan gained 2, Feb gained 2 (hand count)
FOUR = "customer_id,start,end,mrr\na,2026-01-10,,49\nb,2026-01-15,2026-04-15,99\nc,2026-02-03,,29\nd,2026-02-20,,29\n"
# sign-ups: 2025-06 two, 2025-09 one, 2026-02 one (4 in the tracker's 12 months), 2026-07 one, 2026-11 one: 6 in all
SIX = (
    "customer_id,start,end,mrr\na,2025-06-03,,10\nb,2025-06-20,,10\nc,2025-09-05,,10\nd,2026-02-10,,10\n"
    "e,2026-07-01,,10\nf,2026-11-02,,10\n"
)


def _typed(tmp_path: Path, gained_feb: object) -> Path:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(book)
    ws = wb["Customers"]
    ws["B2"], ws["C2"], ws["D2"], ws["C3"], ws["D3"] = 0, 2, 2, gained_feb, 4
    wb.save(book)
    return book


@pytest.mark.parametrize("text", ["2 ", "2"])
def test_a_count_pasted_as_the_datas_number_is_accepted_and_written_as_the_number(tmp_path, text):
    book = _typed(tmp_path, text)
    subs = tmp_path / "subs.csv"
    subs.write_text(FOUR)
    result = run("import", "--subscriptions", subs, "--into", book, "--through", "2026-06")
    assert result.returncode == 0, result.stderr
    assert (
        "1 cell of the imported months held the data's figure as a text, now a number (your own SUM, a pivot table "
        f"or pandas skip a text): 'Customers'!C3 (was \"{text}\")"
    ) in result.stdout.splitlines()
    ws = openpyxl.load_workbook(book)["Customers"]
    assert [ws[f"C{r}"].value for r in (2, 3)] == [2, 2]
    assert type(ws["C3"].value) is int


def test_a_text_of_another_number_still_refuses(tmp_path):
    book = _typed(tmp_path, "3 ")
    subs = tmp_path / "subs.csv"
    subs.write_text(FOUR)
    result = run("import", "--subscriptions", subs, "--into", book, "--through", "2026-06")
    assert result.returncode == 1
    assert "1 value that differs from the data" in result.stderr
    assert "'Customers'!C3 = \"3 \"" in result.stderr


def _twelve(tmp_path: Path) -> Path:
    book = build_template(tmp_path / "t.xlsx", start="2025-06", months=12)
    wb = openpyxl.load_workbook(book)
    cohorts = wb["Cohorts"]
    cohorts["Q4"] = "=SUM(B4:B15)"  # every cohort's sign-ups (B4:B15: 2025-06..2026-05, the last)
    cohorts["Q20"] = "=AVERAGE(C19:C30)"  # the retention table's month 1 over every cohort
    cohorts["B85"] = "=SUM(B4:B15)"  # below the tables
    cohorts["Q5"] = "=SUM(C4:M4)"  # 2025-06's cohort over its months 1..11 (the last month column)
    wb.create_sheet("Own")["A1"] = "=SUM(Cohorts!B4:B15)"
    wb.save(book)
    return book


def test_own_formulas_on_the_cohorts_sheet_take_in_the_months_added_and_are_listed(tmp_path):
    book = _twelve(tmp_path)
    subs = tmp_path / "subs.csv"
    subs.write_text(SIX)
    result = run("import", "--subscriptions", subs, "--into", book, "--through", "2026-11", "--recalc")
    assert result.returncode == 0, result.stderr
    listed = next(line for line in result.stdout.splitlines() if "formula(s) of yours" in line)
    assert listed == (
        "5 formula(s) of yours over the months now take in the months added: Cohorts!V4 (was Q4) =SUM(B4:B15) -> "
        "=SUM(B4:B21); Cohorts!V5 (was Q5) =SUM(C4:M4) -> =SUM(C4:S4); Cohorts!V26 (was Q20) =AVERAGE(C19:C30) -> "
        "=AVERAGE(C25:C42); Cohorts!B115 (was B85) =SUM(B4:B15) -> =SUM(B4:B21); and 1 more (a range that ended at "
        "the last month; change it back where it was meant for those months only)"
    )
    wb = openpyxl.load_workbook(book)
    values = openpyxl.load_workbook(book, data_only=True)
    cohorts, shown = wb["Cohorts"], values["Cohorts"]
    assert [cohorts[r].value for r in ("V4", "V5", "V26", "B115")] == [
        "=SUM(B4:B21)", "=SUM(C4:S4)", "=AVERAGE(C25:C42)", "=SUM(B4:B21)",
    ]  # fmt: skip
    assert wb["Own"]["A1"].value == "=SUM(Cohorts!B4:B21)"
    # 6 sign-ups in all (4 of them in the first 12 months); 2025-06's two stay every month 1..17: 17 x 2 = 34
    assert [shown["V4"].value, shown["B115"].value, values["Own"]["A1"].value, shown["V5"].value] == [6, 6, 6, 34]


def test_extend_widens_a_total_on_the_cohorts_sheet_alike(tmp_path):
    book = _twelve(tmp_path)
    result = run("extend", book, "--months", "3")
    assert result.returncode == 0, result.stderr
    assert "Cohorts!Q4 =SUM(B4:B15) -> =SUM(B4:B18); Cohorts!Q5 =SUM(C4:M4) -> =SUM(C4:P4)" in result.stdout, (
        result.stdout
    )
    cohorts = openpyxl.load_workbook(book)["Cohorts"]
    assert [cohorts[r].value for r in ("Q4", "Q5", "B100")] == ["=SUM(B4:B18)", "=SUM(C4:P4)", "=SUM(B4:B18)"]


def test_a_charts_categories_and_values_widened_are_both_listed(tmp_path):
    book = build_template(tmp_path / "t.xlsx", start="2025-06", months=12)
    wb = openpyxl.load_workbook(book)
    chart = LineChart()
    chart.title = "Client MRR"
    chart.add_data(Reference(wb["Revenue"], min_col=8, min_row=1, max_row=13), titles_from_data=True)
    chart.set_categories(Reference(wb["Revenue"], min_col=1, min_row=2, max_row=13))
    wb.create_sheet("Mine").add_chart(chart, "D2")
    wb.save(book)
    subs = tmp_path / "subs.csv"
    subs.write_text(SIX)
    result = run("import", "--subscriptions", subs, "--into", book, "--through", "2026-11")
    assert result.returncode == 0, result.stderr
    assert (
        "1 chart(s), conditional format(s), validation(s) or table(s) of yours over the months now take in the months "
        "added: chart 'Client MRR' on 'Mine': 'Revenue'!$A$2:$A$13 -> 'Revenue'!$A$2:$A$19, 'Revenue'!$H$2:$H$13 -> "
        "'Revenue'!$H$2:$H$19 (a range that ended at the last month; change it back where it was meant for those "
        "months only)"
    ) in result.stdout.splitlines()
