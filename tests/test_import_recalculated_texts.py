"""An orders workbook whose formula column holds a text with a space at an end (``=" "&A2``) was refused by the import
as never calculated once recalculated: Excel (and ``xl-retention recalc`` since 7a18986) stores such a text as
``<v xml:space="preserve"> c1</v>``, which the check for stored values did not read as a value. A formula cell whose
attributes come before its ``r`` (``<c s="1" r="D2">``) was not checked at all: its missing value read as blank."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

import xl_retention
from xl_retention import cli


def _orders(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["customer_id", "date", "amount", "label"])
    for row, (customer, date, amount) in enumerate([("c1", "2026-01-05", 10), ("c2", "2026-02-07", 20)], start=2):
        sheet.append([customer, date, amount, f'=" "&A{row}'])
    book.save(path)
    return path


def test_a_recalculated_workbook_with_texts_kept_with_their_spaces_imports(tmp_path: Path) -> None:
    source = _orders(tmp_path / "orders.xlsx")
    report = xl_retention.recalc([str(source)], engine="embedded", output_dir=str(tmp_path / "done"))
    assert report.files[0].status == "ok"
    with zipfile.ZipFile(tmp_path / "done" / "orders.xlsx") as package:
        assert b'<v xml:space="preserve"> c1</v>' in package.read("xl/worksheets/sheet1.xml")
    assert (
        cli.main(["import", "--orders", str(tmp_path / "done" / "orders.xlsx"), "--to-csv", str(tmp_path / "out")]) == 0
    )
    cohorts = (tmp_path / "out" / "order_cohorts.csv").read_text().splitlines()
    assert cohorts[1:] == ["2026-01,1,0", "2026-02,1,"]


def test_a_formula_cell_with_its_style_before_its_reference_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _orders(tmp_path / "orders.xlsx")
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert b'<c r="D2"><f>' in sheet and b'<c r="D3"><f>" "&amp;A3</f><v /></c>' in sheet
    sheet = sheet.replace(b'<c r="D2"><f>', b'<c s="0" r="D2"><f>')  # D2 stores no value: never calculated
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b'<c r="D3"><f>" "&amp;A3</f><v /></c>',
                                                      b'<c r="D3" t="str"><f>" "&amp;A3</f><v> c2</v></c>')  # fmt: skip
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    capsys.readouterr()
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "out")]) == 1
    assert "the formulas of sheet 'Orders' (column 'label') were never calculated (cells D2 hold no value" in (
        capsys.readouterr().err
    )
