"""import --into a tracker whose monthly sheet the user renamed (NPS -> 'Survey', Revenue -> 'MRR 2026') or its answers
sheet ('NPS scores' -> 'Survey answers'): the sheet is found by the names over its months (or its headers; the answers
by the NPS formulas reading them), written and grown under its new name."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip

# a, b in January; a, b, c in February; a alone in March; then the same again to June (10 a month each)
SUBSCRIPTIONS = "customer_id,month,mrr\n" + "".join(
    f"{c},2026-{m:02d},10\n" for m in range(1, 7) for c in "abc"[: m % 3 + 1]
)


def renamed(made: Path, tracker: Path, old: str, new: str) -> Path:
    """``made`` with sheet ``old`` renamed ``new`` as Excel renames it: the tab, and every reference to it in names,
    formulas of other sheets and chart series."""
    quoted = ("'" + new.replace("'", "''") + "'!").encode()
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(f'name="{old}"'.encode(), f'name="{new}"'.encode())
            if info.filename.endswith(".xml"):
                data = data.replace(f"'{old}'!".encode(), quoted)
                data = re.sub(rb"(?<![\w'.])" + old.encode() + rb"!", quoted, data)
            out.writestr(info, data)
    return tracker


def imported(tmp_path: Path, tracker: Path, capsys, *more: str) -> tuple[int, str, str]:
    csv = tmp_path / "s.csv"
    csv.write_text(SUBSCRIPTIONS)
    capsys.readouterr()
    code = cli.main(["import", "--subscriptions", str(csv), "--into", str(tracker), *more])
    out = capsys.readouterr()
    return code, out.out, out.err.strip()


def cells(path: Path, values: bool) -> dict[tuple[str, str], object]:
    wb = openpyxl.load_workbook(path, data_only=values)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}


def test_a_renamed_revenue_sheet_takes_the_import_and_grows_as_under_its_own_name(tmp_path, capsys):
    """Was refused: "t.xlsx has no sheet 'Revenue' ('MRR 2026' holds its months: the sheet renamed?) ...: rename
    'MRR 2026' back to 'Revenue' and import again" -> written and grown to 6 months under its name: every cell
    (formula and recalculated value) as the same import into a tracker whose sheet is still Revenue, the names and
    the Dashboard's charts over 'MRR 2026' grown with it."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    plain = tmp_path / "plain.xlsx"
    plain.write_bytes(made.read_bytes())
    tracker = renamed(made, tmp_path / "t.xlsx", "Revenue", "MRR 2026")
    for book in (plain, tracker):
        code, out, err = imported(tmp_path, book, capsys, "--recalc")
        assert code == 0, err
    assert "on Customers, MRR 2026, Cohorts" in out and "added months 2026-04 to 2026-06" in out
    wb = openpyxl.load_workbook(tracker)
    assert "Revenue" not in wb.sheetnames
    assert wb.defined_names["Revenue_End"].attr_text == "'MRR 2026'!$H$2:$H$7"
    assert wb.defined_names["Revenue_Months"].attr_text == "'MRR 2026'!$A$2:$A$7"
    values = openpyxl.load_workbook(tracker, data_only=True)["MRR 2026"]
    assert [values[f"H{r}"].value for r in range(2, 8)] == [20, 30, 10, 20, 30, 10]
    assert values["A7"].value.strftime("%Y-%m") == "2026-06"
    for kind in (False, True):  # formulas, then the values recalc stored
        mine = cells(tracker, kind)
        theirs = {
            ("MRR 2026" if title == "Revenue" else title, ref): (
                _prose(re.sub(r"(?<![\w'])'?Revenue'?!", "'MRR 2026'!", value)) if isinstance(value, str) else value
            )
            for (title, ref), value in cells(plain, kind).items()
        }
        assert mine == theirs
    with zipfile.ZipFile(tracker) as package:
        series = b"".join(package.read(n) for n in package.namelist() if n.startswith("xl/charts/chart"))
    assert b"'MRR 2026'!$W$3:$W$7" in series and b"Revenue!" not in series


def _prose(formula: str) -> str:
    """The template's notes naming Revenue in a sentence, naming it as it is now (H486's finding 07)."""
    return formula.replace("'s: Revenue stops there", "'s: MRR 2026 stops there").replace(
        "or fill Revenue: its default", "or fill MRR 2026: its default"
    )


