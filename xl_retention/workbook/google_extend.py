"""Google Sheets' formulas kept as their value in its .xlsx download, over the months ``extend`` would add (H346).

Google's download writes a formula Excel has no form of (an ``ARRAYFORMULA``, ``QUERY``, ``FILTER`` of Google's,
``IMPORTRANGE``) as ``IFERROR(__xludf.DUMMYFUNCTION("<Google's formula>"),<the value it showed>)``, and each other
cell its array fills with the text COMPUTED_VALUE (quoted) in place of the formula. Google's formula is a text:
``extend`` widened a formula of the user's over the months (``=SUM(Customers!D2:D7)`` to ``D2:D9``) but left
``ARRAYFORMULA(Customers!D2:D7-Customers!B2:B7)`` as it was, its array short of the new months, silently. Its value
is Google's, fixed: no widening makes Excel compute the new months there. :func:`google_over_months` finds those
whose Google formula reads a range ending at the tracker's last month (what extend widens in a formula of Excel's);
``extend`` refuses, naming them, nothing changed. A range open at its end (``Customers!D2:D``, Google's usual form in
an ARRAYFORMULA) or ending elsewhere needs no widening and is not named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from . import inplace as ip
from .stretch import stretch_formula

__all__ = ["google_formula", "google_over_months", "refuse_google_over_months"]

_CELL_F = re.compile(rb"<(?:[\w.\-]+:)?c\b[^>]*?\br=\"([A-Z]+[0-9]+)\"[^>]*>\s*<(?:[\w.\-]+:)?f\b[^>]*>([^<]*)</")
_DUMMY = re.compile(r"__xludf\.DUMMYFUNCTION\(", re.IGNORECASE)
_CHUNK = re.compile(r'\s*"((?:[^"]|"")*)"\s*')
#: the cells named before "and N more"
FIRST = 3


def google_formula(formula: str) -> str | None:
    """The formula of Google Sheets' a downloaded cell's ``formula`` keeps as a text in ``__xludf.DUMMYFUNCTION``
    (its chunks joined, quotes undoubled: Google splits a text longer than Excel's 255 characters with ``&``), or
    None for any other formula (and for a spilled cell's ``COMPUTED_VALUE``).

    >>> google_formula('=IFERROR(__xludf.DUMMYFUNCTION("ARRAYFORMULA(IF(A2:A>0,A2:A*2,0))"),5)')
    'ARRAYFORMULA(IF(A2:A>0,A2:A*2,0))'
    >>> google_formula('IFERROR(__xludf.DUMMYFUNCTION("QUERY(A:B,""select A"")"&" limit 2"),"x")')
    'QUERY(A:B,"select A") limit 2'
    """
    found = _DUMMY.search(formula)
    if found is None:
        return None
    at, chunks = found.end(), []
    while True:
        chunk = _CHUNK.match(formula, at)
        if chunk is None:
            break
        chunks.append(chunk.group(1).replace('""', '"'))
        at = chunk.end()
        if formula.startswith("&", at):
            at += 1
            continue
        break
    text = "".join(chunks)
    return None if not chunks or text == '"COMPUTED_VALUE"' else text


def google_over_months(package: ip.Package, titles: Iterable[str], rows: tuple[int, int]) -> list[tuple[str, str, str]]:
    """(sheet, cell, Google's formula) of each cell of ``package`` holding Google's download form of a formula
    (:func:`google_formula`) that reads a range over one of the monthly sheets ``titles`` ending at their last month
    row (``rows``: that row and the new last row: what :func:`.stretch.stretch_formula` widens), in sheet order."""
    titles = list(titles)
    found = []
    for title, part in package.parts.items():
        data = package.data.get(part) if part is not None else None
        if data is None or b"DUMMYFUNCTION" not in data.upper():
            continue
        for match in _CELL_F.finditer(data):
            google = google_formula(ip.unescape(match.group(2)))
            if google is None:
                continue
            if any(stretch_formula(google, t, rows, local=t == title) != google for t in titles):
                found.append((title, match.group(1).decode(), google))
    return found


def refuse_google_over_months(
    name: str, package: ip.Package, sheets: dict[str, Any], last: Any, added: int, command: str = "extend"
) -> None:
    """Refuse to add ``added`` months after ``last`` to the tracker ``name`` (``package``; ``sheets``: its monthly
    sheets, :func:`.found.read_sheets`) where a formula of Google Sheets' kept as its value reads the months through
    ``last`` (:func:`google_over_months`): one line naming the cells, their formulas and what to do. ``command``:
    ``extend``, or ``import`` (``import --into`` adds the months its data covers the same way: H354)."""
    from ..sheet_names import written

    base = next(iter(sheets.values()))
    found = google_over_months(package, [s.spec.title for s in sheets.values()], (base.last_row, base.last_row + added))
    if not found:
        return
    said = "; ".join(
        f"{written(title)}!{ref} ({google if len(google) <= 80 else google[:77] + '...'})"
        for title, ref, google in found[:FIRST]
    )
    more = f" and {len(found) - FIRST} more" if len(found) > FIRST else ""
    raise ip.LayoutError(
        f"{name}: {len(found)} formula{'s' * (len(found) > 1)} of Google Sheets' read the months through {last}, "
        f"which its download keeps as the value Google showed (IFERROR(__xludf.DUMMYFUNCTION(...), value)): {said}"
        f"{more}; {command} cannot widen {'them' if len(found) > 1 else 'it'} to the new months (Excel computes no "
        "Google formula: the new months would be left out, silently): in Google Sheets, end those ranges open "
        "(Customers!D2:D) or paste the cells as values (Paste special > Values only), download the file again and "
        f"{'extend it' if command == 'extend' else 'import into it'}; nothing was changed"
    )
