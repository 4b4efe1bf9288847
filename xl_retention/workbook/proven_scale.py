"""The NPS months an import wrote from a column proven 0-10, which the tracker's check of a month's scale passes over.

The NPS sheet's formula shows the text ``not 0-10`` (:data:`.monthly_formulas.NPS_TEXT_SCALE`) for a month of 30
answers or more none above 7: a 1-5 or 1-7 question's answers pasted there by hand, which NPS would count as all
detractors. ``import --into`` refuses such a column (:func:`xl_retention.reading.scores.check_scale`), so a month of
that kind it writes comes from a column holding answers above 7: a bad month of the 0-10 question (every customer a
detractor), whose NPS (-100) is the figure. The import lists those months in the hidden defined name :data:`NAME`, an
array constant of ``year * 100 + month`` numbers (``{202610}``; :data:`EMPTY` for none, as the template writes it),
and the formula's check holds only for a month not found there (:data:`NOT_LISTED`): a month typed by hand keeps
``not 0-10``. ``year * 100 + month`` of the month's date, not its serial, so a 1904-date workbook matches too.

>>> months_text({202610, 202603}), months_text(set())
('{202603,202610}', '{0}')
>>> sorted(parse_months("{202603,202610}")), parse_months("{0}")
([202603, 202610], set())
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import inplace as ip

__all__ = ["EMPTY", "NAME", "NOT_LISTED", "add_name", "ensure_name", "months_text", "parse_months", "read_months",
           "write_months"]  # fmt: skip

#: the hidden defined name of the months (an array constant of ``year * 100 + month``)
NAME = "_xlr_nps_0_10"
#: the name's text listing no month (an array constant cannot be empty; no month's number is 0)
EMPTY = "{0}"
#: the NPS formula's condition that its month (``{month}``, a date) is not listed: an error (the name deleted, a month
#: typed as text) counts as not listed, so the check of the scale holds
NOT_LISTED = f"ISERROR(MATCH(YEAR({{month}})*100+MONTH({{month}}),{NAME},0))"

_WORKBOOK = "xl/workbook.xml"
_P = rb"(?:[\w.\-]+:)?"
_ELEMENT = re.compile(rb"<" + _P + rb"definedName\b([^>]*?)(?:/>|>([^<]*)</" + _P + rb"definedName\s*>)")
_NUMBER = re.compile(r"\d{6}")


def months_text(months: Iterable[int]) -> str:
    """The name's text listing ``months`` (``year * 100 + month`` each), :data:`EMPTY` for none."""
    listed = sorted(set(months))
    return "{" + ",".join(str(m) for m in listed) + "}" if listed else EMPTY


def parse_months(text: str) -> set[int]:
    """The months (``year * 100 + month``) the name's text lists; anything else in it is left out."""
    return {int(m) for m in _NUMBER.findall(text) if 1 <= int(m) % 100 <= 12}


def _elements(xml: bytes) -> list[re.Match[bytes]]:
    from . import inplace as ip

    return [
        m for m in _ELEMENT.finditer(xml)
        if ip.attribute(m.group(1), b"name") == NAME.encode() and ip.attribute(m.group(1), b"localSheetId") is None
    ]  # fmt: skip


def read_months(package: ip.Package) -> set[int] | None:
    """The months the workbook lists, None for a workbook without the name (made before it, or deleted)."""
    from . import inplace as ip

    found = _elements(package.data.get(_WORKBOOK, b""))
    return parse_months(ip.unescape(found[0].group(2) or b"")) if found else None


def write_months(package: ip.Package, months: Iterable[int]) -> None:
    """Replace the name's list by ``months`` in ``workbook.xml`` (the name added, hidden, where there is none)."""
    from . import inplace as ip

    xml = package.data.get(_WORKBOOK)
    if xml is None:
        return
    text = ip.escape(months_text(months)).encode()
    found = _elements(xml)
    if len(found) == 1:  # replaced where it is (a list the same: workbook.xml kept byte for byte)
        match = found[0]
        if match.group(2) != text:
            p = re.match(rb"<([\w.\-]+:)?", match.group(0)).group(1) or b""
            element = b"<" + p + b"definedName" + match.group(1) + b">" + text + b"</" + p + b"definedName>"
            package.data[_WORKBOOK] = xml[: match.start()] + element + xml[match.end() :]
        return
    for match in reversed(found):  # none, or several (a workbook edited by hand): one, at the end
        xml = xml[: match.start()] + xml[match.end() :]
    p = (prefix.group(1) or b"") if (prefix := re.search(rb"<([\w.\-]+:)?workbook\b", xml)) else b""
    element = b"<" + p + b'definedName name="' + NAME.encode() + b'" hidden="1">' + text + b"</" + p + b"definedName>"
    names = b"<" + p + b"definedNames>" + element + b"</" + p + b"definedNames>"  # where the workbook has none
    closing = re.search(rb"</" + p + rb"definedNames\s*>", xml)
    empty = re.search(rb"<" + p + rb"definedNames\s*/>", xml)
    if closing is not None:
        xml = xml[: closing.start()] + element + xml[closing.start() :]
    elif empty is not None:
        xml = xml[: empty.start()] + names + xml[empty.end() :]
    else:
        at = xml.find(b"</" + p + b"sheets>")
        if at == -1:
            return
        at += len(b"</" + p + b"sheets>")
        xml = xml[:at] + names + xml[at:]
    package.data[_WORKBOOK] = xml


def ensure_name(package: ip.Package) -> None:
    """Add the name, listing no month, to a workbook without it (``upgrade``: the NPS formula reads it)."""
    if read_months(package) is None:
        write_months(package, ())


def add_name(wb: Any) -> None:
    """Add the name, listing no month, to a new workbook (openpyxl's, the template)."""
    from openpyxl.workbook.defined_name import DefinedName

    wb.defined_names[NAME] = DefinedName(NAME, attr_text=EMPTY, hidden=True)
