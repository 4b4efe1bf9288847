"""The union operator, ``(A1:A3,C1:C3)``, given as a whole argument: written as Excel reads it (:func:`unions`); INDEX's
area number given with one reference, ``INDEX(A1:B2,r,c,area)``, likewise (:func:`single_area`).

Excel's INDEX takes an area number with any reference: of one area, 1 picks it, another number is #REF!, an error
given there is the result (Microsoft's INDEX: "If area_num is omitted, INDEX uses area 1"; an argument's error passes
on). The engine refused a single area's fourth argument: ``=INDEX(A1:B2,1,1,1)`` was #VALUE! where Excel and
LibreOffice give A1, ``=INDEX(A1:B2,2,2,A3)`` with A3 ``=1/0`` #VALUE! for #DIV/0! (H407's finding 03, the kind).
"""

from __future__ import annotations

import re

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from .formula_tokens import _bare_name, _bracket, _is_range, _spans_of

__all__ = ["single_area", "unions"]

#: functions of any number of reference arguments, where a union argument is its areas as arguments (Excel's
#: COUNT((A1:A3,C1)) is COUNT(A1:A3,C1)); the engine gave 0 or refused
_SPREAD = frozenset(
    "SUM COUNT COUNTA COUNTBLANK MAX MIN MAXA MINA AVERAGE AVERAGEA PRODUCT SUMSQ MEDIAN MODE MODE.SNGL STDEV STDEV.S "
    "STDEV.P STDEVA STDEVP STDEVPA VAR VAR.S VAR.P VARA VARP VARPA AVEDEV DEVSQ GEOMEAN HARMEAN".split()
)

