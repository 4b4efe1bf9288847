"""Batch recalculation (``xl_retention.recalc`` and ``xl-retention recalc``) on real workbooks and real files.

Every workbook is built once per module from the template and copied into each test's tmp_path. The Customers
inputs are chosen so that every metric is an exact binary fraction: 800 customers at start and at end of every
month, 100 gained in even months and 200 in odd ones, so CRR is exactly 0.875 or 0.75 and churn 0.125 or 0.25.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest
from libreoffice import recalculate as libreoffice_recalculate
from libreoffice import render_pdf, soffice_path

from xl_retention.recalculation import CellIssue, FileReport, expand, recalc, recalc_file
from xl_retention.recalculation import excel as excel_engine
from xl_retention.workbook import build_template
from xl_retention.workbook.sample import sample_inputs

MONTHS = 24
GAINED = [100 if i % 2 == 0 else 200 for i in range(MONTHS)]
CRR = [0.875 if g == 100 else 0.75 for g in GAINED]  # (800 - gained) / 800
CHURN = [0.125 if g == 100 else 0.25 for g in GAINED]
CRR_HEADER = "Retention (CRR)"
ENCRYPTED_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FULL_CALC_ON_LOAD = re.compile(rb'\s+fullCalcOnLoad="1"')
EXCEL = excel_engine.available()
ON_LINUX = sys.platform.startswith("linux")


def tracker_inputs(gained: list[int] = GAINED) -> dict:
    inputs = sample_inputs(MONTHS, seed=7)
    inputs["Customers"] = {"start": [800], "gained": list(gained), "end": [800] * MONTHS}
    return inputs


# --- helpers ----------------------------------------------------------------------------------------------------------


def run_cli(*args: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "xl_retention", "recalc", *map(str, args)]
    env = {**os.environ, "COLUMNS": "400"}  # so that rich's table does not cut paths short
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)


def copy(source: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or source.name)
    shutil.copyfile(source, target)
    return target


def age(path: Path) -> tuple[bytes, int]:
    """Give ``path`` an old mtime, so that an unchanged mtime means something; return its bytes and mtime."""
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return path.read_bytes(), path.stat().st_mtime_ns


def cells(path: Path, data_only: bool = False) -> dict[str, dict[str, object]]:
    """Every non-empty cell: {sheet: {"F2": value}} (formulas as text unless data_only)."""
    wb = openpyxl.load_workbook(path, data_only=data_only)
    try:
        return {
            ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
            for ws in wb.worksheets
        }
    finally:
        wb.close()


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def sheet_parts(path: Path) -> dict[str, bytes]:
    return {name: data for name, data in entries(path).items() if name.startswith("xl/worksheets/sheet")}


def customers_column(path: Path, column: str) -> list[object]:
    wb = openpyxl.load_workbook(path, data_only=True)
    try:
        return [wb["Customers"][f"{column}{row}"].value for row in range(2, MONTHS + 2)]
    finally:
        wb.close()


def crr_f2(path: Path) -> object:
    wb = openpyxl.load_workbook(path, data_only=True)
    try:
        return wb["Customers"]["F2"].value
    finally:
        wb.close()


def one_line(message: str) -> bool:
    return bool(message) and "\n" not in message and "\r" not in message


# --- workbooks, built once --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("books")
    tracker = build_template(root / "tracker.xlsx", inputs=tracker_inputs())
    macro = build_template(root / "tracker.xlsm", inputs=tracker_inputs())
    # month 3 (row 4): 900 gained but 800 at end, from 800 at start: impossible, CRR is #NUM!
    inconsistent = build_template(root / "inconsistent.xlsx", inputs=tracker_inputs([100, 200, 900] + GAINED[3:]))
    partial = build_template(
        root / "partial.xlsx",
        inputs={"Customers": {"start": [800], "gained": GAINED[:3], "end": [800] * 3}},
    )
    circular = root / "circular.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    wb["Sheet1"]["A1"], wb["Sheet1"]["B1"] = "=B1+1", "=A1+1"
    wb.save(circular)
    return SimpleNamespace(
        tracker=tracker, macro=macro, inconsistent=inconsistent, partial=partial, circular=circular, root=root
    )


@pytest.fixture(scope="module")
def recalculated(books: SimpleNamespace, tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """The tracker (.xlsx and .xlsm) recalculated once by the API into a folder of their own."""
    folder = tmp_path_factory.mktemp("recalculated")
    source, macro = copy(books.tracker, folder), copy(books.macro, folder)
    report = recalc([source, macro], engine="embedded")
    return SimpleNamespace(
        report=report,
        source=source,
        out=folder / "tracker.recalc.xlsx",
        macro_source=macro,
        macro_out=folder / "tracker.recalc.xlsm",
    )


# --- 1. what the output keeps -----------------------------------------------------------------------------------------


def test_report_of_a_template(recalculated: SimpleNamespace) -> None:
    formulas = sum(
        isinstance(v, str) and v.startswith("=")
        for sheet in cells(recalculated.source).values()
        for v in sheet.values()
    )
    assert formulas > 700
    first = recalculated.report.files[0]
    assert recalculated.report.ok
    assert (first.path, first.output, first.status, first.engine) == (
        str(recalculated.source),
        str(recalculated.out),
        "ok",
        "embedded",
    )
    assert first.formulas == formulas
    assert first.errors == []
    assert first.message == ""
    took = first.seconds  # the report gives the time it took (speed itself is measured in bench/)
    assert took > 0
    assert recalculated.report.to_dict()["ok"] is True


@pytest.mark.parametrize("kind", ["xlsx", "xlsm"])
def test_every_formula_and_input_is_kept_cell_by_cell(recalculated: SimpleNamespace, kind: str) -> None:
    source, out = (
        (recalculated.source, recalculated.out)
        if kind == "xlsx"
        else (recalculated.macro_source, recalculated.macro_out)
    )
    before, after = cells(source), cells(out)
    assert list(after) == list(before)
    for sheet in before:
        assert after[sheet] == before[sheet], sheet
    assert re.search(r"CRR\(.*D2.*,.*C2.*,.*B2", after["Customers"]["F2"])  # its inputs, as the template reads them
    # the <f> elements themselves, byte for byte
    formula = re.compile(rb"<f>.*?</f>", re.S)
    before_parts, after_parts = sheet_parts(source), sheet_parts(out)
    assert list(after_parts) == list(before_parts)
    for name, data in before_parts.items():
        assert formula.findall(after_parts[name]) == formula.findall(data), name


def test_names_validations_number_formats_and_conf_sheet_are_kept(recalculated: SimpleNamespace) -> None:
    before = openpyxl.load_workbook(recalculated.source)
    after = openpyxl.load_workbook(recalculated.out)
    try:
        names = {n: d.attr_text for n, d in before.defined_names.items()}
        assert len(names) >= 53
        assert names["Customers_CRR"] == "'Customers'!$F$2:$F$25"
        assert {n: d.attr_text for n, d in after.defined_names.items()} == names
        for ws in before.worksheets:
            other = after[ws.title]
            validations = [
                (str(v.sqref), v.type, v.operator, v.formula1, v.formula2) for v in ws.data_validations.dataValidation
            ]
            assert [
                (str(v.sqref), v.type, v.operator, v.formula1, v.formula2)
                for v in other.data_validations.dataValidation
            ] == validations, ws.title
            formats = {c.coordinate: c.number_format for row in ws.iter_rows() for c in row if c.data_type == "f"}
            assert {c: other[c].number_format for c in formats} == formats, ws.title
        assert len(before["Customers"].data_validations.dataValidation) == 3
        assert after["Customers"]["F2"].number_format == "0.0%"
        conf = after["xlwings.conf"]
        assert (conf["A1"].value, conf["B1"].value) == ("UDF Modules", "xl_retention.udfs")
    finally:
        before.close()
        after.close()


@pytest.mark.parametrize("kind", ["xlsx", "xlsm"])
def test_every_other_package_part_is_byte_identical(recalculated: SimpleNamespace, kind: str) -> None:
    source, out = (
        (recalculated.source, recalculated.out)
        if kind == "xlsx"
        else (recalculated.macro_source, recalculated.macro_out)
    )
    before, after = entries(source), entries(out)
    assert list(after) == list(before)  # same parts, same order
    charts = [n for n in before if n.startswith(("xl/charts/", "xl/drawings/"))]
    assert len([n for n in charts if n.startswith("xl/charts/chart")]) >= 3
    for name in charts:
        assert after[name] == before[name], name
    for name, data in before.items():
        if name.startswith("xl/worksheets/sheet"):
            continue
        if name == "xl/workbook.xml":  # loses openpyxl's fullCalcOnLoad flag; calcId says "current engine"
            assert FULL_CALC_ON_LOAD.search(data)
            expected = FULL_CALC_ON_LOAD.sub(b"", data).replace(b'calcId="124519"', b'calcId="191029"')
            assert after[name] == expected
        else:
            assert after[name] == data, name


def test_xlsm_stays_macro_enabled(recalculated: SimpleNamespace) -> None:
    assert recalculated.report.files[1].output == str(recalculated.macro_out)
    before, after = entries(recalculated.macro_source), entries(recalculated.macro_out)
    assert after["[Content_Types].xml"] == before["[Content_Types].xml"]
    assert b"application/vnd.ms-excel.sheet.macroEnabled.main+xml" in after["[Content_Types].xml"]
    assert customers_column(recalculated.macro_out, "F") == CRR


# --- 2. stored values -------------------------------------------------------------------------------------------------


def test_every_formula_cell_has_a_cached_value(recalculated: SimpleNamespace) -> None:
    for name, data in sheet_parts(recalculated.out).items():
        assert data.count(b"<f>") == len(re.findall(rb"</f><v>[^<]*</v></c>", data)), name
    source_parts = sheet_parts(recalculated.source)
    assert sum(data.count(b"<v>") for data in source_parts.values()) < sum(
        data.count(b"<v>") for data in sheet_parts(recalculated.out).values()
    )


def test_stored_values_read_back_with_openpyxl(recalculated: SimpleNamespace) -> None:
    assert customers_column(recalculated.out, "F") == CRR
    assert customers_column(recalculated.out, "G") == CHURN
    assert customers_column(recalculated.out, "E") == GAINED  # lost = start + gained - end
    assert customers_column(recalculated.out, "B") == [800] * MONTHS
    wb = openpyxl.load_workbook(recalculated.out, data_only=True)
    try:
        assert wb["Lifetime value"]["B5"].value == 0.1875  # the average churn of the last 12 months
        scores = sample_inputs(MONTHS, seed=7)["NPS scores"]
        assert [wb["NPS"][f"B{r}"].value for r in range(2, MONTHS + 2)] == [len(s) for s in scores]
        assert [wb["NPS"][f"C{r}"].value for r in range(2, MONTHS + 2)] == [
            sum(score >= 9 for score in s) for s in scores
        ]
        assert wb["Cohorts"]["B31"].value == 1  # month 0 of the first cohort: all still active
    finally:
        wb.close()


def test_pandas_reads_the_crr_column_as_numbers(recalculated: SimpleNamespace) -> None:
    frame = pd.read_excel(recalculated.out, sheet_name="Customers")
    crr = frame[CRR_HEADER].iloc[:MONTHS]
    assert crr.dtype == "float64"
    assert crr.tolist() == CRR
    assert frame["Churn rate"].iloc[:MONTHS].tolist() == CHURN


def test_an_error_computed_by_a_formula_is_cached_as_an_error(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.inconsistent, tmp_path)
    report = recalc(source, engine="embedded")
    [file] = report.files
    assert file.status == "ok" and report.ok  # an error in a cell is a result, not a failure
    why = "customers_end (800) is below customers_gained (900): the customers at the end include everyone gained who "
    why += "stayed: customers_end in Customers!D4 (Customers at end), customers_gained in Customers!C4 (Gained (new + "
    why += "reactivated)) (#NUM!)"  # the cells compared, named (H138's finding 01)
    assert file.errors == [  # not the chart columns' #N/A gaps (NA()), asked for; each with its reason
        CellIssue(address="Customers!E4", error="#NUM!", reason=f"CUSTOMERS_LOST: {why}"),
        CellIssue(address="Customers!F4", error="#NUM!", reason=f"CRR: {why}"),
        CellIssue(address="Customers!G4", error="#NUM!", reason=f"CHURN_RATE: {why}"),
    ]
    out = Path(file.output)
    wb = openpyxl.load_workbook(out, data_only=True)
    try:
        cell = wb["Customers"]["F4"]
        assert (cell.value, cell.data_type) == ("#NUM!", "e")
        assert wb["Customers"]["F3"].value == 0.75 and wb["Customers"]["F5"].value == 0.75
    finally:
        wb.close()
    crr = pd.read_excel(out, sheet_name="Customers")[CRR_HEADER].iloc[:MONTHS]
    assert pd.isna(crr.iloc[2])
    assert crr.drop(index=2).tolist() == CRR[:2] + CRR[3:]


def test_months_not_yet_filled_stay_blank(books: SimpleNamespace, tmp_path: Path) -> None:
    """A tracker filled up to month 3: month 4 on are blank, not #VALUE! (so the report lists no Customers cell)."""
    report = recalc(copy(books.partial, tmp_path), engine="embedded")
    assert customers_column(Path(report.files[0].output), "F")[:4] == [0.875, 0.75, 0.875, None]
    assert [e for e in report.files[0].errors if e.address.startswith("Customers!")] == []


