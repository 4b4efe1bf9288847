"""Google Sheets' own functions in a downloaded .xlsx (H332's 05): ``ARRAYFORMULA(..)``, named as Google's.

A team's ``=ARRAYFORMULA(Customers!D2:D7-Customers!B2:B7)`` comes to the .xlsx as an array formula over F2:F7 that
keeps the ``ARRAYFORMULA`` name, with the values Google Sheets computed. Excel has no ARRAYFORMULA: it shows #NAME?
once it recalculates. recalc called it "an add-in's, a macro's or a UDF's (or a misspelling)", and where the file
was written by another program than Excel (Google Sheets) dropped Google's values, the column blank. Now the reason
names Google Sheets' function, and Google's values are kept where the file's values are current (listed, never taken
for Excel's: "keep the values Google Sheets stored"); the cells reading them are computed from them. Where the file
holds no value, the cell is listed with the same reason, not computed: what a user sees in Excel is #NAME?, in
Google Sheets the inner formula's values.
"""

from __future__ import annotations

__all__ = ["GOOGLE_FROZEN", "GOOGLE_FUNCTIONS", "google_reason"]

#: what Google Sheets' .xlsx download writes for a formula it has no Excel form of (its value kept as the fallback)
GOOGLE_FROZEN = "__XLUDF.DUMMYFUNCTION"

#: functions of Google Sheets' own, which Excel does not have, that its .xlsx download writes as they are
GOOGLE_FUNCTIONS = frozenset({"ARRAYFORMULA"})


def google_reason(name: str, stored: bool) -> str:
    """Why a cell calling Google Sheets' ``name`` is not recalculated; ``stored``: the file holds a value of it.

    >>> google_reason("ARRAYFORMULA", False)  # doctest: +ELLIPSIS
    "ARRAYFORMULA is Google Sheets' function, which Excel does not have (Excel shows #NAME? for it)...no value of it"
    """
    reason = (
        f"{name} is Google Sheets' function, which Excel does not have (Excel shows #NAME? for it): the embedded "
        f"engine does not compute it (in Excel, enter the formula inside {name}( ) as an array formula)"
    )
    return reason if stored else reason + "; the file holds no value of it"
