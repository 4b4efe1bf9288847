"""A criterion known only when the formula runs that the engine would match otherwise than Excel, keyed as a typed one.

A criterion typed in (``COUNTIF(B1:B4,"<>#N/A")``, ``COUNTIF(A1:A4,"<M")``) is given to the engine as a key, its
range through ``_XLR.ERRORKEYS`` or ``_XLR.ORDERED`` (:func:`.collation.keyed_criteria`). The same text built when
the formula runs (``"<>"&"#N/A"``, a cell holding ``<M`` or ``#N/A``) was matched by the engine's own rules: over
1, 2, #N/A, #DIV/0! ``COUNTIF(B1:B4,"<>"&"#N/A")`` gave 4 where Excel gives 3 (Excel reads a criterion's text the
same however it was made). Such a call is now written twice, ``IF(<needs a key>, <keyed call>, <call>)``: the test
calls Python (``_XLR.NEEDSKEY``, one call) only for a criterion that is text, so the common ``COUNTIF(A:A,A2)`` over
a number calls none; a criterion made of typed values only (``"<="&5``) is joined when the formula is rewritten
and, when it needs no key, the call is left as it is (no test at all). The keyed call gives each criterion
given when the formula runs as ``_XLR.KEYEDRANGE(range, c)`` and ``_XLR.KEYEDCRITERION(c)``: the key and the range
wrapped as :func:`.collation._keyed_criterion` says for the criterion's text, or both as they are.

A criterion that is itself an error value (``COUNTIF(B1:B4,NA())``, a cell holding ``=NA()``) is listed as one the
engine cannot compute (``_XLR.ERRORCRITERION``, Excel's value kept): whether Excel matches the error cells there is not
documented.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.formula.tokenizer import Token

from ._core import FUNCTIONS, Function, engine_call, matrix
from .caught_errors import unraised
from .collation import _CRITERIA, _keyed_criterion, compared, error_keys, ordered
from .criteria_long import refusing
from .criteria_rewrites import not_one_value

__all__ = ["OUTSIDE_CRITERION", "criterion_position", "runtime_keyed"]

NEEDS_KEY, KEYED_RANGE, KEYED_CRITERION = "_XLR.NEEDSKEY", "_XLR.KEYEDRANGE", "_XLR.KEYEDCRITERION"
_WRAPPERS = {"_XLR.ERRORKEYS": error_keys, "_XLR.ORDERED": ordered, "_XLR.COMPARED": compared}


def _single(criterion: Any) -> Any:
    if isinstance(criterion, list) and len(criterion) == 1 and isinstance(criterion[0], list) and criterion[0]:
        return criterion[0][0]  # a one-cell range as the engine passes it
    return criterion


def _keyed(criterion: Any) -> tuple[str | None, str] | None:
    criterion = _single(criterion)
    return _keyed_criterion(criterion) if isinstance(criterion, str) else None


def needs_key(criterion: Any) -> bool:
    """Whether the engine would match ``criterion`` (a text given when the formula runs) otherwise than Excel:
    text holding ``#`` or beginning with ``<`` or ``>`` that :func:`.collation._keyed_criterion` keys (``"é"``
    without an operator is matched by the engine as given; ``"50%"`` is given as 0.5: .criteria_values.numbered).

    >>> needs_key("<>#N/A"), needs_key("#div/0!"), needs_key("<M"), needs_key("<5"), needs_key("#x"), needs_key(3.0)
    (True, True, True, False, False, False)
    >>> needs_key("é"), needs_key("<é"), needs_key([["<M"]])
    (False, True, True)
    """
    criterion = _single(criterion)
    if not isinstance(criterion, str) or not ("#" in criterion or criterion[:1] in ("<", ">")):
        return False
    return _keyed(criterion) is not None


def keyed_criterion(criterion: Any) -> Any:
    """The criterion as the engine should be given it (:func:`.collation._keyed_criterion`'s key), else itself."""
    found = _keyed(criterion)
    return _single(criterion) if found is None else found[1]


def keyed_range(values: Any, criterion: Any) -> Any:
    """The criteria range's values wrapped as the criterion's key needs (error values as keys, text as its order)."""
    found = _keyed(criterion)
    wrap = None if found is None else _WRAPPERS.get(found[0] or "")
    return matrix(values) if wrap is None else wrap(matrix(values))


FUNCTIONS[NEEDS_KEY] = Function(NEEDS_KEY, engine_call(needs_key), 1, 1)
FUNCTIONS[KEYED_CRITERION] = Function(KEYED_CRITERION, engine_call(keyed_criterion), 1, 1)
FUNCTIONS[KEYED_RANGE] = Function(KEYED_RANGE, engine_call(keyed_range), 2, 2)
#: put in the place of a criteria call given an error value as a criterion: listed (see the module docstring)
ERROR_CRITERION = "_XLR.ERRORCRITERION"
FUNCTIONS[ERROR_CRITERION] = Function(ERROR_CRITERION, refusing(ERROR_CRITERION), 0, 0)
#: put in the place of a criterion that is a range of several cells in a classic cell outside its rows and columns
#: (``COUNTIF(A1:A3,A1:A3)`` in row 5): Excel's implicit intersection gives the criterion #VALUE!, an error value as
#: above, so the call is listed; the range is kept as its argument for the reason to name (.unsupported)
OUTSIDE_CRITERION = "_XLR.OUTSIDECRITERION"
FUNCTIONS[OUTSIDE_CRITERION] = Function(OUTSIDE_CRITERION, refusing(OUTSIDE_CRITERION), 1, 1)


def criterion_position(name: str, position: int) -> bool:
    """Whether argument ``position`` (from 0) of the criteria function ``name`` is a criterion.

    >>> criterion_position("COUNTIF", 1), criterion_position("SUMIFS", 2), criterion_position("SUMIFS", 1)
    (True, True, False)
    >>> criterion_position("COUNTIFS", 3), criterion_position("SUMIF", 2), criterion_position("SUM", 1)
    (True, False, False)
    """
    layout = _CRITERIA.get(name)
    return layout is not None and position > layout[0] and (position - layout[0] - 1) % layout[1] == 0


def unraised_criteria(name: str, parts: list[list[Token]], args: list[str]) -> list[str]:
    """The criteria among ``args`` (of the criteria function ``name``, their tokens ``parts``) holding a call the
    engine fails given an error (MEDIAN, STDEV, ... of an #N/A, .caught_errors.RAISING), rewritten in ``args`` to give
    the error as a value: such an error reached no check of the criterion (``COUNTIF(A1:A3,MEDIAN(B1:B3))`` was #N/A
    with status ok, where ``COUNTIF(A1:A3,NA())`` is listed: whether Excel counts the cells holding it is not
    documented); the criteria so rewritten, for :func:`error_criteria_guarded`.

    >>> from openpyxl.formula import Tokenizer
    >>> args = ["A1:A3", "MEDIAN(B1:B3)"]
    >>> unraised_criteria("COUNTIF", [Tokenizer("=A1:A3").items, Tokenizer("=MEDIAN(B1:B3)").items], args)
    ['IF(ISERROR(SUM(B1:B3)),SUM(B1:B3),MEDIAN(B1:B3))']
    """
    raising = []
    for k, part in enumerate(parts):
        if criterion_position(name, k) and any(t.type == Token.FUNC for t in part):
            before, args[k] = args[k], unraised(args[k])
            if args[k] != before:
                raising.append(args[k])
    return raising


def error_criteria_guarded(raising: list[str], call: str) -> str:
    """``call`` listed (:data:`ERROR_CRITERION`) where one of the criteria ``raising`` is an error, as an error
    criterion typed in is; ``call`` itself without such criteria.

    >>> error_criteria_guarded(["F(B1)"], "COUNTIF(A1:A3,F(B1))")
    'IF(OR(ISERROR(F(B1))),_XLR.ERRORCRITERION(),COUNTIF(A1:A3,F(B1)))'
    """
    if not raising:
        return call
    return f"IF(OR({','.join(f'ISERROR({c})' for c in raising)}),{ERROR_CRITERION}(),{call})"


def _given_at_run_time(argument: list[Token]) -> bool:
    """A criterion given by a cell, a name or an expression (``D1:D1``, ``INDEX(D1:D2,1)`` too: one value,
    :func:`.criteria_rewrites.not_one_value`): not a value typed in, not an array."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner or not_one_value(inner):
        return False
    return not (len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype != Token.RANGE)


def _folded(argument: list[Token]) -> str | None:
    """The text of a criterion made of typed texts and whole or decimal numbers joined by ``&`` (``"<="&5``),
    as Excel joins them; None for anything else (a cell, a name, a function, another operator, an exponent).

    >>> from openpyxl.formula import Tokenizer
    >>> [_folded(list(Tokenizer(f).items)) for f in ('="<="&5', '="<>"&"#N/A"', '="<="&A1', '=">"&1.5', '=">"&1E+3')]
    ['<=5', '<>#N/A', None, '>1.5', None]
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    texts = []
    for n, t in enumerate(inner):
        if n % 2:
            if t.type != Token.OP_IN or t.value != "&":
                return None
        elif t.type == Token.OPERAND and t.subtype == Token.TEXT:
            texts.append(t.value[1:-1].replace('""', '"'))
        elif t.type == Token.OPERAND and t.subtype == Token.NUMBER and _PLAIN_NUMBER.fullmatch(t.value):
            texts.append(t.value.rstrip("0").rstrip(".") if "." in t.value else t.value)
        else:
            return None
    return "".join(texts) if len(inner) > 1 and len(inner) % 2 else None


_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _cell(argument: list[Token]) -> str | None:
    """The reference of a criterion that is one cell (``F1``, ``$F$1``, ``S!F1``), else None."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) == 1 and inner[0].subtype == Token.RANGE and ":" not in inner[0].value:
        value = inner[0].value
        return value if value[-1].isdigit() else None  # a name may be a range: evaluated once
    return None


def _typed_error(argument: list[Token]) -> bool:
    inner = [t for t in argument if t.type != Token.WSPACE]
    return len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.ERROR


def runtime_keyed(name: str, parts: list[list[Token]], args: list[str], wrapped: Any) -> str | None:
    """The criteria call ``name`` (``args`` rewritten, ``parts`` their tokens) as ``IF(<a criterion given when the
    formula runs needs a key>, <the call keyed>, <the call>)``, each call made by ``wrapped(args)`` (the rewrite's
    other guards); None when no criterion is given when the formula runs.

    >>> from openpyxl.formula import Tokenizer
    >>> parts = [[t] for t in list(Tokenizer('=COUNTIF(B1:B4,F1)').items)[1:-1] if t.type != Token.SEP]
    >>> call = runtime_keyed("COUNTIF", parts, ["B1:B4", "F1"], lambda a, *_: "COUNTIF(" + ",".join(a) + ")")
    >>> call.startswith("IF(OR(IF(ISERROR(F1),TRUE,IF(ISTEXT(F1),_XLR.NEEDSKEY(F1),FALSE))),IF(OR(ISERROR(F1))")
    True
    >>> "_XLR.ERRORCRITERION(),COUNTIF(_XLR.KEYEDRANGE(B1:B4,F1),_XLR.KEYEDCRITERION(F1))),COUNTIF(B1:B4,F1))" in call
    True
    """
    layout = _CRITERIA.get(name)
    if layout is None:
        return None
    first, step = layout
    found = [
        k + 1
        for k in range(first, len(args) - 1, step)
        if _given_at_run_time(parts[k + 1]) and not _plain_when_folded(parts[k + 1])
    ]
    errors = [k + 1 for k in range(first, len(args) - 1, step) if _typed_error(parts[k + 1])]
    if errors:
        return f"{ERROR_CRITERION}()"
    if not found:
        return None
    keyed = list(args)
    tests, bound = [], []
    for n, k in enumerate(found):
        c, v = args[k].strip(), _cell(parts[k]) or f"_xlr_c{n}"  # a cell read as it is, else evaluated once
        keyed[k - 1] = f"{KEYED_RANGE}({args[k - 1].strip()},{c})"
        keyed[k] = f"{KEYED_CRITERION}({c})"
        if v.startswith("_xlr_c"):  # MEDIAN(A1:A3) of an #N/A: the error as a value ISERROR sees (.caught_errors)
            bound.append(f"{v},{unraised(c)}")
        tests.append(f"IF(ISERROR({v}),TRUE,IF(ISTEXT({v}),{NEEDS_KEY}({v}),FALSE))")
    if name in ("SUMIF", "AVERAGEIF") and len(args) == 2:
        keyed.append(args[0].strip())  # the range's own values are summed, not its keys
    refused = ",".join(f"ISERROR({_cell(parts[k]) or f'_xlr_c{n}'})" for n, k in enumerate(found))
    keyed_call = f"IF(OR({refused}),{ERROR_CRITERION}(),{wrapped(keyed, True)})"
    chosen = f"IF(OR({','.join(tests)}),{keyed_call},{wrapped(args)})"
    return f"LET({','.join(bound)},{chosen})" if bound else chosen


def _plain_when_folded(argument: list[Token]) -> bool:
    """A criterion of typed values only (``"<="&5``) that needs no key: the run-time test would always choose the
    call as it is, so the call is left as it is (the same answer, no test made in every cell)."""
    text = _folded(argument)
    return text is not None and not needs_key(text)


# --- a typed criterion of a formatted number over a range holding formatted-number text -----------------------------
#: ``COUNTIF(E1:E2,"10%")`` reads the criterion as the number 0.1 (a typed entry); whether Excel also matches a cell
#: holding the text "10%" (the engine does not) is not documented: such a call is listed where its range holds text
#: that is a number written with %, $ or thousands separators; elsewhere computed as before.
FORMATTED_TEXTS = "_XLR.FORMATTEDTEXTS"


def formatted_texts(values: Any) -> bool:
    """Whether ``values`` (a criteria range's) hold text that is a number written with ``%``, ``$`` or ``,``.

    >>> formatted_texts([["10%", 0.1]]), formatted_texts([["x", 0.1, "1,5x"]]), formatted_texts("$5")
    (True, False, True)
    """
    from .text_numbers import text_to_number  # noqa: PLC0415  (text_numbers imports this package's core only)

    return any(
        isinstance(v, str) and any(c in v for c in "%$,") and not isinstance(text_to_number(v), str)
        for row in matrix(values)
        for v in row
    )


FUNCTIONS[FORMATTED_TEXTS] = Function(FORMATTED_TEXTS, engine_call(formatted_texts), 1, 1)


def formatted_guarded(name: str, literals: list[str | None], args: list[str], call: str) -> str:
    """``call`` listed (``_XLR.FORMATTEDREFUSED``) where a criterion typed as a formatted number (``"10%"``,
    ``">$40"``, ``"1,000"``) meets a range holding formatted-number text; ``call`` itself when it has none."""
    from .collation import formatted_number  # noqa: PLC0415

    layout = _CRITERIA.get(name)
    if layout is None:
        return call
    first, step = layout
    pairs = [
        (args[k].strip(), literals[k + 1])
        for k in range(first, len(args) - 1, step)
        if literals[k + 1] is not None and formatted_number(literals[k + 1])
    ]
    if not pairs:
        return call
    tests = ",".join(f"{FORMATTED_TEXTS}({r})" for r, _ in pairs)
    told = ",".join(f"{quoted(criterion)},{quoted(r)}" for r, criterion in pairs)  # for the reason (.refused_criteria)
    return f"IF(OR({tests}),{FORMATTED_REFUSED}({told}),{call})"


def quoted(text: str) -> str:
    """``text`` as a formula's string literal (``a"b`` -> ``"a""b"``)."""
    return '"' + text.replace('"', '""') + '"'


FORMATTED_REFUSED = "_XLR.FORMATTEDREFUSED"
FUNCTIONS[FORMATTED_REFUSED] = Function(FORMATTED_REFUSED, refusing(FORMATTED_REFUSED), 0, 254)  # criterion, range, ...
