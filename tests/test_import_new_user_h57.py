"""A new user's import findings (H54 04, 09, 10, 11): a monthly --to-csv refresh, formulas never calculated, months
in layouts the date guesser does not read, and a second survey of a month already holding answers."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal

from xl_retention import cli
from xl_retention.workbook import build_template

FEB = "customer_id,month,mrr\na,2026-01,10\nb,2026-01,20\na,2026-02,10\n"
MAR = FEB + "a,2026-03,15\nc,2026-03,5\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_to_csv_next_month_into_the_same_folder_replaces_its_own_cohort_tables(tmp_path, capsys):
    """04: the cohort tables' header has a column per month since sign-up; a month more made the second run refuse
    them as files it did not write."""
    out = tmp_path / "tables"
    assert cli.main(["import", "--subscriptions", str(write(tmp_path / "feb.csv", FEB)), "--to-csv", str(out)]) == 0
    assert (out / "customer_cohorts.csv").read_text().splitlines()[0] == "cohort,0,1"
    assert cli.main(["import", "--subscriptions", str(write(tmp_path / "mar.csv", MAR)), "--to-csv", str(out)]) == 0
    assert (out / "customer_cohorts.csv").read_text().splitlines() == ["cohort,0,1,2", "2026-01,2,1,1",
                                                                      "2026-02,0,0,", "2026-03,1,,"]  # fmt: skip
    assert (out / "movements.csv").read_text().splitlines()[-1].startswith("2026-03,1,1,0,1,0,2,10.0,5.0,5.0,")
    # back to February, and by segment: still its own tables
    assert cli.main(["import", "--subscriptions", str(tmp_path / "feb.csv"), "--to-csv", str(out)]) == 0
    assert (out / "revenue_cohorts.csv").read_text().splitlines()[0] == "cohort,0,1"
    # a file of the user's with the name of a table is still kept
    (out / "survivors.csv").write_text("cohort,0,2\n2026-01,5,4\n")
    message = refusal(capsys, "--subscriptions", str(tmp_path / "mar.csv"), "--to-csv", str(out))
    assert message.endswith("survivors.csv exists and is not a table xl-retention import wrote (its first line "
                            "differs): not overwritten; move it or choose another --to-csv folder")  # fmt: skip
    assert (out / "survivors.csv").read_text() == "cohort,0,2\n2026-01,5,4\n"
    assert (out / "customer_cohorts.csv").read_text().splitlines()[0] == "cohort,0,1"  # nothing written


def _subscriptions_book(path: Path, stored: list[float] | None = None, on_load: bool = True) -> Path:
    book = openpyxl.Workbook()
    book.calculation.fullCalcOnLoad = on_load  # openpyxl asks for it; Apache POI, R's openxlsx do not
    sheet = book.active
    sheet.title = "Subs"
    sheet.append(["customer_id", "start", "end", "price", "seats", "mrr"])
    rows = [("c1", dt.datetime(2026, 1, 5), None, 10, 2), ("c2", dt.datetime(2026, 1, 20), dt.datetime(2026, 3, 3),
            15.5, 1), ("c3", dt.datetime(2026, 2, 1), None, 120, 1)]  # fmt: skip
    for i, row in enumerate(rows, start=2):
        sheet.append([*row, f"=D{i}*E{i}"])
    if stored is not None:  # the first rows calculated (as Excel stores them), the others typed by a script
        for i, value in enumerate(stored, start=2):
            sheet.cell(i, 6, value)
        sheet["F4"] = "=D4*E4"
    book.save(path)
    return path


def test_formulas_a_script_wrote_without_values_are_named_with_how_to_calculate_them(tmp_path, capsys):
    """09: openpyxl stores no value for a formula: the cells were refused as "missing values"."""
    subs = _subscriptions_book(tmp_path / "subs.xlsx")
    before = subs.read_bytes()
    assert refusal(capsys, "--subscriptions", str(subs), "--to-csv", str(tmp_path / "out")) == (
        "subs.xlsx: the formulas of sheet 'Subs' (column 'mrr') were never calculated (cells F2, F3, F4 hold no "
        "value, and the workbook asks Excel to calculate them when it opens: written by a script (openpyxl)?): "
        "calculate them with 'xl-retention recalc subs.xlsx' and import the subs.recalc.xlsx it writes, or open it "
        "in Excel and save it, or write the values instead of formulas"
    )
    assert subs.read_bytes() == before and not (tmp_path / "out").exists()
    # as the message says: recalc, then import the result
    assert cli.main(["recalc", str(subs)]) == 0
    out = tmp_path / "out"
    assert cli.main(["import", "--subscriptions", str(tmp_path / "subs.recalc.xlsx"), "--to-csv", str(out)]) == 0
    mrr = pd.read_csv(out / "movements.csv", index_col="month")["mrr_end"]
    assert mrr.loc["2026-01":"2026-03"].tolist() == [35.5, 155.5, 140.0]
    # values stored for some formulas (calculated once), one added since by a script: that one is named
    mixed = _subscriptions_book(tmp_path / "mixed.xlsx", stored=[20, 15.5])
    message = refusal(capsys, "--subscriptions", str(mixed), "--to-csv", str(tmp_path / "out2"))
    assert message.startswith("mixed.xlsx: the formulas of sheet 'Subs' (column 'mrr') were never calculated (cells "
                              "F4 hold no value")  # fmt: skip
    # a workbook that does not ask to be calculated on open: the cells without a value are named all the same
    plain = _subscriptions_book(tmp_path / "poi.xlsx", on_load=False)
    assert refusal(capsys, "--subscriptions", str(plain), "--to-csv", str(tmp_path / "out3")) == (
        "poi.xlsx: the formulas of sheet 'Subs' (column 'mrr') were never calculated (cells F2, F3, F4 hold no "
        "value: written by a script (openpyxl)?): calculate them with 'xl-retention recalc poi.xlsx' and import the "
        "poi.recalc.xlsx it writes, or open it in Excel and save it, or write the values instead of formulas"
    )


def test_formulas_that_excel_calculated_to_0_are_read(tmp_path, capsys):
    """Excel saves <calcPr calcId=".."/> without fullCalcOnLoad, which openpyxl reads as asking to calculate on open:
    a workbook whose formulas all give 0 (a 'credit' column) was refused as XlsxWriter's never-calculated 0s."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "month", "mrr", "credit"])
    for i, (who, month, mrr) in enumerate([("a", "2026-01", 10), ("a", "2026-02", 12)], start=2):
        sheet.append([who, month, mrr, f"=C{i}*0"])
    book.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as src, zipfile.ZipFile(tmp_path / "excel.xlsx", "w") as out:
        for item in src.infolist():
            data = src.read(item.filename).decode()
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(r"<f>([^<]*)</f>(?:<v\s*/>)?", r"<f>\1</f><v>0</v>", data)
            if item.filename == "xl/workbook.xml":  # as Excel saves it
                data = re.sub(r"<calcPr[^>]*>", '<calcPr calcId="191029"/>', data)
            out.writestr(item, data)
    out_dir = tmp_path / "out"
    assert cli.main(["import", "--subscriptions", str(tmp_path / "excel.xlsx"), "--to-csv", str(out_dir)]) == 0
    assert pd.read_csv(out_dir / "movements.csv")["mrr_end"].tolist()[:2] == [10.0, 12.0]


