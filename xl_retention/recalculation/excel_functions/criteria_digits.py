"""Criteria compare numbers at 15 significant digits in Excel; the engine compared their exact binary values.

Excel's COUNTIF, SUMIF, the -IFS functions and the comparison operators round both numbers to 15 significant digits
before comparing ("For comparison operators Excel rounds both operands to 15 significant digits", where lookups compare
the exact binary value: :mod:`.lookup`): over A1:A3 = ``=0.1+0.2``, ``0.3``, ``=3*0.1``, ``COUNTIF(A1:A3,0.3)`` is 3 in
Excel, 1 in the engine; ``COUNTIFS(A1:A3,">=0.3")`` likewise (H2 F21). A number ``c`` at 15 digits stands for every
number in an interval ``[low, high]`` (:func:`bounds`), so the rewrite of :mod:`.arguments`:

- makes a typed ordering criterion one on the interval's edge: ``">=0.3"`` is ``">=0.29999999999999954"`` (``>=`` and
  ``<`` the low edge, ``>`` and ``<=`` the high one, written with 17 digits), and one built at run time (``">="&F1``)
  goes through ``_XLR.WIDENED``, which does the same to the text it gets;
- corrects a count or sum with one typed number criterion (``0.3``, ``"=0.3"``, ``"<>0.3"``) of COUNTIF, COUNTIFS,
  SUMIF (its sum range of the range's shape) or SUMIFS: the engine's answer, less the cells equal to the number
  itself, plus the cells of its interval (``">="&low, "<="&high``), counted or summed by the -IFS form.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from openpyxl.formula.tokenizer import Token

from ._core import FUNCTIONS, Function, engine_call, is_error, plain_number

#: the registered function that widens an ordering criterion built at run time (see :func:`widened`)
WIDENED = "_XLR.WIDENED"
_ORDERINGS = (">=", "<=", ">", "<")
#: the functions whose criteria are widened, by (the position of their first criteria argument, step to the next)
_LAYOUT = {"COUNTIF": (1, 2), "SUMIF": (1, 3), "AVERAGEIF": (1, 3), "COUNTIFS": (1, 2), "SUMIFS": (2, 2),
           "AVERAGEIFS": (2, 2), "MAXIFS": (2, 2), "MINIFS": (2, 2)}  # fmt: skip


def _digits(value: float) -> float:
    return float(f"{value:.15g}")


def bounds(value: float) -> tuple[float, float]:
    """The least and the greatest number equal to ``value`` at 15 significant digits.

    >>> bounds(0.3)
    (0.29999999999999954, 0.3000000000000005)
    >>> bounds(0.0), bounds(110.0)[0] < 110.0 < bounds(110.0)[1]
    ((0.0, 0.0), True)
    """
    target = _digits(value)
    if target == 0 or not math.isfinite(target):  # 0 is only 0; near the largest number: as it is
        return (value, value) if math.isfinite(value) else (target, target)
    low = high = target
    while _digits(below := math.nextafter(low, -math.inf)) == target:
        low = below
    while _digits(above := math.nextafter(high, math.inf)) == target:
        high = above
    return low, high


def _ordering(text: str) -> tuple[str, float] | None:
    """(operator, number) of an ordering criterion on a plain number (``">=0.3"``), else None."""
    operator = next((op for op in _ORDERINGS if text.startswith(op)), None)
    if operator is None:
        return None
    number = plain_number(text[len(operator) :])
    return None if number is None else (operator, number)


@lru_cache(maxsize=4096)
def _edge(operator: str, number: float) -> str:
    """``operator`` and the edge of ``number``'s 15-digit interval it compares with (a criterion built at run time:
    the same few criteria for every row of a filled-down column, ``"<="&5``, worked out once each)."""
    low, high = bounds(number)
    return operator + repr(low if operator in (">=", "<") else high)


def widened(criterion: Any) -> Any:
    """A criterion as the engine should be given it: an ordering on a number (``">=12"``) moved to the edge of the
    number's 15-digit interval (:func:`bounds`); anything else as it is.

    >>> widened(">=0.3"), widened("<=0.3"), widened("x"), widened(5.0)
    ('>=0.29999999999999954', '<=0.3000000000000005', 'x', 5.0)
    """
    if isinstance(criterion, list) or is_error(criterion) or not isinstance(criterion, str):
        return criterion
    found = _ordering(criterion)
    return criterion if found is None else _edge(*found)


FUNCTIONS[WIDENED] = Function(WIDENED, engine_call(widened), 1, 1)


def _literal(argument: list[Token]) -> Token | None:
    inner = [t for t in argument if t.type != Token.WSPACE]
    return inner[0] if len(inner) == 1 and inner[0].type == Token.OPERAND else None


def _text(arg: str) -> str | None:
    """The text of an argument that is typed text (``'">=0.3"'`` -> ``>=0.3``), else None (``'">"&"0.3"'`` too).

    >>> _text('">=0.3"'), _text('"a""b"'), _text('">"&"2024-03-01"')
    ('>=0.3', 'a"b', None)
    """
    arg = arg.strip()
    if len(arg) >= 2 and arg[0] == arg[-1] == '"' and '"' not in arg[1:-1].replace('""', ""):
        return arg[1:-1].replace('""', '"')
    return None


def _equality(arg: str) -> tuple[str, float] | None:
    """("=" or "<>", number) of a typed number criterion (``0.3``, ``"0.3"``, ``"=0.3"``, ``"<>0.3"``), else None."""
    text = _text(arg)
    operator = "="
    if text is None:
        text = arg.strip()
    elif text.startswith("<>"):
        operator, text = "<>", text[2:]
    else:
        text = text.removeprefix("=")
    if not text or text != text.strip():
        return None
    number = plain_number(text)
    return (operator, number) if number is not None and number != 0 else None


def widened_criteria(name: str, parts: list[list[Token]], args: list[str]) -> list[str]:
    """``args`` of a criteria function ``name`` with each ordering criterion on a number widened (see the module
    docstring): typed ones rewritten, ones built at run time (``">="&F1``) given through ``_XLR.WIDENED``.

    >>> widened_criteria("COUNTIFS", [[], [], [], []], ["A1:A4", '">=0.3"', "B1:B4", '"x"'])
    ['A1:A4', '">=0.29999999999999954"', 'B1:B4', '"x"']
    """
    layout = _LAYOUT.get(name)
    if layout is None:
        return args
    first, step = layout
    out = list(args)
    for k in range(first, len(args), step):
        text = _text(args[k])
        if text is not None:
            found = _ordering(text)
            if found is not None:
                out[k] = '"' + _edge(*found) + '"'
            continue
        token = _literal(parts[k]) if k < len(parts) else None
        inner = [t for t in parts[k] if t.type != Token.WSPACE] if k < len(parts) else []
        if token is None and len(inner) > 1 and inner[0].subtype == Token.TEXT and inner[1].value == "&":
            if inner[0].value[1:-1].startswith(("<", ">")) and not inner[0].value[1:].startswith("<>"):
                out[k] = f"{WIDENED}({args[k].strip()})"
    return out


def digits_corrected(name: str, args: list[str], call: str) -> str | None:
    """``call`` (COUNTIF, COUNTIFS, SUMIF or SUMIFS with rewritten ``args``) corrected for its one typed number
    criterion (see the module docstring), or None when there is none (or more than one).

    >>> digits_corrected("COUNTIF", ["A1:A5", "0.3"], "COUNTIF(A1:A5,0.3)")
    '(COUNTIF(A1:A5,0.3)-COUNTIFS(A1:A5,">=0.3",A1:A5,"<=0.3")+COUNTIFS(A1:A5,">=0.29999999999999954",A1:A5,"<=0.3000000000000005"))'
    """
    args = [a.strip() for a in args]
    if name in ("COUNTIF", "COUNTIFS"):
        if name == "COUNTIF" and len(args) != 2 or len(args) % 2:
            return None
        head, pairs, same = "COUNTIFS(", [(args[k], args[k + 1]) for k in range(0, len(args), 2)], None
    elif name == "SUMIFS":
        if len(args) < 3 or len(args) % 2 == 0:
            return None
        head, pairs, same = f"SUMIFS({args[0]},", [(args[k], args[k + 1]) for k in range(1, len(args), 2)], None
    elif name == "SUMIF" and len(args) in (2, 3):
        summed = args[2] if len(args) == 3 and args[2] else args[0]
        head, pairs = f"SUMIFS({summed},", [(args[0], args[1])]
        area = args[0]
        same = None if summed == area else f"AND(ROWS({summed})=ROWS({area}),COLUMNS({summed})=COLUMNS({area}))"
    else:
        return None
    found = [(j, e) for j, (_, c) in enumerate(pairs) if (e := _equality(c)) is not None]
    if len(found) != 1:
        return None
    j, (operator, number) = found[0]
    area = pairs[j][0]
    low, high = bounds(number)
    itself = f'{area},">={number!r}",{area},"<={number!r}"'
    interval = f'{area},">={low!r}",{area},"<={high!r}"'
    rest = [f"{r},{c}" for i, (r, c) in enumerate(pairs) if i != j]
    exact = head + ",".join([itself, *rest]) + ")"
    near = head + ",".join([interval, *rest]) + ")"
    sign = ("-", "+") if operator == "=" else ("+", "-")
    corrected = f"({call}{sign[0]}{exact}{sign[1]}{near})"
    return corrected if same is None else f"IF({same},{corrected},{call})"