# --- 3. where the output goes -----------------------------------------------------------------------------------------


def test_cli_writes_name_recalc_xlsx_beside_the_input(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.tracker, tmp_path)
    data, mtime = age(source)
    result = run_cli(source)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "tracker.recalc.xlsx"
    assert customers_column(out, "F") == CRR
    assert (source.read_bytes(), source.stat().st_mtime_ns) == (data, mtime)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.recalc.xlsx", "tracker.xlsx"]


def test_cli_output_dir_is_created_and_gets_the_same_name(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.tracker, tmp_path / "in")
    data, mtime = age(source)
    target = tmp_path / "out" / "nested"
    result = run_cli("--output-dir", target, source)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in target.iterdir()] == ["tracker.xlsx"]
    assert customers_column(target / "tracker.xlsx", "F") == CRR
    assert (source.read_bytes(), source.stat().st_mtime_ns) == (data, mtime)
    assert [p.name for p in source.parent.iterdir()] == ["tracker.xlsx"]


def test_cli_in_place_replaces_the_input(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.tracker, tmp_path)
    data, _ = age(source)
    result = run_cli("--in-place", "--json", source)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["files"][0]["output"] == str(source)
    assert source.read_bytes() != data
    assert customers_column(source, "F") == CRR
    assert cells(source) == cells(books.tracker)  # formulas unchanged
    assert [p.name for p in tmp_path.iterdir()] == ["tracker.xlsx"]  # no output beside it, no temporary file left


