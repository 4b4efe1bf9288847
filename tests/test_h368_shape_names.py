"""A defined name whose digits follow ``_`` (the trackers' hidden ``_xlr_nps_0_10`` since 71e622d9) no longer makes
the recalculation test every formula of the workbook on its own (H368, issue 14): a formula's shape (its row numbers
made 0) never changes such a name, so the pre-tests and the structural rewrite's pre-check are still made once per
shape. A name with a digit after a letter (``Table1``, ``Q1_2024``) still makes each formula its own shape. The
120-month template's recalc_file: 10.5 s of CPU with about 20,800 pre-tests of each kind (load 9.8, bench/README.md).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import embedded, rewrite_shapes
from xl_retention.recalculation.batch import recalc_file
from xl_retention.recalculation.rewrite_shapes import decided, shape_may_change

ROWS = 30


def test_which_names_a_shape_may_change() -> None:
    assert [shape_may_change(n) for n in ("Table1", "q1_2024", "_xlr_nps_0_10", "rate.2", "_a_1", "rate", "x9")] == [
        True,
        True,
        False,
        False,
        False,
        False,
        True,
    ]


@pytest.mark.parametrize(("name", "calls"), [("_xlr_nps_0_10", 1), ("rate1", ROWS)])
def test_the_pre_check_is_made_once_per_shape_unless_a_name_may_change(
    monkeypatch: pytest.MonkeyPatch, name: str, calls: int
) -> None:
    made = []
    candidate = rewrite_shapes._candidate

    def counted(*args, **kwargs):
        made.append(args[0])
        return candidate(*args, **kwargs)

    monkeypatch.setattr(rewrite_shapes, "_candidate", counted)
    rewrite_shapes._DECIDED.clear()
    answers = {decided(f"=A{r}*{name}+B{r}", [], False, {name: "Sheet!$D$1"}, None) for r in range(2, ROWS + 2)}
    assert len(answers) == 1 and len(made) == calls  # the same answer for every copy


def _workbook(path: Path, name: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["D1"] = 0.25
    wb.defined_names[name] = DefinedName(name, attr_text="Data!$D$1")
    for r in range(1, ROWS + 1):
        ws[f"A{r}"] = r
        ws[f"B{r}"] = f"=A{r}*{name}+1"
        ws[f"C{r}"] = f'=IF(B{r}>5,"big","small")'
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[object], int]]:
    """For each name: the recalculated values of B and C, and how many formulas the pre-test of arguments saw."""
    out = {}
    folder = tmp_path_factory.mktemp("names")
    for name in ("_xlr_nps_0_10", "rate1"):
        seen = []
        original = embedded.may_need_arguments
        embedded.may_need_arguments = lambda text, _seen=seen, _f=original: _seen.append(text) or _f(text)
        try:
            report = recalc_file(_workbook(folder / f"{name}.xlsx", name), folder / f"out-{name}.xlsx")
        finally:
            embedded.may_need_arguments = original
        assert report.status == "ok", report
        ws = openpyxl.load_workbook(folder / f"out-{name}.xlsx", data_only=True)["Data"]
        values = [ws[f"{col}{r}"].value for r in (1, 16, 17, ROWS) for col in "BC"]
        out[name] = (values, len(seen))
    return out


def test_a_name_with_digits_after_underscores_keeps_shapes_and_values(computed) -> None:
    values, pretests = computed["_xlr_nps_0_10"]
    assert values == [1.25, "small", 5, "small", 5.25, "big", 8.5, "big"]
    assert pretests == 2  # one per shape: the B column and the C column


def test_a_name_a_shape_may_change_keeps_each_formula_its_own(computed) -> None:
    values, pretests = computed["rate1"]
    assert values == [1.25, "small", 5, "small", 5.25, "big", 8.5, "big"]
    assert pretests == 2 * ROWS
