"""Excel formula forms the embedded engine lacks, rewritten into equivalent forms it computes.

:func:`rewrite` takes a formula as the file stores it and the cell that holds it, and returns
the formula the engine is given (or the same text when nothing needs rewriting):

- **structured references** (Excel tables): ``Sales[Amount]``, ``Table1[[#This Row],[Amount]]``,
  ``[@Amount]``, ``Table1``, ``Table1[#All]``, ``Table1[[Col1]:[Col2]]`` become the absolute
  ranges they denote (``Sales!$B$2:$B$3``); ``#This Row`` outside the table's rows is ``#VALUE!``;
- the **range intersection operator** (a space between two references, ``A1:C3 B2:D4``) becomes
  the range both cover (``B2:C3``), or ``#NULL!`` when they do not meet;
- a **LAMBDA called in place**, ``LAMBDA(x, x+1)(2)``, becomes ``LET(x, 2, x+1)``; Excel's stored
  parameter prefix ``_xlpm.`` is dropped;
- **implicit intersection** in classic (non-array) formulas: a multi-cell range used as an operand
  of an operator, outside any function (``=A1:A3+B1:B3`` in row 2, ``=(A1:A3)*2``), takes the cell in
  the formula's own row or column, as Excel does (``@A1:A3``);
- an **empty argument** of xl-retention's own functions (``=NPS_MOE(A1:A6,)``) is a missing one, as Excel passes it
  to an add-in (:mod:`.omitted_arguments`), not the 0 the engine would pass;
- Excel 365's **LAMBDA helpers** over ranges (``BYROW(A1:D4, LAMBDA(r, COUNT(r)))``) are written out call by call
  (:mod:`.lambda_helpers`);
- a reference to a **deleted sheet**, ``#REF!A1`` or ``#REF!A1:B2`` as Excel leaves it, is the ``#REF!`` error.

Anything the rewriter cannot be sure of is left as it is, for the engine to compute or report.
"""

from __future__ import annotations

import os
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token, TokenizerError

from .array_lifting import _LIFTS, ARRAY_RESULTS, _spans, lift_arrays
from .cell_filename import cell_filenames
from .classic_spills import intersected_let_names
from .defined_names import moved_references, one_reference, relative
from .excel_functions._core import EACH
from .excel_functions.criteria_runtime import OUTSIDE_CRITERION, criterion_position
from .excel_functions.number_texts import number_literals
from .excel_functions.wraps import CLASSIC_LAMBDA
from .first_cells import first_cells
from .formula_tokens import (
    _A1_RANGE,
    _bare_name,
    _bracket,
    _is_operator,
    _is_range,
    argument_spans,
)
from .indirect import checked_indirect
from .intersection import (
    SPOT,
    _implicit,
    _index_cell,
    _intersect,
    _offset_cell,
    _one_value_expected,
    _scalar_argument,
    classic_array_argument,
    let_entry,
    offset_numbers,
)
from .lambda_calls import classic_range_call, let_bound_lambdas, lets_of_lambda_calls, named_lambdas
from .lambda_helpers import expand_lambda_helpers
from .let_companions import let_companions
from .let_index_names import let_index_names
from .let_references import let_as_reference
from .literal_indirect import TABLE_REFERENCE, _literal_indirect
from .long_chains import may_hold_long_chain, split_chains
from .mismatched_sizes import pad_mismatched
from .name_expansions import deleted_sheets, expanded_name, moved_reference, unions_of_names
from .named_corners import named_corners
from .offset_sizes import negative_sizes
from .omitted_arguments import omit_in_tokens
from .package import Table
from .rewrite_shapes import FIRST_CELL_CALL, UNION, decided, our_array_functions
from .sheet_ranges import bracketed
from .sized_references import sized
from .structured_references import _structured, _structured_in, escaped_structured, structured_range
from .typed_spills import anchored
from .union_reasons import union_areas
from .union_references import single_area, unions
from .xlookup_cells import xlookup_cell
from .xlookup_references import counted_xlookups, xlookup_references

