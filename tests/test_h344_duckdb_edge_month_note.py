"""``import --nps --backend duckdb --to-csv --timezone ZONE`` names an edge month holding only the file's edge day's
answers, as the pandas path does (04115207 gave --to-csv the note; the engine's path computed the NPS without the
pandas function that notes it: 2026-10,1,1,0,0,100.0 written with no word)."""

from __future__ import annotations

import pytest

from xl_retention import cli

ARGS = ["--columns", "score=Score,date=Submit Date (UTC)", "--timezone", "Europe/Berlin"]
#: a Typeform export by UTC days: z's 22:30 UTC on 30 September is 1 October 00:30 in Berlin
SEP = (
    "#,Score,Submit Date (UTC),Plan\na,3,2026-09-02 10:00:00,pro\nb,9,2026-09-05 11:00:00,basic\n"
    "z,10,2026-09-30 22:30:00,pro\n"
)
ZONED = (
    "2026-10 holds 1 answer of sep.csv, all of its first day (its other answers are earlier): only part of "
    "2026-10 is in the file (a file exported by UTC days and read with --timezone ends or starts a few hours "
    "into the next or previous month), so 2026-10's NPS is of that answer, not the month's; import 2026-10's "
    "answers too (an export by your zone's days), or leave 2026-10 out (--through 2026-09)"
)


@pytest.mark.parametrize("segment", [[], ["--segment", "Plan"], ["--segment", "Plan=pro"]])
def test_the_duckdb_path_names_the_edge_month_as_pandas_does(tmp_path, capsys, segment) -> None:
    path = tmp_path / "sep.csv"
    path.write_text(SEP)
    said = {}
    for backend in ("pandas", "duckdb"):
        out = tmp_path / backend
        args = ["import", "--nps", str(path), "--to-csv", str(out), *ARGS, *segment, "--backend", backend]
        assert cli.main(args) == 0
        lines = capsys.readouterr().out.splitlines()
        said[backend] = [line for line in lines if not line.startswith("wrote ")]
        assert lines.count(ZONED) == 1  # duckdb at the parent: no such line
        written = (out / "nps.csv").read_text().splitlines()
        last = "2026-10,1,1,0,0,100.0" if segment != ["--segment", "Plan"] else "pro,2026-10,1,1,0,0,100.0"
        assert any(row.startswith(last) for row in written)
    assert said["duckdb"] == said["pandas"]
