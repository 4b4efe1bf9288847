"""H291 task 4: a tracker made before d390139e keeps NPS columns C and E 14 wide, where "Promoters (9-10)" and
"Detractors (0-6)" break inside their range ("Promoters (9-" over "10)"); upgrade left them so. Now upgrade gives them
the template's 18 where their width is still the earlier template's 14, and keeps a width of the user's own."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from libreoffice_text import printed_text

from xl_retention import cli
from xl_retention.recalculation.xlsx_values import _sheet_parts

EARLIER = Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx"  # NPS B:E 14 wide


def _nps_part(path: Path) -> tuple[str, bytes]:
    with zipfile.ZipFile(path) as z:
        part = _sheet_parts(z)["NPS"]
        return part, z.read(part)


def _widths(path: Path) -> dict[str, float]:
    """NPS's widths of B:F from its ``<col>`` elements (a span given to each of its columns)."""
    out = {}
    for col in re.findall(rb"<col\b[^>]*>", _nps_part(path)[1]):
        low, high = (int(re.search(rb"\b" + a + rb'="(\d+)"', col)[1]) for a in (b"min", b"max"))
        for c in range(low, high + 1):
            out["ABCDEFGHIJ"[c - 1]] = float(re.search(rb'\bwidth="([\d.]+)"', col)[1])
    return {c: out[c] for c in "BCDEF"}


def _with_cols(path: Path, old: bytes, new: bytes) -> Path:
    part, xml = _nps_part(path)
    assert old in xml
    out = path.with_name("edited.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, xml.replace(old, new) if item.filename == part else src.read(item))
    return out


def test_upgrade_widens_nps_c_and_e_from_14_to_18(tmp_path, capsys) -> None:
    path = Path(shutil.copy(EARLIER, tmp_path / "t.xlsx"))
    assert _widths(path) == {"B": 14, "C": 14, "D": 14, "E": 14, "F": 9}
    assert cli.main(["upgrade", str(path)]) == 0
    assert (
        "widened the columns C and E of NPS from 14 to 18 wide, as this version's template has them: their bold "
        "headers on one line"
    ) in capsys.readouterr().out.splitlines()
    assert _widths(path) == {"B": 14, "C": 18, "D": 14, "E": 18, "F": 9}
    before = path.read_bytes()
    assert cli.main(["upgrade", str(path)]) == 0  # again: nothing to do
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: its formulas are this version's already (nothing changed)"
    ]
    assert path.read_bytes() == before


def test_a_width_of_the_users_own_is_kept(tmp_path, capsys) -> None:
    shutil.copy(EARLIER, tmp_path / "t.xlsx")
    path = _with_cols(tmp_path / "t.xlsx", b'<col width="14" customWidth="1" min="3" max="3" />',
                      b'<col width="25" customWidth="1" min="3" max="3" />')  # fmt: skip
    assert cli.main(["upgrade", str(path)]) == 0
    assert (
        "widened the column E of NPS from 14 to 18 wide, as this version's template has it: its bold header on one line"
    ) in capsys.readouterr().out.splitlines()
    assert _widths(path) == {"B": 14, "C": 25, "D": 14, "E": 18, "F": 9}


def test_a_span_of_14_wide_columns_is_split_around_them(tmp_path) -> None:
    shutil.copy(EARLIER, tmp_path / "t.xlsx")
    spans = b"".join(f'<col width="14" customWidth="1" min="{c}" max="{c}" />'.encode() for c in range(2, 6))
    path = _with_cols(tmp_path / "t.xlsx", spans, b'<col width="14" customWidth="1" min="2" max="5" />')
    assert _widths(path) == {"B": 14, "C": 14, "D": 14, "E": 14, "F": 9}
    assert cli.main(["upgrade", str(path)]) == 0
    assert _widths(path) == {"B": 14, "C": 18, "D": 14, "E": 18, "F": 9}


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="no soffice")
def test_libreoffice_renders_the_upgraded_headers_on_one_line(tmp_path) -> None:
    path = Path(shutil.copy(EARLIER, tmp_path / "t.xlsx"))
    assert cli.main(["upgrade", str(path)]) == 0
    text = printed_text(Path(path), tmp_path)
    (header,) = [line for line in text.splitlines() if "Passives (7-8)" in line]
    assert header.split()[:8] == ["Month", "Responses", "Promoters", "(9-10)", "Passives", "(7-8)", "Detractors",
                                  "(0-6)"]  # fmt: skip
