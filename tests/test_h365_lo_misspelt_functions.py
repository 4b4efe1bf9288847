"""A ``#NAME?`` LibreOffice stored may be a misspelt function's as well as an add-in's (H363's finding 08).

LibreOffice stores ``#NAME?`` for every function it lacks: for a typo (``=SUMM(A1:A3)``) as for the user's own
``GET_MRR``. Such a cell is listed (the value is not Excel's), and its reason now says it may be a misspelling, naming
the Excel function closest to it where one is close (SUM). A ``"TABLE("`` inside a text of such a formula is no
LibreOffice data table: the cell is listed under the function it calls.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_h361_lo_name_errors import LO, NOT_KEPT, _book
from test_recalc_kept import recalculated

pytest.importorskip("formualizer")

MISSPELT = "{} is not an Excel function: an add-in's, a macro's or a UDF's, or a misspelling{}, which the embedded " \
           "engine does not have"  # fmt: skip


def test_a_typo_libreoffice_saved_is_said_to_be_perhaps_misspelt_and_text_is_no_data_table(tmp_path: Path) -> None:
    cells = {"A1": 1, "A2": 2, "A3": 3, "B1": "=SUMM(A1:A3)", "B2": '=GET_MRR("see TABLE(2)")'}
    got, file = recalculated(_book(tmp_path, cells, ["B1", "B2"], LO), "incomplete")
    assert [(u.address, u.function, u.reason) for u in file.unsupported] == [
        ("S!B1", "SUMM", f"{MISSPELT.format('SUMM', ' (of SUM?)')}; {NOT_KEPT}"),
        ("S!B2", "GET_MRR", f"{MISSPELT.format('GET_MRR', '')}; {NOT_KEPT}"),
    ]
    assert (got["S!B1"], got["S!B2"]) == (None, None)
    assert file.errors == []
