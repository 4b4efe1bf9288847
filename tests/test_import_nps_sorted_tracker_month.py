"""A month of "NPS scores" the user sorted by score in Excel (Data > Sort on B2:B13), then the same survey exported
again sorted by score with an answer given since: import --into refused it ('already holds 12 ... not among its
first or last answers'), because the tracker's answers were compared with the file's first ones by date in the
tracker's order, which the user's sort had replaced. A month sorted by score (ascending or descending) is now
compared as the set of answers it holds: the file's first 12 by date are those 12, so each stays in its cell and the
new one fills the cell below. Another survey's answers, a lost or changed answer, or a new one dated among the
tracker's are still refused, the month sorted or not."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal

from xl_retention import cli
from xl_retention.workbook import build_template

JANUARY = [10, 7, 9, 8, 3, 9, 10, 6, 8, 9, 10, 5]
ARGS = ["--columns", "date=Created at"]


def _write(path: Path, rows: list[tuple[str, int]]) -> Path:
    path.write_text("Created at,Score\n" + "".join(f"{d},{s}\n" for d, s in rows))
    return path


def _january() -> list[tuple[str, int]]:
    return [(f"2026-01-{d:02d} 10:00:00", s) for d, s in zip(range(2, 14), JANUARY, strict=True)]


def _sorted_tracker(tmp_path: Path, descending: bool) -> Path:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    assert cli.main(["import", "--nps", str(_write(tmp_path / "jan.csv", _january())), "--into", str(book), *ARGS]) == 0
    wb = openpyxl.load_workbook(book)
    scores = wb["NPS scores"]
    for row, score in enumerate(sorted(JANUARY, reverse=descending), start=2):  # the user's sort of B2:B13
        scores.cell(row, 2).value = score
    wb.save(book)
    return book


def _column(book: Path) -> list[int | None]:
    scores = openpyxl.load_workbook(book)["NPS scores"]
    return [scores.cell(r, 2).value for r in range(2, 16)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("file_order", ["by score", "newest first"])
def test_a_reexport_with_an_answer_since_into_a_month_sorted_by_score(tmp_path, descending, file_order) -> None:
    book = _sorted_tracker(tmp_path, descending)
    rows = [*_january(), ("2026-01-28 18:00:00", 4)]
    rows = sorted(rows, key=lambda r: r[1]) if file_order == "by score" else rows[::-1]  # the 4 among the others
    assert cli.main(["import", "--nps", str(_write(tmp_path / "all.csv", rows)), "--into", str(book), *ARGS]) == 0
    assert _column(book) == [*sorted(JANUARY, reverse=descending), 4, None]  # the 12 in their cells, the new below


@pytest.mark.parametrize("change", ["another survey", "one answer lost", "one answer changed"])
def test_what_truly_conflicts_is_still_refused_in_a_sorted_month(tmp_path: Path, capsys, change: str) -> None:
    book = _sorted_tracker(tmp_path, descending=False)
    rows = [*_january(), ("2026-01-28 18:00:00", 4)]
    if change == "another survey":
        rows = [("2026-01-20 10:00:00", 3), ("2026-01-21 10:00:00", 5), ("2026-01-22 10:00:00", 6)]
    elif change == "one answer lost":
        rows = rows[:3] + rows[4:]
    elif change == "one answer changed":
        rows[4] = (rows[4][0], 4)
    path = _write(tmp_path / "all.csv", sorted(rows, key=lambda r: r[1]))
    held = f"all.csv has {len(rows)} answers for 2026-01, where 'NPS scores'!B2:B13 already holds 12 answers "
    held += "written by "
    said = refusal(capsys, "--nps", str(path), "--into", str(book), *ARGS)
    if change == "one answer changed":  # named, with its cell and both scores, and --replace-typed to take it (H566)
        assert said == held + (
            "the import of jan.csv, 1 of which has another score in all.csv (its date and time the same): 2026-01-06 "
            "10:00:00 in B2 (3 there, 4 in all.csv); the other 11 are among all.csv's answers; nothing was written (an "
            "answer an import wrote is not changed without --replace-typed): to take all.csv's corrected score, import "
            "again with --replace-typed (each replaced cell listed with its old value); if the tracker's are right, "
            "correct all.csv and import again"
        )
    elif change == "one answer lost":  # named, with its date, and what to do (H574)
        assert said.endswith(
            "import of jan.csv, 1 of which is not in all.csv: the 8 of 2026-01-05 10:00:00 in one of B6, B7 "
            "(the other 11 are among all.csv's answers, by date and score); nothing was written: if that answer was "
            "deleted in the survey tool on purpose, import again with --replace-typed to drop it (each replaced cell "
            "listed with its old value); if not, add it to all.csv as a row (date 2026-01-05 10:00:00, score 8) and "
            "import again"
        )
    else:
        assert said.startswith(
            held + "the import of jan.csv, which are not among all.csv's answers of 2026-01 (by date and score)"
        )
    assert _column(book) == [*sorted(JANUARY), None, None]  # nothing written
