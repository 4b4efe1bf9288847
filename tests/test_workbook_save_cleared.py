"""workbook.stale.save_cleared: the one save of import --into and extend (Excel asked to recalculate on open, the
calculation chain dropped, stored results cleared, atomic; a failed save names the file, which is left as it was)."""

from __future__ import annotations

import errno
import zipfile
from contextlib import contextmanager

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template, inplace


def _parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_extend_on_a_full_disk_names_the_workbook_and_leaves_it(tmp_path, monkeypatch, capsys) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2024-01", months=6)
    before = _parts(book)

    @contextmanager
    def full_disk(target):
        raise OSError(errno.ENOSPC, "No space left on device")
        yield

    monkeypatch.setattr(inplace, "atomic_output", full_disk)
    assert cli.main(["extend", str(book), "--months", "2"]) == 1
    err = capsys.readouterr().err
    assert err == "xl-retention: error: t.xlsx was not written (No space left on device): it is as it was\n"
    assert _parts(book) == before


def test_extend_asks_excel_to_recalculate_and_clears_stored_results(tmp_path, capsys) -> None:
    book = tmp_path / "demo.xlsx"  # a sample tracker with its results stored
    assert cli.main(["demo", str(book), "--months", "6", "--start", "2024-01"]) == 0
    capsys.readouterr()
    stored = _held(book)
    assert len(stored) > 100
    assert cli.main(["extend", str(book), "--months", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("extended ") and out[1].startswith("cleared the results of ")
    cleared = int(out[1].split()[4])
    parts = _parts(book)
    assert b'fullCalcOnLoad="1"' in parts["xl/workbook.xml"]
    assert not any(name.lower().endswith("calcchain.xml") for name in parts)
    assert 0 < cleared <= len(stored)  # results stored before (cells the extension rewrote lost theirs already)
    assert _held(book) == []


def _held(book) -> list[str]:
    """The formula cells holding a stored result."""
    values, formulas = openpyxl.load_workbook(book, data_only=True), openpyxl.load_workbook(book)
    return [
        f"{ws.title}!{cell.coordinate}"
        for ws in formulas.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f" and values[ws.title][cell.coordinate].value is not None
    ]
