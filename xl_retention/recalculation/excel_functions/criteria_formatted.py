"""A number as a criterion over a range holding the same number written as formatted text ("10%", "$5", "1,000").

``COUNTIF(E1:E2,0.1)`` over the text "10%" and the number 0.1: the engine matched the text as well (2), LibreOffice
does not (1). Excel reads number-like text of a criteria range as a number (``COUNTIF(A:A,A2)`` counts 16-digit text
ids as numbers: :mod:`.criteria_long`), but whether that reading takes a percent sign, a currency sign or thousands
separators is documented nowhere, and the engine itself takes "10%" but not "$5" or "1,000". Where a criterion that
is a number (typed in, or a cell or expression whose value is a number when the formula runs) meets such text of the
same number in its range, the call is listed with the reason (``_XLR.NUMBERTEXTREFUSED``: not computed, Excel's
stored value kept), as :mod:`.criteria_runtime` does for a formatted criterion typed as text (``"10%"``). Elsewhere
it is computed as before: the test reads the range in Python only when the engine's own wildcard counts
(``COUNTIF(r,"*%*")``, cached by the engine for a range and a constant criterion) find such a character in its text.

A criterion given when the formula runs (a cell, an expression) that is an operator before such a number
(``">=50%"`` held by D1, ``">="&"50%"``) is listed as the same text typed in is (``COUNTIF(A1:A3,">=50%")``:
:func:`.criteria_runtime.formatted_guarded`, ``_XLR.FORMATTEDREFUSED``) where its range holds such text (H548: it was
computed under ok, matching numbers only); in an array of criteria too (:func:`written_read`).
"""

from __future__ import annotations

from typing import Any

from openpyxl.formula.tokenizer import Token

from ._core import FUNCTIONS, Function, engine_call, is_error, matrix, number_text
from .collation import _CRITERIA
from .criteria_long import refusing
from .criteria_runtime import FORMATTED_REFUSED, FORMATTED_TEXTS, formatted_texts, quoted
from .criteria_values import NUMBERED, written_number

__all__ = ["NUMBER_TEXT_REFUSED", "formatted_number_guarded", "ordered_written", "same_number_texts", "written_read"]

NUMBER_TEXTS = "_XLR.NUMBERTEXTS"
NUMBER_TEXT_REFUSED = "_XLR.NUMBERTEXTREFUSED"


def _fifteen(number: float) -> float:
    """``number`` at Excel's 15 significant digits (how criteria compare numbers)."""
    return float(f"{number:.15g}")


def same_number_texts(values: Any, criterion: Any) -> bool:
    """Whether ``values`` (a criteria range's) hold text that is a number written with ``%``, ``$`` or ``,`` equal
    to ``criterion`` (a number; anything else: False).

    >>> same_number_texts([["10%"], [0.1]], 0.1), same_number_texts([["10%", "$5"]], 7.0), same_number_texts("$5", 5)
    (True, False, True)
    >>> same_number_texts([["1,000"]], "1000"), same_number_texts([["1,000"]], 1000.0)
    (False, True)
    >>> same_number_texts([["$0.50"]], "50%"), same_number_texts([["$0.50"]], "=50%")
    (True, False)
    """
    from .text_numbers import text_to_number  # noqa: PLC0415  (text_numbers imports this package's core only)

    if isinstance(criterion, list):
        criterion = matrix(criterion)[0][0] if criterion else None
    written = written_number(criterion)  # "50%" held by a cell: 0.5, as typed (.criteria_values.numbered)
    if written is not None and not written[0]:
        criterion = written[1]
    if isinstance(criterion, bool) or not isinstance(criterion, int | float) or is_error(criterion):
        return False
    wanted = _fifteen(float(criterion))
    for row in matrix(values):
        for value in row:
            if isinstance(value, str) and any(c in value for c in "%$,"):
                number = text_to_number(value)
                if not isinstance(number, str) and _fifteen(number) == wanted:
                    return True
    return False


