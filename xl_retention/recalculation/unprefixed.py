"""Excel's functions newer than the 2007 file format written without their ``_xlfn.`` prefix: ``#NAME?``, as in Excel.

The file format names Excel 2007's functions as typed; a function added later (XLOOKUP, IFS, CONCAT, STDEV.S, DAYS,
IFNA, ...) is stored with the prefix ``_xlfn.`` (``_xlfn.XLOOKUP(..)``), which Excel writes itself and shows without
it. A formula a script wrote as typed in Excel's formula bar (openpyxl writes the text as given) stores the name bare,
which Excel reads as no function: ``#NAME?`` (XlsxWriter's docs, "Formulas added in Excel 2010 and later": "If the
prefix isn't included you will get an Excel #NAME? error"; EPPlus's "Function prefixes": ``DAYS(..)`` "will result in a
#NAME error in cell A1 when opened in Excel"). The engine computed them, status ok: values Excel never shows (H67
finding 07). Such a call is ``#NAME?`` here too (a cell showing it gets the reason naming the fix; IFERROR around it
gives its value, as in Excel); the cells reading it get its error.

A newer function is one the engine has (formualizer's or :mod:`.excel_functions`') that is not in openpyxl's list of
the 2007 file format's functions (:data:`openpyxl.utils.formulas.FORMULAE`), nor one of this package's own (CRR, ...:
an add-in's functions are stored bare), nor a defined name; or one of Excel's future functions
(:data:`.future_functions.FUTURE`, [MS-XLSX] 2.2.3), which the engine may lack (FORECAST.ETS, WEBSERVICE,
STOCKHISTORY): bare, it is Excel's #NAME? all the same, not an add-in's function (H396's finding 01).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.formulas import FORMULAE

from ..registry import BY_NAME
from .excel_functions import FUNCTIONS as EXCEL_FUNCTIONS
from .excel_functions.arguments import rewrite_arguments
from .formula_tokens import argument_spans
from .future_functions import FUTURE, XLWS
from .text_literals import LITERALS as _LITERALS

if TYPE_CHECKING:
    from collections.abc import Callable

    from .formula_texts import FormulaTexts

__all__ = ["NO_FUNCTION", "REASON", "reason", "unprefixed_cells", "whole_call"]

REASON = (
    "{name} is stored without Excel's _xlfn. prefix, which Excel reads as no function: #NAME? (a function newer than "
    "Excel 2007 is stored as _xlfn.{name}(...), as Excel writes it; with openpyxl write =_xlfn.{name}(...))"
)
#: a LET or LAMBDA parameter stored without _xlpm. (Excel stores LET(x,1,x+1) as _xlfn.LET(_xlpm.x,1,_xlpm.x+1)):
#: Excel reads the bare name as a defined name the workbook lacks, #NAME? (XlsxWriter issue 1072: a LET written with
#: bare parameter names showed #NAME? in Excel 365; libxlsxwriter's lambda.c: "parameters are prefixed with _xlpm.")
PARAMETER = "_xlpm:"
PARAMETER_REASON = (
    "{function}'s name {name} is stored without Excel's _xlpm. prefix, which Excel reads as a defined name the "
    "workbook does not have: #NAME? (Excel stores it as _xlpm.{name}; with openpyxl write _xlpm.{name} in the "
    "formula)"
)


def reason(name: str) -> str:
    """Why the cell of a bare newer function (or a bare LET/LAMBDA parameter, ``_xlpm:LET:x``) is #NAME?."""
    if name.startswith(PARAMETER):
        function, parameter = name.removeprefix(PARAMETER).split(":", 1)
        return PARAMETER_REASON.format(function=function, name=parameter)
    text = REASON.format(name=name)
    return text.replace("_xlfn.", "_xlfn._xlws.") if name in XLWS else text


def whole_call(text: str, name: str) -> bool:
    """Whether the formula ``text`` is one call of ``name`` and nothing else: Excel's value is then that call's.

    >>> whole_call("TAKE(GROUPBY(A1:A2,B1:B2,SUM),1)", "TAKE"), whole_call("TAKE(A1:A2,1)+1", "TAKE")
    (True, False)
    >>> whole_call('=take(")",1)', "TAKE"), whole_call("IFERROR(TAKE(A1:A2,1),0)", "TAKE")
    (True, False)
    """
    bare = _LITERALS.sub('""', text.removeprefix("=").strip()).upper()
    if not bare.startswith(name + "(") or not bare.endswith(")"):
        return False
    depth = 0
    for at, mark in enumerate(bare):
        depth += (mark == "(") - (mark == ")")
        if depth == 0 and mark == ")":
            return at == len(bare) - 1
    return False