def test_in_place_and_output_dir_exclude_each_other(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.tracker, tmp_path)
    with pytest.raises(ValueError, match="either output_dir or in_place"):
        recalc(source, engine="embedded", output_dir=tmp_path / "out", in_place=True)
    result = run_cli("--in-place", "--output-dir", tmp_path / "out", source)
    assert result.returncode == 2 and "not allowed with argument" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["tracker.xlsx"]


def test_in_place_through_a_symlink_keeps_the_link_and_the_mode(books: SimpleNamespace, tmp_path: Path) -> None:
    real = copy(books.tracker, tmp_path)
    real.chmod(0o640)
    link = tmp_path / "link.xlsx"
    link.symlink_to(real.name)
    report = recalc(link, engine="embedded", in_place=True)
    assert report.ok
    assert link.is_symlink() and customers_column(real, "F") == CRR
    assert real.stat().st_mode & 0o777 == 0o640


def test_output_dir_equal_to_the_input_folder_never_overwrites_the_input(
    books: SimpleNamespace, tmp_path: Path
) -> None:
    source = copy(books.tracker, tmp_path)
    data, _ = age(source)
    report = recalc(source, engine="embedded", output_dir=tmp_path)
    assert source.read_bytes() == data
    assert report.files[0].output != str(source)


