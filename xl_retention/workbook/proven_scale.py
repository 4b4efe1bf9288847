"""The NPS months an import wrote from a column proven 0-10, which the tracker's check of a month's scale passes over.

The NPS sheet's formula shows the text ``not 0-10`` (:data:`.monthly_formulas.NPS_TEXT_SCALE`) for a month of 30
answers or more none above 7: a 1-5 or 1-7 question's answers pasted there by hand, which NPS would count as all
detractors. ``import --into`` refuses such a column (:func:`xl_retention.reading.scores.check_scale`), so a month of
that kind it writes comes from a column holding answers above 7: a bad month of the 0-10 question (every customer a
detractor), whose NPS (-100) is the figure. The import lists those months in the hidden defined name :data:`NAME`, an
array constant of texts, each the month (``year * 100 + month``) with the count, sum, sum of squares and highest of
the answers it wrote there (:func:`key`: ``{"202610:32:112:460:6"}``; :data:`EMPTY` for none, as the template writes
it), and the formula's check holds only where the month's answers as they are now give no text listed
(:data:`NOT_LISTED`): a month typed by hand keeps ``not 0-10``, and so does a listed month whose answers were typed
over since (another scale's retyped by hand: H356), as their count, sum, sum of squares or highest differ.
``year * 100 + month`` of the month's date, not its serial, so a 1904-date workbook matches too.

The list of 71e622d9 held the months alone (``{202610}``: :data:`NOT_LISTED_MONTH`), so a month retyped since on a 1-5
scale still showed the NPS of those answers. Its months are not taken over (:func:`drop_earlier`): the answers the
import wrote there were not kept, and the cells cannot tell them from answers typed over since, so exempting them
again could be that very mistake; they are named, and importing the file again lists them by their answers.

>>> key(202610, [1, 2, 3]), listed_text({key(202610, [1, 2, 3]), key(202603, [6.0, 7])})
('202610:3:6:14:3', '{"202603:2:13:85:7","202610:3:6:14:3"}')
>>> [sorted(part) for part in parse_listed('{"202603:2:13:85:7","202610:3:6:14:3"}')]
[['202603:2:13:85:7', '202610:3:6:14:3'], []]
>>> [sorted(part) for part in parse_listed("{202610,202603}")], parse_listed(EMPTY)  # 71e622d9's list: months
([[], [202603, 202610]], (set(), set()))
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import inplace as ip

__all__ = ["EMPTY", "KEY", "NAME", "NOT_LISTED", "NOT_LISTED_MONTH", "add_name", "drop_earlier", "ensure_name", "key",
           "listed_text", "parse_listed", "read_listed", "write_listed"]  # fmt: skip

#: the hidden defined name of the months and their answers (an array constant of :func:`key` texts)
NAME = "_xlr_nps_0_10"
#: the name's text listing no month (an array constant cannot be empty; no key is the number 0)
EMPTY = "{0}"
#: a month's key in the NPS formula (``{month}``, a date; ``{scores}``, its answers): :func:`key` in Excel's words
#: (``&`` writes a whole number as its digits, as :func:`key` does)
KEY = 'YEAR({month})*100+MONTH({month})&":"&COUNT({scores})&":"&SUM({scores})&":"&SUMSQ({scores})&":"&MAX({scores})'
#: the NPS formula's condition that its month and answers are not listed: an error (the name deleted, a month typed
#: as text, an error among the answers) counts as not listed, so the check of the scale holds
NOT_LISTED = f"ISERROR(MATCH({KEY},{NAME},0))"
#: :data:`NOT_LISTED` of 71e622d9: the month alone, whatever its answers now (upgrade.EARLIER)
NOT_LISTED_MONTH = f"ISERROR(MATCH(YEAR({{month}})*100+MONTH({{month}}),{NAME},0))"

_WORKBOOK = "xl/workbook.xml"
_P = rb"(?:[\w.\-]+:)?"
_ELEMENT = re.compile(rb"<" + _P + rb"definedName\b([^>]*?)(?:/>|>([^<]*)</" + _P + rb"definedName\s*>)")
_TEXT = re.compile(r'"([^"]*)"')
_KEY = re.compile(r"(\d{6}):\d+:[0-9.Ee+\-]+:[0-9.Ee+\-]+:[0-9.Ee+\-]+")
_NUMBER = re.compile(r"\d{6}")


def _shown(value: float) -> str:
    """A number as ``&`` writes it (Excel's General format): ``112`` for 112.0, ``6.5``."""
    return f"{float(value):.15g}".upper()


def key(month: int, answers: Iterable[float]) -> str:
    """The text the NPS formula's :data:`KEY` gives for ``month`` (``year * 100 + month``) and its ``answers`` (the
    numbers of its scores range): the month, their count, sum, sum of squares and highest, ``:`` between them."""
    values = [float(a) for a in answers]
    parts = (len(values), sum(values), sum(v * v for v in values), max(values, default=0.0))
    return f"{month}:" + ":".join(_shown(p) for p in parts)


def listed_text(keys: Iterable[str]) -> str:
    """The name's text listing ``keys`` (:func:`key` texts), :data:`EMPTY` for none."""
    listed = sorted(set(keys))
    return "{" + ",".join(f'"{k}"' for k in listed) + "}" if listed else EMPTY


def parse_listed(text: str) -> tuple[set[str], set[int]]:
    """The keys the name's text lists, and the months of the list of 71e622d9 (numbers outside quotes, ``{202610}``:
    :func:`drop_earlier`); anything else in it is left out."""
    keys = {t for t in _TEXT.findall(text) if _KEY.fullmatch(t) and 1 <= int(t[:6]) % 100 <= 12}
    months = {int(m) for m in _NUMBER.findall(_TEXT.sub("", text)) if 1 <= int(m) % 100 <= 12}
    return keys, months


def _elements(xml: bytes) -> list[re.Match[bytes]]:
    from . import inplace as ip

    return [
        m for m in _ELEMENT.finditer(xml)
        if ip.attribute(m.group(1), b"name") == NAME.encode() and ip.attribute(m.group(1), b"localSheetId") is None
    ]  # fmt: skip


def read_listed(package: ip.Package) -> tuple[set[str], set[int]] | None:
    """:func:`parse_listed` of the workbook's name, None for a workbook without it (made before it, or deleted)."""
    from . import inplace as ip

    found = _elements(package.data.get(_WORKBOOK, b""))
    return parse_listed(ip.unescape(found[0].group(2) or b"")) if found else None


def write_listed(package: ip.Package, keys: Iterable[str]) -> None:
    """Replace the name's list by ``keys`` in ``workbook.xml`` (the name added, hidden, where there is none)."""
    from . import inplace as ip

    xml = package.data.get(_WORKBOOK)
    if xml is None:
        return
    text = ip.escape(listed_text(keys)).encode()
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
    if read_listed(package) is None:
        write_listed(package, ())


def drop_earlier(package: ip.Package) -> str | None:
    """Take the months of the list of 71e622d9 (months alone, :data:`NOT_LISTED_MONTH`) out of the workbook's name
    (``upgrade``, ``extend`` and ``import --into``: :func:`.layout_upgrade.upgrade_layout`); returns the note naming
    them, None for none.

    Such a month's answers as the import wrote them were not kept: the cells cannot tell them from a 1-5 question's
    answers typed over them since, which the month's listing would pass as NPS (H356). So the month is listed no more:
    the NPS formula checks its scale again (``not 0-10`` where its answers are 30 or more none above 7), and importing
    the file again lists it by the answers it writes."""
    found = read_listed(package)
    if found is None or not found[1]:
        return None
    keys, months = found
    write_listed(package, keys)
    shown = ", ".join(f"{m // 100}-{m % 100:02d}" for m in sorted(months))
    return (
        f"the NPS of {shown}, listed by an earlier import as a bad month of a 0-10 column (its NPS shown, not "
        "'not 0-10'), is checked again: that version listed the month alone, and the answers it wrote there cannot be "
        "told from answers typed over them since (a 1-5 question's would show as NPS); where the month holds 30 "
        "answers or more none above 7, the NPS sheet shows 'not 0-10' until you import the file again "
        "(xl-retention import --nps FILE --into), which lists the month by its answers"
    )


def add_name(wb: Any) -> None:
    """Add the name, listing no month, to a new workbook (openpyxl's, the template)."""
    from openpyxl.workbook.defined_name import DefinedName

    wb.defined_names[NAME] = DefinedName(NAME, attr_text=EMPTY, hidden=True)
