"""The template's conditional formats on Cohorts widened by a column inserted beside the tables (H265's finding 05).

LibreOffice's Insert Columns right of the Cohorts tables (a "Comment" column at O) widens the template's own colour
scale of the projection table from C40:N51 to C40:O51; ``extend`` took it for a format of the user's own and left
Cohorts at its old months ("Cohorts has conditional formats of its own (C40:O51) ..."), the new months' cohorts
without rows. A range that is one of the template's with its right edge moved (same first cell, same last row) is the
template's, rewritten with the sheet for the new months.
"""

from __future__ import annotations

from openpyxl.utils.cell import range_boundaries

__all__ = ["widened_template_range"]


def widened_template_range(own: bytes, template: list[bytes]) -> bool:
    """Whether ``own`` (a range list of the user's sheet, ``b"C40:O51"``) is one of ``template``'s ranges widened to
    the right.

    >>> widened_template_range(b"C40:O51", [b"C40:N51"]), widened_template_range(b"C40:N52", [b"C40:N51"])
    (True, False)
    """
    try:
        left, top, right, bottom = range_boundaries(own.decode())
    except (ValueError, TypeError, UnicodeDecodeError):
        return False
    for theirs in template:
        try:
            t_left, t_top, t_right, t_bottom = range_boundaries(theirs.decode())
        except (ValueError, TypeError, UnicodeDecodeError):
            continue
        if (left, top, bottom) == (t_left, t_top, t_bottom) and right > t_right:
            return True
    return False
