"""A workbook's own VBA functions named as xl-retention's: the cells calling them are listed, Excel's values kept.

A formula's plain ``NPS(A2:A9)`` calls the workbook's own VBA ``Function NPS`` where its VBA project
(``xl/vbaProject.bin``) has one in a standard module: that is what Excel computed and stored. The engine never read
the VBA and computed xl-retention's NPS there instead (0.5 became 50, its dependents followed, status ok: H151's
finding 04). xlwings' classic wrappers of our functions are such VBA functions too, but their body calls
``XLPy.CallUDF("xl_retention.udfs", "NPS", ...)`` (xlwings' ``generate_vba_wrapper``): those are ours. The VBA is
read with oletools' olevba (the OLE file and MS-OVBA's compressed module sources); where it cannot be read, every
call of one of our functions in that workbook is listed, as it may be the VBA's.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..registry import BY_NAME
from .formula_texts import FormulaTexts
from .text_literals import LITERALS
from .unsupported import Unsupported

__all__ = ["vba_functions", "vba_shadowed"]

#: a Function or Property Get a worksheet formula can call: not Private (a standard module's public ones)
_DECLARATION = re.compile(
    r"(?im)^[ \t]*(?:(public|private|friend)[ \t]+)?(?:static[ \t]+)?(?:function|property[ \t]+get)[ \t]+"
    r"([A-Za-z][A-Za-z0-9_]*)"
)
_END = re.compile(r"(?im)^[ \t]*end[ \t]+(?:function|property)\b")
#: the module xlwings' wrappers of our functions call
_OURS = "xl_retention.udfs"

_REASON = (
    "{name} is a VBA function of this workbook (module {module}), which Excel calls here, not xl-retention's {name}; "
    "the embedded engine does not run VBA, so it does not compute it"
)
_UNREAD_REASON = (
    "the workbook has a VBA project (xl/vbaProject.bin) the embedded engine could not read ({why}): a VBA function of "
    "its own named {name} would be what Excel calls here, not xl-retention's {name}, so it does not compute it"
)


def vba_functions(path: str | Path) -> dict[str, str] | str:
    """The functions the workbook's own VBA defines that a worksheet formula can call, by name in upper case, each
    with its module's name, leaving out xlwings' wrappers of our functions; ``{}`` without a VBA project; the reason
    as text where the VBA project cannot be read."""
    try:
        with zipfile.ZipFile(path) as package:
            member = next((n for n in package.namelist() if n.lower() == "xl/vbaproject.bin"), None)
            if member is None:
                return {}
            data = package.read(member)
    except (OSError, zipfile.BadZipFile):
        return {}
    try:
        import olefile  # noqa: PLC0415  (only for a workbook with VBA)
        from oletools.olevba import VBA_Parser  # noqa: PLC0415
    except ImportError:
        return "oletools is not installed"
    if not olefile.isOleFile(data=data):
        return "xl/vbaProject.bin is no OLE compound file"
    found: dict[str, str] = {}
    try:
        parser = VBA_Parser(str(path), data=data)
        for _, _, filename, code in parser.extract_macros():
            if not str(filename).lower().endswith(".bas"):  # a sheet's or a class's module: no worksheet function
                continue
            module = str(filename).rsplit(".", 1)[0]
            for name, body in _functions(code):
                if _OURS not in body.lower():
                    found.setdefault(name.upper(), module)
    except Exception as error:  # noqa: BLE001  (a damaged or encrypted project: said, not guessed)
        return f"{type(error).__name__}: {error}"[:120]
    return found


def _functions(code: str) -> list[tuple[str, str]]:
    """(name, body) of each public Function and Property Get of one module's source."""
    out = []
    for match in _DECLARATION.finditer(code):
        if (match.group(1) or "").lower() == "private":
            continue
        end = _END.search(code, match.end())
        out.append((match.group(2), code[match.start() : end.end() if end else len(code)]))
    return out


def vba_shadowed(
    path: str | Path, formulas: dict[str, FormulaTexts], listed: set[tuple[str, str]]
) -> list[Unsupported]:
    """The formula cells calling one of xl-retention's functions that the workbook's own VBA defines (or may define:
    a VBA project that cannot be read), each with its reason; ``listed``: cells already listed, left alone."""
    functions = vba_functions(path)
    if not functions:
        return []
    ours = {name.upper() for name in BY_NAME}
    names = sorted(ours if isinstance(functions, str) else ours & set(functions), key=len, reverse=True)
    if not names:
        return []
    call = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, names)) + r")\s*\(", re.IGNORECASE)
    found = []
    for sheet, texts in formulas.items():
        if call.search(texts.upper_text()) is None:
            continue
        for place, text in texts.master_texts():
            ref = texts.refs[place]
            used = call.search(LITERALS.sub('""', text))
            if used is None or (sheet, ref) in listed:
                continue
            name = used.group(1).upper()
            if isinstance(functions, str):
                reason = _UNREAD_REASON.format(why=functions, name=name)
            else:
                reason = _REASON.format(name=name, module=functions[name])
            found.append(Unsupported(sheet, ref, name, reason))
    return found
