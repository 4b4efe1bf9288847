"""Excel's error codes held as text, found as the errors they stand for.

On the classic xlwings add-in a function's error comes back as its code in text (``"#VALUE!"``, xlwings issue #776;
README "In Excel"): ``ISERROR`` is FALSE there and ``AVERAGE`` skips it, so the Dashboard showed the month before's
CRR as the latest and the lifetime value's churn averaged the other months. The template's formulas that pick a
latest figure or average months find an error with :func:`in_error`, which counts a cell holding exactly one of
:data:`ERROR_CODES` as that error; a true error value (the embedded engine, Office.js) is found as before, so those
surfaces' results do not change.
"""

from __future__ import annotations

#: the codes of Excel's error values as a cell shows them, in ERROR.TYPE's order (#NULL! is 1, #GETTING_DATA 8)
ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!")
#: the codes between bars: FIND (case-sensitive, no wildcards, unlike MATCH's ? and *) finds "|#VALUE!|" in it
_BARRED = '"|' + "|".join(ERROR_CODES) + '|"'


def in_error(ref: str, flags: tuple[str, ...] = ()) -> str:
    """A formula that is 1 (TRUE) where ``ref`` (a cell, a name or a range, element by element) is an error value or
    text that is exactly one of :data:`ERROR_CODES`, else 0: ``1/in_error(R)`` in ``LOOKUP(2, ...)`` finds the last.
    ``flags``: texts a template formula shows where its figure would be wrong (the NPS's ``bad counts``), found the
    same way: no figure, as an error is none.

    A text holding a bar cannot join two codes (its bars are read as ";").

    >>> in_error("B5")[:60]
    '(ISERROR(B5)+ISNUMBER(FIND("|"&SUBSTITUTE(B5,"|",";")&"|","|'
    >>> in_error("B5", ("bad counts",))[-22:]
    '#CALC!|bad counts|")))'
    """
    barred = '"|' + "|".join((*ERROR_CODES, *flags)) + '|"' if flags else _BARRED
    return f'(ISERROR({ref})+ISNUMBER(FIND("|"&SUBSTITUTE({ref},"|",";")&"|",{barred})))'


def as_error(value: str, with_ref: bool = False) -> str:
    """``value`` (a formula of one cell), or the error whose code it holds as text: the lifetime value's churn (B5)
    that is a month's ``"#VALUE!"`` is #VALUE!, as it is where that month holds the error value (the CLV beside it,
    blank for a text, was #VALUE! on the other surfaces). The codes every spreadsheet reads as a constant in a
    formula are made errors (LibreOffice refuses ``#GETTING_DATA``; ``#SPILL!`` and ``#CALC!`` are no constants in a
    file's formula) but ``#REF!``, which in a formula's text is Excel's mark of a deleted reference (recalc names
    such a cell as one); the others stay their text, which :func:`in_error` finds all the same.

    >>> as_error("B5")
    '=IF(ISTEXT(B5),CHOOSE(IFERROR(MATCH(B5,{"#NULL!","#DIV/0!","#VALUE!","#NAME?","#NUM!","#N/A"},0),7),\
#NULL!,#DIV/0!,#VALUE!,#NAME?,#NUM!,#N/A,B5),B5)'
    """
    inner = value.removeprefix("=")
    made = [code for code in ERROR_CODES[:7] if code != "#REF!" or with_ref]
    codes = "{" + ",".join(f'"{code}"' for code in made) + "}"
    last = len(made) + 1
    return f"=IF(ISTEXT({inner}),CHOOSE(IFERROR(MATCH({inner},{codes},0),{last}),{','.join(made)},{inner}),{inner})"


def with_ref(formula: str) -> str:
    """``formula`` as 5b4ebba wrote it (2026-12-03 10:37 to 11:00 UTC): its :func:`as_error` made ``#REF!`` too, a
    form the committed template held, brought up to this one by import and extend.

    >>> with_ref("=1+" + as_error("B5")[1:]) == "=1+" + as_error("B5", with_ref=True)[1:]
    True
    """
    out, at = [], 0
    while (start := formula.find("IF(ISTEXT(", at)) >= 0:
        ref = formula[start + 10 : _balanced(formula, start + 10)]
        whole = as_error(ref)[1:]
        if formula.startswith(whole, start):
            out += [formula[at:start], as_error(ref, with_ref=True)[1:]]
            at = start + len(whole)
        else:
            out.append(formula[at : start + 1])
            at = start + 1
    return "".join(out) + formula[at:]


def error_type(ref: str) -> str:
    """ERROR.TYPE of ``ref``, or of the error whose code it holds as text (its place in :data:`ERROR_CODES`, which
    is ERROR.TYPE's number up to #SPILL!, 9; #CALC! is 10 here, 14 in Excel)."""
    codes = "{" + ",".join(f'"{code}"' for code in ERROR_CODES) + "}"
    return f"IFERROR(ERROR.TYPE({ref}),MATCH({ref},{codes},0))"


def _balanced(formula: str, start: int) -> int:
    """The index after the argument starting at ``start`` (up to its ``,`` or ``)`` at depth 0; strings skipped)."""
    depth, quoted, at = 0, False, start
    while at < len(formula):
        char = formula[at]
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "({":
            depth += 1
        elif not quoted and char in ")}":
            if depth == 0:
                return at
            depth -= 1
        elif not quoted and char == "," and depth == 0:
            return at
        at += 1
    return at


def without_error_texts(formula: str) -> str:
    """``formula`` as the template wrote it before :func:`in_error` and :func:`as_error` (ISERROR alone, the value
    as it is): the earlier form that import and extend bring up to this one.

    >>> without_error_texts(f"=IF({in_error('LTV_CLV')},1,LOOKUP(2,1/{in_error('R')},ROW(R)))")
    '=IF(ISERROR(LTV_CLV),1,LOOKUP(2,1/ISERROR(R),ROW(R)))'
    >>> without_error_texts("=IF(A1," + as_error("INDEX(R,2)").removeprefix("=") + ")")
    '=IF(A1,INDEX(R,2))'
    """
    for head, form in (("(ISERROR(", lambda ref: in_error(ref)), ("IF(ISTEXT(", lambda ref: as_error(ref)[1:])):
        out, at = [], 0
        while (start := formula.find(head, at)) >= 0:
            ref = formula[start + len(head) : _balanced(formula, start + len(head))]
            whole = form(ref)
            if formula.startswith(whole, start):
                out += [formula[at:start], f"ISERROR({ref})" if head == "(ISERROR(" else ref]
                at = start + len(whole)
            else:
                out.append(formula[at : start + 1])
                at = start + 1
        formula = "".join(out) + formula[at:]
    return formula
