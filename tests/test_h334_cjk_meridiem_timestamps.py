"""Google Forms' Timestamp in a Korean (``2026. 9. 1 오후 8:55:00``) or Chinese (``2026/9/1 下午8:55:00``) locale is
read: year first, its AM/PM word read as AM/PM (H330's finding 03: refused, and no --date-format reads it)."""

from __future__ import annotations

import pytest

from xl_retention import cli

KOREAN = ["2026. 9. 1 오전 9:12:00", "2026. 9. 30 오후 11:59:59", "2026. 9. 15 오후 12:30:00",
          "2026. 10. 1 오전 12:05:00", "2026. 10. 20 오후 3:00:00"]  # fmt: skip
CHINESE = ["2026/9/1 上午9:12:00", "2026/9/30 下午11:59:59", "2026/9/15 下午12:30:00", "2026/10/1 上午12:05:00",
           "2026/10/20 下午3:00:00"]  # fmt: skip
SCORES = [6, 10, 9, 8, 3]


@pytest.mark.parametrize("stamps", [KOREAN, CHINESE], ids=["korean", "chinese"])
def test_timestamps_with_am_pm_words_are_read(tmp_path, stamps):
    path = tmp_path / "responses.csv"
    lines = ["Timestamp,Score"]
    lines += [f"{t},{s}" for t, s in zip(stamps, SCORES, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["import", "--nps", str(path), "--columns", "date=Timestamp", "--to-csv", str(out), "--through", "2026-10"]
    assert cli.main(args) == 0  # at the parent: 1, "dates that do not parse"
    rows = [line.split(",")[:6] for line in (out / "nps.csv").read_text().splitlines()[1:]]
    # September 11:59:59 PM stays in September (read as 11 AM or as the day after it would not); 12:05 AM of
    # 1 October is October's
    assert rows == [
        ["2026-09", "3", "2", "0", "1", "33.333333333333336"],
        ["2026-10", "2", "0", "1", "1", "-50.0"],
    ]
