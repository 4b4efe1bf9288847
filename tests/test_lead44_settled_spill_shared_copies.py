"""A kept value the engine stopped at, in a copy of a shared formula, is checked against the inputs of now (H454/01).

:func:`.settled_spills.check_settled_spills` computes each kept cell's formula again and drops Excel's stored value
where the inputs changed since. A copy of a shared formula has no text of its own in the file (only the first cell
of a ``<f t="shared">`` has it): its check was skipped and Excel's old value kept, presented as Excel's. The oracle's
pycel lookup workbook with CHOOSE's index changed from 1 to 2 kept -1 at Lookup!D41 (right: C3's 0.5), "kept: true".
Here: B1 =A1*10 shared over B1:B2, A2 changed from 2 to 3 after Excel stored 20 at B2.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import formualizer as fz

from xl_retention.recalculation.package import scan
from xl_retention.recalculation.settled_spills import SETTLE_WORDS, check_settled_spills
from xl_retention.recalculation.unsupported import Unsupported

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def _book(path: Path, a2: int) -> Path:
    """A1 = 1, A2 = ``a2``; B1 =A1*10 shared over B1:B2 with Excel's stored 10 and 20 (A2 = 2 when it saved)."""
    sheet = (
        f'{_XML}<worksheet xmlns="{_MAIN}"><sheetData>'
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*10</f><v>10</v></c></row>'
        f'<row r="2"><c r="A2"><v>{a2}</v></c><c r="B2"><f t="shared" si="0"/><v>20</v></c></row>'
        "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            f'{_XML}<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr(
            "xl/workbook.xml",
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_XML}<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        package.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def _checked(path: Path) -> Unsupported:
    info = scan(str(path))
    assert info.formulas["S"]["B2"].text is None  # the copy has no text of its own in the file
    workbook = fz.Workbook.from_path(str(path))
    workbook.set_value("S", 2, 2, 20.0)  # the kept value, as keep_stored sets it
    item = Unsupported("S", "B2", "formula", f"the embedded engine {SETTLE_WORDS} here", kept=True)
    check_settled_spills(workbook, info, [item], {"S": {(1, 2): "A1*10", (2, 2): "A2*10"}})
    return item


def test_a_changed_input_drops_the_copy_s_stored_value(tmp_path: Path) -> None:
    item = _checked(_book(tmp_path / "changed.xlsx", 3))
    assert item.kept is False
    assert item.reason == (
        f"the embedded engine {SETTLE_WORDS} here; its inputs have changed since Excel stored this value (computed "
        "again: 30.0)"
    )


def test_unchanged_inputs_keep_the_copy_s_stored_value(tmp_path: Path) -> None:
    item = _checked(_book(tmp_path / "same.xlsx", 2))
    assert (item.kept, item.reason) == (True, f"the embedded engine {SETTLE_WORDS} here")
