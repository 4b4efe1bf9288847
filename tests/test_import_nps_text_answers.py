"""Answers pasted into "NPS scores" as text ('9', '10': numbers stored as text, as a paste from a web page or a
text-formatted column leaves them), which the template's NPS formulas read as numbers: importing the same survey
into that month was refused ("already holds 4 ... that are not among its first or last answers") because such a cell
was compared as "(a value)", not as its number. A number held as text is now that number: the same answers again,
or with one given since, are read (each in its cell, as a number), nothing listed as replaced; text that is no
number, or other answers, still refuse."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal

from xl_retention import cli
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


@pytest.mark.parametrize(
    "rows, kept",
    [
        (MARCH, [9, 3, 10, 7, None, None]),
        (sorted([*MARCH, ("2026-03-20", 8)], key=lambda r: r[1]), [9, 3, 10, 7, 8, None]),
    ],
    ids=["the same answers", "sorted by score, one since"],
)
def test_answers_typed_as_text_are_the_same_answers(tmp_path: Path, capsys, rows, kept) -> None:
    book = _tracker(tmp_path, ["9", "3", " 10", "7"])
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(_write(tmp_path / "n.csv", rows)), "--into", str(book)]) == 0
    assert "replaced" not in capsys.readouterr().out
    assert _march(book) == kept


@pytest.mark.parametrize("typed", [["9", "3", "ten", "7"], ["9", "3", "10", "6"]])
def test_other_text_or_other_answers_still_refuse(tmp_path: Path, capsys, typed: list[str]) -> None:
    book = _tracker(tmp_path, typed)
    assert refusal(capsys, "--nps", str(_write(tmp_path / "n.csv", MARCH)), "--into", str(book)) == (
        "n.csv has 4 answers for 2026-03, where 'NPS scores'!D2:D5 already holds 4 (from an earlier import, another "
        "survey's, or typed) that are not among its first or last answers: an import replaces a month's answers, and "
        "would drop these 4; put every answer of the month in one file (both surveys' rows) and import it, or clear "
        "D2:D5 first to replace them (or import again with --replace-typed: each listed with its "
        "old value)"
    )
    assert _march(book) == [*typed, None, None]
