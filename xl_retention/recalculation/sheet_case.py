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
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..sheet_names import CHARACTER, SHEET, unquoted, written

__all__ = ["miscased", "respelled"]

#: a sheet before its ``!``, or the two ends of a 3-D reference (``Jan:Mar!``), not after ``]`` (another workbook)
_SHEET_REF = re.compile(r"(?<![\]'])(?<!" + CHARACTER + r")(" + SHEET + r")(?::(" + SHEET + r"))?!")
_TEXT = re.compile(r'"(?:[^"]|"")*"')


def respelled(text: str, titles: Iterable[str]) -> str:
    """``text`` (a formula, without or with ``=``) with each sheet it names spelled as the workbook's tab ``titles``
    (and quoted as Excel writes it); ``text`` itself when every sheet is spelled so (or names none there)."""
    if "!" not in text:
        return text
    by_fold = {title.casefold(): title for title in titles}

    def sheet(name: str) -> str | None:
        return by_fold.get(unquoted(name).casefold())

    def one(match: re.Match[str]) -> str:
        first, last = match.group(1), match.group(2)
        if last is None and first.startswith("'") and ":" in unquoted(first):  # 'Jan 25:Mar 25'!: quoted 3-D
            start, _, end = unquoted(first).partition(":")
            ends = by_fold.get(start.casefold()), by_fold.get(end.casefold())
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


#: a run of a formula's characters before ``!`` (a sheet, or both ends of a 3-D reference), in a part's bytes
_BEFORE_MARK = re.compile(rb"('(?:[^']|'')+'|[^\s\"'<>=(),;&+\-*/^!{}\[\]%]+)!")


def miscased(xml: bytes, titles: Iterable[str]) -> bool:
    """Whether a sheet part's XML names a sheet of ``titles`` in other capitals than its tab (``data!A1`` for Data,
    ``'DATA'!A1``): a quick test before :func:`respelled` is run over its formulas.

    >>> miscased(b"<f>SUM(data!A1:A3)</f>", ["Data"]), miscased(b"<f>Data!A1+'My Sheet'!B2</f>", ["Data", "My Sheet"])
    (True, False)
    >>> miscased(b"<f>SUM(DATA:Data2!A1)</f>", ["Data", "Data2"]), miscased(b"<f>x!A1</f>", ["Data"])
    (True, False)
    """
    exact = set(titles)
    folded = {title.casefold() for title in exact}
    for raw in set(_BEFORE_MARK.findall(xml)):
        text = raw.decode("utf-8", "replace")
        for part in unquoted(text).split(":") if text.startswith("'") else text.split(":"):
            if part not in exact and part.casefold() in folded:
                return True
    return False
