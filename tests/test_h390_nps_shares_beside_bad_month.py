"""A survey summary's shares typed as a month's NPS counts (June: 180 responses, 0.45 / 0.35 / 0.20) were told what
to type (81, 63 and 36) only when no other month's counts were bad: with April's promoters typed -3 as well, recalc
said the general advice alone and June's counts were lost (H384's finding 03). Both months are named, and June's
counts still said. One recalc for the module.
"""

from __future__ import annotations

import pytest
from typed_tracker import typed_over

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("h390_03")
    # April: a count below 0 (a typo); June: a survey summary's shares
    typed = {"NPS": {"B5": 50, "C5": -3, "D5": 20, "E5": 10, "B7": 180, "C7": 0.45, "D7": 0.35, "E7": 0.2}}
    path = typed_over(build_template(folder / "counts.xlsx", start="2026-01", months=12), typed)
    return recalc_file(path, folder / "out.xlsx", engine="embedded")


def test_junes_counts_are_said_beside_aprils_bad_count(report) -> None:
    assert report.message == (
        "counts.xlsx: 2 months of counts typed on the NPS sheet give no NPS: NPS!F5 says 'count < 0' (Responses 50, "
        "Promoters (9-10) -3, Passives (7-8) 20, Detractors (0-6) 10); NPS!F7 says 'bad counts' (Responses 180, "
        "Promoters (9-10) 0.45, Passives (7-8) 0.35, Detractors (0-6) 0.2): type each month's promoters, passives "
        "and detractors (0 or more), adding up to its responses where those are typed (or leave the responses "
        "blank); a month typed as shares, not counts of answers: type 81 in NPS!C7, 63 in NPS!D7 and 36 in NPS!E7 "
        "(45%, 35% and 20% of the 180 responses in NPS!B7)"
    )
