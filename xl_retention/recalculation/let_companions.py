"""A classic formula's LET name bound to a value that may be a range, read as one value: a companion name.

In a classic formula (no dynamic-array flag, as openpyxl writes them) Excel's LET name bound to a reference stays a
reference, and where one value is read it is the cell in the formula's row or column (implicit intersection):
``=LET(a,IF(A1="",B5:C5,B4:C4),a+0)`` in column C is C5+0, 8. The engine's LET holds values, and a+0 was the array
{7,8}+0, its top-left 7 shown, status ok. A name bound to a range alone, to INDEX or OFFSET of one, is written as its
cell (:func:`.classic_spills.intersected_let_names`); a name bound to anything else that may give a reference (IF,
CHOOSE, IFERROR, SWITCH, IFS, XLOOKUP passing ranges, another such name, a call of a LAMBDA) gets a companion,
bound right after it in the same LET:

    LET(a,IF(A1="",B5:C5,B4:C4),a+0)  ->  LET(a,IF(A1="",B5:C5,B4:C4),_xlr_at_a,_XLR.ONECELL(IF(..)),_xlr_at_a+0)

and each place the name is read as one value reads the companion. ``_XLR.ONECELL``'s argument is read as one value,
so the rewrite intersects every range it passes there as it does for the expression typed in (``IF(A1="",$C$5,$C$4)``,
INDEX's and OFFSET's cell, XLOOKUP's); the function gives that one value, and where the value is still several
(an array, a call the rewrite does not intersect) the engine's "not implemented" error, which lists the cell with its
reason (:mod:`.rewrite_refusals`), never a top-left value taken for Excel's. A name read whole (``SUM(a)``) keeps
the range. A companion's value holding an inner LET whose name may be a range (``LET(a,LET(b,IF(..),b),a+0)``) gets
that name's companion too (b read as one value in ``_XLR.ONECELL(LET(b,..,b))``), an inner refusal the outer one's.
The companion is bound in the same LET, after the name: every name its value reads is the same there.
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token, Tokenizer

from .classic_spills import _bare, _reference, _trim, _values, names_read_as_one
from .excel_functions.wraps import ONE_CELL
from .formula_tokens import argument_spans

__all__ = ["COMPANION", "let_companions"]

#: the prefix of a companion's name (a LET name the engine takes, as long_chains' ``_xlr_c1``)
COMPANION = "_xlr_at_"


def _bindings(tokens: list[Token]) -> tuple[dict[int, dict[str, str]], list[tuple[int, str, int, int]]]:
    """Each token's LET names in scope that may stand for a range not followed (lower case -> its companion's name),
    and each such binding: (the value's last token, the companion's name, the value's first and end token)."""
    sure: dict[int, dict[str, str | None]] = {}  # the names standing for a reference followed (classic_spills)
    maybe: dict[int, dict[str, str]] = {}
    bindings: list[tuple[int, str, int, int]] = []
    taken = {t.value.lower() for t in tokens if t.type == Token.OPERAND and t.subtype == Token.RANGE}
    for start, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare(token.value[:-1]) != "LET":
            continue
        spans, close = argument_spans(tokens, start)
        if len(spans) < 3 or len(spans) % 2 == 0 or close >= len(tokens):
            continue
        for k in range(0, len(spans) - 1, 2):
            a, b = _trim(tokens, *spans[k])
            if b - a != 1:
                break
            name = tokens[a].value.lower()
            c, d = _trim(tokens, *spans[k + 1])
            reference = _reference(tokens, c, d, sure.get(c, {}))
            known = reference is not None or _values(tokens, c, d, frozenset(maybe.get(c, {})))
            if c < d and not known:  # may be a range this rewrite does not follow: a companion
                companion = COMPANION + name
                while companion in taken:
                    companion += "_"
                taken.add(companion)
                bindings.append((d - 1, companion, c, d))
            for i in range(spans[k + 2][0], close):  # the later values and the result (inner LETs come later)
                sure[i] = {**sure.get(i, {}), name: reference}
                inner = {key: value for key, value in maybe.get(i, {}).items() if key != name}
                maybe[i] = {**inner, name: bindings[-1][1]} if c < d and not known else inner
    return maybe, bindings


def _read_as_one(tokens: list[Token], maybe: dict[int, dict[str, str]]) -> set[str]:
    """Each name of ``maybe`` (token -> the names in scope there that have a companion) read as one value in
    ``tokens`` (no spaces) made its companion (in place: beside an operator, alone as an argument of a function of
    single values, or as the calculation of a LET read so); returns the companions read."""
    used: set[str] = set()
    for token, companion in names_read_as_one(tokens, lambda i, t: maybe.get(i, {}).get(t.value.lower())):
        token.value = companion
        used.add(companion)
    return used


def let_companions(formula: str) -> str | None:
    """``formula`` (a classic one, with ``=``) with each LET name that may stand for a range not followed, where it
    is read as one value, read as its companion ``_XLR.ONECELL(value)`` bound after it; None when there is none.

    >>> let_companions('=LET(a,IF(A1="",B5:C5,B4:C4),a+0)')
    '=LET(a,IF(A1="",B5:C5,B4:C4),_xlr_at_a,_XLR.ONECELL(IF(A1="",B5:C5,B4:C4)),_xlr_at_a+0)'
    >>> let_companions('=LET(a,IF(A1,B5:C5,B4:C4),b,CHOOSE(2,B3:C3,a),b*2)')
    '=LET(a,IF(A1,B5:C5,B4:C4),_xlr_at_a,_XLR.ONECELL(IF(A1,B5:C5,B4:C4)),b,CHOOSE(2,B3:C3,a),_xlr_at_b,_XLR.ONECELL(CHOOSE(2,B3:C3,_xlr_at_a)),_xlr_at_b*2)'
    >>> let_companions('=LET(a,LET(b,IF(A1,B5:C5,B4:C4),b),a+0)')  # an inner LET's name read as one value there
    '=LET(a,LET(b,IF(A1,B5:C5,B4:C4),b),_xlr_at_a,_XLR.ONECELL(LET(b,IF(A1,B5:C5,B4:C4),_xlr_at_b,_XLR.ONECELL(IF(A1,B5:C5,B4:C4)),_xlr_at_b)),_xlr_at_a+0)'
    >>> let_companions('=LET(a,IF(A1="",B5:C5,B4:C4),SUM(a))'), let_companions("=LET(a,B5:C5,a+0)")
    (None, None)
    """
    try:
        every = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read)
        return None
    if not any(t.type == Token.FUNC and _bare(t.value[:-1]) == "LET" for t in every):
        return None
    tokens = [t for t in every if t.type != Token.WSPACE]  # the same tokens: changed in place
    maybe, bindings = _bindings(tokens)
    if not bindings:
        return None
    values = {last: "".join(t.value for t in tokens[c:d]) for last, _, c, d in bindings}  # before any is changed
    used = _read_as_one(tokens, maybe)
    added: dict[int, str] = {}
    for last, companion, c, _ in reversed(bindings):  # a later companion may read an earlier one
        if companion not in used:
            continue
        try:
            inner = [t for t in Tokenizer(f"={ONE_CELL}({values[last]})").items if t.type != Token.WSPACE]
        except Exception:  # noqa: BLE001  (a text the tokenizer does not read back)
            return None
        used |= _read_as_one(inner, dict.fromkeys(range(len(inner)), maybe.get(c, {})))
        text = "".join(t.value for t in inner)
        added[last] = (let_companions("=" + text) or "=" + text)[1:]  # ONECELL(LET(b,IF(..),b)): b's own too
    if not added:
        return None
    for last, companion, _, _ in bindings:
        if last in added:
            tokens[last].value += f",{companion},{added[last]}"
    return "=" + "".join(t.value for t in every)
