"""The NPS sheet's "Promoters (9-10)" and "Detractors (0-6)" columns widened to this version's width by ``upgrade``.

d390139e made the template's NPS columns C and E 18 wide (a 16-character bold header broke inside its range in a
14-wide column, "Promoters (9-" over "10)"); a tracker made before keeps 14. :func:`widen_nps_headers` gives each of
those columns the template's width where its width is still the earlier template's 14 (a width of the user's own is
kept, so is a column the user moved: found by its header), and says so in one line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from . import inplace as ip
from .monthly import NPS_SUMMARY

if TYPE_CHECKING:
    from .found import FoundSheet

__all__ = ["EARLIER_WIDTH", "NPS_WIDENED", "widen_nps_headers", "widened_columns"]

#: the earlier template's width of every NPS column (before d390139e)
EARLIER_WIDTH = 14.0
#: how :func:`widen_nps_headers`'s line starts
NPS_WIDENED = "widened the column"
_WIDER = ("promoters", "detractors")
_COLS = re.compile(rb"<((?:\w+:)?)cols>(.*?)</(?:\w+:)?cols>", re.S)
_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*?)/?>")


def widened_columns(
    head: bytes, prefix: bytes, widths: dict[int, float], earlier: tuple[float, ...] = (EARLIER_WIDTH,)
) -> tuple[bytes, list[int]]:
    """``head`` (a sheet part up to its rows) with each of ``widths``' columns (1 = A) that ``<cols>`` sets one of
    the ``earlier`` widths wide set to its width (a ``<col>`` over others split around it), and those columns."""
    found = _COLS.search(head)
    if found is None:
        return head, []
    entries: list[tuple[int, int, bytes]] = []
    for col in _COL.finditer(found.group(2)):
        low, high = ip.attribute(col.group(1), b"min"), ip.attribute(col.group(1), b"max")
        if low is None or high is None:
            return head, []  # markup not understood: left as it is
        entries.append((int(low), int(high), ip._without(col.group(1), b"min", b"max")))
    changed: list[int] = []
    for column, width in sorted(widths.items()):
        kept: list[tuple[int, int, bytes]] = []
        for low, high, attrs in entries:
            old = ip.attribute(attrs, b"width")
            if not low <= column <= high or old is None or float(old) not in earlier:
                kept.append((low, high, attrs))
                continue
            if low < column:
                kept.append((low, column - 1, attrs))
            wider = ip._without(attrs, b"width", b"customWidth") + f' width="{width:g}" customWidth="1"'.encode()
            kept.append((column, column, wider))
            if column < high:
                kept.append((column + 1, high, attrs))
            changed.append(column)
        entries = sorted(kept)
    if not changed:
        return head, []
    body = b"".join(
        b"<" + prefix + b'col min="' + str(low).encode() + b'" max="' + str(high).encode() + b'"' + attrs + b"/>"
        for low, high, attrs in entries
    )
    cols = b"<" + found.group(1) + b"cols>" + body + b"</" + found.group(1) + b"cols>"
    return head[: found.start()] + cols + head[found.end() :], changed


def widen_nps_headers(package: ip.Package, sheets: dict[str, FoundSheet]) -> list[str]:
    """Give the NPS sheet's promoters and detractors columns of ``package`` the template's width where they are still
    :data:`EARLIER_WIDTH` wide (found by their headers among ``sheets``, :func:`.found.read_sheets`); returns the
    line saying so, or none."""
    found = next((s for s in sheets.values() if s.is_(NPS_SUMMARY)), None)
    if found is None:
        return []
    widths = {found.columns[c.key]: c.width for c in NPS_SUMMARY.columns if c.key in _WIDER and c.key in found.columns}
    xml = package.sheet(found.spec.title)
    xml.head, changed = widened_columns(xml.head, xml.prefix, widths)
    if not changed:
        return []
    letters = " and ".join(get_column_letter(c) for c in changed)
    width = max(widths[c] for c in changed)
    many = len(changed) > 1
    return [
        f"{NPS_WIDENED}{'s' if many else ''} {letters} of {found.spec.title} from {EARLIER_WIDTH:g} to {width:g} wide, "
        f"as this version's template has {'them: their bold headers' if many else 'it: its bold header'} on one line"
    ]
