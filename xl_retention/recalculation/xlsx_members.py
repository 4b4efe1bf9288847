"""Array members and spilled results stored in a sheet part: cells that hold only a value.

Part of :func:`.xlsx_values.write_cached_values`: an array formula is stored once, in its first
cell; its other cells (and a dynamic array's spilled cells) hold only values. They are set in
place (style kept), or inserted in column order, with their row if the sheet lacks it; the
``<dimension>`` grows to cover them. Byte-level, like the rest of the writer. On a sheet that hides the rows it does
not list (``<sheetFormatPr zeroHeight="1">``) a row written is marked ``hidden="1"``, as Excel saves a hidden row a
spill fills: without it the row, which the user hid, would show (H543's finding 07).
"""

from __future__ import annotations

import re

from .chart_hidden import hides_unlisted_rows
from .excel_numbers import kept_text
from .xlsx_values import (
    _CELL_REF,
    _FORMULA,
    _SHEET_DATA,
    _T_ATTR,
    _TOKEN,
    _attribute,
    _cached,
    _check_encoding,
    _column,
    _letters,
    value_tag,
)

__all__ = ["write_members"]

_DIMENSION = re.compile(rb"(<(?:[A-Za-z_][\w.\-]*:)?dimension\s+ref\s*=\s*[\"'])([^\"']*)([\"'])")


_COL = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?col\b([^>]*)>")


def _column_styles(head: bytes) -> list[tuple[int, int, bytes]]:
    """(first, last column, style) of each ``<col>`` of a sheet part's ``head`` (before its sheetData) that has a
    style: a cell written in the file takes its own ``s`` only (none is General), so a new cell is given its column's.

    >>> _column_styles(b'<cols><col min="4" max="5" width="9" style="3" customWidth="1"/><col min="6" max="6"/></cols>')
    [(4, 5, b'3')]
    """
    out = []
    for match in _COL.finditer(head):
        low, high, style = (_attribute(match[1], name) for name in (b"min", b"max", b"style"))
        if low is not None and high is not None and low.isdigit() and high.isdigit() and style and style != b"0":
            out.append((int(low), int(high), style))
    return out


def _row_style(attrs: bytes) -> bytes | None:
    """The style of a ``<row>`` (its attributes) that formats its cells (``customFormat="1" s="2"``), else None."""
    custom = _attribute(attrs, b"customFormat")
    style = _attribute(attrs, b"s")
    return style if custom in (b"1", b"true") and style and style != b"0" else None


def write_members(xml: bytes, title: str, cells: dict[bytes, object]) -> tuple[bytes, int]:
    """The sheet part with the value-only cells ``cells`` (array members, spilled results) set or inserted; an
    inserted cell gets its row's style (a formatted row), else its column's (Excel shows a cell without one as
    General, whatever its column's format)."""
    if not cells:
        return xml, 0
    _check_encoding(xml, title)
    opening = _SHEET_DATA.search(xml)
    if opening is None or opening.group(2):
        raise ValueError(f"sheet {title!r}: no <sheetData> to store the array results in")
    prefix = opening.group(1)
    columns = _column_styles(xml[: opening.start()])
    new_row = b'" hidden="1">' if hides_unlisted_rows(xml[: opening.start()]) else b'">'
    row_style: bytes | None = None

    def style(ref: bytes, in_row: bool) -> bytes | None:
        if in_row and row_style is not None:
            return row_style
        number = _column(ref)
        return next((s for low, high, s in columns if low <= number <= high), None)

    def markup(ref: bytes, in_row: bool = True) -> bytes:
        return _member_markup(prefix, ref, cells[ref], title, style(ref, in_row))

    closing = re.compile(rb"</" + re.escape(prefix) + rb"sheetData\s*>").search(xml, opening.end())
    end = closing.start() if closing is not None else len(xml)
    wanted: dict[int, dict[int, bytes]] = {}
    for ref in cells:
        wanted.setdefault(int(_CELL_REF.match(ref).group(2)), {})[_column(ref)] = ref
    edits: list[tuple[int, int, bytes]] = []  # (start, end, replacement), in document order
    written = 0
    row = 0
    row_open: tuple[int, int, bool] | None = None  # the current row tag's (start, end, self-closing)
    last_cell_end = 0
    column = 0

    def close_row() -> None:
        nonlocal written
        if row_open is None or row not in wanted:
            return
        rest = wanted.pop(row)
        if not rest:
            return
        added = b"".join(markup(rest[c]) for c in sorted(rest))
        written += len(rest)
        if row_open[2]:  # <row r="5"/>: open it
            tag = xml[row_open[0] : row_open[1]]
            edits.append((row_open[0], row_open[1], tag[: tag.rindex(b"/")] + b">" + added + b"</" + prefix + b"row>"))
        else:
            edits.append((last_cell_end, last_cell_end, added))

    numbers = sorted(wanted)  # the rows wanted, in order: each looked at once (a spill of 25,000 rows, 25,000 tags)
    next_number = 0

    def new_rows_before(position: int, limit: int | None) -> None:
        nonlocal written, next_number
        while next_number < len(numbers) and (limit is None or numbers[next_number] < limit):
            number = numbers[next_number]
            next_number += 1
            rest = wanted.pop(number, None)
            if rest is None:  # its row's tag came first (close_row)
                continue
            added = b"".join(markup(rest[c], in_row=False) for c in sorted(rest))
            edits.append(
                (
                    position,
                    position,
                    b"<" + prefix + b'row r="' + str(number).encode() + new_row + added + b"</" + prefix + b"row>",
                )
            )
            written += len(rest)

    for match in _TOKEN.finditer(xml, opening.end(), end):
        row_attrs, _, attrs, mid, body, tail = match.groups()
        if row_attrs is not None:
            close_row()
            r = _attribute(row_attrs, b"r")
            number = int(r) if r is not None and r.isdigit() else row + 1
            new_rows_before(match.start(), number)
            row, column = number, 0
            row_style = _row_style(row_attrs)
            row_open = (match.start(), match.end(), xml[match.end() - 2 : match.end()] == b"/>")
            last_cell_end = match.end()
            continue
        if attrs is None:
            continue
        ref = _attribute(attrs, b"r")
        column = _column(ref) if ref is not None else column + 1
        pending = wanted.get(row, {})
        for c in sorted(k for k in pending if k < column):  # missing cells before this one
            edits.append((match.start(), match.start(), markup(pending.pop(c))))
            written += 1
        if column in pending:
            key = pending.pop(column)
            edits.append((match.start(), match.end(), _member_cell(match, cells[key], title, key)))
            written += 1
        last_cell_end = match.end()
    close_row()
    new_rows_before(end, None)
    chunks, last = [], 0
    for start, stop, replacement in edits:
        chunks += (xml[last:start], replacement)
        last = stop
    chunks.append(xml[last:])
    data = b"".join(chunks)
    refs = list(cells)
    rows = [int(_CELL_REF.match(r).group(2)) for r in refs]
    cols = [_column(r) for r in refs]
    data = _DIMENSION.sub(lambda m: m[1] + _grow(m[2], min(rows), min(cols), max(rows), max(cols)) + m[3], data, 1)
    return data, written


