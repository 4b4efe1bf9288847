"""A tracker whose monthly sheets the user renamed in another script (Клиенты, 顧客, Übersicht): Excel writes the new
name without quotes in every name and chart series (``Клиенты!$D$2:$D$4``). ``extend`` and ``import --into`` stretch
them to the months added, as for an ASCII name (Kunden). They knew an unquoted sheet name only when it began with an
ASCII letter: the names and all Dashboard charts stayed on the old months (exit 0, "every ... kept"), and the
Dashboard of ``import --recalc`` showed the last old month."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.workbook import build_template
from xl_retention.workbook.extend import extend_workbook
from xl_retention.workbook.inplace import extend_refs

SUBSCRIPTIONS = "customer_id,month,mrr\n" + "".join(
    f"{c},2026-0{m},{v}\n" for m in range(1, 7) for c, v in (("a", 100), ("b", 50)) if not (c == "b" and m > 4)
)
_FORMULA = re.compile(r"(<(?:c:f|f|definedName)\b[^>]*>)([^<]*)(</)")


def _renamed(path: Path, old: str, new: str) -> None:
    """The sheet ``old`` renamed ``new`` as Excel does it: its name, and every reference to it written unquoted."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename.endswith(".xml"):
                text = data.decode().replace(f'name="{old}"', f'name="{new}"')
                text = _FORMULA.sub(
                    lambda m: (
                        m.group(1)
                        + m.group(2).replace(f"&apos;{old}&apos;!", f"{new}!").replace(f"'{old}'!", f"{new}!")
                        + m.group(3)
                    ),
                    text,
                )
                data = text.encode()
            target.writestr(info, data)


def _names_and_series(path: Path) -> tuple[dict[str, str], list[str]]:
    with zipfile.ZipFile(path) as package:
        workbook = package.read("xl/workbook.xml").decode()
        charts = "".join(package.read(n).decode() for n in package.namelist() if n.startswith("xl/charts/chart"))
    names = dict(re.findall(r'<definedName name="(Customers_End|Revenue_End)"[^>]*>([^<]*)<', workbook))
    return names, sorted(set(re.findall(r"<(?:c:)?f>([^<]*!\$[A-Z]+\$2:\$[A-Z]+\$\d+)</(?:c:)?f>", charts)))


@pytest.mark.parametrize(("customers", "revenue"), [("Клиенты", "Выручка"), ("顧客", "売上"), ("Übersicht", "Ärzte")])
def test_extend_stretches_names_and_charts_over_sheets_renamed_in_any_script(
    tmp_path: Path, customers: str, revenue: str
) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    _renamed(path, "Customers", customers)
    _renamed(path, "Revenue", revenue)
    assert _names_and_series(path)[0] == {
        "Customers_End": f"{customers}!$D$2:$D$4",
        "Revenue_End": f"{revenue}!$H$2:$H$4",
    }
    extend_workbook(path, months=3)
    names, series = _names_and_series(path)
    assert names == {"Customers_End": f"{customers}!$D$2:$D$7", "Revenue_End": f"{revenue}!$H$2:$H$7"}
    assert len([s for s in series if s.startswith((customers + "!", revenue + "!"))]) == 12  # and 3 on 'NPS'
    assert [s for s in series if not s.endswith("$7")] == []


def test_import_into_a_tracker_with_a_renamed_sheet_shows_the_new_months(tmp_path: Path) -> None:
    from cli_process import run

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    _renamed(path, "Customers", "Клиенты")
    _renamed(path, "Revenue", "Выручка")
    csv = tmp_path / "subs.csv"
    csv.write_text(SUBSCRIPTIONS)
    result = run("import", "--subscriptions", csv, "--into", path, "--recalc")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _names_and_series(path)[0] == {"Customers_End": "Клиенты!$D$2:$D$7", "Revenue_End": "Выручка!$H$2:$H$7"}
    dashboard = openpyxl.load_workbook(path, data_only=True)["Dashboard"]
    assert (dashboard["B4"].value, dashboard["B5"].value) == (1, 100)  # June: a alone, MRR 100 (was March: 2, 150)
    assert dashboard["C4"].value.strftime("%Y-%m") == "2026-06"


def test_a_reference_is_stretched_whatever_the_script_of_its_sheets_name() -> None:
    text = "Клиенты!$D$2:$D$4+Ärzte!A2:A4+'Kunden 2'!B2:B4+Kunden!C2:C4"
    assert extend_refs(text, "Клиенты", rows=(4, 7)) == "Клиенты!$D$2:$D$7+Ärzte!A2:A4+'Kunden 2'!B2:B4+Kunden!C2:C4"
    assert extend_refs(text, "Ärzte", rows=(4, 7)) == "Клиенты!$D$2:$D$4+Ärzte!A2:A7+'Kunden 2'!B2:B4+Kunden!C2:C4"
    # "rzte" inside "Ärzte" is no sheet of its own
    assert extend_refs("Ärzte!A2:A4", "rzte", rows=(4, 7)) == "Ärzte!A2:A4"
