"""Cohorts before the data's first month, filled in the calendar months the data covers (H486's finding 06).

An import writes the cohort rows of the months its data covers; a cohort before its first month (October's, typed by
hand, imported from an export starting in January) has no row in the data, yet its cells of January on are figures of
the months the import writes: the data has no customer of that cohort there (its customers start in its first
month). Kept, the sBG fit would mix those typed survivors with the imported ones, silently. They follow the rule of
every other value in the imported months: the import refuses, naming them (:func:`why`), and ``--replace-typed``
clears them, each listed with its old value, and those cohorts' cells of the months before the data too: kept, they
would stay in the fit with the data's months blank, which it reads as months not observed yet (H521).
"""

from __future__ import annotations

from typing import Any, Protocol

import pandas as pd
from openpyxl.utils import get_column_letter, quote_sheetname

from .cohort_sheet import Triangle
from .typed_values import OPTION

__all__ = ["clear_before_data", "why"]


class _Puts(Protocol):
    def put(self, title: str, ref: str, value: Any, old: Any, month: pd.Period | None = None,
            at: pd.Period | None = None, group: str = "", label: str | None = None,
            was: str | None = None) -> None: ...  # fmt: skip


def clear_before_data(
    plan: _Puts, found: Triangle, cohorts: pd.DataFrame, group: str = "", whole: bool = False
) -> list[str]:
    """Blank the cells of the cohorts in ``found`` before ``cohorts``' first that fall in the calendar months it
    covers (a value there is listed as replaced by ``plan``); their references (quoted sheet!ref) are returned.
    ``whole`` (``--replace-typed``): the cells of the months before the data too of each cohort that had such cells
    (listed, returned after them): kept, they stay in the sBG fit with the data's months blank, read as not observed
    yet (H521); a cohort typed only before the data is kept as it was (H524's finding 02)."""
    if not len(cohorts):
        return []
    first, last = cohorts.index.min(), cohorts.index.max()
    cleared, earlier, reached = [], [], set()
    for cohort, r in sorted(found.rows.items()):
        if cohort >= first:
            continue
        for column in range(found.left, found.right + 1):
            k = column - found.left
            old = found.values.get((r, column))
            if old in (None, "") or cohort + k > last:
                continue
            ref = f"{get_column_letter(column)}{r}"
            if cohort + k < first:
                earlier.append((cohort, ref, old, cohort + k, k))
                continue
            # not of the data's months in the import record: no earlier import's figure, refused unless the option
            plan.put(found.title, ref, None, old, None, cohort + k, group, label=f"+{k}")
            cleared.append(f"{quote_sheetname(found.title)}!{ref}")
            reached.add(cohort)
    for cohort, ref, old, at, k in earlier if whole else ():
        if cohort in reached:  # a cohort typed only before the data is no figure of its months: kept as it was
            plan.put(found.title, ref, None, old, None, at, group, label=f"+{k}")
            cleared.append(f"{quote_sheetname(found.title)}!{ref}")
    return cleared


def why(cleared: list[str], title: str, cohorts: pd.Index, source: str, replaced: bool,
        what: str = "survivors") -> str:  # fmt: skip
    """The clause the refusal adds (which of its cells are such cohorts' and how to go on) or, ``replaced``, the
    import's line saying they were cleared."""
    first, last = cohorts.min(), cohorts.max()
    span = str(first) if first == last else f"{first} to {last}"
    fit = "the sBG fit" if what == "survivors" else "its rates"
    if replaced:
        return (
            f"{title}: the {what} of the cohorts before {first} are cleared ({len(cleared)}, listed above), in {span} "
            f"and in their months before {first}: {source} starts in {first} and has no customer of those cohorts "
            f"(kept, those months would stay in {fit} with the months from {first} blank, read as not observed yet)"
        )
    mixed = "the sBG fit would mix them with its own" if what == "survivors" else "its rates would mix them"
    return (
        f"{len(cleared)} of them are the {what} on {title} of cohorts before {first}, in {span}: {source} starts in "
        f"{first} and has no customer of those cohorts ({mixed}): {OPTION} clears those cohorts' rows (their months "
        f"before {first} too), or import {source} from those cohorts' first month on"
    )
