"""Moving an early tracker's Dashboard cells down for the latest figures table (H358) keeps every formula whole and
reading what it read, or adds no table, naming why (H363's findings 03 and 04).

- A formula the user filled down (=Customers!B2 in A25:A30: one shared formula, ``ref="A25:A30"`` on its first cell)
  or an array formula moves with its range: the file is no package Excel has to repair, dropping the formulas.
- A shared or array formula over cells above row 3 and from it, or a data table (its input cells are the sheet's),
  cannot be moved whole: the table is not added, the line names them.
- A formula reading the Dashboard's own cells with the sheet named (=Dashboard!K21 on the Dashboard,
  ='Dashboard'!K21 on another sheet) keeps the table out as one without the sheet's name does.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import inplace as ip

EARLY = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
DASHBOARD, CUSTOMERS = "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"
NOTE = "The charts fill in as months are typed on the tracking sheets."


def _upgrade_with(tmp_path: Path, sheets: dict[str, dict[str, bytes]]) -> tuple[str, Path]:
    """The early tracker with the ``<c>`` elements given (sheet -> ref -> element) written in, upgraded."""
    path = tmp_path / "early.xlsx"
    shutil.copy(EARLY, path)
    package = ip.Package(path)
    for title, cells in sheets.items():
        xml = package.sheet(title)
        for ref, element in cells.items():
            xml.put(ref, element)
    package.save()
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["upgrade", str(path)]) == 0
    return out.getvalue(), path


def _formula(cell: str, text: str, **attrs: str) -> bytes:
    shown = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f'<c r="{cell}"><f{shown}>{ip.escape(text)}</f></c>'.encode()


def _follower(ref: str) -> bytes:
    return f'<c r="{ref}"><f t="shared" si="0"/></c>'.encode()


def _part(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(part).decode()


def _line(out: str) -> str:
    return next(line for line in out.splitlines() if "'Dashboard'" in line and "A3:G10" in line)


def test_a_filled_down_and_an_array_formula_move_with_their_ranges(tmp_path: Path) -> None:
    filled = {"A25": _formula("A25", "Customers!B2", t="shared", ref="A25:A30", si="0")}
    filled.update({f"A{r}": _follower(f"A{r}") for r in range(26, 31)})
    filled["C25"] = _formula("C25", "Customers!D2:D3*2", t="array", ref="C25:C26")
    out, path = _upgrade_with(tmp_path, {"Dashboard": filled})
    assert "'Dashboard': added the latest figures table in A3:G10, as a new tracker's; the sheet's cells and charts " \
           "from row 3 moved 9 rows down to make room for it" in out  # fmt: skip
    xml = _part(path, DASHBOARD)
    assert re.findall(r'<f t="shared" ref="([^"]*)" si="0">', xml) == ["A34:A39"]
    assert re.findall(r'<f t="array" ref="([^"]*)">', xml) == ["C34:C35"]
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert [ws[f"A{r}"].value for r in range(34, 40)] == [f"=Customers!B{r}" for r in range(2, 8)]
    assert ws["C34"].value.text == "=Customers!D2:D3*2" and ws["C34"].value.ref == "C34:C35"
    assert all(ws[f"A{r}"].value is None for r in range(25, 31)) and ws["A3"].value == "Latest figures"


def test_a_formula_filled_across_row_3_and_a_data_table_keep_the_table_out_named(tmp_path: Path) -> None:
    cells = {"M1": _formula("M1", "Customers!B2", t="shared", ref="M1:M5", si="0")}
    cells.update({f"M{r}": _follower(f"M{r}") for r in range(2, 6)})
    cells["P25"] = b'<c r="P25"><f t="dataTable" ref="P25:Q26" dt2D="1" dtr="1" r1="O1" r2="O2"/><v>1</v></c>'
    out, path = _upgrade_with(tmp_path, {"Dashboard": cells})
    assert _line(out) == (
        "'Dashboard'!A3:G10, where this version's Dashboard shows the latest figures, holds a chart or picture from "
        "A3 where it goes, and the formula filled in 'Dashboard'!M1:M5 across row 3, the data table "
        "'Dashboard'!P25:Q26, which moving the sheet's cells down would break: the table not added; make room for it "
        "or make a new tracker (xl-retention new NEW.xlsx --start YYYY-MM) and import into it"
    )
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert ws["A3"].value is None and ws["K21"].value == NOTE
    assert [(c.anchor._from.col, c.anchor._from.row) for c in ws._charts] == [(0, 2), (10, 2), (0, 20)]


def test_formulas_naming_the_dashboard_reading_its_cells_keep_the_table_out_named(tmp_path: Path) -> None:
    on_it = {"L21": _formula("L21", 'Dashboard!K21&" (see the charts)"'), "M22": _formula("M22", "'dashboard'!K21")}
    elsewhere = {"Z1": b'<c r="Z1"><f>LEN(&apos;Dashboard&apos;!K21)</f></c>'}  # the quotes escaped, as XML allows
    out, path = _upgrade_with(tmp_path, {"Dashboard": on_it, "Customers": elsewhere})
    assert _line(out) == (
        "'Dashboard'!A3:G10, where this version's Dashboard shows the latest figures, holds a chart or picture from "
        "A3 where it goes; moving the sheet's cells down would change what formulas read ('Dashboard'!L21, "
        "'Dashboard'!M22, 'Customers'!Z1): the table not added; make room for it or make a new tracker (xl-retention "
        "new NEW.xlsx --start YYYY-MM) and import into it"
    )
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert (
        ws["A3"].value is None and ws["K21"].value == NOTE and ws["L21"].value == '=Dashboard!K21&" (see the charts)"'
    )
    assert openpyxl.load_workbook(path)["Customers"]["Z1"].value == "=LEN('Dashboard'!K21)"
