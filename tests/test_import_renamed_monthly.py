"""import --into a tracker whose monthly sheet the user renamed (NPS -> 'Survey', Revenue -> 'MRR 2026'): the sheet
is found by the names over its months (or its headers), written and grown under its new name."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl

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
                re.sub(r"(?<![\w'])'?Revenue'?!", "'MRR 2026'!", value) if isinstance(value, str) else value
            )
            for (title, ref), value in cells(plain, kind).items()
        }
        assert mine == theirs
    with zipfile.ZipFile(tracker) as package:
        series = b"".join(package.read(n) for n in package.namelist() if n.startswith("xl/charts/chart"))
    assert b"'MRR 2026'!$W$3:$W$7" in series and b"Revenue!" not in series


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
    assert report["message"].startswith(
        "t.xlsx: 'MRR 2026'!A5 holds a figure below the tracker's last month (row 4): the tracker's months end there"
    )


def test_a_renamed_answers_sheet_is_named_with_the_way_out(tmp_path, capsys):
    """'NPS scores' renamed 'Answers' (the NPS formulas read 'Answers'!B$2:B$1001): an NPS import said "has no sheet
    'NPS scores' ...: put the sheet back (copy it from a new tracker ...)", a subscriptions import adding months
    "delete 'NPS' too ... or put 'NPS scores' back" -> both name the renamed sheet and say to rename it back."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    tracker = renamed(made, tmp_path / "t.xlsx", "NPS scores", "Answers")
    before = tracker.read_bytes()
    nps = tmp_path / "nps.csv"
    nps.write_text("date,score\n2026-03-05,9\n")
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(nps), "--into", str(tracker)]) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: t.xlsx: the NPS formulas read their answers on the sheet 'Answers' ('NPS scores' "
        "renamed?), where import writes the survey's answers only under the name 'NPS scores': rename 'Answers' back "
        "to 'NPS scores' and import again"
    )
    code, _, err = imported(tmp_path, tracker, capsys)
    assert code == 1 and tracker.read_bytes() == before
    assert "import adds the months 2026-04 to 2026-06 only under the name 'NPS scores': rename 'Answers'" in err
