"""SpreadsheetML written with a namespace prefix (``<x:worksheet xmlns:x="...">``), as the .NET Open XML SDK writes it.

The prefix is only notation (XML Namespaces 1.0): Excel, LibreOffice and openpyxl read such a workbook, the embedded
engine's reader does not (it finds no cells). :func:`unprefixed` gives a copy of the package whose parts bound to the
SpreadsheetML namespace by a prefix use it as their default namespace instead: the engine computes that copy, and
the writer (which reads prefixes) stores the values in the workbook itself, its bytes otherwise as they were.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

__all__ = ["unprefixed", "unprefixed_part"]

_MAIN = (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",)
#: the root element of a part (after the XML declaration and comments): its prefix and its attributes
_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*):([A-Za-z_][\w.\-]*)(\s[^>]*)?>")
_DEFAULT = re.compile(rb"""\sxmlns\s*=""")


_PREFIXED = re.compile(rb"<[A-Za-z_][\w.\-]*:(?:workbook|worksheet|sst|styleSheet|chartsheet|dialogsheet)[\s>/]")


def _xml(item: zipfile.ZipInfo) -> bool:
    return item.filename.lower().endswith(".xml")


def _head(package: zipfile.ZipFile, item: zipfile.ZipInfo) -> bytes:
    with package.open(item) as stream:
        return stream.read(4096)


def unprefixed_part(data: bytes) -> bytes | None:
    """``data`` (an XML part) with the SpreadsheetML prefix of its root made the default namespace; None when its
    root has no such prefix, or has a default namespace of its own (then left as it is)."""
    head = data[:4096]
    start = head.find(b"<", head.find(b"?>") + 2 if head.startswith(b"<?xml") else 0)
    while head.startswith(b"<!--", start):
        start = head.find(b"<", head.find(b"-->", start) + 3)
    root = _ROOT.match(head, start) if start >= 0 else None
    if root is None or root[3] is None or _DEFAULT.search(root[3]):
        return None
    prefix = re.escape(root[1])
    declared = re.search(rb"\sxmlns:" + prefix + rb"""\s*=\s*["']([^"']*)["']""", root[3])
    if declared is None or declared[1] not in _MAIN:
        return None
    data = re.sub(rb"<(/?)" + prefix + rb":(?=[A-Za-z_])", rb"<\1", data)
    return re.sub(rb"(\s)xmlns:" + prefix + rb"(\s*=)", rb"\1xmlns\2", data, count=1)


def unprefixed(path: str | Path) -> bytes | None:
    """The package at ``path`` with its prefixed SpreadsheetML parts unprefixed (see the module docstring), as the
    bytes of a zip; None when no part is prefixed.

    >>> main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    >>> unprefixed_part(b'<x:worksheet xmlns:x="' + main + b'" xmlns:r="rel"><x:sheetData><x:row r="1"/></x:sheetData>'
    ...       b"</x:worksheet>") == b'<worksheet xmlns="' + main + b'" xmlns:r="rel"><sheetData><row r="1"/>' \\
    ...       b"</sheetData></worksheet>"
    True
    """
    with zipfile.ZipFile(path) as package:  # the common case reads each part's head only
        if not any(_PREFIXED.search(_head(package, item)) for item in package.infolist() if _xml(item)):
            return None
    changed = False
    out = io.BytesIO()
    with zipfile.ZipFile(path) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in package.infolist():
            data = package.read(item)
            if _xml(item):
                plain = unprefixed_part(data)
                if plain is not None:
                    data, changed = plain, True
            copy.writestr(item, data)
    return out.getvalue() if changed else None
