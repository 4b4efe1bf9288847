"""A number's text in a cell's ``<v>`` as Excel writes it.

Excel stores a double with 17 significant digits, rounded, trailing zeros dropped: ``1000`` (not
``1000.0``), ``0.57999999999999996`` for 0.58, ``123456.12300000001``, ``0.5083333333333333``, ``-123456.789``
(public Excel-saved sheets: orbeon-forms issue 4452, an Excel 2010+ sheet copied into a PHP test); below 0.1
in exponent form with an unpadded exponent, ``4.2361111111111106E-2``, ``8.8880000000000001E-2``. Every such
text reads back as the same double. From 1E+17 on the exponent form is assumed (as C's ``%.17G`` does; no
Excel-saved sheet at hand shows where Excel switches). Zero, and negative zero, are ``0``.

Over the 74 Excel-saved files of bench/excel_oracle_manifest.csv this is Excel's text for 4353 of the 4404 numeric
formula results (repr's was for 1508). The rest: Excel writes fewer digits for some doubles (=ROUND(2.149,1) stored
as 2.1, not 2.1000000000000001, beside =ROUND(2.15,1) as 2.2000000000000002): its last digit is not always
correctly rounded, so it cannot be told from the double; both texts read back as the same double. So a stored text
that reads back as exactly the new result is kept as it is (:func:`kept_text`, :func:`kept_texts`): a sheet Excel
saved whose values did not change comes back byte for byte (and a signature over it stays). Over those 74 files,
every numeric result recalc computes as the same double keeps Excel's text (4118 of 4118).
"""

from __future__ import annotations

import math
import re
from itertools import compress
from operator import eq, ne

import numpy as np

__all__ = ["kept_text", "kept_texts", "number_text", "numbers_texts", "same_number"]

_G17 = "%.17G".__mod__  # 17 significant digits; an exponent below 1E-4 and from 1E+17 on
_E16 = "%.16E".__mod__


def number_text(number: float) -> str:
    """Excel's text for a finite float.

    >>> [number_text(x) for x in (1000.0, 0.58, 0.1 + 0.2, 1 / 80, -1e-5, 1e17, 0.0, -0.0, 5e-324)]
    ['1000', '0.57999999999999996', '0.30000000000000004', '1.2500000000000001E-2', '-1.0000000000000001E-5', \
'1E+17', '0', '0', '4.9406564584124654E-324']
    """
    if number == 0:
        return "0"
    text = _G17(number)
    return _exponent_text(number) if "E" in text or text.startswith(("0.0", "-0.0")) else text


def _exponent_text(number: float) -> str:
    """Excel's exponent form of a number below 0.1 or from 1E+17 on (its 17 digits as %.16E writes them, the
    mantissa's trailing zeros and the exponent's padding dropped): 1.2500000000000001E-2, 1E-5, 1E+17."""
    mantissa, exponent = _E16(number).split("E")
    return mantissa.rstrip("0").rstrip(".") + "E" + exponent[0] + exponent[1:].lstrip("0")


def numbers_texts(numbers: list[float]) -> list[str]:
    """:func:`number_text` of each finite float: ``%.17G`` at C level (one format of them all), then the texts it
    writes otherwise than Excel (an exponent, below 1E-4 or from 1E+17 on; a number between 1E-4 and 0.1 in decimals,
    ``0.0...``; a negative zero) rewritten, when one look at the texts joined finds any: those are among the numbers
    below 0.1000001 or from 9.9E+16 on in magnitude (found by numpy; each such text then looked at), and their
    ``%.16E`` is made in one format too, its mantissa's trailing zeros (and point) and its exponent's padding cut by
    one substitution and two replacements over them all (:func:`_exponent_text`'s texts, without a call per number).

    >>> numbers_texts([1000.0, 0.05, -0.0, 1e-5, 0.25, 1e20, 1.5e-300])
    ['1000', '5.0000000000000003E-2', '0', '1.0000000000000001E-5', '0.25', '1E+20', '1.5000000000000001E-300']
    """
    count = len(numbers)
    if not count:
        return []
    joined = "\0" + ("%.17G\0" * count) % tuple(numbers)  # (each text between NULs: found at memchr speed)
    texts = joined[1:-1].split("\0")
    if "E" in joined or "\x000.0" in joined or "\x00-0.0" in joined or "\x00-0\x00" in joined:
        magnitude = np.abs(np.array(numbers, dtype=np.float64))
        near = np.flatnonzero((magnitude < 0.1000001) | (magnitude >= 9.9e16)).tolist()  # a margin for the rounding
        odd = [k for k in near if "E" in texts[k] or texts[k].startswith(("0.0", "-0.0"))]
        if odd:
            formatted = ("%.16E\0" * len(odd)) % tuple([numbers[k] for k in odd])
            # the mantissa (a digit 1-9 first) without its trailing zeros, nor its point when only zeros follow it;
            # the exponent, of two digits or three (never 0 here: a number from 1 to 10 is not odd), without its zero
            cut = _MANTISSA_END.sub("E", formatted).replace("E-0", "E-").replace("E+0", "E+")
            for k, text in zip(odd, cut.split("\0"), strict=False):  # (the last piece: empty, after the last NUL)
                texts[k] = text
        if "\x00-0\x00" in joined:
            texts = ["0" if text == "-0" else text for text in texts]
    return texts


