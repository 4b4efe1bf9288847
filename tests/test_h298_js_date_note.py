"""Dates written by JavaScript's Date.toString() ('Sat Oct 31 2026 23:15:00 GMT+0000 (Coordinated Universal Time)')
were converted by --timezone, yet the note said "--timezone Europe/Berlin converted none: each is read as written"
(H294's finding 04): the zone's name in brackets after the offset hid the offset from the note's check. The offset
is read now: no such note, and 23:15 UTC on 31 October is 1 November in Berlin."""

from __future__ import annotations

import csv

from xl_retention import cli


def test_a_javascript_date_is_converted_without_a_note_saying_none(tmp_path, capsys) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(
        "date,score\nSat Oct 31 2026 23:15:00 GMT+0000 (Coordinated Universal Time),9\n"
        "Sat Oct 10 2026 10:00:00 GMT+0000 (Coordinated Universal Time),3\n"
    )
    out = tmp_path / "out"
    assert cli.main(["import", "--nps", str(path), "--to-csv", str(out), "--timezone", "Europe/Berlin"]) == 0
    said = capsys.readouterr()
    assert "converted none" not in said.out + said.err
    with open(out / "nps.csv", newline="") as f:
        rows = {r["month"]: (r["responses"], r["promoters"], r["detractors"]) for r in csv.DictReader(f)}
    assert rows == {"2026-10": ("1", "0", "1"), "2026-11": ("1", "1", "0")}
