"""recalculation.formula_tokens: the boxes of references the rewrites share (moved out of .intersection; _bounds is
_box but for one cell)."""

from __future__ import annotations

import pytest

from xl_retention.recalculation.formula_tokens import _arguments, _bare_name, _bounds, _box, argument_spans


@pytest.mark.parametrize(
    ("reference", "box", "bounds"),
    [
        ("A1", ("", (1, 1, 1, 1)), None),
        ("$B$2:C4", ("", (2, 2, 3, 4)), ("", (2, 2, 3, 4))),
        ("Data!$B:$B", ("Data!", (2, 1, 2, 1048576)), ("Data!", (2, 1, 2, 1048576))),
        ("'My sheet'!C:A", ("'My sheet'!", (1, 1, 3, 1048576)), ("'My sheet'!", (1, 1, 3, 1048576))),
        ("$5:3", ("", (1, 3, 16384, 5)), ("", (1, 3, 16384, 5))),
        ("S!A1:A1", ("S!", (1, 1, 1, 1)), ("S!", (1, 1, 1, 1))),
        ("Amounts", None, None),
    ],
)
def test_boxes_of_references(reference: str, box: object, bounds: object) -> None:
    assert _box(reference) == box
    assert _bounds(reference) == bounds


def test_names_and_arguments() -> None:
    from openpyxl.formula import Tokenizer

    assert _bare_name(":_xlfn._xlws.SORT") == "SORT" and _bare_name("_xlfn.xlookup") == "XLOOKUP"
    tokens = list(Tokenizer("=IF(A1>0,SUM(B1:B3,2),C1)").items)
    assert _arguments(tokens, 1, "FUNC") == (["A1>0", "SUM(B1:B3,2)", "C1"], len(tokens) - 1)
    spans, close = argument_spans(tokens, 0)
    assert close == len(tokens) - 1 and len(spans) == 3
    assert ["".join(t.value for t in tokens[a:b]) for a, b in spans] == ["A1>0", "SUM(B1:B3,2)", "C1"]
