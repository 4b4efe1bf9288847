"""A formula's text with the parentheses that keep a reference out of arithmetic masked (H543's finding 06).

:mod:`.literal_reasons` names the cells a ``#VALUE!`` formula takes in arithmetic that hold a text Excel reads as no
number, finding them by their neighbours: a cell beside an operator (``B2+C2``), or inside parentheses beside one
(``-(C2``, ``C2)*2``). Two kinds of parentheses made that untrue:

- a call of a function that reads its arguments as text and gives none of it (FIND, LEN, COUNTIF, ...): in
  ``LEFT(A1,FIND("-",A1)-1)`` A1 is FIND's text, and the #VALUE! is FIND finding no "-", yet A1 ('Pro') was said to
  be "no number";
- a group whose value is a comparison or a concatenation: in ``SUM(--(A1:A6="Pro"))`` the minus signs take the
  comparison's TRUE/FALSE, not A1:A6, yet the range's text was said to be "no number".

:func:`arithmetic_view` gives the text with those parentheses replaced by a character no pattern takes for one
(same length, so every position stays), so neither is read as an operand of the operator beside it.
"""

from __future__ import annotations

import re

__all__ = ["arithmetic_view"]

#: functions that read their arguments as text (or find, count, test them) and give no text of them: a reference given
#: to one is no operand of the arithmetic around the call (FIND("-",A1)-1 of 'Pro' is FIND's #VALUE!, not A1's). A
#: function giving its argument's text on (TRIM, LEFT, SUBSTITUTE: =TRIM(C1)*1 of '185\t') is not one of them.
TEXT_READERS = frozenset(
    (
        "FIND", "FINDB", "SEARCH", "SEARCHB", "LEN", "LENB", "EXACT", "CODE", "UNICODE", "N", "TYPE", "ISTEXT",
        "ISNONTEXT", "ISNUMBER", "ISBLANK", "ISERROR", "ISERR", "ISNA", "ISLOGICAL", "ISREF", "ISFORMULA",
        "COUNTIF", "COUNTIFS", "COUNTA", "COUNTBLANK", "COUNT", "MATCH", "XMATCH", "REGEXTEST", "ROW", "ROWS",
        "COLUMN", "COLUMNS",
    )
)  # fmt: skip
#: the character put in place of a masked parenthesis (no pattern of a reference or an operator takes it)
MASK = "\x00"
_NAME = re.compile(r"(?:_xlfn\.|_xlws\.)?([A-Za-z_][\w.]*)$")


def arithmetic_view(text: str) -> str:
    """``text`` (a formula, its string literals emptied) with the parentheses of calls of :data:`TEXT_READERS` and of
    groups holding a comparison or ``&`` at their own level replaced by :data:`MASK`.

    >>> arithmetic_view('LEFT(A1,FIND("-",A1)-1)').replace(MASK, "|")
    'LEFT(A1,FIND|"-",A1|-1)'
    >>> arithmetic_view('SUM(--(A1:A6="Pro"))+(B1)*2').replace(MASK, "|")
    'SUM(--|A1:A6="Pro"|)+(B1)*2'
    >>> arithmetic_view("-('Q1 (old)'!A1+1<>2)*(C1&D1)").replace(MASK, "|")
    "-|'Q1 (old)'!A1+1<>2|*|C1&D1|"
    """
    chars = list(text)
    opened: list[tuple[int, bool]] = []  # each open parenthesis: (its position, a call of a text reader)
    compared: list[bool] = []  # each open parenthesis: a comparison or & at its own level
    quoted = braced = False  # inside a quoted sheet name ('Q1 (old)'!A1), an array constant ({1,2})
    for i, ch in enumerate(text):
        if ch == "'":
            quoted = not quoted  # ('' inside a name toggles twice)
        elif quoted:
            continue
        elif ch in "{}":
            braced = ch == "{"
        elif ch == "(":
            name = _NAME.search(text[:i])
            opened.append((i, name is not None and name.group(1).upper() in TEXT_READERS))
            compared.append(False)
        elif ch == ")" and opened:
            start, reader = opened.pop()
            comparison = compared.pop()
            if reader or (comparison and not _NAME.search(text[:start])):
                chars[start] = chars[i] = MASK
        elif ch in "=<>&" and compared and not braced:
            compared[-1] = True
    return "".join(chars)
