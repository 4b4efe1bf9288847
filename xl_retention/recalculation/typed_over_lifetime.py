"""Figures typed over the Lifetime value sheet's formulas (the churn, lifetime, CLV, the sBG figures), said.

A what-if typed into 'Lifetime value'!B8 (a CLV of 900 a finance team quoted) and forgotten was never named: recalc
said ok and the Dashboard showed 900 as the tracker's CLV where the months give 487.02 (H415's finding 02), while the
same overwrite on the Dashboard, the monthly sheets and Cohorts is named (:mod:`.typed_over`). The cells looked at are
the template's own description of the sheet (:data:`xl_retention.workbook.lifetime_value.LIFETIME_ROWS`): every
figure that is no input (ARPA, gross margin and discount rate are the figures to type), found by the workbook's name
over it (``LTV_CLV``), else by its row and label on the sheet titled as the template's. A churn typed over B5's
12-month average is an input too (docs/metrics.md): it is said as read, not as a formula to copy back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..sheet_names import written
from .typed_over import FIRST, workbook_names
from .typed_values import shown_value

__all__ = ["LIFETIME_TYPED", "computed_lifetime_cells", "typed_over_lifetime"]

#: the words of :func:`typed_over_lifetime`'s line
LIFETIME_TYPED = "typed over the Lifetime value sheet's formulas"
#: the name of the churn the sheet reads (B5): a churn typed over its 12-month average is an input docs/metrics.md
#: names (H426's finding F11), said as read, not as a formula to copy back
OWN_CHURN = "LTV_Churn"
#: what :func:`typed_over_lifetime` says of a churn typed over B5
OWN_CHURN_SAID = "read as your own churn (the 12-month average is not used)"


def computed_lifetime_cells() -> dict[str, tuple[str, str]]:
    """The Lifetime value sheet's computed figures as the template describes them: name -> (its cell, its label).

    >>> computed_lifetime_cells()["LTV_CLV"]
    ('B8', 'Customer lifetime value (CLV), constant churn')
    >>> "LTV_ARPA" in computed_lifetime_cells()  # an input (its note invites a figure typed over it)
    False
    """
    from ..workbook.lifetime_value import LIFETIME_ROWS

    return {
        name: (f"B{row}", label)
        for row, (label, _, _, validation, name) in enumerate(LIFETIME_ROWS, start=3)
        if validation is None
    }


def typed_over_lifetime(path: str | Path, values: dict[str, dict[str, Any]]) -> str | None:
    """The values typed over the Lifetime value sheet's computed figures of the tracker at ``path`` (a cell being a
    formula where the recalculation has it: ``values``, sheet -> cell -> value, as for
    :func:`.typed_over.typed_over_formulas`); one line naming them, or None. The file is opened only where one of
    those cells is no formula.

    Example: 'Lifetime value'!B8 typed 900 gives "1 value typed over the Lifetime value sheet's formulas: 'Lifetime
    value'!B8 (Customer lifetime value (CLV), constant churn) is 900, typed over its formula: ...". A churn typed over
    B5's average is an input (docs/metrics.md, the template reads it): "'Lifetime value'!B5 (Monthly churn ...) is
    0.03, typed over its formula: read as your own churn (the 12-month average is not used)".
    """
    from ..workbook.template import LIFETIME_TITLE

    titles, names = workbook_names(path)
    wanted: dict[str, dict[str, tuple[str, str | None, str]]] = {}  # sheet -> cell -> (label, A's label, name)
    for name, (ref, label) in computed_lifetime_cells().items():
        if name in names and ":" not in names[name][1]:
            title, at, check = *names[name], None
        elif LIFETIME_TITLE in titles:  # the name deleted: the template's row, if its label is there
            title, at, check = LIFETIME_TITLE, ref, label
        else:
            continue
        if at not in values.get(title, {}):
            wanted.setdefault(title, {})[at] = (label, check, name)
    if not wanted:
        return None
    from openpyxl.utils import range_boundaries

    from .._workbooks import open_read_only

    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (not readable here: the recalculation says why)
        return None
    found: list[str] = []
    own: list[str] = []  # a churn typed over B5's average: an input (docs/metrics.md), said as read
    try:
        for title, cells in wanted.items():
            if title not in wb.sheetnames or not hasattr(wb[title], "iter_rows"):
                continue
            deepest = max(range_boundaries(ref)[3] for ref in cells)
            rows = list(wb[title].iter_rows(min_row=1, max_row=deepest, values_only=True))
            for ref in sorted(cells, key=lambda r: range_boundaries(r)[1::-1]):
                label, check, name = cells[ref]
                col, row = range_boundaries(ref)[:2]
                held = rows[row - 1] if row <= len(rows) else ()
                value = held[col - 1] if col <= len(held) else None
                if check is not None and (not held or str(held[0] or "").strip() != check):
                    continue  # not the template's row (moved, relabelled): not said
                if value in (None, "") or (isinstance(value, str) and value[:1] == "="):
                    continue
                said = f"{written(title)}!{ref} ({label}) is {shown_value(value)}, typed over its formula"
                (own if name == OWN_CHURN else found).append(said)
    finally:
        wb.close()
    churn = [f"{said}: {OWN_CHURN_SAID}" for said in own]
    if not found:
        return "; ".join(churn) or None
    many = len(found) > 1
    more = f" and {len(found) - FIRST} more" if len(found) > FIRST else ""
    advice = (
        f"{len(found)} value{'s' * many} {LIFETIME_TYPED}: {'; '.join(found[:FIRST])}{more}: the sheet and the "
        f"Dashboard show {'them' if many else 'it'} as computed, whatever the monthly sheets hold: copy the formula "
        "of the same cell of a new tracker's Lifetime value sheet (xl-retention new NEW.xlsx) over each (the ARPA, "
        "gross margin and discount rate are the figures to type)"
    )
    return "; ".join([advice, *churn])
