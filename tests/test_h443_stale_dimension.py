"""A sheet whose stored ``<dimension>`` is stale (Apache POI and XML-level editors leave it so; ECMA-376 calls it a
hint) hid the cells past it from every read of the workbook through openpyxl's read-only sheets, which cut their
rows at it (H433's finding 04). Each read now opens the workbook with every sheet's dimension reset
(:func:`xl_retention._workbooks.open_read_only`): the cells in the sheet's data decide.

- ``import --into`` adding months: a column of the user's own (Customers!L, ``=D2*1.1`` filled down) right of a
  stale ``A1:K4`` was left empty in the new months, unsaid (rc 0); it now gets ``=D5*1.1`` ... ``=D7*1.1``, as where
  the dimension is right.
- ``recalc``: a value typed over a Cohorts formula (C10) right of a stale ``A1:B10`` was not named (status ok, no
  line); it is now named as where the dimension is right.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
from cli_process import run

from xl_retention import cli
from xl_retention.recalculation.xlsx_values import _sheet_parts
from xl_retention.workbook import build_template


def _edited(path: Path, title: str, edit) -> None:
    """``path`` with the XML of sheet ``title`` passed through ``edit`` (bytes -> bytes), every other part as it was."""
    with zipfile.ZipFile(path) as package:
        part = _sheet_parts(package)[title]
        parts = [(info, package.read(info.filename)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            out.writestr(info, edit(data) if info.filename == part else data)


def _dimension(data: bytes, ref: str) -> bytes:
    assert re.search(rb"<dimension ref=", data)
    return re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), data, count=1)


def _own_column(data: bytes) -> bytes:
    """Customers' rows 1 to 4 with a column of the user's own in L: 'Target', then ``=D2*1.1`` filled down; the
    stored dimension left as the template wrote it (A1:K4), as an XML-level editor leaves it."""

    def add(match: re.Match[bytes]) -> bytes:
        r = int(match.group(1))
        if r == 1:
            cell = b'<c r="L1" t="inlineStr"><is><t>Target</t></is></c>'
        elif r <= 4:
            cell = f'<c r="L{r}"><f>D{r}*1.1</f><v>0</v></c>'.encode()
        else:
            return match.group(0)
        return match.group(0).replace(b"</row>", cell + b"</row>")

    assert b'<dimension ref="A1:K4"' in data
    return re.sub(rb'<row r="(\d+)"[^>]*>.*?</row>', add, data, flags=re.S)


def test_import_into_grows_an_own_formula_column_right_of_a_stale_dimension(tmp_path):
    book = tmp_path / "u.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "3").returncode == 0
    _edited(book, "Customers", _own_column)
    subs = tmp_path / "subs.csv"
    subs.write_text(
        "customer_id,month,mrr\na,2026-01,10\nb,2026-01,20\na,2026-02,10\nb,2026-02,20\na,2026-03,10\n"
        "a,2026-04,10\na,2026-05,15\nc,2026-05,5\na,2026-06,15\n"
    )
    result = run("import", "--subscriptions", subs, "--into", book)
    assert result.returncode == 0, result.stderr
    assert "added months 2026-04 to 2026-06 at the end of the monthly sheets" in result.stdout
    assert "left blank" not in result.stdout + result.stderr
    customers = openpyxl.load_workbook(book)["Customers"]
    assert [customers.cell(r, 12).value for r in range(1, 9)] == [
        "Target", "=D2*1.1", "=D3*1.1", "=D4*1.1", "=D5*1.1", "=D6*1.1", "=D7*1.1", None,
    ]  # fmt: skip
    assert [customers.cell(r, 4).value for r in range(2, 8)] == [2, 2, 1, 1, 2, 1]  # its customers at the end


def test_recalc_names_a_value_typed_over_a_cohorts_formula_right_of_a_stale_dimension(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B4": 10, "C4": 9, "D4": 8, "C10": 0.5}.items():  # C10: the share 9/10, typed 0.5
        wb["Cohorts"][ref] = value
    wb.save(path)
    _edited(path, "Cohorts", lambda data: _dimension(data, "A1:B10"))  # C10 right of it
    out = tmp_path / "out"
    assert cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)]) == 0
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["status"], report["message"]) == (
        "ok",
        "t.xlsx: 1 value typed over the Cohorts sheet's formulas: Cohorts!C10 (Retention share) is 0.5, typed over "
        "its formula: copy the formula of the cell beside each over it",
    )


def test_a_read_only_sheet_reads_the_cells_past_its_stale_dimension(tmp_path):
    from xl_retention._workbooks import open_read_only

    path = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    for ref, value in {"A1": "Month", "B1": "Customers", "C1": "Target", "A3": 1, "C3": "=B3*1.1"}.items():
        wb["S"][ref] = value
    wb.save(path)
    _edited(path, "S", lambda data: _dimension(data, "A1:B2"))  # as Apache POI leaves it: C and row 3 past it
    assert [list(r) for r in openpyxl.load_workbook(path, read_only=True)["S"].iter_rows(values_only=True)] == [
        ["Month", "Customers"], [None, None],
    ]  # fmt: skip
    book = open_read_only(path)
    try:
        rows = [list(r) for r in book["S"].iter_rows(values_only=True)]
    finally:
        book.close()
    assert rows == [["Month", "Customers", "Target"], [], [1, None, "=B3*1.1"]]


def test_every_read_only_load_of_the_package_resets_the_dimensions():
    """The one way the package opens a workbook read-only is :func:`~xl_retention._workbooks.open_read_only`: a
    ``load_workbook(..., read_only=True)`` of its own would cut its rows at a stale dimension again."""
    root = Path(__file__).resolve().parents[1] / "xl_retention"
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "_workbooks.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "read_only=True" in line
    ]
    assert found == []
