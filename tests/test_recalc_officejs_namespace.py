"""Only xlwings' Office.js namespace is ours: ``_xldudf_CONTOSO_CLV(..)`` is another add-in's CLV, whose definition
is not ours, so the cell keeps the value Excel stored and is listed (it was computed as our CLV, silently: H148's
request 4); ``_xldudf_XLWINGS_CLV`` and ``_xldudf_CLV`` are ours."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from test_recalc_packages import _one_row

from xl_retention.recalculation import recalc_file


def test_another_add_ins_function_of_our_name_keeps_excels_value(tmp_path: Path) -> None:
    cells = (
        '<c r="A1"><f>_xldudf_CONTOSO_CLV(100,0.8,0.1)</f><v>1234.5</v></c>'
        '<c r="B1"><f>_xldudf_XLWINGS_CHURN_RATE(120,30,100)</f><v>0</v></c>'
        '<c r="C1"><f>_xldudf_CRR(120,30,100)</f><v>0</v></c>'
        '<c r="D1"><f>A1*2</f><v>2469</v></c>'
    )
    source = _one_row(tmp_path / "addins.xlsx", cells)
    report = recalc_file(source, tmp_path / "out" / "addins.xlsx")
    assert (report.status, report.errors) == ("ok", [])
    assert [(u.address, u.kept) for u in report.unsupported] == [("'S0'!A1", True)]
    with zipfile.ZipFile(tmp_path / "out" / "addins.xlsx") as package:
        xml = package.read("xl/worksheets/sheet1.xml")
    values = {k: float(v) for k, v in re.findall(rb'<c r="([A-Z]1)"><f>[^<]*</f><v>([^<]*)</v></c>', xml)}
    assert values == {b"A1": 1234.5, b"B1": 0.1, b"C1": 0.9, b"D1": 2469}