__all__ = ["TABLE_REFERENCE", "rewrite"]


def _logical_text(tokens: list[Token]) -> bool:
    """``NOT("TRUE")`` -> ``NOT(TRUE)``, ``IF("FALSE",1,2)`` -> ``IF(FALSE,1,2)``: Excel reads the text TRUE or FALSE
    typed in as NOT's value or IF's condition as the logical (the engine said #VALUE!). Changes ``tokens`` in place."""
    changed = False
    for i, token in enumerate(tokens[:-2]):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare_name(token.value[:-1]) not in ("NOT", "IF"):
            continue
        text, after = tokens[i + 1], tokens[i + 2]
        if text.type != Token.OPERAND or text.subtype != Token.TEXT or text.value.upper() not in ('"TRUE"', '"FALSE"'):
            continue
        if after.type in (Token.SEP, Token.FUNC) and (after.subtype == Token.ARG or after.subtype == Token.CLOSE):
            text.value, text.subtype, changed = text.value[1:-1].upper(), Token.LOGICAL, True
    return changed


def _position_of_name(tokens: list[Token], names: dict[str, str]) -> bool:
    """Write a defined name of a range that is the whole argument of ROW or COLUMN (``ROW(Dates)``) as its range;
    True when one was. The engine gives the name's first row (column) alone there, where Excel gives every row of the
    range (``SUMPRODUCT(ROW(Dates))``, ``AGGREGATE(14,6,ROW(Dates)/ISNUMBER(Dates),k)``); ROW of a range is read
    as Excel reads it (:func:`.array_lifting.lift_arrays`)."""
    found = False
    for i, token in enumerate(tokens[:-2]):
        if token.type == Token.FUNC and token.subtype == Token.OPEN and token.value.upper() in ("ROW(", "COLUMN("):
            inner, close = tokens[i + 1], tokens[i + 2]
            if (
                inner.type == Token.OPERAND
                and inner.subtype == Token.RANGE
                and inner.value.lower() in names
                and close.type == Token.FUNC
                and close.subtype == Token.CLOSE
            ):
                inner.value, found = names[inner.value.lower()], True
    return found


def _singles(tokens: list[Token], names: dict[str, str], row: int, col: int) -> bool:
    """Excel's ``@`` (stored as ``_xlfn.SINGLE(...)``): ``@A1:A4`` is the range's cell in the formula's row
    or column (#VALUE! when there is none), ``@`` of anything else its first value (``INDEX(x,1,1)``).
    Changes ``tokens`` in place."""
    changed = False
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare_name(token.value[:-1]) != "SINGLE":
            continue
        inner = tokens[i + 1] if i + 1 < len(tokens) else None
        close = tokens[i + 2] if i + 2 < len(tokens) else None
        if _is_range(inner) and close is not None and (close.type, close.subtype) == (Token.FUNC, Token.CLOSE):
            reference = names.get(inner.value.lower(), inner.value)
            cell = _implicit(reference, row, col) if ":" in reference else reference
            if cell is not None:
                token.value, inner.value, close.value = "", cell, ""
                token.type = close.type = "SKIPPED"
                changed = True
                continue
        depth = 0  # any other argument: its first value
        for k in range(i + 1, len(tokens)):
            if tokens[k].subtype == Token.OPEN and tokens[k].type in (Token.FUNC, Token.PAREN):
                depth += 1
            elif tokens[k].subtype == Token.CLOSE and tokens[k].type in (Token.FUNC, Token.PAREN):
                if depth == 0:
                    if _reference_call(tokens, i + 1, k):  # @INDEX(E1:F5,0,2) in row 4: F4, not F1
                        call = "(" + "".join(t.value for t in tokens[i + 1 : k]) + ")"
                        token.value = (
                            f"INDEX({call},{SPOT}({row},ROW({call}),ROWS({call}),COLUMNS({call})),"
                            f"{SPOT}({col},COLUMN({call}),COLUMNS({call}),ROWS({call})))"
                        )
                        for skipped in tokens[i + 1 : k + 1]:
                            skipped.value, skipped.type = "", "SKIPPED"
                        changed = True
                        break
                    token.value, tokens[k].value, changed = "INDEX((", "),1,1)", True
                    break
                depth -= 1
    return changed


