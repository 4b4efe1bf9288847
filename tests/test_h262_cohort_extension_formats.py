"""Excel 2010's conditional formats, validations and sparklines of the user's (in a sheet's extLst, their formulas in
``<xm:f>``: Excel writes a list from another sheet so) over a Cohorts table were neither moved nor widened when an
import added months (28edc119, ccb02c02 did the plain ``<formula>`` ones only): a 3-month tracker grown to 6 months
kept a list of the signup months =Cohorts!$A$4:$A$6 on the first three cohorts, a format comparing with
SUM(Cohorts!$B$4:$B$6) on the first three cohorts' sign-ups, a sparkline of the first cohort on Month 0-2 of 6, and a
format reading the sBG fit's alpha (=Cohorts!$B$16) on what row 16 holds at 6 months, silently.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.workbook.template import build_template

_X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
_XM = "http://schemas.microsoft.com/office/excel/2006/main"
EXT = (
    f'<extLst><ext uri="{{78C0D931-6437-407d-A8EE-F0AAD7539E65}}" xmlns:x14="{_X14}"><x14:conditionalFormattings>'
    f'<x14:conditionalFormatting xmlns:xm="{_XM}"><x14:cfRule type="expression" priority="1" '
    'id="{00000000-0000-0000-0000-000000000001}"><xm:f>A1&gt;SUM(Cohorts!$B$4:$B$6)</xm:f><x14:dxf/></x14:cfRule>'
    "<xm:sqref>A1</xm:sqref></x14:conditionalFormatting>"
    f'<x14:conditionalFormatting xmlns:xm="{_XM}"><x14:cfRule type="expression" priority="2" '
    'id="{00000000-0000-0000-0000-000000000002}"><xm:f>A2&gt;Cohorts!$B$16</xm:f><x14:dxf/></x14:cfRule>'
    "<xm:sqref>A2</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>"
    f'<ext uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{_X14}"><x14:dataValidations count="1" '
    f'xmlns:xm="{_XM}"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Cohorts!$A$4:$A$6</xm:f>'
    "</x14:formula1><xm:sqref>B1</xm:sqref></x14:dataValidation></x14:dataValidations></ext>"
    f'<ext uri="{{05C60535-1F16-4fd2-B633-F4F36F0B64E0}}" xmlns:x14="{_X14}"><x14:sparklineGroups '
    f'xmlns:xm="{_XM}"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/>'
    "<x14:sparklines><x14:sparkline><xm:f>Cohorts!B4:D4</xm:f><xm:sqref>C1</xm:sqref></x14:sparkline>"
    "</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>"
)


def _with_extensions(tracker: Path) -> None:
    """Put :data:`EXT` into sheet Mine's part of ``tracker`` (openpyxl writes no extLst)."""
    with zipfile.ZipFile(tracker) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rid = re.search(r'<sheet [^>]*name="Mine"[^>]*r:id="(\w+)"', parts["xl/workbook.xml"].decode()).group(1)
    target = re.search(rf'Id="{rid}"[^>]*Target="/?(?:xl/)?([^"]+)"|Target="/?(?:xl/)?([^"]+)"[^>]*Id="{rid}"', rels)
    part = "xl/" + (target.group(1) or target.group(2))
    parts[part] = parts[part].replace(b"</worksheet>", EXT.encode() + b"</worksheet>")
    with zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _import(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``added_months.import_into``'s tracker and data, :data:`EXT` put into Mine after openpyxl saved it."""
    tracker = tmp_path / "t.xlsx"
    build_template(tracker, start="2026-01", months=3)
    book = openpyxl.load_workbook(tracker)
    book.create_sheet("Mine")["A1"] = 1
    book.save(tracker)
    _with_extensions(tracker)
    rows = ["customer_id,month,mrr"] + [f"c{c},2026-0{m},10" for m in range(1, 7) for c in range(m)]
    (tmp_path / "subs.csv").write_text("\n".join(rows) + "\n")
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--subscriptions", "subs.csv", "--into", "t.xlsx"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip


def test_extension_formats_validations_and_sparklines_follow_the_cohort_tables(tmp_path: Path) -> None:
    result = _import(tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "t.xlsx") as z:
        parts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    mine = next(part for part in parts if "<xm:f>" in part)
    assert re.findall(r"<xm:f>([^<]*)</xm:f>", mine) == [
        "A1&gt;SUM(Cohorts!$B$4:$B$9)",  # every cohort's sign-ups: six now
        "A2&gt;Cohorts!$B$22",  # the fit's alpha: moved down with its table (row 16 at 3 months, 22 at 6)
        "Cohorts!$A$4:$A$9",  # the list of the signup months: six
        "Cohorts!B4:G4",  # the first cohort's every month: Month 0 to Month 5
    ]
    line = next(line for line in result.stdout.splitlines() if line.startswith("3 chart(s), conditional format(s)"))
    assert line.startswith(
        "3 chart(s), conditional format(s), validation(s) or table(s) of yours over the months now take in the months "
        "added: conditional format on 'Mine': =A1>SUM(Cohorts!$B$4:$B$6) -> =A1>SUM(Cohorts!$B$4:$B$9); validation "
        "on 'Mine': =Cohorts!$A$4:$A$6 -> =Cohorts!$A$4:$A$9; sparkline 'Mine'!C1: =Cohorts!B4:D4 -> =Cohorts!B4:G4 "
        "(a range that ended"
    )
