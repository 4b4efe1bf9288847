"""The reasons of a criteria call the rewrite refused for formatted-number text, naming the user's own criterion
and range (H239's finding 6: the reason quoted a canned ``"10%"`` whatever the formula held).

:mod:`.excel_functions.criteria_runtime` and :mod:`.excel_functions.criteria_formatted` put the criterion's and the
range's formula text into the refusing call (``_XLR.FORMATTEDREFUSED(">12%","G1:G3")``) for these reasons.
"""

from __future__ import annotations

import re
from typing import Any

from .excel_functions.collation import formatted_number
from .excel_functions.text import text_to_number

_LITERAL = r'"((?:[^"]|"")*)"'
_CALL = re.compile(r"_XLR\.(FORMATTEDREFUSED|NUMBERTEXTREFUSED)\(\s*" + _LITERAL + r"\s*,\s*" + _LITERAL)
_OPERATORS = ("<=", ">=", "<>", "<", ">", "=")


def _read(literal: str) -> str:
    return literal.replace('""', '"')


def _number_of(criterion: str) -> str:
    """The number Excel reads a formatted criterion as (``">12%"`` -> ``0.12``), or '' where it is not one."""
    operator = next((op for op in _OPERATORS if criterion.startswith(op)), "")
    number = text_to_number(criterion[len(operator) :])
    return "" if isinstance(number, str) else f"{number:.15g}"


def number_text_kinds(texts: list[str]) -> str:
    """How the texts of a range that read as numbers are written, for the reason: dates (letters, ``/``, ``-``
    inside), numbers written with %, $ or thousands separators, or both.

    >>> number_text_kinds(["Jan 5, 2024", "x"]), number_text_kinds(["12%"])
    ('a date written as text', 'a number written with %, $ or thousands separators')
    >>> number_text_kinds(["1/5/2024", "$5"])
    'a date written as text, or a number written with %, $ or thousands separators'
    """
    dates = formatted = False
    for text in texts:
        if isinstance(text_to_number(text), str):
            continue
        if _DATE_TEXT.search(text.strip()):
            dates = True
        else:
            formatted = True
    if dates and not formatted:
        return _KINDS[0]
    if formatted and not dates:
        return _KINDS[1]
    return f"{_KINDS[0]}, or {_KINDS[1]}"


_KINDS = ("a date written as text", "a number written with %, $ or thousands separators")
_DATE_TEXT = re.compile(r"[A-Za-z]|\d[/-]\d")


def refused_criterion_reason(rewritten: str, call: str = "", kinds: str = "") -> str | None:
    """The reason for the first criteria call of ``rewritten`` refused over formatted-number text (of ``call``'s
    name, ``"_XLR.FORMATTEDREFUSED("``, where given), naming its criterion and range (``kinds``: how its range's texts
    of numbers are written, :func:`number_text_kinds`); None where it holds none (or one without their texts).

    >>> refused_criterion_reason('IF(OR(_XLR.FORMATTEDTEXTS(G1:G3)),_XLR.FORMATTEDREFUSED(">12%","G1:G3"),1)')[:96]
    'a criterion here, ">12%", is a number written with %, $ or thousands separators (12%: 0.12) and '
    >>> refused_criterion_reason('IF(x,_XLR.NUMBERTEXTREFUSED("C2","G1:G3"),1)')[:60]
    'a criterion here, C2, is a number when the formula runs and '
    >>> refused_criterion_reason("IF(x,_XLR.NUMBERTEXTREFUSED(),1)") is None
    True
    >>> refused_criterion_reason("SUM(_XLR.EACH.COUNTIF(A2:A5,D1:D2))", "_XLR.NUMBERTEXTREFUSED(")[:101]
    'a criterion here, one of D1:D2, is a number when the formula runs and its range A2:A5 holds the same '
    >>> refused_criterion_reason('IF(x,_XLR.FORMATTEDREFUSED("D1","G1:G3"),1)')[:88]
    'a criterion here, D1, is when the formula runs an operator before a number written with '
    """
    undocumented = "whether Excel matches that text is not documented, so the embedded engine does not compute it"
    found = next((f for f in _CALL.finditer(rewritten) if f"_XLR.{f.group(1)}(" == call or not call), None)
    if found is None:
        return _each_reason(rewritten, call, kinds, undocumented)
    kind, criterion, area = found.group(1), _read(found.group(2)), _read(found.group(3))
    if kind == "FORMATTEDREFUSED" and not formatted_number(criterion):  # D1 holding ">=50%", ">="&E1: when it runs
        return (
            f"a criterion here, {criterion}, is when the formula runs an operator before a number written with %, $ "
            f"or thousands separators and its range {area} holds such text; {undocumented}"
        )
    if kind == "FORMATTEDREFUSED":
        number = _number_of(criterion)
        operator = next((op for op in _OPERATORS if criterion.startswith(op)), "")
        read = f" ({criterion[len(operator) :]}: {number})" if number else ""
        return (
            f'a criterion here, "{criterion}", is a number written with %, $ or thousands separators{read} and its '
            f"range {area} holds such text; {undocumented}"
        )
    typed = not isinstance(text_to_number(criterion), str)
    kind_of = "is a number" if typed else "is a number when the formula runs"
    return (
        f"a criterion here, {criterion}, {kind_of} and its range {area} holds the same number as text "
        f"({kinds or f'{_KINDS[0]}, or {_KINDS[1]}'}); {undocumented}"
    )


