"""The lines the change reports of ``extend`` (:class:`.extend.Extended`) and ``import`` (:class:`.fill.Filled`) share,
with the words that differ as arguments.

>>> listed(["A1", "A2"])
'A1, A2'
>>> listed([f"A{n}" for n in range(1, 9)])
'A1, A2, A3, A4, A5, A6 and 2 more'
>>> months_added([pd.Period("2025-01", "M"), pd.Period("2025-02", "M")])
'months 2025-01 to 2025-02'
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = [
    "added_line",
    "cleared_line",
    "left_out_line",
    "listed",
    "months_added",
    "placed_line",
    "put_back_line",
    "upgraded_line",
]

#: the most cells a report line names before "and N more"
SHOWN = 6


def listed(refs: Sequence[str]) -> str:
    """The first :data:`SHOWN` of ``refs``, then "and N more" for the rest."""
    more = len(refs) - SHOWN
    return ", ".join(refs[:SHOWN]) + (f" and {more} more" if more > 0 else "")


def months_added(added: Sequence[pd.Period]) -> str:
    """ "month 2025-01" or "months 2025-01 to 2025-03"."""
    if len(added) == 1:
        return f"month {added[0]}"
    return f"months {added[0]} to {added[-1]}"


def cleared_line(count: int, whose: str, readers: str, stores: str) -> str:
    """The results of ``count`` formula cells were cleared: ``whose`` follows "formula cells" (e.g. " stored from the
    old inputs"), ``readers`` names programs that do not calculate, ``stores`` what a recalculation stores."""
    return (
        f"cleared the results of {count} formula cells{whose} (Excel recalculates on open; programs that do not "
        f"calculate, such as {readers}, read blanks there until --recalc or xl-retention recalc stores {stores})"
    )


def upgraded_line(refs: Sequence[str], why: str) -> str:
    """The formulas an earlier template wrote at ``refs`` were brought up to this version's; ``why`` follows
    "this version's" (e.g. ", as the new months have them (formulas of your own are kept)"). The template's formulas
    put back where they were cleared or re-pointed by moved cells (:class:`.upgrade.PutBack` among ``refs``) are named
    in a sentence of their own (:func:`put_back_line`)."""
    back = [ref for ref in refs if getattr(ref, "why", None) not in (None, "added", "placed", "left out")]
    left = [ref for ref in refs if getattr(ref, "why", None) == "left out"]
    added = [ref for ref in refs if getattr(ref, "why", None) == "added"]
    placed = [ref for ref in refs if getattr(ref, "why", None) == "placed"]
    earlier = [ref for ref in refs if getattr(ref, "why", None) is None]
    out = []
    if earlier:
        brought = "brought the formulas an earlier version of the template wrote up to this version's"
        out.append(f"{brought}{why}: {listed(earlier)}")
    if back:
        out.append(put_back_line(back))
    if added:
        out.append(added_line(added))
    if placed:
        out.append(placed_line(placed))
    out += [left_out_line(ref) for ref in left]
    return "; ".join(out)


def left_out_line(ref: str) -> str:
    """A visible column of the template (:class:`.upgrade.PutBack` ``"left out"``) not written at ``ref`` (the sheet
    and its letter), as a column of the user's is there, kept as it is.

    >>> from xl_retention.workbook.upgrade import PutBack
    >>> ref = PutBack("'Revenue'!O", "left out")
    >>> ref.header, ref.yours, ref.name = "Quick ratio", "Budget", "Revenue_Quick_Ratio"
    >>> left_out_line(ref).split(", kept")[0]
    "left out the template's 'Quick ratio' column: its place 'Revenue'!O holds a column of yours ('Budget')"
    """
    yours = f" ({getattr(ref, 'yours', '')!r})" if getattr(ref, "yours", "") else ""
    header = getattr(ref, "header", "")
    name = getattr(ref, "name", "")
    removed = f" (removed the template's name {name}, which read your column)" if name else ""
    return (
        f"left out the template's {header!r} column: its place {ref} holds a column of yours{yours}, kept as it is, so "
        f"the tracker has no {header} figures{removed}; move your column elsewhere and upgrade again to have its "
        "formulas back"
    )


def placed_line(refs: Sequence[str]) -> str:
    """The hidden helper columns' formulas written at ``refs``, right of the user's columns, as the template's letter
    of each (its ``instead``) holds a column of the user's, which is left as it is.

    >>> from xl_retention.workbook.upgrade import PutBack
    >>> ref = PutBack("'Customers'!L4:L25", "placed")
    >>> ref.instead = "H"
    >>> placed_line([ref]).split(": ")[1]
    "'Customers'!L4:L25 (not H)"
    """
    return (
        "added the hidden helper columns this version's template has right of your columns, as their place holds a "
        "column of yours (kept as it is; their names and the template's charts read them there): "
        + listed([f"{ref} (not {getattr(ref, 'instead', '')})" for ref in refs])
    )


def added_line(refs: Sequence[str]) -> str:
    """The hidden helper columns' formulas written at ``refs`` in a tracker of the first template, which had none.

    >>> added_line(["'Customers'!H2:H13", "'NPS'!J2:J13"]).split(": ")[1]
    "'Customers'!H2:H13, 'NPS'!J2:J13"
    """
    return (
        "added the hidden helper columns the first template (2026-11-22) did not have, as this version's template has "
        f"them: {listed(refs)}"
    )


def put_back_line(refs: Sequence[str]) -> str:
    """The template's formulas put back at ``refs`` (each with ``why``: ``"cleared"``, ``"moved"``, ``"lost"`` or
    ``"broken"``).

    Example: ``put the template's formulas back in 'Customers'!H2:H13 (blank: cleared?), each month's reading its own
    row again (values you typed over formulas are kept)``.
    """
    cleared = [ref for ref in refs if ref.why == "cleared"]  # type: ignore[attr-defined]
    moved = [ref for ref in refs if ref.why == "moved"]  # type: ignore[attr-defined]
    parts = []
    if cleared:
        parts.append(f"in {listed(cleared)} (blank: cleared?)")
    if moved:
        parts.append(f"in {listed(moved)} (they read other months' rows: cells moved?)")
    lost = [ref for ref in refs if ref.why == "lost"]  # type: ignore[attr-defined]
    if lost:  # LibreOffice's .xls save writes =NA() for the package's functions (H265's finding 06)
        parts.append(f"in {listed(lost)} (=NA(): saved as .xls?)")
    broken = [ref for ref in refs if ref.why == "broken"]  # type: ignore[attr-defined]
    if broken:  # a column they read deleted, then inserted again (H265's finding 04)
        parts.append(f"in {listed(broken)} (#REF!: a column deleted?)")
    return (
        f"put the template's formulas back {' and '.join(parts)}, each month's reading its own row again (values you "
        "typed over formulas are kept)"
    )
