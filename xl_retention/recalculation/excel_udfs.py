"""Whether an installed Excel can compute a workbook's xl-retention functions (``CRR``, ``NPS``, ``SBG_FIT``, ...).

Excel has none of them: they come from xlwings. Classic xlwings (the add-in, Windows only) computes them through the
``xlwings_udfs`` VBA module that Import Functions writes into a macro-enabled workbook (.xlsm, .xlsb); on macOS there
are no classic UDFs, an .xlsx holds no VBA, and the Office.js route (xlwings Server, Lite) runs inside Excel's task
pane, not in an Excel that xlwings opens invisibly. Such an Excel shows ``#NAME?`` for every call, which would be
saved as the results. So ``recalc --engine auto`` gives Excel a workbook calling them only where that Excel can run
them (:func:`excel_computes`), and after any Excel run :func:`uncomputed` names the cells of ours that Excel did not
compute: then nothing is saved (auto computes the workbook on the embedded engine instead, ``--engine excel``
refuses with :func:`uncomputed_line`). ``--engine excel`` does not give Excel a workbook :func:`excel_computes` says
it cannot compute at all (:func:`excel_refusal`): a call wrapped in ``IFERROR(CRR(..),0)`` reads 0, not ``#NAME?``.
"""

from __future__ import annotations

import html
import re
import sys
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..cells import CellError
from ..registry import BY_NAME

__all__ = ["FunctionsNotComputed", "calls_ours", "excel_computes", "excel_refusal", "uncomputed", "uncomputed_line"]

#: what a cell of ours reads where that Excel did not compute it: an unknown function (#NAME?), an Office.js
#: function still running or not loaded (#BUSY!, #GETTING_DATA)
NOT_COMPUTED = ("#NAME?", "#BUSY!", "#GETTING_DATA")

#: what Excel needs to compute them (README, "In Excel")
SET_UP = (
    "Excel computes them only through the xlwings add-in on Windows: an .xlsm with UDF Modules = xl_retention.udfs,"
    " Import Functions run and the VBA reference to xlwings set (README, 'In Excel'); or use --engine embedded"
)


class FunctionsNotComputed(RuntimeError):
    """Excel did not compute cells calling xl-retention functions (``cells``: ``Sheet!A1``, ``code``: what one read)."""

    def __init__(self, cells: list[str], code: str) -> None:
        super().__init__(uncomputed_line(cells, code))
        self.cells, self.code = cells, code
        self.where = f"{_listed(cells)} ({code})"


def _listed(cells: list[str]) -> str:
    more = f" and {len(cells) - 5} more" if len(cells) > 5 else ""
    return f"{', '.join(cells[:5])}{more}"


def our_function(name: str) -> str | None:
    """The registry function a call's name is, as Excel writes it: plain (classic xlwings), in xlwings' Office.js
    namespace (``XLWINGS.CRR``, saved as ``_xldudf_XLWINGS_CRR``); else None.

    >>> our_function("CRR"), our_function("xlwings.nps"), our_function("_xldudf_XLWINGS_CHURN_RATE"), our_function("X")
    ('CRR', 'NPS', 'CHURN_RATE', None)
    """
    name = name.upper().removeprefix("_XLDUDF_").replace(".", "_")
    if name in BY_NAME:
        return name
    space, _, rest = name.partition("_")
    return rest if space == "XLWINGS" and rest in BY_NAME else None


def calls_ours(formula: str) -> bool:
    """Whether ``formula`` calls an xl-retention function (a name in a text, ``"CRR("``, is no call).

    >>> calls_ours('=IF(B5="","",CRR(D5,C5,B5))'), calls_ours('=SUM(A1:A3)&"CRR(1)"'), calls_ours("=XLWINGS.NPS(A:A)")
    (True, False, True)
    """
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula).items
    except Exception:  # a formula the tokenizer cannot split: any name of ours in it counts
        return bool(_CALL.search(formula))
    return any(
        token.type == Token.FUNC and token.subtype == Token.OPEN and our_function(token.value[:-1]) is not None
        for token in tokens
    )


