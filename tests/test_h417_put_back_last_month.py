"""``xl-retention upgrade`` puts back a monthly sheet's last month's row the user deleted (H417, after 882e9cbf).

"Purchases and visits" without its 2026-06 row (deleted as Excel deletes one: its cells gone, its names ending a row
higher) while the other monthly sheets run to 2026-06 was refused by extend, import and upgrade ("put it back: Undo in
Excel, or copy it from a backup"), a dead end for a user without a backup. ``upgrade`` now writes the row back as
``extend`` writes a month (its month, the template's formulas and styles, its names widened), the input cells blank;
a month typed back by hand below the names is rebuilt around the figures typed there. Figures typed over a formula
cell are ambiguous: refused as before. The other commands' refusals point to ``xl-retention upgrade FILE``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shlex
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

PURCHASES = "Purchases and visits"


def _delete_last_row(wb: openpyxl.Workbook) -> None:
    """Purchases and visits' row 7 (2026-06) deleted as Excel deletes it: the names over it end at row 6."""
    wb[PURCHASES].delete_rows(7)
    for defined in wb.defined_names.values():
        if defined.attr_text.startswith(f"'{PURCHASES}'!") and defined.attr_text.endswith("$7"):
            defined.attr_text = defined.attr_text[:-1] + "6"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh 6-month tracker; the same with figures ("orig", and "orig_typed" with June's purchases 40 and 12);
    "deleted" (June's Purchases row deleted), "typed" (June typed back below: A7 the month, B7 40, C7 12) and
    "over" (typed back with 0.5 over the formula cell E7)."""
    folder = tmp_path_factory.mktemp("h417")
    fresh = folder / "fresh.xlsx"
    build_template(fresh, start="2026-01", months=6)
    wb = openpyxl.load_workbook(fresh)
    customers, purchases = wb["Customers"], wb[PURCHASES]
    customers["B2"] = 100
    for row, (gained, end) in enumerate([(20, 110), (15, 118), (12, 120)], start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
    for row, (bought, returning) in enumerate([(50, 10), (60, 21), (70, 28)], start=2):
        purchases[f"B{row}"], purchases[f"C{row}"] = bought, returning
    out = {"fresh": fresh, "orig": folder / "orig.xlsx", "orig_typed": folder / "orig_typed.xlsx"}
    wb.save(out["orig"])
    purchases["B7"], purchases["C7"] = 40, 12
    wb.save(out["orig_typed"])
    purchases["B7"], purchases["C7"] = None, None
    _delete_last_row(wb)
    out["deleted"] = folder / "deleted.xlsx"
    wb.save(out["deleted"])
    purchases["A7"] = dt.datetime(2026, 6, 1)
    purchases["A7"].number_format = "mmm yyyy"
    purchases["B7"], purchases["C7"] = 40, 12
    out["typed"] = folder / "typed.xlsx"
    wb.save(out["typed"])
    purchases["E7"] = 0.5
    out["over"] = folder / "over.xlsx"
    wb.save(out["over"])
    return out


@pytest.fixture(scope="module")
def upgraded(files: dict[str, Path]) -> dict[str, str]:
    """What upgrade printed for "deleted" and "typed" (both upgraded in place), and the exit codes."""
    said = {}
    for name in ("deleted", "typed"):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            code = cli.main(["upgrade", str(files[name])])
        said[name] = f"{code}\n{printed.getvalue()}"
    return said


@pytest.fixture(scope="module")
def recalculated(files: dict[str, Path], upgraded: dict[str, str]) -> dict[str, dict]:
    """The four trackers recalculated in one batch: status and the values of every sheet, by file."""
    out = files["fresh"].parent / "out"
    printed = io.StringIO()
    names = ("orig", "orig_typed", "deleted", "typed")
    with contextlib.redirect_stdout(printed):
        cli.main(["recalc", *(str(files[n]) for n in names), "--json", "--output-dir", str(out)])
    statuses = {Path(f["path"]).name: f["status"] for f in json.loads(printed.getvalue())["files"]}
    values = {}
    for name in names:
        wb = openpyxl.load_workbook(out / f"{name}.xlsx", data_only=True)
        values[name] = {
            "status": statuses[f"{name}.xlsx"],
            "cells": {(ws.title, c.coordinate): c.value for ws in wb for row in ws.iter_rows() for c in row},
        }
    return values


def test_upgrade_says_what_it_put_back(upgraded: dict[str, str], files: dict[str, Path]) -> None:
    assert upgraded["deleted"].splitlines()[:2] == [
        "0",
        f"{files['deleted']}: put back Purchases and visits' row of 2026-06 (its figures left blank: type them)",
    ]
    assert upgraded["typed"].splitlines()[:2] == [
        "0",
        f"{files['typed']}: put back Purchases and visits' row of 2026-06 (the figures you typed back kept)",
    ]


@pytest.mark.parametrize("name", ["deleted", "typed"])
def test_the_row_is_the_templates(files: dict[str, Path], upgraded: dict[str, str], name: str) -> None:
    fresh, wb = openpyxl.load_workbook(files["fresh"]), openpyxl.load_workbook(files[name])
    mine, theirs = wb[PURCHASES], fresh[PURCHASES]
    typed = {"B7": 40, "C7": 12} if name == "typed" else {}
    for col in range(1, theirs.max_column + 1):  # styled as the month before, as in a new tracker
        ours, template = mine.cell(7, col), theirs.cell(7, col)
        assert ours.value == typed.get(ours.coordinate, template.value), ours.coordinate
        assert ours.style_id == mine.cell(6, col).style_id, ours.coordinate
        assert template.style_id == theirs.cell(6, col).style_id, ours.coordinate
    assert mine["A7"].value == dt.datetime(2026, 6, 1)
    assert mine["E7"].value.startswith('=IF(OR(AND(C7="",B7="")')
    assert all(mine.cell(8, col).value is None for col in range(1, theirs.max_column + 1))
    names = {k: v.attr_text for k, v in wb.defined_names.items()}
    assert names == {k: v.attr_text for k, v in fresh.defined_names.items()}
    assert names["Purchases_and_visits_Months"] == "'Purchases and visits'!$A$2:$A$7"


def test_recalc_is_ok_and_every_figure_as_never_deleted(recalculated: dict[str, dict]) -> None:
    for name, orig in (("deleted", "orig"), ("typed", "orig_typed")):
        assert recalculated[name]["status"] == "ok", name
        assert recalculated[name]["cells"] == recalculated[orig]["cells"], name
    cells = recalculated["typed"]["cells"]
    assert (cells[(PURCHASES, "B7")], cells[(PURCHASES, "C7")], cells[(PURCHASES, "E7")]) == (40, 12, 0.3)
    assert recalculated["deleted"]["cells"][(PURCHASES, "E7")] in (None, "")
    assert recalculated["deleted"]["cells"][(PURCHASES, "E4")] == 28 / 70


def test_figures_over_a_formula_cell_are_still_refused(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = files["over"].read_bytes()
    assert cli.main(["upgrade", str(files["over"])]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: Purchases and visits!A7 is the month 2026-06, below the sheet's last month (row 6, "
        "where its names end) while the other monthly sheets run to 2026-06: the row of 2026-06 was deleted from "
        "Purchases and visits and typed back, without the formulas and names the Dashboard, the lifetime value and "
        "the charts read: put the deleted row back instead (Undo in Excel before saving, or copy the sheet's rows "
        "from a backup of the file)\n"
    )
    assert files["over"].read_bytes() == before


def test_the_other_commands_point_to_upgrade(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.load_workbook(files["fresh"])
    _delete_last_row(wb)
    path = tmp_path / "my tracker.xlsx"
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 1
    told = (
        "Purchases and visits ends at 2026-05 (row 6), Customers at 2026-06: the row of 2026-06 was deleted from "
        "Purchases and visits, and the monthly sheets must cover the same months: put it back with xl-retention "
        "upgrade {}, which writes it back with the formulas and names the Dashboard, the lifetime value and the "
        "charts read (the figures left blank to type, or those typed back below row 6 kept)"
    )  # extend names the path as given, as recalc does (H426 F5)
    assert capsys.readouterr().err == f"xl-retention: error: {told.format(shlex.quote(str(path)))}\n"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        cli.main(["recalc", str(path), "--json", "--output-dir", str(tmp_path / "out")])
    (f,) = json.loads(printed.getvalue())["files"]
    assert f["status"] == "incomplete"
    assert f["message"].startswith(f"my tracker.xlsx: {told.format(shlex.quote(str(path)))}")


def test_two_rows_of_customers(tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """Customers' last two months deleted: both put back, the figures of the months before kept."""
    wb = openpyxl.load_workbook(files["orig"])
    wb["Customers"].delete_rows(6, 2)
    for defined in wb.defined_names.values():
        if defined.attr_text.startswith(("Customers!", "'Customers'!")) and defined.attr_text.endswith("$7"):
            defined.attr_text = defined.attr_text[:-1] + "5"
    path = tmp_path / "two.xlsx"
    wb.save(path)
    assert cli.main(["upgrade", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{path}: put back Customers' rows of 2026-05 to 2026-06 (their figures left blank: type them)"
    )
    fresh, wb = openpyxl.load_workbook(files["fresh"]), openpyxl.load_workbook(path)
    assert {k: v.attr_text for k, v in wb.defined_names.items()} == {
        k: v.attr_text for k, v in fresh.defined_names.items()
    }
    got = [[c.value for c in row] for row in wb["Customers"].iter_rows(min_row=2, max_row=8)]
    want = [[c.value for c in row] for row in openpyxl.load_workbook(files["orig"])["Customers"].iter_rows(2, 8)]
    assert got == want
