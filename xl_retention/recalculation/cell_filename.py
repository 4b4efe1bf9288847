"""``CELL("filename", reference)``: the path of the workbook and the sheet of ``reference``, as Excel gives it.

Microsoft's CELL page: "filename: Filename (including full path) of the file that contains reference, as text", which
Excel writes as ``<folder><separator>[<file name>]<sheet>`` (``C:\\Reports\\[monthly.xlsx]Jan 2026``). The engine has no
such function; :func:`cell_filenames` puts that text in place of each call that names its reference, computed from
the path of the file being recalculated (what Excel shows when the file is opened from there). Monthly-tab workbooks
read their own sheet's name from it (``=MID(CELL("filename",A1),FIND("]",CELL("filename",A1))+1,255)``), which does
not depend on the folder. A call without a reference (the sheet of the cell last changed) is left as it is.

``CELL("address", reference)`` of a reference on another sheet is ``[b.xlsx]Other!$B$2`` in Excel, the workbook's
name before the sheet (the engine left it out): such a call, or one whose reference is computed or a name, is
passed through ``_XLR.BOOKADDRESS`` with the file's name (:mod:`.excel_functions.information`).

>>> cell_filenames('=MID(CELL("filename",A1),FIND("]",CELL("filename",A1))+1,255)', "Jan 2026", "/data/b.xlsx")
'=MID("/data/[b.xlsx]Jan 2026",FIND("]","/data/[b.xlsx]Jan 2026")+1,255)'
>>> cell_filenames('=CELL("address",Other!B2)&CELL("address",S!B2)', "S", "/data/b.xlsx")
'=_XLR.BOOKADDRESS(CELL("address",Other!B2),"b.xlsx")&CELL("address",S!B2)'
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..sheet_names import SHEET
from .excel_functions.information import BOOK_ADDRESS

__all__ = ["cell_filenames", "file_text", "may_name_file", "unresolved_filename"]

_CALL = re.compile(r'(?i)(?<![\w.])CELL\(\s*"(?:filename|address)"\s*,')
#: a reference typed in (a defined name's sheet is not in the formula: left as it is)
_REFERENCE = re.compile(r"(?:" + SHEET + r"!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?")


def may_name_file(text: str) -> bool:
    """Whether ``text`` (a formula) may call ``CELL("filename", reference)`` or ``CELL("address", reference)``
    (cheap)."""
    return _CALL.search(text) is not None


_ANY_CALL = re.compile(r'(?i)(?<![\w.])CELL\(\s*"filename"')


def unresolved_filename(text: str) -> bool:
    """Whether ``text`` (a formula) calls ``CELL("filename")`` in a form :func:`cell_filenames` leaves as it is (no
    reference typed in): the engine cannot compute it."""
    return _ANY_CALL.search(cell_filenames(text, "S", "book.xlsx")) is not None


def file_text(path: str | os.PathLike[str], sheet: str) -> str:
    """What Excel's CELL("filename") gives for ``sheet`` of the workbook at ``path``."""
    where = Path(path).resolve()
    folder = str(where.parent).rstrip("\\/")
    return f"{folder}{os.sep}[{where.name}]{sheet}"


def cell_filenames(formula: str, sheet: str, path: str | os.PathLike[str], names: dict[str, str] | None = None) -> str:
    """``formula`` with each ``CELL("filename", reference)`` as the text Excel gives (see the module docstring);
    ``sheet``: the formula's own sheet (a reference without one is on it); ``names``: defined names (lower case) ->
    their reference, a name given to ``CELL("address", ..)`` written as its reference (the engine's address of a name
    leaves out its sheet). The same text when there is none."""
    if not may_name_file(formula):
        return formula
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # not a formula the tokenizer understands: the engine decides
        return formula
    out: list[str] = []
    changed = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == Token.FUNC and token.subtype == Token.OPEN and token.value.upper().lstrip(":") == "CELL(":
            inner = [(k, t) for k, t in enumerate(tokens[i + 1 : i + 6], start=i + 1) if t.type != Token.WSPACE]
            if (
                len(inner) >= 4
                and inner[0][1].subtype == Token.TEXT
                and inner[0][1].value.lower() == '"filename"'
                and inner[1][1].type == Token.SEP
                and inner[2][1].type == Token.OPERAND
                and inner[2][1].subtype == Token.RANGE
                and _REFERENCE.fullmatch(inner[2][1].value)
                and inner[3][1].type == Token.FUNC
                and inner[3][1].subtype == Token.CLOSE
            ):
                reference = inner[2][1].value
                own = sheet
                if "!" in reference:
                    own = reference.rpartition("!")[0]
                    if own.startswith("'") and own.endswith("'"):
                        own = own[1:-1].replace("''", "'")
                text = file_text(path, own)
                out.append('"' + text.replace('"', '""') + '"')
                changed = True
                i = inner[3][0] + 1
                continue
            end = _close(tokens, i)
            if (
                len(inner) >= 3
                and end is not None
                and inner[0][1].subtype == Token.TEXT
                and inner[0][1].value.lower() == '"address"'
                and inner[1][1].type == Token.SEP
                and not _own_sheet_cells(tokens[inner[1][0] + 1 : end + 1], sheet)
            ):  # CELL("address", Other!B2): Excel's text names the workbook too (.excel_functions.information)
                argument = [t for t in tokens[inner[1][0] + 1 : end] if t.type != Token.WSPACE]
                target = (names or {}).get(argument[0].value.lower()) if len(argument) == 1 else None
                if target is not None and "!" in target and argument[0].subtype == Token.RANGE:
                    argument[0].value = target  # CELL("address",Far), Far = Other!$D$4: the reference itself
                call = "".join(t.value for t in tokens[i : end + 1])
                book = Path(path).name.replace('"', '""')
                out.append(f'{BOOK_ADDRESS}({call},"{book}")')
                changed = True
                i = end + 1
                continue
        out.append(token.value)
        i += 1
    return "=" + "".join(out) if changed else formula


def _close(tokens: list[Token], start: int) -> int | None:
    """The index of the token closing the call opening at ``tokens[start]``."""
    depth = 0
    for k in range(start, len(tokens)):
        token = tokens[k]
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
            if depth == 0:
                return k
    return None


def _own_sheet_cells(argument: list[Token], sheet: str) -> bool:
    """Whether ``argument`` (CELL's reference, its closing bracket last) is cells of the formula's own ``sheet``
    typed in (``B2``, ``$B$2:C3``, ``S!B2`` on S): Excel's address names no sheet then, as the engine's."""
    parts = [t for t in argument[:-1] if t.type != Token.WSPACE]
    if len(parts) != 1 or parts[0].type != Token.OPERAND or parts[0].subtype != Token.RANGE:
        return False
    reference = parts[0].value
    if _REFERENCE.fullmatch(reference) is None:
        return False  # a defined name (its sheet not in the formula)
    if "!" not in reference:
        return True
    where = reference.rpartition("!")[0]
    where = where[1:-1].replace("''", "'") if where.startswith("'") and where.endswith("'") else where
    return where.lower() == sheet.lower()
