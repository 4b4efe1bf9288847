"""Whether the embedded engine has a function, and which functions a formula calls (split from :mod:`.unsupported`:
the listings of cells the engine cannot compute ask both)."""

from __future__ import annotations

import formualizer as fz
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..registry import BY_NAME
from .excel_functions import FUNCTIONS as EXCEL_FUNCTIONS

__all__ = ["engine_knows", "formula_functions"]

_KNOWN: dict[str, bool] = {}


def engine_knows(name: str) -> bool:
    """Whether formualizer (or the registry, or this package's Excel functions put in every workbook it computes:
    WRAPROWS, REGEXTEST, ...) has the function ``name``."""
    if name in BY_NAME or name in EXCEL_FUNCTIONS:
        return True
    if name not in _KNOWN:
        probe = fz.Workbook()
        probe.sheet("P").set_formula(1, 1, f"={name}()")
        probe.evaluate_all()
        value = probe.get_value("P", 1, 1)
        _KNOWN[name] = not (isinstance(value, dict) and str(value.get("kind", "")).lower() == "name")
    return _KNOWN[name]


def formula_functions(formula: str) -> list[tuple[str, bool]]:
    """The functions a formula calls: (name without Excel's storage prefixes, whether stored with ``_xlfn.``)."""
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula).items
    except Exception:
        return []
    names = []
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper()
            for prefix in ("_XLFN._XLWS.", "_XLFN.", "_XLWS."):
                name = name.removeprefix(prefix)
            names.append((name, token.value.upper().startswith("_XLFN.")))
    return names
