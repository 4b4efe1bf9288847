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

__all__ = ["damage", "not_number", "not_number_reason"]

_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/?)>")
_R = re.compile(rb"""\sr\s*=\s*["']([^"']*)["']""")
_SHARED = re.compile(rb"""\st\s*=\s*["']s["']""")
_VALUE = re.compile(rb"<(?:\w+:)?v>\s*([^<]*?)\s*</(?:\w+:)?v>")
_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")
#: a stored value that is no number Excel reads (``abc``, ``NaN``, ``inf``: the engine's reader fails on the first and
#: reads the others as numbers); whether its cell stores a number (no ``t``, ``t="n"``) is told by :func:`not_number`
_NOT_NUMBER = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?v>(?!\s*(?:[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)?\s*<)([^<]*)<"
)
_CELL_START = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?c\s")
_KIND = re.compile(rb"""\st\s*=\s*["']([^"']*)["']""")
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


def not_number(xml: bytes) -> tuple[str, str] | None:
    """The reference and stored text of the first cell of a sheet part storing as a number (no ``t``, ``t="n"``) a
    text that is no number (H556's finding 04: ``<v>abc</v>`` failed the file in the engine reader's words, naming no
    cell; ``<v>NaN</v>`` was read as an error value said to be typed there); None where every one is a number.

    >>> not_number(b'<c r="A1"><v>1.5E-3</v></c><c r="A2" t="str"><v>abc</v></c><c r="A3" s="1"><v>NaN</v></c>')
    ('A3', 'NaN')
    >>> not_number(b'<c r="A1" t="e"><v>#N/A</v></c><c r="A2"><f>B1</f><v></v></c><c r="A3" t="n"><v> 2 </v></c>')
    """
    plain = None  # cells written <c r=...> (Excel, openpyxl), not <x:c r=...>: found by rfind, not by a pattern
    for found in _NOT_NUMBER.finditer(xml):
        if plain is None:
            plain = b"<c " in xml
        if plain:
            at = xml.rfind(b"<c ", 0, found.start())
            if at < 0:
                continue
            at += 3
        else:
            starts = list(_CELL_START.finditer(xml, max(0, found.start() - 4096), found.start()))
            if not starts:
                continue
            at = starts[-1].end()  # the cell holding the value
        head = xml[at : xml.find(b">", at)]
        kind = _KIND.search(head)
        if kind is not None and kind.group(1).strip() not in (b"n", b""):
            continue
        ref = _R.search(b" " + head)
        return (ref.group(1).decode("utf-8", "replace") if ref else "?"), found.group(1).decode("utf-8", "replace")
    return None


def not_number_reason(name: str, sheet: str, ref: str, text: str) -> str:
    """The refusal of a file whose cell stores a number that is no number (:func:`not_number`).

    >>> not_number_reason("book.xlsx", "My S", "A2", "abc")
    "book.xlsx: 'My S'!A2 stores 'abc' as a number, which no Excel reads: type the number again"
    """
    from ..sheet_names import written  # noqa: PLC0415

    return f"{name}: {written(sheet)}!{ref} stores {text!r} as a number, which no Excel reads: type the number again"


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
                stored = not_number(xml)
                if stored is not None:
                    return not_number_reason(name, title, *stored)
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
