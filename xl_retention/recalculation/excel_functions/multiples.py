"""MROUND as Excel computes it, and the calls whose Excel answer is not certain (the cells are listed).

Excel's MROUND divides the number by the multiple in binary and rounds the quotient half away from zero: the
numbers users report (``MROUND(2.425,0.05)`` 2.4 but ``MROUND(0.425,0.05)`` 0.45, ``MROUND(773.65,0.1)`` 773.6 but
``MROUND(921.65,0.1)`` 921.7, ``MROUND(6.05,0.1)`` 6 but ``MROUND(7.05,0.1)`` 7.1) all follow the binary quotient,
but older versions did not always (``MROUND(5.425,0.05)`` was 5.45 in Excel 2000). Two things are not certain:

- a number halfway between two multiples in decimal (``6.05``, ``0.1``) but not in binary: which way Excel rounds it;
- a result whose binary product (``23 * 0.05`` is 1.1500000000000001) is not the decimal number shown (1.15):
  whether Excel's value is the one or the other in its last binary digit (which ``MATCH(1.15, ...)`` and ``=``
  comparisons see).

:func:`mround` gives the binary answer and notes such a call in :data:`UNSURE` while a cell is evaluated again for
it (:func:`..unsure_results.unsure_mround_cells` lists those cells, keeping Excel's stored value); exact answers (a
whole-number multiple, ``MROUND(7.25,0.5)``, ``MROUND(2.675,0.01)`` = 2.68) are computed.

>>> mround(10, 3), mround(-10, -3), mround(7.25, 0.5), mround(5, 2), mround(2.675, 0.01), mround(1.25, 0.5)
(9.0, -9.0, 7.5, 6.0, 2.68, 1.5)
>>> UNSURE.start(); mround(6.05, 0.1), UNSURE.stop()
(6.0, 'MROUND(6.05, 0.1): 6.05 is halfway between two multiples of 0.1 in decimal but not in binary; Excel rounds \
such a halfway number by its binary quotient in some versions only')
>>> UNSURE.start(); mround(1.15, 0.05), UNSURE.stop()[:59]
(1.1500000000000001, 'MROUND(1.15, 0.05): the multiple 0.05 makes 1.15 in decimal')
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ._core import ExcelError, excel_function, number_text


class Unsure:
    """The first MROUND (CEILING, FLOOR, ...: :func:`last_digit`) call whose Excel answer is not certain, noted while
    :meth:`start` .. :meth:`stop`."""

    def __init__(self) -> None:
        self.noting = False
        self.reason = ""
        #: the calls noted so far, noting or not (nothing to look for when it did not change during an evaluation)
        self.count = 0

    def start(self) -> None:
        self.noting, self.reason = True, ""

    def stop(self) -> str:
        """The reason noted since :meth:`start` ("" when every call was certain)."""
        self.noting = False
        return self.reason

    def note(self, reason: str) -> None:
        self.count += 1
        if self.noting and not self.reason:
            self.reason = reason


#: the noting of the one evaluation at a time (the engine calls MROUND in this process)
UNSURE = Unsure()


def mround(value: float, multiple: float) -> float:
    """MROUND of two numbers: ``value`` rounded to the nearest multiple of ``multiple``, half away from zero by the
    binary quotient; 0 for a multiple (or number) of 0; #NUM! for numbers of different signs. A call whose Excel
    answer is not certain is noted in :data:`UNSURE`."""
    value, multiple = float(value), float(multiple)
    if multiple == 0 or value == 0:
        return 0.0
    if (value > 0) != (multiple > 0):
        raise ExcelError("#NUM!")
    quotient = value / multiple
    whole = math.floor(quotient)
    if quotient - whole >= 0.5:
        whole += 1
    result = whole * multiple
    if not math.isfinite(result):
        raise ExcelError("#NUM!")
    shown = f"MROUND({number_text(value)}, {number_text(multiple)})"
    typed = Decimal(f"{value:.15g}") / Decimal(f"{multiple:.15g}")
    if typed % 1 == Decimal("0.5") and (Fraction(value) / Fraction(multiple)) % 1 != Fraction(1, 2):
        UNSURE.note(
            f"{shown}: {number_text(value)} is halfway between two multiples of {number_text(multiple)} in decimal but "
            "not in binary; Excel rounds such a halfway number by its binary quotient in some versions only"
        )
    elif result != float(f"{result:.15g}"):
        UNSURE.note(
            f"{shown}: the multiple {number_text(multiple)} makes {number_text(result)} in decimal and "
            f"{result!r} in binary; which of the two Excel's MROUND gives is not known"
        )
    return result


def last_digit(shown: str, step: float, whole: float) -> float:
    """``whole`` times ``step`` as CEILING, FLOOR and the like give it: at Excel's 15 significant digits. Where that is
    not the binary product (``23 * 0.05`` is 1.1500000000000001, 1.15 in decimal) which of the two Excel gives is not
    known: the call (``shown``) is noted in :data:`UNSURE`, as MROUND's.

    >>> last_digit("CEILING(1.5, 0.1)", 0.1, 15.0), last_digit("FLOOR(7, 0.5)", 0.5, 14.0)
    (1.5, 7.0)
    >>> UNSURE.start(); last_digit("CEILING(1.12, 0.05)", 0.05, 23.0), UNSURE.stop()[:60]
    (1.15, 'CEILING(1.12, 0.05): the step 0.05 makes 1.15 in decimal and')
    """
    product = whole * step
    result = float(f"{product:.15g}")
    if result != product:
        UNSURE.note(
            f"{shown}: the step {number_text(step)} makes {number_text(result)} in decimal and {product!r} in binary; "
            "which of the two Excel gives is not known"
        )
    return result


@excel_function("MROUND", 2, 2)
def _mround(value: Any, multiple: Any) -> float:
    """MROUND(number, multiple) of one number (numeric text read as VALUE reads it)."""
    from .elementwise import _value  # the engine's reading of one number (text as VALUE reads it)

    return mround(_value(value), _value(multiple))
