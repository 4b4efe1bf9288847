"""import --into adding months to a tracker with a "Total" row of the user's under the months (fault 4): the rows
below the months move down below the new months, as Excel's Insert Rows would, and their ranges over the months take
in the new ones; what cannot move without leaving a reference behind is refused naming it, the file unchanged."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table

from xl_retention import cli
from xl_retention.workbook import build_template

# a, b in January; a, b, c in February; a alone in March; then a, b / a, b, c / a again to June
SUBSCRIPTIONS = "customer_id,month,mrr\n" + "".join(
    f"{c},2026-{m:02d},10\n" for m in range(1, 7) for c in "abc"[: m % 3 + 1]
)


def tracker(path: Path, edit) -> Path:
    build_template(path, start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


def imported(tmp_path: Path, book: Path, capsys, *more: str) -> tuple[int, str, str]:
    csv = tmp_path / "s.csv"
    csv.write_text(SUBSCRIPTIONS)
    capsys.readouterr()
    code = cli.main(["import", "--subscriptions", str(csv), "--into", str(book), *more])
    out = capsys.readouterr()
    return code, out.out, out.err


def totals(wb) -> None:
    ws = wb["Customers"]
    ws["A5"], ws["C5"], ws["E5"], ws["F5"] = "Total", "=SUM(C2:C4)", "=SUM(E2:E4)", "=E5/C5"  # F5: its own row
    ws["M5"] = "checked"  # a column of the user's
    wb["Revenue"]["A7"], wb["Revenue"]["C7"] = "Total", "=SUM(C2:C4)"  # two rows below the months


def test_a_total_row_under_the_months_moves_below_the_new_ones_and_sums_them(tmp_path, capsys):
    """It was refused: "Customers!A5 is in the way of the new months 2026-04 to 2026-06 (rows 5 to 7): move it and
    import again", every month."""
    book = tracker(tmp_path / "t.xlsx", totals)
    code, out, err = imported(tmp_path, book, capsys, "--recalc")
    assert code == 0, err
    assert "Customers!C8 =SUM(C2:C4) -> =SUM(C2:C7)" in out and "Revenue!C10 =SUM(C2:C4) -> =SUM(C2:C7)" in out
    wb = openpyxl.load_workbook(book)
    ws = wb["Customers"]
    assert [ws[f"A{r}"].value for r in (5, 7, 8)] == [ws["A5"].value, ws["A7"].value, "Total"]
    assert ws["A7"].value.strftime("%Y-%m") == "2026-06"
    assert [ws[f"{c}8"].value for c in "CEFM"] == ["=SUM(C2:C7)", "=SUM(E2:E7)", "=E8/C8", "checked"]
    assert ws["M5"].value is None and ws["C5"].value == 1  # April's gained: b back (a stayed)
    assert (wb["Revenue"]["A10"].value, wb["Revenue"]["C10"].value) == ("Total", "=SUM(C2:C7)")
    values = openpyxl.load_workbook(book, data_only=True)["Customers"]
    gained = [values[f"C{r}"].value for r in range(2, 8)]
    lost = [values[f"E{r}"].value for r in range(2, 8)]
    assert gained == [2, 1, 0, 1, 1, 0] and lost == [0, 0, 2, 0, 0, 2]
    assert (values["C8"].value, values["E8"].value, values["F8"].value) == (5, 4, 0.8)


