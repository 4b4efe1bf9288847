"""H291 task 3: ``upgrade`` added cell styles the workbook had already, written otherwise. The upgrade's wrapped-note
style (``wrapText="1"``, top) was looked up byte for byte: tests/data's tracker of before 2026-12-03 has it as xf 19
with its attributes in another order, and got a copy (cellXfs 32 -> 41, now 40); saved by LibreOffice (booleans
``true``/``false``) the same (34 -> 43, now 42). Now a style is found however written
(:mod:`xl_retention.workbook.style_keys`), and running upgrade twice gives the styles of running it once."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from xl_retention.workbook.style_keys import style_key
from xl_retention.workbook.upgrade_file import upgrade_workbook

EARLIER = Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx"
_XF = re.compile(rb"<xf\b[^>]*?(?:/>|>.*?</xf>)", re.S)


def _cell_styles(path: Path) -> list[bytes]:
    styles = zipfile.ZipFile(path).read("xl/styles.xml")
    return _XF.findall(re.search(rb"<cellXfs\b.*?</cellXfs>", styles, re.S)[0])


def _as_libreoffice_writes(path: Path) -> Path:
    """The earlier tracker with its styles' booleans written ``true``/``false``, as LibreOffice saves them."""
    out = path.with_name("lo.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/styles.xml":
                data = re.sub(rb'((?:apply\w+|wrapText|shrinkToFit)=")([01])"',
                              lambda m: m[1] + (b"true" if m[2] == b"1" else b"false") + b'"', data)  # fmt: skip
            dst.writestr(item, data)
    return out


def _upgraded_twice(path: Path) -> tuple[int, int, int]:
    before = len(_cell_styles(path))
    assert upgrade_workbook(path).upgraded  # an earlier template's formulas: brought up
    once = _cell_styles(path)
    assert len({style_key(x) for x in once}) == len(once)  # no style twice, however written
    upgrade_workbook(path)
    return before, len(once), len(_cell_styles(path))


def test_upgrade_reuses_a_style_written_true_false(tmp_path) -> None:
    shutil.copy(EARLIER, tmp_path / "t.xlsx")
    path = _as_libreoffice_writes(tmp_path / "t.xlsx")
    assert b'wrapText="true"' in zipfile.ZipFile(path).read("xl/styles.xml")
    assert _upgraded_twice(path) == (32, 41, 41)  # 41: the notes beside the NPS and CLV, wrapped mid-row (H347)


def test_upgrade_of_the_excel_written_tracker_adds_its_styles_once(tmp_path) -> None:
    path = Path(shutil.copy(EARLIER, tmp_path / "t.xlsx"))
    # 41 with the notes' style (H347); before 8 added were 9: xf 19 again, its attributes in another order
    assert _upgraded_twice(path) == (32, 41, 41)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="no soffice")
def test_upgrade_of_a_libreoffice_saved_tracker_adds_no_copy(tmp_path) -> None:
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xlsx",
         "--outdir", str(tmp_path / "saved"), str(EARLIER)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    path = tmp_path / "saved" / EARLIER.name
    before = _cell_styles(path)
    upgrade_workbook(path)
    added = _cell_styles(path)[len(before) :]
    keys = {style_key(x) for x in before}
    assert [x for x in added if style_key(x) in keys] == []
    upgrade_workbook(path)
    assert len(_cell_styles(path)) == len(before) + len(added)
