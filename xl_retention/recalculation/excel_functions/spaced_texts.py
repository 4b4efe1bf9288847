"""Text a formula makes with a tab, a line break or a space other than " " at an end, read as a number.

``=("185"&CHAR(9))+0``, ``=--("185"&CHAR(160))``, ``=TRIM(A1&CHAR(10))*2``: the embedded engine's arithmetic skips
every whitespace and gave 185 under status ok, where Excel's skips " " alone and gives #VALUE! (its advice for such
text is ``VALUE(TRIM(CLEAN(..)))``; a no-break space, CHAR(160), is the classic "``*1`` and VALUE give #VALUE!" case;
LibreOffice 7.4 gives #VALUE! for each). Cells holding such text are read so since 5430f742
(:func:`.number_text_cells.misread`); a text made in the formula itself is made by CHAR, UNICHAR or a literal
holding such a space, which :func:`spaced_formulas` looks for, shape by shape, and rewrites each such formula that
gave a number with its joins and text-giving calls in arithmetic passed through ``_XLR.NUMBER``
(:func:`.number_texts.rewrite_number_texts`), which gives #VALUE! for such text and leaves any other value as it is.

>>> may_make_spaced_text('("185"&CHAR(0))+0'), may_make_spaced_text('"185"+0'), may_make_spaced_text('"1\\u00a0"&A0')
(True, False, True)
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["SPACES", "may_make_spaced_text", "spaced_formulas"]

#: the spaces Excel's arithmetic does not skip at a number's ends (" " it skips)
SPACES = frozenset("\t\n\r\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000")

#: a call making a character (CHAR(9), UNICHAR(160)) or a literal holding a space Excel's arithmetic does not skip
_SPACED = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(?:UNI)?CHAR\(|[\t\n\r\u00a0\u2000-\u200a\u202f\u3000]")


def may_make_spaced_text(text: str) -> bool:
    """Whether a formula's text (or shape) may make a text with a space Excel's arithmetic does not skip."""
    return _SPACED.search(text) is not None


def spaced_formulas(
    values: dict[str, dict[str, Any]], texts: dict[str, Any], given: dict[tuple[str, int, int], str]
) -> list[tuple[str, int, int, str]]:
    """The formulas to give the engine again, rewritten, because they may read a text they make with such a space as
    a number and gave a number: (sheet, row, column, formula). ``values``: each sheet's formula values by reference;
    ``texts``: each sheet's :class:`~xl_retention.recalculation.formula_texts.FormulaTexts`; ``given``: the formulas
    the engine was given other than the stored ones, by (sheet, row, column). Empty for a sheet whose formulas call
    no CHAR or UNICHAR and hold no such space (one test of its distinct shapes)."""
    from .number_texts import rewrite_number_texts  # noqa: PLC0415  (number_texts calls this module)

    out = []
    for sheet, found in texts.items():
        if not may_make_spaced_text(found.shape_upper_text()):
            continue
        by_ref = values.get(sheet, {})
        for place in found.places_of_shapes(may_make_spaced_text):
            if type(by_ref.get(found.refs[place])) is not float:  # a text, an error, a logical: nothing read so
                continue
            source = given.get((sheet, *place), "=" + found[place])
            formula = rewrite_number_texts(source, sheet, {}, calls=True)
            if formula != source:
                out.append((sheet, *place, formula))
    return out
