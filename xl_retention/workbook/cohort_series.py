"""A chart of the user's drawing a series a month (or a cohort) of a Cohorts table gets the months (cohorts) added.

Growing a tracker's Cohorts sheet (:func:`~.cohort_sheet.grow_cohorts`) widens a chart series over a table's every
cohort or month (:mod:`.cohort_refs`). A chart drawn the other way round, a series for each month column (Month 0,
Month 1, Month 2, each over the cohorts: what Excel draws from a selection of the survivors' triangle) or one for each
cohort row, would still draw the months (cohorts) it had: the months added are in no series, silently. So
:func:`add_series` gives such a chart a series for each month column (cohort row) added, made like its last one (the
same chart type, categories and options) over the new column (row), its name read from the new column's header cell
(the new row's label) where the last one's name was read from its own. Its colours are left to the chart's style
(the last series' own fill, line and point colours are not copied, so the new series are told apart), as are cached
values (Excel and LibreOffice read the cells).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from openpyxl.utils import column_index_from_string, get_column_letter

from . import inplace as ip
from .inplace import escape

__all__ = ["add_series"]

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_F = re.compile(rb"(<" + _P + rb"f\b[^>]*>)([^<]*)(</" + _P + rb"f\s*>)")
_GROUP = re.compile(rb"<(" + _P + rb")(\w+)Chart\b[^>]*>.*?</\1\2Chart\s*>", re.S)  # barChart, line3DChart, ...
_SER = re.compile(rb"<(" + _P + rb")ser\b[^>]*>.*?</\1ser\s*>", re.S)
_PART = {
    name: re.compile(rb"<(" + _P + rb")" + name + rb"\b[^>]*>.*?</\1" + name + rb"\s*>", re.S)
    for name in (b"tx", b"val", b"spPr", b"dPt", b"extLst")
}
_CACHE = re.compile(rb"<(" + _P + rb")(numCache|strCache)\b.*?</\1\2\s*>", re.S)
_NUMBER = re.compile(rb"(<" + _P + rb"(idx|order)\s+val\s*=\s*\")(\d+)(\")")
_BEFORE_SPPR = re.compile(rb"<" + _P + rb"(marker|dPt|dLbls|trendline|errBars|cat|val|xVal|yVal)\b")

#: a table's rows on the Cohorts sheet and its month columns: (header row, last cohort row, last month column) in
#: the old layout, and the new layout's last month column (:func:`~.cohort_refs.cohort_last_columns`)
Columns = Sequence[tuple[int, int, int, int]]


def _areas(ser: bytes, sheet: str) -> tuple[tuple[int, int, int, int] | None, re.Match[bytes] | None]:
    """A series' values (``<val>``) as (first row, last row, first column, last column) when one area of ``sheet``,
    and the match of its name's reference (``<tx>``'s ``<f>``), if any."""
    tx = _PART[b"tx"].search(ser)
    name = _F.search(tx.group(0)) if tx else None
    val = _PART[b"val"].search(ser)
    found = _F.search(val.group(0)) if val else None
    if found is None:
        return None, name
    text = ip.unescape(found.group(2)).strip().lstrip("=")
    match = ip._AREA.fullmatch(text)
    if match is None or match.group(1) is None or ip._unquote(match.group(1)) != sheet:
        return None, name
    r1, c1 = int(match.group(5)), column_index_from_string(match.group(3))
    r2 = int(match.group(9)) if match.group(9) else r1
    c2 = column_index_from_string(match.group(7)) if match.group(7) else c1
    return (r1, r2, c1, c2), name


def _shifted(text: str, rows: int, columns: int) -> str:
    """A reference ``text`` moved ``rows`` down and ``columns`` right (its ``$`` kept).

    >>> _shifted("'Cohorts'!$D$4:$D$9", 0, 2), _shifted("Cohorts!$B$6:$G$6", 3, 0)
    ("'Cohorts'!$F$4:$F$9", 'Cohorts!$B$9:$G$9')
    """

    def area(match: re.Match[str], piece: str) -> str:
        out = f"{match.group(1)}!" if match.group(1) else ""
        column = get_column_letter(column_index_from_string(match.group(3)) + columns)
        out += f"{match.group(2)}{column}{match.group(4)}{int(match.group(5)) + rows}"
        if match.group(7) is not None:
            column = get_column_letter(column_index_from_string(match.group(7)) + columns)
            out += f":{match.group(6)}{column}{match.group(8)}{int(match.group(9)) + rows}"
        return out

    return ip.areas_outside_text(text, area)


def _clone(ser: bytes, rows: int, columns: int, number: int, name: bool) -> bytes:
    """The series ``ser`` over its values' range moved ``rows`` down and ``columns`` right, numbered ``number``
    (its idx and order), without its own colours, point colours, extensions (Excel's unique id) and cached values;
    its name's reference moved alike where ``name``, else dropped (the chart's style names it)."""

    def moved(match: re.Match[bytes]) -> bytes:
        new = _shifted(ip.unescape(match.group(2)), rows, columns)
        return match.group(1) + escape(new).encode() + match.group(3)

    out = _NUMBER.sub(lambda m: m.group(1) + str(number).encode() + m.group(4), ser, count=2)
    out = _PART[b"val"].sub(lambda m: _F.sub(moved, m.group(0)), out)
    out = _PART[b"tx"].sub(lambda m: _F.sub(moved, m.group(0)) if name else b"", out)
    first = _PART[b"spPr"].search(out)
    later = _BEFORE_SPPR.search(out)
    if first is not None and (later is None or first.start() < later.start()):  # the series' own, not a marker's
        out = out[: first.start()] + out[first.end() :]
    for part in (b"dPt", b"extLst"):
        out = _PART[part].sub(b"", out)
    return _CACHE.sub(b"", out)


def add_series(
    before: bytes, wide: bytes, sheet: str, rows: dict[int, int], ends: dict[int, int], columns: Columns
) -> tuple[bytes, str]:
    """``wide`` (a chart part whose references over ``sheet`` were moved and widened; ``before``: as it was) with a
    series for each month column (cohort row) added, where its series (in one chart type) are one a month column of
    a Cohorts table up to its last (one a cohort row up to the last cohort), and what was added, for the report
    (", a series a month up to Month 2: Month 3 to Month 5 added"); ``wide`` and "" otherwise.

    ``rows``, ``ends``, ``columns``: the grown sheet's rows, last cohorts and last month columns
    (:func:`~.cohort_refs.cohort_row_map`, :func:`~.cohort_refs.cohort_last_rows`,
    :func:`~.cohort_refs.cohort_last_columns`).
    """
    old_groups, new_groups = list(_GROUP.finditer(before)), list(_GROUP.finditer(wide))
    if len(old_groups) != len(new_groups):
        return wide, ""
    numbers = [int(m.group(3)) for m in _NUMBER.finditer(wide)]
    number = max(numbers, default=-1) + 1
    said: list[str] = []
    out, position = [], 0
    for old, new in zip(old_groups, new_groups, strict=True):
        old_sers, new_sers = list(_SER.finditer(old.group(0))), list(_SER.finditer(new.group(0)))
        if not old_sers or len(old_sers) != len(new_sers):
            continue
        areas = [_areas(s.group(0), sheet) for s in old_sers]
        boxes = [a for a, _ in areas]
        if any(box is None for box in boxes):
            continue
        added: list[bytes] = []
        for top, bottom, last, grown in columns:
            inside = [(r1, r2, c1, c2) for r1, r2, c1, c2 in boxes if top <= r1 <= r2 <= bottom]
            if len(inside) != len(boxes):
                continue
            series = new_sers[-1].group(0)
            r1, r2, c1, c2 = boxes[-1]
            name = areas[-1][1]
            if c1 == c2 == last and r1 < r2 and _run([a[2] for a in boxes], [a[3] for a in boxes], last):  # a month
                named = name is not None and _single(name, column=last)
                for step in range(1, grown - last + 1):
                    added.append(_clone(series, 0, step, number, named))
                    number += 1
                said.append(
                    f", a series a month up to Month {last - 2}: Month {last - 1} to Month {grown - 2} added as "
                    "series of their own"
                )
                break
            if r1 == r2 == bottom and c1 < c2 and bottom in ends and _run([a[0] for a in boxes], [a[1] for a in boxes],
                                                                          bottom):  # fmt: skip
                at = rows.get(bottom, bottom)
                named = name is not None and _single(name, row=bottom)
                for step in range(1, ends[bottom] - at + 1):
                    added.append(_clone(series, step, 0, number, named))
                    number += 1
                said.append(
                    f", a series a cohort up to the one in row {bottom}: the cohorts added, rows {at + 1} to "
                    f"{ends[bottom]}, added as series of their own"
                )
                break
        if added:
            end = new.start() + new_sers[-1].end()
            out += [wide[position:end], b"".join(added)]
            position = end
    if not said:
        return wide, ""
    out.append(wide[position:])
    return b"".join(out), said[0]


def _run(firsts: list[int], lasts: list[int], last: int) -> bool:
    """Whether series over one column (row) each, ``firsts`` to ``lasts``, are two or more following each other up to
    ``last``: a series a month (a cohort), not one chart of one month's column.

    >>> _run([2, 3, 4], [2, 3, 4], 4), _run([4], [4], 4), _run([2, 4], [2, 4], 4)
    (True, False, False)
    """
    return len(firsts) >= 2 and firsts == lasts == list(range(last - len(firsts) + 1, last + 1))


def _single(name: re.Match[bytes], row: int | None = None, column: int | None = None) -> bool:
    """Whether a series' name reference (``name``: the match of its ``<f>``) is one cell in ``column`` (or ``row``):
    the month's header, the cohort's label, which the series added read at their own column (row)."""
    match = ip._AREA.fullmatch(ip.unescape(name.group(2)).strip().lstrip("="))
    if match is None or match.group(7) is not None:
        return False
    if column is not None:
        return column_index_from_string(match.group(3)) == column
    return int(match.group(5)) == row
