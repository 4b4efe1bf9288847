"""HSTACK and VSTACK over arrays of different heights (widths): padded with #N/A, as Excel pads them; TAKE and DROP
of nothing: #CALC!.

Microsoft's HSTACK page: the result has the most rows of its arrays, and "If an array has fewer rows than the maximum
width of the selected arrays, Excel returns a #N/A error in the additional rows" (its examples 2 and 3:
``=HSTACK(A2:B4,C2:D3,E2:F2)`` is three rows, #N/A below the shorter arrays); VSTACK's page alike with columns.
formualizer 0.13 made the whole result one #VALUE! (which IFERROR then hid), status ok. A call the user wrote (stored
``_xlfn.HSTACK(..)``) of two or more arrays is therefore written with each array bound once by LET and padded by
EXPAND only where it is short::

    LET(_xlr_stack_a, A1:A2, _xlr_stack_b, B1:B3, _xlr_most, MAX(rows of each),
        HSTACK(IF(rows of a = _xlr_most, _xlr_stack_a, EXPAND(_xlr_stack_a, _xlr_most, COLUMNS(_xlr_stack_a))), ..))

so that arrays of one size (whole columns too) reach the engine's own HSTACK as they are. A single value has one row
and column (an error value too: ``HSTACK(1/0, 2)`` is {#DIV/0!, 2}). The engine's own stacks (BYROW's rewrite,
:mod:`..lambda_helpers`; SUBTOTAL's rows) are written bare, ``VSTACK(..)``, and left alone: their pieces are single
values. An empty argument (``HSTACK(,A1)``) is left to the engine.

TAKE's and DROP's pages: "Excel returns a #CALC! error to indicate an empty array" (TAKE: "when either rows or columns
is 0"). The engine gave an empty array (a blank cell, ROWS 0, status ok): a call the user wrote is therefore
``LET(_xlr_taken, TAKE(..), IF(ROWS(_xlr_taken)=0, _XLR.EMPTY(), _xlr_taken))``, #CALC! where nothing is left
(:func:`.wraps.empty`); ROWS or COLUMNS of it is that #CALC! too (the engine's ROWS of an error value is 1).

CHOOSECOLS/CHOOSEROWS given an array of numbers (``CHOOSECOLS(A1:C4,{1,3})``, ``CHOOSEROWS(A1:C4,E1:E2)``) was one
#VALUE!, status ok; Microsoft's pages document #VALUE! only for a number of 0 or past the array and do not say what an
array of numbers gives: such a call is listed (:func:`chosen`, :func:`.wraps.chosen_arrays`). So is TAKE of more
rows or columns than its array has (``TAKE(A1:C4,10)``: the engine's #VALUE!, an error the TAKE page does not list).

>>> stacked("_xlfn.HSTACK(", "HSTACK", ["A1:A2", "B1:B3"])
'_xlfn.LET(_xlr_stack_a,A1:A2,_xlr_stack_b,B1:B3,_xlr_most,MAX(IFERROR(ROWS(_xlr_stack_a),1),\
IFERROR(ROWS(_xlr_stack_b),1)),_xlfn.HSTACK(IF(IFERROR(ROWS(_xlr_stack_a),1)=_xlr_most,_xlr_stack_a,\
_xlfn.EXPAND(_xlr_stack_a,_xlr_most,COLUMNS(_xlr_stack_a))),IF(IFERROR(ROWS(_xlr_stack_b),1)=_xlr_most,\
_xlr_stack_b,_xlfn.EXPAND(_xlr_stack_b,_xlr_most,COLUMNS(_xlr_stack_b)))))'
>>> stacked("VSTACK(", "VSTACK", ["_XLR.ONE(1)", "_XLR.ONE(2)"]) is None
True
>>> stacked("_xlfn.DROP(", "DROP", ["A1:B4", "N1"])
'_xlfn.LET(_xlr_taken,_xlfn.DROP(A1:B4,N1),IF(ROWS(_xlr_taken)=0,_XLR.EMPTY(),_xlr_taken))'
>>> stacked("ROWS(", "ROWS", [stacked("_xlfn.DROP(", "DROP", ["A1:B4", "9"])])
'_xlfn.LET(_xlr_taken,_xlfn.DROP(A1:B4,9),IF(ROWS(_xlr_taken)=0,_XLR.EMPTY(),ROWS(_xlr_taken)))'
>>> stacked("_xlfn.TAKE(", "TAKE", ["A1:B4", "N1"]).startswith("_xlfn.LET(_xlr_taken,_xlfn.LET(_xlr_take_a,A1:B4,")
True
"""

