"""``recalc --engine auto`` and an Excel that cannot compute the xl-retention functions (H329's finding 01).

Excel has no CRR, NPS, SBG_FIT, ...: they come from xlwings' classic add-in (Windows, an .xlsm with the
``xlwings_udfs`` module Import Functions writes). On macOS, or for an .xlsx, Excel shows ``#NAME?`` in every such
cell, which ``auto`` saved as the results. Excel cannot run on Linux: here it is a stand-in answering as that Excel
does (``#NAME?`` for our functions), through the real :func:`excel.recalculate`.
"""

from __future__ import annotations

import sys
import types
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import xl_retention
import xl_retention.recalculation.embedded  # noqa: F401  (imported before sys.platform is set below)
from xl_retention.recalculation import batch, excel
from xl_retention.recalculation.excel_udfs import FunctionsNotComputed, excel_computes, uncomputed
from xl_retention.workbook.template import build_template


def _book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"], ws["C1"] = "=CRR(535,75,500)", "=SUM(1,2)", '=IF(1=1,"",NPS(D1:D3))'
    wb.save(path)
    return path


class _Range:
    """A used range as xlwings gives it: formulas, values (error codes as text) and each cell's address."""

    def __init__(self, formulas: list[list[str]], values: list[list[Any]]) -> None:
        self.formula, self._values = tuple(tuple(r) for r in formulas), values

    def options(self, **_: Any) -> Any:
        return types.SimpleNamespace(value=self._values)

    def __getitem__(self, at: tuple[int, int]) -> Any:
        address = f"{'ABC'[at[1]]}{at[0] + 1}"
        return types.SimpleNamespace(get_address=lambda *a: address)


class _App:
    """An Excel without our functions (macOS; Windows without the add-in): CRR is #NAME?, Excel's own SUM computes."""

    calls: list[str] = []

    def __init__(self, **_: Any) -> None:
        calls = self.calls
        used = _Range([["=CRR(535,75,500)", "=SUM(1,2)", '=IF(1=1,"",NPS(D1:D3))']], [["#NAME?", 3.0, ""]])
        sheet = types.SimpleNamespace(name="S", used_range=used)
        book = types.SimpleNamespace(
            sheets=[sheet], save=lambda p: calls.append("save"), close=lambda: calls.append("close")
        )
        self.books = types.SimpleNamespace(open=lambda *a, **k: calls.append("open") or book)
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


def test_uncomputed_names_our_cells_reading_name_errors() -> None:
    formulas = {
        "Customers": {"F5": '=IF(B5="","",CRR(D5,C5,B5))', "F6": '=IF(B6="","",CRR(D6,C6,B6))', "G5": "=SUMM(A1)"},
        "Lifetime value": {"B2": "=XLWINGS.SBG_FIT(A2:A9)", "B3": '="CRR("&A1'},
    }
    values = {
        "Customers": {"F5": "#NAME?", "F6": "", "G5": "#NAME?"},
        "Lifetime value": {"B2": "#BUSY!", "B3": "#NAME?"},
    }
    assert uncomputed(formulas, values) == ["Customers!F5", "Lifetime value!B2"]


def test_excel_computes_a_tracker_only_with_the_classic_wrappers(tmp_path: Path) -> None:
    tracker = build_template(tmp_path / "tracker.xlsx", start="2026-01", months=3)
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=SUM(1,2)"
    wb.save(plain)
    wrapped = tmp_path / "wrapped.xlsm"  # a VBA project holding xlwings' module (its PROJECT stream names it)
    with zipfile.ZipFile(tracker) as source, zipfile.ZipFile(wrapped, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"ID=...\r\nModule=xlwings_udfs\r\n")
    assert [excel_computes(tracker, p) for p in ("darwin", "win32")] == [False, False]
    assert [excel_computes(plain, p) for p in ("darwin", "win32")] == [True, True]
    assert [excel_computes(wrapped, p) for p in ("darwin", "win32")] == [False, True]


