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
>>> print(refused_case('=LENB("日本語")')[1])  # doctest: +ELLIPSIS
LENB of a text holding '日' (U+65E5) is not computed: Excel counts its bytes in the code page of the computer ...
>>> refused_case('=FINDB("b","abc")') is None
True
>>> print(refused_case('=_xlfn.REGEXREPLACE(A3,"[0-9]","<$&>")')[1])
REGEXREPLACE: the replacement '<$&>' holds a $ that is not $$, $n, ${n}, $name or ${name}
>>> print(refused_case('=_xlfn.REGEXTEST(A1,B1)')[1])  # doctest: +ELLIPSIS
REGEXTEST: the pattern (or replacement) the cells give holds a form the embedded engine does not read as ...
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .excel_functions._core import HALVES_CUT
from .excel_functions.byte_forms import BYTE_FORMS, DOUBLE_BYTES, double_byte
from .excel_functions.regex_texts import refusal, replacement_refusal
from .excel_functions.single_values import windows_1252_code
from .formula_tokens import _bare_name, argument_spans

__all__ = ["refused_case"]

#: one cell, its sheet named or not (``A1``, ``$B$2``, ``'My data'!C3``)
_CELL = re.compile(r"(?:(?:'(?:[^']|'')+'|[^'!:]+)!)?\$?[A-Za-z]{1,3}\$?\d+")

