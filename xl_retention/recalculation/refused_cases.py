"""Why a function of this package's Excel functions left a cell not computed: the case it does not take, named (H313's
findings 08 and 09).

PRICEMAT, YIELDMAT and RECEIVED (:mod:`.excel_functions.discounts`: an issue on or after settlement, a discount of the
whole), REGEXEXTRACT (:mod:`.excel_functions.regex_texts`) and ENCODEURL (:mod:`.excel_functions.url_texts`) list a
cell as not computed where Excel's answer is not documented or is an array they do not give (the engine's #NIMPL!).
The reason said "the embedded engine cannot compute this formula (=...)", which reads like a formula the parser could
not read. :func:`refused_case` names the function and the case, from the formula's own arguments where typed in.

>>> refused_case('=REGEXEXTRACT(A2,"[0-9()]+ [0-9-]+",1)')[1]
'REGEXEXTRACT with return_mode 1 (every match, as an array) is not computed by the embedded engine'
>>> print(refused_case("=PRICEMAT(A2,A3,A4,A5,A6,1)")[1])
PRICEMAT with an issue on or after settlement is not computed
>>> refused_case("=INTRATE(A2,A3,A4,A5,1)") is None  # computed in every basis
True
>>> print(refused_case('=_xlfn.ENCODEURL("Café (Paris)")')[1])  # doctest: +ELLIPSIS
ENCODEURL of a text holding '(' is not computed: ...
>>> refused_case("=SUM(A1:A3)") is None
True
>>> print(refused_case('=CODE("Ωmega")')[1])  # doctest: +ELLIPSIS
CODE of 'Ω' (U+03A9) outside Windows-1252 is not computed: Excel gives its number in the code page of the computer ...
>>> print(refused_case('=_xlfn.REGEXREPLACE(A3,"[0-9]","<$&>")')[1])
REGEXREPLACE: the replacement '<$&>' holds a $ that is not $$, $n, ${n}, $name or ${name}
>>> print(refused_case('=_xlfn.REGEXTEST(A1,B1)')[1])  # doctest: +ELLIPSIS
REGEXTEST: the pattern (or replacement) the cells give holds a form the embedded engine does not read as ...
"""

from __future__ import annotations

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .excel_functions.regex_texts import refusal, replacement_refusal
from .excel_functions.single_values import windows_1252_code
from .formula_tokens import _bare_name, argument_spans

__all__ = ["refused_case"]

#: the cases the discounted securities' functions leave (computed in every basis, as MS-OI29500 documents their day
#: counts): DISC, INTRATE, PRICEDISC and YIELDDISC none
_LEFT = {
    "PRICEMAT": "PRICEMAT with an issue on or after settlement is not computed",
    "YIELDMAT": "YIELDMAT with an issue on or after settlement is not computed",
    "RECEIVED": "RECEIVED with a discount of the whole or more (discount times the year fraction 1 or above) is not "
    "computed",
}
_MODES = {
    "1": "REGEXEXTRACT with return_mode 1 (every match, as an array) is not computed by the embedded engine",
    "2": "REGEXEXTRACT with return_mode 2 (the capture groups, as an array) is not computed by the embedded engine",
}
_REGEX = (
    "REGEXEXTRACT with return_mode 1 or 2 (arrays), over a range, or with a pattern the cells give holding \\u, \\U or "
    "\\x{..} (read as Python's re reads them, not as Excel's PCRE2), is not computed by the embedded engine (the first "
    "match, return_mode 0, is)"
)
_REGEX_UNREAD = (
    "{name}: the pattern (or replacement) the cells give holds a form the embedded engine does not read as Excel's "
    "PCRE2 does (\\u, \\U or \\x{{..}} in the pattern, a backslash or a $ other than $$, $n, ${{n}}, $name or "
    "${{name}} in the replacement, a group the pattern lacks)"
)
_CODE = (
    "CODE of {what} outside Windows-1252 is not computed: Excel gives its number in the code page of the computer "
    "opening the file (63, '?', on a Western Windows; another under a Greek, Cyrillic or Central European one), "
    "UNICODE its Unicode number"
)
_URL = (
    "ENCODEURL of a text holding {what} is not computed: Excel's encoding of ~ ! * ' ( ) and of control characters "
    "is not documented"
)
_URL_SIGNS = "~!*'()"


