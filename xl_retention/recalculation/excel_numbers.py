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
correctly rounded, so it cannot be told from the double; both texts read back as the same double.
"""

from __future__ import annotations

__all__ = ["number_text", "numbers_texts"]

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
    """:func:`number_text` of each finite float: ``%.17G`` at C level, then the texts it writes otherwise than
    Excel (an exponent, below 1E-4 or from 1E+17 on; a number between 1E-4 and 0.1 in decimals, ``0.0...``; a
    negative zero) rewritten, when one look at the texts joined finds any.

    >>> numbers_texts([1000.0, 0.05, -0.0, 1e-5, 0.25, 1e20])
    ['1000', '5.0000000000000003E-2', '0', '1.0000000000000001E-5', '0.25', '1E+20']
    """
    texts = list(map(_G17, numbers))
    joined = "\0" + "\0".join(texts) + "\0"  # (each text between NULs: its start found by memchr-speed search)
    if "E" in joined or "\x000.0" in joined or "\x00-0.0" in joined or "\x00-0\x00" in joined:
        for k in [k for k, text in enumerate(texts) if "E" in text or text.startswith(("0.0", "-0.0"))]:
            texts[k] = _exponent_text(numbers[k])
        if "\x00-0\x00" in joined:
            texts = ["0" if text == "-0" else text for text in texts]
    return texts
