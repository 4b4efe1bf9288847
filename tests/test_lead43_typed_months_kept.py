"""import --into: months after the data's last month typed by hand are not said to be an earlier import's (H435/02).

A tracker filled by hand (March's visitors typed, no import ever ran), then ``import --visits`` of January-February:
the note said "after it, 2026-03 holds the figures of an earlier import, kept", untrue; the tool cannot tell a typed
month from an import's, and says so as its refusals do: "holds figures (typed or from an earlier import), kept".
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli


def test_a_typed_month_after_the_data_is_not_called_imported(tmp_path: Path, capsys) -> None:
    tracker = tmp_path / "t.xlsx"
    assert cli.main(["new", str(tracker), "--start", "2026-01", "--months", "6"]) == 0
    book = openpyxl.load_workbook(tracker)
    book["Purchases and visits"]["G4"] = 5300  # March's visitors, typed
    book["Purchases and visits"]["H4"] = 1700
    book.save(tracker)
    visits = tmp_path / "visits.csv"
    visits.write_text("visitor_id,date\nv1,2026-01-02\nv2,2026-01-03\nv1,2026-02-04\nv3,2026-02-05\n")
    capsys.readouterr()

    assert cli.main(["import", "--visits", str(visits), "--into", str(tracker)]) == 0

    out = capsys.readouterr()
    said = out.out + out.err
    assert "after it, 2026-03 holds figures (typed or from an earlier import), kept, and 2026-04 to" in said
    assert "earlier import, kept" not in said.replace("(typed or from an earlier import), kept", "")
    sheet = openpyxl.load_workbook(tracker)["Purchases and visits"]
    assert (sheet["G2"].value, sheet["H2"].value, sheet["G3"].value, sheet["H3"].value) == (2, 0, 2, 1)
    assert (sheet["G4"].value, sheet["H4"].value) == (5300, 1700)
