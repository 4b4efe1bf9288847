"""Excel templates (.xltx, .xltm), which Excel opens as it opens a workbook, are recalculated like one: the result is
a template still (its content type, its macros), named NAME.recalc.xltx beside it or NAME.xltx in --output-dir."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc

TEMPLATE = b"application/vnd.ms-excel.template.macroEnabled.main+xml"


def _template(path: Path, macros: bool) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    wb.active["A1"] = 21
    wb.active["B1"] = "=A1*2"
    plain = path.with_suffix(".tmp.xlsx")
    wb.save(plain)
    kind = TEMPLATE if macros else b"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", kind)
            out.writestr(info.filename, data)
        if macros:
            out.writestr("xl/vbaProject.bin", b"not a real VBA project: kept byte for byte")
    plain.unlink()
    return path


def test_templates_in_a_folder_are_recalculated_and_stay_templates(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _template(tmp_path / "in" / "plain.xltx", macros=False)
    _template(tmp_path / "in" / "macros.xltm", macros=True)
    report = recalc(tmp_path / "in", engine="embedded", output_dir=tmp_path / "out")
    assert [(Path(f.path).name, f.status, Path(f.output or "").name) for f in report.files] == [
        ("macros.xltm", "ok", "macros.xltm"),
        ("plain.xltx", "ok", "plain.xltx"),
    ]
    for name in ("plain.xltx", "macros.xltm"):
        assert openpyxl.load_workbook(tmp_path / "out" / name, data_only=True)["S"]["B1"].value == 42
    with zipfile.ZipFile(tmp_path / "out" / "macros.xltm") as package:
        assert TEMPLATE in package.read("[Content_Types].xml")
        assert package.read("xl/vbaProject.bin") == b"not a real VBA project: kept byte for byte"


def test_a_template_given_by_name_is_written_beside_it(tmp_path: Path) -> None:
    path = _template(tmp_path / "budget.xltx", macros=False)
    report = recalc(path, engine="embedded")
    assert (report.files[0].status, report.files[0].output) == ("ok", str(tmp_path / "budget.recalc.xltx"))
    assert openpyxl.load_workbook(tmp_path / "budget.recalc.xltx", data_only=True)["S"]["B1"].value == 42
