"""Work the embedded engine's recalculation no longer does where it cannot change a value (issue 14), each with the
values it gives checked against the general path:

- a finite number given to ``_XLR.COMPARED`` or ``_XLR.ORDERED`` (``=IF(G2>0.95,..)`` filled down: one call per
  row) is taken to 15 significant digits without the general call's checks, to the same float, and a number whose
  15 digits overflow (1.7976931348623157e308) is still #NUM!;
- the check for loops through an OFFSET's or INDIRECT's area lists the formula cells by column only when an area
  is read that does not hold its own cell (a workbook without OFFSET or INDIRECT: never).
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("formualizer")

from xl_retention.recalculation import dynamic_cycles, recalc_file  # noqa: E402
from xl_retention.recalculation.excel_functions import FUNCTIONS, collation  # noqa: E402
from xl_retention.recalculation.excel_functions._core import engine_call  # noqa: E402

OPERANDS = {"_XLR.COMPARED": collation.compared, "_XLR.ORDERED": collation.ordered}


def _numbers() -> list[float]:
    rng = random.Random(7)
    edges = [0.0, -0.0, 0.1 + 0.2, 1 / 3, -2.5, 5e-324, 2.2250738585072014e-308, 1e308, 9.999999999999995e307]
    edges += [1.7976931348623157e308, -1.7976931348623157e308, 0.95, 0.9500000000000001, 28.999999999999996]
    return edges + [rng.uniform(-1, 1) * 10 ** rng.randint(-300, 300) for _ in range(2000)]


@pytest.mark.parametrize("name", sorted(OPERANDS))
def test_an_operand_call_gives_the_general_calls_value(name: str) -> None:
    fast, general = FUNCTIONS[name].call, engine_call(OPERANDS[name])
    others = [math.inf, -math.inf, math.nan, True, False, None, "É", "abc", [[1 / 3, "É"]], 3]
    others.append({"type": "Error", "kind": "Div"})
    for value in [*_numbers(), *others]:
        assert repr(fast(value)) == repr(general(value)), value
    assert fast(1.7976931348623157e308) == {"type": "Error", "kind": "#NUM!"}  # 1.79769313486232e308: inf
    assert fast(0.1 + 0.2) == 0.3


@pytest.mark.parametrize("name", sorted(OPERANDS))
def test_a_finite_number_takes_no_general_path(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rounded = collation._rounded
    seen: list[object] = []
    monkeypatch.setattr(collation, "_rounded", lambda value: seen.append(value) or rounded(value))
    call = FUNCTIONS[name].call
    assert [call(v) for v in (0.1 + 0.2, 1 / 3, -2.5)] == [0.3, 0.333333333333333, -2.5]
    assert seen == []
    assert call(1.7976931348623157e308) == {"type": "Error", "kind": "#NUM!"}  # the general path's answer
    assert seen == [1.7976931348623157e308]


def _recalculated(tmp_path: Path, cells: dict[str, object]) -> dict[str, object]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return {ref: out[ref].value for ref in cells if isinstance(cells[ref], str) and str(cells[ref]).startswith("=")}


def test_comparisons_filled_down_compare_at_15_digits(tmp_path: Path) -> None:
    cells: dict[str, object] = {}
    for r in range(1, 31):
        cells[f"A{r}"] = "=0.1+0.2" if r % 2 else 0.3 + r
        cells[f"B{r}"] = f'=IF(A{r}=0.3,"same","other")'
        cells[f"C{r}"] = f'=IF(A{r}>=0.3,"at least","below")'
        cells[f"D{r}"] = f"=IF(A{r}<>0.3,1,0)"
    values = _recalculated(tmp_path, cells)
    for r in range(1, 31):
        odd = r % 2 == 1
        assert values[f"B{r}"] == ("same" if odd else "other")
        assert values[f"C{r}"] == "at least"
        assert values[f"D{r}"] == (0 if odd else 1)


def test_no_formula_columns_listed_without_offset_or_indirect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed: list[int] = []
    columns = dynamic_cycles._formula_columns
    monkeypatch.setattr(dynamic_cycles, "_formula_columns", lambda formulas: listed.append(1) or columns(formulas))
    cells: dict[str, object] = {f"A{r}": r for r in range(1, 21)}
    cells.update({f"B{r}": f"=A{r}*2" for r in range(1, 21)})
    cells["C1"] = "=SUM(B1:B20)"
    assert _recalculated(tmp_path, cells)["C1"] == 420
    assert listed == []
    # an OFFSET whose area holds its own cell is refused without the listing; one read through another cell needs it
    cells = {"A2": 5, "A3": 6, "A4": "=SUM(OFFSET(A2,0,0,3,1))"}
    book = openpyxl.Workbook()
    book.active.title = "S"
    for ref, value in cells.items():
        book.active[ref] = value
    book.save(tmp_path / "own.xlsx")
    report = recalc_file(tmp_path / "own.xlsx", tmp_path / "own-out.xlsx", engine="embedded")
    assert (report.status, report.message) == ("failed", "own.xlsx: circular reference: S!A4")
    assert listed == []
    book = openpyxl.Workbook()
    book.active.title = "S"
    for ref, value in {"A2": 5, "A3": "=B1", "B1": "=SUM(OFFSET(A2,0,0,2,1))"}.items():
        book.active[ref] = value
    book.save(tmp_path / "through.xlsx")
    report = recalc_file(tmp_path / "through.xlsx", tmp_path / "through-out.xlsx", engine="embedded")
    assert (report.status, report.message) == ("failed", "through.xlsx: circular reference: S!B1, S!A3")
    assert listed == [1]


#: formulas filled down (``{r}``: the row), each copy's argument rewrite made from its shape's template or alone
FILLED = [
    '=IF(G{r}>0.95,"high","low")',
    "=IF(A{r}=B{r},1,0)+(C{r}<>0.3)",
    '=IF($A$1<=A{r},"x"&B{r},"y")',
    "=IF(Sheet2!A{r}>=0.5,LOG10(B{r}),0)",
    '=IF(A{r}="Q1",1,0)',  # a digit in a literal: each copy alone
    "=SUMPRODUCT(--(A{r}:A{r}=0.3))",  # a range: each copy alone
    '=A{r}&" items"',
    "=IF(AND(A{r}>1,B{r}<2),A{r}*B{r},C{r})",
    "=A{r}+B{r}",  # nothing to rewrite
]


@pytest.mark.parametrize("formula", FILLED)
def test_each_filled_down_copy_is_its_own_argument_rewrite(formula: str) -> None:
    from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments
    from xl_retention.recalculation.filled_down import FilledDown
    from xl_retention.recalculation.rewrite_shapes import shape

    filled_down = FilledDown(exact=False)
    for r in (*range(2, 40), 999, 1000, 65536, 1048576):
        text = formula.format(r=r)[1:]
        got = filled_down.rewrite_arguments("=" + text, text, shape(text), True)
        assert got == rewrite_arguments("=" + text), text


def test_a_filled_down_comparison_is_rewritten_once_for_its_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    from xl_retention.recalculation import filled_down
    from xl_retention.recalculation.rewrite_shapes import shape

    calls: list[str] = []
    rewrite = filled_down.rewrite_arguments
    monkeypatch.setattr(filled_down, "rewrite_arguments", lambda text: calls.append(text) or rewrite(text))
    column = filled_down.FilledDown(exact=False)
    texts = [f'IF(G{r}>0.95,"high","low")' for r in range(2, 102)]
    got = [column.rewrite_arguments("=" + text, text, shape(text), True) for text in texts]
    assert got == [f'=IF(_XLR.COMPARED(G{r})>0.95,"high","low")' for r in range(2, 102)]
    assert len(calls) == 1  # the shape's template; each copy then takes its row numbers (100 calls at the parent)


def test_a_recalculation_loads_neither_scipy_nor_openssl(tmp_path: Path) -> None:
    """A command's start: scipy's optimizers (YIELD's root, 0.4-0.6 s of CPU to import) only where a formula needs
    them, and the digests of the result's mark and of the input's fingerprint by CPython's own SHA-256, not through
    hashlib (which loads OpenSSL's library); the digests are hashlib's."""
    import hashlib
    import subprocess
    import sys

    book = openpyxl.Workbook()
    book.active["A1"], book.active["B1"] = 2, "=A1*3"
    book.save(tmp_path / "book.xlsx")
    code = (
        "import sys; from xl_retention.cli import main; sys.argv = ['xl-retention', 'recalc', sys.argv[1], "
        "'--engine', 'embedded', '--output-dir', sys.argv[2]]\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n"
        "print(sorted(m for m in ('scipy.optimize', 'scipy', '_hashlib', 'hashlib') if m in sys.modules))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "book.xlsx"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert run.stdout.strip().splitlines()[-1] == "[]", run.stdout + run.stderr
    assert openpyxl.load_workbook(tmp_path / "out" / "book.xlsx", data_only=True).active["B1"].value == 6
    from xl_retention._imports import sha256

    for data in (b"", b"x", bytes(range(256)) * 1000):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    digest = sha256()
    digest.update(b"a")
    digest.update(b"b")
    assert digest.hexdigest() == hashlib.sha256(b"ab").hexdigest()
