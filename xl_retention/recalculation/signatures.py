"""A digitally signed workbook's signature, removed from a result whose signed parts the recalculation changed.

Excel signs a workbook (File > Info > Protect Workbook > Add a Digital Signature) as an Open Packaging Conventions
package signature: ``_rels/.rels`` points (relationship type ``.../digital-signature/origin``) at an origin part
(``_xmlsignatures/origin.sigs``) whose relationships name each signature part (``_xmlsignatures/sig1.xml``); each
signature's Manifest holds the digest of every part it signs (``/xl/worksheets/sheet1.xml?ContentType=...``). New
cached values change the sheets' XML, so the signature no longer verifies: Excel shows "This document contains
invalid signatures". Excel itself, saving a signed workbook that was edited, removes its signatures (after a
warning). :func:`drop_signatures` does the same knowingly, where a signed part changed: the origin, its signatures
and certificates, their relationships and content types leave the result, and the caller says so in the report.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from collections.abc import Mapping, MutableMapping
from pathlib import Path

__all__ = [
    "CHARTS_FITTED",
    "SIGNATURE_LINE",
    "drop_signatures",
    "is_signed",
    "removed_line",
    "unsign",
    "unsigned_line",
]

_AGAIN = (
    " (Excel removes it too when it saves a changed workbook); sign it again in Excel (File > Info > Protect Workbook "
    "> Add a Digital Signature)"
)
#: what the report says of a workbook whose signature was removed
SIGNATURE_LINE = "its digital signature was removed: the recalculated values are not what was signed" + _AGAIN
#: ... where the signed parts changed are charts only, their cached points brought up to the cells
_CACHES_LINE = (
    "its digital signature was removed: its charts' cached points, brought up to the recalculated cells, are not "
    "what was signed" + _AGAIN
)
#: ... where the template's charts were fitted to the months with data (:func:`removed_line`'s ``changed``)
CHARTS_FITTED = "charts fitted"
_FITTED_LINE = (
    "its digital signature was removed: its charts' ranges, fitted to the months with figures, are not what was "
    "signed" + _AGAIN
)
_CHART = re.compile(r"xl/charts/(?:_rels/)?chart[^/]*\.xml(?:\.rels)?")


def removed_line(changed: set[str]) -> str:
    """The report's line on a removed signature (without the file's name), true for what changed: ``changed``, the
    signed parts the recalculation changed (:func:`drop_signatures`), :data:`CHARTS_FITTED` among them where the
    template's charts were fitted afterwards. Charts alone are not said to be values.

    >>> removed_line({"xl/worksheets/sheet1.xml", "xl/charts/chart1.xml"}) == SIGNATURE_LINE
    True
    >>> removed_line({"xl/charts/chart1.xml"})[:95]
    "its digital signature was removed: its charts' cached points, brought up to the recalculated ce"
    >>> removed_line({CHARTS_FITTED})[:80]
    "its digital signature was removed: its charts' ranges, fitted to the months with"
    """
    if not changed or any(part != CHARTS_FITTED and _CHART.fullmatch(part) is None for part in changed):
        return SIGNATURE_LINE
    return _FITTED_LINE if changed == {CHARTS_FITTED} else _CACHES_LINE


_NS = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/"
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*?(?:/>|>\s*</(?:\w+:)?Relationship\s*>)")
_ATTRIBUTE = re.compile(rb'\b(Type|Target|TargetMode)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_REFERENCE_URI = re.compile(rb'<(?:\w+:)?Reference\b[^>]*\bURI\s*=\s*"(/[^"?#]*)')


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _targets(data: bytes, base: str, kind: str) -> list[tuple[bytes, str]]:
    """(the element, the part it points to) of each relationship of type ``.../digital-signature/<kind>``."""
    found = []
    for element in _RELATIONSHIP.findall(data):
        attrs = {
            m.group(1).decode(): (m.group(2) or m.group(3) or b"").decode("utf-8", "replace")
            for m in _ATTRIBUTE.finditer(element)
        }
        if attrs.get("Type") == _NS + kind and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            found.append((element, part))
    return found


def signature_parts(package: zipfile.ZipFile) -> tuple[list[bytes], set[str], set[str]]:
    """The package's signature: (the ``_rels/.rels`` elements pointing at its origin, every part of the signature
    with their relationship parts, the parts its signatures sign). Empty where the workbook is not signed."""
    names = set(package.namelist())
    if "_rels/.rels" not in names:
        return [], set(), set()
    origins = _targets(package.read("_rels/.rels"), "", "origin")
    parts: set[str] = set()
    signed: set[str] = set()
    for _, origin in origins:
        parts.add(origin)
        rels = _rels_of(origin)
        if rels not in names:
            continue
        parts.add(rels)
        base = posixpath.dirname(origin)
        for kind in ("signature", "certificate"):
            for _, part in _targets(package.read(rels), base, kind):
                parts.add(part)
                if _rels_of(part) in names:
                    parts.add(_rels_of(part))
                    parts.update(
                        p for _, p in _targets(package.read(_rels_of(part)), posixpath.dirname(part), "certificate")
                    )
                if kind == "signature" and part in names:
                    signed.update(
                        uri.decode("utf-8", "replace").lstrip("/") for uri in _REFERENCE_URI.findall(package.read(part))
                    )
    return [element for element, _ in origins], parts & names, signed


def _content_types(data: bytes, removed: set[str], remaining: set[str]) -> bytes:
    """``[Content_Types].xml`` without the removed parts' overrides, nor a default no remaining part uses."""
    for part in removed:
        data = re.sub(
            rb'<(?:\w+:)?Override\b[^>]*PartName\s*=\s*"/' + re.escape(part.encode()) + rb'"[^>]*/>',
            b"",
            data,
            flags=re.IGNORECASE,
        )
    used = {posixpath.splitext(name)[1][1:].lower() for name in remaining}
    for extension in {posixpath.splitext(part)[1][1:].lower() for part in removed} - used:
        if extension:
            data = re.sub(
                rb'<(?:\w+:)?Default\b[^>]*Extension\s*=\s*"' + re.escape(extension.encode()) + rb'"[^>]*/>',
                b"",
                data,
                flags=re.IGNORECASE,
            )
    return data


