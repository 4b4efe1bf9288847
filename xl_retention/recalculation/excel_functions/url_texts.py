"""ENCODEURL (Excel 2013: ``_xlfn.ENCODEURL``), which the engine lacks, as Excel encodes a text for a URL.

Letters and digits of ASCII, ``-``, ``_`` and ``.`` stay as they are; a space and the other ASCII signs below are
written as ``%`` and their code in two capital hexadecimal digits: Microsoft's example
``ENCODEURL("http://contoso.sharepoint.com/Finance/Profit and Loss Statement.xlsx")`` is
``http%3A%2F%2Fcontoso.sharepoint.com%2FFinance%2FProfit%20and%20Loss%20Statement.xlsx`` (LibreOffice also encodes
the ``.``). A character beyond ASCII is written as the bytes of its UTF-8 form, each as ``%`` and two capital
hexadecimal digits, as Excel does (the percent-encoding of URLs, RFC 3986): ``é`` is ``%C3%A9``, ``€`` ``%E2%82%AC``.
Where Excel's answer is not documented (``~ ! * ' ( )``, which URL encoders differ on, control characters, C1's
included (U+0080 to U+009F), a lone surrogate, an empty text, a range) the cell is listed as not computed, never given
another text.

>>> encodeurl("http://contoso.sharepoint.com/Finance/Profit and Loss Statement.xlsx")
'http%3A%2F%2Fcontoso.sharepoint.com%2FFinance%2FProfit%20and%20Loss%20Statement.xlsx'
>>> encodeurl("a&b=c?d#e"), encodeurl(12.5)
('a%26b%3Dc%3Fd%23e', '12.5')
>>> encodeurl("Café Paris"), encodeurl("Zürich 5€"), encodeurl("東京")
('Caf%C3%A9%20Paris', 'Z%C3%BCrich%205%E2%82%AC', '%E6%9D%B1%E4%BA%AC')
"""

from __future__ import annotations

import string
from typing import Any
from urllib.parse import quote

from ._core import ExcelError, excel_function, text

__all__ = ["encodeurl"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed
#: kept as they are (Microsoft's example keeps the '.')
_KEPT = string.ascii_letters + string.digits + "-_."
#: encoded by every URL encoder, Excel's too: a space and ASCII's reserved and unsafe signs
_ENCODED = ' :/?#[]@&=+$,;%"<>\\^`{|}'


@excel_function("ENCODEURL", 1, 1)
def encodeurl(value: Any) -> str:
    if isinstance(value, list):
        raise ExcelError(_NOT_COMPUTED)
    written = text(value)
    if not written or any(c not in _KEPT and c not in _ENCODED and not _beyond_ascii(c) for c in written):
        raise ExcelError(_NOT_COMPUTED)
    return quote(written, safe="", encoding="utf-8", errors="strict")


def _beyond_ascii(character: str) -> bool:
    """A character past ASCII and its C1 control characters that UTF-8 writes (not a lone surrogate)."""
    return ord(character) > 0x9F and not 0xD800 <= ord(character) <= 0xDFFF
