"""An elementwise function over whole columns (``=CRR(D:D,C:C,B:B)`` through xlwings: 1,048,576 rows, one month
filled) answers the rows blank in every argument after the last filled one in bulk: each is a blank, as each row's own
call gives it, without a Python call per row (15-23 s a recalculation before; H167's finding 04). Every value and
message is the one the rows computed one by one give."""

from __future__ import annotations

import math
from typing import Any

import pytest

from xl_retention import cells
from xl_retention.cells import CellError, evaluate
from xl_retention.registry import BY_NAME

ROWS = 1_048_576


def _column(head: list[Any], rows: int = ROWS) -> list[list[Any]]:
    return [[v] for v in head] + [[None]] * (rows - len(head))


def test_whole_columns_answer_their_blank_rows_in_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    one = cells._cell

    def counted(function: Any, values: tuple) -> Any:
        asked.append(1)
        return one(function, values)

    monkeypatch.setattr(cells, "_cell", counted)
    result = evaluate(BY_NAME["CRR"], _column([535.0, 600.0]), _column([75.0, 50.0]), _column([500.0, 0.0]))
    assert len(result) == ROWS and result[0] == [0.92] and result[2:5] == [[None]] * 3 and result[-1] == [None]
    assert type(result[1][0]) is CellError and result[1][0].code == "#DIV/0!"
    assert len(asked) == 2  # the two filled rows, not 1,048,576


@pytest.mark.parametrize(
    ("name", "columns", "scalars"),
    [
        ("CRR", [[535.0, None, "", 540.0], [75.0, 10.0, None, math.nan], [500.0, 400.0, None, 450.0]], []),
        ("NRR", [[100.0, "#N/A", None], [80.0, None, None], [10_000.0, 9_000.0, None]], []),
        ("CLV", [[100.0, 90.0, None], [0.8, 0.7, ""], [0.05, 0.1, None]], []),  # discount_rate omitted
        ("CLV", [[100.0, None], [0.8, None], [0.05, None]], [None]),  # discount_rate blank
        ("GRR", [[800.0, None, None, "x"], [10_000.0, None, None, None]], []),  # a text in the last filled row
    ],
)
def test_the_same_values_and_messages_as_row_by_row(name: str, columns: list[list[Any]], scalars: list[Any]) -> None:
    function = BY_NAME[name]
    rows = 200
    args: list[Any] = [_column(column, rows) for column in columns] + scalars
    full = args + [cells._OMITTED] * (len(function.args) - len(args))
    got = evaluate(function, *args)
    one_by_one = cells._elementwise(function, full, whole=False)  # every row its own call, as before
    assert len(got) == rows

    def shown(value: Any) -> Any:
        return (value.code, value.message) if type(value) is CellError else repr(value)

    assert [[shown(v) for v in row] for row in got] == [[shown(v) for v in row] for row in one_by_one]


def test_a_filled_scalar_keeps_every_row_its_own_answer() -> None:
    # =CRR(D:D,C:C,500): the rows blank in D and C are "blank while other inputs are not", not blanks
    result = evaluate(BY_NAME["CRR"], _column([535.0], 100), _column([75.0], 100), 500.0)
    assert result[0] == [0.92] and type(result[99][0]) is CellError and "blank while" in result[99][0].message
