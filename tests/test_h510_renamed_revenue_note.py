"""H510's finding 01: with Revenue renamed MRR (as Excel renames: references follow), upgrade rewrote the template's
Dashboard!E9 note to say "MRR stops there"; every later extend and import --into then said "'Dashboard'!E9:G9 holds
cells of yours (E9 '=IFERROR(...'), where this version's Dashboard notes a CLV whose ARPA is an earlier month's:
kept, the note not added": the template's own note, no longer recognised because a sentence in it names the sheet.
The template's sentences naming a sheet are compared with the sheet's name left out (see_texts.prose_unnamed)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_import_renamed_monthly import renamed

from xl_retention import cli
from xl_retention.workbook import build_template


def test_the_templates_e9_note_after_a_rename_is_no_note_of_the_users(tmp_path: Path, capsys) -> None:
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=12)
    book = renamed(made, tmp_path / "t.xlsx", "Revenue", "MRR")
    assert cli.main(["upgrade", str(book)]) == 0
    assert "MRR stops there" in openpyxl.load_workbook(book)["Dashboard"]["E9"].value  # the note, rewritten
    capsys.readouterr()
    assert cli.main(["extend", str(book), "--months", "1"]) == 0
    said = capsys.readouterr()
    assert "holds cells of yours" not in said.out + said.err  # was: 'Dashboard'!E9:G9 holds cells of yours (E9 ...)
    assert "MRR stops there" in openpyxl.load_workbook(book)["Dashboard"]["E9"].value
