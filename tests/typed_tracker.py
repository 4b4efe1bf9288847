"""A tracker with cells typed over it, saved; recalculated in place by the embedded engine; a new tracker's reasons
for its error cells once cells are typed over it; a new tracker with four months' customers typed (with revenue too);
``recalc --json`` run in process and its report; the text of a hidden defined name; cells typed into a tracker's
package as ``upgrade`` and ``extend`` read it; a command's output run in process (tests' helper)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Mapping
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip


def typed_over(path: Path, typed: Mapping[str, Mapping[str, object]]) -> Path:
    """The workbook at ``path`` with ``typed`` (sheet -> cell -> value) typed over it, saved in place."""
    wb = openpyxl.load_workbook(path)
    for sheet, cells in typed.items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    wb.save(path)
    return path


def recalculated(path: Path, typed: Mapping[str, Mapping[str, object]]) -> openpyxl.Workbook:
    """The workbook at ``path`` with ``typed`` typed over it (:func:`typed_over`), recalculated in place by the
    embedded engine (status ``ok``): its values."""
    typed_over(path, typed)
    report = recalc_file(path, path, engine="embedded", in_place=True)
    assert report.status == "ok", report.message
    return openpyxl.load_workbook(path, data_only=True)


def new_tracker_reasons(
    tmp_path: Path, typed: Mapping[str, Mapping[str, object]], *, start: str, months: int
) -> dict[str, str]:
    """A new tracker (``t.xlsx``: from ``start``, ``months`` months) with ``typed`` typed over it (:func:`typed_over`),
    recalculated by the embedded engine into ``out.xlsx`` (any status): the reason of each error cell, by address."""
    path = typed_over(build_template(tmp_path / "t.xlsx", start=start, months=months), typed)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    return {e.address: e.reason for e in report.errors}


def four_months_counted(tmp_path: Path, typed: Mapping[str, Mapping[str, object]] | None = None) -> Path:
    """A new tracker (``t.xlsx``: from 2026-08, six months) with its first four months' customers typed (2412 at
    start; gained 137, 141, 129, 145; at end 2421, 2436, 2440, 2451: H242's tracker), then ``typed`` (sheet -> cell ->
    value, None to clear it) over it; saved once."""
    path = build_template(tmp_path / "t.xlsx", start="2026-08", months=6)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"] = 2412
    for row, (gained, end) in enumerate([(137, 2421), (141, 2436), (129, 2440), (145, 2451)], start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
    for sheet, cells in (typed or {}).items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    wb.save(path)
    return path


def four_months_with_revenue(folder: Path, typed: Mapping[str, Mapping[str, object]] | None = None) -> Path:
    """A new tracker (``folder/t.xlsx``: from 2026-01, six months) with January to April typed: Customers 200 at
    start, gained 20, 15, 10, 5, at end 210, 212, 215, 218; Revenue 10,000 at start, 500 new and 100 churned a month;
    a gross margin of 80% (H387's tracker); then ``typed`` (sheet -> cell -> value) over it; saved once."""
    path = build_template(folder / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 200, 10000
    for row, (gained, end) in enumerate([(20, 210), (15, 212), (10, 215), (5, 218)], start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        for column, amount in zip("CDEFG", (500, 0, 0, 0, 100), strict=True):
            revenue[f"{column}{row}"] = amount
    wb["Lifetime value"]["B4"] = 0.8
    for sheet, cells in (typed or {}).items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    wb.save(path)
    return path


def recalc_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], path: Path
) -> tuple[dict[str, object], openpyxl.Workbook]:
    """``recalc PATH --engine embedded --json --output-dir tmp_path/out`` in process (any status): the file's report
    (its JSON object) and the values of the file it wrote."""
    capsys.readouterr()
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report, openpyxl.load_workbook(report["output"], data_only=True)


def hidden_name(path: Path, name: str) -> str | None:
    """What the hidden defined name ``name`` of the workbook at ``path`` holds, as xl/workbook.xml writes it; None
    where the workbook has no such hidden name."""
    xml = zipfile.ZipFile(path).read("xl/workbook.xml").decode()
    found = re.search(r'<definedName name="' + re.escape(name) + r'" hidden="1">([^<]*)</definedName>', xml)
    return found.group(1) if found else None


def typed_in_place(path: Path, typed: Mapping[str, Mapping[str, object]]) -> Path:
    """The tracker at ``path`` with ``typed`` (sheet -> cell -> value; a text starting ``=`` is a formula) written
    into its package as the workbook stands (each cell's style kept; no openpyxl round trip), saved in place."""
    package = ip.Package(path)
    for title, cells in typed.items():
        xml = package.sheet(title)
        for ref, value in cells.items():
            if isinstance(value, str) and value.startswith("="):
                xml.put(ref, xml.element(ref, xml.style(ref), formula=value[1:]))
            else:
                xml.put(ref, xml.element(ref, xml.style(ref), value=value))
    package.save()
    return path


def cli_output(*args: str) -> str:
    """What ``xl-retention ARGS`` prints, run in process; it must exit 0."""
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(list(args)) == 0
    return out.getvalue()
