"""Long chains (``=A1+A2+...+A300``; of ``*`` and ``/``, of ``&`` too) in a form the engine computes, as Excel does.

Excel takes a formula of up to 8,192 characters (Microsoft, "Excel specifications and limits": "Length of formula
contents: 8,192 characters"; only a function's arguments are limited, to 255); formualizer gives an error for a chain
of more than 256 terms (its expression tree's depth), and the formula was listed "cannot compute". :func:`split_chains`
writes such a chain with its first terms bound by ``LET``, chunk after chunk::

    t1+...+t300  ->  LET(_xlr_c1,t1+...+t200,_xlr_c1+t201+...+t299)+t300

Binary ``+`` and ``-`` (``*`` and ``/``, ``&``) are left-associative ((t1+t2)+t3): each chunk's value is exactly the
left part's, so the result is the same double, computed in Excel's order; the last operation stays outside every
call, where Excel's rule for a final ``+`` or ``-`` (:mod:`.excel_functions.final_operations`) still sees it. Only
chains whose terms read single cells, numbers, texts or calls are split: a term holding a range or a name
(``A1:A3+1``, which Excel may intersect with the formula's row) is left to the engine (still listed).
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

__all__ = ["CHAIN_LIMIT", "may_hold_long_chain", "split_chains"]

#: the most terms formualizer adds in one chain (257 give an error)
CHAIN_LIMIT = 256
#: terms bound by one LET binding (well under the limit)
_CHUNK = 200
_CELL = re.compile(r"(?i)^(?:(?:'(?:[^']|'')+'|[^'!:\[\]]+)!)?\$?[A-Z]{1,3}\$?\d+$")


def may_hold_long_chain(text: str) -> bool:
    """Whether ``text`` (a formula) may hold a chain of more than :data:`CHAIN_LIMIT` terms: a cheap test."""
    return (
        text.count("+") + text.count("-") >= CHAIN_LIMIT
        or text.count("*") + text.count("/") >= CHAIN_LIMIT
        or text.count("&") >= CHAIN_LIMIT
    )


#: the operators of a chain, by precedence (Excel: & below + and -, below * and /), and those a term may hold
_LEVELS = ((("&",), ("+", "-", "*", "/", "^")), (("+", "-"), ("*", "/", "^")), (("*", "/"), ("^",)))
_COMPARED = frozenset(("=", "<>", "<", ">", "<=", ">="))


def _plain_term(tokens: list[Token], allowed: tuple[str, ...]) -> bool:
    """Whether a chain's term (its tokens) reads no range and no name outside a call: its value is one value."""
    calls = brackets = 0
    inside = [k for k, t in enumerate(tokens) if t.type != Token.WSPACE]
    for k, token in enumerate(tokens):
        if token.subtype in (Token.OPEN, Token.CLOSE):
            step = 1 if token.subtype == Token.OPEN else -1
            if token.type == Token.FUNC:
                calls += step
            else:
                brackets += step
        elif calls == 0 and token.type == Token.OPERAND and token.subtype == Token.RANGE:
            if _CELL.match(token.value) is None:
                return False  # A1:A3, a name: Excel may intersect it with the formula's row
        elif calls == 0 and token.type == Token.WSPACE and inside and inside[0] < k < inside[-1]:
            return False  # a space between two references: their intersection
        elif calls == brackets == 0 and token.type == Token.OP_IN and token.value not in allowed:
            return False
    return True


def _joined(tokens: list[Token]) -> str:
    return "".join(t.value for t in tokens)


