"""Formulas filled down a column, rewritten once per shape: the rewrite of :mod:`.arguments` and its final-operation
rewrite run on a formula's shape (its row numbers replaced by markers), cached, and the row numbers are put back.

A column of ``=IF(G2>0.95,...)`` filled down 10,000 rows costs one tokenizing, not one per row.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text_literals import LITERALS as _STRING

# Formulas filled down a column differ only in their row numbers. Each digit run that follows a letter or
# "$" (a row number; not a function's digits as in LOG10( or DEC2BIN, not a sheet name as in Sheet1!) is
# replaced by a distinct marker row 1000001, 1000002, ..., the shape is rewritten once, and the markers
# are put back: a column of =IF(G2>0.95,...) costs one tokenizing, not one per row.
# (the first digit matched, then the letter or "$" before it looked behind: the same matches as a look-behind
# first, a quarter faster, as no position but a digit's is looked behind from)
_ROW = re.compile(r"(\d(?<=[A-Za-z$]\d)\d*)(?![\w(!.\d])")
_MARKER = re.compile(r"1(?<=[A-Za-z$]1)(\d{6})(?![\w(!.\d])")
#: shape -> None when rewriting changes nothing, else the rewritten shape split at its markers:
#: (text pieces, and for each marker between two pieces the index of the row number it stands for)
_SHAPES: dict[str, tuple[list[str], list[int]] | None] = {}
_MARKS: list[str] = []


_DIGITS = "0123456789"
_HIDDEN = "".join(chr(0xE000 + k) for k in range(10))  # private-use characters: no formula holds them
_HIDE, _SHOW = str.maketrans(_DIGITS, _HIDDEN), str.maketrans(_HIDDEN, _DIGITS)
_DIGIT = re.compile(r"\d")


def _split_rows(text: str) -> list[str]:
    """:data:`_ROW`'s split of ``text``, leaving digits inside text literals alone: a criterion such as ``">$40"`` or
    ``"<Q1"`` is read by the rewrite (a number, a collation key), which a marker in its place would change. The
    literals' digits are hidden (private-use characters) for the split, and shown again in its text pieces.

    >>> _split_rows('=IF(A2>"<Q1",B3,"x9")')
    ['=IF(A', '2', '>"<Q1",B', '3', ',"x9")']
    """
    if not _DIGIT.search("".join(_STRING.findall(text))):  # no digit in any literal ("high", ""): the plain split
        return _ROW.split(text)
    hidden = _STRING.sub(lambda literal: literal.group(0).translate(_HIDE), text)
    parts = _ROW.split(hidden)
    parts[0::2] = [part.translate(_SHOW) for part in parts[0::2]]
    return parts


def shaped(text: str, rewritten: Callable[[str], str], shapes: dict | None = None) -> str:
    """``text`` rewritten by ``rewritten``, once per shape (kept in ``shapes``, :data:`_SHAPES` by default).

    >>> shaped("=A7+B7", lambda shape: shape.replace("+", "-"), {})
    '=A7-B7'
    """
    shapes = _SHAPES if shapes is None else shapes
    parts = _ROW.split(text) if '"' not in text else _split_rows(text)  # text, row number, ..., text
    count = len(parts) // 2
    if count >= 48000:
        return rewritten(text)
    while len(_MARKS) < count:
        _MARKS.append(str(1000001 + len(_MARKS)))
    numbers = parts[1::2]
    parts[1::2] = _MARKS[:count]
    shape = "".join(parts)
    if shape in shapes:
        done = shapes[shape]
    else:
        out = rewritten(shape)
        if out == shape:
            done = None
        else:
            pieces = _MARKER.split(out)
            done = (pieces[0::2], [int(i) - 1 for i in pieces[1::2]])
        if len(shapes) > 20000:
            shapes.clear()
        shapes[shape] = done
    if done is None:
        return text
    texts, places = done
    out = [""] * (2 * len(texts) - 1)
    out[0::2] = texts
    out[1::2] = [numbers[i] for i in places]
    return "".join(out)


#: a rewritten shape for its filled-down copies (:func:`template`): its text as a %-format with a ``%s`` for each
#: row number put back, the index of the copy's row number each takes (None: each in its turn), and how many row
#: numbers a copy has
Template = tuple[str, list[int] | None, int]


def template(text: str, rewritten: Callable[[str], str]) -> Template | None:
    """``text``'s shape of row markers rewritten by ``rewritten`` once, as a template that :func:`filled` completes
    with another copy's row numbers; None for a shape of 48,000 row numbers or more (:func:`shaped` rewrites those
    whole). For a text whose literals hold no digit (the markers' split is the plain one) and a ``rewritten`` that
    takes row markers as any row numbers (:func:`shaped`'s own assumption).

    >>> pieces = template("=A7+B7%", lambda shape: shape.replace("+", "-"))
    >>> pieces, filled(pieces, ["12", "13"])
    (('=A%s-B%s%%', None, 2), '=A12-B13%')
    >>> swapped = template("=A7+B8", lambda shape: "=" + "+".join(reversed(shape[1:].split("+"))))
    >>> swapped, filled(swapped, ["3", "4"])
    (('=B%s+A%s', [1, 0], 2), '=B4+A3')
    """
    parts = _ROW.split(text)
    count = len(parts) // 2
    if count >= 48000:
        return None
    while len(_MARKS) < count:
        _MARKS.append(str(1000001 + len(_MARKS)))
    parts[1::2] = _MARKS[:count]
    pieces = _MARKER.split(rewritten("".join(parts)))
    places = [int(i) - 1 for i in pieces[1::2]]
    form = "%s".join(piece.replace("%", "%%") for piece in pieces[0::2])
    return form, (None if places == list(range(count)) else places), count


def filled(pieces: Template, numbers: list[str]) -> str:
    """A :func:`template` with a copy's row numbers (``numbers``, in the order its text holds them) put back."""
    form, places, _ = pieces
    return form % (tuple(numbers) if places is None else tuple([numbers[i] for i in places]))