#: calls returning a reference when the arguments at these positions are references (the others may be values):
#: INDEX's and OFFSET's first, XLOOKUP's return range (and if_not_found), CHOOSE's choices
_REFERENCE_ARGUMENTS = {"INDEX": (0,), "OFFSET": (0,), "XLOOKUP": (2, 3), "CHOOSE": tuple(range(1, 255))}


def _reference_call(tokens: list[Token], start: int, end: int) -> bool:
    """Whether ``tokens[start:end]`` is one call of INDEX, OFFSET, XLOOKUP or CHOOSE whose result is surely a
    reference (the arguments it may return are ranges), so that Excel's ``@`` of it is the cell in the formula's row
    or column (Microsoft's "Implicit intersection operator: @": a range gives that cell, an array its top-left)."""
    opener = tokens[start]
    if opener.type != Token.FUNC or opener.subtype != Token.OPEN:
        return False
    name = _bare_name(opener.value[:-1]).upper()
    if name not in _REFERENCE_ARGUMENTS:
        return False
    spans, close = argument_spans(tokens, start)
    if close != end - 1:
        return False
    for position in _REFERENCE_ARGUMENTS[name]:
        if position >= len(spans):
            continue
        inner = [t for t in tokens[spans[position][0] : spans[position][1]] if t.type != Token.WSPACE]
        if len(inner) != 1 or not _is_range(inner[0]) or inner[0].value.startswith(("{", "#")):
            return False
    return name != "XLOOKUP" or len(spans) >= 3


def rewrite(
    formula: str,
    sheet: str,
    row: int,
    col: int,
    tables: list[Table],
    array: bool = False,
    names: dict[str, str] | None = None,
    defined: dict[str, str] | None = None,
    path: str | os.PathLike[str] | None = None,
    sheets: frozenset[str] | None = None,
    every: frozenset[str] | None = None,
) -> str:
    """``formula`` (with or without ``=``) as the embedded engine should compute it in ``sheet`` at (row, col).

    ``array``: the formula is an array formula (Ctrl+Shift+Enter or dynamic), where Excel does not
    intersect ranges implicitly. ``names``: defined names visible here (lower case) -> their
    A1 reference (``"Sheet1!$A$16:$G$16"``), so that a name used as a single value is intersected too.
    ``defined``: names defined by a formula (lower case) -> the formula (:mod:`.defined_names`),
    put in brackets where the formula uses the name (the engine has no value for them). ``path``: the workbook's
    file, for ``CELL("filename", reference)`` (:mod:`.cell_filename`); None leaves such calls as they are.
    ``sheets``: the workbook's sheets' names (lower case), so that an INDIRECT of a sheet it lacks is #REF!; None
    takes every sheet to be there. ``every``: every name the workbook defines, of any scope, lower case
    (:attr:`.package.PackageInfo.all_names`), so that an INDIRECT of a name none defines (nor a table has) is #REF!;
    None says no name is missing.

    >>> rewrite("=SUM(A1:C3 B2:D4)", "S", 1, 5, [])
    "=SUM('S'!$B$2:$C$3)"
    >>> rewrite("=LAMBDA(x,x+1)(2)", "S", 1, 1, [])
    '=LET(x,2,x+1)'
    """
    text = formula if formula.startswith("=") else "=" + formula
    if "#" in text:  # A2# as typed: Excel's stored _xlfn.ANCHORARRAY(A2), which the steps below read (.typed_spills)
        text = anchored(text)
    if path is not None and "CELL(" in text.upper():  # CELL("filename", A1): the text Excel gives for the file
        text = cell_filenames(text, sheet, path, names)
    if tables and ("'[" in text or "']" in text):  # H[[A'[b]]: the tokenizer counts brackets without Excel's escapes
        text = escaped_structured(text, tables, sheet, row, col)
    if may_hold_long_chain(text):  # =A1+...+A300: over the engine's 256 terms, in LET chunks (.long_chains)
        text = split_chains(text)
    if ":" in text:  # Start:INDIRECT(..), Start:Finish, S!A1:INDEX(A:A,3): corners the engine joins
        text = named_corners(text, sheet, names, sheets)
    if not decided(text, tables, array, names, defined):
        return text
    every = every if "INDIRECT(" in text.upper() else None
    new = _rewritten(text, sheet, row, col, tables, array, names, defined, sheets, every)
    if "[" in text and ":" in new:  # INDEX(Tbl[Amt],1):[@Amt]: both corners alike once the table's ranges are in
        new = named_corners(new, sheet, names, sheets)
    return new


