"""Text functions the engine lacks: REGEXTEST (Python's ``re``, close to Excel's PCRE2 for common patterns)."""

from __future__ import annotations

import re
from typing import Any

from ._core import ExcelError, excel_function, integer, text


@excel_function("REGEXTEST", 2, 3)
def regextest(value: Any, pattern: Any, case_sensitivity: Any = 0.0) -> bool:
    """REGEXTEST(text, pattern, [case_sensitivity]): whether ``pattern`` matches part of ``text``.

    ``case_sensitivity`` 0 (default) is case sensitive, 1 insensitive; an invalid pattern is #VALUE!.

    >>> regextest("abc123", "[0-9]+")
    True
    """
    mode = integer(case_sensitivity)
    if mode not in (0, 1):
        raise ExcelError("#VALUE!")
    try:
        compiled = re.compile(text(pattern), re.IGNORECASE if mode else 0)
    except re.error:
        raise ExcelError("#VALUE!") from None
    return compiled.search(text(value)) is not None
