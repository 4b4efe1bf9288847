"""What a workbook's package says about its formulas beyond their text, for :func:`.embedded.compute`.

- whether the values it stores are Excel's current answers (XlsxWriter's placeholder 0s, values another spreadsheet
  program computed, a workbook Excel saved in manual calculation without recalculating are not: :func:`placeholders`,
  ``other_application``);
- links to other workbooks written without Excel's external-link part (:func:`unread_link`);
- our functions as Excel saves them when called through Office.js (xlwings Lite, xlwings Server: ``_xldudf_CRR``) and
  the workbook's own LAMBDAs named like ours (:func:`officejs_calls`, :func:`own_functions`);
- structured references built when a formula runs (:func:`table_reference`).
"""

from __future__ import annotations

import re
from typing import Any

from ..registry import BY_NAME
from ..sheet_names import CHARACTER
from .formula_texts import FormulaTexts
from .omitted_arguments import omit_empty_arguments
from .package import PackageInfo
from .structured_references import _structured
from .text_literals import LITERALS as _LITERALS

__all__ = [
    "UNREAD_LINK_REASON",
    "lotus_reason",
    "officejs_calls",
    "officejs_name",
    "other_application",
    "own_functions",
    "placeholders",
    "table_reference",
    "unread_link",
]


#: a reference to another workbook by its file name (``'[Q1 2026.xlsx]Churn'!$B$2``, ``'C:\\R\\[Q1.xlsx]S'!A1``,
#: ``[Q1.xlsx]S!A1``) or by a link number (``[1]S!A1``)
_LINK = re.compile(
    r"(?:'(?:[^'\[]|'')*\[(?P<quoted>[^\]]+)\](?:[^']|'')*'|(?<![\w\]])\[(?P<book>[^\]]+)\]" + CHARACTER + r"+)!"
)  # '[1]Q1 data'!A1 (a sheet name with a space, quoted with its link number) or [1]Churn!A1
#: spreadsheet programs other than Excel that compute and store values when they save an .xlsx (docProps/app.xml)
#: Excel itself as docProps/app.xml names it (Windows "Microsoft Excel", Mac "Microsoft Macintosh Excel", as the
#: Excel-saved workbooks hold; the web's "Microsoft Excel Online"): the only program whose
#: stored values are Excel's
_EXCEL_APPLICATION = re.compile(r"\s*Microsoft (?:Macintosh )?Excel\b", re.IGNORECASE)


def other_application(application: str) -> bool:
    """Whether the program that saved the file last, as docProps/app.xml names it, is not Excel (LibreOffice,
    ONLYOFFICE, Gnumeric, WPS, Google Sheets, ...) or is not named (no docProps/app.xml, which Excel always writes and
    adds when it saves a file that had none; EPPlus stores computed values without one): its stored values are not
    Excel's.

    >>> other_application("Microsoft Excel"), other_application("Microsoft Macintosh Excel")
    (False, False)
    >>> other_application("ONLYOFFICE/7.5.1.23"), other_application("LibreOffice/7.4.7.2$Linux"), other_application("")
    (True, True, True)
    """
    return _EXCEL_APPLICATION.match(application) is None


UNREAD_LINK_REASON = (
    "reads another workbook of which the file holds no copy (a link written without Excel's external-link part): "
    "the embedded engine cannot read it"
)


def lotus_reason(sheet: str) -> str:
    """Why a formula cell of a sheet with Excel's Lotus 1-2-3 "Transition formula evaluation" is not computed."""
    return (
        f'sheet {sheet!r} uses Excel\'s Lotus 1-2-3 transition formula evaluation (sheetPr transitionEvaluation="1"): '
        "Excel computes its formulas by Lotus rules (text counts 0, a comparison gives 1 or 0), which the embedded "
        "engine does not; recalculate it with --engine excel, or turn the option off in Excel (File > Options > "
        "Advanced > Lotus compatibility settings)"
    )


def unread_link(text: str, linked: bool) -> bool:
    """Whether ``text`` (a formula) reads another workbook the engine has no copy of: one named by its file, or by a
    link number in a workbook without Excel's external-link parts."""
    for match in _LINK.finditer(_LITERALS.sub('""', text)):
        if not linked or not (match.group("book") or match.group("quoted") or "").isdigit():
            return True
    return False


#: the text of a structured reference to a table by its name: ``Sales[Customers]``, ``Sales[[#All],[Amount]]``
_TABLE_TEXT = re.compile(r"([A-Za-z_\\][\w.]*)\[.*\]", re.DOTALL)


