"""A digitally signed workbook: the signature over parts the recalculation changed is removed, and said (H279's
finding 01).

Excel signs a workbook (File > Info > Protect Workbook > Add a Digital Signature) as a package signature:
``_xmlsignatures/origin.sigs`` (pointed at by ``_rels/.rels``), ``_xmlsignatures/sig1.xml`` whose Manifest holds the
digests of the signed parts. recalc wrote new values into ``xl/worksheets/sheet1.xml`` and copied the signature
parts unchanged: status ok, no word, an invalid signature (Excel: "This document contains invalid signatures"),
also over the user's own file with --in-place. Excel itself removes the signatures when it saves a changed workbook.
The digests here are placeholders; the structure is Excel's.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from signed_packages import sign

from xl_retention.recalculation import recalc_file

LINE = (
    "signed.xlsx: its digital signature was removed: the recalculated values are not what was signed (Excel removes"
    " it too when it saves a changed workbook); sign it again in Excel (File > Info > Protect Workbook > Add a"
    " Digital Signature)"
)


def _signed(tmp_path: Path, signed_part: str = "/xl/worksheets/sheet1.xml") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = 2, "=A1*21"
    book.save(tmp_path / "plain.xlsx")
    return sign(tmp_path / "plain.xlsx", [signed_part.lstrip("/")], out=tmp_path / "signed.xlsx")


def _unsigned(path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        assert [n for n in package.namelist() if "signature" in n.lower() or n.endswith(".sigs")] == []
        assert b"digital-signature" not in package.read("[Content_Types].xml")
        assert b'Extension="sigs"' not in package.read("[Content_Types].xml")
        assert b"digital-signature" not in package.read("_rels/.rels")
        assert b"officeDocument" in package.read("_rels/.rels")  # the workbook's own relationship kept
    assert openpyxl.load_workbook(path, data_only=True)["S"]["A2"].value == 42


@pytest.mark.parametrize("in_place", [False, True])
def test_a_signature_over_changed_values_is_removed_and_said(tmp_path: Path, in_place: bool) -> None:
    path = _signed(tmp_path)
    out = path if in_place else tmp_path / "out" / "signed.xlsx"
    report = recalc_file(path, out, engine="embedded", in_place=in_place)
    assert (report.status, report.message) == ("ok", LINE)
    _unsigned(out)


def test_a_signature_over_parts_left_as_they_were_is_kept(tmp_path: Path) -> None:
    path = _signed(tmp_path, signed_part="/docProps/core.xml")  # the values are not what it signs
    out = tmp_path / "out" / "signed.xlsx"
    report = recalc_file(path, out, engine="embedded")
    assert (report.status, report.message) == ("ok", "")
    with zipfile.ZipFile(path) as before, zipfile.ZipFile(out) as after:
        for name in ("_xmlsignatures/sig1.xml", "_xmlsignatures/origin.sigs", "_rels/.rels", "[Content_Types].xml"):
            assert after.read(name) == before.read(name)
    assert openpyxl.load_workbook(out, data_only=True)["S"]["A2"].value == 42