def test_what_reads_the_total_elsewhere_follows_it_and_a_comment_there_is_refused(tmp_path, capsys):
    """A formula of another sheet, a defined name and a print area reading the Total row read it where it moved
    (=Customers!C5*2 -> =Customers!C8*2, as Excel's Insert Rows moves them); a comment on the Total row (its drawing
    is not moved) is refused naming its cell, the file unchanged."""

    def edit(wb):
        totals(wb)
        wb["Dashboard"]["I2"] = "=Customers!C5*2"
        wb.defined_names["MyTotal"] = DefinedName("MyTotal", attr_text="Customers!$C$5")
        wb["Customers"].print_area = "A1:K5"

    book = tracker(tmp_path / "t.xlsx", edit)
    code, _, err = imported(tmp_path, book, capsys, "--recalc")
    assert code == 0, err
    wb = openpyxl.load_workbook(book)
    assert wb["Dashboard"]["I2"].value == "=Customers!C8*2"
    assert wb.defined_names["MyTotal"].attr_text == "Customers!$C$8"
    assert wb["Customers"].print_area == "'Customers'!$A$1:$K$8"
    assert openpyxl.load_workbook(book, data_only=True)["Dashboard"]["I2"].value == 10

    def commented(wb):
        totals(wb)
        wb["Customers"]["C5"].comment = Comment("all sign-ups", "me")

    book = tracker(tmp_path / "c.xlsx", commented)  # a note on the Total row moves with it (it refused: H12)
    code, out, err = imported(tmp_path, book, capsys)
    assert code == 0, err
    ws = openpyxl.load_workbook(book)["Customers"]
    assert ws["C5"].comment is None and ws["C8"].comment.text == "all sign-ups"
    assert ws["A1"].comment is not None  # the template's note on the Month header stays
    with zipfile.ZipFile(book) as z:
        vml = b"".join(z.read(n) for n in z.namelist() if n.endswith(".vml"))
    assert re.search(rb"<(\w+:)?Row>7</\1Row><\1Column>2</\1Column>", vml)  # its box, from row 4 (0-based)


def test_a_table_with_its_total_row_grows_with_the_months(tmp_path, capsys):
    """The months formatted as a table (Insert > Table) with its Total Row (SUBTOTAL over a column): the total row
    moves below the new months, the table's range takes them in, and its SUBTOTAL sums all six months."""

    def edit(wb):
        ws = wb["Customers"]
        ws["A5"], ws["C5"] = "Total", "=SUBTOTAL(109,Months[Gained (new + reactivated)])"
        table = Table(displayName="Months", ref="A1:K5", totalsRowCount=1)
        table._initialise_columns()
        for column, cell in zip(table.tableColumns, ws[1], strict=True):
            column.name = cell.value
        ws.add_table(table)

    book = tracker(tmp_path / "t.xlsx", edit)
    code, _, err = imported(tmp_path, book, capsys, "--recalc")
    assert code == 0, err
    with zipfile.ZipFile(book) as z:
        part = z.read(next(n for n in z.namelist() if n.startswith("xl/tables/"))).decode()
    assert 'ref="A1:K8"' in part and 'totalsRowCount="1"' in part
    values = openpyxl.load_workbook(book, data_only=True)["Customers"]
    assert (values["A8"].value, values["C8"].value) == ("Total", 5)


def test_a_hyperlink_format_validation_and_merge_on_the_total_row_move_with_it(tmp_path, capsys):
    """A link on the Total label, a conditional format over the Total cell, a validation on it and the label merged
    across A5:B5 refused the move ("a hyperlink (A5) covers those rows", "Customers!A5:B5 is a merged range in the way
    of the new months") -> they move with the row, as Insert Rows moves them."""

    def edit(wb):
        totals(wb)
        ws = wb["Customers"]
        ws["A5"].hyperlink = "https://example.com/how-we-count"
        ws.merge_cells("A5:B5")  # the label across two columns
        ws.conditional_formatting.add("C5", CellIsRule(operator="greaterThan", formula=["C4*3"]))
        checked = DataValidation(type="list", formula1='"yes,no"')
        ws.add_data_validation(checked)
        checked.add("M5")

    book = tracker(tmp_path / "t.xlsx", edit)
    code, out, err = imported(tmp_path, book, capsys)
    assert code == 0, err
    ws = openpyxl.load_workbook(book)["Customers"]
    assert ws["A5"].hyperlink is None and ws["A8"].hyperlink.target == "https://example.com/how-we-count"
    (rule,) = [(str(f.sqref), f.rules[0].formula) for f in ws.conditional_formatting]
    assert rule == ("C8", ["C4*3"])  # C4, a month above the rows moved, stays
    assert [str(v.sqref) for v in ws.data_validations.dataValidation if v.type == "list"] == ["M8"]
    assert {str(m) for m in ws.merged_cells.ranges} == {"A8:B8"} and ws["A8"].value == "Total"