from __future__ import annotations

from string import ascii_lowercase

from openpyxl.formula.tokenizer import Token

from .typed import FAILED
from .wraps import CHOSEN_ARRAYS, EMPTY, NO_SEQUENCE, TAKE_MORE

__all__ = ["STACKS", "chosen", "stacked"]

#: the functions padded here
STACKS = frozenset(("HSTACK", "VSTACK"))
_PREFIX = "_xlr_stack_"
#: the start and end of a TAKE or DROP written to be #CALC! when it leaves nothing
_TAKEN, _TAKEN_END = "_xlfn.LET(_xlr_taken,", ",_xlr_taken))"
#: the start of a SEQUENCE written to be listed when it is asked for fewer than one row or column
_SEQUENCE = "_xlfn.LET(_xlr_seq_rows,"


def _letters(k: int) -> str:
    """a, b, .., z, ba, bb, ..: a distinct name part without digits (a digit after a letter reads as a row number
    to the row shapes of :mod:`.row_shapes`)."""
    out = ascii_lowercase[k % 26]
    while k >= 26:
        k //= 26
        out = ascii_lowercase[k % 26] + out
    return out


def stacked(opening: str, name: str, args: list[str]) -> str | None:
    """The call ``opening`` + ``args`` + ``)`` of HSTACK or VSTACK (``name``) with each array padded to the others'
    rows (HSTACK) or columns (VSTACK), of TAKE or DROP #CALC! where it leaves nothing; or None to leave it as it
    is: the engine's own calls (written without ``_xlfn.``), a single array, an empty argument."""
    if name in ("ROWS", "COLUMNS") and len(args) == 1:  # ROWS(TAKE(A1:B4,0)): #CALC!, not 1 (the error's size)
        taken = args[0].strip()
        if taken in _SEQUENCES:  # ROWS(SEQUENCE(0)): listed, not 1 (the size of the listing's error)
            return _sequence(*_SEQUENCES[taken], outer=opening)
        if taken == f"{CHOSEN_ARRAYS}()":  # ROWS(CHOOSECOLS(A1:C4,{1,3})): listed, not 1 (the size of an error)
            return taken
        if taken.startswith(_TAKEN) and taken.endswith(_TAKEN_END) and f"{TAKE_MORE}()" not in taken:
            return f"{taken[: -len(_TAKEN_END)]},{opening}_xlr_taken)))"
        if taken.startswith(_TAKEN) and taken.endswith(_TAKEN_END):  # TAKE(A1:B4,9)'s listing: listed, not 1
            other = "COLUMNS" if opening.upper().startswith("ROWS") else "ROWS"
            size = (
                f"_xlfn.LET(_xlr_n,{opening}_xlr_taken),IF(_xlr_n>1,_xlr_n,IF({other}(_xlr_taken)>1,_xlr_n,"
                f"IF({FAILED}(_xlr_taken),_xlr_taken,_xlr_n))))"
            )
            return f"{taken[: -len(_TAKEN_END)]},{size}))"
        return None
    if not opening.lower().startswith("_xlfn."):
        return None
    if name == "SEQUENCE" and 1 <= len(args) <= 4:
        return _sequence(opening, args)
    if name in ("TAKE", "DROP"):
        call = opening + ",".join(args) + ")"
        if name == "TAKE" and 2 <= len(args) <= 3 and all(arg.strip() for arg in args):
            call = _take_more(opening, args)
        return f"{_TAKEN}{call},IF(ROWS(_xlr_taken)=0,{EMPTY}(),_xlr_taken))"
    if name not in STACKS or len(args) < 2:
        return None
    if any(not arg.strip() for arg in args):
        return None
    across = "ROWS" if name == "HSTACK" else "COLUMNS"
    names = [_PREFIX + _letters(k) for k in range(len(args))]
    most = "_xlr_most"
    sizes = [f"IFERROR({across}({v}),1)" for v in names]
    if name == "HSTACK":
        padded = [f"_xlfn.EXPAND({v},{most},COLUMNS({v}))" for v in names]
    else:
        padded = [f"_xlfn.EXPAND({v},ROWS({v}),{most})" for v in names]
    bound = ",".join(f"{v},{arg}" for v, arg in zip(names, args, strict=True))
    pieces = ",".join(f"IF({size}={most},{v},{pad})" for size, v, pad in zip(sizes, names, padded, strict=True))
    return f"_xlfn.LET({bound},{most},MAX({','.join(sizes)}),{opening}{pieces}))"