def table_reference(tables: list[Any]) -> Any:
    """The engine function ``_XLR.TABLEREF(text, sheet, row, column)``: the A1 text of the range a structured
    reference's text names (for the formula's cell: ``T[@B]``), any other text (or value) as it is."""
    by_name = {t.name.lower(): t for t in tables}

    def reference(text: Any, sheet: Any, row: Any, col: Any) -> Any:
        if isinstance(text, list):
            text = text[0][0] if text and isinstance(text[0], list) else (text[0] if text else "")
        if not isinstance(text, str) or "[" not in text or not isinstance(row, int | float):
            return text
        found = _structured(text.strip(), by_name, str(sheet), int(row), int(col))
        if found is None and (shape := _TABLE_TEXT.fullmatch(text.strip())) and shape.group(1).lower() not in by_name:
            found = "#REF!"  # Sales2[Customers] of no table Sales2: no reference, Excel's INDIRECT gives #REF!
        if found is not None and found.startswith("#"):  # a column not in the table (#REF!), @ outside it (#VALUE!)
            return {"type": "Error", "kind": found}
        return found if found is not None else text

    return reference


def placeholders(info: PackageInfo) -> bool:
    """Whether every value the file stores for a formula is 0 (or none): what XlsxWriter (pandas' .xlsx writer) stores
    in place of a result it does not compute, in a workbook it marks for a full calculation on load."""
    return all(
        cell.cached is None or type(cell.cached) in (int, float) and cell.cached == 0
        for cells in info.formulas.values()
        for cell in cells.values()
    )


_OFFICEJS_CALL = re.compile(r"(?i)(?<![\w.])_xldudf_([A-Z0-9_.]+)\(")


def officejs_name(stored: str) -> str | None:
    """The registry function an Office.js custom-function call names as Excel saves it (``_xldudf_`` + the
    function, after xlwings' namespace and "_" when it has one: ``XLWINGS_CHURN_RATE``), or None. Only xlwings'
    namespace (xlwings Lite's and Server's) is ours: another add-in's function of one of our names
    (``CONTOSO_CLV``) is that add-in's, whose definition is not ours (Excel's stored value is kept and the cell
    listed), and so is a function of the user's own in the same add-in whose name ends with one of ours
    (``XLWINGS_ADJUSTED_CRR``, ``XLWINGS_PROMOTER_NPS``).

    >>> officejs_name("CRR"), officejs_name("XLWINGS_CHURN_RATE"), officejs_name("OTHER_FN")
    ('CRR', 'CHURN_RATE', None)
    >>> officejs_name("XLWINGS_ADJUSTED_CRR"), officejs_name("XLWINGS_PROMOTER_NPS"), officejs_name("XLWINGS_NPS")
    (None, None, 'NPS')
    >>> officejs_name("CONTOSO_CLV"), officejs_name("xlwings_clv")
    (None, 'CLV')
    """
    name = stored.upper()
    if name in BY_NAME:
        return name
    space, _, rest = name.partition("_")
    return rest if space == "XLWINGS" and rest in BY_NAME else None


def officejs_calls(
    formulas: dict[str, FormulaTexts], sheets: set[str], rewritten: list[tuple[str, int, int, str]]
) -> list[tuple[str, int, int, str]]:
    """``rewritten`` with every call of one of our functions saved as an Office.js custom function (xlwings Lite,
    xlwings Server: ``_xldudf_CRR(...)``) made a call of the function itself; other ``_xldudf_`` calls stay (the
    engine gives #NAME?, and the cell keeps Excel's value: :mod:`.unsupported`)."""
    done = {(sheet, r, c): new for sheet, r, c, new in rewritten}

    def ours(match: re.Match[str]) -> str:
        name = officejs_name(match.group(1))
        return f"{name}(" if name else match.group(0)

    for sheet in sheets:
        found = formulas.get(sheet)
        for (r, c), stored in found.master_texts() if found is not None else ():
            if "_xldudf_" in stored.lower():
                before = done.get((sheet, r, c), "=" + stored)
                # outside text in quotes ("see _xldudf_XLWINGS_CRR(..)" stays); (A1:A6,): missing, not 0
                pieces = re.split(r'("(?:[^"]|"")*")', before)
                calls = "".join(p if k % 2 else _OFFICEJS_CALL.sub(ours, p) for k, p in enumerate(pieces))
                after = omit_empty_arguments(calls)
                if after != before:
                    done[(sheet, r, c)] = after
    return [(sheet, r, c, new) for (sheet, r, c), new in done.items()]


def own_functions(formula_names: dict[str, dict[str, str]]) -> frozenset[str]:
    """The registry functions the workbook defines a LAMBDA of its own for (a name NPS = LAMBDA(r, ...)): its formulas
    mean the workbook's LAMBDA, so ours is not registered (the engine then lists the cells it cannot compute)."""
    return frozenset(
        name.upper()
        for scope in formula_names.values()
        for name, text in scope.items()
        if name.upper() in BY_NAME and re.match(r"(?i)\s*=?\s*(?:_xlfn\.)?LAMBDA\(", text)
    )