def test_same_names_from_two_folders_do_not_overwrite_each_other(books: SimpleNamespace, tmp_path: Path) -> None:
    first, second = copy(books.tracker, tmp_path / "a"), copy(books.inconsistent, tmp_path / "b", "tracker.xlsx")
    report = recalc([first, second], engine="embedded", output_dir=tmp_path / "out")
    written = [f.output for f in report.files if f.status == "ok"]
    assert len(set(written)) == len(written), written


def test_a_rerun_replaces_its_earlier_result_after_the_input_changed(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.inconsistent, tmp_path, "tracker.xlsx")
    assert recalc(source, engine="embedded").files[0].errors  # month 3 is impossible: #NUM! in F4
    out = tmp_path / "tracker.recalc.xlsx"
    assert customers_column(out, "F")[2] == "#NUM!"
    shutil.copyfile(books.tracker, source)  # the user corrects the data and runs it again
    report = recalc(source, engine="embedded")
    assert report.ok and report.files[0].output == str(out)
    assert customers_column(out, "F") == CRR


@pytest.mark.parametrize("kind", ["workbook", "text", "folder"])
def test_an_existing_output_that_is_not_an_earlier_result_is_kept(
    books: SimpleNamespace, tmp_path: Path, kind: str
) -> None:
    """--output-dir holding the user's own file of the same name: the file is named and kept, byte for byte."""
    source = copy(books.tracker, tmp_path / "in")
    target = tmp_path / "reports" / "tracker.xlsx"
    target.parent.mkdir()
    if kind == "workbook":
        wb = openpyxl.Workbook()
        wb.active.title = "Budget"
        wb.active["A1"] = "my own figures"
        wb.save(target)
    elif kind == "text":
        target.write_text("notes\n", encoding="utf-8")
    else:
        target.mkdir()
    before = target.read_bytes() if kind != "folder" else None
    report = recalc(source, engine="embedded", output_dir=target.parent)
    file = report.files[0]
    assert file.status == "failed" and one_line(file.message)
    assert str(target) in file.message and "not replaced" in file.message
    if kind == "workbook":
        assert "other sheets (Budget)" in file.message
    if before is not None:
        assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["tracker.xlsx"]  # no temporary file left
    result = run_cli("--output-dir", target.parent, source)
    assert (
        result.returncode == 1 and "not replaced" in result.stdout and "Traceback" not in result.stdout + result.stderr
    )


# --- 4. bad files in a batch ------------------------------------------------------------------------------------------


