"""upgrade and extend put back the template's formulas that were cleared or re-pointed by moved cells, naming them.

Before: Customers!H2:K5 cleared (the hidden helper columns unhidden, full of #N/A, and deleted: H201's finding 06) or
February's figures moved to March's row (the spreadsheet re-points the formulas reading them: finding 02), recalc
named the cells (incomplete) and advised copying formulas by hand, while ``xl-retention upgrade`` said "its formulas
are this version's already (nothing changed)" and ``extend`` left them (H203's request 1). Values typed over formulas
and formulas of the user's own are kept.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.extend import extend_workbook
from xl_retention.workbook.upgrade_file import upgrade_workbook

FIGURES = {2: (500, 40, 520), 3: (None, 35, 530), 4: (None, 30, 541), 5: (None, 28, 548)}


def _tracker(tmp_path: Path, change, figures=FIGURES) -> tuple[Path, openpyxl.Workbook]:
    fresh = build_template(tmp_path / "fresh.xlsx", start="2026-01", months=4)
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    for row, (start, gained, end) in figures.items():
        if start is not None:
            ws.cell(row, 2).value = start
        ws.cell(row, 3).value, ws.cell(row, 4).value = gained, end
    change(ws)
    wb.save(path)
    return path, openpyxl.load_workbook(fresh)


def _clear_helpers(ws) -> None:
    for row in range(2, 6):
        for column in "HIJK":
            ws[f"{column}{row}"] = None


def _recalc(tmp_path: Path, capsys, path: Path) -> tuple[dict, openpyxl.Workbook]:
    out = tmp_path / "out"
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report, openpyxl.load_workbook(out / path.name, data_only=True)


def test_upgrade_puts_back_cleared_helper_formulas(tmp_path, capsys):
    path, fresh = _tracker(tmp_path, _clear_helpers)
    done = upgrade_workbook(path)
    assert done.lines(path)[0] == (
        "put the template's formulas back in 'Customers'!H2:H5, 'Customers'!I2:I5, 'Customers'!J2:J5, "
        "'Customers'!K2:K5 (blank: cleared?), each month's reading its own row again (values you typed over formulas "
        "are kept)"
    )
    ws = openpyxl.load_workbook(path)["Customers"]
    for ref in ("H2", "I3", "J4", "K5"):
        assert ws[ref].value == fresh["Customers"][ref].value
    report, values = _recalc(tmp_path, capsys, path)
    assert (report["status"], report["message"], report["errors"]) == ("ok", "", [])
    assert values["Dashboard"]["B4"].value == 548  # customers at end, April
    assert [values["Customers"][f"H{row}"].value for row in range(2, 6)] == [520, 530, 541, 548]


def test_upgrade_puts_back_formulas_re_pointed_by_moved_cells(tmp_path, capsys):
    moved = {2: (500, 40, 520), 4: (None, 35, 530), 5: (None, 28, 548)}  # February blank, March's figures in row 4

    def move_and_own(ws):
        for ref in ("B3", "E3", "F3", "G3"):  # what a cut of C3:D3 pasted at C4:D4 does to the formulas reading them
            ws[ref] = ws[ref].value.replace("D3", "D4").replace("C3", "C4")
        ws["E2"] = 20  # a value typed over the formula: the user's, kept
        ws["L2"] = "=C2+D2"  # a formula of the user's own: kept

    path, fresh = _tracker(tmp_path, move_and_own, moved)
    done = upgrade_workbook(path)
    assert done.lines(path)[0] == (
        "put the template's formulas back in 'Customers'!B3, 'Customers'!E3, 'Customers'!F3, 'Customers'!G3 (they "
        "read other months' rows: cells moved?), each month's reading its own row again (values you typed over "
        "formulas are kept)"
    )
    ws = openpyxl.load_workbook(path)["Customers"]
    assert [ws[ref].value for ref in ("B3", "E3", "F3", "G3")] == [
        fresh["Customers"][r].value for r in ("B3", "E3", "F3", "G3")
    ]
    assert (ws["E2"].value, ws["L2"].value) == (20, "=C2+D2")
    _, values = _recalc(tmp_path, capsys, path)
    c = values["Customers"]
    # February has no figures: no lost, CRR or churn (before: 25, 95.19%, 4.81% from March's figures)
    assert [c[f"{col}3"].value for col in "BEFG"] == [None, None, None, None]
    assert c["H3"].value == "#N/A"
    # March's start is unknown (February has no end): its rates are errors, not computed from its own end
    assert [c[f"{col}4"].value for col in "EFG"] == ["#VALUE!", "#VALUE!", "#VALUE!"]


def test_a_tracker_of_this_version_is_left_as_it_is(tmp_path):
    path, _ = _tracker(tmp_path, lambda ws: None)
    assert upgrade_workbook(path).lines(path) == [f"{path}: its formulas are this version's already (nothing changed)"]


def test_extend_puts_back_cleared_helper_formulas(tmp_path, capsys):
    path, fresh = _tracker(tmp_path, _clear_helpers)
    lines = extend_workbook(path, months=1).lines(path, recalc=True)
    assert lines[1] == (
        "put the template's formulas back in 'Customers'!H2:H5, 'Customers'!I2:I5, 'Customers'!J2:J5, "
        "'Customers'!K2:K5 (blank: cleared?), each month's reading its own row again (values you typed over formulas "
        "are kept)"
    )
    assert openpyxl.load_workbook(path)["Customers"]["J3"].value == fresh["Customers"]["J3"].value
    report, values = _recalc(tmp_path, capsys, path)
    assert (report["status"], values["Dashboard"]["B4"].value) == ("ok", 548)
