"""Excel 365's LAMBDA helpers (BYROW, BYCOL, MAP, MAKEARRAY, SCAN, REDUCE) over ranges, written out call by call.

formualizer 0.13 has LET and LAMBDA but none of these helpers, and a LAMBDA cannot be handed to a Python function
(the engine passes it as ``#CALC!``). Over a range of known size (``A1:D4``, a defined name of one) each helper is a
fixed number of LAMBDA calls, which :func:`expand_lambda_helpers` writes out as ``LET(param, cell, body)``, one per
call, in Microsoft's order:

- ``BYROW(A1:D2, LAMBDA(r, body))`` -> ``VSTACK(_XLR.ONE(LET(r,$A$1:$D$1,body)), _XLR.ONE(LET(r,$A$2:$D$2,body)))``;
  BYCOL alike with HSTACK and the columns;
- ``MAP(a1, ..., LAMBDA(p1, ..., body))`` over ranges of one size: the call for each cell, the cells of every range at
  the same place, in the ranges' shape; ``MAKEARRAY(rows, cols, LAMBDA(r, c, body))`` with whole numbers typed in:
  the call for each (row, column);
- ``SCAN(init, range, LAMBDA(a, v, body))``: the accumulator through the cells row by row, each step named in one
  LET, the steps in the range's shape; ``REDUCE`` the last step (its accumulator may be an array, as in Excel).

``_XLR.ONE`` (:mod:`.excel_functions.wraps`) makes a call's result one value, or ``#CALC!`` as Microsoft's pages say
for a LAMBDA of BYROW, BYCOL, MAP, MAKEARRAY or SCAN that returns an array. A LAMBDA with the wrong number of
parameters is ``#VALUE!`` ("Incorrect Parameters"). A function passed by name (``BYROW(A1:C2, SUM)``, stored
``_xleta.SUM``) is the LAMBDA calling it. Anything else (an array computed when the formula runs, an omitted
initial value, more than :data:`MAX_CALLS` calls or :data:`MAX_STEPS` steps) is left as it is: the cell is listed as
unsupported.

>>> expand_lambda_helpers("=BYROW(A1:B2,LAMBDA(r,SUM(r)))", {})
'=VSTACK(_XLR.ONE(LET(r,$A$1:$B$1,SUM(r))),_XLR.ONE(LET(r,$A$2:$B$2,SUM(r))))'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import count

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter, range_boundaries

from ..sheet_names import NAME
from .excel_functions.wraps import ONE
from .formula_tokens import _A1_RANGE, _arguments, _bare_name

__all__ = [
    "HELPERS",
    "HELPER_REASON",
    "NAMED_HELPER_REASON",
    "helper_reason",
    "MAX_CALLS",
    "MAX_STEPS",
    "bound_call",
    "expand_lambda_helpers",
]

HELPERS = frozenset(("BYROW", "BYCOL", "MAP", "MAKEARRAY", "SCAN", "REDUCE"))
#: why a helper call was not written out (the cell is listed as unsupported with it)
HELPER_REASON = (
    "{name} over an array computed when the formula runs, without an initial value, or over more values than the "
    "engine takes: the embedded engine computes {name} only over a range typed in (or a name of one) or an array "
    "typed in ({{1,2,3}})"
)
#: ... given a name where its LAMBDA goes that is neither a LAMBDA's LET name given as it is nor a defined name of one
NAMED_HELPER_REASON = (
    "{name} is given the name {given} where its LAMBDA goes, which the embedded engine cannot follow there: it "
    "computes {name} with a LAMBDA written in it, a name defined as one, or the LET name of one given as it is (not "
    "through another name, nor bound again inside)"
)
#: the most LAMBDA calls one helper is written out for (a formula of that many LETs)
MAX_CALLS = 2000
_LET_NAMES = 200  # names per LET of SCAN's and REDUCE's steps: a nested LET for each 200
#: the most steps of SCAN and REDUCE (each reads the one before: the engine fails on SCAN from some 700 steps)
MAX_STEPS = 500
_PARAMETER = re.compile(NAME)
#: a function passed by name, as Excel 365 stores it (BYROW(A1:C2, SUM) is saved as _xlfn.BYROW(A1:C2,_xleta.SUM))
_ETA = re.compile(r"(?i)_xleta\.((?:_xlfn\.)?[A-Z][A-Z0-9.]*)")
_HINT = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(?:BYROW|BYCOL|MAP|MAKEARRAY|SCAN|REDUCE)\(")


def helper_reason(name: str, formula: str) -> str:
    """Why the helper ``name`` (upper case) of ``formula`` was not written out: the name it is given where its LAMBDA
    goes when it is given one (``MAP(A1:A2,g)``, g a LET name bound to another), else :data:`HELPER_REASON`.

    >>> helper_reason("MAP", "=LET(f,LAMBDA(x,x*2),g,f,_xlfn.MAP(A1:A2,_xlpm.g))")[:40]
    'MAP is given the name g where its LAMBDA'
    >>> helper_reason("MAP", "=MAP(A1:A2+0,LAMBDA(x,x*2))")[:38]
    'MAP over an array computed when the fo'
    """
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the reason of every cause)
        return HELPER_REASON.format(name=name)
    for i, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN and _bare_name(token.value[:-1]) == name:
            given = _arguments(tokens, i + 1, Token.FUNC)[0][-1].strip()
            bare = re.sub(r"(?i)^_xlpm\.", "", given)
            if _PARAMETER.fullmatch(bare) and _ETA.fullmatch(given) is None:
                return NAMED_HELPER_REASON.format(name=name, given=bare)
            break
    return HELPER_REASON.format(name=name)


def bound_call(parameters: list[str], values: list[str], body: str) -> str:
    """``LAMBDA(p1, ..., body)(v1, ...)`` as ``LET(p1, v1, ..., body)``, or ``#VALUE!`` when the call gives more values
    than the LAMBDA has parameters, or fewer than its required ones (Excel's "Incorrect Parameters": a name defined as
    ``LAMBDA(x, y, x+y)`` called as ``=ADD2(1)`` is #VALUE!; ``()`` gives no value). A parameter in brackets
    (``[y]``) is optional: one not given is bound to nothing, as a value left empty (``(1,)``) is, and
    ``ISOMITTED(y)`` in the body is TRUE for such a parameter and FALSE for one given (the engine has no ISOMITTED).

    >>> bound_call(["x", "y"], ["1", "2"], "x+y"), bound_call(["x", "y"], ["1"], "x+y"), bound_call(["x"], [""], "x")
    ('LET(x,1,y,2,x+y)', '#VALUE!', '#VALUE!')
    >>> bound_call(["x", "[y]"], ["1"], "IF(ISOMITTED(y),x,x+y)"), bound_call([], [""], "5")
    ('LET(x,1,y,,IF(TRUE,x,x+y))', '(5)')
    """
    given = [] if len(values) == 1 and not values[0].strip() else values
    names, optional = [], []
    for parameter in parameters:
        name = parameter.strip()
        optional.append("[" in name)
        if "[" in name:  # [_xlpm.y] as Excel stores it: the body's names are read without _xlpm. by then
            name = name.replace("[", "").replace("]", "").strip()
            name = name if "_xlpm." in body.lower() else re.sub(r"(?i)^_xlpm\.", "", name)
        names.append(name)
    if len(given) > len(names) or len(given) < sum(1 for o in optional if not o):
        return "#VALUE!"
    if not names:
        return f"({body})"
    bound = [given[k] if k < len(given) else "" for k in range(len(names))]
    for name, value in zip(names, bound, strict=True):
        bare = re.escape(name.removeprefix("_xlpm."))
        isomitted = re.compile(rf"(?i)(?<![\w.])(?:_xlfn\.)?ISOMITTED\(\s*(?:_xlpm\.)?{bare}\s*\)")
        body = isomitted.sub("FALSE" if value.strip() else "TRUE", body)
    return "LET(" + ",".join([*(f"{n},{v}" for n, v in zip(names, bound, strict=True)), body]) + ")"


def expand_lambda_helpers(formula: str, names: dict[str, str] | None) -> str:
    """``formula`` (starting with ``=``) with every LAMBDA helper over a range of known size written out (see the
    module docstring); ``names``: defined names (lower case) -> their A1 reference. The same text when none is."""
    original, tags = formula, count(1)
    for _ in range(8):  # a helper in another's LAMBDA is written out in each copy on the next pass
        if _HINT.search(formula) is None:
            return formula
        new = _one_pass(formula, names or {}, tags)
        if new is None:
            return formula
        if len(new) > 1_000_000:  # nested helpers over large ranges: left to the engine's listing
            return original
        formula = new
    return formula


def _one_pass(formula: str, names: dict[str, str], tags: Iterator[int]) -> str | None:
    try:
        tokens = list(Tokenizer(formula).items)
    except Exception:  # not a formula the tokenizer understands: the engine decides
        return None
    out: list[str] = []
    changed = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == Token.FUNC and token.subtype == Token.OPEN and _bare_name(token.value[:-1]) in HELPERS:
            args, close = _arguments(tokens, i + 1, Token.FUNC)
            if close < len(tokens):
                written = _written(_bare_name(token.value[:-1]), [a.strip() for a in args], names, tags)
                if written is not None:
                    out.append(written)
                    changed = True
                    i = close + 1
                    continue
        out.append(token.value)
        i += 1
    return "=" + "".join(out) if changed else None


def _lambda(text: str, wanted: int) -> tuple[list[str], str] | None:
    """(parameters, body) of ``LAMBDA(p1, ..., body)`` (in brackets or not), or of a function passed by name as Excel
    stores it (``_xleta.SUM``: ``LAMBDA(p1, SUM(p1))`` with the ``wanted`` parameters); None for anything else."""
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    eta = _ETA.fullmatch(text)
    if eta is not None:
        parameters = [f"_xlr_p{k}" for k in range(1, wanted + 1)]
        return parameters, f"{eta.group(1)}({','.join(parameters)})"
    try:
        tokens = list(Tokenizer("=" + text).items)
    except Exception:
        return None
    if not tokens or tokens[0].type != Token.FUNC or _bare_name(tokens[0].value[:-1]) != "LAMBDA":
        return None
    args, close = _arguments(tokens, 1, Token.FUNC)
    if close != len(tokens) - 1 or len(args) < 2:
        return None
    parameters = [a.strip().removeprefix("_xlpm.") for a in args[:-1]]
    if not all(_PARAMETER.fullmatch(p) for p in parameters):
        return None
    return parameters, re.sub(r"(?i)_xlpm\.", "", args[-1])


def _box(text: str, names: dict[str, str]) -> tuple[str, int, int, int, int] | None:
    """(sheet prefix, top, left, bottom, right) of a range typed in or a defined name of one; None otherwise."""
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = names.get(text.lower(), text)
    match = _A1_RANGE.match(text)
    if match is None:
        return None
    area = match.group("a") + (":" + match.group("b") if match.group("b") else "")
    left, top, right, bottom = range_boundaries(area.replace("$", ""))
    return match.group("sheet") or "", top, left, bottom, right  # type: ignore[return-value]


def _constant(text: str) -> list[list[str]] | None:
    """The values (as typed) of an array constant, row by row (``{1,-2;"a",TRUE}``: ``[["1", "-2"], ['"a"', "TRUE"]]``),
    or None for anything else (a row shorter than another is none: Excel does not take it).

    >>> _constant('{1,-2;"a",#N/A}'), _constant("{1,2;3}"), _constant("A1:A2")
    ([['1', '-2'], ['"a"', '#N/A']], None, None)
    """
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if not text.startswith("{"):
        return None
    try:
        tokens = [t for t in Tokenizer("=" + text).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: left as it is)
        return None
    if len(tokens) < 3 or tokens[0].type != Token.ARRAY or tokens[-1].type != Token.ARRAY:
        return None
    rows: list[list[str]] = [[""]]
    for token in tokens[1:-1]:
        if token.type == Token.SEP:
            if not rows[-1][-1]:
                return None
            if token.subtype == Token.ROW:
                rows.append([""])
            else:
                rows[-1].append("")
        elif token.type == Token.OPERAND and token.subtype != Token.RANGE or token.type == Token.OP_PRE:
            rows[-1][-1] += token.value
        else:
            return None
    if not rows[-1][-1] or len({len(row) for row in rows}) != 1:
        return None
    return rows


#: a block of a helper's array as the text given a LAMBDA: (top, left, bottom, right), 0-based from its first value
_Part = Callable[[int, int, int, int], str]


def _source(text: str, names: dict[str, str]) -> tuple[int, int, _Part] | None:
    """(rows, columns, part) of a helper's array: a range typed in, a defined name of one, or an array constant
    (``{1,2,3}``); ``part`` gives a block of it as text (a cell or range; one value or an array constant)."""
    box = _box(text, names)
    if box is not None:
        sheet, top, left, bottom, right = box
        return (
            bottom - top + 1,
            right - left + 1,
            lambda r0, c0, r1, c1: _area(sheet, top + r0, left + c0, top + r1, left + c1),
        )
    rows = _constant(text)
    if rows is None:
        return None

    def part(r0: int, c0: int, r1: int, c1: int) -> str:
        if (r0, c0) == (r1, c1):
            return rows[r0][c0]
        return "{" + ";".join(",".join(row[c0 : c1 + 1]) for row in rows[r0 : r1 + 1]) + "}"

    return len(rows), len(rows[0]), part


def _cell(sheet: str, row: int, column: int) -> str:
    return f"{sheet}${get_column_letter(column)}${row}"


def _area(sheet: str, top: int, left: int, bottom: int, right: int) -> str:
    if (top, left) == (bottom, right):
        return _cell(sheet, top, left)
    return f"{_cell(sheet, top, left)}:${get_column_letter(right)}${bottom}"


def _call(parameters: list[str], values: list[str], body: str) -> str:
    return "LET(" + ",".join(f"{p},{v}" for p, v in zip(parameters, values, strict=True)) + f",{body})"


def _grid(rows: list[list[str]]) -> str:
    if len(rows) == 1:
        return "HSTACK(" + ",".join(rows[0]) + ")"
    if all(len(row) == 1 for row in rows):  # one column: no HSTACK of one value per row (the engine fails on 700)
        return "VSTACK(" + ",".join(row[0] for row in rows) + ")"
    return "VSTACK(" + ",".join("HSTACK(" + ",".join(row) + ")" for row in rows) + ")"


def _written(name: str, args: list[str], names: dict[str, str], tags: Iterator[int]) -> str | None:
    """The helper call written out, ``#VALUE!`` for a LAMBDA of the wrong number of parameters, or None."""
    if not args:
        return None
    wanted = {"BYROW": 1, "BYCOL": 1, "MAKEARRAY": 2, "SCAN": 2, "REDUCE": 2, "MAP": len(args) - 1}[name]
    found = _lambda(args[-1], wanted)
    if found is None:
        return None
    parameters, body = found
    if len(parameters) != wanted:
        return "#VALUE!"
    if name in ("BYROW", "BYCOL"):
        if len(args) != 2 or (source := _source(args[0], names)) is None:
            return None
        height, width, part = source
        if name == "BYROW":
            if height > MAX_CALLS:
                return None
            calls = [_call(parameters, [part(r, 0, r, width - 1)], body) for r in range(height)]
            return "VSTACK(" + ",".join(f"{ONE}({c})" for c in calls) + ")"
        if width > MAX_CALLS:
            return None
        calls = [_call(parameters, [part(0, c, height - 1, c)], body) for c in range(width)]
        return "HSTACK(" + ",".join(f"{ONE}({c})" for c in calls) + ")"
    if name == "MAP":
        sources = [_source(a, names) for a in args[:-1]]
        if not sources or any(s is None for s in sources):
            return None
        sizes = {(s[0], s[1]) for s in sources}  # type: ignore[index]
        if len(sizes) != 1:
            return None  # arrays of different sizes: left to the engine's listing
        height, width = sizes.pop()
        if height * width > MAX_CALLS:
            return None
        rows = [
            [
                f"{ONE}({_call(parameters, [s[2](i, j, i, j) for s in sources], body)})"  # type: ignore[index]
                for j in range(width)
            ]
            for i in range(height)
        ]
        return _grid(rows)
    if name == "MAKEARRAY":
        if len(args) != 3:
            return None
        try:
            height, width = float(args[0]), float(args[1])
        except ValueError:
            return None  # rows or columns computed when the formula runs
        height_, width_ = int(height), int(width)
        if height_ < 1 or width_ < 1:
            return "#VALUE!"
        if height_ * width_ > MAX_CALLS:
            return None
        rows = [
            [f"{ONE}({_call(parameters, [str(i), str(j)], body)})" for j in range(1, width_ + 1)]
            for i in range(1, height_ + 1)
        ]
        return _grid(rows)
    # SCAN and REDUCE
    if len(args) != 3 or not args[0] or (source := _source(args[1], names)) is None:
        return None
    height, width, part = source
    if height * width > MAX_STEPS:
        return None
    tag = next(tags)
    steps: list[list[str]] = []
    chain: list[str] = []
    previous = f"({args[0]})"
    for r in range(height):
        steps.append([])
        for c in range(width):
            step = f"_xlr_s{tag}_{len(chain) // 2 + 1}"
            call = _call(parameters, [previous, part(r, c, r, c)], body)
            chain += [step, f"{ONE}({call})" if name == "SCAN" else call]
            steps[-1].append(step)
            previous = step
    text = _grid(steps) if name == "SCAN" else previous
    for start in reversed(range(0, len(chain), 2 * _LET_NAMES)):  # the engine takes some 800 names in one LET
        text = "LET(" + ",".join(chain[start : start + 2 * _LET_NAMES]) + f",{text})"
    return text
