"""Dates with a short month name of another language and a two-digit year, as a French or Dutch Excel saves them
(jj-mmm-aa: '03-mars-26', '15-mai-26'; dd-mmm-jj: '03-mrt-26'; H159 finding 04): the refusal advised
--date-format '%d-%b-%y', and following it was refused again ('do not match the date format': %b reads English month
names only). The refusal now names the real cause (month names in another language than English) and advises no
format; English ones ('4-Feb-26', 'Feb-26') still get the format that reads them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


@pytest.mark.parametrize(
    ("dates", "name"),
    [
        (("03-mars-26", "15-mai-26", "03-juin-26"), "mars"),  # French Excel, jj-mmm-aa
        (("03-mrt-26", "15-mrt-26", "03-okt-26"), "mrt"),  # Dutch Excel, dd-mmm-jj
        (("03-ene-26", "15-ene-26"), "ene"),  # Spanish
        (("mars-26", "avr-26"), "mars"),  # French months, mmm-aa
    ],
)
def test_foreign_month_names_are_named_and_no_format_is_advised(
    tmp_path: Path, capsys, dates: tuple[str, ...], name: str
) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("respondent,date,score\n" + "".join(f"r{i},{d},9\n" for i, d in enumerate(dates)))
    err = refusal(capsys, "--nps", str(path), "--to-csv", str(tmp_path / "o"))
    assert f"(month names in another language than English ('{name}'))" in err
    assert "--date-format '%d-%b-%y'" not in err and "--date-format '%b-%y'" not in err
    assert "write the dates as YYYY-MM-DD" in err


@pytest.mark.parametrize(
    ("dates", "fmt", "months"),
    [
        (("4-Feb-26", "26-May-26"), "%d-%b-%y", [["2026-02", 1], ["2026-03", 0], ["2026-04", 0], ["2026-05", 1]]),
        (("Feb-26", "Mar-26"), "%b-%y", [["2026-02", 1], ["2026-03", 1]]),
    ],
)
def test_english_month_names_still_get_the_format_that_reads_them(
    tmp_path: Path, capsys, dates: tuple[str, ...], fmt: str, months: list
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\n" + "".join(f"c{i},{d},10\n" for i, d in enumerate(dates)))
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert f"read them with --date-format '{fmt}'" in err
    out = run(tmp_path, "--orders", path, "--date-format", fmt)
    assert pd.read_csv(out / "purchases.csv").iloc[:, [0, 1]].values.tolist() == months