def ordered_written(criterion: Any) -> tuple[str, float] | None:
    """(operator, number) of a text criterion that is ``<``, ``>``, ``<=``, ``>=`` or ``<>`` before a number written
    with %, $, thousands separators or brackets (:func:`.criteria_values.written_number`), which Excel reads as that
    number, as typed; None for anything else.

    >>> ordered_written(">=50%"), ordered_written("<>$1,000"), ordered_written(">=0.5"), ordered_written("50%")
    (('>=', 0.5), ('<>', 1000.0), None, None)
    """
    if not isinstance(criterion, str):
        return None
    operator = next((op for op in ("<=", ">=", "<>", "<", ">") if criterion.startswith(op)), "")
    found = written_number(criterion[len(operator) :]) if operator else None
    return None if found is None or found[0] else (operator, found[1])


def written_read(values: Any, wanted: list[list[Any]]) -> tuple[list[list[Any]], str | None]:
    """The criteria ``wanted`` (an array's elements, one call each: :mod:`.criteria`) with each text that is a number
    written with %, $, thousands separators or brackets (``"50%"``: :func:`.criteria_values.written_number`), an
    operator before one or not (``">=50%"``: :func:`ordered_written`), read as that number, as Excel reads it; the
    refusing function's name where such a criterion meets such text in ``values`` (its range's: whether Excel
    matches that text is not documented, the call is listed, as for one cell's criterion): the same number as
    formatted text (:data:`NUMBER_TEXT_REFUSED`), or, after an operator, any such text (``FORMATTEDREFUSED``, as for
    the same criterion typed in); None where none does.

    >>> written_read([[0.5], [1000.0]], [["50%", "$1,000", "=(5)", "x", ">=50%"]])
    ([[0.5, 1000.0, '=-5', 'x', '>=0.5']], None)
    >>> written_read([["$0.50"]], [["50%"]])[1], written_read([["$0.50"]], [["25%"]])[1]
    ('_XLR.NUMBERTEXTREFUSED', None)
    >>> written_read([["$1,000"]], [[">=25%"]])[1]
    '_XLR.FORMATTEDREFUSED'
    """
    read, refused = [], None
    for row in wanted:
        line = []
        for value in row:
            found, ordered = written_number(value), ordered_written(value)
            if found is not None:
                refused = refused or (NUMBER_TEXT_REFUSED if same_number_texts(values, found[1]) else None)
                value = found[0] + number_text(found[1]) if found[0] else found[1]
            elif ordered is not None:
                refused = refused or (FORMATTED_REFUSED if formatted_texts(values) else None)
                value = ordered[0] + number_text(ordered[1])
            line.append(value)
        read.append(line)
    return read, refused


FUNCTIONS[NUMBER_TEXTS] = Function(NUMBER_TEXTS, engine_call(same_number_texts), 2, 2)
#: whether a text criterion is a number written with %, $, thousands separators or brackets (:func:`written`)
WRITTEN = "_XLR.WRITTENNUMBER"


def written(criterion: Any) -> bool:
    """Whether ``criterion`` (a cell's value) is text Excel reads as a number written with ``%``, ``$``, thousands
    separators or brackets, no operator (:func:`.criteria_values.written_number`): a number to the call.

    >>> written("50%"), written("$1,000"), written("=50%"), written("x,y"), written(0.5)
    (True, True, False, False, False)
    """
    found = written_number(criterion)
    return found is not None and not found[0]


FUNCTIONS[WRITTEN] = Function(WRITTEN, engine_call(written), 1, 1)
#: whether a text criterion is an operator before such a number (``">=50%"``: :func:`ordered_written`)
ORDERED_WRITTEN = "_XLR.ORDEREDWRITTEN"
FUNCTIONS[ORDERED_WRITTEN] = Function(ORDERED_WRITTEN, engine_call(lambda c: ordered_written(c) is not None), 1, 1)
FUNCTIONS[NUMBER_TEXT_REFUSED] = Function(NUMBER_TEXT_REFUSED, refusing(NUMBER_TEXT_REFUSED), 0, 254)  # criterion, ...