def is_signed(path: str | os.PathLike[str]) -> bool:
    """Whether the package at ``path`` holds a digital signature (:func:`signature_parts`)."""
    with zipfile.ZipFile(path) as package:
        return bool(signature_parts(package)[1])


class _Parts:
    """A package's parts held as a dict, read as :func:`signature_parts` reads a ``zipfile.ZipFile``."""

    def __init__(self, data: Mapping[str, bytes]) -> None:
        self._data = data

    def namelist(self) -> list[str]:
        return list(self._data)

    def read(self, name: str) -> bytes:
        return self._data[name]


def unsign(original: Mapping[str, bytes], data: MutableMapping[str, bytes]) -> set[str]:
    """Remove the digital signature from ``data`` (a package's parts, name -> bytes, as an edit of the workbook
    leaves them) where one of the parts it signs differs from ``original`` (the parts as read) or is gone: the
    signature's parts leave ``data``, ``_rels/.rels`` and ``[Content_Types].xml`` lose their entries; returns the
    parts removed (none: no signature, or one over parts left as they were, kept byte for byte).

    >>> unsign({"a.xml": b"1"}, {"a.xml": b"2"})
    set()
    """
    elements, parts, signed = signature_parts(_Parts(data))  # type: ignore[arg-type]
    if not parts:
        return set()
    if signed and all(part in data and data[part] == original.get(part) for part in signed):
        return set()
    remaining = set(data) - parts
    if "_rels/.rels" in data:
        for element in elements:
            data["_rels/.rels"] = data["_rels/.rels"].replace(element, b"")
    if "[Content_Types].xml" in data:
        data["[Content_Types].xml"] = _content_types(data["[Content_Types].xml"], parts, remaining)
    for part in parts:
        del data[part]
    return parts


def unsigned_line(name: str, what: str) -> str:
    """The report's line on the workbook ``name`` whose signature :func:`unsign` removed (``what``: the change).

    >>> unsigned_line("t.xlsx", "the new months")[:60]
    't.xlsx: its digital signature was removed: the new months ar'
    """
    return (
        f"{name}: its digital signature was removed: {what} are not what was signed (Excel removes it too when it "
        "saves a changed workbook); sign it again in Excel (File > Info > Protect Workbook > Add a Digital Signature)"
    )


def drop_signatures(source: str | os.PathLike[str], result: str | os.PathLike[str]) -> set[str]:
    """Remove the digital signature from ``result`` (the recalculated copy of ``source``) where one of the parts it
    signs differs between the two, or is gone; returns those parts (empty: not removed; ``{""}``: removed, a
    signature naming no part). ``result`` is rewritten in place (a file of the caller's own, not yet at its final
    path); a workbook without a signature is left untouched."""
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(result) as after:
        elements, parts, signed = signature_parts(after)
        if not parts:
            return set()
        names = set(after.namelist())
        old_names = set(before.namelist())
        changed = {
            part
            for part in signed
            if part not in names or part not in old_names or before.read(part) != after.read(part)
        }
        if not signed:
            changed = {""}
        if not changed:
            return set()
        remaining = names - parts
        staged = Path(result).with_name(Path(result).name + ".unsigned")
        with zipfile.ZipFile(staged, "w") as out:
            for item in after.infolist():
                if item.filename in parts:
                    continue
                data = after.read(item)
                if item.filename == "_rels/.rels":
                    for element in elements:
                        data = data.replace(element, b"")
                elif item.filename == "[Content_Types].xml":
                    data = _content_types(data, parts, remaining)
                out.writestr(item, data, compress_type=item.compress_type)
            out.comment = after.comment
    os.replace(staged, result)
    return changed