@pytest.mark.parametrize(
    ("first", "second", "hint", "advice", "fmt"),
    [
        ("202601", "202602", "months as YYYYMM?", "read them with --date-format '%Y%m'", "%Y%m"),
        ("2026M01", "2026M02", "months written 2026M01?", "read them with --date-format '%YM%m'", "%YM%m"),
        ("2026 Jan", "2026 Feb", "months written 2026 Jan?", "read them with --date-format '%Y %b'", "%Y %b"),
        ("2026-Jan", "2026-Feb", "months written 2026-Jan?", "read them with --date-format '%Y-%b'", "%Y-%b"),
        ("Jan2026", "Feb2026", "months written Jan2026?", "read them with --date-format '%b%Y'", "%b%Y"),
        ("2026-Q1", "2026-Q2", "quarters, not months",
         "the tables are monthly; export the data by month, or with dates", None),
        ("Q1 2026", "Q2 2026", "quarters, not months",
         "the tables are monthly; export the data by month, or with dates", None),
        ("01/26", "02/26", "months with a two-digit year?", "read them with --date-format '%m/%y'", "%m/%y"),
        ("Jan '26", "Feb '26", "months with a two-digit year?",
         "read them with --date-format \"%b '%y\"", "%b '%y"),
        ("2026-01-01 - 2026-01-31", "2026-02-01 - 2026-02-28", "date ranges", "export each row's date, or the first "
         "day of its period", None),
        ("2026-W05", "2026-W09", "ISO weeks, not months", "the tables are monthly; export the data with dates, or by "
         "month", None),
    ],
)  # fmt: skip
def test_months_in_other_layouts_name_the_date_format_that_reads_them(tmp_path, capsys, first, second, hint, advice,
                                                                      fmt):  # fmt: skip
    """10: a BI export's 202601 was "dates that do not parse", with no word of --date-format %Y%m."""
    subs = write(tmp_path / "m.csv", f"customer_id,month,mrr\na,{first},9\nb,{first},5\na,{second},9\n")
    out = tmp_path / "out"
    assert refusal(capsys, "--subscriptions", str(subs), "--to-csv", str(out)) == (
        f"m.csv, column 'month': dates that do not parse ({hint}) in rows 2, 3, 4 (counting the header as row 1): "
        f"{first!r}, {first!r}, {second!r}: {advice}"
    )
    if fmt is not None:
        assert cli.main(["import", "--subscriptions", str(subs), "--date-format", fmt, "--to-csv", str(out)]) == 0
        months = pd.read_csv(out / "movements.csv", index_col="month")
        assert months.loc["2026-01":, "mrr_end"].iloc[:2].tolist() == [14.0, 9.0]


