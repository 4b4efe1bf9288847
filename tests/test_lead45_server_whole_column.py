"""A whole column through xlwings Server's custom-function call searches for no module per cell (H478's finding 01).

xlwings 0.37's Office.js path asks for every cell of every argument whether it is Pyodide's JsNull
(``xlwings.utils.is_jsnull``: ``from pyodide.ffi import JsNull``). Off Pyodide the import failed after a search of
the whole sys.path, each time: =NPS(B:B) of 200,000 rows took 97 s on the server route for 0.04 s of computing
(three 100,000-row columns of =CRR 250 s), Excel's cell waiting for minutes. Importing xl_retention.udfs off Pyodide
makes xlwings' is_jsnull answer False at once, its own answer there: the finders on ``sys.meta_path`` are asked for
pyodide once an argument at most, not once a cell, the value is the same, and ``"pyodide" in sys.modules`` stays
False (a library testing it for Pyodide, threadpoolctl, is not misled: H480's finding 10).
"""

from __future__ import annotations

import asyncio
import importlib.abc
import sys

import pytest
import xlwings as xw
from xlwings.server import custom_functions_call

from xl_retention import udfs


class _Asked(importlib.abc.MetaPathFinder):
    """A finder that finds nothing and counts what it is asked for."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, fullname, path, target=None):  # noqa: ANN001, ANN201
        self.names.append(fullname)


def test_a_whole_column_of_scores_searches_no_module_per_cell() -> None:
    scores = [[10], [9], [3], [7]] + [[""]] * 20_000  # =NPS(B:B): four answers, then blank cells
    data = {
        "func_name": "NPS",
        "args": [scores],
        "version": xw.__version__,
        "client": "Office.js",
        "runtime": "1.4",
        "caller_address": "Sheet1!D2",
        "formula_name": "NPS",
        "culture_info_name": "en-US",
        "date_format": "M/d/yyyy",
    }
    asked = _Asked()
    sys.meta_path.insert(0, asked)
    try:
        result = asyncio.run(custom_functions_call(data, udfs))
    finally:
        sys.meta_path.remove(asked)
    assert result == [[pytest.approx(25.0, abs=1e-12)]]  # 2 promoters, 1 passive, 1 detractor of 4: (2 - 1) / 4
    # once for the argument (xlwings' js_to_none), not once a cell (20,005 before)
    assert len([name for name in asked.names if name.startswith("pyodide")]) <= len(data["args"])
    assert "pyodide" not in sys.modules
