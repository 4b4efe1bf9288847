"""Re-importing the same NPS survey exported newest first said "replaced 8 values already in those months" (H74 item
5): the answers were only written in the file's order over the same answers, nothing replaced. Now each answer
already in a month's cells keeps its cell and the file's other answers (given since) fill the free cells below: no
value changes, so no "replaced" line. (A month whose answers there are not all in the file is refused before:
tests/test_import_nps_reexported_order.py.)
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

MARCH = [9, 3, 10, 7, 8, 0, 6, 10]


def _write(path: Path, rows: list[tuple[str, int]]) -> Path:
    path.write_text("date,score\n" + "".join(f"{d},{s}\n" for d, s in rows))
    return path


def _import(capsys, path: Path, book: Path) -> list[str]:
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(path), "--into", str(book)]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if not line.startswith("2025-03 is the last month")]


def _column(book: Path) -> list[object]:
    sheet = openpyxl.load_workbook(book)["NPS scores"]
    return [sheet.cell(r, 2).value for r in range(2, 12)]


@pytest.mark.parametrize("order", ["newest first", "sorted by score"])
def test_the_same_survey_in_another_order_replaces_nothing(tmp_path: Path, capsys, order: str) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2025-03", months=3)
    march = [(f"2025-03-{d:02d}", s) for d, s in zip(range(1, 9), MARCH, strict=True)]
    assert _import(capsys, _write(tmp_path / "nps.csv", march), book)[1:] == [
        "import wrote the month its data covers (2025-03) on NPS scores"
    ]
    again = march[::-1] if order == "newest first" else sorted(march, key=lambda row: row[1])
    written = (  # each answer kept in its cell: nothing written (7f28ffec)
        "t.xlsx held every figure of this import already (the month its data covers (2025-03) on NPS scores): no cell "
        "changed, so the import did not write the file (its stored results and the Dashboard's charts fitted to them "
        "are kept)"
    )
    assert _import(capsys, _write(tmp_path / "again.csv", again), book)[1:] == [
        written
    ]  # no "replaced 8 values already in those months"
    assert _column(book) == [*MARCH, None, None]
    if order != "newest first":
        return
    later = [*march, ("2025-03-20", 5)][::-1]  # an answer given since, on top of the newest-first export
    out = _import(capsys, _write(tmp_path / "later.csv", later), book)
    assert not [line for line in out if line.startswith("replaced ")]
    assert _column(book) == [*MARCH, 5, None]
