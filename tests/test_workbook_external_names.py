"""extend / import --into and references to ANOTHER workbook's sheet of the same name: a defined name of the user's
over last year's tracker (``[1]Customers!$C$2:$C$4``, Excel's form of an external link) was stretched with this
tracker's months ($C$7: the first quarter became a half-year, listed as intended). References to another workbook
stay as they are in names and chart series, as they did in cell formulas; this workbook's names still grow."""

import re
import zipfile
from pathlib import Path

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.inplace import extend_in_xml
from xl_retention.workbook.rows_below import sums_the_months

SUBSCRIPTIONS = "customer_id,month,mrr\n" + "".join(
    f"{c},2025-0{m},{v}\n" for m in range(1, 7) for c, v in (("a", 100), ("b", 50))
)
NAMES = (
    b'<definedName name="LastYearQ1Gained">[1]Customers!$C$2:$C$4</definedName>'
    b'<definedName name="ThisYearQ1Gained">Customers!$C$2:$C$4</definedName>'
)


def _tracker(tmp_path: Path) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    with zipfile.ZipFile(path) as z:
        parts = {item: z.read(item) for item in z.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"</definedNames>", NAMES + b"</definedNames>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item, data in parts.items():
            z.writestr(item, data)
    return path


def _names(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/workbook.xml").decode()
    found = re.findall(r'<definedName name="(\w+Q1Gained)"[^>]*>([^<]*)<', xml)
    return dict(found)


WANT = {"LastYearQ1Gained": "[1]Customers!$C$2:$C$4", "ThisYearQ1Gained": "Customers!$C$2:$C$7"}


def test_extend_leaves_a_name_over_another_workbooks_sheet(tmp_path, capsys):
    path = _tracker(tmp_path)
    assert cli.main(["extend", str(path), "--months", "3"]) == 0
    assert _names(path) == WANT
    assert "LastYearQ1Gained" not in capsys.readouterr().out


def test_import_adding_months_leaves_it_too(tmp_path, capsys):
    path = _tracker(tmp_path)
    (tmp_path / "subs.csv").write_text(SUBSCRIPTIONS)
    assert cli.main(["import", "--subscriptions", str(tmp_path / "subs.csv"), "--into", str(path)]) == 0
    assert _names(path) == WANT


def test_a_chart_series_over_another_workbook_and_a_cell_below_the_months_reading_it():
    chart = b"<c:f>[1]Customers!$C$2:$C$4</c:f><c:f>Customers!$C$2:$C$4</c:f><c:f>'[1]Customers'!$C$2:$C$4</c:f>"
    assert extend_in_xml(chart, "Customers", rows=(4, 7)) == (
        b"<c:f>[1]Customers!$C$2:$C$4</c:f><c:f>Customers!$C$2:$C$7</c:f><c:f>'[1]Customers'!$C$2:$C$4</c:f>"
    )
    # last year's first quarter under this year's months is no total of them (it is not moved down as one)
    assert not sums_the_months(b'<c r="L5"><f>SUM([1]Customers!C2:C4)</f></c>', "Customers", 2, 4)
    assert sums_the_months(b'<c r="L5"><f>SUM(Customers!C2:C4)</f></c>', "Customers", 2, 4)