def test_a_renamed_sheet_the_import_does_not_write_grows_with_the_others(tmp_path, capsys):
    """NPS renamed 'Survey': a subscriptions import adding 3 months was refused ("the sheet 'Survey' ('NPS'
    renamed?) cannot take the months 2026-04 to 2026-06 ...: rename it back") -> it grows to 6 months with the
    template's formulas, reading the new months' answers on 'NPS scores'."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    tracker = renamed(made, tmp_path / "t.xlsx", "NPS", "Survey")
    code, out, err = imported(tmp_path, tracker, capsys)
    assert code == 0, err
    wb = openpyxl.load_workbook(tracker)
    ws = wb["Survey"]
    assert ws["A7"].value.strftime("%Y-%m") == "2026-06" and ws["A8"].value is None
    assert "'NPS scores'!D$2:D$1001" in ws["B4"].value  # March's answers; June's in column G
    assert ws["B7"].value == ws["B4"].value.replace("'NPS scores'!D$", "'NPS scores'!G$").replace("D$1001", "G$1001")
    assert wb.defined_names["NPS_Months"].attr_text == "'Survey'!$A$2:$A$7"
    assert wb["NPS scores"]["G1"].value.strftime("%Y-%m") == "2026-06"


def test_two_sheets_that_each_look_like_the_renamed_one_are_refused_naming_both(tmp_path, capsys):
    """Revenue renamed 'MRR 2026' and a copy of it named Revenue (the names point at one, the tab at the other): which
    one holds the months is not known -> refused naming both, file unchanged. A sheet of the user's own called Revenue
    (notes, not the sheet's headers) beside 'MRR 2026' is not mistaken for it."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    tracker = renamed(made, tmp_path / "t.xlsx", "Revenue", "MRR 2026")
    wb = openpyxl.load_workbook(tracker)
    wb.copy_worksheet(wb["MRR 2026"]).title = "Revenue"
    wb.save(tracker)
    before = tracker.read_bytes()
    code, _, err = imported(tmp_path, tracker, capsys)
    assert code == 1 and tracker.read_bytes() == before
    assert err == (
        "xl-retention: error: t.xlsx: the sheets 'MRR 2026', 'Revenue' each look like the tracker's 'Revenue' sheet "
        "(its headers, its names), so import cannot tell which one its months are in: delete or rename the copy (its "
        "headers changed) and import again"
    )
    wb = openpyxl.load_workbook(tracker)
    del wb["Revenue"]
    wb.create_sheet("Revenue")["A1"] = "notes on pricing"
    wb.save(tracker)
    code, out, err = imported(tmp_path, tracker, capsys)
    assert code == 0, err
    assert "on Customers, MRR 2026, Cohorts" in out
    wb = openpyxl.load_workbook(tracker)
    assert wb["MRR 2026"]["C7"].value == 0 and wb["Revenue"]["A1"].value == "notes on pricing"
    assert wb["Revenue"].max_row == 1


def test_recalc_names_a_month_typed_below_a_renamed_sheets_last_month(tmp_path, capsys):
    """A month typed by hand below the last month of Revenue renamed 'MRR 2026' (left out of the names, the Dashboard
    and the lifetime value) was not looked for: recalc said ok, exit 0 -> incomplete, naming the cell, as under
    Revenue."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    tracker = renamed(made, tmp_path / "t.xlsx", "Revenue", "MRR 2026")
    package = ip.Package(tracker)
    sheet = package.sheet("MRR 2026")
    sheet.set_value("A5", 46113)  # 2026-04-01
    sheet.set_value("C5", 50)
    package.save()
    capsys.readouterr()
    assert cli.main(["recalc", "--json", "--output-dir", str(tmp_path / "out"), str(tracker)]) == 1
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "incomplete"
    # the notes naming Revenue in a sentence ("Revenue stops there") are said too (H486's finding 07)
    below = "t.xlsx: 'MRR 2026'!A5 holds a figure below the tracker's last month (row 4): the tracker's months end"
    assert below in report["message"]


ANSWERS = "date,score\n2026-02-03,9\n2026-02-04,10\n2026-02-09,3\n2026-05-05,7\n2026-05-06,10\n2026-06-01,2\n"


def test_a_renamed_answers_sheet_takes_the_answers_and_grows_as_under_its_own_name(tmp_path, capsys):
    """'NPS scores' renamed 'Survey answers' (the NPS formulas read 'Survey answers'!B$2:B$1001): an NPS import was
    refused ("rename 'Survey answers' back to 'NPS scores'"), a subscriptions import adding months too, while other
    renamed sheets grow under their name -> written and grown to 6 months under its name: every cell (formula and
    recalculated value) as the same imports into a tracker whose sheet is still 'NPS scores', the NPS sheet's formulas
    reading the new months there, its print titles repeated on every page."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    plain = tmp_path / "plain.xlsx"
    plain.write_bytes(made.read_bytes())
    tracker = renamed(made, tmp_path / "t.xlsx", "NPS scores", "Survey answers")
    nps = tmp_path / "nps.csv"
    nps.write_text(ANSWERS)
    for book in (plain, tracker):
        code, out, err = imported(tmp_path, book, capsys)
        assert code == 0, err
        assert cli.main(["import", "--nps", str(nps), "--into", str(book), "--recalc"]) == 0
        out = capsys.readouterr().out
    assert "import wrote the months its data covers (2026-02 to 2026-06) on Survey answers\n" in out
    wb = openpyxl.load_workbook(tracker)
    assert "NPS scores" not in wb.sheetnames
    assert wb["NPS"]["B7"].value == (
        "=IF(COUNTA('Survey answers'!G$2:G$1001)=0,\"\",INDEX(NPS_BREAKDOWN('Survey answers'!G$2:G$1001),1,4))"
    )
    assert [wb["Survey answers"].cell(r, 6).value for r in range(1, 4)][1:] == [7, 10]
    values = openpyxl.load_workbook(tracker, data_only=True)["NPS"]
    assert [values[f"F{r}"].value for r in range(2, 8)] == [None, pytest.approx(100 / 3), None, None, 50, -100]
    for kind in (False, True):  # formulas, then the values recalc stored
        mine = cells(tracker, kind)
        theirs = {
            ("Survey answers" if title == "NPS scores" else title, ref): (
                value.replace("'NPS scores'!", "'Survey answers'!") if isinstance(value, str) else value
            )
            for (title, ref), value in cells(plain, kind).items()
        }
        assert mine == theirs
    with zipfile.ZipFile(tracker) as mine, zipfile.ZipFile(plain) as theirs:  # print setup, names, validations
        for part in theirs.namelist():
            if part.startswith("xl/") and part.endswith(".xml"):
                renamed_text = (t.read(part).replace(b"NPS scores", b"Survey answers") for t in (mine, theirs))
                one, other = _record_sorted(next(renamed_text)), _record_sorted(next(renamed_text))
                assert one == other, part  # (notes on Start here say 'NPS scores')


def _record_sorted(xml: bytes) -> bytes:
    """``workbook.xml`` with the import's record (the hidden name _xlr_imported) in the order of its entries' texts:
    the record is kept sorted by sheet title, which differs once a sheet is renamed."""

    def entries(match: re.Match[bytes]) -> bytes:
        return match.group(1) + b",".join(sorted(match.group(2).split(b","))) + match.group(3)

    return re.sub(rb'(<definedName name="_xlr_imported" hidden="1">\{)([^<}]*)(\}</definedName>)', entries, xml)


def test_a_renamed_answers_sheet_beside_a_copy_under_the_old_name_is_refused_naming_both(tmp_path, capsys):
    """'NPS scores' renamed 'Survey answers' and a copy of it named 'NPS scores' (the formulas read one, the other
    holds the months under the template's name): which one the answers go on is not known -> refused naming both,
    file unchanged. A sheet of the user's own called 'NPS scores' without months beside it is not mistaken for it."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    tracker = renamed(made, tmp_path / "t.xlsx", "NPS scores", "Survey answers")
    wb = openpyxl.load_workbook(tracker)
    wb.copy_worksheet(wb["Survey answers"]).title = "NPS scores"
    wb.save(tracker)
    before = tracker.read_bytes()
    nps = tmp_path / "nps.csv"
    nps.write_text(ANSWERS)
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(nps), "--into", str(tracker)]) == 1
    assert tracker.read_bytes() == before
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: t.xlsx: the sheets 'Survey answers', 'NPS scores' each look like the tracker's "
        "'NPS scores' sheet (months in row 1), and the NPS formulas read 'Survey answers', so import cannot tell which "
        "one the answers go on: delete or rename the copy and import again"
    )
    wb = openpyxl.load_workbook(tracker)
    del wb["NPS scores"]
    wb.create_sheet("NPS scores")["A1"] = "notes on the survey"
    wb.save(tracker)
    assert cli.main(["import", "--nps", str(nps), "--into", str(tracker)]) == 0, capsys.readouterr().err
    wb = openpyxl.load_workbook(tracker)
    assert wb["Survey answers"]["C2"].value == 9 and wb["NPS scores"].max_row == 1


def test_recalc_names_an_answer_below_the_rows_read_on_a_renamed_answers_sheet(tmp_path, capsys):
    """An answer pasted below the 1,000 rows the NPS formulas read, on 'NPS scores' renamed 'Survey answers' (and the
    NPS sheet renamed 'Survey'): recalc said ok, exit 0, the answer not counted -> incomplete, naming the cell."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    tracker = renamed(renamed(made, tmp_path / "m.xlsx", "NPS", "Survey"), tmp_path / "t.xlsx", "NPS scores",
                      "Survey answers")  # fmt: skip
    package = ip.Package(tracker)
    package.sheet("Survey answers").set_value("C1002", 10)
    package.save()
    capsys.readouterr()
    assert cli.main(["recalc", "--json", "--output-dir", str(tmp_path / "out"), str(tracker)]) == 1
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "incomplete"
    assert report["message"].startswith(
        "t.xlsx: 'Survey answers'!C1002 holds an answer below row 1001, the last row the NPS formulas read"
    )
