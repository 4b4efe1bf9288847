"""A tracker opened and saved by LibreOffice (a colleague without Excel), then recalculated: LibreOffice wrote
``<c:auto val="1"/>`` on the charts' category axis and then drew "MRR movements by month" with a value axis of
-400..400, its New MRR bars of 500 and 600 cut at 400, silently (H172 finding 06). recalc writes the template's
charts without it (the template writes none); the bars are drawn whole."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

sys.path.insert(0, str(Path(__file__).parent))
import libreoffice  # noqa: E402  (the tests' LibreOffice harness)

needs_soffice = pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")
_AUTO = re.compile(rb"<(?:\w+:)?catAx\b(?:(?!</(?:\w+:)?catAx).)*<(?:\w+:)?auto val=\"1\"", re.S)


@needs_soffice
def test_the_mrr_movements_keep_their_bars_whole_after_a_libreoffice_save(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Revenue"]
    ws["B2"] = 10000
    for row, (new, churned) in enumerate([(500, 300), (400, 200), (600, 200), (300, 100), (300, 150), (200, 200)], 2):
        ws[f"C{row}"], ws[f"G{row}"] = new, churned
    wb.save(path)
    first = recalc_file(path, tmp_path / "first" / "t.xlsx")
    saved = libreoffice._convert(first.output, tmp_path / "saved", "xlsx", recalc=False)  # opened and saved, as is
    with zipfile.ZipFile(saved) as z:
        assert any(_AUTO.search(z.read(n)) for n in z.namelist() if n.startswith("xl/charts/chart"))  # as it writes
    done = recalc_file(saved, tmp_path / "done" / "t.xlsx")
    with zipfile.ZipFile(done.output) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/charts/chart") and _AUTO.search(z.read(n))]
    pdf = libreoffice.render_pdf(done.output, tmp_path / "pdf", recalculate=False)
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True).stdout
    assert re.search(r"(^|[^-0-9,.])600([^0-9,.]|$)", text, re.M), text  # the axis reaches the bar of 600
