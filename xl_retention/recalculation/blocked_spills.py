"""A function given a spill reference (``D2#``) whose formula does not spill: the reason names the spill (H313's
finding 07).

``D2 =FILTER(B2:B7,A2:A7="A")`` blocked by a note in D6 is ``#SPILL!``, and ``D2#`` of it is ``#REF!`` (Excel's
spill reference of a formula that does not spill); ``E2 =NPS(D2#)`` said "NPS: scores holds the error value #REF!
in cell 1 of scores": no cell holds #REF!, and "cell 1 of scores" is no address. :func:`spill_reference_reason`
says instead "scores is S!D2#, whose formula does not spill: S!D2 is #SPILL! (see its reason)".

>>> values = {"S": {"D2": CellError("#SPILL!", "blocked")}}
>>> spill_reference_reason(
...     "NPS: scores holds the error value #REF! in cell 1 of scores (#VALUE!)", "=NPS(_xlfn.ANCHORARRAY(D2))", "S",
...     values)
'NPS: scores is S!D2#, whose formula does not spill: S!D2 is #SPILL! (see its reason) (#VALUE!)'
>>> spill_reference_reason("NPS: scores holds the error value #REF! in cell 1 of scores (#VALUE!)", "=NPS(A1:A3)",
...     "S", values)
'NPS: scores holds the error value #REF! in cell 1 of scores (#VALUE!)'
"""

from __future__ import annotations

import re

from ..cells import CellError
from ..sheet_names import SHEET, written
from .text_literals import LITERALS as _LITERALS

__all__ = ["spill_reference_reason"]

_SPILL = re.compile(
    r"(?i)(?<![\w.$!':])(?:_xlfn\.ANCHORARRAY\(\s*(?:(" + SHEET + r")!)?\$?([A-Z]{1,3})\$?(\d+)\s*\)"
    r"|(?:(" + SHEET + r")!)?\$?([A-Z]{1,3})\$?(\d+)#)"
)
#: the core's words for an error value in a range argument, placed by its count (:func:`..cells.excel_message`)
_HELD = re.compile(r"(\w+) holds the error value #REF! in (?:cell \d+|row \d+, column \d+) of \1")


def spill_reference_reason(reason: str, formula: str | None, sheet: str, values: dict[str, dict[str, object]]) -> str:
    """``reason`` with "x holds the error value #REF! in cell k of x" said as the spill reference it comes from, where
    ``formula`` reads one spill reference alone whose anchor (in ``values``) is an error value; else ``reason``."""
    held = _HELD.search(reason)
    if held is None or not formula:
        return reason
    anchors = {
        ((m.group(1) or m.group(4) or "").strip("'").replace("''", "'") or sheet, (m.group(2) or m.group(5)).upper()
         + (m.group(3) or m.group(6)))
        for m in _SPILL.finditer(_LITERALS.sub('""', formula))
    }  # fmt: skip
    if len(anchors) != 1:
        return reason
    where, cell = anchors.pop()
    value = values.get(where, {}).get(cell)
    value = getattr(value, "value", value)  # a Resized anchor
    if type(value) is not CellError:
        return reason
    place = f"{written(where)}!{cell}"
    said = f"{held.group(1)} is {place}#, whose formula does not spill: {place} is {value.code} (see its reason)"
    return reason[: held.start()] + said + reason[held.end() :]
