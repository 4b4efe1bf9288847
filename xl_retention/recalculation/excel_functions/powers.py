"""The ``^`` operator as Excel computes it: ``0^0`` is #NUM! and ``0^-1`` #DIV/0! (the engine gave 1 and #NUM!).

Microsoft's POWER page and ECMA-376 (18.17.2.2, the ``^`` operator; 18.17.7.249, POWER): a zero
base with a zero exponent is #NUM!, with a negative exponent #DIV/0!; a negative base with a
fractional exponent #NUM! (the engine agrees there). Unary minus binds before ``^`` (``=-2^2`` is 4) and
``^`` is left-associative (``=2^3^2`` is 64), as the engine computes already.

:func:`powers` rewrites ``a^b`` among the items of one expression of :mod:`.arguments` into
``LET(_xlr_b,a,_xlr_e,b,IF(_xlr_b=0,IF(_xlr_e>0,0,IF(_xlr_e=0,#NUM!,#DIV/0!)),_xlr_b^_xlr_e))``: the engine
computes it (element by element over arrays too), no Python call. An exponent typed as a positive
number (``^2``, ``^0.5``), or a base typed as a number other than 0, needs no rewrite.
"""

from __future__ import annotations

from ._core import plain_number

#: the operation as the engine computes it, with Excel's errors for a zero base
_GUARDED = "LET(_xlr_b,{base},_xlr_e,{exponent},IF(_xlr_b=0,IF(_xlr_e>0,0,IF(_xlr_e=0,#NUM!,#DIV/0!)),_xlr_b^_xlr_e))"


def _operand(items: list[tuple[str, str]], start: int, step: int) -> int:
    """The index of the far end of the operand of ``^`` beginning next to ``start`` (step -1: the left operand, with
    its postfix % and prefix signs, which bind first; step 1: the right one). -1 when there is none."""
    k = start + step
    while 0 <= k < len(items) and not items[k][1].strip():
        k += step
    if not 0 <= k < len(items):
        return -1
    if step < 0:
        while k >= 0 and items[k][0] == "post":
            k -= 1
        if k < 0 or items[k][0] not in ("part", "literal", "text", "range"):
            return -1
        while k - 1 >= 0 and items[k - 1][0] == "pre":
            k -= 1
        return k
    while k < len(items) and items[k][0] == "pre":
        k += 1
    if k >= len(items) or items[k][0] not in ("part", "literal", "text", "range"):
        return -1
    while k + 1 < len(items) and items[k + 1][0] == "post":
        k += 1
    return k


def _positive_number(text: str) -> bool:
    number = plain_number(text.strip())
    return number is not None and number > 0


def powers(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``items`` (kind, text) of one expression with each ``a ^ b`` whose base may be 0 and whose exponent may be 0 or
    negative made one item computing Excel's errors (see the module docstring); left to right, as ``^`` associates.

    >>> powers([("literal", "0"), ("pow", "^"), ("literal", "0")])[0][1].startswith("LET(_xlr_b,0,_xlr_e,0,")
    True
    >>> powers([("part", "A1"), ("pow", "^"), ("literal", "2")])
    [('part', 'A1'), ('pow', '^'), ('literal', '2')]
    """
    out = list(items)
    i = 0
    while i < len(out):
        if out[i][0] != "pow":
            i += 1
            continue
        left, right = _operand(out, i, -1), _operand(out, i, 1)
        if left < 0 or right < 0:
            return items  # not an operation this understands: the engine decides
        base = "".join(text for _, text in out[left:i]).strip()
        exponent = "".join(text for _, text in out[i + 1 : right + 1]).strip()
        if _positive_number(exponent) or (_positive_number(base.lstrip("-")) and base.count("-") <= 1):
            i += 1
            continue
        out[left : right + 1] = [("part", _GUARDED.format(base=base, exponent=exponent))]
        i = left + 1
    return out
