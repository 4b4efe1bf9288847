"""H291 tasks 1-2: a column of the user's right of the Cohorts tables, moved right as they grow (577b2e02), kept its
values only: its width went back to the template's (30 -> 13), and a formula or a note in it, a conditional format or
a data validation over it still made extend refuse. Now the column moves whole, as Excel's Insert Columns would move
it: width, number format, font, fill, notes (their boxes too), validations, conditional formats, and formulas, their
references to the sheet's cells moved as inserting columns moves them (O4 -> Q4, $P$5 -> $R$5, B6:N6 stays)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from xl_retention import cli


def _hand_kept(path: Path, start: str = "2026-01") -> Path:
    from xl_retention.workbook import build_template

    build_template(path, start=start, months=12)
    wb = openpyxl.load_workbook(path)
    customers, cohorts = wb["Customers"], wb["Cohorts"]
    customers["B2"] = 100
    for i in range(11):
        customers.cell(2 + i, 3).value = 20
        customers.cell(2 + i, 4).value = 110 + 5 * i
        for k in range(11 - i):
            cohorts.cell(4 + i, 2 + k).value = round(200 * 3 / (3 + k))
    cohorts["O3"], cohorts["O4"], cohorts["P3"] = "Comment", "Jan promo cohort", "Month 1 share"
    cohorts["P5"], cohorts["P6"] = "=C5/B5", '=O4&" "&TEXT($P$5,"0%")&" "&SUM(B6:N6)'
    cohorts["P5"].number_format = "0.0%"
    cohorts["O4"].font, cohorts["O4"].fill = Font(bold=True), PatternFill("solid", fgColor="FFFF00")
    cohorts["O4"].comment, cohorts["P5"].comment = Comment("promo note", "me"), Comment("share note", "me")
    cohorts.column_dimensions["O"].width, cohorts.column_dimensions["P"].width = 30, 22
    cohorts.add_data_validation(DataValidation(type="list", formula1='"yes,no"', sqref="O5:O15"))
    below = CellIsRule(operator="lessThan", formula=["$P$5"], fill=PatternFill("solid", fgColor="FFC7CE"))
    cohorts.conditional_formatting.add("P5:P15", below)
    wb.save(path)
    return path


def _moved_whole(path: Path) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    assert wb.defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$P$18"
    assert [ws[r].value for r in ("Q3", "Q4", "R3", "R5", "R6", "O3")] == [
        "Comment", "Jan promo cohort", "Month 1 share", "=C5/B5", '=Q4&" "&TEXT($R$5,"0%")&" "&SUM(B6:N6)', "Month 13"
    ]  # fmt: skip
    assert [ws.column_dimensions[c].width for c in "PQR"] == [10, 30, 22]  # P: the grown triangle's Month 14
    assert (ws["Q4"].font.b, ws["Q4"].fill.fgColor.rgb, ws["R5"].number_format) == (True, "00FFFF00", "0.0%")
    assert (ws["Q4"].comment.text, ws["R5"].comment.text, ws["O4"].comment) == ("promo note", "share note", None)
    checks = [(str(v.sqref), v.formula1) for v in ws.data_validations.dataValidation if v.type == "list"]
    assert checks == [("Q5:Q15", '"yes,no"')]
    formats = [(str(f.sqref), [r.formula for r in f.rules]) for f in ws.conditional_formatting]
    assert ("R5:R15", [["$R$5"]]) in formats
    with zipfile.ZipFile(path) as z:  # the notes' boxes beside their cells' new columns (from 0: Q 16, R 17)
        vml = b"".join(z.read(n) for n in z.namelist() if n.endswith(".vml"))
    columns = re.findall(rb"<(?:\w+:)?Column>(\d+)<", vml)  # the other sheets' notes are on A1 (0)
    assert sorted(c for c in columns if c != b"0") == [b"16", b"17"]  # O4's and P5's were 14 and 15


def test_extend_moves_a_users_column_whole(tmp_path, capsys) -> None:
    path = _hand_kept(tmp_path / "t.xlsx")
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Cohorts!O3:P6 (yours, right of the tables) moved to Q3:R6, right of the grown tables, as inserting columns "
        "would move it"
    )
    _moved_whole(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "ok", report["message"]
    ws = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Cohorts"]
    assert (ws["R5"].value, ws["R6"].value) == (150 / 200, "Jan promo cohort 75% 913")  # 200+150+...+55


def test_import_moves_a_users_column_whole(tmp_path, capsys) -> None:
    path = _hand_kept(tmp_path / "t.xlsx", "2025-01")
    answers = tmp_path / "nps.csv"
    answers.write_text("date,score\n2025-02-03,9\n2026-03-10,10\n")
    assert cli.main(["import", "--nps", str(answers), "--into", str(path)]) == 0
    assert "Cohorts!O3:P6 (yours, right of the tables) moved to Q3:R6" in capsys.readouterr().out
    _moved_whole(path)


def test_a_column_of_plain_values_keeps_its_width(tmp_path) -> None:
    """577b2e02's case (values alone, which moved): its width was the template's 13 after the move."""
    from xl_retention.workbook import build_template

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    wb["Cohorts"]["O3"], wb["Cohorts"]["O4"], wb["Cohorts"]["B4"] = "Comment", "Jan promo cohort", 200
    wb["Cohorts"].column_dimensions["O"].width = 30
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    ws = openpyxl.load_workbook(path)["Cohorts"]
    assert (ws["Q4"].value, ws.column_dimensions["Q"].width, ws.column_dimensions["O"].width) == (
        "Jan promo cohort",
        30,
        10,
    )


def test_a_formula_the_tokenizer_cannot_read_is_refused_naming_it(tmp_path, capsys) -> None:
    """Its references cannot be moved: refused, the file unchanged, rather than moved with them left behind."""
    from xl_retention.workbook import build_template

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    wb["Cohorts"]["B4"], wb["Cohorts"]["O3"], wb["Cohorts"]["O5"] = 200, "Comment", '=O3&"abc'
    wb.save(path)
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "3"]) == 1
    assert (
        "Cohorts!O5 (holding '=O3&\"abc', outside the tables): the formula '=O3&\"abc' cannot be read (Reached end of "
        'formula while parsing string in =O3&"abc), so its references cannot move; move it to a sheet of your own '
        "and run again; nothing was changed\n"
    ) in capsys.readouterr().err
    assert path.read_bytes() == before
