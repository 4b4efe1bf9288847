"""Answers without a response id repeated to the second, too few to refuse (two Google Forms downloads appended and
sorted: 8 of 158 rows twice), are counted as read with a note naming them (H330's finding 02: no word, October's NPS
13.8 for 10.0)."""

from __future__ import annotations

from xl_retention import cli

HEADER = "Timestamp,Score,Comment\n"


def test_a_few_same_second_twins_are_named(tmp_path, capsys):
    rows = [f"2026-10-{1 + i % 28:02d} {8 + i % 12:02d}:{i % 60:02d}:{i % 7:02d},{i % 11}," for i in range(40)]
    rows = sorted([*rows, rows[5], rows[6]])  # two answers twice, each beside its twin after the sort
    path = tmp_path / "responses.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n")
    args = ["import", "--nps", str(path), "--columns", "date=Timestamp,score=Score", "--to-csv", str(tmp_path / "o")]
    assert cli.main(args) == 0
    twins = [i + 2 for i in range(1, len(rows)) if rows[i] == rows[i - 1]]
    assert len(twins) == 2
    assert (
        f"responses.csv: 2 of 42 rows are identical in every column to an earlier row, to the second of their time "
        f"(rows {twins[0]}, {twins[1]}): counted as read, each such answer twice; if two exports overlap (downloads "
        "appended, then sorted), remove the repeated rows"
    ) in capsys.readouterr().out.splitlines()  # at the parent: no line


def test_distinct_answers_say_nothing(tmp_path, capsys):
    rows = [f"2026-10-{1 + i % 28:02d} {8 + i % 12:02d}:{i % 60:02d}:{i % 7:02d},{i % 11}," for i in range(40)]
    path = tmp_path / "responses.csv"
    path.write_text(HEADER + "\n".join(sorted(rows)) + "\n")
    args = ["import", "--nps", str(path), "--columns", "date=Timestamp,score=Score", "--to-csv", str(tmp_path / "o")]
    assert cli.main(args) == 0
    assert "identical in every column" not in capsys.readouterr().out
