"""H304's findings 01, 03, 04, 06: extend / upgrade / import --into name a Strict Open XML workbook, an Excel Binary
Workbook and an Excel template with the remedy (they said "none of the monthly sheets", "not a workbook ... or is
corrupt", "must be named .xlsx or .xlsm"), recalc's advice for a template is one upgrade follows, and a workbook
encrypted with a password to open gets one message everywhere (recalc said "... or a legacy .xls file")."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc
from xl_retention.workbook import build_template
from xl_retention.workbook.extend import extend_workbook
from xl_retention.workbook.importer import fill_workbook, load_tables
from xl_retention.workbook.upgrade import LIFETIME_EARLIER
from xl_retention.workbook.upgrade_file import earlier_template_line, upgrade_workbook

STRICT = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}
ENCRYPTED = (
    "enc.xlsx is encrypted with a password to open: in Excel, File > Info > Protect Workbook > Encrypt with Password, "
    "clear the password and save, then run again"
)


def _rewrite(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as zi, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zo:
        for name in zi.namelist():
            zo.writestr(name, change(name, zi.read(name)))
    return target


def _commands(path: Path, tmp_path: Path) -> list[str]:
    csv = tmp_path / "subs.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\n")
    out = []
    for run in (
        lambda: extend_workbook(path, months=1),
        lambda: upgrade_workbook(path),
        lambda: fill_workbook(path, load_tables(subscriptions=csv)),
    ):
        with pytest.raises(ValueError) as error:
            run()
        out.append(str(error.value))
    return out


def test_strict_open_xml_tracker_is_named(tmp_path: Path) -> None:
    def strict(name: str, data: bytes) -> bytes:
        if name.endswith((".xml", ".rels")):
            for a, b in STRICT.items():
                data = data.replace(a.encode(), b.encode())
        return data.replace(b"<workbook ", b'<workbook conformance="strict" ', 1) if name == "xl/workbook.xml" else data

    path = _rewrite(build_template(tmp_path / "t.xlsx", start="2026-01", months=6), tmp_path / "s.xlsx", strict)
    before = path.read_bytes()
    said = (
        "s.xlsx is a Strict Open XML workbook, which xl-retention cannot read: open it in Excel and save it as Excel "
    )
    assert _commands(path, tmp_path) == [said + "Workbook (.xlsx)"] * 3
    assert path.read_bytes() == before


def test_binary_workbook_is_named(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsb"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.bin", b"\x83\x01\x00\x84\x01\x00")
    said = "t.xlsb is an Excel Binary Workbook (.xlsb): open it in Excel and save it as Excel Workbook (.xlsx)"
    assert _commands(path, tmp_path) == [said] * 3


def test_template_refused_with_the_remedy_recalc_advises(tmp_path: Path) -> None:
    fresh = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(fresh)
    wb["Lifetime value"]["C5"] = LIFETIME_EARLIER["C5"][0]  # an earlier template's formula: recalc advises upgrade
    wb.save(tmp_path / "old.xlsx")

    def template(name: str, data: bytes) -> bytes:
        return data.replace(b"spreadsheetml.sheet.main+xml", b"spreadsheetml.template.main+xml")

    path = _rewrite(tmp_path / "old.xlsx", tmp_path / "old.xltx", template)
    said = (
        "old.xltx is an Excel template (.xltx), which extend, upgrade and import --into do not change (recalc does): "
        "open it in Excel, save it as Excel Workbook (.xlsx), run the command on that, then save it as a template again"
    )
    assert _commands(path, tmp_path) == [said] * 3
    line = earlier_template_line(path) or ""
    assert "bring them up with xl-retention upgrade on it saved as Excel Workbook (.xlsx) in Excel (then saved as a " \
        "template again) (your values" in line  # fmt: skip
    assert "upgrade " + str(path) not in line


def test_encrypted_workbook_one_message(tmp_path: Path) -> None:
    path = tmp_path / "enc.xlsx"  # the OLE container Excel writes for a password to open
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64
    )
    assert _commands(path, tmp_path) == [ENCRYPTED] * 3
    report = recalc([path], engine="embedded", output_dir=tmp_path / "out")
    assert (report.files[0].status, report.files[0].message) == ("failed", ENCRYPTED)
    legacy = tmp_path / "legacy.xlsx"  # an .xls under an .xlsx name: no EncryptionInfo
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    report = recalc([legacy], engine="embedded", output_dir=tmp_path / "out")
    assert report.files[0].message == (
        "legacy.xlsx is a legacy Excel 97-2003 workbook (.xls): save it as Excel Workbook (.xlsx)"
    )
