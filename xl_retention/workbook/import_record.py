"""What ``import --into`` wrote, recorded inside the workbook, so a later import tells it from what the user typed.

Each import keeps, in the hidden defined name :data:`NAME` (an array constant of texts, which Excel, LibreOffice and
openpyxl keep), one entry per sheet and month (a monthly sheet's row, an NPS month's column, a Cohorts row): a short
digest of the values it wrote there, each named by what it is, not where (its column's header key, a cohort's month
since its start, an answer's row: a column the user inserted or a cohort table moved down by added months is no
change; a record of an earlier version, by address, matches where the cells were then, :func:`digests`), and the last
month of that import's data (the month in progress then). On the
next import, a value that differs from the new data is replaced without ``--replace-typed`` when every cell the import
writes in that month still holds exactly what the earlier import wrote (digests equal) and the value's month is that
last month or a later one; a value of an earlier month (closed when the earlier import ran) that the new data changes
stops the import: the new file is another source, a filtered export, or today's prices over past months (fill's
:meth:`earlier_import`). A month changed since (typed by hand) refuses as before, and so does a workbook without a
record. An entry written before the last month was kept (``title|month|digest``) counts the record's latest month as
its last one.

>>> record = {("Customers", "2025-01"): Entry("0a1b2c3d", "2025-02"), ('My "KPIs"', "2025-02"): Entry("ffffffff")}
>>> text = record_text(record)
>>> text
'{"Customers|2025-01|0a1b2c3d|2025-02","My ""KPIs""|2025-02|ffffffff"}'
>>> parse_record(text) == record
True
>>> last_month(parse_record(text), ('My "KPIs"', "2025-02"))
'2025-02'
>>> digest([("C2", 5), ("D2", 5.0)]) == digest([("D2", 5), ("C2", 5)]) != digest([("C2", 5), ("D2", 6)])
True
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, NamedTuple

from . import inplace as ip

__all__ = [
    "NAME",
    "Entry",
    "digest",
    "digest_with",
    "digests",
    "last_month",
    "parse_record",
    "read_record",
    "record_text",
    "write_record",
]

#: the hidden defined name holding the record
NAME = "_xlr_imported"
#: the longest record text kept (Excel's limit for a name's formula is 8,192 characters): oldest months go first
LIMIT = 8000
WORKBOOK = "xl/workbook.xml"

Key = tuple[str, str]  # (sheet title, month)


class Entry(NamedTuple):
    """One sheet and month's entry: the digest of what the import wrote, the last month of its data ("YYYY-MM")."""

    digest: str
    last: str | None = None


_P = rb"(?:[\w.\-]+:)?"
_ELEMENT = re.compile(rb"<" + _P + rb"definedName\b([^>]*?)(?:/>|>([^<]*)</" + _P + rb"definedName\s*>)")
_TEXT = re.compile(r'"((?:[^"]|"")*)"')
_MONTH = re.compile(r"\d{4}-\d{2}")
_DIGEST = re.compile(r"[0-9a-f]{8}")


def _shown(value: Any) -> str | None:
    """A cell value as the digest reads it (numbers to Excel's 15 significant digits); None for a blank cell."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "b:TRUE" if value else "b:FALSE"
    if isinstance(value, int | float):
        return f"n:{float(value):.15g}"
    if isinstance(value, datetime | date):
        return f"d:{value.isoformat()}"
    return f"s:{value}"


def digest(cells: Iterable[tuple[str, Any]]) -> str:
    """8 hex digits of the non-blank ``(reference, value)`` pairs, in any order."""
    parts = sorted(f"{ref}={shown}" for ref, value in cells if (shown := _shown(value)) is not None)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:8]


def digest_with(cells: Iterable[tuple[str, Any]], value: Any) -> Callable[[str], str]:
    """:func:`digest` of ``cells`` with one more pair ``(reference, value)``, as a function of that reference: many
    references tried at little cost (the hash of the parts before it kept, for the answer searched by date:
    :func:`.kept_answers.lost_answer`).

    >>> digest_with([("C2", 5)], 7)("D2") == digest([("C2", 5), ("D2", 7)])
    True
    """
    parts = sorted(f"{ref}={shown}" for ref, value in cells if (shown := _shown(value)) is not None)
    shown = _shown(value)
    heads: dict[int, Any] = {}

    def find(ref: str) -> str:
        part = f"{ref}={shown}"
        at = bisect.bisect_left(parts, part)
        if at not in heads:
            heads[at] = hashlib.sha256("".join(p + "\n" for p in parts[:at]).encode())
        head = heads[at].copy()
        head.update((part + "".join("\n" + p for p in parts[at:])).encode())
        return head.hexdigest()[:8]

    return find


def digests(cells: list[tuple[str, str, str, Any, Any]]) -> tuple[str, ...]:
    """The digests of the values there before the import, by the cells' labels (this version's record), and, for a
    record of an earlier version (by address), by their addresses now and where they were then (the template's
    column, the cohort table before this import moved it): a value changed since matches none of them."""
    return (
        digest((label, old) for _, label, _, old, _ in cells),
        digest((ref, old) for ref, _, _, old, _ in cells),
        digest((was, old) for _, _, was, old, _ in cells),
    )


def record_text(record: dict[Key, Entry]) -> str:
    """The name's formula text: an array constant of ``"title|month|digest|last"`` texts, latest months kept first."""
    entries = sorted(record.items(), key=lambda item: (item[0][1], item[0][0]), reverse=True)
    texts: list[str] = []
    size = 2
    for (title, month), (value, last) in entries:
        text = '"' + f"{title}|{month}|{value}{'|' + last if last else ''}".replace('"', '""') + '"'
        if size + len(text) + 1 > LIMIT:
            break
        texts.append(text)
        size += len(text) + 1
    return "{" + ",".join(sorted(texts)) + "}"


