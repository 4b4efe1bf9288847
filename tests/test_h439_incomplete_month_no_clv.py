"""No CLV from an MRR at end the tracker itself calls incomplete (H415's finding 04, the Dashboard's part).

March's MRR at end typed over its formula (Revenue!H4 = 1300) with its movements C4:G4 blank: the Dashboard's MRR at
end said "see Revenue!C4:G4", yet the Lifetime value's default ARPA was 1300 / 110 = 11.82 and the Dashboard's CLV
173.98 computed from it. The default ARPA (B3) is now blank where the last month with MRR at end has its movements
blank (so is a first month of its MRR at start alone), C8 naming them, and the Dashboard's E9 says
"No CLV: its ARPA is blank, see 'Lifetime value'!C8". ``upgrade`` brings an earlier tracker's B3, C8 and E9 up,
keeping what was typed.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.figure_notes import ARPA_NOTE_MARGIN_ONLY
from xl_retention.workbook.lifetime_arpa import ARPA_DEFAULT_MOVES_UNSAID
from xl_retention.workbook.lifetime_value import LIFETIME_NOTE_C8_MOVES_UNSAID

NO_ARPA = "No CLV: its ARPA is blank, see 'Lifetime value'!C8"


def _c8(span: str) -> str:
    return (
        f"No value: ARPA (B3) is blank: Revenue!{span}, the movements of the last month with MRR at end, are blank: "
        "its MRR at end is no figure yet; type them (0 where there was none), or type your ARPA in B3."
    )


def _tracker(folder: Path, name: str, typed_end: float | None = 1300, earlier: bool = False) -> Path:
    """Three months from 2026-01: customers 100 -> 105, 108, 110; MRR 1,000 -> 1,080, 1,150 (February's end), with
    March's MRR at end ``typed_end`` typed over its formula, its movements blank; gross margin 80%; ``earlier``: B3, C8
    and the Dashboard's E9 as the template wrote them before."""
    path = build_template(folder / f"{name}.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    customers, revenue, lifetime = wb["Customers"], wb["Revenue"], wb["Lifetime value"]
    customers["B2"], revenue["B2"], lifetime["B4"] = 100, 1000, 0.8
    for row, (gained, end) in zip((2, 3, 4), ((10, 105), (8, 108), (6, 110)), strict=True):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
    for row, moves in ((2, (100, 20, 0, 10, 30)), (3, (80, 10, 5, 5, 20))):
        for column, amount in zip("CDEFG", moves, strict=True):
            revenue[f"{column}{row}"] = amount
    if typed_end is not None:
        revenue["H4"] = typed_end
    if earlier:
        lifetime["B3"], lifetime["C8"] = ARPA_DEFAULT_MOVES_UNSAID, LIFETIME_NOTE_C8_MOVES_UNSAID
        wb["Dashboard"]["E9"] = ARPA_NOTE_MARGIN_ONLY
    wb.save(path)
    return path


def _recalc(path: Path, out: Path) -> tuple[dict, dict[str, object]]:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)])
    (report,) = json.loads(printed.getvalue())["files"]
    wb = openpyxl.load_workbook(out / path.name, data_only=True)
    dash, ltv = wb["Dashboard"], wb["Lifetime value"]
    cells = {f"Dashboard!{ref}": dash[ref].value for ref in ("B5", "B9", "E9")}
    cells.update({f"LTV!{ref}": ltv[ref].value for ref in ("B3", "B8", "C8")})
    return report, cells


def test_the_clv_is_not_computed_from_an_end_typed_beside_blank_movements(tmp_path: Path) -> None:
    report, cells = _recalc(_tracker(tmp_path, "typed"), tmp_path / "out")
    assert cells == {
        "Dashboard!B5": "see Revenue!C4:G4",
        "Dashboard!B9": None,
        "Dashboard!E9": NO_ARPA,
        "LTV!B3": None,
        "LTV!B8": None,
        "LTV!C8": _c8("C4:G4"),
    }
    assert report["status"] == "incomplete"
    assert (
        "Revenue!H4 (MRR at end) is 1300, typed over its formula, while its row's movements (Revenue!C4:G4) are "
        "blank: the Dashboard's MRR at end sends to them, and the lifetime value's default ARPA (so its CLV) is left "
        "blank until they are typed: copy the column's formula"
    ) in report["message"]


def test_the_month_before_with_its_movements_gives_the_clv(tmp_path: Path) -> None:
    report, cells = _recalc(_tracker(tmp_path, "filled", typed_end=None), tmp_path / "out")
    assert report["status"] == "ok"
    assert round(cells["LTV!B3"], 4) == 10.6481  # 1,150 / 108: February's, Revenue stops there
    assert round(cells["Dashboard!B9"], 2) == 156.76  # 10.6481 x 0.8 x 1.01 / (0.01 + 0.044885)
    assert cells["LTV!C8"] is None


def test_a_first_month_of_its_start_alone_gives_no_arpa(tmp_path: Path) -> None:
    path = build_template(tmp_path / "start.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["B2"], wb["Customers"]["C2"], wb["Customers"]["D2"] = 100, 10, 104
    wb["Revenue"]["B2"], wb["Lifetime value"]["B4"] = 50000, 0.8
    wb.save(path)
    _, cells = _recalc(path, tmp_path / "out")
    assert cells == {
        "Dashboard!B5": "see Revenue!C2:G2",
        "Dashboard!B9": None,
        "Dashboard!E9": NO_ARPA,
        "LTV!B3": None,  # was 50,000 / 104 = 480.77
        "LTV!B8": None,
        "LTV!C8": _c8("C2:G2"),
    }


def test_upgrade_brings_an_earlier_tracker_up(tmp_path: Path) -> None:
    path = _tracker(tmp_path, "earlier", earlier=True)
    report, before = _recalc(path, tmp_path / "before")
    assert round(before["LTV!B3"], 4) == 11.8182 and round(before["Dashboard!B9"], 2) == 173.98  # the finding's
    assert "this version computes differently" in report["message"] and "'Lifetime value'!B3" in report["message"]
    assert "while the lifetime value's ARPA and CLV are computed from it" in report["message"]  # true there
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main(["upgrade", str(path)]) == 0
    fresh = openpyxl.load_workbook(build_template(tmp_path / "new.xlsx", start="2026-01", months=3))
    wb = openpyxl.load_workbook(path)
    for sheet, ref in (("Lifetime value", "B3"), ("Lifetime value", "C8"), ("Dashboard", "E9")):
        assert wb[sheet][ref].value == fresh[sheet][ref].value, ref
    assert (wb["Revenue"]["H4"].value, wb["Lifetime value"]["B4"].value, wb["Revenue"]["C3"].value) == (1300, 0.8, 80)
    _, after = _recalc(path, tmp_path / "after")
    assert (after["LTV!B3"], after["Dashboard!B9"], after["Dashboard!E9"]) == (None, None, NO_ARPA)
    assert after["LTV!C8"] == _c8("C4:G4")