#: functions taking a union as one array argument (its position): the areas stacked into one column, blanks left out
#: as in a range (LARGE((A1:A3,C1:C3),2) is LARGE(VSTACK(TOCOL(A1:A3,1),TOCOL(C1:C3,1)),2)); the engine refused them
_STACKED = {
    **dict.fromkeys(("LARGE", "SMALL", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE"), 0),
    **dict.fromkeys(("QUARTILE.INC", "QUARTILE.EXC", "PERCENTRANK", "PERCENTRANK.INC", "PERCENTRANK.EXC"), 0),
    **dict.fromkeys(("RANK", "RANK.EQ", "RANK.AVG"), 1),
}

#: one area in A1 notation, dollars taken off: cells, a cell range, whole columns or whole rows
_A1 = re.compile(r"[A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?|[A-Z]{1,3}:[A-Z]{1,3}|[0-9]+:[0-9]+")


def _union_at(tokens: list[Token], open_index: int) -> int | None:
    """The index of the bracket closing a union of references opened at ``open_index`` (``(A1:A3,C1:C3)``: references
    separated by the union operator, nothing else), else None."""
    expect_reference = True
    for k in range(open_index + 1, len(tokens)):
        token = tokens[k]
        if token.type == Token.WSPACE:
            continue
        if expect_reference:
            if not _is_range(token):
                return None
        elif token.type == Token.PAREN and token.subtype == Token.CLOSE:
            return k if k > open_index + 2 else None  # at least two areas (one in brackets is no union)
        elif not (token.type == Token.OP_IN and token.value == ","):
            return None
        expect_reference = not expect_reference
    return None


def unions(tokens: list[Token], names: dict[str, str] | None = None) -> bool:
    """A union of references given as a whole argument, written as Excel reads it (H20 g01): in a function of any
    number of references (:data:`_SPREAD`, SUBTOTAL, AGGREGATE 1-13) its areas as arguments; as INDEX's reference,
    ``INDEX((A1:A3,C1:C3),r,c,area)`` -> ``CHOOSE(area,INDEX(A1:A3,r,c),INDEX(C1:C3,r,c))`` (#REF! out of range),
    and with an area number typed in (or none: 1) the area itself, ``INDEX(C1:C3,r,c)``.
    AREAS of a union, of one A1 reference or of a name ``names`` gives one area (lower case -> A1 reference) is its
    count (:func:`_areas`). As the array of LARGE, SMALL, PERCENTILE, QUARTILE, PERCENTRANK or RANK's reference
    (:data:`_STACKED`) its areas stacked, blanks left out. Others are left to the engine (which refuses them:
    listed). Changes ``tokens`` in place; True when it did.

    >>> from openpyxl.formula import Tokenizer
    >>> tokens = list(Tokenizer("=INDEX((A1:A3,C1:C3),2,1,2)+COUNT((A1:A3,C1))").items)
    >>> unions(tokens), "".join(t.value for t in tokens)
    (True, 'INDEX(C1:C3,2,1)+COUNT(A1:A3,C1)')
    >>> tokens = list(Tokenizer("=INDEX((A1:A3,C1:C3),2,1,B1)").items)
    >>> unions(tokens), "".join(t.value for t in tokens)
    (True, 'IF(OR((B1)<1,(B1)>=3),#REF!,CHOOSE(B1,INDEX(A1:A3,2,1),INDEX(C1:C3,2,1)))')
    >>> tokens = list(Tokenizer("=AREAS((A1:A3,S!C1))+AREAS(B2:D4)+AREAS(Data)").items)
    >>> unions(tokens, {"data": "S!$A$1:$A$3"}), "".join(t.value for t in tokens)
    (True, '2+1+1')
    >>> tokens = list(Tokenizer("=LARGE((A1:A3,C1),2)").items)
    >>> unions(tokens), "".join(t.value for t in tokens)
    (True, 'LARGE(VSTACK(TOCOL(A1:A3,1),TOCOL(C1,1)),2)')
    """
    changed = False
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = _bare_name(token.value[:-1])
        if name not in _SPREAD and name not in _STACKED and name not in ("SUBTOTAL", "AGGREGATE", "INDEX", "AREAS"):
            continue
        try:
            spans, close = _spans_of(tokens, i)
        except ValueError:
            continue
        if name == "AREAS":
            changed = _areas(tokens, i, spans, close, names or {}) or changed
            continue
        for number, (a, b) in enumerate(spans):
            solid = [k for k in range(a, b) if tokens[k].type != Token.WSPACE]
            if not solid or tokens[solid[0]].type != Token.PAREN or tokens[solid[0]].subtype != Token.OPEN:
                continue
            end = _union_at(tokens, solid[0])
            if end is None or end != solid[-1]:
                continue
            areas = [tokens[k].value for k in range(solid[0] + 1, end) if _is_range(tokens[k])]
            if name == "INDEX" and number == 0 and 2 <= len(spans) <= 4:
                rest = ["".join(t.value for t in tokens[c:d]).strip() for c, d in spans[1:3]]
                area = "".join(t.value for t in tokens[spans[3][0] : spans[3][1]]).strip() if len(spans) == 4 else ""
                if not area or area.isdigit() and 1 <= int(area) <= len(areas):
                    # INDEX((A1:A10,C1:C10),0,1,2): INDEX(C1:C10,0,1) as tokens, which a classic formula's implicit
                    # intersection then reads as it reads any INDEX of a range (.intersection._index_cell)
                    tokens[solid[0]].value = areas[int(area or 1) - 1]
                    tokens[solid[0]].type, tokens[solid[0]].subtype = Token.OPERAND, Token.RANGE
                    for k in range(solid[0] + 1, end + 1):
                        tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
                    if len(spans) == 4:  # the area number and the comma before it
                        for k in range(spans[3][0] - 1, spans[3][1]):
                            tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
                    changed = True
                    break
                calls = [f"INDEX({','.join([reference, *rest])})" for reference in areas]
                chosen = f"CHOOSE({area or 1},{','.join(calls)})"
                if area and not (area.isdigit() and 1 <= int(area) <= len(areas)):  # Excel: area_num out of range
                    chosen = f"IF(OR(({area})<1,({area})>={len(areas) + 1}),#REF!,{chosen})"
                token.value = chosen
                token.type, token.subtype = Token.OPERAND, Token.NUMBER  # one operand now (as .array_lifting's ROW)
                for k in range(i + 1, close + 1):
                    tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
                changed = True
                break
            if name in _STACKED:
                if number == _STACKED[name]:
                    stacked = ",".join(f"TOCOL({area},1)" for area in areas)
                    tokens[solid[0]].value = f"VSTACK({stacked})"
                    tokens[solid[0]].type, tokens[solid[0]].subtype = Token.OPERAND, Token.NUMBER  # one operand now
                    for k in range(solid[0] + 1, end + 1):
                        tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
                    changed = True
                continue
            if name == "AGGREGATE" and number < 2 or name == "SUBTOTAL" and number == 0 or name == "INDEX":
                continue
            if name == "AGGREGATE" and not _small_aggregate(tokens, spans[0]):
                continue
            for k in range(solid[0], end + 1):  # the brackets go: the areas are arguments
                if k in (solid[0], end):
                    tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
                elif tokens[k].type == Token.OP_IN:
                    tokens[k].type, tokens[k].subtype = Token.SEP, Token.ARG
            changed = True
    return changed


def _one_area(token: Token) -> bool:
    """Whether ``token`` is an A1 reference of one area (``B2:D4``, ``S!E5``, ``A:A``), not a name nor a 3-D one."""
    if not _is_range(token):
        return False
    where, _, area = token.value.rpartition("!")
    if ":" in where:  # Sheet1:Sheet3!A1 (a sheet's name holds no colon)
        return False
    match = _A1.fullmatch(area.replace("$", "").upper())
    if match is None:
        return False
    left, top, right, bottom = range_boundaries(match.group(0))
    return max(left or 1, right or 1) <= 16384 and max(top or 1, bottom or 1) <= 1048576


def _one_area_name(token: Token, names: dict[str, str]) -> bool:
    """Whether ``token`` is a name ``names`` gives one A1 reference of one area."""
    if not _is_range(token):
        return False
    reference = names.get(token.value.lower())
    return reference is not None and _one_area(Token(reference, Token.OPERAND, Token.RANGE))


def _areas(tokens: list[Token], i: int, spans: list[tuple[int, int]], close: int, names: dict[str, str]) -> bool:
    """AREAS of a union typed in (``AREAS((B2:D4,E5,F6:I9))``: 3), of one A1 reference or of a name of one (``names``:
    a name's A1 reference, lower case) (1), which the engine lacks, as its count; anything else is left as it is (a
    name of several areas is counted once written out as a union)."""
    if len(spans) != 1:
        return False
    solid = [k for k in range(*spans[0]) if tokens[k].type != Token.WSPACE]
    if len(solid) == 1 and (_one_area(tokens[solid[0]]) or _one_area_name(tokens[solid[0]], names)):
        count = 1
    elif len(solid) == 3 and _one_area(tokens[solid[1]]) and _bracket(tokens[solid[0]], tokens[solid[2]]):
        count = 1  # (S!$A$1:$A$3), a name of one area written out
    elif solid and tokens[solid[0]].type == Token.PAREN and tokens[solid[0]].subtype == Token.OPEN:
        end = _union_at(tokens, solid[0])
        inside = range(solid[0] + 1, end) if end is not None else range(0)
        if end != solid[-1] or not all(_one_area(tokens[k]) for k in inside if _is_range(tokens[k])):
            return False
        count = sum(1 for k in inside if _is_range(tokens[k]))
    else:
        return False
    tokens[i].value, tokens[i].type, tokens[i].subtype = str(count), Token.OPERAND, Token.NUMBER
    for k in range(i + 1, close + 1):
        tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
    return True


def _small_aggregate(tokens: list[Token], span: tuple[int, int]) -> bool:
    """Whether AGGREGATE's function number (its first argument) is typed in as 1-13, whose references may be many."""
    text = "".join(t.value for t in tokens[span[0] : span[1]]).strip()
    return text.isdigit() and 1 <= int(text) <= 13


def single_area(tokens: list[Token]) -> bool:
    """Each ``INDEX(reference,r,c,area)`` of one reference (a range or a name, not a union) written as Excel reads it,
    in place: the area number ``1`` typed in dropped (``INDEX(A1:B2,1,1)``); another one, with an A1 reference and
    row and column numbers that are not 0, checked when the formula runs: #REF! when it is not 1, its error passed
    on, as the union's (``CHOOSE(area,..)`` truncates 1.5 to 1). True when one changed.

    >>> from openpyxl.formula import Tokenizer
    >>> tokens = list(Tokenizer("=INDEX(A1:B2,1,1,1)+INDEX(S!A1:B2,2,1,A3)+INDEX(Data,2,1,A3)").items)
    >>> single_area(tokens), "".join(t.value for t in tokens)
    (True, 'INDEX(A1:B2,1,1)+IF(OR((A3)<1,(A3)>=2),#REF!,CHOOSE(A3,INDEX(S!A1:B2,2,1)))+INDEX(Data,2,1,A3)')
    >>> tokens = list(Tokenizer("=INDEX((A1:A3,C1:C3),2,1,2)+INDEX(A1:B2,1,1)").items)
    >>> single_area(tokens), "".join(t.value for t in tokens)
    (False, 'INDEX((A1:A3,C1:C3),2,1,2)+INDEX(A1:B2,1,1)')
    """
    changed = False
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare_name(token.value[:-1]) != "INDEX":
            continue
        try:
            spans, close = _spans_of(tokens, i)
        except ValueError:
            return changed  # unbalanced: the engine decides
        if len(spans) != 4:
            continue
        solid = [k for k in range(*spans[0]) if tokens[k].type != Token.WSPACE]
        if len(solid) != 1 or not _is_range(tokens[solid[0]]):
            continue  # a union (brackets), a call, an array: left as it is
        area = "".join(t.value for t in tokens[spans[3][0] : spans[3][1]]).strip()
        if not area:
            continue
        if area == "1":
            for k in range(spans[3][0] - 1, spans[3][1]):  # the area number and the comma before it
                tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
            changed = True
            continue
        numbers = ["".join(t.value for t in tokens[a:b]).strip() for a, b in spans[1:3]]
        if not _a1(tokens[solid[0]].value) or any(n in ("", "0") for n in numbers):
            continue  # a name, or a whole row or column picked: left to the engine
        call = "".join(t.value for t in tokens[i : spans[2][1]]) + ")"
        token.value = f"IF(OR(({area})<1,({area})>=2),#REF!,CHOOSE({area},{call}))"
        token.type, token.subtype = Token.OPERAND, Token.NUMBER  # one operand now (as .union_references')
        for k in range(i + 1, close + 1):
            tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
        changed = True
    return changed


def _a1(reference: str) -> bool:
    """Whether ``reference`` (a range token's text) is an A1 reference, not a name."""
    try:
        range_boundaries(reference.rpartition("!")[2].replace("$", ""))
    except (ValueError, TypeError):
        return False
    return True
