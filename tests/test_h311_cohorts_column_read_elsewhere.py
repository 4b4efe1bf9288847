"""H311 (2): a formula, defined name or chart on another sheet reading the user's own column beside the Cohorts tables
still stopped extend after 14a77764 moved the column whole within Cohorts ('Cohorts!O3 (holding 'Comment', outside
the tables) stays where it is ... the grown tables take that cell'). Now the references elsewhere move with the column
(as Excel's Insert Columns moves them: Cohorts!O4 -> Cohorts!Q4); one that cannot move with certainty (the column named
inside a text, or in a hyperlink) is refused, naming the sheet, cell and formula, the file unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.hyperlink import Hyperlink
from test_h291_cohorts_user_column import _hand_kept, _moved_whole

from xl_retention import cli


def _read_elsewhere(path: Path) -> Path:
    """The H291 tracker (O3:P6 of the user's beside the 12-month tables) with the column read from elsewhere."""
    _hand_kept(path)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["M1"], customers["M2"] = "=Cohorts!O4", "=SUM(Cohorts!$B$4:$P$4)+COUNTA('Cohorts'!O:O)"
    customers["M3"] = "=Cohorts!N4"  # left of the moved columns: stays
    wb.defined_names["Share_Note"] = DefinedName("Share_Note", attr_text="Cohorts!$P$5:$P$6")
    red = FormulaRule(formula=["Cohorts!$P$5<0.5"], fill=PatternFill("solid", fgColor="FFC7CE"))
    customers.conditional_formatting.add("M1", red)
    mine = wb.create_sheet("Mine")
    chart = BarChart()
    chart.add_data(Reference(wb["Cohorts"], min_col=16, min_row=5, max_row=6))
    mine.add_chart(chart, "B2")
    wb.save(path)
    return path


def test_references_elsewhere_move_with_the_column(tmp_path, capsys) -> None:
    path = _read_elsewhere(tmp_path / "t.xlsx")
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == (
        "Cohorts!O3:P6 (yours, right of the tables) moved to Q3:R6, right of the grown tables, as inserting columns "
        "would move it"
    )
    _moved_whole(path)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    assert [customers[r].value for r in ("M1", "M2", "M3")] == [
        "=Cohorts!Q4", "=SUM(Cohorts!$B$4:$R$4)+COUNTA('Cohorts'!Q:Q)", "=Cohorts!N4"
    ]  # fmt: skip
    assert wb.defined_names["Share_Note"].attr_text == "Cohorts!$R$5:$R$6"
    assert [r.formula for f in customers.conditional_formatting for r in f.rules] == [["Cohorts!$R$5<0.5"]]
    import zipfile

    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert any("'Cohorts'!$R$5:$R$6" in c or "Cohorts!$R$5:$R$6" in c for c in charts), charts
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "ok", report["message"]
    values = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Customers"]
    assert (values["M1"].value, values["M3"].value) == ("Jan promo cohort", 0)  # N4: the grown Month 12


def test_a_column_named_inside_a_text_is_refused_naming_the_cell(tmp_path, capsys) -> None:
    path = _hand_kept(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["M1"] = '=INDIRECT("Cohorts!O4")'
    wb.save(path)
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "3"]) == 1
    err = capsys.readouterr().err
    assert (
        "Customers!M1 holds '=INDIRECT(\"Cohorts!O4\")', which names Cohorts!O4 inside a text: the columns from "
        "Cohorts!O on move 2 right as the tables grow, and that reference cannot be moved with certainty; move your "
        "cells there right of column P (where the grown tables end) or change that reference, and run again; nothing "
        "was changed"
    ) in err, err
    assert path.read_bytes() == before


def test_a_hyperlink_to_the_column_is_refused_naming_it(tmp_path, capsys) -> None:
    path = _hand_kept(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["M1"] = "see the comment"
    wb["Customers"]["M1"].hyperlink = Hyperlink(ref="M1", location="Cohorts!O4")  # as Excel writes a link in it
    wb.save(path)
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "3"]) == 1
    err = capsys.readouterr().err
    assert "Customers's hyperlink on M1 names Cohorts!O4, which is no formula: the columns from Cohorts!O on" in err, (
        err
    )
    assert path.read_bytes() == before


def test_a_shared_formula_straddling_the_move_is_refused_naming_it(tmp_path, capsys) -> None:
    """Excel's fill right of =Cohorts!M4 over M1:P1 is one shared formula: its copies in O1 and P1 read O4 and P4
    (the user's column), M1 and N1 the tables; moving its text would move them all or none, so it is refused."""
    import re
    import zipfile

    from xl_retention.recalculation.xlsx_values import _sheet_parts

    path = _hand_kept(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    for column in "MNOP":
        wb["Customers"][f"{column}1"] = f"=Cohorts!{column}4"
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        part = _sheet_parts(z)["Customers"]
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts[part].replace(b"<f>Cohorts!M4</f>", b'<f t="shared" ref="M1:P1" si="0">Cohorts!M4</f>')
    parts[part] = re.sub(rb"<f>Cohorts![NOP]4</f>", b'<f t="shared" si="0"/>', xml)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "3"]) == 1
    err = capsys.readouterr().err
    assert (
        "Customers!M1 holds '=Cohorts!M4', filled across M to P (a shared formula) whose copies read columns on both "
        "sides of O: the columns from Cohorts!O on move 2 right"
    ) in err, err
    assert path.read_bytes() == before


def _with_pivot_source(path: Path, ref: str) -> Path:
    """``path`` with a pivot cache whose source is ``Cohorts!ref`` (the part as Excel writes its source)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/pivotCache/pivotCacheDefinition1.xml"] = (
        b'<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cacheSource '
        b'type="worksheet"><worksheetSource ref="' + ref.encode() + b'" sheet="Cohorts"/></cacheSource>'
        b"</pivotCacheDefinition>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_a_pivot_source_over_the_column_is_refused_one_over_the_tables_is_not(tmp_path, capsys) -> None:
    path = _with_pivot_source(_hand_kept(tmp_path / "t.xlsx"), "O3:P6")
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "3"]) == 1
    assert (
        "xl/pivotCache/pivotCacheDefinition1.xml (a pivot table's source) names Cohorts!O3:P6, which is no formula"
    ) in capsys.readouterr().err
    assert path.read_bytes() == before
    path = _with_pivot_source(_hand_kept(tmp_path / "u.xlsx"), "A3:M15")  # the survivors' triangle: not moved
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