def each_pairs(formula: str) -> list[tuple[str, str]]:
    """(criteria, range) of each criteria argument of the array route's calls in ``formula`` (the engine's:
    ``_XLR.EACH.COUNTIF(A2:A5,D1:D2)``, one call per element of its criteria: :mod:`.excel_functions.criteria`), as
    written there, each once; [] where it holds none (or cannot be read).

    >>> each_pairs('SUMPRODUCT(_XLR.EACH.COUNTIF(A2:A5,{">=50%", "x"}))+SUM(_XLR.EACH.SUMIFS(C:C,A:A,D1:D2,B:B,"y"))')
    [('{">=50%","x"}', 'A2:A5'), ('D1:D2', 'A:A')]
    """
    from openpyxl.formula import Tokenizer  # noqa: PLC0415
    from openpyxl.formula.tokenizer import Token  # noqa: PLC0415

    from .excel_functions.criteria import CRITERIA, criteria_positions  # noqa: PLC0415
    from .formula_tokens import argument_spans  # noqa: PLC0415

    if _EACH not in formula.upper():
        return []
    try:
        tokens = [t for t in Tokenizer("=" + formula.removeprefix("=")).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (not read: no pair named)
        return []
    pairs: list[tuple[str, str]] = []
    for k, token in enumerate(tokens):
        name = token.value[:-1].upper().removeprefix(_EACH) if token.type == Token.FUNC else ""
        if token.subtype != Token.OPEN or not token.value.upper().startswith(_EACH) or name not in CRITERIA:
            continue
        spans, _ = argument_spans(tokens, k)
        texts = ["".join(t.value for t in tokens[a:b]) for a, b in spans]
        for p in criteria_positions(name, len(texts)):
            pair = (texts[p], texts[p - 1])
            if texts[p] and pair not in pairs and not _plain_typed(tokens[slice(*spans[p])]):
                pairs.append(pair)  # (the shape marker, _XLR.SHAPE(..), comes after every criterion)
    return pairs


def _plain_typed(argument: list[Any]) -> bool:
    """Whether a criterion is typed text no route reads as a formatted number (``">0"``, ``"x"``): never the one
    refused, left unnamed."""
    from .excel_functions.criteria_formatted import ordered_written  # noqa: PLC0415
    from .excel_functions.criteria_values import written_number  # noqa: PLC0415

    if len(argument) != 1 or argument[0].type != "OPERAND" or argument[0].subtype != "TEXT":
        return False
    text = _read(argument[0].value[1:-1])
    return written_number(text) is None and ordered_written(text) is None


_EACH = "_XLR.EACH."


def _each_reason(rewritten: str, call: str, kinds: str, undocumented: str) -> str | None:
    """The reason of the array route's refusal (``call``, given no arguments there) naming its criteria and ranges
    (:func:`each_pairs`), or None where the formula holds no such call."""
    pairs = each_pairs(rewritten)
    if not pairs or call not in ("_XLR.NUMBERTEXTREFUSED(", "_XLR.FORMATTEDREFUSED("):
        return None
    criteria = " or ".join(dict.fromkeys(criterion for criterion, _ in pairs))
    areas = " or ".join(dict.fromkeys(area for _, area in pairs))
    if call == "_XLR.FORMATTEDREFUSED(":
        return (
            f"a criterion here, one of {criteria}, is an operator before a number written with %, $ or thousands "
            f"separators and its range {areas} holds such text; {undocumented}"
        )
    return (
        f"a criterion here, one of {criteria}, is a number when the formula runs and its range {areas} holds the same "
        f"number as text ({kinds or f'{_KINDS[0]}, or {_KINDS[1]}'}); {undocumented}"
    )