def _number_or_unknown(argument: list[Token]) -> str | None:
    """ "number" for a criterion typed as a number, "run" for a cell or expression (its type known when the formula
    runs: a range too, one cell there, as a classic formula's range of several is intersected and an array
    formula's call renamed before), None for typed text or a logical (read otherwise) or an array."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner:
        return None
    if len(inner) == 1 and inner[0].type == Token.OPERAND:
        token = inner[0]
        if token.subtype == Token.NUMBER:
            return "number"
        if token.subtype in (Token.TEXT, Token.LOGICAL, Token.ERROR):
            return None
        if ":" in token.value:  # D1:D1: one cell when the formula runs (several: renamed or intersected before)
            return "run"
    if any(t.type == Token.ARRAY for t in inner):
        return None
    depth = 0
    for token in inner:
        if token.type == Token.FUNC:
            depth += 1 if token.subtype == Token.OPEN else -1
        elif depth == 0 and token.type == Token.OP_IN and token.value == "&":
            return None  # ">="&C2: text, never a number
    return "run"


def formatted_number_guarded(name: str, parts: list[list[Token]], args: list[str], call: str) -> str:
    """``call`` listed where a criterion that is a number meets the same number as formatted text in its range (see
    the module docstring); ``call`` itself when no criterion may be a number.

    >>> from openpyxl.formula import Tokenizer
    >>> parts = [list(Tokenizer("=E1:E2").items), list(Tokenizer("=0.1").items)]
    >>> formatted_number_guarded("COUNTIF", parts, ["E1:E2", "0.1"], "COUNTIF(E1:E2,0.1)")[:48]
    'IF(OR(IF(COUNTIF(E1:E2,"*%*")+COUNTIF(E1:E2,"*$*'
    >>> parts[1] = list(Tokenizer('="x"').items)
    >>> formatted_number_guarded("COUNTIF", parts, ["E1:E2", '"x"'], 'COUNTIF(E1:E2,"x")')
    'COUNTIF(E1:E2,"x")'
    """
    layout = _CRITERIA.get(name)
    if layout is None:
        return call
    first, step = layout
    tests, told, ordered, ordered_told = [], [], [], []
    for k in range(first, min(len(args), len(parts)) - 1, step):
        kind = _number_or_unknown(parts[k + 1])
        joined = kind is None and _joined(parts[k + 1])  # ">="&"50%": a text when the formula runs
        if kind is None and not joined:
            continue
        area, criterion = args[k].strip(), args[k + 1].strip()
        solid = [t for t in parts[k + 1] if t.type != Token.WSPACE]
        if len(solid) == 1 and solid[0].type == Token.OPERAND:  # a cell as it is: not through a rewrite's Python
            criterion = solid[0].value
        elif criterion.startswith(f"{NUMBERED}(") and criterion.endswith(")"):  # INDEX(D1:D2,1), CHOOSE(1,D1): as is
            criterion = criterion[len(NUMBERED) + 1 : -1]  # (">=50%", not the >=0.5 NUMBERED reads it as)
        marked = "+".join(f'COUNTIF({area},"*{c}*")' for c in "%$,")
        typed = "".join(t.value for t in parts[k + 1]).strip()  # as the user wrote it, not rewritten
        if kind != "number":  # ">=50%" when the formula runs: listed as typed in where its range holds such text
            ordered.append(
                f"IF(ISTEXT({criterion}),IF({ORDERED_WRITTEN}({criterion}),"
                f"IF({marked},{FORMATTED_TEXTS}({area}),FALSE),FALSE),FALSE)"
            )
            ordered_told.append(f"{quoted(typed)},{quoted(area)}")  # for the reason (.refused_criteria)
        if joined:
            continue
        test = f"IF({marked},{NUMBER_TEXTS}({area},{criterion}),FALSE)"
        if kind == "number":
            tests.append(test)
        else:  # a number, or a text read as one ("50%" held by a cell: 0.5, as typed; .criteria_values.numbered)
            tests.append(
                f"IF(ISNUMBER({criterion}),{test},IF(ISTEXT({criterion}),IF({WRITTEN}({criterion}),{test},FALSE),FALSE))"
            )
        told.append(f"{quoted(typed)},{quoted(area)}")  # for the reason (.refused_criteria)
    if tests:
        call = f"IF(OR({','.join(tests)}),{NUMBER_TEXT_REFUSED}({','.join(told)}),{call})"
    if ordered:
        call = f"IF(OR({','.join(ordered)}),{FORMATTED_REFUSED}({','.join(ordered_told)}),{call})"
    return call


def _joined(argument: list[Token]) -> bool:
    """Whether a criterion argument joins texts with ``&`` outside any call (``">="&E1``: a text, never a number)."""
    depth = 0
    for token in argument:
        if token.type == Token.FUNC:
            depth += 1 if token.subtype == Token.OPEN else -1
        elif depth == 0 and token.type == Token.OP_IN and token.value == "&":
            return True
    return False
