"""recalc's survivors-triangle order check has openpyxl parse only the label column of Cohorts (issue 14, speed).

Before: :func:`cohorts_out_of_order` read Cohorts' column A with openpyxl's read-only rows, which parse every cell of
every row read: 60,288 cells for the 616 labels of the 120-month tracker, 0.19 s of its recalc. Now openpyxl reads
the sheet's XML with the other columns' cells taken out (every row kept), so it parses the label column's cells
alone, with the same values and lines; a sheet whose cells do not all name their column first in their ``r`` (a
cell written without it, a prefixed ``<x:c>``) is read whole, as before.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet import _reader

from xl_retention.recalculation.cohort_order import cohorts_out_of_order
from xl_retention.workbook import build_template

SORTED = (
    "Cohorts!A5 is 2026-11 below 2026-12 in Cohorts!A4: the signup months of Cohort_Counts (Cohorts!A4:A15: 2026-12, "
    "2026-11, 2026-10, ... 2026-01) must follow each other, oldest first (newest first here), as the tables under it "
    "list them: sort the rows Cohorts!A4:M15 by their signup month, oldest to newest (the tables below read the "
    "triangle's rows by position: row 1 of each reads its row 1)"
)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The references of the cells openpyxl parses (its real parser, each cell recorded)."""
    cells: list[str] = []
    parse_cell = _reader.WorkSheetParser.parse_cell

    def recorded(self, element):  # noqa: ANN001, ANN202
        cells.append(element.get("r"))
        return parse_cell(self, element)

    monkeypatch.setattr(_reader.WorkSheetParser, "parse_cell", recorded)
    return cells


def _sorted_tracker(path: Path) -> Path:
    """The 12-month tracker with its survivors sorted newest first (Data > Sort on Cohorts!A4:M15, descending)."""
    build_template(path, start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    co = wb["Cohorts"]
    for i, row in enumerate([[150, 140, 132], [120, 110], [100]]):
        for j, value in enumerate(row):
            co.cell(4 + i, 2 + j).value = value
    rows = sorted(([co.cell(r, k).value for k in range(1, 14)] for r in range(4, 16)), reverse=True)
    for i, values in enumerate(rows):
        for k, value in enumerate(values):
            co.cell(4 + i, 1 + k).value = value
    wb.save(path)
    return path


def _cohorts_part(path: Path) -> tuple[str, bytes]:
    wb = openpyxl.load_workbook(path, read_only=True)
    part = wb["Cohorts"]._worksheet_path
    wb.close()
    with zipfile.ZipFile(path) as package:
        return part, package.read(part)


def _with_part(path: Path, target: Path, part: str, xml: bytes) -> Path:
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for entry in source.infolist():
            copy.writestr(entry, xml if entry.filename == part else source.read(entry))
    return target


def test_only_the_label_column_is_parsed_with_the_same_line(tmp_path: Path, parsed: list[str]) -> None:
    path = _sorted_tracker(tmp_path / "t.xlsx")
    _, xml = _cohorts_part(path)
    column_a = re.findall(rb'<c r="(A[0-9]+)"', xml)
    everything = len(re.findall(rb"<c[\s/>]", xml))
    assert everything > 10 * len(column_a) > 0
    parsed.clear()  # (the cells openpyxl parsed making the tracker)
    assert cohorts_out_of_order(path) == SORTED
    assert parsed == [ref.decode() for ref in column_a]  # each label once, no cell of another column


def test_a_sheet_with_cells_without_their_reference_is_read_whole(tmp_path: Path, parsed: list[str]) -> None:
    """Cohorts' cells written without ``r`` (optional in the format): their column is their place in the row, which
    no pattern tells; the whole sheet is read, as before, with the same line."""
    path = _sorted_tracker(tmp_path / "t.xlsx")
    part, xml = _cohorts_part(path)
    bare = re.sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", xml)
    assert bare.count(b"<c>") + bare.count(b"<c ") + bare.count(b"<c/>") == len(re.findall(rb"<c[\s/>]", xml))
    copy = _with_part(path, tmp_path / "bare.xlsx", part, bare)
    parsed.clear()  # (the cells openpyxl parsed making the tracker)
    assert cohorts_out_of_order(copy) == SORTED
    assert len(parsed) == len(re.findall(rb"<c[\s/>]", xml))  # every cell of the sheet
