"""The readers of a spill too large for the embedded engine, stored as its first cell (a program's file: openpyxl's
ArrayFormula("B1", ...) with cm="1"), are found without one look-up of the engine's graph per cell of the spill
(issue 14: ``=SEQUENCE(1000000)*A1`` stored as B1 took 10.1 s CPU and 570 MB, 2.85 s and 291 MB before its readers
were listed). The spill's cells are one area (:data:`xl_retention.recalculation.kept.Area`): only the cells where a
formula's reference meets it are looked up, and names, INDIRECT and OFFSET are tested against the area itself. The
cells listed, their order and the source each names are those of the look-up cell by cell (:func:`kept.expanded`).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import kept, recalc_file

SPILL = 20_000


class _Counted:
    """The engine's workbook, its graph look-ups counted."""

    def __init__(self, inner: object) -> None:
        self._inner = inner
        self.lookups = 0

    def dependents(self, *args: object, **kwargs: object) -> object:
        self.lookups += 1
        return self._inner.dependents(*args, **kwargs)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


def _two_spills(path: Path) -> Path:
    book = openpyxl.Workbook()
    s = book.active
    s.title = "S"
    t = book.create_sheet("T")
    s["A1"], s["A2"], s["A3"] = 1, 3, "C7"
    s["B1"] = ArrayFormula("B1", f"=SEQUENCE({SPILL})*A1")
    s["C1"] = ArrayFormula("C1", "=SEQUENCE(15000)*A2")
    formulas = {
        "D1": "=SUM(B:B)",
        "D2": "=SUM(B1#)",
        "D4": '=INDIRECT("B7")',
        "D5": "=OFFSET(B1,3,0)",
        "D8": "=SUM(1:1)",
        "D10": "=INDEX(B:B,3)",
        "D12": f"=B{SPILL + 1}+1",
        "D13": "=C14999+B3",
        "D14": "=INDIRECT(A3)",
        "D15": "=SUM(C2:C3)*D12",
        "D16": "=OFFSET(A1,A1,1)",
        "D17": "=A1*2",
    }
    for ref, formula in formulas.items():
        s[ref] = formula
    t["A1"], t["A2"], t["A3"] = "=S!B9", "=SUM(S!B2:C3)", "=S!C100*2"
    return save_dynamic(book, path, ["B1", "C1"])


def test_readers_of_two_oversized_spills_are_found_by_their_references(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, list, list]] = []
    original = kept.dependents

    def compared(workbook, roots, formulas, info, areas=()):  # type: ignore[no-untyped-def]
        counted = _Counted(workbook)
        found = original(counted, roots, formulas, info, areas)
        every = original(workbook, kept.expanded(roots, areas), formulas, info)  # cell by cell, as before
        calls.append((counted.lookups, list(found.items()), list(every.items())))
        return found

    monkeypatch.setattr(kept, "dependents", compared)
    report = recalc_file(_two_spills(tmp_path / "book.xlsx"), tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert len(calls) == 1
    lookups, found, every = calls[0]
    assert found == every  # the same cells, in the same order, each with the same source
    assert lookups < 100  # the cells where a reference meets a spill and the readers: not 35,000 cells
    spill = "spill of more than 10,000 cells"
    readers_b = ["S!D1", "S!D10", "T!A1", "S!D4", "S!D2", "S!D5", "S!D16"]
    readers_c = ["S!D13", "T!A3", "S!D15", "T!A2", "S!D8", "S!D14"]
    listed = {u.address: u.function for u in report.unsupported}
    assert listed == dict.fromkeys(["S!B1", "S!C1", *readers_b, *readers_c], spill)
    reasons = {u.address: u.reason for u in report.unsupported}
    assert all(reasons[cell].startswith("reads S!B1 (") for cell in readers_b)
    assert all(reasons[cell].startswith("reads S!C1 (") for cell in readers_c)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("D12", "D17", "D1", "D13")] == [1, 2, None, None]


def test_a_name_over_a_spill_is_looked_up_cell_by_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A formula reading the spill through a name (not a cell or range reference the engine declares): every cell
    looked up, as before (kept._meeting_cells gives None)."""
    from openpyxl.workbook.defined_name import DefinedName

    book = openpyxl.Workbook()
    s = book.active
    s.title = "S"
    s["A1"] = 1
    s["B1"] = ArrayFormula("B1", "=SEQUENCE(10001)*A1")
    s["D1"] = "=SUM(Part)"
    s["D2"] = "=A1+1"
    book.defined_names["Part"] = DefinedName("Part", attr_text="S!$B$5:$B$6")
    counts: list[int] = []
    original = kept.dependents

    def counting(workbook, roots, formulas, info, areas=()):  # type: ignore[no-untyped-def]
        counted = _Counted(workbook)
        found = original(counted, roots, formulas, info, areas)
        counts.append(counted.lookups)
        return found

    monkeypatch.setattr(kept, "dependents", counting)
    report = recalc_file(save_dynamic(book, tmp_path / "b.xlsx", ["B1"]), tmp_path / "o.xlsx", engine="embedded")
    assert {u.address for u in report.unsupported} == {"S!B1", "S!D1"}
    assert counts and counts[0] > 10_000
