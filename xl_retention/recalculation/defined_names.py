"""Names defined by a formula (``DynOff = OFFSET(T!$A$2,0,0,COUNT(T!$A:$A),1)``), for the formula rewrite.

formualizer 0.13 resolves names that denote a range, and answers #NAME? for a name defined by a
formula or a constant: a dynamic named range, ``LastVal = INDEX(T!$A:$A,COUNTA(T!$A:$A))``,
``Rate = 0.05``. :func:`defined_formulas` reads those from ``xl/workbook.xml``; the rewrite
(:mod:`.rewrite`) puts each one's formula, in brackets, where a cell formula uses the name,
which is what Excel computes.
"""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

_REFERENCE = re.compile(
    r"(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?"
    r"|(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}"
    r"|(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\$?\d+:\$?\d+"
)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def defined_formulas(path: str) -> dict[str, dict[str, str]]:
    """``{"" (the workbook) or a sheet's title: {name in lower case: its formula, without "="}}``.

    Only names the engine does not resolve itself: not one area (``Sheet1!$A$1:$B$2``), not Excel's
    own (``_xlnm.Print_Area``, the ``_xlfn.`` placeholders of newer functions), not an external link.
    """
    with zipfile.ZipFile(path) as package:
        try:
            root = ElementTree.fromstring(package.read("xl/workbook.xml"))
        except KeyError:
            return {}
    titles = [sheet.get("name", "") for sheet in root.iter(f"{_MAIN}sheet")]
    out: dict[str, dict[str, str]] = {}
    for element in root.iter(f"{_MAIN}definedName"):
        name, text = element.get("name") or "", (element.text or "").strip()
        if not name or not text or name.lower().startswith(("_xlnm.", "_xlfn.", "_xlws.")):
            continue
        if _REFERENCE.fullmatch(text) or "[" in text:
            continue
        local = element.get("localSheetId")
        scope = titles[int(local)] if local is not None and local.isdigit() and int(local) < len(titles) else ""
        out.setdefault(scope, {})[name.lower()] = text.removeprefix("=")
    return out
