"""A value kept from the file (a UDF the engine lacks) reading a cell whose stored value differs from its value now:
the stored values predate the inputs (a program that keeps them, POI, EPPlus or an XML edit, changed A2), so the
kept value was Excel's answer for other inputs. It was kept with status ok (H160 finding 01); now it is listed as
stale, not kept, and so are the cells reading it. A cell reading a listed one (computed before the listed cells got
their stored values) is no such evidence, nor a difference in the last digits."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _saved(tmp_path: Path, a2: float, stored: dict[str, str]) -> Path:
    """S: A2 (typed), B2 =A2*2, C2 =GET_MRR(B2), D2 =C2+1, E2 =GET_MRR(D2), with ``stored`` as Excel's values."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A2"], sheet["B2"], sheet["C2"], sheet["D2"], sheet["E2"] = (
        a2,
        "=A2*2",
        "=GET_MRR(B2)",
        "=C2+1",
        "=GET_MRR(D2)",
    )
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / f"book{a2}.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as package, zipfile.ZipFile(path, "w") as out:
        for info in package.infolist():
            data = package.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                for ref, value in stored.items():
                    data, count = re.subn(
                        rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode(), rb"\1<v>" + value.encode() + b"</v>", data
                    )
                    assert count == 1, ref
            out.writestr(info, data)
    return path


def test_a_kept_value_over_an_input_changed_since_the_save_is_listed(tmp_path: Path) -> None:
    path = _saved(tmp_path, 3, {"B2": "4", "C2": "100", "D2": "101", "E2": "7"})
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = {u.address: u for u in result.unsupported}
    assert sorted(listed) == ["S!C2", "S!D2", "S!E2"]
    assert not any(u.kept for u in result.unsupported)
    assert listed["S!C2"].reason.endswith(
        "it reads S!B2, whose stored value 4 differs from its value now, 6: the file's values predate its inputs"
    )
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("B2", "C2", "D2", "E2")] == [6, None, None, None]


def test_kept_values_over_current_inputs_stay_kept(tmp_path: Path) -> None:
    # B2 stored 6 for A2 = 3 (6.000000000000001: a last digit; 6.000001: within 1e-6, where Excel's IRR, RATE and
    # the like stop, "accurate within 0.00001 percent"); D2 reads the listed C2, E2 reads D2: kept
    for b2 in ("6", "6.0000000000000009", "6.000001"):
        path = _saved(tmp_path, 3, {"B2": b2, "C2": "100", "D2": "101", "E2": "7"})
        result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
        assert result.status == "ok", result.message
        assert sorted((u.address, u.kept) for u in result.unsupported) == [("S!C2", True), ("S!E2", True)]
        out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
        # B2 =A2*2 an ulp from its stored number: plain arithmetic, computed (.stored_ulps keeps only NPV, EXP...)
        assert [out[ref].value for ref in ("B2", "C2", "D2", "E2")] == [6, 100, 101, 7]