@pytest.fixture
def bad_batch(books: SimpleNamespace, tmp_path: Path) -> SimpleNamespace:
    folder = tmp_path / "batch"
    folder.mkdir()
    missing = folder / "missing.xlsx"
    text = folder / "bad.xlsx"
    text.write_text("this is not a workbook\n", encoding="utf-8")
    corrupt = folder / "corrupt.xlsx"
    data = books.tracker.read_bytes()
    corrupt.write_bytes(data[: len(data) // 2])
    locked = folder / "locked.xlsx"
    locked.write_bytes(ENCRYPTED_HEADER + bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(4096))  # its stream
    good = copy(books.tracker, folder, "good.xlsx")
    return SimpleNamespace(folder=folder, bad=[missing, text, corrupt, locked], good=good)


def test_bad_files_fail_alone_with_one_line_each(bad_batch: SimpleNamespace) -> None:
    paths = [*bad_batch.bad[:2], bad_batch.good, *bad_batch.bad[2:]]
    before = {p: p.read_bytes() for p in paths if p.exists()}
    report = recalc(paths, engine="embedded")
    assert [f.path for f in report.files] == [str(p) for p in paths]
    assert not report.ok
    good = report.files[2]
    assert (good.status, good.output, good.message) == ("ok", str(bad_batch.folder / "good.recalc.xlsx"), "")
    assert customers_column(Path(good.output), "F") == CRR
    assert [f.path for f in report.failed] == [str(p) for p in bad_batch.bad]
    for file, path in zip(report.failed, bad_batch.bad, strict=True):
        assert file.output is None and file.formulas == 0 and file.errors == []
        assert one_line(file.message), file.message
        assert path.name in file.message, file.message
    messages = {Path(f.path).name: f.message for f in report.failed}
    assert messages["missing.xlsx"] == f"no such file: {bad_batch.bad[0]}"
    assert "encrypted" in messages["locked.xlsx"]
    assert "corrupt" in messages["corrupt.xlsx"] and "not a workbook" in messages["bad.xlsx"]
    assert {p: p.read_bytes() for p in before} == before
    assert sorted(p.name for p in bad_batch.folder.iterdir()) == [
        "bad.xlsx",
        "corrupt.xlsx",
        "good.recalc.xlsx",
        "good.xlsx",
        "locked.xlsx",
    ]


def test_cli_bad_files_exit_non_zero_with_a_json_report(bad_batch: SimpleNamespace) -> None:
    paths = [*bad_batch.bad, bad_batch.good]
    result = run_cli("--json", *paths)
    assert result.returncode != 0
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert [f["path"] for f in report["files"]] == [str(p) for p in paths]
    assert [f["status"] for f in report["files"]] == ["failed"] * 4 + ["ok"]
    for entry, path in zip(report["files"][:4], bad_batch.bad, strict=True):
        assert entry["output"] is None
        assert one_line(entry["message"]) and path.name in entry["message"]
    assert report["files"][4]["output"] == str(bad_batch.folder / "good.recalc.xlsx")
    assert report["files"][4]["errors"] == []
    plain = run_cli(*paths)  # the table
    assert plain.returncode == 1
    assert "failed" in plain.stdout and "good.recalc.xlsx" in plain.stdout


def _zip_replacing(source: Path, target: Path, part: str, data: bytes | None) -> Path:
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy_:
        for info in package.infolist():
            if info.filename == part:
                if data is not None:
                    copy_.writestr(info, data)
            else:
                copy_.writestr(info, package.read(info))
    return target


CUSTOMERS_PART = "xl/worksheets/sheet3.xml"


def _damaged_member(source: Path, target: Path) -> Path:
    """The Customers part's deflate data starts with a block of the reserved type 3: zlib fails on it."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as package:
        info = package.getinfo(CUSTOMERS_PART)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start] = 0xFF
    target.write_bytes(bytes(data))
    return target


def _wrong_checksum(source: Path, target: Path) -> Path:
    """The Customers part intact, but its CRC-32 in the local and central headers off by one bit."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as package:
        info = package.getinfo(CUSTOMERS_PART)
    wrong = (info.CRC ^ 1).to_bytes(4, "little")
    data[info.header_offset + 14 : info.header_offset + 18] = wrong
    for match in re.finditer(rb"PK\x01\x02", data):
        at = match.start()
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == CUSTOMERS_PART.encode():
            data[at + 16 : at + 20] = wrong
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize(
    "kind",
    [
        "no workbook part",
        "not a workbook suffix",
        "wrong checksum",
        "damaged deflate data",
        "malformed sheet xml",
    ],
)
def test_other_damaged_packages_fail_with_a_message_naming_the_file(
    books: SimpleNamespace, tmp_path: Path, kind: str
) -> None:
    name = "damaged.xlsx"
    if kind == "no workbook part":
        path = _zip_replacing(books.tracker, tmp_path / name, "xl/workbook.xml", None)
    elif kind == "not a workbook suffix":
        name = "tracker.csv"
        path = copy(books.tracker, tmp_path, name)
    elif kind == "wrong checksum":
        path = _wrong_checksum(books.tracker, tmp_path / name)
    elif kind == "damaged deflate data":
        path = _damaged_member(books.tracker, tmp_path / name)
    else:
        path = _zip_replacing(books.tracker, tmp_path / name, CUSTOMERS_PART, b"<worksheet garbage")
    good = copy(books.tracker, tmp_path, "good.xlsx")
    report = recalc([path, good], engine="embedded")
    assert [f.status for f in report.files] == ["failed", "ok"]
    assert report.files[0].output is None
    message = report.files[0].message
    assert one_line(message), message
    assert name in message, message


# --- 5. a folder as PATH ----------------------------------------------------------------------------------------------


def test_a_folder_recalculates_its_workbooks_but_not_lock_files_or_outputs(
    books: SimpleNamespace, tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    a, b = copy(books.tracker, folder, "a.xlsx"), copy(books.macro, folder, "b.xlsm")
    (folder / "~$a.xlsx").write_bytes(b"\x05owner" + bytes(150))  # Excel's lock file
    for name, book in (("old.xlsx", books.tracker), ("old.xlsm", books.macro)):  # earlier outputs, told by the
        source = copy(book, folder, name)  # line their zip comment carries (a workbook only named so is recalculated:
        assert recalc(source, engine="embedded").ok  # tests/test_batch_recalc_named_workbooks.py)
        source.unlink()
    assert sorted(p.name for p in folder.glob("old.*")) == ["old.recalc.xlsm", "old.recalc.xlsx"]
    (folder / "notes.txt").write_text("not a workbook", encoding="utf-8")
    copy(books.tracker, folder / "sub", "deeper.xlsx")
    assert expand([folder]) == [a, b]
    report = recalc(folder, engine="embedded")
    assert [(f.path, f.status) for f in report.files] == [(str(a), "ok"), (str(b), "ok")]
    assert [f.output for f in report.files] == [str(folder / "a.recalc.xlsx"), str(folder / "b.recalc.xlsm")]
    assert customers_column(folder / "b.recalc.xlsm", "F") == CRR
    assert not (folder / "~$a.recalc.xlsx").exists() and not (folder / "sub" / "deeper.recalc.xlsx").exists()
    # a second run over the same folder does not pick up the outputs of the first
    result = run_cli("--json", folder)
    assert result.returncode == 0, result.stderr
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(a), str(b)]


def test_cli_a_folder_without_workbooks_fails_with_json_too(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    plain = run_cli(tmp_path)
    assert (plain.returncode, plain.stdout, plain.stderr.strip()) == (
        1,
        "",
        f"xl-retention: error: no .xlsx or .xlsm files in {str(tmp_path)!r}",
    )
    as_json = run_cli("--json", tmp_path)
    assert as_json.returncode != 0
    assert as_json.stderr.strip() == plain.stderr.strip()


def test_cli_a_folder_whose_workbooks_are_in_subfolders_names_them(books: SimpleNamespace, tmp_path: Path) -> None:
    """Only a folder's own files are recalculated: when it has none, the message says where its workbooks are."""
    folder = tmp_path / "My Reports"
    copy(books.tracker, folder / "2026", "q1.xlsx")
    copy(books.tracker, folder / "teams" / "eu", "q2.xlsx")
    plain = run_cli(folder)
    assert (plain.returncode, plain.stdout) == (1, "")
    assert plain.stderr.strip() == (
        f"xl-retention: error: no .xlsx or .xlsm files in {str(folder)!r} (subfolders are not searched; workbooks "
        f"are in {str(folder / '2026')!r}, {str(folder / 'teams' / 'eu')!r}: give those)"
    )


# --- 6. an output folder that cannot be written -----------------------------------------------------------------------


def test_an_output_folder_that_cannot_be_made_fails_the_file_only(books: SimpleNamespace, tmp_path: Path) -> None:
    first, second = copy(books.tracker, tmp_path, "a.xlsx"), copy(books.tracker, tmp_path, "b.xlsx")
    data, mtime = age(first)
    target = Path("/proc/xl-retention-no-such-dir")
    report = recalc([first, second], engine="embedded", output_dir=target)
    assert [f.status for f in report.files] == ["failed", "failed"]
    for file in report.files:
        assert file.output is None
        assert one_line(file.message) and str(target) in file.message, file.message
    assert (first.read_bytes(), first.stat().st_mtime_ns) == (data, mtime)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]
    # nothing else broke: the same files recalculate normally afterwards
    assert recalc([first, second], engine="embedded").ok
    result = run_cli("--json", "--output-dir", target, first)
    assert result.returncode == 1
    [entry] = json.loads(result.stdout)["files"]
    assert entry["status"] == "failed" and one_line(entry["message"])


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_a_read_only_output_folder_fails_the_file_only(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.tracker, tmp_path / "in")
    data, mtime = age(source)
    target = tmp_path / "read-only"
    target.mkdir()
    target.chmod(0o555)
    try:
        report = recalc(source, engine="embedded", output_dir=target)
        [file] = report.files
        assert file.status == "failed" and file.output is None
        assert one_line(file.message), file.message
        assert list(target.iterdir()) == []
    finally:
        target.chmod(0o755)
    assert (source.read_bytes(), source.stat().st_mtime_ns) == (data, mtime)


# --- 7. a file vanishing mid-batch ------------------------------------------------------------------------------------


def test_a_file_vanishing_mid_batch_fails_alone(books: SimpleNamespace, tmp_path: Path) -> None:
    inputs = [copy(books.tracker, tmp_path, f"m{i}.xlsx") for i in range(3)]
    seen: list[FileReport] = []

    def progress(file: FileReport) -> None:
        seen.append(file)
        if len(seen) == 1:
            inputs[-1].unlink()

    report = recalc(inputs, engine="embedded", progress=progress)
    assert [f.path for f in seen] == [str(p) for p in inputs]
    assert [f.status for f in report.files] == ["ok", "ok", "failed"]
    assert report.files[2].message == f"no such file: {inputs[2]}"
    assert report.files[2].output is None
    assert customers_column(tmp_path / "m1.recalc.xlsx", "F") == CRR
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m0.recalc.xlsx", "m0.xlsx", "m1.recalc.xlsx", "m1.xlsx"]


# --- 8. an interrupted in-place run -----------------------------------------------------------------------------------


def test_an_in_place_run_killed_at_any_moment_leaves_the_old_or_the_new_workbook(
    books: SimpleNamespace, tmp_path: Path
) -> None:
    original = books.tracker.read_bytes()
    reference = copy(books.tracker, tmp_path / "reference")
    started = time.perf_counter()
    assert run_cli("--in-place", reference).returncode == 0
    full = time.perf_counter() - started
    recalculated = reference.read_bytes()
    # kills spread from 0 (before anything) to a little after an uninterrupted run would have finished
    runs = 10
    longest = min(1.5, 1.25 * full)
    outcomes = []
    for i in range(runs):
        folder = tmp_path / f"run{i}"
        target = copy(books.tracker, folder)
        command = [sys.executable, "-m", "xl_retention", "recalc", "--in-place", str(target)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(longest * i / (runs - 1))
        process.send_signal(signal.SIGKILL)  # a no-op if it has already finished
        process.wait(timeout=60)
        data = target.read_bytes()
        if data == original:
            outcomes.append("old")
        else:
            assert data == recalculated, f"run {i}: neither the original nor the recalculated workbook"
            assert crr_f2(target) == 0.875
            outcomes.append("new")
        for leftover in folder.iterdir():
            if leftover != target:
                assert re.fullmatch(r"\.tracker\.xlsx\..+\.tmp", leftover.name), leftover.name
        assert expand([folder]) == [target]
    assert outcomes[0] == "old", outcomes


# --- 9. a circular reference ------------------------------------------------------------------------------------------


def test_a_circular_reference_fails_without_output(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.circular, tmp_path)
    report = recalc(source, engine="embedded")  # no hang: the engine detects the cycle
    [file] = report.files
    assert (file.status, file.output) == ("failed", None)
    assert file.message.startswith("circular.xlsx: circular reference:"), file.message
    assert "Sheet1!A1" in file.message and "Sheet1!B1" in file.message
    assert one_line(file.message)
    assert [p.name for p in tmp_path.iterdir()] == ["circular.xlsx"]
    direct = recalc_file(source, tmp_path / "out" / "circular.xlsx")
    assert direct.status == "failed" and direct.message == file.message
    assert not (tmp_path / "out" / "circular.xlsx").exists()
    result = run_cli("--json", source, timeout=60)
    assert result.returncode == 1
    assert json.loads(result.stdout)["files"][0]["message"] == file.message


# --- 10. worker processes ---------------------------------------------------------------------------------------------


def test_jobs_2_gives_the_same_outputs_as_jobs_1(books: SimpleNamespace, tmp_path: Path) -> None:
    sources = [copy(books.tracker, tmp_path / "in", f"t{i}.xlsx") for i in range(4)]
    reports = {}
    for jobs in (1, 2):
        result = run_cli("--jobs", jobs, "--json", "--output-dir", tmp_path / f"jobs{jobs}", tmp_path / "in")
        assert result.returncode == 0, result.stderr
        reports[jobs] = json.loads(result.stdout)
        assert reports[jobs]["ok"] is True
        assert [f["path"] for f in reports[jobs]["files"]] == [str(p) for p in sources]
        assert [f["status"] for f in reports[jobs]["files"]] == ["ok"] * 4
    for source in sources:
        one, two = tmp_path / "jobs1" / source.name, tmp_path / "jobs2" / source.name
        assert cells(two, data_only=True) == cells(one, data_only=True)
        assert entries(two) == entries(one)
    assert customers_column(tmp_path / "jobs2" / "t3.xlsx", "F") == CRR
    assert [f["formulas"] for f in reports[2]["files"]] == [f["formulas"] for f in reports[1]["files"]]


# --- 11, 12. engines --------------------------------------------------------------------------------------------------


@pytest.mark.skipif(EXCEL, reason="Microsoft Excel is installed here")
def test_engine_excel_without_excel_raises_and_points_to_embedded(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.tracker, tmp_path)
    with pytest.raises(RuntimeError, match="embedded"):
        recalc(source, engine="excel")
    result = run_cli("--engine", "excel", source)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("xl-retention: error:") and "embedded" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["tracker.xlsx"]


@pytest.mark.skipif(not EXCEL, reason="needs Microsoft Excel")
def test_engine_excel_recalculates_a_template(books: SimpleNamespace, tmp_path: Path) -> None:
    source = copy(books.tracker, tmp_path)
    report = recalc(source, engine="excel")
    [file] = report.files
    assert (file.status, file.engine) == ("ok", "excel"), file.message
    assert customers_column(Path(file.output), "F") == CRR
    assert cells(Path(file.output))["Customers"] == cells(source)["Customers"]


def test_unknown_engine_is_rejected(books: SimpleNamespace, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="engine must be auto, excel or embedded"):
        recalc(copy(books.tracker, tmp_path), engine="libreoffice")  # type: ignore[arg-type]


@pytest.mark.skipif(not ON_LINUX, reason="Excel may be installed off Linux")
def test_engine_auto_picks_the_embedded_engine_on_linux(books: SimpleNamespace, tmp_path: Path) -> None:
    report = recalc(copy(books.tracker, tmp_path), engine="auto")
    assert [(f.status, f.engine) for f in report.files] == [("ok", "embedded")]
    result = run_cli("--json", copy(books.tracker, tmp_path, "cli.xlsx"))
    assert json.loads(result.stdout)["files"][0]["engine"] == "embedded"


# --- 13. LibreOffice opens the result ---------------------------------------------------------------------------------

needs_soffice = pytest.mark.skipif(soffice_path() is None, reason="needs LibreOffice (soffice)")


@pytest.fixture(scope="module")
def pdf(recalculated: SimpleNamespace, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_pdf(recalculated.out, tmp_path_factory.mktemp("pdf"), recalculate=False)


@needs_soffice
def test_libreoffice_prints_the_recalculated_workbook(pdf: Path) -> None:
    assert pdf.name == "tracker.recalc.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


@needs_soffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_libreoffice_shows_the_stored_values(pdf: Path) -> None:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "87.5%" in text and "75.0%" in text  # CRR as stored, which LibreOffice cannot compute itself


@needs_soffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_libreoffice_shows_no_name_errors_in_the_recalculated_workbook(pdf: Path) -> None:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # the Start here sheet explains "#NAME?: the functions are not loaded ... again: #NAME? there, Err:504 in the sBG
    # fit's cells"; no cell shows the error
    assert text.count("#NAME?") == text.count("#NAME?:") + text.count("#NAME? there")
    # LibreOffice's own errors (Err:509 when a formula does not parse) in no cell, Start here's Err:504 apart
    assert text.count("Err:") == text.count("Err:504 in the sBG") == 1


@needs_soffice
def test_libreoffice_recalculation_keeps_the_formulas(recalculated: SimpleNamespace, tmp_path: Path) -> None:
    converted = libreoffice_recalculate(recalculated.out, tmp_path / "lo")
    wb = openpyxl.load_workbook(converted)
    try:
        assert wb.sheetnames == list(cells(recalculated.out))
        assert re.search(r"crr\(.*d2.*,.*c2.*,.*b2", str(wb["Customers"]["F2"].value).lower())
        assert re.search(r"clv\(.*b3.*,.*b4.*,.*b5.*,.*b6", str(wb["Lifetime value"]["B8"].value).lower())
    finally:
        wb.close()


def test_the_python_api_checks_what_the_command_checks(books: SimpleNamespace, tmp_path: Path) -> None:
    """recalc() from Python refuses an in-place workbook open in Excel, and reports a tracker's input its formulas
    do not read (a month typed below the last row) as incomplete, as the command does."""
    source = copy(books.partial, tmp_path, "t.xlsx")
    data = source.read_bytes()
    lock = tmp_path / "~$t.xlsx"
    lock.write_bytes(b"\x05alice" + b" " * 49)
    file = recalc(source, engine="embedded", in_place=True).files[0]
    assert file.status == "failed" and "is open in Excel by alice (its lock file ~$t.xlsx is beside it)" in file.message
    assert source.read_bytes() == data
    lock.unlink()
    wb = openpyxl.load_workbook(source)
    last = wb["Customers"].max_row
    wb["Customers"].cell(last + 1, 1).value = dt.datetime(2030, 1, 1)
    wb["Customers"].cell(last + 1, 3).value = 7
    wb.save(source)
    file = recalc(source, engine="embedded").files[0]
    assert file.status == "incomplete" and not recalc(source, engine="embedded").ok
    assert f"'Customers'!A{last + 1} holds a figure below the tracker's last month" in file.message


def test_recalc_file_names_a_wrong_engine_and_a_missing_excel(tmp_path):
    """recalc_file checks its engine as recalc does: a typo raises ValueError naming it; "excel" where xlwings cannot
    drive Excel is a failed file with the CLI's one line, not an internal AttributeError text (H20 g09)."""
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["B1"] = 2, "=A1*2"
    wb.save(tmp_path / "a.xlsx")
    with pytest.raises(ValueError, match="engine must be auto, excel or embedded, got 'embeded'"):
        recalc_file(tmp_path / "a.xlsx", tmp_path / "o.xlsx", engine="embeded")
    assert not (tmp_path / "o.xlsx").exists()
    if sys.platform not in ("win32", "darwin"):
        report = recalc_file(tmp_path / "a.xlsx", tmp_path / "o.xlsx", engine="excel")
        assert (report.status, report.message) == (
            "failed",
            "a.xlsx: engine 'excel' needs Microsoft Excel (Windows or macOS); use 'embedded'",
        )
