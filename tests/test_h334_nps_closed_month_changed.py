"""A later export that changes the answers an earlier import wrote in a closed month says so, in one line naming the
month, its answers and NPS before and after (H330's finding 09: November 28 -> 52 answers, NPS 71.4 -> 46.2,
replaced with only "import wrote the months its data covers")."""

from __future__ import annotations

from xl_retention import cli
from xl_retention.workbook import build_template

HEADER = "Response ID,Score,Created (UTC)\n"
ARGS = ["--columns", "date=Created (UTC)"]
FIRST = ["1,10,2025-09-03 10:00:00", "2,9,2025-10-02 10:00:00", "3,2,2025-10-09 10:00:00", "4,10,2025-10-14 10:00:00"]
LATER = ["5,8,2025-10-20 10:00:00", "6,3,2025-10-28 10:00:00"]


def _import(tmp_path, capsys, book, rows: list[str]) -> list[str]:
    path = tmp_path / "delighted.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n")
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(path), "--into", str(book), *ARGS]) == 0
    return capsys.readouterr().out.splitlines()


def test_a_closed_months_answers_changed_by_a_later_export_are_named(tmp_path, capsys):
    book = build_template(tmp_path / "t.xlsx", start="2025-09", months=2)
    _import(tmp_path, capsys, book, FIRST)
    assert not [line for line in _import(tmp_path, capsys, book, FIRST) if "changes the answers" in line]  # same
    lines = _import(tmp_path, capsys, book, [*LATER[::-1], *FIRST[::-1]])  # the full export, newest first
    assert [line for line in lines if "changes the answers" in line] == [  # at the parent: none
        "delighted.csv changes the answers an earlier import wrote in 2025-10 (3 -> 5 answers, NPS 33.33 -> 0): "
        "that month's NPS changes with them (a longer export than the earlier one, or another file)"
    ]
