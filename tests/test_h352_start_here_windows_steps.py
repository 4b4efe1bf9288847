"""The tracker's Start here sheet gave the classic xlwings add-in's steps in the order README says fails ("xlwings
ribbon > Import Functions, then save as .xlsm": Import Functions refuses an .xlsx) and left out the VBA editor's
Tools > References > xlwings, without which no formula computes (H348's finding 01). A5:A9 now follow README's
"Windows: the classic xlwings add-in": save as .xlsm first, tick the reference, Import Functions, save. ``upgrade``
replaces an earlier template's text where a tracker holds it exactly (the 5 rows of 2026-11-30's template, the 4 rows
of the first ones), and keeps a text the user changed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

STEPS = [
    "Windows, classic xlwings: install xl-retention (see its README), then xlwings addin install.",
    "  Excel: File > Options > Trust Center > Macro Settings > Trust access to the VBA project object model.",
    "  Save the workbook as .xlsm first (xl-retention new tracker.xlsm gives one): Import Functions refuses .xlsx.",
    "  VBA editor (Alt+F11) > Tools > References: tick xlwings (without it no formula computes).",
    "  xlwings ribbon > Import Functions (the xlwings.conf sheet sets UDF Modules = xl_retention.udfs), then save.",
]
EARLIER_5 = [
    "Windows, classic xlwings: install xl-retention from its checkout or wheel (see its README), then",
    "  xlwings addin install.",
    "  The xlwings.conf sheet of this workbook already sets UDF Modules = xl_retention.udfs.",
    "  Excel: File > Options > Trust Center > Macro Settings > Trust access to the VBA project object model.",
    "  xlwings ribbon > Import Functions, then save as .xlsm (xl-retention new tracker.xlsm gives one).",
]
EARLIER_4 = [
    "Windows, classic xlwings: pip install xl-retention, then xlwings addin install.",
    *EARLIER_5[2:],
]


def _column_a(path: Path, first: int, last: int) -> list[object]:
    ws = openpyxl.load_workbook(path)["Start here"]
    return [ws.cell(row, 1).value for row in range(first, last + 1)]


def _with_text(tmp_path: Path, lines: list[str]) -> Path:
    """A tracker whose Start here holds ``lines`` from A5 down (an earlier template's text)."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for row, line in enumerate(lines, start=5):
        wb["Start here"].cell(row, 1, line)
    wb.save(path)
    return path


def test_a_new_tracker_says_save_as_xlsm_first_and_the_reference(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    assert _column_a(path, 4, 10) == [
        "Set up the formulas in Excel",
        *STEPS,
        "Excel on macOS, Windows or the web: xlwings Lite add-in; requirements.txt: the xl-retention wheel's URL;",
    ]


def test_upgrade_replaces_the_earlier_5_rows(tmp_path: Path, capsys) -> None:
    path = _with_text(tmp_path, EARLIER_5)
    assert cli.main(["upgrade", str(path)]) == 0
    assert "'Start here'!A5:A9: the Windows steps of this version" in capsys.readouterr().out
    assert _column_a(path, 5, 10)[:5] == STEPS
    assert _column_a(path, 10, 10) == [
        "Excel on macOS, Windows or the web: xlwings Lite add-in; requirements.txt: the xl-retention wheel's URL;"
    ]


def test_upgrade_replaces_the_first_templates_4_rows(tmp_path: Path, capsys) -> None:
    path = _with_text(tmp_path, [*EARLIER_4, "Excel on macOS (kept as it was)"])
    assert cli.main(["upgrade", str(path)]) == 0
    assert "'Start here'!A5:A8: the Windows steps of this version" in capsys.readouterr().out
    assert _column_a(path, 5, 9) == [
        *STEPS[:3],
        "  VBA editor (Alt+F11) > Tools > References: tick xlwings; then xlwings ribbon > Import Functions, save.",
        "Excel on macOS (kept as it was)",
    ]


def test_upgrade_keeps_a_text_the_user_changed(tmp_path: Path, capsys) -> None:
    mine = [*EARLIER_5[:4], "  Ask Anna before Import Functions."]
    path = _with_text(tmp_path, mine)
    assert cli.main(["upgrade", str(path)]) == 0
    assert "Start here" not in capsys.readouterr().out
    assert _column_a(path, 5, 9) == mine
