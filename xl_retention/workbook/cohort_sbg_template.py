"""The Cohorts sheet of the templates of 2026-11-22 11:19 to 2026-11-30 03:30 (577c6241 .. 847ea2c3), which
``extend`` and ``import --into`` grow into this version's (H486's finding 01).

That template's Cohorts sheet held the survivors triangle and the retention shares (as the first template's, where
this version has them), its sBG fit under them ("sBG model fitted to the triangle": SBG_Alpha, SBG_Beta,
SBG_Log_Likelihood) and each cohort's projection (SBG_Projection), but no BdW fit and no order cohorts
(Order_Cohort_Counts). Compared with this version's template it looked changed by hand, and growing refused naming the
order-cohort triangle it never had. :func:`sbg_template_cells` gives what that template wrote on the sheet (for the
tracker's months), cell by cell as its builder wrote them, so that growing compares the user's sheet with it and
replaces it by this version's for the new months only when nothing of the user's would be lost; :func:`projection_rows`
where its projection's rows go (they sit two rows higher than this version's, which has the BdW fit above them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.utils import get_column_letter

__all__ = ["SBG_TITLE", "projection_rows", "sbg_template", "sbg_template_cells"]

#: the title of that template's fit, the first line of its sBG block
SBG_TITLE = "sBG model fitted to the triangle (Fader & Hardie 2007)"
_PROJECTION_MONTHS = 12
_FIRST_TITLE = "Cohorts: customers still active, by signup month and months since signup"
_HAS = ("SBG_Alpha", "SBG_Beta", "SBG_Projection", "Cohort_Counts", "Cohort_Retention")
_LATER = ("Order_Cohort_Counts", "BDW_Alpha")  # this version's, which that template did not have


def sbg_template(wb: Any) -> bool:
    """Whether the workbook's defined names are those of that template (the sBG fit, no order cohorts, no BdW fit)."""
    names = wb.defined_names
    return all(names.get(n) is not None for n in _HAS) and all(names.get(n) is None for n in _LATER)


def _row(wb: Any, name: str) -> int | None:
    """The first row of the range the workbook's defined name ``name`` points at (None: not one range)."""
    defined = wb.defined_names.get(name)
    destinations = list(defined.destinations) if defined is not None else []
    if len(destinations) != 1:
        return None
    first = destinations[0][1].replace("$", "").partition(":")[0]
    digits = "".join(ch for ch in first if ch.isdigit())
    return int(digits) if digits else None


def sbg_template_cells(wb: Any, first: dt.date, months: int) -> dict[tuple[int, int], Any] | None:
    """(row, column) -> what that template wrote there on its Cohorts sheet for ``months`` months from ``first``
    (each month's date as openpyxl reads it; a header's blank left out); None for a workbook not of that template
    (:func:`sbg_template`) or whose names are not where that template put them for its months."""
    if not sbg_template(wb):
        return None
    n = months
    counts_first, pct_title = 4, 4 + n + 1
    pct_first, top = pct_title + 2, pct_title + 2 + n + 1
    fit, title = top + 2, top + 4
    where = {
        "Cohort_Counts": counts_first,
        "Cohort_Retention": pct_first,
        "SBG_Alpha": fit,
        "SBG_Projection": title + 2,
    }
    if any(_row(wb, name) != row for name, row in where.items()):
        return None
    cells: dict[tuple[int, int], Any] = {
        (1, 1): "Cohorts: customers still active, by signup month and months since signup"
    }
    days = [dt.datetime(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1) for i in range(n)]
    headers = ["Signup month"] + [f"Month {k}" for k in range(n)]
    cells[(pct_title, 1)] = "Retention: share of each cohort still active"
    for header_row in (3, pct_title + 1):
        cells |= {(header_row, c): text for c, text in enumerate(headers, start=1)}
    for i, day in enumerate(days):
        count_row, pct_row = counts_first + i, pct_first + i
        cells[(count_row, 1)] = cells[(pct_row, 1)] = day
        for k in range(n - i):
            letter = get_column_letter(k + 2)
            cells[(pct_row, k + 2)] = (
                f'=IF(OR({letter}{count_row}="",$B{count_row}="",$B{count_row}=0),"",{letter}{count_row}/$B{count_row})'
            )
    cells[(top, 1)] = SBG_TITLE
    cells |= {(top + 1, c): text for c, text in enumerate(["alpha", "beta", "log-likelihood"], start=2)}
    cells[(fit, 1)] = "fit"
    cells |= {(fit, 1 + k): f"=INDEX(SBG_FIT(Cohort_Counts),1,{k})" for k in (1, 2, 3)}
    cells[(title, 1)] = (
        f"Projected retention, 1 to {_PROJECTION_MONTHS} months past the last observed month: observed share x "
        "S(k + h) / S(k)"
    )
    headers = ["Signup month", "Observed to month"] + [f"+{h}" for h in range(1, _PROJECTION_MONTHS + 1)]
    cells |= {(title + 1, c): text for c, text in enumerate(headers, start=1)}
    for i, day in enumerate(days):
        row, count_row, k = title + 2 + i, counts_first + i, n - 1 - i
        cells[(row, 1)], cells[(row, 2)] = day, k
        observed, size = f"{get_column_letter(k + 2)}{count_row}", f"$B{count_row}"
        for h in range(1, _PROJECTION_MONTHS + 1):
            cells[(row, 2 + h)] = (
                f'=IF(OR(SBG_Alpha="",{observed}="",{size}="",{size}=0),"",{observed}/{size}'
                f"*SBG_SURVIVAL(SBG_Alpha,SBG_Beta,$B{row}+{h})/SBG_SURVIVAL(SBG_Alpha,SBG_Beta,$B{row}))"
            )
    return cells


def projection_rows(wb: Any, grown: Any, months: int) -> dict[int, int]:
    """That template's projection rows (its title, header and each cohort's row) of ``wb`` -> the same rows of the
    grown sheet ``grown`` (this version's, where its SBG_Projection points): for a formula of the user's reading
    them."""
    old, new = _row(wb, "SBG_Projection"), _row(grown, "SBG_Projection")
    if old is None or new is None:
        return {}
    return {old - 2 + k: new - 2 + k for k in range(months + 2)}
