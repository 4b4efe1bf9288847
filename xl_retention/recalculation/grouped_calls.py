"""GROUPBY and PIVOTBY: listed, never computed by the embedded engine (H313's finding 02).

Excel 365's GROUPBY(row_fields, values, function, ...) and PIVOTBY(row_fields, col_fields, values, function, ...)
apply ``function`` ("a function (e.g. SUM, PERCENTOF) or a LAMBDA", Microsoft's pages) to each group's values. The
engine has both names, but takes no function there: given a LAMBDA (``GROUPBY(A2:A6,B2:B6,LAMBDA(x,NPS(x)))``, stored
``_xlfn.LAMBDA(_xlpm.x,...)``) it answers ``#VALUE!`` with no reason, the spill emptied and the cells reading it
computed from blanks (``=E4-E2`` gave 0), each under status ok; given a function (``_xleta.SUM``, ``_xlfn.SUM``) it
answers ``#NAME?``. Excel's groups and totals depend on the values (how many groups, in which order), so the call cannot
be written out over a range typed in as the LAMBDA helpers are (:mod:`.lambda_helpers`): every cell calling GROUPBY
or PIVOTBY is listed, keeping the values Excel stored (its whole spill, :func:`.kept.keep_stored`), the cells reading it
computed from them.

>>> grouped_call("_xlfn.GROUPBY(A2:A6,B2:B6,_xlfn.LAMBDA(_xlpm.x,NPS(_xlpm.x)))")
'GROUPBY'
>>> grouped_call("=SUM(B1:B3)"), grouped_call('="GROUPBY("&A1')
(None, None)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .formula_texts import FormulaTexts
from .text_literals import LITERALS as _LITERALS

__all__ = ["REASON", "grouped_call", "grouped_calls"]

REASON = (
    "{name} applies a function (a LAMBDA, or one such as SUM) to each group of values, which the embedded engine "
    "cannot compute"
)
_CALL = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(GROUPBY|PIVOTBY)\(")


def grouped_call(formula: str) -> str | None:
    """GROUPBY or PIVOTBY, the first of them ``formula`` calls (texts in quotes aside), or None."""
    found = _CALL.search(_LITERALS.sub('""', formula))
    return found.group(1).upper() if found is not None else None


def grouped_calls(formulas: dict[str, FormulaTexts]) -> Iterator[tuple[str, str, str, str]]:
    """(sheet, ref, function, reason) of each formula cell calling GROUPBY or PIVOTBY."""
    for sheet, texts in formulas.items():
        upper = texts.upper_text()
        if "GROUPBY(" not in upper and "PIVOTBY(" not in upper:
            continue
        for place, text in texts.master_texts():
            name = grouped_call(text)
            if name is not None:
                yield sheet, texts.refs[place], name, REASON.format(name=name)
