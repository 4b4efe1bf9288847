"""A workbook of one sheet ``S`` built from cells, recalculated by the embedded engine, read back; a workbook saved with
Excel 365's dynamic array formulas; a package part rewritten as another program writes it; formulas saved with the
values Excel stored for them; a workbook's reasons for its error cells once recalculated; a saved workbook recalculated
by the command in a new process, its listed and error cells with their reasons and its values (tests' helper)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

#: A lookup table of five rows: E1:E5 the keys 'p1'..'p5', F1:F5 the values 10..50 (the recalc tests of XLOOKUP, INDEX,
#: OFFSET, LET and @ read it).
LOOKUP_TABLE: dict[str, object] = {
    **{f"E{row}": f"p{row}" for row in range(1, 6)},
    **{f"F{row}": row * 10 for row in range(1, 6)},
}

#: The package part of a new workbook's first sheet.
SHEET1 = "xl/worksheets/sheet1.xml"


def sheet_book(cells: Mapping[str, object], names: Mapping[str, str] | None = None) -> openpyxl.Workbook:
    """A new workbook of one sheet ``S`` holding ``cells`` (address -> value or formula), with the workbook's defined
    ``names`` (name -> what it refers to, ``S!$A$1``); not saved."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    for name, text in (names or {}).items():
        book.defined_names[name] = DefinedName(name, attr_text=text)
    return book


def recalculated(tmp_path: Path, cells: dict[str, object], *, epoch_1904: bool = False) -> dict[str, object]:
    """The value of each of ``cells`` (sheet S: values and formulas) after the embedded engine recalculated them; the
    file must come out with status ``ok``. ``epoch_1904``: the workbook counts its dates from 1904 (a Mac's)."""
    book = sheet_book(cells)
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return {ref: out[ref].value for ref in cells}


def recalc_sheet(
    tmp_path: Path,
    cells: dict[str, object],
    names: dict[str, str] | None = None,
    arrays: dict[str, str] | None = None,
) -> tuple[object, dict[str, object]]:
    """Sheet S holding ``cells`` (``arrays``: one-cell array formulas), workbook ``names``; the report and the values
    of every cell written (any status)."""
    book = sheet_book(cells, names)
    for ref, formula in (arrays or {}).items():
        book["S"][ref] = ArrayFormula(ref, formula)
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in out.iter_rows() for c in row if c.value is not None}


def save_dynamic(book: openpyxl.Workbook, path: Path, refs: Iterable[str], part: str = SHEET1) -> Path:
    """``book`` saved at ``path`` with its array formulas at ``refs`` (cells of the sheet whose package part is
    ``part``) marked as Excel 365 marks a dynamic array formula (``cm="1"`` on the cell); each must be there."""
    plain = path.with_name(f"{path.stem}-plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == part:
                for ref in refs:
                    cell = f'<c r="{ref}"'.encode()
                    assert cell in data, ref
                    data = data.replace(cell, f'<c r="{ref}" cm="1"'.encode())
            new.writestr(item, data)
    return path


def rewrite_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """The package at ``path`` rewritten in place with its part ``part`` as ``change`` gives it (every other part's
    bytes, and the parts' order, kept)."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def store_cached(path: Path, stored: Mapping[str, str], part: str = SHEET1) -> Path:
    """The package at ``path`` rewritten in place with ``stored`` (cell -> text: ``"100"``, ``"#REF!"``) written as the
    cached values of those formula cells of the sheet ``part``, as Excel stores them (openpyxl stores none); each must
    be a formula cell there."""

    def cache(data: bytes) -> bytes:
        xml = data.decode()
        for ref, value in stored.items():
            kind = ' t="e"' if value.startswith("#") else ""
            xml, count = re.subn(
                rf'<c r="{ref}"([^>]*)>(<f>[^<]*</f>)<v\s*/>', rf'<c r="{ref}"\g<1>{kind}>\g<2><v>{value}</v>', xml
            )
            assert count == 1, ref
        return xml.encode()

    rewrite_part(path, part, cache)
    return path


def stored_book(path: Path, formulas: Mapping[str, str], stored: Mapping[str, str], rows: int = 5) -> Path:
    """Sheet S with A1:A``rows`` = 10, 20, ... and ``formulas``, saved at ``path`` with ``stored`` written as the
    formulas' cached values (:func:`store_cached`)."""
    sheet_book({**{f"A{i}": i * 10 for i in range(1, rows + 1)}, **formulas}).save(path)
    return store_cached(path, stored)


def recalc_stored(
    book: openpyxl.Workbook, folder: Path, stored: Mapping[str, str], refs: Iterable[str]
) -> tuple[dict[str, object], object]:
    """``book`` saved in ``folder`` with ``stored`` as its first sheet's cached values (:func:`store_cached`),
    recalculated by the embedded engine (any status): the values of ``refs`` on that sheet, and the report."""
    source = folder / "book.xlsx"
    book.save(source)
    store_cached(source, stored)
    result = recalc_file(source, folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)[book.active.title]
    return {ref: values[ref].value for ref in refs}, result


def lookup_reasons(book: openpyxl.Workbook, path: Path) -> tuple[object, dict[str, str]]:
    """``book`` saved at ``path`` and recalculated by :func:`xl_retention.recalc` (embedded engine, into ``out`` beside
    it; any status): the file's report and the reason of each error cell, by address (``Sheet!B1``)."""
    from xl_retention import recalc

    book.save(path)
    report = recalc([path], engine="embedded", output_dir=path.parent / "out").files[0]
    return report, {issue.address: issue.reason for issue in report.errors}


@dataclass
class CliRecalc:
    """What ``xl-retention recalc --engine embedded --json`` said of one workbook and wrote: its report (the JSON's
    file entry), the cells it listed (address -> (function, reason)), its error cells (address -> (error, reason)),
    and the values of the output's sheet (ref -> value)."""

    report: dict
    listed: dict[str, tuple[str, str]]
    errors: dict[str, tuple[str, str]]
    values: dict[str, object]


def recalc_cli(path: Path, sheet: str = "S") -> CliRecalc:
    """``path`` (a saved workbook) recalculated by the command as a user runs it (``python -m xl_retention recalc``, a
    new process; the package found through PYTHONPATH), its report's listed and error cells with their reasons, and
    the values the output (``<stem>.recalc.xlsx`` beside it) holds on ``sheet``."""
    done = subprocess.run(
        [sys.executable, "-m", "xl_retention", "recalc", str(path), "--engine", "embedded", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)["files"][0]
    output = path.with_name(f"{path.stem}.recalc.xlsx")
    values = {}
    if output.exists():
        cells = openpyxl.load_workbook(output, data_only=True)[sheet]
        values = {c.coordinate: c.value for row in cells.iter_rows() for c in row if c.value is not None}
    return CliRecalc(
        report,
        {u["address"]: (u["function"], u["reason"]) for u in report["unsupported"]},
        {e["address"]: (e["error"], e["reason"]) for e in report["errors"]},
        values,
    )
