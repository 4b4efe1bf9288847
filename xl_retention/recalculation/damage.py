"""What is damaged in a package the engine's reader refused, in one line that names the sheet, cell or part.

formualizer's reader (calamine) reports a damaged file in its own words (``Calamine error: Xlsx error: Xml error:
ill-formed document ...``, ``XlsxPathSource.SHARED_FILE``). :func:`damage` looks at the package with Python's own
zip and XML readers, after the engine has refused it, for the damage users meet (a truncated download, a buggy
generator): a sheet part that is missing or not well-formed XML, a cell referring to a shared string the file does
not have, a cell reference beyond Excel's last column or row.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from .xlsx_values import _local, _sheet_parts

__all__ = ["damage"]

_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/?)>")
_R = re.compile(rb"""\sr\s*=\s*["']([^"']*)["']""")
_SHARED = re.compile(rb"""\st\s*=\s*["']s["']""")
_VALUE = re.compile(rb"<(?:\w+:)?v>\s*([^<]*?)\s*</(?:\w+:)?v>")
_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")
_LAST_ROW, _LAST_COLUMN = 1048576, 16384


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _shared_count(package: zipfile.ZipFile) -> int | None:
    names = {n.lower(): n for n in package.namelist()}
    name = names.get("xl/sharedstrings.xml")
    if name is None:
        return 0
    try:
        root = ElementTree.fromstring(package.read(name))
    except ElementTree.ParseError:
        return None
    return sum(1 for element in root if _local(element.tag) == "si")


def damage(path: str | Path) -> str | None:
    """One line naming what is damaged in the .xlsx at ``path`` (the file's name first), or None when none of the
    damage looked for is found.

    Example: ``damage("cut.xlsx")`` -> ``"cut.xlsx: sheet 'Report' (xl/worksheets/sheet2.xml) is damaged: its XML is
    not well-formed at line 1, column 2051 (no element found)"``.
    """
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as package:
            try:
                parts = _sheet_parts(package)
            except (ValueError, KeyError, ElementTree.ParseError) as error:
                return f"{name}: its workbook part is damaged ({error})"
            for title, part in parts.items():
                if part is None:
                    return f"{name}: sheet {title!r} is named in the workbook but its part is missing from the file"
            shared = _shared_count(package)
            if shared is None:
                return f"{name}: its shared strings (xl/sharedStrings.xml) are not well-formed XML"
            for title, part in parts.items():
                if part is None:
                    continue
                xml = package.read(part)
                try:
                    ElementTree.fromstring(xml)
                except ElementTree.ParseError as error:
                    line, column = error.position
                    reason = str(error).split(":")[0]
                    return (
                        f"{name}: sheet {title!r} ({part}) is damaged: its XML is not well-formed at line {line}, "
                        f"column {column} ({reason}), as a file cut off in a download is"
                    )
                for match in _CELL.finditer(xml):
                    attrs = match.group(1)
                    found = _R.search(attrs)
                    ref = found.group(1).decode("utf-8", "replace") if found else ""
                    cell = _REF.fullmatch(ref)
                    outside = cell is not None and (
                        _column(cell.group(1)) > _LAST_COLUMN or not 1 <= int(cell.group(2)) <= _LAST_ROW
                    )
                    if found and (cell is None or outside):
                        return (
                            f"{name}: sheet {title!r} has a cell reference {ref!r}, which is not a cell of Excel's "
                            "sheets (columns A to XFD, rows 1 to 1,048,576)"
                        )
                    if match.group(2) or not _SHARED.search(attrs):
                        continue
                    value = _VALUE.search(xml, match.end(), match.end() + 200)
                    if value is not None and value.group(1).isdigit() and int(value.group(1)) >= shared:
                        return (
                            f"{name}: {title}!{ref} refers to shared string {int(value.group(1))}, and the file has "
                            f"{shared} (xl/sharedStrings.xml)"
                        )
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None
