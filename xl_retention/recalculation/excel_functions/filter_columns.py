"""FILTER given a row of TRUE/FALSE: Excel keeps the array's columns where it is TRUE; the engine kept every column.

Microsoft's FILTER page: ``include`` is "A Boolean array whose height or width is the same as the array": a column of
the array's height keeps rows, a row of the array's width keeps columns (``=FILTER(A1:C4,E1:G1="Q1")``: the columns
under "Q1"). formualizer 0.13 reads a row as rows to keep and gave the whole array back, status ok. A FILTER whose
``include`` may be a row (a range of more than one column, an array constant of one row, a name, a call that may give
a row) is therefore written to filter the transposed array by the transposed row when ``include`` is one row of
several values, and as it was otherwise::

    LET(_xlr_filter_i, include, _xlr_filter_a, array,
        IF(AND(ROWS(_xlr_filter_i)=1, COLUMNS(_xlr_filter_i)>1),
           TRANSPOSE(FILTER(TRANSPOSE(_xlr_filter_a), TRANSPOSE(_xlr_filter_i), [if_empty])),
           FILTER(_xlr_filter_a, _xlr_filter_i, [if_empty])))

A row of another width than the array's is then #VALUE!, as in Excel. An ``include`` of single-column ranges (the
usual ``(B2:B100="x")*(C2:C100>5)``) is left as it is. The decision reads only columns (a range's rows may be the row
markers of :mod:`.row_shapes`).

>>> from openpyxl.formula import Tokenizer
>>> tokens = list(Tokenizer('=FILTER(A1:C4,E1:G1="Q1")').items)[1:-1]
>>> columns_filtered("FILTER(", "FILTER", [tokens[:1], tokens[2:]], ["A1:C4", 'E1:G1="Q1"'])[:61]
'_xlfn.LET(_xlr_filter_i,E1:G1="Q1",_xlr_filter_a,A1:C4,IF(AND'
>>> tokens = list(Tokenizer('=FILTER(A1:C4,B1:B4>5)').items)[1:-1]
>>> columns_filtered("FILTER(", "FILTER", [tokens[:1], tokens[2:]], ["A1:C4", "B1:B4>5"]) is None
True
"""

from __future__ import annotations

import re

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

__all__ = ["columns_filtered"]

#: calls whose result may be one row whatever their arguments' shapes
_ROW_MAKERS = frozenset(
    "TRANSPOSE SEQUENCE RANDARRAY TOROW HSTACK CHOOSECOLS WRAPROWS WRAPCOLS EXPAND TAKE DROP OFFSET INDEX INDIRECT "
    "XLOOKUP HLOOKUP LOOKUP MMULT FILTER SORT SORTBY UNIQUE ANCHORARRAY MAKEARRAY BYCOL CHOOSE LET LAMBDA "
    "TEXTSPLIT FREQUENCY LINEST LOGEST TREND GROWTH".split()
)
_PREFIX = re.compile(r"(?i)^(?:_xlfn\.|_xlws\.)+")


def _one_column(reference: str) -> bool:
    """Whether an A1 reference (``S!$B$2:$B$9``, ``B:B``, ``C7``) is one column; False for a name, a row (``1:1``),
    a spilled range (``A1#``) or anything else."""
    area = reference.rpartition("!")[2].replace("$", "")
    if "#" in area or not re.fullmatch(r"[A-Za-z]{1,3}\d*(?::[A-Za-z]{1,3}\d*)?", area):
        return False
    try:
        left, _, right, _ = range_boundaries(area if ":" in area else f"{area}:{area}")
    except (ValueError, TypeError):
        return False
    return left is not None and left == right


def _may_be_row(tokens: list[Token]) -> bool:
    """Whether ``include``'s tokens may give one row of several values."""
    in_array = False
    for token in tokens:
        if token.type == Token.ARRAY and token.subtype == Token.OPEN:
            in_array = True
        elif token.type == Token.ARRAY and token.subtype == Token.CLOSE:
            in_array = False
        elif in_array and token.type == Token.SEP and token.subtype == Token.ARG:
            return True  # {TRUE,FALSE,TRUE}
        elif token.type == Token.FUNC and token.subtype == Token.OPEN:
            if _PREFIX.sub("", token.value[:-1]).upper() in _ROW_MAKERS:
                return True
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and not _one_column(token.value):
            return True
    return False


def columns_filtered(opening: str, name: str, parts: list[list[Token]], args: list[str]) -> str | None:
    """FILTER's call (``opening`` + ``args`` + ``)``, ``parts`` the arguments' tokens) written to keep columns where
    its ``include`` is a row, or None when ``include`` is always a column or a single value (or the call is not
    FILTER of two or three arguments)."""
    if name != "FILTER" or len(args) not in (2, 3) or not args[0].strip() or not args[1].strip():
        return None
    if not _may_be_row(parts[1]):
        return None
    rest = "".join(f",{arg}" for arg in args[2:])
    include, array = "_xlr_filter_i", "_xlr_filter_a"
    across = f"{opening}TRANSPOSE({array}),TRANSPOSE({include}){rest})"
    down = f"{opening}{array},{include}{rest})"
    row = f"AND(ROWS({include})=1,COLUMNS({include})>1)"
    return f"_xlfn.LET({include},{args[1]},{array},{args[0]},IF({row},TRANSPOSE({across}),{down}))"
