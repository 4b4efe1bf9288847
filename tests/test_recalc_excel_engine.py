"""The Excel engine's steps (xl_retention.recalculation.excel), which need Microsoft Excel: here Excel is a stand-in
that records what it is asked (Excel cannot run on Linux; tests/test_recalc.py runs the real one where it can).

Excel computes only the cells it understands as needing it on Application.Calculate (Microsoft's Range.Dirty page):
none in a workbook just opened, whose stored values would be read back as results. The engine must ask for
Application.CalculateFull ("Forces a full calculation of the data in all open workbooks")."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from xl_retention.recalculation import excel


class _Book:
    def __init__(self, calls: list[str]) -> None:
        self.calls, self.sheets = calls, []

    def save(self, path: str) -> None:
        self.calls.append("save")
        Path(path).write_bytes(b"saved by Excel")

    def close(self) -> None:
        self.calls.append("close")


class _App:
    calls: list[str] = []

    def __init__(self, **_: Any) -> None:
        calls = self.calls
        self.books = types.SimpleNamespace(
            open=lambda *a, **k: (
                calls.append("open" + "".join(f"({key})" for key in sorted(k) if k[key])) or _Book(calls)
            )
        )
        self.api = types.SimpleNamespace(
            CalculateFull=lambda: calls.append("CalculateFull"), calculate_full=lambda: calls.append("calculate_full")
        )

    def calculate(self) -> None:  # Application.Calculate: the dirty cells only
        self.calls.append("calculate")

    def quit(self) -> None:
        self.calls.append("quit")


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    _App.calls = []
    monkeypatch.setitem(sys.modules, "xlwings", types.SimpleNamespace(App=_App))
    return _App.calls


def test_excel_is_asked_for_a_full_calculation(stand_in: list[str], tmp_path: Path) -> None:
    source = tmp_path / "book.xlsx"
    source.write_bytes(b"a workbook")
    assert excel.recalculate(source, tmp_path / "out.xlsx") == {}
    full = "calculate_full" if sys.platform == "darwin" else "CalculateFull"
    assert stand_in == ["open(ignore_read_only_recommended)", full, "save", "close", "quit"]
    assert (tmp_path / "out.xlsx").read_bytes() == b"saved by Excel"


def test_a_replaced_result_keeps_its_permissions(stand_in: list[str], tmp_path: Path) -> None:
    source, output = tmp_path / "book.xlsx", tmp_path / "out.xlsx"
    source.write_bytes(b"a workbook")
    output.write_bytes(b"an earlier result")
    output.chmod(0o640)
    excel.recalculate(source, output)
    assert (output.read_bytes(), output.stat().st_mode & 0o777) == (b"saved by Excel", 0o640)


def test_a_template_is_opened_for_editing_not_as_a_new_workbook(stand_in: list[str], tmp_path: Path) -> None:
    """Workbooks.Open's Editable: for a template, False (the default) opens a new workbook based on it. (Every workbook
    is opened with IgnoreReadOnlyRecommended: an invisible Excel asks no question.)"""
    source = tmp_path / "budget.xltx"
    source.write_bytes(b"a template")
    excel.recalculate(source, tmp_path / "out.xltx")
    assert stand_in[0] == "open(editable)(ignore_read_only_recommended)"