#: the cases the discounted securities' functions leave (computed in every basis, as MS-OI29500 documents their day
#: counts): DISC, INTRATE, PRICEDISC and YIELDDISC none
_LEFT = {
    "PRICEMAT": "PRICEMAT with an issue on or after settlement is not computed",
    "YIELDMAT": "YIELDMAT with an issue on or after settlement is not computed",
    "RECEIVED": "RECEIVED with a discount of the whole or more (discount times the year fraction 1 or above) is not "
    "computed",
    # .excel_functions.shares: SUM passes such a cell over and reads the value typed in; the engine gives both alike
    "PERCENTOF": "PERCENTOF of one value that is text or TRUE/FALSE (passed over from a cell, read when typed in) is "
    "not computed",
}
#: the functions cutting a text by its characters, each "not computed" where it cuts one beyond U+FFFF in half
#: (:func:`.excel_functions._core.from_utf16`)
_CUTS = frozenset({"LEFT", "RIGHT", "MID", "LEFTB", "RIGHTB", "MIDB", "REPLACE", "REPLACEB"})
_CUT = (
    "{name} cuts a character beyond U+FFFF (an emoji, which Excel counts as 2 characters) in half: Excel keeps the "
    "half, and joins it back with the other half, which the embedded engine's texts cannot hold, so it does not "
    "compute it"
)
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
_BYTES = (
    "{name} of a text holding {what} is not computed: Excel counts its bytes in the code page of the computer "
    "opening the file (2 for such a character where Chinese, Japanese or Korean is the default language, 1 "
    "elsewhere), as CODE gives its number there"
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


def refused_case(formula: str, only: str | None = None) -> tuple[str, str] | None:
    """(function, reason) naming the case PRICEMAT, YIELDMAT, RECEIVED, REGEXEXTRACT, ENCODEURL, CODE (of a character
    outside Windows-1252), a byte form (LENB, FINDB, .. of a double-byte character), REGEXREPLACE, REGEXTEST or
    NUMBERVALUE leaves not computed in ``formula``; None where the
    formula calls none of them in such a case. A call whose typed arguments show its case (a pattern or replacement
    not read as Excel's PCRE2 reads it: :func:`.excel_functions.regex_texts.refusal`; ``CODE("Ω")``, return_mode 1)
    is named first; then one whose arguments the cells give (PRICEMAT over dates in cells); a REGEXREPLACE or
    REGEXTEST of a pattern the cells give, and a NUMBERVALUE of a text holding a currency sign (or made when the formula
    runs: :mod:`.numbervalue_signs`), last. A call its typed arguments show computed (``CODE("A")``,
    ``ENCODEURL("abc")``, ``REGEXEXTRACT(A1,"[0-9]")``) is passed over: the cell's case is another call's (H520's
    task 3: ``=IF(A1="x",ENCODEURL("abc"),CODE("Ω"))`` was told ENCODEURL's). ``only``: that function's calls alone
    (the one the engine saw give its "not computed")."""
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # noqa: BLE001  (not read: the caller's own reason stands)
        return None
    shown: tuple[str, str] | None = None  # the first call whose typed arguments show its case
    maybe: tuple[str, str] | None = None  # the first whose case depends on what the cells give
    regex = None  # the first REGEXREPLACE or REGEXTEST whose case is not named by its typed arguments
    currency: tuple[str, str] | None = None  # a NUMBERVALUE's, said where no other call's case is
    cut: tuple[str, str] | None = None  # a text cut through an emoji, said last where a cut was seen (H570's 01)
    for k, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = _bare_name(token.value[:-1]).removeprefix("_XLR.EACH.")  # MID over {1,2,..}: its element form
        if only is not None and name != only:
            continue
        if name in BYTE_FORMS:  # LENB over '日本語': its bytes are the computer's language's (H570's finding 03)
            spans, _ = argument_spans(tokens, k)
            texts = [_literal(tokens[a:b]) for a, b in (spans[i] for i in BYTE_FORMS[name] if i < len(spans))]
            odd = next((c for t in texts if t is not None for c in [double_byte(t)] if c is not None), None)
            if odd is not None:
                shown = shown or (name, _BYTES.format(name=name, what=f"'{odd}' (U+{ord(odd):04X})"))
                continue
            if (only is not None or DOUBLE_BYTES[0]) and None in texts:  # a text the cells give
                maybe = maybe or (
                    name,
                    _BYTES.format(name=name, what="a double-byte character (the text the cells give)"),
                )
        if name in _CUTS and (only is not None or HALVES_CUT[0]):
            cut = cut or (name, _CUT.format(name=name))
            continue
        if name in _LEFT:  # its dates are cells or calls, mostly: a case the cells give
            maybe = maybe or (name, _LEFT[name])
            continue
        if name not in ("REGEXEXTRACT", "REGEXREPLACE", "REGEXTEST", "ENCODEURL", "NUMBERVALUE", "CODE"):  # DISC & co.
            continue
        spans, _ = argument_spans(tokens, k)
        arguments = [tokens[a:b] for a, b in spans]
        if name == "NUMBERVALUE":  # a text holding a currency sign (.numbervalue_signs): typed in, or made
            from .numbervalue_signs import currency_sign, decimal_comma_value, refused_reason  # noqa: PLC0415

            typed = _literal(arguments[0]) if arguments else None
            given = len(arguments) > 1  # its separators: without them the locale's ("1.2.3": 123 with a comma)
            if typed is not None and (currency_sign(typed) or not given and decimal_comma_value(typed) is not None):
                shown = shown or (name, refused_reason(typed, given))
            elif typed is None:
                currency = currency or (name, refused_reason(typed, given))
            continue
        case, certain = _case(name, arguments)
        if case is None:
            continue
        if certain and shown is None:
            shown = case
        elif not certain and name in ("REGEXREPLACE", "REGEXTEST"):
            regex = regex or name
        elif not certain:
            maybe = maybe or case
    return shown or maybe or ((regex, _REGEX_UNREAD.format(name=regex)) if regex else currency) or cut


def _case(name: str, arguments: list[list[Token]]) -> tuple[tuple[str, str] | None, bool]:
    """((function, reason) or None where the typed arguments show the call computed, whether they show the case) of
    a call of REGEXEXTRACT, REGEXREPLACE, REGEXTEST, ENCODEURL or CODE."""
    if name.startswith("REGEX"):
        why = _regex_refusal(arguments, name == "REGEXREPLACE")
        if why is not None:
            return (name, f"{name}: {why}"), True
    if name in ("REGEXREPLACE", "REGEXTEST"):  # what the cells give (or a group the pattern lacks): said last
        return (name, ""), False
    if name == "CODE":
        typed = _literal(arguments[0]) if arguments else None
        if typed and windows_1252_code(typed[0]) is not None:
            return None, True  # computed: another call's case is the cell's
        what = f"'{typed[0]}' (U+{ord(typed[0]):04X})" if typed else "a character (the text the cells give)"
        return (name, _CODE.format(what=what)), bool(typed)
    if name == "REGEXEXTRACT":
        mode = _literal(arguments[2]) if len(arguments) > 2 else "0"
        if mode in _MODES:
            return (name, _MODES[mode]), True
        pattern = _literal(arguments[1]) if len(arguments) > 1 else None
        if mode in ("0", "") and pattern is not None and arguments and _one_value(arguments[0]):
            return None, True  # the first match of a typed pattern in one text: computed
        return (name, _REGEX), False
    subject = _literal(arguments[0]) if arguments else None  # ENCODEURL
    if subject is None:
        return (name, _URL.format(what="such characters")), False
    odd = next((c for c in subject if _unsure(c)), None)
    if odd is None and subject:
        return None, True  # computed
    return (name, _URL.format(what=repr(odd) if odd is not None else "nothing (an empty text)")), True


def _one_value(tokens: list[Token]) -> bool:
    """Whether an argument is a number or text typed in, or one cell (not a range: REGEXEXTRACT over one is listed)."""
    inner = [t for t in tokens if t.type != Token.WSPACE]
    if len(inner) != 1 or inner[0].type != Token.OPERAND:
        return False
    if inner[0].subtype in (Token.NUMBER, Token.TEXT):
        return True
    return inner[0].subtype == Token.RANGE and _CELL.fullmatch(inner[0].value) is not None


def _regex_refusal(arguments: list[list[Token]], replaces: bool) -> str | None:
    """Why a REGEX call's typed pattern (its 2nd argument) or REGEXREPLACE's replacement (its 3rd) is not computed."""
    pattern = _literal(arguments[1]) if len(arguments) > 1 else None
    why = refusal(pattern) if pattern is not None else None
    if why is None and replaces and len(arguments) > 2:
        replacement = _literal(arguments[2])
        why = replacement_refusal(replacement) if replacement is not None else None
    return why
