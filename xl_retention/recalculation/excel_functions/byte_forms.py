"""The byte forms LENB, LEFTB, RIGHTB, MIDB, FINDB, SEARCHB and REPLACEB over a double-byte character: not computed.

Microsoft's LEN/LENB page: "LENB counts 2 bytes per character only when a DBCS language is set as the default
language. Otherwise, LENB behaves the same as LEN" (the other byte forms likewise). A Japanese, Chinese or Korean Excel
gives ``LENB("日本語")`` 6, a Western one 3: the answer depends on the computer opening the file, as CODE's number of
a character outside Windows-1252 does (:func:`.single_values.windows_1252_code`). The engine computed the Western one
under ok (H570's finding 03). :func:`byte_form` lists the call (``ExcelError("NImpl")``: the cell is listed,
:mod:`...refused_cases` names the character) where a text it reads holds a character one of those languages' code
pages (932, 936, 949, 950) holds in two bytes; over other text (ASCII, and characters no such code page holds in two
bytes) it computes as before.

>>> double_byte("Revenue 2024"), double_byte("日本語"), double_byte("Ω"), double_byte("café"), double_byte("ñ")
(None, '日', 'Ω', 'é', None)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

from ._core import ExcelError

__all__ = ["BYTE_FORMS", "DOUBLE_BYTES", "byte_form", "double_byte"]

#: the byte forms and the positions of the texts each reads (counted in bytes)
BYTE_FORMS = {
    "LENB": (0,),
    "LEFTB": (0,),
    "RIGHTB": (0,),
    "MIDB": (0,),
    "FINDB": (0, 1),
    "SEARCHB": (0, 1),
    "REPLACEB": (0, 3),
}
#: the double-byte character sets of Excel's DBCS languages: Japanese, Simplified Chinese, Korean, Traditional Chinese
_CODE_PAGES = ("cp932", "cp936", "cp949", "cp950")
#: how many calls :func:`byte_form` listed (the cells are listed: :mod:`...refused_cases` says why)
DOUBLE_BYTES = [0]


@lru_cache(maxsize=4096)
def _two_bytes(character: str) -> bool:
    """Whether one of :data:`_CODE_PAGES` holds ``character`` in two bytes."""
    for page in _CODE_PAGES:
        try:
            if len(character.encode(page)) == 2:
                return True
        except UnicodeEncodeError:
            continue
    return False


def double_byte(value: str) -> str | None:
    """The first character of ``value`` a DBCS code page holds in two bytes, or None."""
    if value.isascii():
        return None
    return next((c for c in value if not c.isascii() and _two_bytes(c)), None)


def byte_form(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` (the character form) as the byte form ``name``: a text argument holding a double-byte character is
    "not computed" (its answer depends on the computer's language)."""
    places = BYTE_FORMS[name]

    @wraps(fn)
    def call(*args: Any) -> Any:
        if any(k < len(args) and isinstance(args[k], str) and double_byte(args[k]) for k in places):
            DOUBLE_BYTES[0] += 1
            raise ExcelError("NImpl")
        return fn(*args)

    return call
