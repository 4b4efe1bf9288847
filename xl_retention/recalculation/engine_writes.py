"""The package the engine reads with the rewritten formulas written in (moved out of :mod:`.engine`, at 599 lines, by
H342): :func:`with_formulas` writes each in its cell's ``<f>``, so that formualizer reads them with the file and builds
its dependency graph once (issue 14, bench/README.md); :func:`worksheet_names`, the sheets it will hold.
"""

from __future__ import annotations

import io
import re
import zipfile
from itertools import compress, repeat
from operator import is_not

from .package_parts import part_bytes
from .xlsx_values import _sheet_parts

__all__ = ["with_formulas", "worksheet_names"]

#: a cell of some columns (their letters between the two; ``r`` the cell's first attribute, as Excel writes it) and its
#: formula: its own ``<f>``, or a copy of a shared formula (``<f t="shared" si="0"/>``; a group's first cell, with
#: ``ref``, and array formulas do not match), in three groups: the cell's start tag, its reference (inside the start
#: tag), its formula (``split`` keeps all three)
_CELL_SPLIT = (rb'(<c r="((?:', rb')[0-9]{1,7})"(?:\s[^>/]*)?>)(<f>[^<]*</f>|<f t="shared" si="[0-9]+"\s*/>)')
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
    # every text escaped and encoded in one pass over them all (no formula holds a NUL: _UNWRITABLE, above)
    joined = "\0".join([formula[1:] for formula in texts])
    if "&" in joined or "<" in joined or ">" in joined or "\r" in joined:
        joined = joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    encoded = joined.encode("utf-8").split(b"\0")
    letters: dict[int, bytes] = {}
    wanted: dict[str, dict[bytes, bytes]] = {}
    for (sheet, r, c, _), text in zip(rewritten, encoded, strict=True):
        column = letters.get(c) or letters.setdefault(c, _letters(c).encode())
        wanted.setdefault(sheet, {})[b"%s%d" % (column, r)] = text
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
    # one split at the formula cells of those columns, each new formula put in its cell's slot, one join: no Python
    # code a cell where every one of them is rewritten (=IF(G2>0.95,..) filled down: 10,000 cells of a 4.8 MB sheet
    # in about 25 ms, not 40 one match at a time)
    pieces = re.split(_CELL_SPLIT[0] + b"|".join(columns) + _CELL_SPLIT[1], xml)  # text, tag, ref, formula, text..
    refs = pieces[2::4]
    texts = list(map(cells.get, refs))
    if None in texts:  # a formula cell of those columns not rewritten: its own formula kept (found at C level)
        at = list(compress(range(len(texts)), map(is_not, texts, repeat(None))))
        hits = [refs[k] for k in at]
        if len(hits) != len(cells) or len(set(hits)) != len(hits):  # one not found, or the same cell twice (which
            return None  # one the engine reads is its own affair)
        for k in at:
            pieces[4 * k + 3] = b"<f>" + texts[k] + b"</f>"  # type: ignore[operator]  # (not None: at)
    else:
        if len(refs) != len(cells) or len(set(refs)) != len(refs):  # as above
            return None
        if texts:  # (a text holds no NUL: with_formulas)
            pieces[3::4] = (b"<f>" + b"</f>\0<f>".join(texts) + b"</f>").split(b"\0")  # type: ignore[arg-type]
    del pieces[2::4]  # the references (inside the start tags, kept whole)
    return b"".join(pieces)


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
