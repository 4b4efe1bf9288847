"""What a reason says of a cell holding a text that Excel's arithmetic reads as no number (:mod:`.literal_reasons`):
``is the text 'abc', no number``, the spaces around it named (a tab, a no-break space), or ``holds only spaces``.
"""

from __future__ import annotations

from typing import Any

from .excel_functions.text import text_to_number

__all__ = ["no_number", "no_number_text"]


def no_number_text(held: Any) -> bool:
    """Whether ``held`` is a text Excel's arithmetic reads as no number (not a formula's "")."""
    return isinstance(held, str) and bool(held) and isinstance(text_to_number(held), str)


#: the spaces Excel's arithmetic does not skip, as a reason names them (:func:`no_number`)
_SPACE_NAMES = {
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a line break",
    "\u00a0": "a no-break space",
    "\u202f": "a narrow no-break space",
    "\u2009": "a thin space",
    "\u3000": "an ideographic space",
}


def no_number(held: str, made: bool = False) -> str:
    """What a reason says of a cell holding the text ``held``, which Excel's arithmetic reads as no number: ``is the
    text 'n/a', no number``, or for spaces alone (a cell "cleared" with the space bar, blank to the eye) ``holds only
    a space, no number: clear it`` (H172's finding 05: the reason was empty). ``made``: the text is a formula's
    (``=A3&CHAR(9)``), whose tab is taken off in the formula, not by typing the number again.

    >>> print(no_number("185\\t", made=True))  # doctest: +NORMALIZE_WHITESPACE
    is the text '185\\t', no number to Excel (with a tab around '185'): take it off in the formula that makes it:
    CLEAN(..) takes tabs and line breaks off, SUBSTITUTE(..,CHAR(160),"") a no-break space
    """
    if held.strip():
        from .locale_readings import day_first_only  # noqa: PLC0415

        date = day_first_only(held)
        if date is not None:  # 13/01/2025: a date to a day-first Excel, no number to an en-US one (H173's 02)
            return f"is the text {held!r}, no number to an en-US Excel (a day-first Excel reads the date {date})"
        ends = held.strip(" ")
        odd = ends != ends.strip() and ends.strip()
        if odd:  # "800\t" pasted from a web page or a chat (H265's finding 01): what is around it, and the step
            around = sorted({_SPACE_NAMES.get(c, f"U+{ord(c):04X}") for c in ends[: len(ends) - len(ends.lstrip())]
                             + ends[len(ends.rstrip()) :]})  # fmt: skip
            step = (
                "take it off in the formula that makes it: CLEAN(..) takes tabs and line breaks off, "
                'SUBSTITUTE(..,CHAR(160),"") a no-break space'
                if made
                else f"type {odd} again in the cell without it"
            )
            return f"is the text {held!r}, no number to Excel (with {' and '.join(around)} around {odd!r}): {step}"
        return f"is the text {held!r}, no number"
    if not held:  # a typed cell the engine reads as the empty text: spaces alone (its reader drops them)
        return "holds only spaces (or an empty text), no number: clear it"
    return f"holds only {'a space' if len(held) == 1 else 'spaces'}, no number: clear it"
