"""A function's refusal names its arguments as Excel shows them (H75 item 2).

REPEAT_PURCHASE_RATE(A1:A3) over order counts said ``order_counts must be a whole number ...`` and ``order_counts has
no customer with an order``, a name its Excel (and Python) argument does not have: it is ``returning``. The BG/NBD and
Pareto/NBD ``*_EXPECTED_INTERVAL`` functions named the fit's ``frequency``, ``recency`` and ``T`` where the ranges are
``frequencies``, ``recencies``, ``ages`` (and the customer's own age ``T``). Every function of the registry is swept
with refused inputs: the argument an error names is one of the function's own.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from test_models import simulate_bgnbd

from xl_retention import cells
from xl_retention.errors import RetentionInputError
from xl_retention.recalculation import recalc_file
from xl_retention.registry import BY_NAME, FUNCTIONS, ExcelFunction


def _column(values: list[object]) -> list[list[object]]:
    return [[v] for v in values]


def test_repeat_purchase_rate_over_order_counts_names_returning() -> None:
    function = BY_NAME["REPEAT_PURCHASE_RATE"]
    fraction = cells.evaluate(function, _column([1.0, 2.5]))
    assert (fraction.code, fraction.message) == (
        "#NUM!",
        "returning must be a whole number of orders >= 0, got 2.5 in cell 2 of returning",
    )
    none = cells.evaluate(function, _column([0.0, None]))
    assert (none.code, none.message) == ("#DIV/0!", "returning (the order counts) has no customer with an order")


def test_recalc_names_returning_and_the_cell(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Orders"
    ws["A1"], ws["A2"], ws["A3"], ws["B1"] = 1, 2.5, 3, "=REPEAT_PURCHASE_RATE(A1:A3)"
    wb.save(tmp_path / "in.xlsx")
    result = recalc_file(tmp_path / "in.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert [(e.address, e.reason) for e in result.errors] == [
        (
            "Orders!B1",
            "REPEAT_PURCHASE_RATE: returning must be a whole number of orders >= 0, got 2.5 in Orders!A2 (#NUM!)",
        )
    ]


@pytest.mark.parametrize("name", ["BGNBD_EXPECTED_INTERVAL", "PARETONBD_EXPECTED_INTERVAL"])
def test_an_interval_names_the_ranges_it_fits_as_given(name: str) -> None:
    function = BY_NAME[name]
    frequencies, recencies, ages = _column([1, 2, 0, 3]), _column([1, 2, 0, 2]), _column([4, 4, 4, 4])
    customer = (10, 1, 1, 2)  # t, frequency, recency, age
    cases = [
        ((_column([1, -2, 0, 3]), recencies, ages), "frequencies must be a whole number of repeat purchases >= 0, "
         "got -2 in cell 2 of frequencies"),
        ((frequencies, _column([1, 2, 0, "x"]), ages), "recencies must be a number, got 'x' in cell 4 of recencies"),
        ((frequencies, recencies, _column([4, 4, -4, 4])), "ages must be an age (time since the first purchase) "
         ">= 0, got -4 in cell 3 of ages"),
        ((frequencies, _column([1, 9, 0, 2]), ages), "recencies (9) exceeds ages (4): the last purchase cannot come "
         "after the end of observation in cell 2 of recencies"),
        ((_column([1, 2, 0]), recencies, ages), "frequencies, recencies, ages must hold one value per customer each; "
         "got sizes frequencies 3, recencies 4, ages 4"),
    ]  # fmt: skip
    for ranges, message in cases:
        assert cells.evaluate(function, *ranges, *customer).message == message


@pytest.mark.parametrize(
    ("name", "n", "seed"), [("BGNBD_EXPECTED_INTERVAL", 60, 2), ("PARETONBD_EXPECTED_INTERVAL", 120, 2)]
)
def test_an_interval_names_the_customers_own_age(name: str, n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)  # a sample both fits converge on quickly
    x, tx, age = simulate_bgnbd(n, 0.243, 4.414, 0.793, 2.426, rng.uniform(27.0, 39.0, n), rng)
    ranges = [_column([float(v) for v in values]) for values in (x, tx, age)]
    later = cells.evaluate(BY_NAME[name], *ranges, 10, 2, 30, 20)
    assert later.message == "recency (30) exceeds age (20): the last purchase cannot come after the end of observation"


def _refused(function: ExcelFunction) -> list[tuple[str, str]]:
    """(argument named, message) of every refusal of ``function`` over a negative, a text and a range one short."""
    good = [np.array([1.0, 2.0, 0.0, 3.0]) if a.whole else (a.default if a.default is not None else 1.0)
            for a in function.args]  # fmt: skip
    required = [a for a in function.args if not a.optional]
    trials = []
    for i, spec in enumerate(function.args):
        bad = ([-1.0, 2.0, 0.0, 3.0], ["x", 1.0, 1.0, 1.0], [1.0, 2.0, 0.0]) if spec.whole else (-1.0, "x")
        trials += [[*good[:i], np.array(b, dtype=object) if spec.whole else b, *good[i + 1 :]] for b in bad]
    if len(required) < len(function.args):  # the optional arguments omitted (REPEAT_PURCHASE_RATE over order counts)
        trials += [[np.array(b, dtype=object), *good[1 : len(required)]] for b in ([-1.0, 2.0], [0.0], [1.0, 2.5])]
    named = []
    for args in trials:
        try:
            function.func(*args)
        except RetentionInputError as error:
            named.append((error.argument or "", str(error)))
        except Exception:  # noqa: BLE001, S112  (a fit that does not converge: no argument named)
            continue
    return named


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.name)
def test_every_refusal_names_the_functions_own_arguments(function: ExcelFunction) -> None:
    own = list(inspect.signature(function.func).parameters)
    excel = {spec.name for spec in function.args}
    as_shown = {core: spec.name for core, spec in zip(own, function.args, strict=False)}  # cells' renaming (T: age)
    for argument, message in _refused(function):
        for part in filter(None, argument.split(", ")):
            assert as_shown.get(part, part) in excel, (function.name, message)
