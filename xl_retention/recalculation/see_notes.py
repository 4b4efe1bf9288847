"""A template's note "see Customers!G3: ..." naming the sheet as it is now, after the user renamed it.

The tracker's notes beside a cell in error say where the error is: ``"see Customers!"&ADDRESS(LOOKUP(2,1/ISERROR(
Customers_Churn),ROW(Customers_Churn)),COLUMN(Customers_Churn),4)&": ..."``. The sheet's name is text there, which
Excel does not rename with the sheet (its references and the template's names follow it); recalc passed the note on
as its reason (:func:`.reasons.pass_reasons_on`), sending the user to a sheet the workbook no longer has. Where the
note's sheet is not in the workbook, :func:`see_note_now` names the sheet the note's ``ADDRESS`` reads (through the
names and references it is given), as :func:`..workbook.see_texts.follow_renamed_sheets` rewrites the formula on
``import`` and ``extend``.
"""

from __future__ import annotations

import re

from ..sheet_names import NAME, SHEET, written

__all__ = ["see_note_now"]

_SEE = re.compile(r"see (" + SHEET + r")!")
_REFERENCE = re.compile(r"(" + SHEET + r")!\$?[A-Za-z]{1,3}\$?\d*")
_NAME_TOKEN = re.compile(r"(?<![\w.$'!\[\]])(" + NAME + r")(?![\w.(!\[])")


def _unquoted(sheet: str) -> str:
    return sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet


def see_note_now(
    note: str, formula: str | None, sheet: str, sheets: list[str], names: dict[str, dict[str, str]] | None
) -> str:
    """``note`` (``"see Customers!G3: ..."``, the value of ``formula`` on ``sheet``) naming the sheet its ``ADDRESS``
    reads, where the sheet it names is none of ``sheets`` and that one sheet is found (``names``: the defined names
    of a reference by scope, ``""`` the workbook's); else ``note`` as it is.

    >>> see_note_now("see Customers!G3: correct it.", '="see Customers!"&ADDRESS(ROW(Churn),COLUMN(Churn),4)&": ..."',
    ...              "LTV", ["Clients 2026", "LTV"], {"": {"Churn": "'Clients 2026'!$G$2:$G$9"}})
    "see 'Clients 2026'!G3: correct it."
    """
    found = _SEE.match(note)
    if found is None or formula is None:
        return note
    old = _unquoted(found.group(1))
    lower = {s.lower(): s for s in sheets}
    if old.lower() in lower:
        return note
    literal = f'"see {old.replace(chr(34), chr(34) * 2)}!"'
    at = formula.find(literal)
    if at < 0:
        return note
    rest = formula[at + len(literal) :]
    if not re.match(r"\s*&\s*ADDRESS\(", rest, re.IGNORECASE):
        return note
    read = {_unquoted(m.group(1)).lower() for m in _REFERENCE.finditer(rest)}
    targets = {n.lower(): t for scope in ("", sheet) for n, t in (names or {}).get(scope, {}).items()}
    for token in _NAME_TOKEN.findall(rest):
        target = _REFERENCE.match(targets.get(token.lower(), "").strip().removeprefix("="))
        if target is not None:
            read.add(_unquoted(target.group(1)).lower())
    now = [lower[s] for s in read if s in lower]
    if len(now) != 1:
        return note
    return f"see {written(now[0])}!" + note[found.end() :]
