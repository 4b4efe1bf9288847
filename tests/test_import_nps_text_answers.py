"""Answers pasted into "NPS scores" as text ('9', '10': numbers stored as text, as a paste from a web page or a
text-formatted column leaves them), which the template's NPS formulas read as numbers: importing the same survey
into that month was refused ("already holds 4 ... that are not among its first or last answers") because such a cell
was compared as "(a value)", not as its number. A number held as text is that number (counted as an answer in the
refusal). Typed answers are no import's, so equal scores do not prove them the file's (H294's finding 01): they
refuse; text that is no number, or other answers, too."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal

from xl_retention.workbook import build_template

MARCH = [("2026-03-02", 9), ("2026-03-05", 3), ("2026-03-07", 10), ("2026-03-09", 7)]


def _write(path: Path, rows: list[tuple[str, int]]) -> Path:
    path.write_text("date,score\n" + "".join(f"{d},{s}\n" for d, s in rows))
    return path


def _tracker(tmp_path: Path, typed: list[str]) -> Path:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(book)
    for row, text in enumerate(typed, start=2):
        wb["NPS scores"].cell(row, 4).value = text  # March's column: text, not numbers
    wb.save(book)
    return book


def _march(book: Path) -> list[object]:
    scores = openpyxl.load_workbook(book)["NPS scores"]
    return [scores.cell(r, 4).value for r in range(2, 8)]


NO_RECORD = (
    "n.csv has {n} answers for 2026-03, where 'NPS scores'!D2:D5 already holds 4 answers that no import recorded "
    "(typed, or imported by a version before this record was kept): the import cannot tell whether they are among "
    "n.csv's answers of 2026-03, and replacing the month would drop them; nothing was written: if they are among the "
    "file's answers, clear D2:D5 and import again; if not (another survey's or typed), add them to the file as rows "
    "and import the file; or, to replace them (they are then lost), import again with --replace-typed: each listed "
    "with its old value"
)


@pytest.mark.parametrize(
    "rows",
    [MARCH, sorted([*MARCH, ("2026-03-20", 8)], key=lambda r: r[1])],
    ids=["the same answers", "sorted by score, one since"],
)
def test_answers_typed_as_text_holding_the_files_scores_refuse(tmp_path: Path, capsys, rows) -> None:
    """Typed answers are not proven to be the file's by equal scores (a phone survey's 9 is not the web's 9: H294's
    finding 01), so they refuse, counted as the 4 answers they are (numbers as text), nothing written."""
    book = _tracker(tmp_path, ["9", "3", " 10", "7"])
    message = refusal(capsys, "--nps", str(_write(tmp_path / "n.csv", rows)), "--into", str(book))
    assert message == NO_RECORD.format(n=len(rows))
    assert _march(book) == ["9", "3", " 10", "7", None, None]


@pytest.mark.parametrize("typed", [["9", "3", "ten", "7"], ["9", "3", "10", "6"]])
def test_other_text_or_other_answers_still_refuse(tmp_path: Path, capsys, typed: list[str]) -> None:
    book = _tracker(tmp_path, typed)
    assert refusal(capsys, "--nps", str(_write(tmp_path / "n.csv", MARCH)), "--into", str(book)) == NO_RECORD.format(
        n=4
    )
    assert _march(book) == [*typed, None, None]
