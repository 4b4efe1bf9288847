"""row_shapes' row numbers (the digits after a letter or "$", not a function's LOG10 or a sheet's Sheet1!) and its
markers: the digit-first patterns (H150's speed note) split as the look-behind-first ones did."""

from __future__ import annotations

import re

from xl_retention.recalculation.excel_functions.row_shapes import _MARKER, _ROW, shaped

_BEHIND_ROW = re.compile(r"(?<=[A-Za-z$])(\d+)(?![\w(!.\d])")
_BEHIND_MARKER = re.compile(r"(?<=[A-Za-z$])1(\d{6})(?![\w(!.\d])")


def test_row_numbers_and_markers_split_as_before() -> None:
    texts = [
        '=IF(G2>0.95,SUMIFS(Data!$B:$B,Data!$A:$A,$A12,Data!$C:$C,">="&EDATE($A12,C$1)),"")',
        "=Sheet1!A1+DEC2BIN(5)+LOG10(B3)+A12(",
        "=A1000002*B1000003+C1000004.5+$D$1000005",
        "=SUM(A1:A10)/COUNT(B$2:B$9)*1.5E+3",
    ]
    for text in texts:
        assert _ROW.split(text) == _BEHIND_ROW.split(text)
        assert _MARKER.split(text) == _BEHIND_MARKER.split(text)
    assert _ROW.split("=Sheet1!A1+LOG10(B3)") == ["=Sheet1!A", "1", "+LOG10(B", "3", ")"]
    assert shaped("=A7+LOG10(B7)", lambda shape: shape.replace("+", "-"), {}) == "=A7-LOG10(B7)"