def _rewritten(text: str, *place: Any) -> str:
    """:func:`rewrite` of a formula that may need one (``text`` starts with ``=``; ``place``: sheet, row, col, tables,
    array, names, defined as :func:`_rewritten_steps` takes them); the formula as it is when a step would write a
    text the tokenizer cannot read back: the engine then answers the formula itself, never a formula of our making
    that fails to parse."""
    try:
        return _rewritten_steps(text, *place)
    except TokenizerError:
        return text


def _rewritten_steps(
    text: str,
    sheet: str,
    row: int,
    col: int,
    tables: list[Table],
    array: bool,
    names: dict[str, str] | None,
    defined: dict[str, str] | None,
    sheets: frozenset[str] | None = None,
    every: frozenset[str] | None = None,
) -> str:
    if "LET(" in text.upper() and "LAMBDA(" in text.upper():  # LET(f,LAMBDA(x,x*x),f(3)): LAMBDA(x,x*x)(3)
        text = let_bound_lambdas(text) or text
    if "LET(" in text.upper():  # OFFSET(LET(r,F2,r),1,0): the reference LET gives, where one is taken
        text = let_as_reference(text)
    if "OFFSET(" in text.upper():  # a negative height or width: the range ending at the offset cell, as Excel
        text = negative_sizes(text if array else offset_numbers(text, row, col, names))  # (A1:A3 as a size: A3)
    by_name = {t.name.lower(): t for t in tables}
    try:
        tokens = [t for t in Tokenizer(text).items]
    except Exception:  # not a formula the tokenizer understands: the engine decides
        return text
    if defined and not array and classic_range_call(tokens, defined, names):  # SUM(DOUBLE(A1:A2)): not told
        return f"={CLASSIC_LAMBDA}()"
    called = named_lambdas(tokens, defined) if defined else None
    if called is not None:  # DOUBLE(A1) of a name DOUBLE = LAMBDA(x, x*2): LAMBDA(x, x*2)(A1), then LET (below)
        text, tokens = called
    changed = called is not None
    changed = deleted_sheets(tokens) or changed
    if (UNION.search(text) is not None or "AREAS(" in text.upper()) and unions(tokens, names):  # COUNT((A1,C1))
        changed = True
    changed = ("INDEX(" in text.upper() and single_area(tokens)) or changed  # INDEX(A1:B2,1,1,1): one area's number
    parameters: dict[str, str] = {}  # each LET/LAMBDA name (lower case) as the engine is given it
    for token in tokens:  # structured references, names defined by a formula, and _xlpm. parameter names
        if token.type == Token.OPERAND and token.subtype == Token.RANGE:
            key = token.value.lower()  # S!Rate: sheet S's own name (qualified keys: defined_names.qualify)
            if key.startswith("_xleta."):  # a function passed by name (.lambda_helpers), not the name Excel adds
                continue
            if "!" in key and names and key in names:
                token.value, changed = names[key], True
                continue
            key = key if defined and key in defined else key.rpartition("!")[2]
            if defined and key in defined:
                expanded = expanded_name(key, defined, 0)
                one = expanded is not None and one_reference(expanded) and relative(expanded)
                moved = moved_reference(expanded, row, col) if one else None
                if moved is not None:  # a relative name (Above = S!A1048576) from the cell using it
                    token.value, changed = moved, True
                    continue
                if expanded is not None and expanded.strip().upper() == "#REF!":  # a name over a deleted sheet
                    token.value, token.subtype, changed = "#REF!", Token.ERROR, True  # (Rate = #REF!$B$1): the error
                    continue  # value, as the reference typed in the formula is (deleted_sheets), not an expression
                if expanded is not None:
                    expanded = moved_references(expanded, lambda ref: moved_reference(ref, row, col))  # SUM(S!$B1:$D1)
                    if by_name and "[" in expanded:  # SUMIFS(Sales[Total],...) in a name: the table's ranges
                        expanded = _structured_in(expanded, by_name, sheet, row, col)
                    token.value = expanded if one_reference(expanded) else bracketed(expanded)  # S!$A$1:$B$5 bare:
                    changed = True  # a reference, which SUBTOTAL's hidden rows and intersections read as one
                    continue
            if by_name and ("[" in token.value or token.value.lower() in by_name):
                resolved = structured_range(token.value, by_name, sheet, row, col) if ":" in token.value else None
                resolved = resolved or _structured(token.value, by_name, sheet, row, col)
                if resolved is not None:
                    token.value, changed = resolved, True
                    if resolved.startswith("#"):
                        token.subtype = Token.ERROR
            prefix = token.value[:6].lower()
            if prefix in ("_xlpm.", "_xlop."):  # _xlop.y: an optional parameter's declaration, typed [y] (its uses
                bare = token.value[6:].lower()  # are _xlpm.y), which the LAMBDA calls below read in brackets
                if bare not in parameters:
                    parameters[bare] = _parameter(token.value[6:], names, defined, tokens)
                token.value, changed = parameters[bare] if prefix == "_xlpm." else f"[{parameters[bare]}]", True
    if changed and any(t.type == Token.OPERAND and t.value.startswith("(") and "," in t.value for t in tokens):
        again = unions_of_names("=" + "".join(t.value for t in tokens))  # Blocks = S!$A$1:$A$3,S!$C$1:$C$3
        tokens = again if again is not None else tokens
    out: list[Token] = []
    for i, token in enumerate(tokens):
        if token.type == Token.WSPACE:
            before = out[-1] if out else None
            after = next((t for t in tokens[i + 1 :] if t.type != Token.WSPACE), None)
            if _is_range(before) and _is_range(after):
                lookup = names or {}
                meet = _intersect(
                    lookup.get(before.value.lower(), before.value), lookup.get(after.value.lower(), after.value), sheet
                )
                if meet is not None:
                    before.value, changed = meet, True
                    after.type = "SKIP"
                    continue
            if _between_operands(before, after):  # the intersection operator the engine answers (2 [@Units])
                out.append(token)
            continue
        if token.type == "SKIP":
            continue
        out.append(token)
    tokens = out
    if omit_in_tokens(tokens, defined):  # =NPS_MOE(A1:A6,): an empty argument is a missing one, not 0
        changed = True
    if _literal_indirect(tokens, by_name, sheet, row, col, sheets, every):
        changed = True
        tokens = [t for t in tokens if t.type != "SKIPPED"]
    if "INDIRECT(" in text.upper() and checked_indirect(tokens, names, array):  # "Jan!Total", "A0": .indirect
        changed = True
    if ("ROW" in text.upper() or "COLUMN" in text.upper()) and sized(tokens):  # an error OFFSET's count or place
        changed = True
    if _logical_text(tokens):
        changed = True
    if '"' in text and number_literals(tokens):  # ="2/29/1900"+0 is 60, ="12/31/1899"+0 #VALUE! (H40)
        changed = True
    if FIRST_CELL_CALL.search(text.upper()) and first_cells(tokens, names or {}, array):  # N(A1:A7): A1's
        changed = True
    if not array:  # implicit intersection of ranges used as single values
        called_let = _called_as_let(tokens) if "LAMBDA(" in text.upper() else None
        if called_let is not None:  # LAMBDA(x,y,SUM(x)*y)(B2:C5,2): LET(x,B2:C5,..), not the union (B2:C5,2) read
            tokens, changed, text = list(Tokenizer(called_let).items), True, called_let  # as one value
        if "LET(" in text.upper():  # =LET(a,B5:C5,a+0): a LET name of a range read as one value, as the range
            again = let_index_names("=" + "".join(t.value for t in tokens))  # INDEX(x,y,0): INDEX(B2:C5,4,0)
            if again is not None:
                tokens, changed = list(Tokenizer(again).items), True
            again = let_companions("=" + "".join(t.value for t in tokens))  # a name of IF(..,B5:C5,..): _XLR.ONECELL
            if again is not None:
                tokens, changed = list(Tokenizer(again).items), True
            again = intersected_let_names("=" + "".join(t.value for t in tokens), row, col, inline=True)
            if again is not None:
                tokens, changed = list(Tokenizer(again).items), True
        stack: list[list] = []  # [function, argument position] of each open function call
        areas = union_areas(tokens) if any(t.type == Token.OP_IN and t.value == "," for t in tokens) else set()
        for i, token in enumerate(tokens):
            if token.type == Token.FUNC and token.subtype == Token.OPEN:
                name = _bare_name(token.value[:-1])
                single = not classic_array_argument(stack) and _one_value_expected(tokens, i, stack)
                if name == "INDEX" and single:
                    if _index_cell(tokens, i, names or {}, row, col) is not None:
                        changed = True
                        if tokens[i].type == "SKIPPED":
                            continue  # INDEX(E6:E10,G1) intersected when it runs: the call is one token now
                if name == "OFFSET" and single and _offset_cell(tokens, i, row, col):
                    changed = True
                    continue  # the call is one token now
                if name.upper() == "XLOOKUP" and single and xlookup_cell(tokens, i, names or {}, row, col):
                    changed = True
                    continue  # several cells it may return intersected when it runs: one token now
                stack.append(let_entry(tokens, i, single) if name == "LET" else [name, 0, single])
            elif token.type == Token.ARRAY and token.subtype == Token.OPEN:
                stack.append(["{", 0, False])  # an array constant's commas separate no arguments
            elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.ARRAY):
                if stack:
                    stack.pop()
            elif token.type == Token.SEP and token.subtype == Token.ARG:
                if stack:
                    stack[-1][1] += 1
            elif (
                token.type == Token.OPERAND
                and token.subtype == Token.RANGE
                and not classic_array_argument(stack)
                and i not in areas  # COUNTIF((A1:A2,C1:C2),">1"): a union's areas are references (.union_reasons)
            ):
                before, after = i - 1, i + 1  # brackets around the range alone: (A1:A3)*2 is A1:A3*2
                while 0 <= before and after < len(tokens) and _bracket(tokens[before], tokens[after]):
                    before, after = before - 1, after + 1
                neighbours = (tokens[before] if before >= 0 else None, tokens[after] if after < len(tokens) else None)
                alone = all(t is not None and (t.type == Token.FUNC or t.type == Token.SEP) for t in neighbours)
                if (
                    any(_is_operator(t) for t in neighbours)
                    or neighbours == (None, None)
                    or (alone and _scalar_argument(stack))
                ):
                    reference = (names or {}).get(token.value.lower(), token.value)
                    cell = _implicit(reference, row, col)
                    if cell == "#VALUE!" and alone and stack and criterion_position(stack[-1][0], stack[-1][1]):
                        cell = f"{OUTSIDE_CRITERION}({reference})"  # COUNTIF(A1:A3,A1:A3) in row 5: listed
                    if cell is not None:
                        token.value, changed = cell, True
    if names and _position_of_name(tokens, names):  # ROW(Dates): read as ROW of its range (lifted below)
        changed = True
    if _singles(tokens, names or {}, row, col):
        changed = True
    if any(  # a call intersected when it runs read again, so that XLOOKUP in it is a reference (ROW(XLOOKUP(..)))
        SPOT in t.value and (t.type == Token.FUNC or "XLOOKUP(" in t.value.upper()) for t in tokens
    ):
        tokens = list(Tokenizer("=" + "".join(t.value for t in tokens)).items)
    if (array or "SUMPRODUCT(" in text.upper()) and pad_mismatched(tokens, array, names):  # {=SUM(A1:A3/B1:B2)}
        changed = True
    if lift_arrays(tokens, array, names or {}):
        changed = True
    if xlookup_references(tokens, names):  # ROW(XLOOKUP(..)): a name of a range read for its shape
        changed = True
    if names and "XLOOKUP(" in text.upper() and counted_xlookups(tokens, names):  # COUNT(XLOOKUP(..,Keys,..)): the
        changed = True  # argument rewrite, which knows no names, makes those of ranges typed in (excel_functions)
    if changed and names:  # the engine sees a name over the formula's own cell as a cycle when it is set again
        for token in tokens:
            if token.type == Token.OPERAND and token.subtype == Token.RANGE and token.value.lower() in names:
                token.value = names[token.value.lower()]
    text_out = "=" + "".join(t.value for t in tokens)
    lambda_call = _called_as_let(tokens)
    if lambda_call is not None:
        return expand_lambda_helpers(lambda_call, names)
    if not array and _array_valued(tokens, 0, len(tokens), names):  # a classic formula shows its array's first value
        text_out, changed = f"=INDEX(({text_out[1:]}),1,1)", True
    return expand_lambda_helpers(text_out if changed else text, names)  # BYROW(A1:D4,LAMBDA(r,..)): call by call