@pytest.mark.parametrize("kind", ["xlsx", "parquet"])
def test_yyyymm_months_as_numbers_name_and_take_the_date_format(tmp_path, capsys, kind):
    frame = pd.DataFrame({"customer_id": ["a", "b", "a"], "month": [202601, 202601, 202602], "mrr": [9, 5, 9]})
    path = tmp_path / f"m.{kind}"
    frame.to_excel(path, index=False, sheet_name="S") if kind == "xlsx" else frame.to_parquet(path)
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    rows = "rows 2, 3, 4" if kind == "xlsx" else "rows 1, 2, 3 (counting the Parquet file's first record as row 1)"
    assert f"numbers where dates belong (months as YYYYMM?) in {rows}" in message
    assert message.endswith(": read them with --date-format '%Y%m'")
    out = tmp_path / "out"
    assert cli.main(["import", "--subscriptions", str(path), "--date-format", "%Y%m", "--to-csv", str(out)]) == 0
    months = pd.read_csv(out / "movements.csv", index_col="month")
    assert months.loc["2026-01":"2026-02", "mrr_end"].tolist() == [14.0, 9.0]
    eight = pd.DataFrame({"customer_id": ["a"], "month": [20260115], "mrr": [9]})  # YYYYMMDD: read as before
    eight.to_parquet(tmp_path / "d.parquet")
    args = ["import", "--subscriptions", str(tmp_path / "d.parquet"), "--date-format", "%Y%m", "--to-csv"]
    assert cli.main([*args, str(tmp_path / "out3")]) == 0


WEB = "date,score\n" + "".join(f"2026-03-{d:02d},{s}\n" for d, s in zip(range(1, 6), [3, 9, 8, 10, 10], strict=True))
KIOSK = "date,score\n2026-03-05,3\n2026-03-06,4\n"


def test_a_second_survey_of_a_month_that_holds_answers_stops_naming_them(tmp_path, capsys):
    """11: March's kiosk survey (2 answers) after its web survey (5) left March with the 2, the message counting
    only the cells whose value changed."""
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    web, kiosk = write(tmp_path / "web.csv", WEB), write(tmp_path / "kiosk.csv", KIOSK)
    assert cli.main(["import", "--nps", str(web), "--into", str(book)]) == 0
    before = book.read_bytes()
    message = refusal(capsys, "--nps", str(kiosk), "--into", str(book))
    assert message == (
        "kiosk.csv has 2 answers for 2026-03, where 'NPS scores'!D2:D6 already holds 5 answers written by the "
        "import of web.csv, which are not among kiosk.csv's answers of 2026-03 (by date and score): they are "
        "web.csv's answers of 2026-03 (another survey's, or the first or last hours of a file of the month before or "
        "after: a file exported by UTC days and read with --timezone starts or ends inside 2026-03); replacing the "
        "month would drop them; nothing was written: import one file holding every answer of 2026-03 (both files' "
        "rows of 2026-03, or an export by your zone's days), and the answers there are kept"
    )
    assert book.read_bytes() == before
    # the same survey again, and exported again with later answers: replaced, nothing lost
    assert cli.main(["import", "--nps", str(web), "--into", str(book)]) == 0
    later = write(tmp_path / "later.csv", WEB + "2026-03-09,0\n")
    assert cli.main(["import", "--nps", str(later), "--into", str(book)]) == 0
    both = write(tmp_path / "both.csv", WEB + "2026-03-09,0\n" + "".join(KIOSK.splitlines(True)[1:]))
    assert cli.main(["import", "--nps", str(both), "--into", str(book)]) == 0  # both surveys in one file
    scores = openpyxl.load_workbook(book)["NPS scores"]
    assert [scores.cell(r, 4).value for r in range(2, 10)] == [3, 9, 8, 10, 10, 0, 3, 4]
    # a survey exported newest first: the answers given since come before the ones there
    april = "".join(f"2026-04-{d:02d},{s}\n" for d, s in ((3, 7), (2, 10), (1, 2)))
    assert (
        cli.main(["import", "--nps", str(write(tmp_path / "a.csv", "date,score\n" + april)), "--into", str(book)]) == 0
    )
    again = write(tmp_path / "b.csv", "date,score\n2026-04-04,5\n" + april)
    assert cli.main(["import", "--nps", str(again), "--into", str(book)]) == 0
    # the answers already there keep their cells, the one given since fills the next free cell (b27c629: no value
    # changes, nothing said replaced)
    assert [openpyxl.load_workbook(book)["NPS scores"].cell(r, 5).value for r in range(2, 7)] == [7, 10, 2, 5, None]
