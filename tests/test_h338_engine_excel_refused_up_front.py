"""``--engine excel`` on a workbook whose xl-retention functions that Excel cannot compute (an .xlsx, macOS) is
refused before Excel starts (H336's review of 3f24fbbb): after Excel's run only a cell of ours reading ``#NAME?``
showed it, so ``=IFERROR(CRR(535,75,500),0)`` read Excel's fallback 0 and was saved as the figure (CRR 0.92), status
ok. Excel cannot run on Linux: here it is a stand-in answering as that Excel does, through the real
:func:`excel.recalculate` (as in test_h333_excel_without_udfs)."""

from __future__ import annotations

import shutil
import sys
import types
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import xl_retention.recalculation.embedded  # noqa: F401  (imported before sys.platform is set below)
from xl_retention.recalculation import batch, excel
from xl_retention.recalculation.excel_udfs import excel_refusal

FORMULA = "=IFERROR(CRR(535,75,500),0)"


def _book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"] = FORMULA, "=SUM(1,2)"
    wb.save(path)
    return path


def _with_udf_module(source: Path, target: Path) -> Path:
    """``source`` with a VBA project naming xlwings' ``xlwings_udfs`` module (what Import Functions writes)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            new.writestr(item, old.read(item))
        new.writestr("xl/vbaProject.bin", b"ID=...\r\nModule=xlwings_udfs\r\n")
    return target


class _Range:
    """A used range as xlwings gives it: formulas, values (error codes as text) and each cell's address."""

    def __init__(self, formulas: tuple[tuple[str, ...], ...], values: list[list[Any]]) -> None:
        self.formula, self._values = formulas, values

    def options(self, **_: Any) -> Any:
        return types.SimpleNamespace(value=self._values)

    def __getitem__(self, at: tuple[int, int]) -> Any:
        address = f"{'AB'[at[1]]}{at[0] + 1}"
        return types.SimpleNamespace(get_address=lambda *a: address)


class _App:
    """An Excel without our functions: CRR is #NAME?, so IFERROR(CRR(..),0) reads 0; SUM computes."""

    calls: list[str] = []

    def __init__(self, **_: Any) -> None:
        calls = self.calls
        formulas, values = ((FORMULA, "=SUM(1,2)"),), [[0.0, 3.0]]
        used = _Range(formulas, values)
        sheet = types.SimpleNamespace(name="S", used_range=used)

        def save(target: str) -> None:
            calls.append("save")
            shutil.copyfile(self.opened, target)

        def open_book(name: str, **_: Any) -> Any:
            calls.append("open")
            self.opened = name
            return types.SimpleNamespace(sheets=[sheet], save=save, close=lambda: calls.append("close"))

        self.books = types.SimpleNamespace(open=open_book)
        self.api = types.SimpleNamespace(CalculateFull=lambda: None, calculate_full=lambda: None)

    def quit(self) -> None:
        self.calls.append("quit")


@pytest.fixture
def no_udf_excel(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Excel installed (xlwings starts it) on Windows, without the xlwings add-in's functions."""
    _App.calls = []
    monkeypatch.setitem(sys.modules, "xlwings", types.SimpleNamespace(App=_App))
    monkeypatch.setattr(excel, "available", lambda: True)
    monkeypatch.setattr(sys, "platform", "win32")
    return _App.calls


WHY = {
    "win32": "on Windows without the xlwings_udfs module (an .xlsm with the add-in's Import Functions run)",
    "darwin": "on macOS (no classic xlwings functions there)",
}


def _line(name: str, platform: str) -> str:
    return (
        f"{name}: --engine excel: it calls xl-retention functions (CRR, NPS, ...), which Excel cannot compute"
        f" {WHY[platform]}: they would read #NAME?, and a formula around one (IFERROR(CRR(..),0)) its fallback, saved"
        " as the figure; not given to Excel, nothing saved; use --engine embedded"
    )


def test_refusal_line(tmp_path: Path) -> None:
    book = _book(tmp_path / "book.xlsx")
    wrapped = _with_udf_module(book, tmp_path / "wrapped.xlsm")
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=SUM(1,2)"
    wb.save(plain)
    assert [excel_refusal(book, p) for p in ("win32", "darwin")] == [
        _line("book.xlsx", "win32"),
        _line("book.xlsx", "darwin"),
    ]
    assert [excel_refusal(wrapped, p) for p in ("win32", "darwin")] == [None, _line("wrapped.xlsm", "darwin")]
    assert [excel_refusal(plain, p) for p in ("win32", "darwin")] == [None, None]


def test_engine_excel_refuses_before_starting_excel(no_udf_excel: list[str], tmp_path: Path) -> None:
    source = _book(tmp_path / "book.xlsx")
    report = batch.recalc_file(source, tmp_path / "out" / "book.xlsx", engine="excel")
    # at the parent: status ok, Excel opened and saved, its A1 read 0 (CRR(535,75,500) is 0.92)
    assert (report.status, report.output, report.message) == ("failed", None, _line("book.xlsx", "win32"))
    assert no_udf_excel == []  # Excel never started
    assert not (tmp_path / "out" / "book.xlsx").exists()


def test_engine_excel_still_runs_a_workbook_excel_computes(no_udf_excel: list[str], tmp_path: Path) -> None:
    """An .xlsm with the xlwings_udfs module is given to Excel (here the stand-in: its answers are saved)."""
    source = _with_udf_module(_book(tmp_path / "book.xlsx"), tmp_path / "book.xlsm")
    report = batch.recalc_file(source, tmp_path / "out" / "book.xlsm", engine="excel")
    assert (report.status, report.engine) == ("ok", "excel"), report.message
    assert no_udf_excel == ["open", "save", "close", "quit"]


def test_engine_auto_falls_back_as_before(no_udf_excel: list[str], tmp_path: Path) -> None:
    """auto (fall_back) never gives Excel such a workbook: the embedded engine stores CRR(535,75,500) = 0.92."""
    source = _book(tmp_path / "book.xlsx")
    out = tmp_path / "out" / "book.xlsx"
    report = batch.recalc_file(source, out, engine="auto")
    assert (report.status, report.engine, no_udf_excel) == ("ok", "embedded", [])
    assert openpyxl.load_workbook(out, data_only=True)["S"]["A1"].value == 0.92