def _grow(dimension: bytes, top: int, left: int, bottom: int, right: int) -> bytes:
    parts = [p for p in dimension.decode().upper().split(":") if p]
    for part in parts:
        match = _CELL_REF.match(part.encode())
        if match is None:
            return dimension
        top, bottom = min(top, int(match.group(2))), max(bottom, int(match.group(2)))
        left, right = min(left, _column(part.encode())), max(right, _column(part.encode()))
    return f"{_letters(left)}{top}:{_letters(right)}{bottom}".encode()


def _member_markup(prefix: bytes, ref: bytes, value: object, title: str, style: bytes | None = None) -> bytes:
    """A new ``<c>`` element holding only ``value``, of ``style`` (its ``s``) when given."""
    styled = b' s="' + style + b'"' if style is not None else b""
    if value is None:
        return b"<" + prefix + b'c r="' + ref + b'"' + styled + b"/>"
    cell_type, text = _cached(value, title, ref)
    kind = b' t="' + cell_type + b'"' if cell_type is not None else b""
    return (
        b"<"
        + prefix
        + b'c r="'
        + ref
        + b'"'
        + styled
        + kind
        + b">"
        + value_tag(prefix, text)
        + text
        + b"</"
        + prefix
        + b"v></"
        + prefix
        + b"c>"
    )


def _member_cell(match: re.Match[bytes], value: object, title: str, ref: bytes) -> bytes:
    """An existing ``<c>`` element with its stored value replaced by ``value`` (its style and any ``<f>`` kept)."""
    _, prefix, attrs, mid, body, tail = match.groups()
    attrs = _T_ATTR.sub(b"", attrs) if b"t" in attrs else attrs
    formula = _FORMULA.search(body or b"")
    kept = formula.group(0) if formula is not None else b""
    if value is None:
        return b"<" + prefix + b"c" + attrs + mid + (b">" + kept + b"</" + prefix + b"c>" if kept else b"/>")
    cell_type, text = _cached(value, title, ref)
    if cell_type is None and body:  # a number whose stored text reads back as it: kept as it is (.excel_numbers)
        text = kept_text(body, float(value), text)  # type: ignore[arg-type]
    kind = b' t="' + cell_type + b'"' if cell_type is not None else b""
    return b"".join(
        (
            b"<",
            prefix,
            b"c",
            attrs,
            kind,
            mid,
            b">",
            kept,
            value_tag(prefix, text),
            text,
            b"</",
            prefix,
            b"v></",
            prefix,
            b"c>",
        )
    )
