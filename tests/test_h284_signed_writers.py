"""A digitally signed tracker changed by ``extend``, ``import --into`` or ``upgrade`` loses its signature, and the
report says so, as ``recalc`` does (3bb4f9db, H279's finding 01).

The writers edit the package in place (:class:`xl_retention.workbook.inplace.Package`), every other part copied as
it was: the signature (``_rels/.rels`` -> ``_xmlsignatures/origin.sigs`` -> ``sig1.xml``, whose Manifest holds the
digests of the signed parts) was kept over changed sheets without a word, so Excel called the file's signature
invalid ("This document contains invalid signatures"). Excel itself removes the signatures when it saves a changed
workbook. A signature over parts the command leaves as they were is kept byte for byte. The digests are
placeholders; the structure is Excel's.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from signed_packages import PARTS as _PARTS
from signed_packages import package_files, sign

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import LIFETIME_B7_TEXT_CHURN


def _line(what: str) -> str:
    return (
        f"t.xlsx: its digital signature was removed: {what} are not what was signed (Excel removes it too when it "
        "saves a changed workbook); sign it again in Excel (File > Info > Protect Workbook > Add a Digital Signature)"
    )


def _sign(path: Path, every_sheet: bool = True, parts: str = "") -> Path:
    """``path`` signed as Excel signs a workbook: every worksheet part and the workbook part (or, not
    ``every_sheet``, only ``docProps/core.xml``, which the commands leave as it was; or the parts whose names start
    with ``parts``)."""
    files = package_files(path)
    if parts:
        signed = sorted(n for n in files if n.startswith(parts))
    elif every_sheet:
        signed = ["xl/workbook.xml", *sorted(n for n in files if n.startswith("xl/worksheets/sheet"))]
    else:
        signed = ["docProps/core.xml"]
    return sign(path, signed)


def _unsigned(path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        assert [n for n in package.namelist() if n.startswith("_xmlsignatures/")] == []
        types, rels = package.read("[Content_Types].xml"), package.read("_rels/.rels")
    assert b"digital-signature" not in types and b'Extension="sigs"' not in types
    assert b"digital-signature" not in rels and b"officeDocument" in rels  # the workbook's own relationship kept


def _signature(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in (*_PARTS, "_rels/.rels", "[Content_Types].xml")}


def _tracker(tmp_path: Path, every_sheet: bool = True, parts: str = "") -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["B2"] = 100
    wb.save(path)
    return _sign(path, every_sheet, parts)


def test_extend_removes_the_signature_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _tracker(tmp_path)
    assert cli.main(["extend", str(path), "--months", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"extended {path}: added months 2026-04 to 2026-05, a tracker of 5 months")
    assert out[-1] == _line("the new months")
    _unsigned(path)
    customers = openpyxl.load_workbook(path)["Customers"]
    assert (customers["B2"].value, customers["A6"].value.strftime("%Y-%m")) == (100, "2026-05")


def test_import_into_removes_the_signature_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _sign(build_template(tmp_path / "t.xlsx", start="2026-01", months=3))
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,120\nc,2026-02,80\n")
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        f"filled {path}, a tracker of 3 months from 2026-01",
        "import wrote the months its data covers (2026-01 to 2026-02) on Customers, Revenue, Cohorts",
        _line("the imported figures"),
    ]
    _unsigned(path)
    revenue = openpyxl.load_workbook(path)["Revenue"]  # new MRR 150, then 80 (c) and expansion 20 (a)
    assert (revenue["C2"].value, revenue["C3"].value, revenue["D3"].value) == (150, 80, 20)


def test_upgrade_removes_the_signature_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B7"] = LIFETIME_B7_TEXT_CHURN  # an earlier template's formula
    wb.save(path)
    _sign(path)
    assert cli.main(["upgrade", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("brought the formulas")
    assert out[-1] == _line("this version's formulas")
    _unsigned(path)


def test_a_signature_over_parts_left_as_they_were_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _tracker(tmp_path, every_sheet=False)  # it signs docProps/core.xml, which extend leaves as it was
    before = _signature(path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    assert "digital signature" not in capsys.readouterr().out
    assert _signature(path) == before


def test_upgrade_changing_nothing_leaves_the_signed_file_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _tracker(tmp_path)
    before = path.read_bytes()
    assert cli.main(["upgrade", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: its formulas are this version's already (nothing changed)"
    ]
    assert path.read_bytes() == before


def test_recalc_fitting_a_signed_chart_removes_the_signature_and_says_so(tmp_path: Path) -> None:
    """A signature over the charts alone: recalc's values change no signed part, the charts fitted to the months
    with figures do (at the parent: status ok, no word, the signature kept over the changed chart)."""
    path = _tracker(tmp_path, parts="xl/charts/chart")
    out = tmp_path / "out" / "t.xlsx"
    with zipfile.ZipFile(path) as package:
        charts = {n: package.read(n) for n in package.namelist() if n.startswith("xl/charts/chart")}
    report = recalc_file(path, out, engine="embedded")
    assert report.message == (
        "t.xlsx: its digital signature was removed: its charts' ranges, fitted to the months with figures, are not "
        "what was signed (Excel removes it too when it saves a changed workbook); sign it again in Excel (File > Info "
        "> Protect Workbook > Add a Digital Signature)"
    )  # the values changed no signed part (7ca028c7: the charts' own wording)
    _unsigned(out)
    with zipfile.ZipFile(out) as package:
        assert any(package.read(n) != data for n, data in charts.items())  # a chart fitted


def test_extend_growing_cohorts_alone_removes_the_signature_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cohorts left at 12 months by an import that went on without it, grown alone by extend --to (577b2e02)."""
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12)
    wb = openpyxl.load_workbook(path)
    for i in range(11):
        for k in range(11 - i):
            wb["Cohorts"].cell(4 + i, 2 + k).value = round(200 * 3 / (3 + k))
    wb["Cohorts"]["O3"], wb["Customers"]["M1"] = "Comment", '=INDIRECT("Cohorts!O3")'  # cannot move: left behind
    wb.save(path)
    answers = tmp_path / "nps.csv"
    answers.write_text("date,score\n2025-02-03,9\n2026-03-10,10\n")
    assert cli.main(["import", "--nps", str(answers), "--into", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["M1"] = None  # the formula cleared: Cohorts can grow alone
    wb.save(path)
    _sign(path)
    capsys.readouterr()
    assert cli.main(["extend", str(path), "--to", "2026-03"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"extended {path}: the Cohorts sheet to the 15 months from 2025-01 of the other sheets")
    assert out[-1] == _line("the Cohorts sheet's new months")
    _unsigned(path)
    assert openpyxl.load_workbook(path)["Cohorts"]["B4"].value == 200
