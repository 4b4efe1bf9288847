"""``CELL("filename", reference)``: the path of the workbook and the sheet of ``reference``, as Excel gives it.

Microsoft's CELL page: "filename: Filename (including full path) of the file that contains reference, as text", which
Excel writes as ``<folder><separator>[<file name>]<sheet>`` (``C:\\Reports\\[monthly.xlsx]Jan 2026``). The engine has no
such function; :func:`cell_filenames` puts that text in place of each call that names its reference, computed from
the path of the file being recalculated (what Excel shows when the file is opened from there). Monthly-tab workbooks
read their own sheet's name from it (``=MID(CELL("filename",A1),FIND("]",CELL("filename",A1))+1,255)``), which does
not depend on the folder. A call without a reference (the sheet of the cell last changed) is left as it is.

>>> cell_filenames('=MID(CELL("filename",A1),FIND("]",CELL("filename",A1))+1,255)', "Jan 2026", "/data/b.xlsx")
'=MID("/data/[b.xlsx]Jan 2026",FIND("]","/data/[b.xlsx]Jan 2026")+1,255)'
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..sheet_names import SHEET

__all__ = ["cell_filenames", "file_text", "may_name_file", "unresolved_filename"]

_CALL = re.compile(r'(?i)(?<![\w.])CELL\(\s*"filename"\s*,')
#: a reference typed in (a defined name's sheet is not in the formula: left as it is)
_REFERENCE = re.compile(r"(?:" + SHEET + r"!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?")


def may_name_file(text: str) -> bool:
    """Whether ``text`` (a formula) may call ``CELL("filename", reference)`` (cheap)."""
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


def cell_filenames(formula: str, sheet: str, path: str | os.PathLike[str]) -> str:
    """``formula`` with each ``CELL("filename", reference)`` as the text Excel gives (see the module docstring);
    ``sheet``: the formula's own sheet (a reference without one is on it). The same text when there is none."""
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
        out.append(token.value)
        i += 1
    return "=" + "".join(out) if changed else formula
