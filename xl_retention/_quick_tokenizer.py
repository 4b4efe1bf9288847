"""openpyxl's formula tokenizer, the same tokens in less time.

The recalculation reads formulas with ``openpyxl.formula.Tokenizer`` in about 90 modules (the rewrites, the listings
after the evaluation: ``hidden_constructs``, ``counted_expressions``, ``classic_if``, ...). Its ``_parse`` walks the
formula a character at a time, and its string, whitespace, bracket and error steps each copy the rest of the formula
(``self.formula[self.offset:]``) to match at its start: the 120-month template's 483 tokenized formulas (330,000
characters, up to 30,000 in one) take about 0.14 s of every ``recalc`` (bench/README.md, thirty-third session).

The functions here replace those steps, one for one, with the same results: a run of characters that are no token's
end and start no step (``A1``, ``SUM``, ``Sheet1!B2:B9``) is taken in one regular expression match (its last character
kept apart, as :meth:`Tokenizer.assert_empty_token` reads the last one), and the steps match at the offset instead of
on a copy. Every token (value, type, subtype), every :class:`TokenizerError` message and the tokenizer's state after
it are openpyxl's (tests/test_quick_tokenizer.py compares them over every formula of the templates and tests/data).
:func:`install` puts them on openpyxl's class, in a command's process only (``_imports.defer_openpyxl_init``: the
command line, a batch's workers), so that every ``Tokenizer`` of the package uses them; a library caller's openpyxl is
left as it is. :class:`QuickTokenizer` is the same as a class of its own.

>>> [(t.value, t.type, t.subtype) for t in QuickTokenizer("=SUM(A1:B2)+1").items]  # doctest: +NORMALIZE_WHITESPACE
[('SUM(', 'FUNC', 'OPEN'), ('A1:B2', 'OPERAND', 'RANGE'), (')', 'FUNC', 'CLOSE'),
 ('+', 'OPERATOR-INFIX', ''), ('1', 'OPERAND', 'NUMBER')]
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError

__all__ = ["QuickTokenizer", "install"]

#: a run of characters none of which ends a token or starts a step of ``_parse``
_PLAIN = re.compile(r"[^\"'\[# \n+\-*/^&=><%{()};,]+")
_BRACKET = re.compile(r"[\[\]]")
_ENDERS = Tokenizer.TOKEN_ENDERS
_SCIENTIFIC = Tokenizer.SN_RE.match
_CLOSE = Token.CLOSE


def _parse(self: Any) -> None:
    """``Tokenizer._parse``: runs of plain characters taken at once, the scientific notation's sign tested inline."""
    if self.offset:
        return  # Already parsed!
    formula = self.formula
    if not formula:
        return
    if formula[0] == "=":
        self.offset += 1
    else:
        self.items.append(Token(formula, Token.LITERAL))
        return
    cls = type(self)
    consumers = (
        ("\"'", cls._parse_string),
        ("[", cls._parse_brackets),
        ("#", cls._parse_error),
        (" \n", cls._parse_whitespace),
        ("+-*/^&=><%", cls._parse_operator),
        ("{(", cls._parse_opener),
        (")}", cls._parse_closer),
        (";,", cls._parse_separator),
    )
    dispatcher: dict[str, Any] = {}
    for chars, consumer in consumers:
        dispatcher.update(dict.fromkeys(chars, consumer))
    token = self.token
    plain = _PLAIN.match
    end = len(formula)
    while self.offset < end:
        offset = self.offset
        char = formula[offset]
        if char in "+-" and token and _SCIENTIFIC("".join(token)):  # check_scientific_notation
            token.append(char)
            self.offset = offset + 1
            continue
        consumer = dispatcher.get(char)
        if consumer is None:
            run = plain(formula, offset).group()
            if len(run) > 1:
                token.append(run[:-1])
            token.append(run[-1])
            self.offset = offset + len(run)
            continue
        if token and char in _ENDERS:
            self.save_token()  # (which does nothing without a token)
        self.offset += consumer(self)
    self.save_token()


def _parse_string(self: Any) -> int:
    """``Tokenizer._parse_string``, matched at the offset."""
    self.assert_empty_token(can_follow=":")
    delim = self.formula[self.offset]
    match = self.STRING_REGEXES[delim].match(self.formula, self.offset)
    if match is None:
        subtype = "string" if delim == '"' else "link"
        raise TokenizerError(f"Reached end of formula while parsing {subtype} in {self.formula}")
    text = match.group(0)
    if delim == '"':
        self.items.append(Token.make_operand(text))
    else:
        self.token.append(text)
    return len(text)


def _parse_brackets(self: Any) -> int:
    """``Tokenizer._parse_brackets``: the brackets counted from the offset to the one closing the first."""
    open_count = 0
    for found in _BRACKET.finditer(self.formula, self.offset):
        open_count += 1 if found.group() == "[" else -1
        if open_count == 0:
            outer_right = found.start() - self.offset + 1
            self.token.append(self.formula[self.offset : self.offset + outer_right])
            return outer_right
    raise TokenizerError(f"Encountered unmatched '[' in {self.formula}")


def _parse_error(self: Any) -> int:
    """``Tokenizer._parse_error``, compared at the offset."""
    self.assert_empty_token(can_follow="!")
    for err in self.ERROR_CODES:
        if self.formula.startswith(err, self.offset):
            self.items.append(Token.make_operand("".join(self.token) + err))
            del self.token[:]
            return len(err)
    raise TokenizerError(f"Invalid error code at position {self.offset} in '{self.formula}'")


def _parse_whitespace(self: Any) -> int:
    """``Tokenizer._parse_whitespace``, matched at the offset."""
    self.items.append(Token(self.formula[self.offset], Token.WSPACE))
    return self.WSPACE_RE.match(self.formula, self.offset).end() - self.offset


def _parse_closer(self: Any) -> int:
    """``Tokenizer._parse_closer``: the closing token of the opener's type made directly (``get_closer`` gives a
    FUNC's and a PAREN's ``)``, an ARRAY's ``}``, of the opener's type)."""
    opener = self.token_stack.pop()
    value = "}" if opener.type == Token.ARRAY else ")"
    if value != self.formula[self.offset]:
        raise TokenizerError(f"Mismatched ( and {{ pair in '{self.formula}'")
    self.items.append(Token(value, opener.type, _CLOSE))
    return 1


_STEPS = {
    "_parse": _parse,
    "_parse_string": _parse_string,
    "_parse_brackets": _parse_brackets,
    "_parse_error": _parse_error,
    "_parse_whitespace": _parse_whitespace,
    "_parse_closer": _parse_closer,
}


class QuickTokenizer(Tokenizer):
    """openpyxl's :class:`Tokenizer` with the steps of this module: the same ``items``, errors and ``render()``."""


for _name, _step in _STEPS.items():
    setattr(QuickTokenizer, _name, _step)


def install() -> None:
    """Give openpyxl's :class:`Tokenizer` itself these steps (for a command's process: every module's ``Tokenizer``
    is that class). Installing again changes nothing."""
    for name, step in _STEPS.items():
        setattr(Tokenizer, name, step)