def _unsure(character: str) -> bool:
    """A character whose ENCODEURL Excel does not document: a control character (C1's too), a lone surrogate, one of
    ~ ! * ' ( ) (letters beyond ASCII are UTF-8's bytes: :mod:`.excel_functions.url_texts`)."""
    code = ord(character)
    return code < 32 or 127 <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or character in _URL_SIGNS


def _literal(tokens: list[Token]) -> str | None:
    """A number or text typed in alone (a text without its quotes), else None."""
    inner = [t for t in tokens if t.type != Token.WSPACE]
    if len(inner) != 1 or inner[0].type != Token.OPERAND or inner[0].subtype not in (Token.NUMBER, Token.TEXT):
        return None
    value = inner[0].value
    return value[1:-1].replace('""', '"') if inner[0].subtype == Token.TEXT else value


def refused_case(formula: str) -> tuple[str, str] | None:
    """(function, reason) for the first call of PRICEMAT, YIELDMAT, RECEIVED, REGEXEXTRACT, ENCODEURL or CODE (of a
    character outside Windows-1252) in ``formula``, naming the case those functions leave not computed; None where
    the formula calls none of them. A pattern or replacement of REGEXEXTRACT, REGEXREPLACE or REGEXTEST typed in that
    is not read as Excel's PCRE2 reads it is named first (:func:`.excel_functions.regex_texts.refusal`); a NUMBERVALUE
    of a text holding a currency sign (or made when the formula runs) last (:mod:`.numbervalue_signs`)."""
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # noqa: BLE001  (not read: the caller's own reason stands)
        return None
    regex = None  # the first REGEX call whose case is not named by its typed arguments
    currency: tuple[str, str] | None = None  # a NUMBERVALUE's, said where no other call's case is
    for k, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = _bare_name(token.value[:-1])
        if name in _LEFT:
            return name, _LEFT[name]
        if name not in ("REGEXEXTRACT", "REGEXREPLACE", "REGEXTEST", "ENCODEURL", "NUMBERVALUE", "CODE"):  # DISC & co.
            continue  # too: the next call's case, if any, is the cell's
        spans, _ = argument_spans(tokens, k)
        arguments = [tokens[a:b] for a, b in spans]
        if name == "NUMBERVALUE":  # a text holding a currency sign (.numbervalue_signs): typed in, or made
            from .numbervalue_signs import currency_sign, refused_reason  # noqa: PLC0415

            typed = _literal(arguments[0]) if arguments else None
            if typed is None or currency_sign(typed) is not None:
                currency = currency or (name, refused_reason(typed))
            continue
        if name.startswith("REGEX"):
            why = _regex_refusal(arguments, name == "REGEXREPLACE")
            if why is not None:
                return name, f"{name}: {why}"
        if name in ("REGEXREPLACE", "REGEXTEST"):
            regex = regex or name
            continue
        if name == "CODE":
            typed = _literal(arguments[0]) if arguments else None
            if typed and windows_1252_code(typed[0]) is not None:
                continue  # computed: another call's case is the cell's
            shown = f"'{typed[0]}' (U+{ord(typed[0]):04X})" if typed else "a character (the text the cells give)"
            return name, _CODE.format(what=shown)
        if name == "REGEXEXTRACT":
            mode = _literal(arguments[2]) if len(arguments) > 2 else None
            return name, _MODES.get(mode or "", _REGEX)
        subject = _literal(arguments[0]) if arguments else None
        odd = next((c for c in subject or "" if _unsure(c)), None)
        what = repr(odd) if odd is not None else ("nothing (an empty text)" if subject == "" else "such characters")
        return name, _URL.format(what=what)
    return (regex, _REGEX_UNREAD.format(name=regex)) if regex else currency


def _regex_refusal(arguments: list[list[Token]], replaces: bool) -> str | None:
    """Why a REGEX call's typed pattern (its 2nd argument) or REGEXREPLACE's replacement (its 3rd) is not computed."""
    pattern = _literal(arguments[1]) if len(arguments) > 1 else None
    why = refusal(pattern) if pattern is not None else None
    if why is None and replaces and len(arguments) > 2:
        replacement = _literal(arguments[2])
        why = replacement_refusal(replacement) if replacement is not None else None
    return why
