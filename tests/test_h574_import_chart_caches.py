"""``import --into`` without ``--recalc`` clears the formulas' stored results (a blank is honest, Excel recalculates),
but left the charts' cached points (``c:numCache``, ``c:strCache``) as the last recalc or Excel wrote them: a program
that draws a chart from its cache (a file preview, a reader of the package) showed the old points beside the new
inputs. Now they are dropped with the results (each reference's ``c:f`` kept: Excel and LibreOffice draw the cells);
``--recalc`` keeps them for the recalculation to set (chart_caches)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from xl_retention import cli
from xl_retention.workbook import build_template

CACHE = rb'</\1f><\1numCache><\1formatCode>General</\1formatCode><\1ptCount val="1"/><\1pt idx="0"><\1v>99</\1v>'
CACHE += rb"</\1pt></\1numCache></\1numRef>"
REFS = re.compile(rb"<(?:c:)?f>([^<]*)</(?:c:)?f>")


def _with_caches(path: Path) -> None:
    """Every numRef of the tracker's charts given a cached point, as Excel saves a chart (99, an old figure)."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    for name in parts:
        if re.fullmatch(r"xl/charts/chart\d+\.xml", name):
            parts[name] = re.sub(rb"</(c:)?f></(?:c:)?numRef>", CACHE, parts[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def _charts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {n: package.read(n) for n in package.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)}


def test_an_import_without_recalc_drops_the_charts_old_points(tmp_path: Path) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    _with_caches(book)
    before = _charts(book)
    assert before and all(re.search(rb"<(c:)?v>99</(c:)?v>", xml) for xml in before.values())
    answers = tmp_path / "answers.csv"
    answers.write_text("date,score\n2025-01-03,9\n2025-01-05,10\n2025-02-08,6\n")
    assert cli.main(["import", "--nps", str(answers), "--into", str(book)]) == 0
    after = _charts(book)
    assert after.keys() == before.keys()
    for name, xml in after.items():
        assert b"numCache" not in xml and b"strCache" not in xml, name
        assert REFS.findall(xml) == REFS.findall(before[name]), name  # each series' cells as they were
