"""Excel's stored number kept where the engine's differs from it in the last binary digits only.

pycel's npv.xlsx, saved by Excel 16 and recalculated with its inputs unchanged: ``A7 =NPV(G7,H7:L7)`` is
41922.06155493237 in the file and 41922.06155493236 from the engine, one ulp lower (no order of summing the
discounted terms gives Excel's last digit in every row), and ``D7 =C7-A7`` (41922.06 - A7) cancels seven digits, so
D7 was -0.0015549323652521707 where Excel stored -0.0015549323725281283 (4.7e-9 relative) in a file reported ``ok``
(H383's finding 01). Where a formula cell's number is within :data:`ULPS` units in the last place of the number the
file stores there (saved by Excel with its values current), Excel's number is as right and is Excel's own: it is
kept, set in the engine in the cell's place, and the workbook evaluated again so that the cells reading it compute
from it (D7 then is Excel's -0.0015549323725281283 exactly). A cell whose stored value is stale (an input changed
since Excel saved the file) differs by far more than a few ulps and is computed as before. Rare: in the common case
no cell is near but unequal, and nothing is evaluated again.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .formula_texts import position

if TYPE_CHECKING:
    from .engine_results import Computed
    from .package import PackageInfo

__all__ = ["ULPS", "near_stored", "pin_stored"]

#: the most units in the last place (:func:`math.ulp` of the larger) a computed number may be from the stored one
ULPS = 4
#: the most rounds of pinning (a cell reading a pinned one may come within ulps of its stored number in turn)
_ROUNDS = 3


def near_stored(info: PackageInfo, values: dict[str, dict[str, Any]]) -> list[tuple[str, str, float]]:
    """The formula cells (sheet, cell, Excel's stored number) whose computed number in ``values`` is within
    :data:`ULPS` ulps of the number the file stores there but not equal to it; array formulas are left out (a value
    set in an array's first cell would end the array).

    >>> from types import SimpleNamespace as N
    >>> info = N(formulas={"S": {"A7": N(cached=41922.06155493237, kind="normal", dynamic=False),
    ...                          "B1": N(cached=5.0, kind="normal", dynamic=False)}})
    >>> near_stored(info, {"S": {"A7": 41922.06155493236, "B1": 6.0}})
    [('S', 'A7', 41922.06155493237)]
    """
    near = []
    for sheet, cells in values.items():
        stored = info.formulas.get(sheet)
        if not stored:
            continue
        for ref, value in cells.items():
            if type(value) is not float:
                continue
            cell = stored.get(ref)
            if cell is None:
                continue
            kept = cell.cached
            if type(kept) is not float or kept == value or not math.isfinite(kept) or not math.isfinite(value):
                continue
            if abs(kept - value) <= ULPS * math.ulp(max(abs(kept), abs(value))):
                if cell.kind in ("normal", "shared") and not cell.dynamic:
                    near.append((sheet, ref, kept))
    return near


def pin_stored(
    workbook: Any,
    info: PackageInfo,
    result: Computed,
    read: Any,
) -> Computed:
    """``result`` with each formula cell :func:`near_stored` finds set to Excel's stored number in the engine and
    the workbook evaluated again (``read()``: the values read again), until no cell is near its stored number but
    unequal (at most a few rounds); ``result`` itself where none is (no evaluation)."""
    for _ in range(_ROUNDS):
        near = near_stored(info, result.values)
        if not near:
            break
        for sheet, ref, kept in near:
            workbook.set_value(sheet, *position(ref), kept)
        workbook.evaluate_all()
        result = read()
    return result
