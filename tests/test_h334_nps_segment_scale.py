"""A Delighted export proven 0-10 (its column holds 9s and 10s) whose Enterprise customers answered 2-7 only: with
``--segment Plan`` each plan's NPS, not a refusal as "a 1-7 scale" (H330's finding 11: the scale check ran on each
segment's answers, and its line said "every answer would be a detractor" though 7s are passives)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.reading.scores import check_scale

ENTERPRISE = [2, 3, 4, 5, 6, 7] * 5  # 30 answers, none above 7: 5 passives, 25 detractors, NPS -83.33
BASIC = [10, 9, 8, 7, 6, 0]  # 2 promoters, 2 passives, 2 detractors: NPS 0


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "delighted.csv"
    rows = [(s, "Enterprise") for s in ENTERPRISE] + [(s, "Basic") for s in BASIC]
    with open(path, "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Response ID", "Score", "Created (UTC)", "Survey Type", "Plan"])
        for i, (score, plan) in enumerate(rows):
            out.writerow([i + 1, score, f"2026-10-{1 + i % 28:02d} 10:00:00", "nps", plan])
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("segment", ["Plan", "Plan=Enterprise"])
def test_a_segment_of_a_0_10_column_is_not_another_scale(tmp_path, backend, segment):
    out = tmp_path / "out"
    args = ["import", "--nps", str(_export(tmp_path)), "--columns", "date=Created (UTC)", "--segment", segment]
    assert cli.main([*args, "--backend", backend, "--to-csv", str(out)]) == 0  # at the parent: 1, "a 1-7 scale"
    with open(out / "nps.csv", newline="") as handle:
        got = {
            row.get("segment", "Enterprise"): [
                int(row[k]) for k in ("responses", "promoters", "passives", "detractors")
            ]
            + [round(float(row["nps"]), 2)]
            for row in csv.DictReader(handle)
        }
    want = {"Enterprise": [30, 0, 5, 25, -83.33], "Basic": [6, 2, 2, 2, 0.0]}
    assert got == ({"Enterprise": want["Enterprise"]} if "=" in segment else want)


def test_the_whole_column_of_another_scale_is_still_refused(tmp_path):
    path = tmp_path / "csat.csv"
    path.write_text("date,score\n" + "".join(f"2026-10-{1 + i % 28:02d},{1 + i % 7}\n" for i in range(35)))
    with pytest.raises(DataError) as caught:
        check_scale(7, 35, "csat.csv", "score")
    # a 7 is a passive: not "every answer would be a detractor" (the parent's words)
    assert "(read as NPS, no answer would be a promoter, every one below 7 a detractor)" in str(caught.value)
    assert cli.main(["import", "--nps", str(path), "--to-csv", str(tmp_path / "t")]) == 1
