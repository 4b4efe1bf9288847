"""A What-If data table over a database function's criteria cell reads each value it sets as Excel reads criteria
(H495's finding 07).

S!A1:C6 = Name | Region | Sales: Ann East 100, Bob Eastern 200, Cy West 150, Di East 50, Ed North 300. A text
criterion finds the values that begin with it (Microsoft's DSUM page; ``="=East"`` for an equality). 04344231 gave
the engine "begins with" from the criteria cells' values when the formula was rewritten, and the data tables were
computed before that: the table over F2 (Region, East) gave 0 and 0 for ``W`` and ``Ea`` under status ok, where
Excel gives 150 and 350; one over K2 holding ``=West`` (no begins-with text then) would read ``Ea`` whole, and one
holding ``East`` would read ``<>East`` as ``<>East*`` (450 for Excel's 650). Counted by hand from the rule:
W: West 150; Ea: East, Eastern, East 350; <>East: Eastern, West, North 650; North 300; =East: 100 + 50; No: North 300.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

ROWS = [("Name", "Region", "Sales"), ("Ann", "East", 100), ("Bob", "Eastern", 200), ("Cy", "West", 150),
        ("Di", "East", 50), ("Ed", "North", 300)]  # fmt: skip


def _with_tables(path: Path, tables: dict[str, str]) -> None:
    """``path`` with each cell of ``tables`` (holding 0) made the first cell of a data table (its <f>)."""
    with zipfile.ZipFile(path) as package:
        parts = {i.filename: package.read(i.filename) for i in package.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for first, table in tables.items():
        sheet, count = re.subn(rf'<c r="{first}"([^>]*)><v>0</v></c>', rf'<c r="{first}"\1>{table}<v>0</v></c>', sheet)
        assert count == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_a_data_table_over_a_criteria_cell_reads_each_text_as_begins_with(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in ROWS:
        sheet.append(row)
    sheet["F1"], sheet["F2"] = "Region", "East"
    sheet["I1"] = '=DSUM(A1:C6,"Sales",F1:F2)'
    for row, tried in enumerate(["W", "Ea", "<>East", "North"], start=2):
        sheet.cell(row, 8, tried)
        sheet.cell(row, 9, 0)
    sheet["K1"], sheet["K2"] = "Region", "=West"
    sheet["N1"] = '=DSUM(A1:C6,"Sales",K1:K2)'
    for row, tried in enumerate(["Ea", "=East", "No"], start=2):
        sheet.cell(row, 13, tried)
        sheet.cell(row, 14, 0)
    for ref in ("K2", "M3"):  # texts beginning with "=", typed as Excel keeps them (no formula)
        sheet[ref].data_type = "s"
    book.save(tmp_path / "dt.xlsx")
    _with_tables(
        tmp_path / "dt.xlsx",
        {
            "I2": '<f t="dataTable" ref="I2:I5" dt2D="0" dtr="0" r1="F2"/>',
            "N2": '<f t="dataTable" ref="N2:N4" dt2D="0" dtr="0" r1="K2"/>',
        },
    )
    report = recalc_file(tmp_path / "dt.xlsx", tmp_path / "out" / "dt.xlsx")
    assert (report.status, report.unsupported, report.errors) == ("ok", [], [])
    values = openpyxl.load_workbook(tmp_path / "out" / "dt.xlsx", data_only=True)["S"]
    assert [values[f"I{r}"].value for r in range(1, 6)] == [350, 150, 350, 650, 300]
    assert [values[f"N{r}"].value for r in range(1, 5)] == [150, 350, 150, 300]
    assert (values["F2"].value, values["K2"].value) == ("East", "=West")  # the inputs as the user typed them


def test_a_data_table_setting_a_criteria_row_blank_or_filled_reads_it_when_it_runs(tmp_path: Path) -> None:
    # Criteria rows are ORed and a blank one is every record (Microsoft's DSUM page: "enter a blank line below the
    # labels"). K1:K3 = Region / West / blank, a table over K3; P1:P3 = Region / West / East, a table over P3. The
    # blank row was decided when the formula was rewritten: K3 set to East gave 150 (West alone), to No 0, and P3 set
    # blank gave 150, under status ok (H520's task 4). By hand: K3 East: West 150 + East, Eastern, East 350 = 500;
    # blank: all 800; No: West 150 + North 300 = 450; P1:P3 500; P3 blank 800; North 450.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in ROWS:
        sheet.append(row)
    sheet["K1"], sheet["K2"] = "Region", "West"
    sheet["N1"] = '=DSUM(A1:C6,"Sales",K1:K3)'
    for row, tried in enumerate(["East", None, "No"], start=2):
        sheet.cell(row, 13, tried)
        sheet.cell(row, 14, 0)
    sheet["P1"], sheet["P2"], sheet["P3"] = "Region", "West", "East"
    sheet["S1"] = '=DSUM(A1:C6,"Sales",P1:P3)'
    for row, tried in enumerate([None, "North"], start=2):
        sheet.cell(row, 18, tried)
        sheet.cell(row, 19, 0)
    book.save(tmp_path / "dt.xlsx")
    _with_tables(
        tmp_path / "dt.xlsx",
        {
            "N2": '<f t="dataTable" ref="N2:N4" dt2D="0" dtr="0" r1="K3"/>',
            "S2": '<f t="dataTable" ref="S2:S3" dt2D="0" dtr="0" r1="P3"/>',
        },
    )
    report = recalc_file(tmp_path / "dt.xlsx", tmp_path / "out" / "dt.xlsx")
    assert (report.status, report.unsupported, report.errors) == ("ok", [], [])
    values = openpyxl.load_workbook(tmp_path / "out" / "dt.xlsx", data_only=True)["S"]
    assert [values[f"N{r}"].value for r in range(1, 5)] == [800, 500, 800, 450]
    assert [values[f"S{r}"].value for r in range(1, 4)] == [500, 800, 450]
    assert (values["K3"].value, values["P3"].value) == (None, "East")  # the inputs as the user left them


def test_a_data_table_setting_a_criteria_label_to_no_column_label_lists_that_result(tmp_path: Path) -> None:
    # U1:U2 = Region / East, a table over the label U1 trying Name, Nope, Region. Under 'Nope' (no column label of
    # A1:C6) Excel reads East as a computed criterion (Microsoft's "Examples of criteria"), which the engine does not
    # compute; it gave 0 under status ok (H520's task 4), where the same criteria typed in are listed
    # (.computed_criteria). Name: no name begins with East, 0; Region: East, Eastern, East 350.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in ROWS:
        sheet.append(row)
    sheet["U1"], sheet["U2"] = "Region", "East"
    sheet["X1"] = '=DSUM(A1:C6,"Sales",U1:U2)'
    for row, tried in enumerate(["Name", "Nope", "Region"], start=2):
        sheet.cell(row, 23, tried)
        sheet.cell(row, 24, 0)
    book.save(tmp_path / "dt.xlsx")
    _with_tables(tmp_path / "dt.xlsx", {"X2": '<f t="dataTable" ref="X2:X4" dt2D="0" dtr="0" r1="U1"/>'})
    report = recalc_file(tmp_path / "dt.xlsx", tmp_path / "out" / "dt.xlsx")
    assert report.status == "incomplete"
    assert [(u.address, u.function, u.reason) for u in report.unsupported] == [
        (
            "S!X3",
            "DSUM",
            "the data table X2:X4 sets U1, DSUM's criteria label in U1:U2, to 'Nope', which is no column label of "
            "A1:C6: Excel reads the condition under it as a computed criterion (a formula tested on each row), which "
            "the embedded engine does not compute",
        )
    ]
    assert report.errors == []
    values = openpyxl.load_workbook(tmp_path / "out" / "dt.xlsx", data_only=True)["S"]
    assert [values[f"X{r}"].value for r in range(1, 5)] == [350, 0, None, 350]  # X3: no value, not the engine's 0
