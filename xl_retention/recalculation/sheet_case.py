"""Sheet names spelled in other capitals than their tab, as Excel reads them: the same sheet.

Excel matches a sheet's name without regard to case (``data!A1``, ``'DATA'!A1`` and ``Data!A1`` are the tab Data),
and writes it as the tab is spelled, quoted only where the name needs it. Names written by programs keep the
spelling they were given (openpyxl's ``DefinedName(attr_text="data!$A$1:$A$3")``); formualizer resolves such a name
to nothing (#NAME?, SUM 0, ROWS 1). :func:`respelled` writes each sheet of a name's formula as Excel would, so that
the engine and the rewrites read it as the tab.

>>> respelled("data!$A$1:$A$3", ["Data", "Out"]), respelled("'DATA'!$A$1+'Out'!B2", ["Data", "Out"])
('Data!$A$1:$A$3', 'Data!$A$1+Out!B2')
>>> respelled("SUM(data:DATA2!$A$1)&\\"data!A1\\"", ["Data", "Data2"]), respelled("[1]data!A1", ["Data"])
('SUM(Data:Data2!$A$1)&"data!A1"', '[1]data!A1')
>>> respelled("'my sheet'!A1+'JAN 25:mar 25'!B2", ["My Sheet", "Jan 25", "Mar 25"])
"'My Sheet'!A1+'Jan 25:Mar 25'!B2"

Excel's match ignores simple (one letter for one letter) case only: ``Strasse`` and ``Straße`` are two tabs, where
``str.casefold`` would make them one. A name spelled as a tab is that tab; a name two tabs match alike is left as
written.

>>> respelled("strasse!A1+STRASSE!A2+Straße!A3", ["Strasse", "Straße"])
'Strasse!A1+Strasse!A2+Straße!A3'
>>> respelled("data!A1+Data!A2", ["DATA", "Data"])
'data!A1+Data!A2'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..sheet_names import CHARACTER, SHEET, unquoted, written
from .text_literals import LITERALS as _TEXT

__all__ = ["miscased", "respell_formulas", "respelled"]

#: a sheet before its ``!``, or the two ends of a 3-D reference (``Jan:Mar!``), not after ``]`` (another workbook)
_SHEET_REF = re.compile(r"(?<![\]'])(?<!" + CHARACTER + r")(" + SHEET + r")(?::(" + SHEET + r"))?!")


def respelled(text: str, titles: Iterable[str]) -> str:
    """``text`` (a formula, without or with ``=``) with each sheet it names spelled as the workbook's tab ``titles``
    (and quoted as Excel writes it); ``text`` itself when every sheet is spelled so (or names none there)."""
    if "!" not in text:
        return text
    titles = list(titles)
    exact = set(titles)
    by_fold: dict[str, str | None] = {}
    for title in titles:
        key = _folded(title)
        by_fold[key] = title if key not in by_fold else None  # two tabs alike: no respelling

    def tab(name: str) -> str | None:
        return name if name in exact else by_fold.get(_folded(name))

    def sheet(name: str) -> str | None:
        return tab(unquoted(name))

    def one(match: re.Match[str]) -> str:
        first, last = match.group(1), match.group(2)
        if last is None and first.startswith("'") and ":" in unquoted(first):  # 'Jan 25:Mar 25'!: quoted 3-D
            start, _, end = unquoted(first).partition(":")
            ends = tab(start), tab(end)
            if None in ends:
                return match.group(0)
            return "'" + ":".join(e.replace("'", "''") for e in ends) + "'!"  # type: ignore[union-attr]
        found = sheet(first), sheet(last) if last is not None else None
        if found[0] is None or (last is not None and found[1] is None):
            return match.group(0)
        if last is None:
            return written(found[0]) + "!"
        both = [written(t) for t in found]  # type: ignore[arg-type]
        if any(w.startswith("'") for w in both):
            return "'" + ":".join(t.replace("'", "''") for t in found) + "'!"  # type: ignore[union-attr]
        return ":".join(both) + "!"

    out, position = [], 0
    for literal in (*_TEXT.finditer(text), None):
        end = literal.start() if literal is not None else len(text)
        out.append(_SHEET_REF.sub(one, text[position:end]))
        if literal is not None:
            out.append(literal.group(0))
            position = literal.end()
    new = "".join(out)
    return text if new == text else new


def _folded(text: str) -> str:
    """``text`` with each letter in one case by its simple (one letter to one letter) mapping, as Excel compares
    sheet names: 'ß' stays 'ß' (``casefold`` makes it 'ss'), 'ﬁ' stays 'ﬁ'; 'Σ', 'σ' and 'ς' are one letter.

    >>> _folded("Straße"), _folded("STRASSE"), _folded("ΣΟΦΟΣ") == _folded("σοφος") == _folded("σοφοσ")
    ('straße', 'strasse', True)
    """
    if text.isascii():
        return text.lower()
    out = []
    for char in text:
        upper = char.upper()
        if len(upper) != 1:
            out.append(char)
            continue
        lower = upper.lower()
        out.append(lower if len(lower) == 1 else upper)
    return "".join(out)


def miscased(texts: str, titles: Iterable[str]) -> bool:
    """Whether formula ``texts`` (joined) may name a sheet of ``titles`` in other capitals than its tab (``data!A1``
    for Data, ``'DATA'!A1``): a quick test (a title found more often without regard to case than as spelled) before
    :func:`respelled` is run over each formula; a word that only looks so (SUM for a sheet Sum) costs that run only.

    >>> miscased("SUM(data!A1:A3)", ["Data"]), miscased("Data!A1+'My Sheet'!B2+Data2!A1", ["Data", "My Sheet"])
    (True, False)
    >>> miscased("SUM(DATA:Data2!A1)", ["Data", "Data2"]), miscased("x!A1", ["Data"])
    (True, False)
    """
    folded = _folded(texts)
    return any(folded.count(_folded(title)) > texts.count(title) for title in titles)


def respell_formulas(cells: Iterable[Any], titles: Iterable[str]) -> None:
    """Each formula cell's ``text`` (a sheet's :class:`~.sheet_cells.FormulaCell`) with its sheets spelled as the tabs,
    where any of them names one in other capitals (:func:`miscased`; else nothing is changed)."""
    named = [cell for cell in cells if cell.text and "!" in cell.text]
    titles = list(titles)
    if not named or not miscased("\n".join(cell.text for cell in named), titles):
        return
    for cell in named:
        cell.text = respelled(cell.text, titles)