def parse_record(text: str) -> dict[Key, Entry]:
    """The record in a name's text (entries it cannot read are left out: those months refuse as without one)."""
    out: dict[Key, Entry] = {}
    for match in _TEXT.finditer(text):
        entry = match.group(1).replace('""', '"')
        parts = entry.rsplit("|", 3)
        if len(parts) == 4 and _DIGEST.fullmatch(parts[2]) and _MONTH.fullmatch(parts[3]):
            out[(parts[0], parts[1])] = Entry(parts[2], parts[3])
            continue
        parts = entry.rsplit("|", 2)
        if len(parts) == 3 and _DIGEST.fullmatch(parts[2]):
            out[(parts[0], parts[1])] = Entry(parts[2])
    return out


def last_month(record: dict[Key, Entry], key: Key) -> str | None:
    """The last month of the data of the import that wrote ``key`` (the month in progress then): its entry's, or, for
    an entry that does not keep one, the record's latest month (None for no entry)."""
    if key not in record:
        return None
    if record[key].last:
        return record[key].last
    return max([month for _, month in record] + [e.last for e in record.values() if e.last])


def _name_of(attrs: bytes) -> bytes | None:
    return None if ip.attribute(attrs, b"localSheetId") is not None else ip.attribute(attrs, b"name")


def read_record(package: ip.Package) -> dict[Key, Entry]:
    """The record the workbook holds ({} for a workbook no import of this version wrote into)."""
    xml = package.data.get(WORKBOOK, b"")
    for match in _ELEMENT.finditer(xml):
        if _name_of(match.group(1)) == NAME.encode():
            return parse_record(ip.unescape(match.group(2) or b""))
    return {}


def write_record(package: ip.Package, record: dict[Key, Entry]) -> None:
    """Replace the record in ``workbook.xml`` (the name added, hidden, when the workbook has none)."""
    if WORKBOOK not in package.data:
        return
    xml = package.data[WORKBOOK]
    xml = _ELEMENT.sub(lambda m: b"" if _name_of(m.group(1)) == NAME.encode() else m.group(0), xml)
    prefix = re.search(rb"<([\w.\-]+:)?workbook\b", xml)
    p = (prefix.group(1) or b"") if prefix else b""
    element = (
        b"<" + p + b'definedName name="' + NAME.encode() + b'" hidden="1">' + ip.escape(record_text(record)).encode()
        + b"</" + p + b"definedName>"
    )  # fmt: skip
    closing = re.search(rb"</" + p + rb"definedNames\s*>", xml)
    empty = re.search(rb"<" + p + rb"definedNames\s*/>", xml)
    if closing is not None:
        xml = xml[: closing.start()] + element + xml[closing.start() :]
    elif empty is not None:
        xml = (
            xml[: empty.start()]
            + b"<"
            + p
            + b"definedNames>"
            + element
            + b"</"
            + p
            + b"definedNames>"
            + xml[empty.end() :]
        )
    else:
        at = xml.find(b"</" + p + b"sheets>")
        if at == -1:
            return
        at += len(b"</" + p + b"sheets>")
        xml = xml[:at] + b"<" + p + b"definedNames>" + element + b"</" + p + b"definedNames>" + xml[at:]
    package.data[WORKBOOK] = xml
