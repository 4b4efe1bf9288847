"""The rule by which a column of answers is another question's scale, not NPS's 0-10: one place for every reader.

``import --nps`` (:mod:`xl_retention.reading.scores`), the relational readers
(:mod:`xl_retention.relational.sql`) and the tracker's check of 'NPS scores'
(:mod:`xl_retention.workbook.checks`) refuse or name a column of at least :data:`SCALE_ANSWERS` answers none of
which is above :data:`SCALE_TOP`: the answers of a 1-5 satisfaction (CSAT) or 1-7 effort (CES) question, which NPS
would count as all detractors (docs/metrics.md, "A score column of another scale").

This module imports nothing: the workbook checks run in every recalc and must not load pandas.
"""

from __future__ import annotations

__all__ = ["SCALE_ANSWERS", "SCALE_TOP", "as_nps"]

#: So many answers (or more), none above :data:`SCALE_TOP`, are no NPS survey.
SCALE_ANSWERS = 30
#: The highest answer of the scales taken for another question's (1-5, 1-7).
SCALE_TOP = 7


def as_nps(top: float) -> str:
    """What NPS would make of answers none above ``top``: a 7 is a passive, not a detractor (H330's finding 04).

    >>> as_nps(5), as_nps(7)
    ('every answer would be a detractor', 'no answer would be a promoter, every one below 7 a detractor')
    """
    if top >= 7:
        return "no answer would be a promoter, every one below 7 a detractor"
    return "every answer would be a detractor"