def uncomputed(formulas: Mapping[str, Mapping[str, Any]], values: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The cells (``Sheet!A1``) whose formula calls an xl-retention function and whose value, as Excel computed it,
    reads :data:`NOT_COMPUTED` (``#NAME?``): Excel did not have the function. ``formulas`` and ``values`` map each
    sheet to its cells (``{"Customers": {"F5": "=CRR(D5,C5,B5)"}}``; a value an error code or a CellError).

    >>> uncomputed({"S": {"A1": "=CRR(1,2,3)", "A2": "=SUM(B1)", "A3": '=IF(B1="","",NPS(C:C))'}},
    ...            {"S": {"A1": "#NAME?", "A2": "#NAME?", "A3": ""}})
    ['S!A1']
    """
    found = []
    for sheet, cells in formulas.items():
        for ref, formula in cells.items():
            value = values.get(sheet, {}).get(ref)
            code = value.code if isinstance(value, CellError) else value
            if code in NOT_COMPUTED and isinstance(formula, str) and calls_ours(formula):
                found.append(f"{sheet}!{ref}")
    return found


def uncomputed_line(cells: list[str], code: str = "#NAME?") -> str:
    """One line naming the cells Excel did not compute (the first five), and what it needs.

    >>> uncomputed_line(["Customers!F5", "Customers!F6"])[:86]
    'Excel did not compute the xl-retention functions in Customers!F5, Customers!F6 (#NAME?'
    """
    return (
        f"Excel did not compute the xl-retention functions in {_listed(cells)} ({code}: it has no such"
        f" function), nothing saved; {SET_UP}"
    )


_CALL = re.compile(
    r"(?<![\w.])(?:_xldudf_)?(?:xlwings[._])?(?:" + "|".join(sorted(BY_NAME, key=len, reverse=True)) + r")\(",
    re.IGNORECASE,
)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*>([^<]*)</(?:\w+:)?f>")
_DEFINED = re.compile(rb"<(?:\w+:)?definedName\b[^>]*>([^<]*)</(?:\w+:)?definedName>")


def workbook_calls_ours(path: str | Path) -> bool:
    """Whether a formula (or a defined name) of the workbook at ``path`` may call an xl-retention function: read
    from its XML by name (a name of ours in a formula's text counts too: the embedded engine is then chosen, which
    computes every workbook). An unreadable file: True (the engine's own reading then says why)."""
    try:
        with zipfile.ZipFile(path) as package:
            for member in package.namelist():
                if member.startswith("xl/worksheets/") and member.endswith(".xml") or member == "xl/workbook.xml":
                    pattern = _DEFINED if member == "xl/workbook.xml" else _FORMULA
                    for text in pattern.findall(package.read(member)):
                        if _CALL.search(html.unescape(text.decode("utf-8", "replace"))):
                            return True
    except (OSError, zipfile.BadZipFile, KeyError):
        return True
    return False


def has_udf_module(path: str | Path) -> bool:
    """Whether the workbook at ``path`` holds a VBA project with xlwings' ``xlwings_udfs`` module (written by the
    add-in's Import Functions: the wrappers through which classic xlwings computes our functions)."""
    try:
        with zipfile.ZipFile(path) as package:
            projects = [n for n in package.namelist() if n.lower().endswith("vbaproject.bin")]
            data = b"".join(package.read(n) for n in projects)
    except (OSError, zipfile.BadZipFile, KeyError):
        return False
    return b"xlwings_udfs" in data or "xlwings_udfs".encode("utf-16-le") in data


def excel_computes(path: str | Path, platform: str | None = None) -> bool:
    """Whether an installed Excel can compute the workbook at ``path``: one calling no xl-retention function, or,
    on Windows (``platform``, default ``sys.platform``), a macro-enabled workbook with the ``xlwings_udfs`` module."""
    if not workbook_calls_ours(path):
        return True
    return (platform or sys.platform) == "win32" and has_udf_module(path)


def excel_refusal(path: str | Path, platform: str | None = None) -> str | None:
    """The line refusing ``--engine excel`` for the workbook at ``path`` where Excel (on ``platform``, default
    ``sys.platform``) cannot compute its xl-retention functions (:func:`excel_computes`), else None. Said before
    Excel starts: after its run only a cell of ours reading ``#NAME?`` shows it, and a formula wrapping one
    (``=IFERROR(CRR(..),0)``) reads its fallback, which would be saved as the figure (H336's review of 3f24fbbb).
    An unreadable file is refused too (:func:`workbook_calls_ours`); :func:`.batch.recalc_file` reads it first."""
    if excel_computes(path, platform):
        return None
    where = {
        "win32": "on Windows without the xlwings_udfs module (an .xlsm with the add-in's Import Functions run)",
        "darwin": "on macOS (no classic xlwings functions there)",
    }.get(platform or sys.platform, "here")
    return (
        f"{Path(path).name}: --engine excel: it calls xl-retention functions (CRR, NPS, ...), which Excel cannot"
        f" compute {where}: they would read #NAME?, and a formula around one (IFERROR(CRR(..),0)) its fallback, saved"
        " as the figure; not given to Excel, nothing saved; use --engine embedded"
    )
