"""A sheet's name in a formula, a defined name or a chart series, as Excel writes it.

Excel leaves a name unquoted when it is made of letters of any script, digits, ``_`` and ``.`` and does not start
with a digit: ``Übersicht!A1``, ``Лист1!$A$1`` (Russian Excel's first sheet), ``データ!B2``, ``Sheet1!A1``; it quotes
any other, a quote in it doubled: ``'Sheet 1'!A1``, ``'2024'!A1``, ``'Q1-Q2'!A1``, ``'O''Brien'!A1``, and a name
that reads as a cell (``'A1'!B2``, ``'R1C1'!B2``). Every pattern that reads or writes a sheet-qualified reference
(the recalculation's rewrites, names and reasons; the workbook's stretching of names and charts) takes its sheet
from here, so a sheet named in German, Russian or Japanese is read as one named in English.

>>> import re
>>> [n for n in ("Übersicht", "Лист1", "データ", "हिन्दी", "Sheet 1", "2024", "Q1-Q2") if re.fullmatch(BARE, n)]
['Übersicht', 'Лист1', 'データ', 'हिन्दी']
>>> written("Данные"), written("Sheet 1"), written("A1"), written("O'Brien"), written("2024")
('Данные', "'Sheet 1'", "'A1'", "'O''Brien'", "'2024'")
"""

from __future__ import annotations

import re

#: the combining marks ``\\w`` leaves out that letters of a name carry: accents of a name saved decomposed
#: ("U" + U+0308 for "Ü"), Hebrew and Arabic points, the vowel signs of the Indic, Thai, Lao, Myanmar and Khmer
#: scripts (their whole blocks), the Japanese sound marks written apart (U+3099, U+309A)
MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\u3099\u309a\ufe20-\ufe2f"
)
#: a sheet's name as Excel writes it without quotes (regular-expression text, no groups)
BARE = rf"[^\W\d][\w.{MARKS}]*"
#: a sheet's name in quotes, a quote in it doubled (regular-expression text, no groups)
QUOTED = r"'(?:[^']|'')+'"
#: a sheet's name as a formula writes it, quoted or not (regular-expression text, no groups)
SHEET = rf"(?:{QUOTED}|{BARE})"
#: a defined name, a table's name or a LET/LAMBDA parameter as a formula writes it: a letter of any script, ``_`` or
#: ``\\`` first (``Ставка``, ``Zinssätze``, ``_xlpm.zähler``) (regular-expression text, no groups)
NAME = rf"(?:[^\W\d]|\\)[\w.{MARKS}]*"
#: a character of an unquoted sheet's name (for a hint or a look-behind: ``[\w.]`` with the marks)
CHARACTER = rf"[\w.{MARKS}]"

_BARE = re.compile(BARE)
#: names Excel quotes although they are made of letters and digits: a cell (A1, XFD1048576) or R1C1 reference, R, C
_CELL_LIKE = re.compile(r"(?i)[A-Z]{1,3}\d+|R\d*C?\d*|C\d*")


def is_bare(name: str) -> bool:
    """Whether ``name`` can stand in a formula without quotes (letters, digits, ``_``, ``.``; no digit first)."""
    return _BARE.fullmatch(name) is not None


def written(name: str) -> str:
    """``name`` as a formula writes it before ``!``: bare when Excel writes it so, else quoted."""
    if is_bare(name) and _CELL_LIKE.fullmatch(name) is None and name.upper() not in ("TRUE", "FALSE"):
        return name
    return "'" + name.replace("'", "''") + "'"


def unquoted(text: str) -> str:
    """A sheet's name as written in a formula (``'O''Brien'`` or ``Данные``) back to the name."""
    return text[1:-1].replace("''", "'") if text.startswith("'") else text


__all__ = ["BARE", "CHARACTER", "MARKS", "NAME", "QUOTED", "SHEET", "is_bare", "unquoted", "written"]
