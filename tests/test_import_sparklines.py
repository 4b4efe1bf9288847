"""import --into a tracker with the user's sparklines (Excel 2010's, in a sheet's extLst, which openpyxl drops).

Before: a sparkline over Customers!D2:D4 (every month of a 3-month tracker) stayed over D2:D4 when the import added
two months (a conditional format beside it was widened and listed), and openpyxl's "UserWarning: Sparkline Group
extension is not supported and will be removed" was printed though nothing was removed; a sparkline on the Cohorts
sheet was lost without a word when the sheet grew (it is replaced by the template's for the new months).
Now: a sparkline over the months is widened as a chart's series and listed, no warning is printed, and a sparkline
(or an Excel 2010 format, a link, merged cells) of the user's own on the Cohorts sheet refuses the growth, naming it,
the file unchanged."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from xl_retention import cli
from xl_retention.recalculation.xlsx_values import _sheet_parts
from xl_retention.workbook.template import build_template

SNAPSHOTS = "customer_id,month,mrr\na,2024-01,100\nb,2024-01,50\na,2024-02,100\na,2024-03,100\na,2024-04,100\n"
SNAPSHOTS += "c,2024-05,70\na,2024-05,100\n"


def _sparkline(data: str, cell: str) -> bytes:
    return (
        '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" '
        'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups '
        'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap">'
        '<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline>'
        f"<xm:f>{data}</xm:f><xm:sqref>{cell}</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup>"
        "</x14:sparklineGroups></ext></extLst>"
    ).encode()


def tracker(path: Path, sparklines: dict[str, tuple[str, str]]) -> Path:
    """A 3-month tracker (2024-01..03) with a sparkline drawn on each sheet of ``sparklines`` (sheet -> its data
    range and cell), written into the sheet part as Excel writes it."""
    build_template(path, start="2024-01", months=3)
    with zipfile.ZipFile(path) as package:
        infos = package.infolist()
        data = {info.filename: package.read(info) for info in infos}
        parts = _sheet_parts(package)
    for title, (source, cell) in sparklines.items():
        data[parts[title]] = data[parts[title]].replace(b"</worksheet>", _sparkline(source, cell) + b"</worksheet>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for info in infos:
            package.writestr(info.filename, data[info.filename])
    path.write_bytes(buffer.getvalue())
    return path


def _drawn(path: Path, title: str) -> list[str]:
    with zipfile.ZipFile(path) as package:
        return [m.decode() for m in re.findall(rb"<xm:f>([^<]*)</xm:f>", package.read(_sheet_parts(package)[title]))]


def test_a_sparkline_over_the_months_is_widened_and_listed_without_warnings(tmp_path, capsys):
    book = tracker(tmp_path / "t.xlsx", {"Customers": ("Customers!D2:D4", "L2"), "Dashboard": ("Revenue!B2:B4", "J2")})
    csv = tmp_path / "s.csv"
    csv.write_text(SNAPSHOTS)
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(book)]) == 0
    out, err = capsys.readouterr()
    assert _drawn(book, "Customers") == ["Customers!D2:D6"]
    assert _drawn(book, "Dashboard") == ["Revenue!B2:B6"]
    line = next(x for x in out.splitlines() if "of yours over the months" in x)
    assert "sparkline 'Customers'!L2: Customers!D2:D4 -> Customers!D2:D6" in line
    assert "sparkline 'Dashboard'!J2: Revenue!B2:B4 -> Revenue!B2:B6" in line
    assert "Warning" not in err and "warn" not in out + err


def test_a_sparkline_of_the_users_on_the_cohorts_sheet_refuses_its_growth(tmp_path, capsys):
    book = tracker(tmp_path / "t.xlsx", {"Cohorts": ("Cohorts!B4:B6", "P4")})
    before = book.read_bytes()
    csv = tmp_path / "s.csv"
    csv.write_text(SNAPSHOTS)
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", str(csv), "--into", str(book)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        "xl-retention: error: Cohorts has sparklines of its own (P4), which replacing the sheet by the template's for "
        "the new months would lose; make a tracker that covers the data (xl-retention new) and import into it"
    )
    assert book.read_bytes() == before