_MANTISSA_END = re.compile(r"[.0]+E")  # the zeros (and point) that end a %.16E mantissa


# A number's text as a writer of <v> puts it: digits, a fraction, an exponent (no sign +, space, "_", INF or NaN,
# which Python's float() would read too); a whole number's text has neither group (no "." and no "E", nor "e").
_STORED = re.compile(r"-?[0-9]+(\.[0-9]+)?([Ee][+-]?[0-9]+)?")
_STORED_BYTES = re.compile(_STORED.pattern.encode())
_ONE = r"-?[0-9]++(?:\.[0-9]++)?+(?:[Ee][+-]?+[0-9]++)?+"  # (_STORED, possessive: no backtracking)
_STORED_LINES = re.compile(r"(?:" + _ONE + r"\n)*+" + _ONE)  # such texts, one a line
# the text of a cell's (or a chart point's) stored <v>, any namespace prefix
_V = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?v(?:\s[^>]*)?>([^<]*)</")


def same_number(stored: str | bytes, number: float) -> bool:
    """Whether ``stored``, a ``<v>`` text already in the file, may stay for the finite float ``number``: it is a
    number's text that reads back as exactly ``number`` (bit for bit: ``-0`` is not ``0``) and, like
    :func:`number_text`'s, a whole number's (``1000``, which openpyxl reads as an int) or not (``1000.0``, ``1E+3``:
    a float).

    >>> same_number("2.1", 2.1), same_number("1E-3", 1 / 1000), same_number(b"0.3", 0.3), same_number("-0", -0.0)
    (True, True, True, True)
    >>> same_number("0.30000000000000004", 0.3), same_number("-0", 0.0), same_number("1000.0", 1000.0)
    (False, False, False)
    >>> same_number(" 2.1", 2.1), same_number("1e+17", 1e17), same_number("100000000000000000", 1e17)
    (False, True, False)
    """
    found = (_STORED_BYTES if isinstance(stored, bytes) else _STORED).fullmatch(stored)  # type: ignore[arg-type]
    if found is None or float(stored) != number:
        return False
    if (found.lastindex is None) != (number.is_integer() and abs(number) < 1e17):  # number_text's whole numbers
        return False
    return number != 0 or math.copysign(1.0, float(stored)) == math.copysign(1.0, number)


def kept_text(stored_in: bytes, number: float, text: bytes) -> bytes:
    """``text``, the ``<v>`` text of ``number`` a writer would put in a cell (or a chart's point), or the text the
    ``<v>`` in ``stored_in`` (the cell's old content) holds where that may stay (:func:`same_number`): Excel's
    ``2.1`` for =ROUND(2.149,1), which reads back as the same double as ``2.1000000000000001``.

    >>> kept_text(b"<f>ROUND(2.149,1)</f><v>2.1</v>", 2.1, b"2.1000000000000001")
    b'2.1'
    >>> kept_text(b"<f>ROUND(2.151,1)</f><v>2.1</v>", 2.2, b"2.2000000000000002"), kept_text(b"<f>A1</f>", 2.1, b"2.1")
    (b'2.2000000000000002', b'2.1')
    """
    if b"v>" not in stored_in or b">" + text + b"</" in stored_in:  # no value stored, or this text (at memchr speed)
        return text
    found = _V.search(stored_in)
    if found is None or found[1] == text or not same_number(found[1], number):
        return text
    return found[1]


def kept_texts(texts: list[str], stored: list[str], numbers: list[float]) -> list[str]:
    """``texts`` (of ``numbers``, Python floats, as :func:`numbers_texts` gives them) with ``stored[k]`` (the
    ``<v>`` text in the file, empty where none) in place of ``texts[k]`` wherever it may stay (:func:`same_number`);
    the list itself, changed in place. Only the texts that differ are looked at (one comparison at C level where
    none does; 50,000 of LibreOffice's shorter texts in some 20 ms).

    >>> kept_texts(["2.1000000000000001", "5", "0.29999999999999999"], ["2.1", "", "0.3000001"], [2.1, 5.0, 0.3])
    ['2.1', '5', '0.29999999999999999']
    """
    if texts == stored:
        return texts
    changed = [k for k in compress(range(len(texts)), map(ne, texts, stored)) if stored[k]]
    olds = [stored[k] for k in changed]
    if _STORED_LINES.fullmatch("\n".join(olds)) is None:  # a text that is no number's among them: one by one
        for k, old in zip(changed, olds, strict=True):
            if same_number(old, numbers[k]):
                texts[k] = old
        return texts
    # every one a number's text (a sheet LibreOffice saved: 0.58 where Excel writes 0.57999999999999996): read at
    # C level; only a whole number (its text a whole number's too? a zero's sign?) looked at one by one
    wanted = [numbers[k] for k in changed]
    same = list(map(eq, map(float, olds), wanted))
    whole = list(map(float.is_integer, wanted))
    for j in compress(range(len(changed)), same):
        if not whole[j] or same_number(olds[j], wanted[j]):
            texts[changed[j]] = olds[j]
    return texts