def _called_as_let(tokens: list[Token]) -> str | None:
    """The formula of ``tokens`` with each LAMBDA called in place as the LET of its parameters, through a LAMBDA
    called in a LAMBDA's body or arguments (named ones: :func:`.named_lambdas`); None when there is none."""
    lambda_call = lets_of_lambda_calls(tokens)
    for _ in range(20):
        try:
            again = lets_of_lambda_calls(list(Tokenizer(lambda_call).items)) if lambda_call is not None else None
        except Exception:  # noqa: BLE001  (a text the tokenizer does not read again: the calls made so far)
            again = None
        if again is None:
            break
        lambda_call = again
    return lambda_call


def _parameter(bare: str, names: dict[str, str] | None, defined: dict[str, str] | None, tokens: list[Token]) -> str:
    """A LET variable or LAMBDA parameter (``_xlpm.price``) as the engine is given it: without Excel's prefix, and
    where a defined name of the workbook is spelled alike (``Price``, in any case), a spelling no name and no other
    name in the formula has (``price_``): in Excel the formula's own name wins inside it and the bare ``Price`` is
    still the workbook's name, where the engine (and the steps below) would read both as the workbook's name.

    >>> _parameter("price", {"price": "S!$A$1"}, None, []), _parameter("qty", {"price": "S!$A$1"}, None, [])
    ('price_', 'qty')
    """
    taken = set(names or ()) | set(defined or ())
    if bare.lower() not in taken:
        return bare
    operands = (t.value.lower() for t in tokens if t.type == Token.OPERAND and t.subtype == Token.RANGE)
    taken |= {value.removeprefix("_xlpm.") for value in operands}
    spelled = bare + "_"
    while spelled.lower() in taken:
        spelled += "_"
    return spelled


