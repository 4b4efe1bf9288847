"""Google Sheets' own functions in a workbook recalc reads (H332's 05, H346): ``ARRAYFORMULA(..)``, named as Google's.

What Google Sheets' download (File > Download > Microsoft Excel) writes for a formula Excel has no form of, an
ARRAYFORMULA included, is :data:`GOOGLE_FROZEN`'s form, a fixed value: ``=ARRAYFORMULA(Customers!D2:D7-
Customers!B2:B7)`` in F2 comes down as ``IFERROR(__xludf.DUMMYFUNCTION("ARRAYFORMULA(...)"),5)`` in F2 and
``IFERROR(__xludf.DUMMYFUNCTION(<COMPUTED_VALUE quoted>),5)`` in F3:F7 (the other cells of its array), Google's spelling
``ArrayFormula`` kept inside the text (checked against public notes on Google's downloads: GRID's "Google Sheets Dummy
Values", projects reading them with openpyxl; a function Excel has, TRANSPOSE, comes down as Excel's array formula).
Excel has no ``__xludf.DUMMYFUNCTION``: ``#NAME?``, so IFERROR gives Google's value, which recalc keeps
(d99df90c); :mod:`.formula_starts` and :mod:`..workbook.own_starts` name a month's start so frozen, ``extend``
refuses such a formula over the months (:mod:`..workbook.google_extend`).

ARRAYFORMULA kept as a *formula* (an array formula over F2:F7 whose text calls ``ARRAYFORMULA(..)``, or a cell's) is
not that download's form but a file written another way: the function typed in Excel, a converter or script writing
Google's formulas as they are. Excel has no ARRAYFORMULA: it shows #NAME? once it recalculates. recalc called it "an
add-in's, a macro's or a UDF's (or a misspelling)", and where the file was written by another program than Excel
dropped the values stored with it. Now the reason names Google Sheets' function, and the stored values are kept where
the file's values are current (listed, never taken for Excel's: "keep the values Google Sheets stored"); the cells
reading them are computed from them. Where the file holds no value, the cell is listed with the same reason, not
computed: what a user sees in Excel is #NAME?, in Google Sheets the inner formula's values.
"""

from __future__ import annotations

__all__ = ["GOOGLE_FROZEN", "GOOGLE_FUNCTIONS", "google_reason"]

#: what Google Sheets' .xlsx download writes for a formula it has no Excel form of, an ARRAYFORMULA too (its value kept
#: as IFERROR's fallback; the other cells of its array: ``COMPUTED_VALUE`` in its place)
GOOGLE_FROZEN = "__XLUDF.DUMMYFUNCTION"

#: functions of Google Sheets' own, which Excel does not have, found as formulas in a workbook written otherwise than by
#: Google's download (which writes them as :data:`GOOGLE_FROZEN`'s fixed values)
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