def _newer(name: str, engine_knows: Callable[[str], bool], defined: set[str]) -> bool:
    """Whether ``name`` (upper case, called bare) is an Excel function newer than the 2007 file format."""
    if name in FORMULAE or name in BY_NAME or name.startswith("_") or name.lower() in defined:
        return False
    return name in FUTURE or name in EXCEL_FUNCTIONS or engine_knows(name)


#: a function the engine does not have, put in a bare newer function's place: #NAME?, as Excel reads the bare name
NO_FUNCTION = "_XLR.NOFUNCTION("


def unprefixed_cells(
    formulas: dict[str, FormulaTexts], engine_knows: Callable[[str], bool], defined: set[str]
) -> list[tuple[str, str, str, str]]:
    """(sheet, ref, function, formula) of each formula cell calling a newer Excel function without its ``_xlfn.``
    prefix (the first such function), the formula with each such call made :data:`NO_FUNCTION`'s (IFERROR around it
    then gives its value, as in Excel); ``defined``: the workbook's defined names (lower case), called bare."""
    found = []
    for sheet, texts in formulas.items():
        upper = texts.upper_text()
        newer = {n for n in texts.called() if _newer(n, engine_knows, defined)}  # set lookups first: most are older
        newer = {n for n in newer if re.search(r"(?<![\w.])" + re.escape(n) + r"\(", upper)}
        if not newer:
            continue
        bare = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(newer))) + r")\(")
        for place, text in texts.master_texts():
            if bare.search(_LITERALS.sub('""', text.upper())) is None:
                continue
            try:
                tokenizer = Tokenizer("=" + texts[place])
            except Exception:  # noqa: BLE001, S112  (a formula the tokenizer cannot read: left to the engine)
                continue
            first = None
            for token in tokenizer.items:
                if token.type == Token.FUNC and token.subtype == Token.OPEN and token.value[:-1].upper() in newer:
                    first = first or token.value[:-1].upper()
                    token.value = NO_FUNCTION
            if first is not None:
                tokenizer.items = _as_errors(_called_lambdas(tokenizer.items))
                # COUNT(#NAME?,1): 1, as Excel leaves an error argument out (the engine passed it on)
                rendered = tokenizer.render()
                found.append((sheet, texts.refs[place], first, rewrite_arguments(rendered)))
    return found + _bare_parameters(formulas, defined, {(f[0], f[1]) for f in found})