def _sequence(opening: str, args: list[str], outer: str = "") -> str:
    """SEQUENCE(rows, [columns], ..) listed (``_XLR.NOSEQUENCE()``) where rows or columns is below 1 (an empty one
    is 1, Excel's default), the engine's SEQUENCE otherwise (given to ``outer``: ``ROWS(``); rows and columns are
    computed once (LET). The call stays in IF's branch: the engine's SEQUENCE of a blank cell fails the whole LET."""
    rows, columns = (args + ["", ""])[:2]
    call = f"{opening}_xlr_seq_rows,_xlr_seq_cols{''.join(',' + arg for arg in args[2:])})"
    text = (
        f"{_SEQUENCE}{rows.strip() or '1'},_xlr_seq_cols,{columns.strip() or '1'},"
        f"IF(OR(_xlr_seq_rows<1,_xlr_seq_cols<1),{NO_SEQUENCE}(),{outer}{call}{')' if outer else ''}))"
    )
    if not outer:
        if len(_SEQUENCES) > 10_000:
            _SEQUENCES.clear()
        _SEQUENCES[text] = (opening, args)
    return text


#: each SEQUENCE written by :func:`_sequence` -> its opening and arguments (to put ROWS or COLUMNS around the call)
_SEQUENCES: dict[str, tuple[str, list[str]]] = {}


def _array_of_numbers(tokens: list[Token]) -> bool:
    """Whether an argument is an array constant of several values or a range typed in alone (``{1,3}``, ``E1:E2``)."""
    solid = [t for t in tokens if t.type != Token.WSPACE]
    if not solid:
        return False
    if solid[0].type == Token.ARRAY and solid[0].subtype == Token.OPEN:
        return any(t.type == Token.SEP for t in solid)
    return (
        len(solid) == 1 and solid[0].type == Token.OPERAND and solid[0].subtype == Token.RANGE and ":" in solid[0].value
    )


def chosen(opening: str, name: str, parts: list[list[Token]]) -> str | None:
    """``_XLR.CHOSENARRAYS()`` in place of a CHOOSECOLS or CHOOSEROWS call the user wrote (``opening``; ``parts`` its
    arguments' tokens) given an array of numbers; None otherwise.

    >>> from openpyxl.formula import Tokenizer
    >>> tokens = list(Tokenizer("=CHOOSECOLS(A1:C4,{1,3})").items)[1:-1]
    >>> chosen("_xlfn.CHOOSECOLS(", "CHOOSECOLS", [tokens[:1], tokens[2:]])
    '_XLR.CHOSENARRAYS()'
    """
    if name not in ("CHOOSECOLS", "CHOOSEROWS") or not opening.lower().startswith("_xlfn."):
        return None
    return f"{CHOSEN_ARRAYS}()" if any(_array_of_numbers(part) for part in parts[1:]) else None


def _take_more(opening: str, args: list[str]) -> str:
    """TAKE's call with its array and counts bound once, listed (``_XLR.TAKEMORE()``) where a count is beyond the
    array's rows or columns: the engine said #VALUE!, status ok, which Microsoft's TAKE page does not list (its errors
    are #CALC! for a count of 0 and #NUM! for an array too large), and what Excel returns is not stated there."""
    names = ["_xlr_take_a", "_xlr_take_r", "_xlr_take_c"][: len(args)]
    sizes = ["ROWS", "COLUMNS"]
    beyond = [f"ABS({v})>{size}(_xlr_take_a)" for v, size in zip(names[1:], sizes, strict=False)]
    bound = ",".join(f"{v},{arg}" for v, arg in zip(names, args, strict=True))
    return f"_xlfn.LET({bound},IF(OR({','.join(beyond)}),{TAKE_MORE}(),{opening}{','.join(names)})))"
