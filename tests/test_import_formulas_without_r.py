"""A formula cell written without its optional ``r`` attribute (a streaming writer) that stores no value.

ECMA-376 18.3.1.4: ``r`` is optional, a cell then follows the one before it in its row. The import's check for
formulas never calculated found cells by their ``r``: such a cell was not seen, and its column was read as blanks
(missing MRR) instead of being refused with how to calculate it.
"""

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
from import_cli import refusal


def _without_r(path: Path) -> None:
    """The workbook's sheet rewritten with no ``r`` on its cells (a streaming writer's output)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    members[sheet] = re.sub(rb'(<c)\sr="[A-Z]+[0-9]+"', rb"\1", members[sheet])
    assert b'<c r="' not in members[sheet]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_formula_cells_without_r_and_without_values_are_refused(tmp_path, capsys):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Subs"
    sheet.append(["customer_id", "start", "end", "price", "seats", "mrr"])
    sheet.append(["c1", dt.datetime(2026, 1, 5), dt.datetime(2026, 4, 1), 10, 2, "=D2*E2"])  # every cell written
    sheet.append(["c2", dt.datetime(2026, 1, 20), dt.datetime(2026, 3, 3), 15.5, 1, "=D3*E3"])
    path = tmp_path / "subs.xlsx"
    book.save(path)
    _without_r(path)
    before = path.read_bytes()
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    assert message.startswith(
        "subs.xlsx: the formulas of sheet 'Subs' (column 'mrr') were never calculated (cells F2, F3 hold no value"
    ), message
    assert path.read_bytes() == before and not (tmp_path / "out").exists()