def _called_lambdas(tokens: list[Token]) -> list[Token]:
    """``tokens`` with each bare LAMBDA made :data:`NO_FUNCTION`'s AND called (``=LAMBDA(v,v+1)(A1)``) made one call
    of no function: from its opening token to its closing one, and the call's bracket group right after, all dropped.
    The made call applied to the arguments was the engine's own #NIMPL!, no Excel error, which failed the whole file
    (and its readers); Excel reads the bare LAMBDA as no function, #NAME?.

    >>> def called(formula):
    ...     return "=" + "".join(token.value for token in _called_lambdas(Tokenizer(formula).items))
    >>> called("=_XLR.NOFUNCTION(v,v+1)(A1)*2"), called("=_XLR.NOFUNCTION(1)"), called('=_XLR.NOFUNCTION(")")(1)')
    ('=_XLR.NOFUNCTION()*2', '=_XLR.NOFUNCTION(1)', '=_XLR.NOFUNCTION()')
    >>> called("=_XLR.NOFUNCTION(v,_XLR.NOFUNCTION(w,w)(v))"), called("=_XLR.NOFUNCTION(v,v) (A1)")
    ('=_XLR.NOFUNCTION(v,_XLR.NOFUNCTION())', '=_XLR.NOFUNCTION(v,v) (A1)')
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        out.append(token)
        i += 1
        if token.type != Token.FUNC or token.subtype != Token.OPEN or token.value != NO_FUNCTION:
            continue
        close = argument_spans(tokens, i - 1)[1]
        if close + 1 < len(tokens) and (tokens[close + 1].type, tokens[close + 1].subtype) == (Token.PAREN, Token.OPEN):
            called = argument_spans(tokens, close + 1)[1]
            if called < len(tokens):  # its call's group closed: the whole call is one call of no function
                out.append(tokens[close])
                i = called + 1
    return out


def _as_errors(tokens: list[Token]) -> list[Token]:
    """``tokens`` with each call of :data:`NO_FUNCTION` (its arguments too) made the error value ``#NAME?``: Excel's
    value there, which flows into the function around it as any error does (ISERROR(XLOOKUP(..)) stored bare is
    TRUE, ERROR.TYPE 5, IFERROR its fallback; H516's finding 04: the engine gave the whole cell #NAME?, status ok).

    >>> def errors(formula):
    ...     return "=" + "".join(token.value for token in _as_errors(Tokenizer(formula).items))
    >>> errors("=ISERROR(_XLR.NOFUNCTION(1,B1:B5))"), errors("=_XLR.NOFUNCTION(_XLR.NOFUNCTION(1))+1")
    ('=ISERROR(#NAME?)', '=#NAME?+1')
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == Token.FUNC and token.subtype == Token.OPEN and token.value == NO_FUNCTION:
            out.append(Token("#NAME?", Token.OPERAND, Token.ERROR))
            i = argument_spans(tokens, i)[1] + 1
            continue
        out.append(token)
        i += 1
    return out


#: the prefixed calls that name parameters; a LAMBDA made #NAME? is made one call with its own call's brackets
#: (:func:`_called_lambdas`): _xlfn.LAMBDA(v,v*2)(3) computed 6 under ok, where Excel reads v as a name (#NAME?)
_BINDERS = {"_XLFN.LET(": "LET", "_XLFN.LAMBDA(": "LAMBDA"}


def _bare_parameters(
    formulas: dict[str, FormulaTexts], defined: set[str], done: set[tuple[str, str]]
) -> list[tuple[str, str, str, str]]:
    """(sheet, ref, ``_xlpm:LET:x``, formula with that LET made :data:`NO_FUNCTION`'s) of each formula cell whose
    _xlfn.LET or _xlfn.LAMBDA names a parameter without ``_xlpm.``; a bare name that is one of the workbook's
    ``defined`` names is left alone (what Excel does there is not documented)."""
    found = []
    for sheet, texts in formulas.items():
        if not any(binder in texts.upper_text() for binder in _BINDERS):
            continue
        for place, text in texts.master_texts():
            upper = text.upper()
            if (sheet, texts.refs[place]) in done or not any(binder in upper for binder in _BINDERS):
                continue
            try:
                tokenizer = Tokenizer("=" + texts[place])
            except Exception:  # noqa: BLE001, S112  (a formula the tokenizer cannot read: left to the engine)
                continue
            bare = _first_bare(tokenizer.items, defined)
            if bare is not None:
                token, function, name = bare
                token.value = NO_FUNCTION
                tokenizer.items = _as_errors(_called_lambdas(tokenizer.items))
                found.append((sheet, texts.refs[place], f"{PARAMETER}{function}:{name}", tokenizer.render()))
    return found


def _first_bare(tokens: list[Token], defined: set[str]) -> tuple[Token, str, str] | None:
    """(the LET/LAMBDA's opening token, LET or LAMBDA, the name) of the first call naming a parameter without
    ``_xlpm.``: each argument's tokens are gathered per call; the names are LET's arguments 1, 3, ... but the last,
    LAMBDA's all but the last."""
    stack: list[tuple[Token, str | None, list[list[Token]]]] = []
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            if stack:
                stack[-1][2][-1].append(token)
            stack.append((token, _BINDERS.get(token.value.upper()), [[]]))
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE and stack:
            opening, function, arguments = stack.pop()
            if stack:
                stack[-1][2][-1].append(token)
            if function is None:
                continue
            names = arguments[:-1:2] if function == "LET" else arguments[:-1]
            for argument in names:
                if len(argument) != 1 or argument[0].type != Token.OPERAND or argument[0].subtype != Token.RANGE:
                    continue
                name = argument[0].value
                prefixes = ("_xlpm.", "_xlop.") if function == "LAMBDA" else ("_xlpm.",)  # _xlop.y: LAMBDA's [y]
                if not name.lower().startswith(prefixes) and name.lower() not in defined:
                    return opening, function, name
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][2].append([])
        elif stack and token.type != Token.WSPACE:
            stack[-1][2][-1].append(token)
    return None
