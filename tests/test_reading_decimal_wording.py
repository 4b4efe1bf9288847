"""The refusal of numbers whose decimal mark cannot be told ('1.025': 1,025 euros, or 1.025?) named only the command
line's ``--decimal``: a Python caller (``tables.subscription_tables``, ``relational.subscription_tables``) has no such
option. Now it names the argument that reads them, ``options=ReadOptions(decimal=...)``, and ``xl-retention import``
(which reads its inputs in ``reading.errors.command_line()``) its option, as before (H190 finding 10)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from xl_retention.reading import DataError, ReadOptions
from xl_retention.reading.errors import command_line

FRAME = pd.DataFrame({"customer_id": ["a", "b", "a", "b"], "month": ["2026-01-01", "2026-01-01", "2026-02-01",
                      "2026-02-01"], "mrr": ["1.025", "2.050", "1.025", "2.050"]})  # fmt: skip
PROBLEM = (
    "input, column 'mrr': numbers whose decimal mark cannot be told (1,234 or 1.234) in the rows at index 0, 1, 2, 3: "
    "'1.025', '2.050', '1.025', '2.050': give "
)


def _tables(**options: object) -> object:
    import xl_retention.tables as tables

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tables.subscription_tables(FRAME, **options)


def test_python_is_told_the_argument_and_it_reads_them() -> None:
    with pytest.raises(DataError) as error:
        _tables()
    assert str(error.value) == PROBLEM + "options=ReadOptions(decimal=',') or ReadOptions(decimal='.')"
    comma = _tables(options=ReadOptions(decimal=","))  # as told: 1.025 is 1025
    assert comma.movements["mrr_end"].tolist() == [3075.0, 3075.0]
    point = _tables(options=ReadOptions(decimal="."))
    assert point.movements["mrr_end"].tolist() == pytest.approx([3.075, 3.075], abs=1e-12)


def test_the_command_line_is_told_its_option() -> None:
    with command_line(), pytest.raises(DataError) as error:
        _tables()
    assert str(error.value) == PROBLEM + "--decimal , or --decimal ."


def test_an_engines_python_call_is_told_the_argument() -> None:
    pytest.importorskip("duckdb")
    from xl_retention import relational

    with pytest.raises(DataError) as error, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        relational.subscription_tables(FRAME, backend="duckdb")
    assert str(error.value).endswith(": give options=ReadOptions(decimal=',') or ReadOptions(decimal='.')")
