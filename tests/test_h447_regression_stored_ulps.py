"""H434's finding 03: an Excel-saved workbook recalculated with its inputs unchanged had its LINEST and TREND arrays
(and a formula over them) replaced by numbers 3 to 48 units in the last place from Excel's stored ones, status ok:
Excel solves a regression by a QR decomposition it does not publish, and only 4 ulps were kept, for single cells
only. The regressions keep Excel's number within 256 ulps now, an array formula's cells all together, and the cells
reading them compute from Excel's numbers; an input changed after Excel saved the file is still computed.

The numbers are those of pycel's stats.xlsx (tests/ holds no copy: each is written here as the file stores it),
sheet Stats: E3:F3 ``{=TREND(J3:N3,J4:N4,E2:F2)}`` (a dynamic array there, ``cm="1"``), G3:H3 ``{=LINEST(J3:N3,
J4:N4)}`` and P10:R10 ``{=LINEST(J3:N3,J4:N5,TRUE,FALSE)}`` (Ctrl+Shift+Enter arrays here), M22:O22 ``=P10``..
``=R10`` and ``O24 =M24*M22+N24*N22+O22``. The engine computed E3 -0.93289473684210455 (16 ulps), H3
0.16954887218045167 (48 ulps), R10 0.42678571428571388 (10 ulps) and O24 -1.3392857142857157."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from one_sheet import SHEET1, rewrite_part
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

_INPUTS = {
    **dict(zip(("J3", "K3", "L3", "M3", "N3"), (1, 2.1, 3.1, 4.1, 5.1), strict=True)),
    **dict(zip(("J4", "K4", "L4", "M4", "N4"), (-2, -4, -7, -9, -11), strict=True)),
    **dict(zip(("J5", "K5", "L5", "M5", "N5"), (1, 3, 6, 9, 12), strict=True)),
    "E2": 2.5,
    "F2": 3.5,
    "M24": -3,
    "N24": 5,
}
#: array formulas: first cell -> (range, formula, dynamic)
_ARRAYS = {
    "E3": ("E3:F3", "=TREND(J3:N3,J4:N4,E2:F2)", True),
    "G3": ("G3:H3", "=LINEST(J3:N3,J4:N4)", False),
    "P10": ("P10:R10", "=LINEST(J3:N3,J4:N5,TRUE,FALSE)", False),
}
_FORMULAS = {"M22": "=P10", "N22": "=Q10", "O22": "=R10", "O24": "=M24*M22+N24*N22+O22"}
#: the values pycel's stats.xlsx stores (saved by Excel), as it writes them
_STORED = {
    "E3": "-0.93289473684210633",
    "F3": "-1.3738721804511291",
    "G3": "-0.44097744360902269",
    "H3": "0.16954887218045034",
    "P10": "0.14374999999999988",
    "Q10": "-0.26696428571428582",
    "R10": "0.42678571428571443",
    "M22": "0.14374999999999988",
    "N22": "-0.26696428571428582",
    "O22": "0.42678571428571443",
    "O24": "-1.3392857142857144",
}


def _book(path: Path, changed: dict[str, float]) -> Path:
    """The sheet saved at ``path`` with Excel's stored values, its inputs then changed to ``changed`` (as a program
    keeping the cached values would)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Stats"
    for ref, value in {**_INPUTS, **changed}.items():
        sheet[ref] = value
    for first, (area, formula, _) in _ARRAYS.items():
        sheet[first] = ArrayFormula(area, formula)
        for row in sheet[area]:
            for cell in row:
                if cell.coordinate != first:
                    cell.value = 0.0  # a value cell, its number written below
    for ref, formula in _FORMULAS.items():
        sheet[ref] = formula
    book.save(path)

    def stored(data: bytes) -> bytes:
        xml = data.decode()
        for ref, value in _STORED.items():
            dynamic = ' cm="1"' if _ARRAYS.get(ref, ("", "", False))[2] else ""
            xml, count = re.subn(
                rf'<c r="{ref}"[^>]*>(?:(<f[^>]*>[^<]*</f>)<v\s*/>|<v>[^<]*</v>)',
                lambda m, ref=ref, value=value, dynamic=dynamic: (
                    f'<c r="{ref}"{dynamic}>{m.group(1) or ""}<v>{value}</v>'
                ),
                xml,
            )
            assert count == 1, ref
        return xml.encode()

    rewrite_part(path, SHEET1, stored)
    return path


def _recalculated(folder: Path, changed: dict[str, float]) -> tuple[dict[str, object], object]:
    source = _book(folder / "stats.xlsx", changed)
    result = recalc_file(source, folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["Stats"]
    return {ref: values[ref].value for ref in _STORED}, result


def test_excels_regression_arrays_are_kept_and_their_readers_compute_from_them(tmp_path: Path) -> None:
    values, result = _recalculated(tmp_path, {})
    assert result.status == "ok", result.message
    assert result.unsupported == [] and result.errors == []
    assert values == {ref: float(text) for ref, text in _STORED.items()}  # each of Excel's numbers, bit for bit
    assert values["O24"] == -3 * 0.14374999999999988 + 5 * -0.26696428571428582 + 0.42678571428571443


def _least_squares(ys: list[Fraction], xs: list[Fraction]) -> tuple[Fraction, Fraction]:
    """The slope and intercept of the exact least-squares line through (xs, ys)."""
    n, sx, sy = len(xs), sum(xs), sum(ys)
    sxx, sxy = sum(x * x for x in xs), sum(x * y for x, y in zip(xs, ys, strict=True))
    slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    return slope, (sy - slope * sx) / n


def test_an_input_changed_after_excel_saved_is_computed(tmp_path: Path) -> None:
    values, result = _recalculated(tmp_path, {"J3": 1.000001})  # typed over 1 by a program keeping the values
    assert result.status == "ok", result.message
    ys = [Fraction(v) for v in (1.000001, 2.1, 3.1, 4.1, 5.1)]
    slope, intercept = _least_squares(ys, [Fraction(v) for v in (-2, -4, -7, -9, -11)])
    assert values["E3"] != float(_STORED["E3"]) and values["F3"] != float(_STORED["F3"])
    assert values["E3"] == pytest.approx(float(slope * Fraction(2.5) + intercept), rel=1e-12)  # -0.9328943...
    assert values["F3"] == pytest.approx(float(slope * Fraction(3.5) + intercept), rel=1e-12)
    assert values["G3"] == pytest.approx(float(slope), rel=1e-12) and values["G3"] != float(_STORED["G3"])
    assert values["H3"] == pytest.approx(float(intercept), rel=1e-12) and values["H3"] != float(_STORED["H3"])
    assert values["P10"] != float(_STORED["P10"])  # the two-variable LINEST too, and O24 computed from it
    assert values["O24"] == -3 * values["P10"] + 5 * values["Q10"] + values["R10"]
    assert values["O24"] != float(_STORED["O24"])


def test_regressions_have_the_wider_tolerance() -> None:
    from xl_retention.recalculation.stored_ulps import REGRESSION_ULPS, tolerance

    assert REGRESSION_ULPS == 256
    assert [tolerance(t) for t in ("LINEST(A1:A5)", "_xlfn.GROWTH(A1:A5)", "LOGEST(A1:A5)", "2*TREND(A1:A5)")] == [
        256
    ] * 4
    assert [tolerance(t) for t in ("NPV(A1,B1:B3)", "SLOPE(A1:A5,B1:B5)", "A1^2", "A1+B1")] == [4, 4, 4, 0]
