"""An NPS month of 30 answers or more none above 7, from a file whose column is 0-10, written into a tracker: the
import names the month and its NPS (the tracker shows it too; before H343 it showed 'not 0-10'). H330's finding 04,
the import's part: before, only recalc's line "a 1-7 scale ... put the 0-10 question's answers there"."""

from __future__ import annotations

from xl_retention import cli
from xl_retention.workbook import build_template


def test_a_bad_month_of_a_0_10_file_is_named_with_its_nps(tmp_path, capsys):
    rows = [f"{i + 1},{[10, 9, 3, 8][i % 4]},2026-09-{1 + i % 28:02d} 10:00:00" for i in range(8)]
    rows += [f"{i + 9},{[1, 2, 3, 5, 6, 7, 7, 4][i % 8]},2026-10-{1 + i % 28:02d} 10:00:00" for i in range(32)]
    path = tmp_path / "delighted.csv"
    path.write_text("Response ID,Score,Created (UTC)\n" + "\n".join(rows) + "\n")
    book = build_template(tmp_path / "t.xlsx", start="2026-09", months=2)
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(path), "--into", str(book), "--columns", "date=Created (UTC)"]) == 0
    assert (  # 32 answers: 8 passives (7), 24 detractors: NPS -75
        "delighted.csv's answers are 0-10 (the column holds answers above 7), but in 2026-10 (32 answers, NPS -75) "
        "none is above 7: a bad month, not another question's scale; the tracker shows its NPS (its check of a month "
        "typed by hand, 'not 0-10', passes over the months an import writes from a 0-10 column)"
    ) in capsys.readouterr().out.splitlines()  # at the parent: no such line
