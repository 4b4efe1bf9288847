"""Cells whose formula, as the engine holds it, still has what the engine cannot compute, whatever their own value.

A cell is listed by :func:`.unsupported.find_unsupported` when its value is the engine's own error (a function it
lacks: #NAME?; a union of references or a 3-D reference it cannot read: #NIMPL!). IFERROR, IFNA, ISERROR, COUNT and
the like hid that error: ``=IFERROR(AREAS(A1:A2),-1)`` was -1, ``=IFERROR(LARGE((A1:A2,C1:C2),1),-1)`` -1 and
``=IFERROR(SMALL(Blocks,2),0)`` of a name over two areas 0, with status ok, where Excel gives 1, 4 and 2.
:func:`hidden_constructs` lists every formula cell whose formula after the rewrites (``workbook.get_formula``) still
calls a function the engine lacks, or holds a union of references or a 3-D reference, with the reason
:func:`.unsupported.reason_of` gives for an error there; the cells reading one follow (the dependents machinery).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.formulas import FORMULAE

from ..registry import BY_NAME
from .formula_tokens import _bare_name
from .lambda_helpers import HELPERS, helper_reason
from .sheet_ranges import THREE_D_HINT, sheets_of
from .text_literals import LITERALS as _LITERAL
from .union_reasons import union_reason
from .unsupported import Unsupported, engine_knows, name_reason

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts

__all__ = ["hidden_constructs"]

_NEWER = re.compile(r"(?<![\w.])_XLFN\.([A-Z0-9_.]+)\(")
#: a bracket opened where no function is called, holding a comma before any other bracket: a union's list
_BRACKET = re.compile(r"(?:^|[(,=+\-*/^&<>\s])\((?:[^()\"\n]|\"[^\"\n]*\")*,")  # within a line (see THREE_D_HINT)
#: a text or a quoted sheet name within a line, made "" before :data:`_BRACKET` is looked for: a bracket and a comma
#: in a note ("(PASTE VALUES AS NUMBERS, OR ...") are no union
_TEXTS = re.compile(r"\"(?:[^\"\n]|\"\")*\"|'(?:[^'\n]|'')*'")


def _bracket(text: str) -> bool:
    """Whether ``text`` (formulas, one a line) has :data:`_BRACKET` outside its texts and quoted sheet names.

    >>> _bracket('=IF(A1,"(SEE B1, C1)",(A1:A2,C1))'), _bracket('=IF(A1,"(SEE B1, C1)",A2)')
    (True, False)
    """
    return _BRACKET.search(_TEXTS.sub('""', text)) is not None


def hidden_constructs(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    names: dict[str, dict[str, str]],
) -> list[Unsupported]:
    """Every formula cell whose engine formula calls a function the engine lacks (an Excel function: not an add-in's,
    listed apart), or holds a union of references or a 3-D reference (see the module's docstring). ``names``: the
    defined names the engine does not resolve ({scope: {name in lower case: formula}}): a union among them is looked
    for where they are used."""
    registered = {str(f.get("name", "")).upper() for f in workbook.list_functions()}
    known: dict[str, bool] = {}

    def lacking(name: str) -> bool:
        if name not in known:
            known[name] = (
                (name in FORMULAE or name in newer)
                and name not in registered
                and f"_XLFN.{name}" not in registered
                and name not in BY_NAME
                and not engine_knows(name)
            )
        return known[name]

    found: list[Unsupported] = []
    union_names = [  # a name of several areas or of a 3-D reference (Q1 = Jan:Mar!$B$2: IFERROR(Q1*2,-1))
        name.upper() for scope in names.values() for name, target in scope.items() if _unread_target(target)
    ]
    uncomputed = uncomputed_names(names, registered)  # SheetNames = GET.WORKBOOK(1): IFERROR(INDEX(SheetNames,1),"")
    if uncomputed:
        found += _reading_names(formulas, uncomputed)
    newer: set[str] = set()  # Excel's functions newer than 2007, which the file stores as _xlfn.NAME
    for texts in formulas.values():
        newer |= {m.group(1).removeprefix("_XLWS.") for m in _NEWER.finditer(texts.shape_upper_text())}
    listed = {(u.sheet, u.ref) for u in found}
    for sheet, texts in formulas.items():
        # every test but the names' reads no row number: made on the sheet's distinct shapes, then once per shape
        upper = texts.shape_upper_text()
        missing = {name for name in texts.called() if lacking(name)}
        three_d = THREE_D_HINT.search(upper) is not None
        brackets = _bracket(upper)
        named = bool(union_names) and any(n in texts.upper_text() for n in union_names)
        if not (missing or three_d or brackets or named):
            continue
        masters = texts.master_texts()
        chosen: list[int] = []
        for key, indices in texts.shape_groups().items():
            bare = key.upper()
            if any(f"{name}(" in bare for name in missing) or (
                (three_d and THREE_D_HINT.search(bare)) or (brackets and _bracket(bare))
            ):
                chosen += indices
            elif named:  # a name of several areas: its name may hold a digit, so each formula's own text is read
                chosen += [i for i in indices if any(n in masters[i][1].upper() for n in union_names)]
        for i in sorted(chosen):
            place = masters[i][0]
            formula = workbook.get_formula(sheet, *place) or ""
            verdict = _construct(formula, lacking, workbook.sheet_names)
            if verdict is not None and (sheet, texts.refs[place]) not in listed:
                found.append(Unsupported(sheet, texts.refs[place], *verdict))
    return found


#: a call in a defined name's formula (an Excel 4.0 macro function has a dot: GET.WORKBOOK, GET.CELL)
_CALL = re.compile(r"(?<![\w.])((?:_XLFN\.|_XLWS\.)*[A-Z][A-Z0-9_.]*)\(")
_HIDDEN = " (its error may be hidden by IFERROR, ISERROR or the like)"


def uncomputed_names(names: dict[str, dict[str, str]], registered: set[str]) -> dict[str, str]:
    """The defined names (upper case) whose formula calls, directly or through another such name, a function the
    engine lacks, such as Excel 4.0's GET.WORKBOOK and GET.CELL in a name (no worksheet formula may call them) ->
    that function."""
    out: dict[str, str] = {}
    texts = {name.upper(): target.upper() for scope in names.values() for name, target in scope.items()}
    for name, text in texts.items():
        for match in _CALL.finditer(_LITERAL.sub('""', text)):
            function = match.group(1).removeprefix("_XLFN.").removeprefix("_XLWS.")
            if function in HELPERS or function == "SINGLE":  # BYROW(..), @: written out where the name is put in
                continue
            if function not in registered and f"_XLFN.{function}" not in registered and not engine_knows(function):
                out[name] = function
                break
    for _ in range(len(texts)):  # a name using such a name
        more = {
            name: out[used]
            for name, text in texts.items()
            if name not in out
            for used in out
            if re.search(rf"(?<![\w.]){re.escape(used)}(?![\w.(])", text)
        }
        if not more:
            break
        out.update(more)
    return out


def _reading_names(formulas: dict[str, FormulaTexts], uncomputed: dict[str, str]) -> list[Unsupported]:
    """Each formula cell that reads one of the ``uncomputed`` names (:func:`uncomputed_names`)."""
    read = "|".join(map(re.escape, sorted(uncomputed, key=len, reverse=True)))
    # a name calling itself (a recursive LAMBDA) is read by its calls: IFERROR(Surv(0.9,2),0) was 0, not listed
    calls = "|".join(re.escape(name) for name, function in uncomputed.items() if function == name)
    pattern = re.compile(
        r"(?<![\w.!])(?:(" + read + r")(?![\w.(])" + (r"|(" + calls + r")(?=\()" if calls else "") + ")",
        re.IGNORECASE,
    )
    found: list[Unsupported] = []
    for sheet, texts in formulas.items():
        if pattern.search(_LITERAL.sub('""', texts.upper_text())) is None:
            continue
        for place, text in texts.master_texts():
            used = pattern.search(_LITERAL.sub('""', text))
            if used is not None:  # the name as the formula writes it
                written = used.group(1) or used.group(2)
                function = uncomputed[written.upper()]
                reason = name_reason(written, function) + _HIDDEN
                found.append(Unsupported(sheet, texts.refs[place], function, reason))
    return found


def _unread_target(target: str) -> bool:
    """Whether a defined name's formula holds a union or a 3-D reference (then its uses are read one by one)."""
    return _may_hold_union(target) or ("!" in target and THREE_D_HINT.search(target) is not None)


#: what a comma in a formula may stand in without being a union's: a text, a quoted sheet name, an array constant
_QUOTED = re.compile(r"\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*'|\{[^{}]*\}")
_BRACKETS_AND_COMMAS = re.compile(r"[(),]")


def _may_hold_union(formula: str) -> bool:
    r"""Whether ``formula`` (a defined name's) has a comma outside every function's brackets: at its top level
    (``Sheet1!$A:$A,Sheet1!$1:$1``) or in a bracket opened where no function is called (``SUM((A1,B1))``); texts,
    quoted sheet names and array constants left out. A comma that only parts a function's arguments
    (``IFERROR(LOOKUP(2,...),0)``, the tracker's LTV_MRR_Run_Row) is none; brackets that do not pair up: True (read as a
    union may be).

    >>> _may_hold_union("Sheet1!$A:$A,Sheet1!$1:$1"), _may_hold_union("SUM((A1:A2,C1),1)"), _may_hold_union("(A1,B1)")
    (True, True, True)
    >>> _may_hold_union('IFERROR(LOOKUP(2,1/(A1:A9<>""),ROW(A1:A9)),0)')
    False
    >>> _may_hold_union("'x,y'!A1&{1,2}&TEXT(1,\"0,0\")")
    False
    """
    if "," not in formula:
        return False
    text = _QUOTED.sub("0", formula)
    calls: list[bool] = []  # each open bracket: whether a function's
    for match in _BRACKETS_AND_COMMAS.finditer(text):
        mark, at = match.group(), match.start()
        if mark == "(":
            calls.append(at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_."))
        elif mark == ")":
            if not calls:
                return True
            calls.pop()
        elif not calls or not calls[-1]:
            return True
    return bool(calls)


def _construct(formula: str, lacking: object, sheets: list[str]) -> tuple[str, str] | None:
    """(function or construct, reason) for the first thing in the engine's ``formula`` the engine cannot compute."""
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: left as it is)
        return None
    groups: list[tuple[int, bool, str | None]] = []  # open brackets: (token index, a union's list, the function)
    for i, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _bare_name(token.value[:-1])
            stored_bare = name not in FORMULAE and not token.value.upper().startswith(("_XLFN.", "_XLWS."))
            if lacking(name) and not stored_bare:  # type: ignore[operator]  (bare FORECAST.ETS: .unprefixed's #NAME?)
                return name, helper_reason(name, formula) if name in HELPERS else f"unsupported function {name}"
            groups.append((i, False, name))
        elif token.type == Token.PAREN and token.subtype == Token.OPEN:
            groups.append((i, True, None))
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN) and groups:
            groups.pop()
        elif token.type == Token.OP_IN and token.value == "," and groups and groups[-1][1]:
            start = groups[-1][0]
            end = next((k for k in range(i, len(tokens)) if tokens[k].type == Token.PAREN), len(tokens) - 1)
            shown = "".join(t.value for t in tokens[start : end + 1] if t.type != Token.WSPACE)  # as typed
            given = groups[-2][2] if len(groups) > 1 else None  # COUNTIF((A1:A2,C1:C2),">1"): COUNTIF's
            return "union of references", union_reason(shown, given)
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and ":" in token.value:
            spanned = sheets_of(token.value, sheets)
            if spanned is not None:
                return (
                    "3-D reference",
                    f"the embedded engine cannot compute the reference across sheets {token.value} here",
                )
    return None