def test_auto_gives_a_tracker_to_the_embedded_engine(no_udf_excel: list[str], tmp_path: Path) -> None:
    tracker = build_template(tmp_path / "tracker.xlsx", start="2026-01", months=3)
    report = xl_retention.recalc([tracker], output_dir=tmp_path / "out")
    file = report.files[0]
    assert (file.status, file.engine, no_udf_excel) == ("ok", "embedded", [])


def test_excel_without_our_functions_saves_nothing(no_udf_excel: list[str], tmp_path: Path) -> None:
    source = _book(tmp_path / "book.xlsx")
    with pytest.raises(FunctionsNotComputed) as raised:
        excel.recalculate(source, tmp_path / "out.xlsx")
    assert raised.value.cells == ["S!A1"]
    assert no_udf_excel == ["open", "quit"]  # never saved
    assert not (tmp_path / "out.xlsx").exists()


def test_engine_excel_refuses_naming_the_cells(no_udf_excel: list[str], tmp_path: Path) -> None:
    """An .xlsm with the xlwings_udfs module is given to Excel, which still reads #NAME? (the add-in not installed):
    refused after its run, naming the cells (an .xlsx is refused before Excel starts: test_h338_engine_excel_...)."""
    source = tmp_path / "book.xlsm"
    with zipfile.ZipFile(_book(tmp_path / "book.xlsx")) as old, zipfile.ZipFile(source, "w") as new:
        for item in old.infolist():
            new.writestr(item, old.read(item))
        new.writestr("xl/vbaProject.bin", b"ID=...\r\nModule=xlwings_udfs\r\n")
    report = batch.recalc_file(source, tmp_path / "out" / "book.xlsm", engine="excel")
    assert (report.status, report.output) == ("failed", None)
    assert report.message == (
        "book.xlsm: Excel did not compute the xl-retention functions in S!A1 (#NAME?: it has no such function),"
        " nothing saved; Excel computes them only through the xlwings add-in on Windows: an .xlsm with UDF Modules"
        " = xl_retention.udfs, Import Functions run and the VBA reference to xlwings set (README, 'In Excel'); or"
        " use --engine embedded"
    )
    assert not (tmp_path / "out" / "book.xlsm").exists()


def test_auto_falls_back_to_the_embedded_engine_after_excel(no_udf_excel: list[str], tmp_path: Path) -> None:
    """A workbook auto gives Excel (here: named by the caller) whose answer is #NAME?: computed on the embedded
    engine, said, and the right value stored (CRR(535, 75, 500) = (535 - 75) / 500 = 0.92)."""
    source = _book(tmp_path / "book.xlsx")
    out = tmp_path / "out" / "book.xlsx"
    report = batch.recalc_file(source, out, engine="excel", fall_back=True)
    assert (report.status, report.engine) == ("ok", "embedded"), report.message
    assert report.message == (
        "book.xlsx: Excel did not compute the xl-retention functions in S!A1 (#NAME?): computed with the embedded"
        " engine"
    )
    assert no_udf_excel == ["open", "quit"]
    values = openpyxl.load_workbook(out, data_only=True)["S"]
    assert (values["A1"].value, values["B1"].value) == (0.92, 3)


def test_an_officejs_call_or_a_defined_name_counts_as_ours(tmp_path: Path) -> None:
    """xlwings Lite saves its calls as _xldudf_XLWINGS_CRR(..); a name may hold the call; a text naming one may not
    (read by name: such a workbook goes to the embedded engine too, which computes every workbook)."""
    from xl_retention.recalculation.excel_udfs import workbook_calls_ours

    lite, named, plain = tmp_path / "lite.xlsx", tmp_path / "named.xlsx", tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=_xldudf_XLWINGS_CRR(535,75,500)"
    wb.save(lite)
    wb = openpyxl.Workbook()
    wb.defined_names["Retained"] = openpyxl.workbook.defined_name.DefinedName("Retained", attr_text="NPS(Sheet!$A:$A)")
    wb.active["A1"] = "=Retained"
    wb.save(named)
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=SUM(1,2)"
    wb.active["A2"] = "=CRRX(1)"
    wb.save(plain)
    assert [workbook_calls_ours(p) for p in (lite, named, plain)] == [True, True, False]
    assert [excel_computes(p, "win32") for p in (lite, named, plain)] == [False, False, True]
