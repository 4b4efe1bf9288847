"""upgrade of a tracker saved by LibreOffice with its Lifetime value sheet protected has nothing to change.

LibreOffice saves the note rows' heights in its own units, rounded: 62 points as 61.5. upgrade took each such row for
one lower than its note needs, rewrote its height and its label's alignment, and so refused a protected sheet
("its sheet 'Lifetime value' is protected, which this command would change") where there was nothing to bring up,
and rewrote the unprotected one while saying "nothing changed" (H315's finding 05). Within a point is as tall.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.lifetime_value import NOTE_LINES, note_height


def _rounded(tmp_path: Path, protect: bool) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    ws = wb["Lifetime value"]
    for ref, lines in NOTE_LINES.items():  # as LibreOffice writes them back: half a point lower
        ws.row_dimensions[int(ref[1:])].height = note_height(lines) - 0.5
    ws.protection.sheet = protect  # Tools > Protect Sheet, no password
    wb.save(path)
    return path


@pytest.mark.parametrize("protect", [True, False], ids=["protected", "unprotected"])
def test_nothing_to_change(tmp_path: Path, capsys: pytest.CaptureFixture[str], protect: bool) -> None:
    path = _rounded(tmp_path, protect)
    before = path.read_bytes()
    assert cli.main(["upgrade", str(path)]) == 0
    assert capsys.readouterr().out.strip().endswith("its formulas are this version's already (nothing changed)")
    assert path.read_bytes() == before