def _between_operands(before: Token | None, after: Token | None) -> bool:
    """Whether a space between ``before`` and ``after`` is Excel's intersection operator (between two operands: a
    reference, a number, a call or a bracket), not a space that only lays the formula out (after a comma, around an
    operator)."""
    if before is None or after is None:
        return False
    ends = before.type == Token.OPERAND or (before.subtype == Token.CLOSE and before.type in (Token.FUNC, Token.PAREN))
    starts = after.type == Token.OPERAND or (after.subtype == Token.OPEN and after.type in (Token.FUNC, Token.PAREN))
    return ends and starts


#: functions giving a reference: a classic formula takes the cell of its result in its own row (the engine's part)
_REFERENCE_RESULTS = frozenset(("INDEX", "OFFSET", "INDIRECT", "ANCHORARRAY"))


def _array_valued(tokens: list[Token], start: int, end: int, names: dict[str, str] | None = None) -> bool:
    """Whether ``tokens[start:end]`` of a classic formula gives an array (not a reference): an array typed in, a
    call lifted over one, or a function giving arrays (FREQUENCY, TRANSPOSE, ...) not reduced by another. Excel shows
    the first value of such a formula's array (``={1,2,3}`` is 1, ``=LARGE(A1:A9,{1,2})`` the largest), where the
    engine spills it or answers #SPILL!. ``names``: the defined names and their references (a name of one cell is
    one value)."""
    k = start
    while k < end:
        token = tokens[k]
        if token.type == Token.ARRAY and token.subtype == Token.OPEN:
            return True
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            if token.value.startswith("{"):
                return True
            name = _bare_name(token.value[:-1]).removeprefix(EACH)
            always = our_array_functions().get(name)  # CRR(A1:A3,B1:B3,C1:C3), SBG_FIT(..): xl-retention's own
            lifts = _LIFTS.get(name)
            if name not in _REFERENCE_RESULTS and name not in ARRAY_RESULTS and always is None and lifts is None:
                k += 1  # IF, AND, COUNTA...: looked into token by token, their arguments' spans not needed
                continue
            spans, close = _spans(tokens, k)
            if name in _REFERENCE_RESULTS:
                if name == "INDEX" and spans and _array_valued(tokens, *spans[0], names):
                    return True  # INDEX({..;..},2): a row of the array, not a reference (H187's finding 04)
                k = close + 1
                continue
            if name in ARRAY_RESULTS:
                return True
            if always or always is not None and any(_over_cells(tokens, a, b, names) for a, b in spans):
                return True
            if lifts is not None:
                returned = 2 if name == "XLOOKUP" else -1  # its row of a computed return array: an array (H422)
                if any(
                    (p in lifts or p == returned) and _array_valued(tokens, a, b, names)
                    for p, (a, b) in enumerate(spans)
                ):
                    return True
                k = close + 1
                continue
        k += 1
    return False


def _over_cells(tokens: list[Token], start: int, end: int, names: dict[str, str] | None = None) -> bool:
    """Whether ``tokens[start:end]`` hold a range of several cells, a name (which may be one, unless ``names`` gives
    it one cell: the template's ``SBG_Alpha``) or an array typed in."""
    for token in tokens[start:end]:
        if token.type == Token.ARRAY and token.subtype == Token.OPEN or token.value.startswith("{"):
            return True
        if _is_range(token):
            match = _A1_RANGE.match(token.value)
            if match is None and names and token.value.lower() in names:
                match = _A1_RANGE.match(names[token.value.lower()].removeprefix("="))
            if match is None or match.group("b") is not None:
                return True
    return False