def _split(terms: list[list[Token]], operators: list[str], count: list[int]) -> str:
    """A chain (``terms`` joined by ``operators``) of more than :data:`CHAIN_LIMIT` terms, in chunks."""
    bindings: list[str] = []
    done = 0
    left = ""
    last = len(terms) - 1  # the last term is added outside the LET
    while last - done > _CHUNK:
        end = done + _CHUNK
        parts = [left] if left else [_joined(terms[0])]
        start = 1 if not left else done
        for k in range(start, end):
            parts.append(operators[k - 1] + _joined(terms[k]))
        count[0] += 1
        name = f"_xlr_c{count[0]}"
        bindings.append(f"{name},{''.join(parts)}")
        left, done = name, end
    rest = [left] + [operators[k - 1] + _joined(terms[k]) for k in range(done, last)]
    return f"LET({','.join(bindings)},{''.join(rest)}){operators[last - 1]}{_joined(terms[last])}"


def _chains(tokens: list[Token], count: list[int]) -> str | None:
    """``tokens`` (one expression: a formula's, an argument's, a bracket's) with its own chain split, and the chains
    inside its calls and brackets; None when nothing was split."""
    depth = 0
    top: set[str] = set()
    for token in tokens:
        if depth == 0 and token.type == Token.OP_IN:
            top.add(token.value)
        depth += (token.subtype == Token.OPEN) - (token.subtype == Token.CLOSE)
    if top & _COMPARED:
        return _inner(tokens, count)  # a chain compared: only the chains inside calls are split
    level = next(((ops, allowed) for ops, allowed in _LEVELS if top & set(ops)), None)
    if level is None:
        return _inner(tokens, count)
    ops, allowed = level
    terms: list[list[Token]] = [[]]
    operators: list[str] = []
    depth = 0
    for token in tokens:
        if depth == 0 and token.type == Token.OP_IN and token.value in ops and terms[-1]:
            operators.append(token.value)
            terms.append([])
            continue
        terms[-1].append(token)
        depth += (token.subtype == Token.OPEN) - (token.subtype == Token.CLOSE)
    if len(terms) <= CHAIN_LIMIT or not all(terms) or not all(_plain_term(t, allowed) for t in terms):
        return _inner(tokens, count)
    for k, term in enumerate(terms):
        text = _inner(term, count) if len(term) > 1 else None
        if text is not None:  # a term holding a long chain in a call
            terms[k] = [Token(text, Token.OPERAND, Token.RANGE)]
    return _split(terms, operators, count)


def _inner(tokens: list[Token], count: list[int]) -> str | None:
    """``tokens`` with the chains inside its calls' arguments and brackets split; None when none was."""
    out: list[str] = []
    changed = False
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if token.subtype != Token.OPEN:
            out.append(token.value)
            k += 1
            continue
        out.append(token.value)  # SUM(, (, {: its arguments one by one
        depth, start, k = 1, k + 1, k + 1
        while k < len(tokens) and depth:
            inner = tokens[k]
            if inner.subtype == Token.OPEN:
                depth += 1
            elif inner.subtype == Token.CLOSE:
                depth -= 1
            if depth == 0 or (depth == 1 and inner.type == Token.SEP and inner.subtype == Token.ARG):
                part = tokens[start:k]
                split = _chains(part, count) if len(part) > 2 * CHAIN_LIMIT - 1 else None
                out.append(split if split is not None else _joined(part))
                changed = changed or split is not None
                out.append(inner.value)
                start = k + 1
            k += 1
    return "".join(out) if changed else None


def split_chains(formula: str) -> str:
    """``formula`` (with ``=``) with each chain of more than :data:`CHAIN_LIMIT` terms (of ``&``; of ``+`` and ``-``
    outside a ``&``; of ``*`` and ``/`` outside both; none compared) written in chunks the engine computes, the same
    value in Excel's order; the formula as it is otherwise (the same string).

    >>> split_chains("=" + "+".join(f"A{k}" for k in range(1, 301))).startswith("=LET(_xlr_c1,A1+A2+")
    True
    >>> split_chains("=A1+A2")
    '=A1+A2'
    """
    if not may_hold_long_chain(formula):
        return formula
    try:
        tokens = [t for t in Tokenizer(formula if formula.startswith("=") else "=" + formula).items]
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the engine decides)
        return formula
    split = _chains(tokens, [0])
    return formula if split is None else "=" + split
