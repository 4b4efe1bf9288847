"""import --into a tracker made before the MRR movement bars had chart columns of their own (before 66cc7b9: the
Dashboard's "MRR movements by month" read the New, Expansion and Reactivation inputs, Revenue C:E): a new MRR typed
as -40 was drawn as a bar below zero while the month's MRR at end was #NUM!; a tracker made now draws a gap there
(tests/test_revenue_negative_movement_chart.py). The import adds the chart columns and points the bars at them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip

REVENUE_PART = "xl/worksheets/sheet4.xml"
NPS = "date,score\n2026-03-05,9\n2026-05-06,10\n"  # answers in March and May: April and May are added


def chart_refs(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        chart = next(
            package.read(n) for n in package.namelist() if b"MRR movements by month" in package.read(n)
            and n.startswith("xl/charts/")
        )  # fmt: skip
    return [f.decode() for f in re.findall(rb"<(?:c:)?val>.*?<(?:c:)?f>([^<]*)</", chart, re.S)]


def old_tracker(tmp_path: Path) -> Path:
    """A 3-month tracker as templates before 66cc7b9 wrote it: no Revenue W:Y, the bars reading C:E; with the user's
    figures typed: MRR at start 0, new MRR 100, -40 (a sign typed by mistake), 30, a churn of 10 in February."""
    made = build_template(tmp_path / "made.xlsx", start="2026-01", months=3)
    book = tmp_path / "old.xlsx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == REVENUE_PART:
                data = re.sub(rb'<c r="[WXY][0-9]+"[^>]*?(?:/>|>.*?</c>)', b"", data)
                data = re.sub(rb'<col [^>]*min="2[345]"[^>]*/>', b"", data)
            if info.filename.startswith("xl/charts/") and b"MRR movements by month" in data:
                for new, old in ((b"W", b"C"), (b"X", b"D"), (b"Y", b"E")):
                    data = data.replace(b"$" + new + b"$", b"$" + old + b"$")
            out.writestr(info, data)
    package = ip.Package(book)
    revenue = package.sheet("Revenue")
    for ref, value in {"B2": 0, "C2": 100, "C3": -40, "C4": 30, "G3": 10}.items():
        revenue.set_value(ref, value)
    package.save()
    return book


def test_an_old_trackers_movement_bars_read_chart_columns_added_as_the_template_has_them(tmp_path, capsys):
    book = old_tracker(tmp_path)
    assert chart_refs(book)[:3] == ["'Revenue'!$C$2:$C$4", "'Revenue'!$D$2:$D$4", "'Revenue'!$E$2:$E$4"]
    assert openpyxl.load_workbook(book)["Revenue"]["W1"].value is None
    nps = tmp_path / "nps.csv"
    nps.write_text(NPS)
    capsys.readouterr()
    assert cli.main(["import", "--nps", str(nps), "--into", str(book)]) == 0
    out = capsys.readouterr().out
    assert (
        "added the chart columns 'New MRR (chart)', 'Expansion MRR (chart)', 'Reactivation MRR (chart)' to 'Revenue' "
        "(W:Y, hidden) and pointed the Dashboard's 'MRR movements by month' bars at them" in out
    )
    assert chart_refs(book) == [f"'Revenue'!${c}$2:${c}$6" for c in "WXYST"]  # and grown with the months added
    fresh = openpyxl.load_workbook(build_template(tmp_path / "now.xlsx", start="2026-01", months=5))["Revenue"]
    ws = openpyxl.load_workbook(book)["Revenue"]
    assert [ws[f"{c}1"].value for c in "WXY"] == [fresh[f"{c}1"].value for c in "WXY"]
    assert [ws[f"{c}{r}"].value for c in "WXY" for r in range(2, 7)] == [
        fresh[f"{c}{r}"].value for c in "WXY" for r in range(2, 7)
    ]
    hidden = ws.column_dimensions["W"]
    assert (hidden.hidden, hidden.min, hidden.max) == (True, 23, 25)  # W:Y
    capsys.readouterr()
    assert cli.main(["recalc", "--in-place", str(book)]) == 0  # the -40 listed with its reason (the MRR at end)
    values = openpyxl.load_workbook(book, data_only=True)["Revenue"]
    assert [values[f"W{r}"].value for r in range(2, 5)] == [100, "#N/A", 30]  # a gap where -40 was drawn below 0
    assert values["T3"].value == -10  # the churn's bar below zero, as before
