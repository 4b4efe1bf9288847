"""The names of the registry's functions and arguments as VBA identifiers: xlwings writes a VBA wrapper per function
on Windows, and a name VBA reserves (``Date``, ``Type``) or one that is no VBA identifier breaks Import Functions.
Split from :mod:`.registry`, which re-exports them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .registry import ExcelFunction

# Words VBA reserves: xlwings writes a VBA wrapper per function on Windows, and an
# argument with one of these names breaks Import Functions.
VBA_RESERVED = frozenset(
    """and as boolean byref byte byval call case class const currency date debug decimal
    declare defbool defbyte defcur defdate defdbl defdec defint deflng deflnglng deflngptr
    defobj defsng defstr defvar dim do double each else elseif empty end endif enum eqv erase
    error event exit false for friend function get global gosub goto if imp implements in
    integer is let lib like long longlong longptr loop lset me mod new next not nothing null
    object on option optional or paramarray preserve print private property public raiseevent
    redim rem resume return rset select set single static step stop string sub then to true
    type typeof until variant wend while with withevents xor""".split()
)
_VBA_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,254}$")


def check_vba_names(function: ExcelFunction) -> list[str]:
    """Problems with ``function``'s names as VBA identifiers (an empty list when fine)."""
    problems = []
    for name in (function.name, *(a.name for a in function.args)):
        if not _VBA_IDENTIFIER.match(name):
            problems.append(f"{function.name}: {name!r} is not a VBA identifier")
        elif name.lower() in VBA_RESERVED:
            problems.append(f"{function.name}: {name!r} is a reserved word in VBA")
    return problems
