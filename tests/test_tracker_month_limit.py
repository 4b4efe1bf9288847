"""`extend --months 1000` ran for over ten minutes and `new` likewise (H120's finding 01): the Cohorts sheet's tables
are squares of the months, so their cells, and the time, grow with the square of the months. `new` and `extend` now
refuse a tracker of more than 240 months (20 years) at once, with the reason, and leave the file as it was."""

import pytest
from cli_process import run

from xl_retention.workbook import build_template

WHY = (
    "a tracker holds at most 240 months (20 years): its Cohorts tables are squares of the months, so making and "
    "growing it take time with the square of the months"
)


def test_new_refuses_more_than_240_months(tmp_path):
    result = run("new", tmp_path / "t.xlsx", "--start", "2026-01", "--months", "241")  # the CLI's argument check
    assert result.returncode != 0 and "Traceback" not in result.stderr and "241" in result.stderr
    assert not (tmp_path / "t.xlsx").exists()
    with pytest.raises(ValueError, match=r"^months 241: a tracker holds at most 240 months \(20 years\): its Cohorts"):
        build_template(tmp_path / "u.xlsx", months=241)
    assert not (tmp_path / "u.xlsx").exists()


def test_extend_past_240_months_refuses_and_leaves_the_file(tmp_path):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "12").returncode == 0
    before = book.read_bytes()
    result = run("extend", book, "--months", "229")
    assert result.returncode == 1
    assert result.stderr == f"xl-retention: error: t.xlsx has 12 months: 229 more would be 241: {WHY}\n"
    assert book.read_bytes() == before
