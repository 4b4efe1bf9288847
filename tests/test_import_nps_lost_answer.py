"""A survey export imported again after one answer the tracker holds was deleted in the survey tool (every other
answer the same, one given since) was refused saying all 6 answers the month holds "are not among" the file's: it
named none of them and advised one file holding both files' rows, where 5 are the file's own. The import record's
digest of the answers written (date and time with score) tells which one the file lacks, and its date: the refusal
names it (its score, date and time, cell), says the others are among the file's, and tells what to do: --replace-typed
drops it, or the row added back keeps it. It still refuses: a written answer is not dropped silently."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal

from xl_retention import cli
from xl_retention.workbook import build_template

ROWS = [
    ("2025-01-03 09:00:00", 9),
    ("2025-01-05 10:00:00", 10),
    ("2025-01-08 11:00:00", 6),
    ("2025-01-12 12:30:00", 8),
    ("2025-01-20 13:00:00", 3),
    ("2025-01-22 13:00:00", 8),
]


def _write(path: Path, rows: list[tuple[str, int]]) -> Path:
    path.write_text("date,score\n" + "".join(f"{d},{s}\n" for d, s in rows))
    return path


def _tracker(tmp_path: Path) -> tuple[Path, Path]:
    book = build_template(tmp_path / "n.xlsx", start="2025-01", months=3)
    path = _write(tmp_path / "answers.csv", ROWS)
    assert cli.main(["import", "--nps", str(path), "--into", str(book)]) == 0
    return book, path


def _january(book: Path) -> list[object]:
    scores = openpyxl.load_workbook(book)["NPS scores"]
    return [scores.cell(r, 2).value for r in range(2, 9)]


@pytest.mark.parametrize("newest_first", [False, True])
def test_an_answer_the_reexport_lacks_is_named_with_its_date(tmp_path: Path, capsys, newest_first: bool) -> None:
    book, path = _tracker(tmp_path)
    before = book.read_bytes()
    again = [*ROWS[:3], *ROWS[4:], ("2025-01-28 08:00:00", 7)]  # 2025-01-12's 8 deleted, a 7 given since
    _write(path, again[::-1] if newest_first else again)
    assert refusal(capsys, "--nps", str(path), "--into", str(book)) == (
        "answers.csv has 6 answers for 2025-01, where 'NPS scores'!B2:B7 already holds 6 answers written by an "
        "earlier import of the same file name, 1 of which is not in answers.csv: the 8 of 2025-01-12 12:30:00 in B5 "
        "(the other 5 are among answers.csv's answers, by date and score); nothing was written: if that answer was "
        "deleted in the survey tool on purpose, import again with --replace-typed to drop it (each replaced cell "
        "listed with its old value); if not, add it to answers.csv as a row (date 2025-01-12 12:30:00, score 8) and "
        "import again"
    )
    assert book.read_bytes() == before  # nothing written
    _write(path, [*again, ROWS[3]])  # the row added back: every answer kept, the new one below
    assert cli.main(["import", "--nps", str(path), "--into", str(book)]) == 0
    assert _january(book) == [9, 10, 6, 8, 3, 8, 7]


def test_replace_typed_drops_the_deleted_answer(tmp_path: Path) -> None:
    book, path = _tracker(tmp_path)
    _write(path, [*ROWS[:3], *ROWS[4:]])
    assert cli.main(["import", "--nps", str(path), "--into", str(book), "--replace-typed"]) == 0
    assert _january(book) == [9, 10, 6, 3, 8, None, None]
