"""A number as a reason shows it: Excel's General text, in full (``1200001``, ``45670.4166666667``), never Python's
6-digit ``:g`` (``1.2e+06``, which read as 1200000 made "1.2e+06 is not in A1:A2" untrue beside 1200000; H567's 02)."""

from __future__ import annotations

__all__ = ["reason_number"]


def reason_number(number: float) -> str:
    """``number`` as Excel turns it into text (:func:`.excel_functions._core.number_text`).

    >>> reason_number(1200001), reason_number(-1234567.5), reason_number(45670 + 10 / 24)
    ('1200001', '-1234567.5', '45670.4166666667')
    """
    from .excel_functions._core import number_text  # noqa: PLC0415  (the functions import the modules using this)

    return number_text(float(number))
