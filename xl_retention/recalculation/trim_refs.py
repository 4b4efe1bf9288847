"""Excel's trim references as the user wrote them: ``A1:.A20`` is stored ``_xlfn._TRO_TRAILING(A1:A20)``.

Microsoft's TRIMRANGE page: a trim reference replaces a range's colon by ``.:.`` (trim leading and trailing blanks,
``TRIMRANGE(A1:E10,3,3)``), ``:.`` (trailing, ``TRIMRANGE(A1:E10,2,2)``) or ``.:`` (leading,
``TRIMRANGE(A1:E10,1,1)``); a file stores them as the internal functions ``_TRO_ALL``, ``_TRO_TRAILING`` and
``_TRO_LEADING`` (EPPlus's "Trim reference operator" page). A reason or a formula text shown to the user names the
reference as written, never the internal function (``unsupported function _TRO_TRAILING`` named nothing the user
typed).
"""

from __future__ import annotations

import re

__all__ = ["OPERATORS", "as_written", "refusal"]

#: the internal function a file stores -> the trim reference's operator
OPERATORS = {"_TRO_ALL": ".:.", "_TRO_TRAILING": ":.", "_TRO_LEADING": ".:"}
_TRIMS = {"_TRO_ALL": 3, "_TRO_TRAILING": 2, "_TRO_LEADING": 1}  # TRIMRANGE's trim_rows and trim_cols
_SHEET = r"(?:'(?:[^']|'')+'|[^\s'!():,;=+\-*/&^<>\"]+)!"
_CALL = re.compile(
    r"(?i)(?:_xlfn\.)?(_TRO_ALL|_TRO_TRAILING|_TRO_LEADING)\(\s*"
    r"(?P<range>(?:" + _SHEET + r")?\$?[A-Z]{0,3}\$?\d*:\$?[A-Z]{0,3}\$?\d*)\s*\)"
)
_OTHER = re.compile(r"(?i)(?:_xlfn\.)?(_TRO_ALL|_TRO_TRAILING|_TRO_LEADING)\((?P<inner>[^()]*)\)")


def _written(match: re.Match[str]) -> str:
    operator = OPERATORS[match.group(1).upper()]
    left, right = match["range"].rsplit(":", 1)
    return f"{left}{operator}{right}"


def as_written(text: str) -> str:
    """``text`` (a formula as stored) with each trim reference as Excel shows it; a trim function around anything
    but a range (never written by Excel) as the TRIMRANGE it stands for.

    >>> as_written("SUM(_xlfn._TRO_TRAILING(A1:A20))"), as_written("ROWS(_xlfn._TRO_ALL('My data'!B:B))")
    ('SUM(A1:.A20)', "ROWS('My data'!B.:.B)")
    >>> as_written("SUM(_xlfn._TRO_LEADING(Data))")
    'SUM(TRIMRANGE(Data,1,1))'
    """
    text = _CALL.sub(_written, text)
    return _OTHER.sub(_trimrange, text)


def _trimrange(match: re.Match[str]) -> str:
    trims = _TRIMS[match.group(1).upper()]
    return f"TRIMRANGE({match['inner']},{trims},{trims})"


def refusal(name: str, formula: str) -> tuple[str, str] | None:
    """(what, reason) for a cell the engine cannot compute because it holds the trim function ``name`` (without its
    ``_xlfn.``), naming the reference as written; None for any other function.

    >>> refusal("_TRO_TRAILING", "=SUM(_xlfn._TRO_TRAILING(A1:A20))")
    ('trim reference :.', "unsupported trim reference A1:.A20 (the :. of TRIMRANGE's trailing trim)")
    """
    operator = OPERATORS.get(name.upper())
    if operator is None:
        return None
    found = next((m for m in _CALL.finditer(formula) if m.group(1).upper() == name.upper()), None)
    kind = {".:.": "leading and trailing", ":.": "trailing", ".:": "leading"}[operator]
    shown = f"{_written(found)} " if found is not None else ""
    return (
        f"trim reference {operator}",
        f"unsupported trim reference {shown}(the {operator} of TRIMRANGE's {kind} trim)",
    )
