"""COUNTIF, SUMIF and the criteria functions with an array of criteria: one answer per criterion, as Excel gives them.

``SUMPRODUCT(1/COUNTIF(A1:A10,A1:A10))`` (the number of distinct values) and ``SUM(COUNTIF(A:A,{"x","z"}))``
give Excel one count per criterion; formualizer 0.13 answers 0 or #DIV/0! there. The rewrite of
:mod:`..rewrite` renames such a call (criteria a multi-cell range or an array constant, where Excel
evaluates arrays) ``_XLR.EACH.COUNTIF`` / ``_XLR.EACH.SUMIF``. Each criterion is then matched by the
engine's own COUNTIF/SUMIF (its operators, wildcards and text-number rules, the same as in a cell) in a
scratch workbook holding the range's values: one formula per criterion, evaluated at once. COUNTIFS, SUMIFS,
AVERAGEIF(S), MAXIFS and MINIFS likewise (:func:`each_criteria`): ``SUM(COUNTIFS(A1:A6,{"North","South"},B1:B6,
"active"))``, ``{=COUNTIFS(C1:C6,">="&F1:F3,C1:C6,"<"&EOMONTH(F1:F3,0)+1)}`` (one count per month).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from ._core import (
    EACH,
    FUNCTIONS,
    ExcelError,
    Function,
    engine_call,
    engine_value,
    error_code,
    is_error,
    matrix,
)
from .criteria_keys import _distinct, _key


def _block(values: Any, blanks: bool = True) -> list[list[Any]]:
    """``values`` as rows of one width; ``blanks``: "" made a blank cell (a range's), else kept (a criterion's)."""
    rows = matrix(values)
    width = max(len(row) for row in rows)
    return [[None if blanks and v == "" else v for v in row] + [None] * (width - len(row)) for row in rows]


def _area(left: int, rows: int, columns: int) -> str:
    return f"${get_column_letter(left)}$1:${get_column_letter(left + columns - 1)}${rows}"


#: the marker of the true shape of an EACH call's ranges (see :func:`shape_marker`), a text no cell holds
_SHAPE = "\ue001shape:"
#: the registered function giving that marker
SHAPE = "_XLR.SHAPE"


def shape_marker(rows: Any, columns: Any) -> str:
    """The text that tells an EACH criteria call the true size of its ranges (``ROWS(A:A)``, ``COLUMNS(A:A)``): the
    engine passes a whole column cut to its cells in use, and each column its own length.

    >>> shape_marker(1048576.0, 1.0) == _SHAPE + "1048576:1"
    True
    """
    return f"{_SHAPE}{int(rows)}:{int(columns)}"


FUNCTIONS[SHAPE] = Function(SHAPE, engine_call(shape_marker), 2, 2)


def _shape_of(value: Any) -> tuple[int, int] | None:
    if isinstance(value, str) and value.startswith(_SHAPE):
        rows, _, columns = value[len(_SHAPE) :].partition(":")
        return int(rows), int(columns)
    return None


def _padded(blocks: list[list[list[Any]]], shape: tuple[int, int] | None) -> tuple[int, int, int, int]:
    """Pad ``blocks`` (ranges' values, in place) to one size: (rows, columns) of the values, and (rows, columns) of one
    empty row (column) more when ``shape`` (the true size) goes further: its cells beyond are all empty."""
    rows = max(len(b) for b in blocks)
    columns = max(len(b[0]) for b in blocks)
    more_rows = int(shape is not None and shape[0] > rows and shape[1] <= columns)
    more_columns = int(shape is not None and shape[1] > columns and shape[0] <= rows)
    for block in blocks:
        for row in block:
            row.extend([None] * (columns + more_columns - len(row)))
        block.extend([[None] * (columns + more_columns) for _ in range(rows + more_rows - len(block))])
    return rows, columns, rows + more_rows, columns + more_columns


def _tail(shape: tuple[int, int] | None, rows: int, columns: int) -> int:
    """How many rows (columns) of empty cells the true shape holds beyond the values' ``rows`` x ``columns``."""
    if shape is None:
        return 0
    if shape[0] > rows and shape[1] <= columns:
        return shape[0] - rows
    return shape[1] - columns if shape[1] > columns and shape[0] <= rows else 0


def each_criterion(
    name: str, area: Any, criteria: Any, summed: Any = None, shape: Any = None, *, shift: float = 0.0
) -> Any:
    """``name`` (COUNTIF or SUMIF) of ``area`` for each element of ``criteria``: an array of the criteria's shape.
    ``shape``: the true size of the ranges (:func:`shape_marker`), when the engine passed whole columns cut;
    ``shift``: the days a 1900-system date serial is ahead of the workbook's (1462 in the 1904 date system).

    >>> each_criterion("COUNTIF", [["x"], ["y"], ["x"]], [["x", "y", "z"]])
    [[2.0, 1.0, 0.0]]
    >>> each_criterion("SUMIF", [["x"], ["y"], ["x"]], [["x"], [">w"]], [[1.0], [2.0], [4.0]])
    [[5.0], [7.0]]
    >>> each_criterion("COUNTIF", [[1.0], [2.0]], [["", 1.0]], shape=shape_marker(10, 1))
    [[8.0, 1.0]]
    """
    import formualizer as fz  # the engine itself, in a workbook of its own (never the one calling this)

    from .criteria_date_texts import each_date_keyed  # (a module that imports this one)

    true = _shape_of(shape)
    book = fz.Workbook()
    sheet = book.sheet("S")
    values, wanted = _block(area), _block(criteria, blanks=False)  # the criterion "" counts blank cells
    blocks = [values] if summed is None else [values, _block(summed)]
    dated = each_date_keyed(values, wanted, shift)  # "2024-01-15" over text dates: as numbers (.criteria_date_texts)
    if dated is not None:
        blocks.append(dated[0])
        wanted = [
            [w if k is None else k for w, k in zip(*rows, strict=True)] for rows in zip(wanted, dated[1], strict=True)
        ]
    height, width, padded_height, padded_width = _padded(blocks, true)
    tail = _tail(true, height, width) if name == "COUNTIF" else 0
    column, areas, wider = 1, [], []
    for block in blocks:
        sheet.set_values_batch(1, column, padded_height, padded_width, block)
        areas.append(_area(column, height, width))
        wider.append(_area(column, padded_height, padded_width))
        column += padded_width + 1
    firsts, where = _distinct(
        [[(_key(w), dated is not None and dated[1][i][j] is not None) for j, w in enumerate(row)]
         for i, row in enumerate(wanted)]
    )  # fmt: skip
    count = len(firsts)  # one scratch formula per distinct criterion, in one column
    sheet.set_values_batch(1, column, count, 1, [[wanted[i][j]] for i, j in firsts])

    def call(n: int, ranges: list[str]) -> str:
        i, j = firsts[n]
        first, rest = ranges[0], ranges[1 : 1 + (summed is not None)]
        if dated is not None and dated[1][i][j] is not None:
            first = ranges[-1]  # the range with its date texts as numbers
        return f"{name}({first},{get_column_letter(column)}{n + 1}{''.join(',' + r for r in rest)})"

    formulas = [
        [(None if dated is not None and dated[1][i][j] is not None
          else _digits_checked(name, [areas[0], "", *areas[1 : 1 + (summed is not None)]], 1, wanted[i][j], tail))
         or "=" + call(n, areas) + (f"+({call(n, wider)}-{call(n, areas)})*{tail}" if tail else "")]
        for n, (i, j) in enumerate(firsts)
    ]  # fmt: skip
    out = column + 2
    sheet.set_formulas_batch(1, out, count, 1, formulas)
    book.evaluate_all()
    result = sheet.get_values(fz.RangeAddress("S", 1, out, count, out))
    answers = [engine_value(row[0]) if isinstance(row[0], dict) else row[0] for row in result]
    return [[answers[n] for n in line] for line in where]


def _countif(area: Any, criteria: Any, shape: Any = None, *, shift: float = 0.0) -> Any:
    return each_criterion("COUNTIF", area, criteria, shape=shape, shift=shift)


def _sumif(area: Any, criteria: Any, summed: Any = None, shape: Any = None, *, shift: float = 0.0) -> Any:
    if _shape_of(summed) is not None:  # SUMIF(range, criteria) and its shape
        summed, shape = None, summed
    return each_criterion("SUMIF", area, criteria, area if summed is None else summed, shape, shift=shift)


#: the functions of this module, by the position of their (first) criteria argument
CRITERIA = {"COUNTIF": 1, "SUMIF": 1, "AVERAGEIF": 1, "COUNTIFS": 1, "SUMIFS": 2, "AVERAGEIFS": 2, "MAXIFS": 2,
            "MINIFS": 2}  # fmt: skip
#: the step from one criteria argument to the next (the -IFS forms: range, criteria pairs)
_STEP = {"COUNTIFS": 2, "SUMIFS": 2, "AVERAGEIFS": 2, "MAXIFS": 2, "MINIFS": 2}


def criteria_positions(name: str, count: int) -> range:
    """The positions of the criteria arguments of a call of ``name`` (in :data:`CRITERIA`) with ``count`` arguments.

    >>> list(criteria_positions("SUMIFS", 7)), list(criteria_positions("COUNTIF", 2))
    ([2, 4, 6], [1])
    """
    first = CRITERIA[name]
    step = _STEP.get(name)
    return range(first, count, step) if step else range(first, min(first + 1, count))


def each_criteria(name: str, *args: Any, shift: float = 0.0) -> Any:
    """``name`` (COUNTIFS, SUMIFS, AVERAGEIF(S), MAXIFS, MINIFS) for each element of its criteria arrays, as Excel
    gives one answer per element: criteria arrays of one row or column stretch over the others, elements beyond
    a smaller array are #N/A. Each answer is the engine's own call over the ranges' values (a scratch workbook).
    ``shift``: as in :func:`each_criterion`.

    >>> each_criteria("COUNTIFS", [["x"], ["y"], ["x"]], [["x", "y"]], [[1.0], [2.0], [3.0]], ">1")
    [[1.0, 1.0]]
    >>> each_criteria("SUMIFS", [[1.0], [2.0], [4.0]], [["x"], ["y"], ["x"]], [["x"], ["y"]])
    [[5.0], [2.0]]
    """
    import formualizer as fz  # the engine itself, in a workbook of its own (never the one calling this)

    from .criteria_date_texts import each_date_keyed  # (a module that imports this one)

    true = _shape_of(args[-1]) if args else None
    if true is not None:  # the true size of whole columns the engine passed cut (see shape_marker)
        args = args[:-1]
    positions = set(criteria_positions(name, len(args)))
    grids = {k: _block(args[k], blanks=False) for k in positions if isinstance(args[k], list)}
    rows = max((len(g) for g in grids.values()), default=1)
    columns = max((len(g[0]) for g in grids.values()), default=1)
    blocks = {k: _block(value) for k, value in enumerate(args) if k not in positions}
    picks = {
        k: [[_pick(grids.get(k, [[args[k]]]), i, j) for j in range(columns)] for i in range(rows)] for k in positions
    }
    dated = {
        k: keyed for k in positions if k - 1 in blocks and (keyed := each_date_keyed(blocks[k - 1], picks[k], shift))
    }
    for k, (_, keys) in dated.items():  # "2024-01-15" over text dates: as numbers (.criteria_date_texts)
        picks[k] = [
            [w if key is None else key for w, key in zip(*pair, strict=True)]
            for pair in zip(picks[k], keys, strict=True)
        ]
    padded = list(blocks.values()) + [keyed for keyed, _ in dated.values()]
    height, width, padded_height, padded_width = _padded(padded, true) if blocks else (1, 1, 1, 1)
    tail = _tail(true, height, width) if name == "COUNTIFS" else 0
    order = sorted(positions)
    firsts, where = _distinct(
        [[tuple((_key(picks[k][i][j]), k in dated and dated[k][1][i][j] is not None) for k in order)
          for j in range(columns)]
         for i in range(rows)]
    )  # fmt: skip
    count = len(firsts)  # one scratch formula per distinct row of criteria, in one column
    book = fz.Workbook()
    sheet = book.sheet("S")
    column, parts = 1, []
    for k in range(len(args)):
        if k in positions:
            sheet.set_values_batch(1, column, count, 1, [[picks[k][i][j]] for i, j in firsts])
            parts.append((column, None, None))
            column += 2
        else:
            sheet.set_values_batch(1, column, padded_height, padded_width, blocks[k])
            parts.append((column, _area(column, height, width), _area(column, padded_height, padded_width)))
            column += padded_width + 1
    keyed_areas = {}
    for k, (keyed, _) in dated.items():
        sheet.set_values_batch(1, column, padded_height, padded_width, keyed)
        keyed_areas[k - 1] = (_area(column, height, width), _area(column, padded_height, padded_width))
        column += padded_width + 1
    if tail:  # the engine's COUNTIFS reads as far as its sheet is in use: the empty row (column) added is in use
        sheet.set_values_batch(padded_height, column + 3, 1, 1, [[0.0]])

    def keyed_at(i: int, j: int) -> dict[int, tuple[str, str]]:  # the ranges read with their date texts as numbers
        return {k - 1: keyed_areas[k - 1] for k, (_, keys) in dated.items() if keys[i][j] is not None}

    def call(n: int, wide: bool) -> str:
        keyed = keyed_at(*firsts[n])
        cells = [(wider if wide else area) or f"{get_column_letter(first)}{n + 1}" for first, area, wider in parts]
        cells = [keyed[m][wide] if m in keyed else cell for m, cell in enumerate(cells)]
        return name + "(" + ",".join(cells) + ")"

    def checked(n: int) -> str | None:  # one criterion element at 15 digits (.criteria_cells)
        i, j = firsts[n]
        if keyed_at(i, j):
            return None
        near = [k for k in positions if _needs_digits(_pick(grids.get(k, [[args[k]]]), i, j))]
        if len(near) != 1:
            return None
        texts = [area or f"{get_column_letter(first)}{n + 1}" for first, area, _ in parts]
        return _digits_checked(name, texts, near[0], _pick(grids.get(near[0], [[args[near[0]]]]), i, j), tail)

    formulas = [
        [checked(n) or "=" + call(n, False) + (f"+({call(n, True)}-{call(n, False)})*{tail}" if tail else "")]
        for n in range(count)
    ]
    sheet.set_formulas_batch(1, column, count, 1, formulas)
    book.evaluate_all()
    result = sheet.get_values(fz.RangeAddress("S", 1, column, count, column))
    answers = [engine_value(row[0]) if isinstance(row[0], dict) else row[0] for row in result]
    return [[answers[n] for n in line] for line in where]


def _needs_digits(value: Any) -> bool:
    from .criteria_cells import near  # (a module that imports this one)

    return not isinstance(value, list) and near(value) != 0


def _digits_checked(name: str, texts: list[str], position: int, value: Any, tail: int) -> str | None:
    """The scratch formula of ``name`` over ``texts`` (its arguments) whose criterion at ``position`` is ``value``, a
    number Excel compares at 15 digits (0.3, "<>0.3": .criteria_cells), typed in and corrected as a typed one is
    (:func:`.criteria_digits.digits_corrected`); None for any other criterion (the cell's own formula is used)."""
    from .criteria_digits import digits_corrected

    if tail or not _needs_digits(value):
        return None
    args = list(texts)
    args[position] = repr(float(value)) if isinstance(value, (int, float)) else '"' + value.replace('"', '""') + '"'
    call = f"{name}({','.join(args)})"
    corrected = digits_corrected(name, args, call)
    return None if corrected is None else "=" + corrected


def _pick(block: list[list[Any]], i: int, j: int) -> Any:
    r, c = (0 if len(block) == 1 else i), (0 if len(block[0]) == 1 else j)
    if r < len(block) and c < len(block[r]):
        return block[r][c]
    return _MISSING


_MISSING = {"type": "Error", "kind": "#N/A"}

FUNCTIONS[EACH + "COUNTIF"] = Function(EACH + "COUNTIF", _countif, 2, 3)
FUNCTIONS[EACH + "SUMIF"] = Function(EACH + "SUMIF", _sumif, 2, 4)
#: the criteria functions with an array of criteria, each reading text dates (.criteria_date_texts): in 1904 moved
EACH_CRITERIA = (EACH + "COUNTIF", EACH + "SUMIF", *(EACH + n for n in ("AVERAGEIF", "COUNTIFS", "SUMIFS", "AVERAGEIFS",
                                                                      "MAXIFS", "MINIFS")))  # fmt: skip
for _name, _low, _high in (("AVERAGEIF", 2, 4), ("COUNTIFS", 2, 255), ("SUMIFS", 3, 256), ("AVERAGEIFS", 3, 256),
                           ("MAXIFS", 3, 256), ("MINIFS", 3, 256)):  # fmt: skip
    FUNCTIONS[EACH + _name] = Function(EACH + _name, partial(each_criteria, _name), _low, _high)


def _reference(argument: list[Token]) -> str | None:
    """The text of an argument that is one A1 reference typed in (not a name); None for anything else."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) != 1 or inner[0].type != Token.OPERAND or inner[0].subtype != Token.RANGE:
        return None
    try:
        range_boundaries(inner[0].value.rpartition("!")[2].replace("$", ""))
    except (ValueError, TypeError):  # a name, not a reference
        return None
    return inner[0].value


def size_guard(name: str, parts: list[list[Token]]) -> str | None:
    """For a COUNTIFS, SUMIFS, AVERAGEIFS, MAXIFS or MINIFS call (its arguments' tokens) whose ranges are typed in: a
    condition, true when they differ in size, which Excel answers with #VALUE! (Microsoft's SUMIFS: "each
    criteria_range argument must contain the same number of rows and columns as the sum_range argument"); the engine
    computed over the overlap. None when there is nothing to check. The rewrite of :mod:`.arguments` computes it in the
    engine (row numbers are set aside while a formula's shape is rewritten, so it cannot be decided there).

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(formula):
    ...     return [[t] for t in list(Tokenizer(formula).items)[1:-1] if t.type != Token.SEP]
    >>> size_guard("COUNTIFS", parts('=COUNTIFS(A1:A4,"x",B1:B3,"y")'))
    'OR(ROWS(B1:B3)<>ROWS(A1:A4),COLUMNS(B1:B3)<>COLUMNS(A1:A4))'
    >>> size_guard("SUMIF", parts('=SUMIF(A1:A4,"x",C1)')) is None
    True
    """
    name = name.removeprefix(EACH)
    if name not in _STEP:
        return None
    first = CRITERIA[name] - 1  # the first criteria range
    positions = ([0] if first == 1 else []) + [*range(first, len(parts), 2)]
    references = [_reference(parts[k]) for k in positions if k < len(parts)]
    if len(references) < 2 or None in references:
        return None
    one = references[0]
    tests = [f"ROWS({r})<>ROWS({one}),COLUMNS({r})<>COLUMNS({one})" for r in references[1:] if r != one]
    return f"OR({','.join(tests)})" if tests else None


# --- the empty cells the engine does not reach ----------------------------------------------------------------------
# The engine's COUNTIFS reads its ranges only as far as its FIRST range's sheet is in use (a whole column: as far as
# that column is), and SUMIF/AVERAGEIF as far as their criteria range is: COUNTIFS(A1:A10,"") 0 where A1:A5 are the
# sheet's last used rows (Excel 5), COUNTIFS(A:A,"") 0 (Excel 1,048,571), COUNTIFS(S!C1:C30,"",D!B1:B30,">0") 0
# when D's numbers lie below S's used rows, SUMIF(A:A,"",B:B) 0 (Excel sums B where A is empty). Every cell it does
# not reach is empty. COUNTIF and SUMIFS/AVERAGEIFS (read as far as their sum range) are right.

#: the COUNTIFS of more pairs than this with no criterion known not to match an empty cell are left to the engine
_MOST_PAIRS = 6
_ORDERINGS = ("<=", ">=", "<", ">")


def never_blank(argument: list[Token]) -> bool:
    """Whether a criterion (its tokens) certainly matches no empty cell, in Excel and in the engine: a number, logical
    or error typed in, typed text other than ``""``, ``"="`` and ``"<>x"``, or ``">="&F1`` (an ordering: empty cells
    never match ``<``, ``>``, ``<=``, ``>=``). A cell or any other expression may hold ``""`` or ``"<>x"``.

    >>> from openpyxl.formula import Tokenizer
    >>> def tokens(formula):
    ...     return list(Tokenizer(formula).items)
    >>> [never_blank(tokens(f)) for f in ('="x"', '=">=5"', '=">="&F1', "=5", '=""', '="="', '="<>x"', "=F1")]
    [True, True, True, True, False, False, False, False]
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner or inner[0].type != Token.OPERAND:
        return False
    first = inner[0]
    if len(inner) == 1 and first.subtype in (Token.NUMBER, Token.LOGICAL, Token.ERROR):
        return True
    if first.subtype != Token.TEXT or (len(inner) > 1 and inner[1].value != "&"):
        return False
    text = first.value[1:-1].replace('""', '"')
    if len(inner) > 1:  # ">="&F1: an ordering whatever follows (a lone "<" may become "<>")
        return text.startswith(_ORDERINGS) and text != "<" and not text.startswith("<>")
    if text.startswith("<>"):
        return text == "<>"
    return text.startswith(_ORDERINGS) or bool(text.removeprefix("="))


def _plain_range(argument: list[Token], text: str) -> bool:
    """Whether an argument is one reference typed in (``A1:A10``, ``Data!A:A``), as the rewrite left it."""
    reference = _reference(argument)
    return reference is not None and reference == text.strip()


def scanned_call(name: str, parts: list[list[Token]], args: list[str]) -> str | None:
    """A COUNTIFS, SUMIF or AVERAGEIF call (its arguments' tokens ``parts`` and rewritten texts ``args``) made to
    count the empty cells the engine does not reach (see above), or None to leave it as it is.

    - COUNTIFS with one pair is COUNTIF (Excel's own equivalence);
    - COUNTIFS with a criterion known to match no empty cell (:func:`never_blank`) is computed with that pair first:
      the cells it does not reach are empty in that range, so they match no row;
    - otherwise the largest of the counts with each pair first (each reaches as far as its own range), plus, when
      every criterion matches an empty cell (the engine's COUNTIF counts more of it than its COUNTIFS), the empty
      rows none of them reached: the least of COUNTIF(range,"=")-COUNTIFS(range,"=") over the ranges;
    - SUMIF(range, criteria, sum_range) and AVERAGEIF, when the criterion may match an empty cell and the ranges
      have one shape, SUMIFS(sum_range, range, criteria) (AVERAGEIFS), which reads as far as the sum range.

    Ranges must be references typed in; criteria arrays (one answer each, :func:`each_criteria`) are left alone.

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(formula):
    ...     return [[t] for t in list(Tokenizer(formula).items)[1:-1] if t.type != Token.SEP]
    >>> scanned_call("COUNTIFS", parts('=COUNTIFS(A:A,"")'), ["A:A", '""'])
    'COUNTIF(A:A,"")'
    >>> scanned_call("COUNTIFS", parts('=COUNTIFS(A:A,"",B:B,"x")'), ["A:A", '""', "B:B", '"x"'])
    'COUNTIFS(B:B,"x",A:A,"")'
    >>> scanned_call("COUNTIFS", parts('=COUNTIFS(A:A,"x",B:B,"")'), ["A:A", '"x"', "B:B", '""']) is None
    True
    >>> scanned_call("SUMIF", parts('=SUMIF(A:A,"",B:B)'), ["A:A", '""', "B:B"])
    'IF(AND(ROWS(B:B)=ROWS(A:A),COLUMNS(B:B)=COLUMNS(A:A)),SUMIFS(B:B,A:A,""),SUMIF(A:A,"",B:B))'
    """
    if name not in ("COUNTIFS", "SUMIF", "AVERAGEIF") or len(parts) != len(args):
        return None
    ranges = range(0, len(args), 2) if name == "COUNTIFS" else (0, 2)
    if name == "COUNTIFS" and len(args) % 2 or name != "COUNTIFS" and len(args) != 3:
        return None
    if not all(_plain_range(parts[k], args[k]) for k in ranges):
        return None
    criteria = range(1, len(args), 2) if name == "COUNTIFS" else (1,)
    if any(_is_array(parts[k]) for k in criteria):
        return None
    if name != "COUNTIFS":
        if never_blank(parts[1]):
            return None
        area, criterion, summed = (a.strip() for a in args)
        same = f"AND(ROWS({summed})=ROWS({area}),COLUMNS({summed})=COLUMNS({area}))"
        return f"IF({same},{name}S({summed},{area},{criterion}),{name}({area},{criterion},{summed}))"
    pairs = [(args[k].strip(), args[k + 1].strip()) for k in range(0, len(args), 2)]
    if len(pairs) == 1:
        return f"COUNTIF({pairs[0][0]},{pairs[0][1]})"
    known = next((j for j, k in enumerate(criteria) if never_blank(parts[k])), None)
    if known is not None:
        if known == 0:
            return None
        ordered = [pairs[known], *pairs[:known], *pairs[known + 1 :]]
        return "COUNTIFS(" + ",".join(f"{r},{c}" for r, c in ordered) + ")"
    if len(pairs) > _MOST_PAIRS:
        return None
    names = [f"_xlr_c{chr(ord('a') + j)}" for j in range(len(pairs))]
    bound = ",".join(f"{n},{c}" for n, (_, c) in zip(names, pairs, strict=True))
    keyed = [(r, n) for n, (r, _) in zip(names, pairs, strict=True)]
    counts = [
        "COUNTIFS(" + ",".join(f"{r},{c}" for r, c in [keyed[j], *keyed[:j], *keyed[j + 1 :]]) + ")"
        for j in range(len(keyed))
    ]
    matched = ",".join(f"COUNTIF({r},{n})>COUNTIFS({r},{n})" for r, n in keyed)
    unread = ",".join(f'COUNTIF({r},"=")-COUNTIFS({r},"=")' for r, _ in keyed)
    return f"LET({bound},MAX({','.join(counts)})+IF(AND({matched}),MIN({unread}),0))"


def _is_array(argument: list[Token]) -> bool:
    """Whether a criterion may be an array: it holds a multi-cell range or an array typed in."""
    return any(
        (t.type == Token.OPERAND and t.subtype == Token.RANGE and ":" in t.value) or t.type == Token.ARRAY
        for t in argument
    )


# --- an error in a matched row of the sum range ---------------------------------------------------------------------
#: the registered function giving the first error of a sum range in a row its criteria match (see below)
MATCHED_ERROR = "_XLR.MATCHEDERROR"
_SUMMING = {"SUMIF": 3, "AVERAGEIF": 3, "SUMIFS": 0, "AVERAGEIFS": 0}


def error_checked(name: str, parts: list[list[Token]], args: list[str], call: str) -> str | None:
    """A SUMIF, SUMIFS, AVERAGEIF or AVERAGEIFS ``call`` (its arguments' tokens ``parts``, rewritten texts ``args``)
    made to give the error of a matched row of its sum range, as Excel does ("=SUMIF(A1:A4,"y",B1:B4)" is #DIV/0!
    when a "y" row of B holds =1/0; the engine skipped the error: the sum of the other rows). Only when the sum range
    holds an error (``ISERROR(SUM(range))``, read by the engine) does :func:`matched_error` look for one in a matched
    row. None to leave the call alone (criteria arrays, one answer each: :func:`each_criteria`).

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(formula):
    ...     return [[t] for t in list(Tokenizer(formula).items)[1:-1] if t.type != Token.SEP]
    >>> error_checked("SUMIFS", parts('=SUMIFS(B1:B4,A1:A4,"y")'), ["B1:B4", "A1:A4", '"y"'], 'SUMIFS(B1:B4,A1:A4,"y")')
    'LET(_xlr_v,SUMIFS(B1:B4,A1:A4,"y"),IF(ISERROR(SUM(B1:B4)),_XLR.MATCHEDERROR(_xlr_v,TRUE,B1:B4,A1:A4,"y"),_xlr_v))'
    """
    count = _SUMMING.get(name)
    if count is None or not args:
        return None
    args = [a.strip() for a in args]
    if count:  # SUMIF(range, criteria, [sum_range]): the sum range resized to the range's shape (Excel)
        if len(args) not in (2, 3) or _is_array(parts[1]):
            return None
        area, criterion = args[0], args[1]
        summed = args[2] if len(args) == 3 and args[2] else area
        same = "TRUE" if summed == area else f"AND(ROWS({summed})=ROWS({area}),COLUMNS({summed})=COLUMNS({area}))"
        pairs = [area, criterion]
    else:
        if len(args) < 3 or len(args) % 2 == 0 or any(_is_array(parts[k]) for k in range(2, len(args), 2)):
            return None
        summed, same, pairs = args[0], "TRUE", args[1:]
    checked = ",".join([summed, *pairs])
    return f"LET(_xlr_v,{call},IF(ISERROR(SUM({summed})),{MATCHED_ERROR}(_xlr_v,{same},{checked}),_xlr_v))"


def matched_error(value: Any, same: Any, summed: Any, *pairs: Any) -> Any:
    """``value`` (the engine's SUMIF/SUMIFS/AVERAGEIF(S)), or the first error of ``summed`` (row by row) in a position
    every criterion matches: ``pairs`` are (range, criterion) values. Each error's position is matched by the
    engine's own COUNTIF (a scratch workbook of those positions only). ``same``: the sum range has the criteria
    range's shape (SUMIF resizes it otherwise: the engine's value is kept).

    >>> error = {"type": "Error", "kind": "Div"}
    >>> matched_error(5.0, True, [[10.0], [error], [30.0], [5.0]], [["x"], ["y"], ["x"], ["y"]], "y")
    Traceback (most recent call last):
    ...
    xl_retention.recalculation.excel_functions._core.ExcelError: #DIV/0!
    >>> matched_error(40.0, True, [[10.0], [error], [30.0], [5.0]], [["x"], ["y"], ["x"], ["y"]], "x")
    40.0
    """
    import formualizer as fz  # the engine itself, in a workbook of its own (never the one calling this)

    grid = matrix(summed)
    errors = [(i, j, v) for i, row in enumerate(grid) for j, v in enumerate(row) if is_error(v)]
    criteria = [matrix(c) for c in pairs[1::2]]
    if not errors or same is not True or any(len(c) != 1 or len(c[0]) != 1 or is_error(c[0][0]) for c in criteria):
        return value
    errors = errors[:10000]
    ranges = [matrix(r) for r in pairs[0::2]]
    cells = [
        [v for r, c in zip(ranges, criteria, strict=True) for v in (_cell(r, i, j), c[0][0])] for i, j, _ in errors
    ]
    book = fz.Workbook()
    sheet = book.sheet("S")
    width = 2 * len(ranges)
    sheet.set_values_batch(1, 1, len(cells), width, cells)
    formulas = [
        ["=" + "*".join(f"COUNTIF({get_column_letter(2 * k + 1)}{i},{get_column_letter(2 * k + 2)}{i})"
                        for k in range(len(ranges)))]
        for i in range(1, len(cells) + 1)
    ]  # fmt: skip
    sheet.set_formulas_batch(1, width + 1, len(cells), 1, formulas)
    book.evaluate_all()
    matched = sheet.get_values(fz.RangeAddress("S", 1, width + 1, len(cells), width + 1))
    for (_, _, error), (hit,) in zip(errors, matched, strict=True):
        if hit == 1:
            raise ExcelError(error_code(error))
    return value


def _cell(values: list[list[Any]], i: int, j: int) -> Any:
    """The value at row ``i``, column ``j`` of a range's values (the engine passes a whole column cut to its cells in
    use: beyond them, empty)."""
    return values[i][j] if i < len(values) and j < len(values[i]) else None


FUNCTIONS[MATCHED_ERROR] = Function(MATCHED_ERROR, engine_call(matched_error), 3, 255)


def _whole(argument: list[Token]) -> bool:
    """Whether an argument is a whole column or row typed in (``A:A``, ``Data!$B:$C``, ``3:3``)."""
    reference = _reference(argument)
    if reference is None:
        return False
    low_column, low_row, _, _ = range_boundaries(reference.rpartition("!")[2].replace("$", ""))
    return low_column is None or low_row is None


def each_shaped(name: str, parts: list[list[Token]], args: list[str], call: str) -> str | None:
    """An EACH criteria ``call`` (``_XLR.EACH.COUNTIFS(...)``, its arguments' tokens and rewritten texts) given the true
    size of its ranges when one is a whole column or row (:func:`shape_marker`): the engine passes each whole column
    cut to its own cells in use, so columns of different lengths did not line up and the empty cells below were lost
    (``SUM(COUNTIFS(A:A,{"<>5",10},B:B,"x"))`` 6 where Excel counts 9). None when no range is whole.

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(formula):
    ...     return [[t] for t in list(Tokenizer(formula).items)[1:-1] if t.type != Token.SEP]
    >>> each_shaped(EACH + "COUNTIF", parts("=COUNTIF(A:A,B1:B2)"), ["A:A", "B1:B2"], "_XLR.EACH.COUNTIF(A:A,B1:B2)")
    '_XLR.EACH.COUNTIF(A:A,B1:B2,_XLR.SHAPE(ROWS(A:A),COLUMNS(A:A)))'
    """
    base = name.removeprefix(EACH)
    if base not in CRITERIA or len(parts) != len(args) or not call.endswith(")"):
        return None
    positions = set(criteria_positions(base, len(args)))
    ranges = [k for k in range(len(args)) if k not in positions]
    if not ranges or not any(_whole(parts[k]) for k in ranges):
        return None
    first = args[ranges[0]].strip()
    return f"{call[:-1]},{SHAPE}(ROWS({first}),COLUMNS({first})))"
