"""A Cohorts sheet kept by hand with a column of the user's beside its tables (H265's finding 05, the rest of it).

Before: a note of the user's in a column right of the Cohorts tables (O3 'Comment', O4 a note, as after
LibreOffice's Insert Columns) made ``extend --months 3`` leave Cohorts at its 12 months with exit 0 ("Cohorts keeps
its 12 months: ... move it right of column P ... and run again"), the monthly sheets running to 2027-03 and
Cohort_Counts still Cohorts!$B$4:$M$15: the new cohorts had no row, the sBG and BdW fits left them out, and recalc
said ok with no word. Now the column moves right as the tables grow (O3:O4 to Q3:Q4, as inserting columns would move
it) and Cohorts grows with the other sheets; where it cannot move safely (a formula on another sheet reading it),
extend refuses (exit 1, the file unchanged) where the triangle holds counts typed; a Cohorts left behind by an import
(which goes on without it) is named by recalc (incomplete), whose advice, ``extend --to`` the last month, grows Cohorts
alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.cohorts_behind import cohorts_behind


def _hand_kept(path: Path, start: str, reader: str | None = None, **own: object) -> Path:
    build_template(path, start=start, months=12)
    wb = openpyxl.load_workbook(path)
    customers, cohorts = wb["Customers"], wb["Cohorts"]
    customers["B2"] = 100
    for i in range(11):
        customers.cell(2 + i, 3).value = 20
        customers.cell(2 + i, 4).value = 110 + 5 * i
        for k in range(11 - i):
            cohorts.cell(4 + i, 2 + k).value = round(200 * 3 / (3 + k))
    cohorts["O3"], cohorts["O4"] = "Comment", "Jan promo cohort"  # a column of the user's beside the tables
    for ref, value in own.items():
        cohorts[ref] = value
    if reader is not None:  # a formula on another sheet naming the column in a text: it cannot move (H311: others do)
        customers["M1"] = reader
    wb.save(path)
    return path


def test_extend_moves_a_column_of_the_users_right_as_cohorts_grows(tmp_path, capsys):
    path = _hand_kept(tmp_path / "t.xlsx", "2026-01")
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Cohorts!O3:O4 (yours, right of the tables) moved to Q3:Q4, right of the grown tables, as inserting columns "
        "would move it"
    )
    wb = openpyxl.load_workbook(path)
    cohorts = wb["Cohorts"]
    assert wb.defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$P$18"
    assert (cohorts["Q3"].value, cohorts["Q4"].value, cohorts["O3"].value) == (
        "Comment",
        "Jan promo cohort",
        "Month 13",
    )
    assert (cohorts["B4"].value, cohorts["L4"].value, cohorts["A18"].value.strftime("%Y-%m")) == (200, 46, "2027-03")
    assert cohorts_behind(path) is None


def test_extend_refuses_when_cohorts_kept_by_hand_cannot_grow(tmp_path, capsys):
    path = _hand_kept(tmp_path / "t.xlsx", "2026-01", '=INDIRECT("Cohorts!O4")')  # named in a text: cannot move
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "3"]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: t.xlsx: the Cohorts sheet cannot grow to 2027-03 with the other sheets, and the cohort "
        "counts typed on it would have no row for the cohorts after 2026-12 (the sBG and BdW fits and projections "
        "leaving them out): Customers!M1 holds '=INDIRECT(\"Cohorts!O4\")', which names Cohorts!O4 inside a text: "
        "the columns from Cohorts!O on move 2 right as the tables grow, and that reference cannot be moved with "
        "certainty; move your cells there right of column P (where the grown tables end) or change that reference, "
        "and run again; nothing was changed\n"
    )
    assert path.read_bytes() == before


def test_an_empty_cohorts_sheet_still_stays_behind_with_a_note(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    wb["Cohorts"]["O3"], wb["Customers"]["M1"] = "Comment", '=INDIRECT("Cohorts!O3")'  # cannot move
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    assert "Cohorts keeps its 12 months: Customers!M1 holds '=INDIRECT(" in capsys.readouterr().out
    assert cohorts_behind(path) is None  # no count typed: the triangle is not used


def test_recalc_names_cohorts_left_behind_and_extend_to_grows_it_alone(tmp_path, capsys):
    path = _hand_kept(tmp_path / "t.xlsx", "2025-01", '=INDIRECT("Cohorts!O4")')
    answers = tmp_path / "nps.csv"
    answers.write_text("date,score\n2025-02-03,9\n2026-03-10,10\n")
    assert cli.main(["import", "--nps", str(answers), "--into", str(path)]) == 0  # an import goes on without Cohorts
    assert "Cohorts keeps its 12 months: Customers!M1 holds '=INDIRECT(" in capsys.readouterr().out
    said = (
        "Cohorts ends with the 2025-12 cohort (Cohort_Counts is 'Cohorts'!$B$4:$M$15) while Customers runs to "
        "2026-03: the cohorts of 2026-01 to 2026-03 have no row to type their counts in, and the sBG and BdW fits and "
        "projections leave them out: run xl-retention extend on the workbook with --to 2026-03, which grows Cohorts "
        "to the other sheets' months (your counts carried over) or says what on it is in the way"
    )
    assert cohorts_behind(path) == said
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["status"], report["message"]) == ("incomplete", f"t.xlsx: {said}")
    assert cli.main(["extend", str(path), "--to", "2026-03"]) == 1  # the note still in the way: said, as extend does
    assert "the Cohorts sheet cannot grow from 12 to the 15 months of the other sheets: Customers!M1 holds" in (
        capsys.readouterr().err
    )
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["M1"] = None  # the formula cleared: the column moves right as the tables grow
    wb.save(path)
    assert cli.main(["extend", str(path), "--to", "2026-03"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"extended {path}: the Cohorts sheet to the 15 months from 2025-01 of the other sheets (every value, formula "
        "and sheet of yours kept)",
        "Cohorts!O3:O4 (yours, right of the tables) moved to Q3:Q4, right of the grown tables, as inserting columns "
        "would move it",
    ]
    wb = openpyxl.load_workbook(path)
    cohorts = wb["Cohorts"]
    assert wb.defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$P$18"
    assert [cohorts[f"A{r}"].value.strftime("%Y-%m") for r in (4, 15, 16, 18)] == [
        "2025-01", "2025-12", "2026-01", "2026-03"
    ]  # fmt: skip
    assert (cohorts["B4"].value, cohorts["C5"].value, cohorts["L4"].value, cohorts["B14"].value) == (200, 150, 46, 200)
    assert (cohorts["Q3"].value, cohorts["Q4"].value) == ("Comment", "Jan promo cohort")
    assert cohorts_behind(path) is None
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out2")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "ok", report["message"]


def test_a_column_read_by_a_formula_elsewhere_moves_with_it(tmp_path, capsys):
    path = _hand_kept(tmp_path / "t.xlsx", "2026-01")
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["M1"] = "=Cohorts!O4"  # before H311 refused: moving O4 would leave this reading Month 13
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    assert openpyxl.load_workbook(path)["Customers"]["M1"].value == "=Cohorts!Q4"  # moved with it (H311)
