"""The refusal of dates that do not parse names the way out: Unix timestamps in milliseconds are divided by
86,400,000 in the Excel hint (H14 finding 16: the hint said /86400, giving dates in the year 55979), Japanese,
Chinese and Korean dates get the --date-format that reads them, and month names of another language say that the
import reads English ones only (H14 finding 20: "dates that do not parse", no hint)."""

from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def run(tmp_path: Path, text: str, *extra: str) -> int:
    path = tmp_path / "orders.csv"
    path.write_text(text, encoding="utf-8")
    return cli.main(["import", "--orders", str(path), *extra, "--to-csv", str(tmp_path / "out")])


def refusal(tmp_path: Path, capsys, text: str) -> str:
    assert run(tmp_path, text) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(ERROR) and "\n" not in err
    return err


@pytest.mark.parametrize(
    ("stamp", "hint"),
    [
        ("1704412800000", "=A2/86400000+DATE(1970,1,1)"),
        ("1704412800", "=A2/86400+DATE(1970,1,1)"),
        ("1704412800000000", "=A2/86400000000+DATE(1970,1,1)"),
    ],
)
def test_unix_timestamps_hint_divides_by_their_unit(tmp_path, capsys, stamp, hint):
    err = refusal(tmp_path, capsys, f"customer_id,date,amount\na,{stamp},10\nb,{stamp},20\n")
    assert "2024-01-05 00:00:00 UTC" in err and hint in err


@pytest.mark.parametrize(
    ("dates", "fmt"),
    [
        (["2024年1月5日", "2024年2月20日"], "%Y年%m月%d日"),
        (["2024년 1월 5일", "2024년 2월 20일"], "%Y년 %m월 %d일"),
        (["2024年1月5日 10:30", "2024年2月20日 11:00"], "%Y年%m月%d日 %H:%M"),
    ],
)
def test_cjk_dates_are_refused_with_the_format_that_reads_them(tmp_path, capsys, dates, fmt):
    text = f"customer_id,date,amount\na,{dates[0]},10\na,{dates[1]},20\n"
    err = refusal(tmp_path, capsys, text)
    assert f"--date-format '{fmt}'" in err
    assert run(tmp_path, text, "--date-format", fmt) == 0  # the hint's way reads them
    revenue = (tmp_path / "out" / "order_revenue_cohorts.csv").read_text().splitlines()
    assert revenue[1:] == ["2024-01,10.0,20.0", "2024-02,0.0,"]  # one buyer: 10 in January, 20 a month later


@pytest.mark.parametrize(
    ("dates", "name"),
    [(["5. Januar 2024", "20. Februar 2024"], "Januar"), (["13 févr. 2024", "2 mars 2024"], "févr"),
     (["5 ene 2024", "7 feb 2024"], "ene")],
)  # fmt: skip
def test_month_names_of_another_language_say_english_only(tmp_path, capsys, dates, name):
    err = refusal(tmp_path, capsys, f"customer_id,date,amount\na,{dates[0]},10\nb,{dates[1]},20\n")
    assert f"month names in another language than English ({name!r})) in rows 2, 3 (counting the header" in err
    assert err.endswith(
        ": the import reads English month names only with a day (a month and its year are read: 'Juni 2026'); "
        "write the dates as YYYY-MM-DD (in Excel: format the column as "
        "dates before saving), or with English month names (--date-format '%d %B %Y' reads '5 January 2024')"
    )  # the hint's parentheses closed, its advice after the rows
