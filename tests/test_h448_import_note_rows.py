"""The Lifetime value note rows recalc fits to the notes' texts (1a24727a) and an import after it.

The same data imported again into a recalculated tracker changes no cell: its results and the fitted rows are kept
(it cleared 66 results: the import's upgrade step raised the rows to the template's rooms). Changed data clears the
results: the notes show texts of the new inputs, computed by Excel on open with no row fitted to them, so the rows are
the template's rooms again (they kept the fitted heights: C5's 5-line note in a row of the default height)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli

S1 = "customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\nb,2026-02,50\n"
S2 = "customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\nc,2026-02,50\n"  # February: b left, c joined
ROWS = (3, 5, 7, 8, 9, 12, 13)


def _heights(book: Path) -> list[float | None]:
    ws = openpyxl.load_workbook(book)["Lifetime value"]
    return [ws.row_dimensions[row].height for row in ROWS]


def test_rows_fitted_by_recalc_are_kept_by_the_same_data_and_rooms_again_for_new_data(tmp_path, capsys):
    book = tmp_path / "t.xlsx"
    (tmp_path / "s1.csv").write_text(S1)
    (tmp_path / "s2.csv").write_text(S2)
    assert cli.main(["new", str(book), "--start", "2026-01", "--months", "2"]) in (0, None)
    assert _heights(book) == [62, 77, 32, 62, 47, 62, 47]  # the template's rooms (H248)
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s1.csv"), "--into", str(book)]) in (0, None)
    assert cli.main(["recalc", str(book), "--in-place"]) in (0, None)
    fitted = [32, None, 32, 32, 32, None, None]
    assert _heights(book) == fitted
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s1.csv"), "--into", str(book)]) in (0, None)
    assert "cleared" not in capsys.readouterr().out
    assert _heights(book) == fitted
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s2.csv"), "--into", str(book)]) in (0, None)
    assert "cleared the results of 64 formula cells" in capsys.readouterr().out
    assert _heights(book) == [62, 77, 32, 62, 47, 62, 47]
