"""After 'Purchases and visits' was renamed, the second import said "'Dashboard'!E3:G6 holds cells of yours, where
this version's Dashboard shows the latest repeat purchase, returning customer and returning visitor rates: not added
(see the 'Purchases and visits' sheet)" (H143's finding 06): the first import had rewritten the table's "see
Purchases and visits!" texts to the sheet's new name, which then no longer matched this version's formulas; and the
note named the sheet by its old name.

Now the table is compared with the sheet's name in those texts left out (and as LibreOffice re-saves formulas): no
note for the template's own table; a note for a table of the user's names the sheet as it is now called.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_import_renamed_monthly import renamed

from xl_retention import cli
from xl_retention.workbook import build_template

VISITS = "visitor_id,date\nv1,2026-01-03\nv1,2026-02-04\nv2,2026-02-09\n"
NEW = "Käufe und Besuche"


def _import(tmp_path: Path, book: Path, capsys) -> str:
    source = tmp_path / "visits.csv"
    source.write_text(VISITS)
    capsys.readouterr()
    assert cli.main(["import", "--visits", str(source), "--into", str(book)]) == 0
    return capsys.readouterr().out


def _tracker(tmp_path: Path) -> Path:
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=2)
    return renamed(made, tmp_path / "t.xlsx", "Purchases and visits", NEW)


def test_the_templates_table_after_a_rename_is_no_table_of_the_users(tmp_path, capsys):
    book = _tracker(tmp_path)
    assert "holds cells of yours" not in _import(tmp_path, book, capsys)
    assert "Käufe und Besuche'!\"&ADDRESS(" in openpyxl.load_workbook(book)["Dashboard"]["F6"].value  # renamed
    assert "holds cells of yours" not in _import(tmp_path, book, capsys)


def test_a_table_of_the_users_is_said_with_the_sheets_name_now(tmp_path, capsys):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["Dashboard"]["F5"] = "=0.5*1"
    wb.save(book)
    out = _import(tmp_path, book, capsys)
    assert (
        "'Dashboard'!E3:G6 holds cells of yours, where this version's Dashboard shows the latest repeat purchase, "
        "returning customer and returning visitor rates: not added (see the 'Käufe und Besuche' sheet)"
    ) in out.splitlines()
