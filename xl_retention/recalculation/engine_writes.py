"""The package the engine reads with the rewritten formulas written in (moved out of :mod:`.engine`, at 599 lines, by
H342): :func:`with_formulas` writes each in its cell's ``<f>``, so that formualizer reads them with the file and builds
its dependency graph once (issue 14, bench/README.md); :func:`worksheet_names`, the sheets it will hold.
"""

from __future__ import annotations

import io
import re
import zipfile

from .package_parts import part_bytes
from .xlsx_values import _sheet_parts

__all__ = ["with_formulas", "worksheet_names"]

#: a cell of some columns (their letters between the two; ``r`` the cell's first attribute, as Excel writes it) and its
#: formula: its own ``<f>``, or a copy of a shared formula (``<f t="shared" si="0"/>``; a group's first cell, with
#: ``ref``, and array formulas do not match)
_CELL_FORMULA = (rb'<c r="((?:', rb')[0-9]{1,7})"(?:\s[^>/]*)?>(<f>[^<]*</f>|<f t="shared" si="[0-9]+"\s*/>)')
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # no XML 1.0 text holds them


def worksheet_names(package: str | bytes) -> list[str]:
    """The worksheets' titles, in the workbook's order, as the package's relationships name them (chart sheets, dialog
    and macro sheets left out): what the engine's ``sheet_names`` should be (:func:`.embedded.compute` checks)."""
    with zipfile.ZipFile(io.BytesIO(package) if isinstance(package, bytes) else package) as source:
        parts = _sheet_parts(source)
    return [title for title, part in parts.items() if part is not None and "/worksheets/" in part.lower()]


def with_formulas(package: str | bytes, rewritten: list[tuple[str, int, int, str]]) -> bytes | None:
    """The package :func:`.engine.load` reads (a file's path, or :func:`.package.without_members`' bytes), with each
    rewritten formula (``(sheet, row, column, "=formula")``) written into its cell's ``<f>`` element: the engine
    then reads them with the file and builds its dependency graph once (setting them after loading builds it twice:
    bench/README.md, issue 14). None when one of them cannot be written there as the cell's own formula: its cell's
    formula is not a plain ``<f>`` or a shared formula's copy (``<f t="shared" si="0"/>``: the group's first cell,
    an array formula or a data table keep their kind), its cell or sheet is not found, its text holds a character
    XML cannot, or it calls INDIRECT (the engine reads a computed reference, ``INDIRECT("S0!A"&ROW())``, only in
    formulas set after loading: from the file it gives #REF!).
    """
    texts = [formula for *_, formula in rewritten]
    if not all(formula.startswith("=") for formula in texts):
        return None
    joined = "\n".join(texts)
    if "INDIRECT" in joined.upper() or _UNWRITABLE.search(joined):  # INDIRECT("S0!A"&ROW()) read with the file is
        return None  # the engine's #REF!, set after loading its value
    letters: dict[int, bytes] = {}
    wanted: dict[str, dict[bytes, bytes]] = {}
    for sheet, r, c, formula in rewritten:
        text = formula[1:].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
        column = letters.get(c) or letters.setdefault(c, _letters(c).encode())
        wanted.setdefault(sheet, {})[b"%s%d" % (column, r)] = text.encode("utf-8")
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package) if isinstance(package, bytes) else package) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as copy,
    ):
        parts = {part: sheet for sheet, part in _sheet_parts(source).items() if part and sheet in wanted}
        if len(parts) != len(wanted):
            return None
        for entry in source.infolist():
            data = part_bytes(source, entry)  # (decompressed once: .package_parts)
            sheet = parts.get(entry.filename)
            if sheet is not None:
                data = _written(data, wanted[sheet])
                if data is None:
                    return None
            copy.writestr(entry.filename, data)
    return buffer.getvalue()


def _written(xml: bytes, cells: dict[bytes, bytes]) -> bytes | None:
    """A sheet part's XML with ``cells[b"B2"]`` (escaped text) as each cell's formula; None if one is not found once
    with a plain ``<f>`` or a shared formula's copy."""
    # a cell's text in a comment is no cell (memchr for "!", in both, first: 0.2 ms of a 4.8 MB sheet, not 5)
    if b"!" in xml and (b"<!--" in xml or b"<![CDATA[" in xml):
        return None
    columns = sorted({ref.rstrip(b"0123456789") for ref in cells}, key=len, reverse=True)
    chunks: list[bytes] = []
    last = 0
    done: set[bytes] = set()
    for found in re.finditer(_CELL_FORMULA[0] + b"|".join(columns) + _CELL_FORMULA[1], xml):
        ref = found.group(1)
        text = cells.get(ref)
        if text is None:
            continue
        if ref in done:  # the same cell twice: which one the engine reads is its own affair
            return None
        chunks += [xml[last : found.start(2)], b"<f>", text, b"</f>"]
        last = found.end(2)
        done.add(ref)
    if len(done) != len(cells):
        return None
    chunks.append(xml[last:])
    return b"".join(chunks)


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
