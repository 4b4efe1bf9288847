"""An earlier tracker whose Dashboard charts a column inserted at D moved right: upgrade names them the template's.

H201's finding 07 (upgrade side): a "Target" column inserted at Dashboard!D (LibreOffice moves every chart right of it
one column: H12 to I12) made upgrade say "a chart 'MRR movements by month' of yours is at I12: move or clear that",
advising to clear the template's own chart. The charts that moved together are the template's
(:func:`xl_retention.workbook.chart_ranges._shifted`); the line says so and what undoes it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from xl_retention.workbook.upgrade_file import upgrade_workbook

EARLIER = Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx"


def _column_inserted_at_d(path: Path) -> Path:
    """EARLIER with every Dashboard chart anchored at column D or right of it one column further right, as inserting
    a column at D does (the charts at A stay)."""

    def right(match: re.Match[bytes]) -> bytes:
        column = int(match[1])
        return b"<from><col>%d</col>" % (column + 1 if column >= 3 else column)

    with zipfile.ZipFile(EARLIER) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/drawings/drawing1.xml":
                assert b"<from><col>7</col>" in data  # the right-hand charts at H
                data = re.sub(rb"<from><col>(\d+)</col>", right, data)
            out.writestr(item, data)
    return path


def test_the_templates_moved_charts_are_not_called_the_users(tmp_path):
    path = _column_inserted_at_d(tmp_path / "t.xlsx")
    lines = upgrade_workbook(path).lines(path)
    kept = [line for line in lines if line.startswith("'Dashboard' keeps")]
    assert kept == [
        "'Dashboard' keeps the earlier template's layout (charts 17 cm wide at H12, A30, ...; printed A1:Q66 on one "
        "portrait page, about a third of its size) as the template's chart 'MRR movements by month' is at I12, not at "
        "H12 (moved with the charts by a row or column inserted on the sheet?): delete the inserted rows or columns "
        "(or move your cells there to a sheet of your own) and run again, or lay it out yourself (this version's "
        "charts span A12:G52, printed landscape one page wide)"
    ]  # before: "as a chart 'MRR movements by month' of yours is at I12: move or clear that"


def test_a_chart_dragged_alone_is_still_the_users(tmp_path):
    path = tmp_path / "t.xlsx"
    with zipfile.ZipFile(EARLIER) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/drawings/drawing1.xml":  # only the first right-hand chart dragged to I12
                data = data.replace(b"<from><col>7</col>", b"<from><col>8</col>", 1)
            out.writestr(item, data)
    kept = [line for line in upgrade_workbook(path).lines(path) if line.startswith("'Dashboard' keeps")]
    assert len(kept) == 1 and "as a chart 'MRR movements by month' of yours is at I12: move or clear that" in kept[0]
