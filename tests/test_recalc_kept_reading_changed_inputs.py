"""A value kept from the file reading a typed input that a recomputed formula shows changed since Excel's save is
listed as stale (H199's finding 01).

A program that keeps the stored values (POI, an XML edit) writes A1 = 100 in a workbook Excel saved with A1 = 1:
D1 =SUM(A1:C1) stored 6 is 105 now, so the inputs changed after Excel's last calculation. E3 =GET_FX(A1) (a UDF the
engine lacks) kept Excel's 2, its answer for A1 = 1, and F3 =E3*10 was computed from it, with the status ok: only a
kept cell reading a drifted formula cell was listed, not one reading the drifted cell's typed inputs. Which of D1's
inputs changed cannot be told: a kept cell reading any of them is listed, not kept. A kept cell reading other inputs
keeps its value, and so does one beside a formula whose value moved with the day (TODAY()), not with its inputs.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _saved(tmp_path: Path, formulas: dict[str, tuple[str, str]]) -> Path:
    """S: A1 = 100 (1 when Excel saved), B1 = 2, C1 = 3, B5 = 7 typed, ``formulas`` with their stored values."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["B5"] = 100, 2, 3, 7
    for ref, (formula, _) in formulas.items():
        sheet[ref] = formula
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as package, zipfile.ZipFile(path, "w") as out:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, (_, value) in formulas.items():
                    data, count = re.subn(
                        rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode(), rb"\1<v>" + value.encode() + b"</v>", data
                    )
                    assert count == 1, ref
            out.writestr(item, data)
    return path


def test_a_kept_value_over_an_input_a_drifted_formula_reads_is_listed(tmp_path: Path) -> None:
    path = _saved(
        tmp_path,
        {
            "D1": ("=SUM(A1:C1)", "6"),
            "E3": ("=GET_FX(A1)", "2"),
            "F3": ("=E3*10", "20"),
            "E4": ("=GET_FX(B5)", "70"),  # B5: read by no drifted cell, kept
        },
    )
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert sorted((u.address, u.kept) for u in result.unsupported) == [
        ("S!E3", False),
        ("S!E4", True),
        ("S!F3", False),
    ]
    reason = next(u.reason for u in result.unsupported if u.address == "S!E3")
    assert reason.endswith(
        "it reads S!A1, which S!D1 reads too, whose stored value 6 differs from its value now, 105: the file's values "
        "predate its inputs"
    )
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("D1", "E3", "F3", "E4")] == [105, None, None, 70]


def test_a_formula_moving_with_the_day_says_nothing_of_the_inputs(tmp_path: Path) -> None:
    # D2's stored value was for the day Excel saved the file (TODAY() was 45000): it differs now, A1 did not change
    path = _saved(tmp_path, {"D2": ("=TODAY()-A1", "44900"), "E3": ("=GET_FX(A1)", "2"), "F3": ("=E3*10", "20")})
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert [(u.address, u.kept) for u in result.unsupported] == [("S!E3", True)]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("E3", "F3")] == [2, 20]
