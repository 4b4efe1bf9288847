"""What of the user's an import that adds months widens with them, listed in its report.

Growing a tracker stretches every range that ends at the last month to the new last month (:mod:`.growth`): the
template's own names, validations and charts silently, and the user's formulas and names listed (:mod:`.stretch`,
``growth._extend_names``). A chart, a conditional format, a data validation or a table (ListObject) of the user's over
the months is stretched the same way; a range meant for those months only (a chart of the first quarter) then takes in
the new ones, so each is listed too (:func:`note_sqrefs`, :func:`note_charts`, as :mod:`xl_retention.reading.notes`),
and :func:`stretched_lines` words the list for the report.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from openpyxl.utils import quote_sheetname, range_boundaries

from ..reading.notes import note
from . import inplace as ip
from .chart_ranges import SERIES_FORMULA, _drawn_on, _unescape, chart_title, template_chart_parts

__all__ = ["note_charts", "note_sqrefs", "note_table", "stretched_lines"]

_SQREF = re.compile(rb"<(?:\w+:)?(conditionalFormatting|dataValidation)\b[^>]*?\ssqref\s*=\s*\"([^\"]*)\"")
# Excel 2010's forms in the sheet's extLst (data bars, icon sets, lists from another sheet): the range in <xm:sqref>
_EXT_SQREF = re.compile(
    rb"<(?:\w+:)?(conditionalFormatting|dataValidation)\b(?:(?!</(?:\w+:)?(?:conditionalFormatting|dataValidation)"
    rb"\s*>).)*?<(?:\w+:)?sqref>([^<]*)</",
    re.S,
)
_WHAT = {b"conditionalFormatting": "conditional format", b"dataValidation": "validation"}
#: the beginnings of the notes this module makes (the report lists them apart from the formulas)
KINDS = ("chart ", "conditional format ", "validation ", "table ", "sparkline ")


def note_sqrefs(tail: bytes, title: str, rows: tuple[int, int] | None, columns: tuple[int, int] | None,
                ours: Collection[str]) -> None:  # fmt: skip
    """Note each conditional format and validation of sheet ``title`` (``tail``: its part after the cells) that
    stretching ``rows`` or ``columns`` widens, but the template's own validations (its error titled ``xl-retention``,
    every range of it over one of the template's in ``ours``: also one that Insert Column stretched over the column
    inserted beside, as Excel and LibreOffice do, C2:C4 -> C2:D4): a conditional format, or a validation of the
    user's over the template's cells (a list of their own), is listed."""
    for pattern in (_SQREF, _EXT_SQREF):
        for match in pattern.finditer(tail):
            sqref = match.group(2).decode()
            new = ip.extend_refs(sqref, None, rows, columns, local=True)
            if new != sqref and not (_template_validation(tail, match) and _over(sqref, ours)):
                note(f"{_WHAT[match.group(1)]} {quote_sheetname(title)}!{sqref} -> {new}")


def _over(sqref: str, ours: Collection[str]) -> bool:
    """Whether every range of ``sqref`` holds one of the ranges ``ours`` (the template's validated cells).

    >>> _over("C2:D4 F2:F4", ["C2:C4", "F2:F4"]), _over("C2:C4 H2:H4", ["C2:C4"]), _over("B2:B3", ["B2:B4"])
    (True, False, False)
    """
    boxes = [range_boundaries(ref) for ref in ours]
    return all(
        any(c1 <= a1 and r1 <= b1 and a2 <= c2 and b2 <= r2 for a1, b1, a2, b2 in boxes)
        for c1, r1, c2, r2 in (range_boundaries(ref) for ref in sqref.split())
    )


def _template_validation(tail: bytes, match: re.Match[bytes]) -> bool:
    """Whether the element ``match`` starts is a validation the template made (its error titled ``xl-retention``)."""
    end = tail.find(b">", match.start())
    tag = tail[match.start() : end + 1]
    return match.group(1) == b"dataValidation" and ip.attribute(tag, b"errorTitle") == b"xl-retention"


def note_table(part: str, before: bytes, after: bytes) -> None:
    """Note a table (ListObject) whose range stretching widened (``before``/``after``: its part)."""
    old, new = (re.search(rb"<(?:\w+:)?table\b[^>]*>", xml) for xml in (before, after))
    if old is None or new is None or old.group(0) == new.group(0):
        return
    name = ip.attribute(old.group(0), b"displayName") or ip.attribute(old.group(0), b"name") or part.encode()
    refs = [ip.attribute(m.group(0), b"ref") or b"" for m in (old, new)]
    note(f"table {name.decode()} {refs[0].decode()} -> {refs[1].decode()}")


def note_charts(package: ip.Package, before: dict[str, bytes]) -> None:
    """Note each chart of the user's (not the template's own, :func:`~.chart_ranges.template_chart_parts`) whose series
    stretching widened: ``before`` holds the chart parts as they were (part name -> bytes)."""
    changed = [name for name, data in before.items() if package.data.get(name) != data]
    if not changed:
        return
    templates, drawn = template_chart_parts(package), _drawn_on(package)
    for name in changed:
        if name in templates:
            continue
        refs = [
            [_unescape(m.group(2)) for m in SERIES_FORMULA.finditer(xml)] for xml in (before[name], package.data[name])
        ]
        # every range it changed, the values' as the categories' (H349's finding 03: the values went unlisted)
        pairs = list(dict.fromkeys((a, b) for a, b in zip(*refs, strict=False) if a != b)) or [("", "")]
        title = chart_title(package.data[name])
        where = f" on {quote_sheetname(drawn[name][0])}" if name in drawn else ""
        each = ", ".join(f"{old} -> {new}" for old, new in pairs)
        note(f"chart {title or name.rsplit('/', 1)[-1]!r}{where}: {each}")


def stretched_lines(stretched: list[str]) -> list[str]:
    """The report's lines for the notes growing made: the user's formulas and names (the first 4: a column of them
    may be long), then each of their charts, formats, validations and tables (every one: a list meant for the
    months so far, or a format of the first quarter, is the user's to put back)."""
    out = []
    formulas = [s for s in stretched if not s.startswith(KINDS)]
    others = [s for s in stretched if s.startswith(KINDS)]
    for items, what, most in (
        (formulas, "formula(s)", 4),
        (others, "chart(s), conditional format(s), validation(s) or table(s)", len(others)),
    ):
        if items:
            shown = "; ".join(items[:most]) + (f"; and {len(items) - most} more" if len(items) > most else "")
            out.append(
                f"{len(items)} {what} of yours over the months now take in the months added: {shown} (a range that "
                "ended at the last month; change it back where it was meant for those months only)"
            )
    return out
