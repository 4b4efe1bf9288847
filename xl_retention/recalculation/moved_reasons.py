"""Why a classic formula is #VALUE! where INDEX or OFFSET of a range, or a LET name of one, is read as one value.

A classic formula (no dynamic-array flag, as openpyxl writes them) reads a reference as the cell of it in the
formula's own row or column (implicit intersection): ``=LET(a,INDEX(B2:C4,2,0),a+0)``, ``=INDEX(B2:C4,2,0)+0``,
``=OFFSET(B2,1,0,1,2)*2`` in column E read S!B3:C3 there, which has no cell in column E: #VALUE!, as in Excel. The
rewrite wrote the intersection as ``#VALUE!`` or as one made when the formula runs (``_XLR.SPOT``), and the engine
keeps only the code, so the cell was listed with an empty reason. :func:`moved_cause` names the call or the LET name,
the range it denotes (:func:`.reference_areas.reference_area`) and the column or row missed: ``LET's a =
INDEX(B2:C4,2,0) (S!B3:C3) is read as one value, the cell of S!B3:C3 in the formula's own column (..), and S!E14 is
in column E, outside columns B-C: ..``. A LET name of an inner LET giving a range (``LET(a,LET(b,B5:C5,b),a+0)``)
and a LAMBDA called with a range (``=LAMBDA(x,x)(B5:C5)``, a LET of its parameters) are followed the same way.
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token, Tokenizer

from .classic_spills import let_scopes, names_read_as_one, reference_result
from .formula_tokens import _bare_name, argument_spans
from .intersection import _implicit
from .lambda_calls import lets_of_lambda_calls
from .let_index_names import let_index_names
from .one_value_reads import one_value_reason, read_as_one_value
from .reference_areas import reference_area

__all__ = ["moved_cause"]


def _as_let(formula: str) -> str:
    """``formula`` with each LAMBDA called in place written as the LET of its parameters (as the rewrite does)."""
    for _ in range(20):
        try:
            again = lets_of_lambda_calls(list(Tokenizer(formula).items))
        except Exception:  # noqa: BLE001  (a text the tokenizer does not read: as it is)
            return formula
        if again is None:
            return formula
        formula = again
    return formula


def _missed(reference: str, row: int, column: int) -> str | None:
    """The range ``reference`` denotes where it has no cell in row ``row`` or column ``column``; None otherwise."""
    area = reference_area(reference)
    return area if area is not None and _implicit(area, row, column) == "#VALUE!" else None


def _shown(sheet: str, ref: str, place: tuple[int, int], shown: str, area: str) -> str | None:
    return one_value_reason(sheet, ref, place, [Token(shown, Token.OPERAND, Token.RANGE)], 0, area)


def moved_cause(sheet: str, ref: str, place: tuple[int, int], text: str) -> str | None:
    """Why the classic formula ``text`` of ``sheet!ref`` (at ``place``) is #VALUE!: the first reference it reads as
    one value -- its result, a LET name, INDEX or OFFSET typed in -- whose range (whole numbers typed in) has no cell
    in the formula's row or column; None where there is none.

    >>> moved_cause("S", "E14", (14, 5), "=_xlfn.LET(_xlpm.a,INDEX(B2:C4,2,0),_xlpm.a+0)")[:60]
    "LET's a = INDEX(B2:C4,2,0) (S!B3:C3) is read as one value, t"
    >>> moved_cause("S", "H9", (9, 8), "OFFSET(B2,1,0,4,1)*2")[:54], moved_cause("S", "C9", (9, 3), "B5:C5+A1")
    ('OFFSET(B2,1,0,4,1) (S!B3:B6) is read as one value, the', None)
    """
    row, column = place
    formula = "=" + text.removeprefix("=")
    if "LAMBDA(" in formula.upper():  # =LAMBDA(x,x)(B5:C5): LET(x,B5:C5,x)
        formula = _as_let(formula)
    if "LET(" in formula.upper():  # =LET(x,B2:C5,y,4,INDEX(x,y,0)): INDEX(B2:C5,4,0), as the rewrite reads it
        formula = let_index_names(formula) or formula
    reference = reference_result(formula)  # =LET(a,INDEX(B2:C4,2,0),a): the result, read as one value
    area = _missed(reference, row, column) if reference is not None else None
    if reference is not None and area is not None:
        return _shown(sheet, ref, place, reference, area)
    try:
        tokens = [t for t in Tokenizer(formula).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read)
        return None
    scopes = let_scopes(tokens)
    for token, bound in names_read_as_one(tokens, lambda i, t: scopes.get(i, {}).get(t.value.lower())):
        area = _missed(bound, row, column)
        if area is not None:
            name = token.value[6:] if token.value.lower().startswith("_xlpm.") else token.value
            return _shown(sheet, ref, place, f"LET's {name} = {bound}", area)
    calls: list[list] = []  # [function, argument position, its opening token] of each open call
    for i, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _bare_name(token.value[:-1])
            if name in ("INDEX", "OFFSET"):
                close = argument_spans(tokens, i)[1]
                call = "".join(t.value for t in tokens[i : close + 1])
                area = _missed(call, row, column)
                if area is not None and read_as_one_value(tokens, i, calls, close):
                    return _shown(sheet, ref, place, call, area)
            calls.append([name, 0, i])
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE and calls:
            calls.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and calls:
            calls[-1][1] += 1
    return None
