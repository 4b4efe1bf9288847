"""``upgrade`` of a tracker of the first template (tests/data/template_2026-11-22_8b3d91a7.xlsx) brings its Dashboard
charts and its Lifetime value notes up to this version's (H455's findings 04 and 01).

04: its three charts read the figures' own columns (Customers F and G, Revenue M and N, NPS F and G) over all 24
months, whose months without a figure hold the formulas' "" (text), which Excel and LibreOffice draw as 0: after
upgrade + recalc, CRR, churn, NRR and GRR fell to 0% from July and the NPS to 0 in March and May (no answers). Now
upgrade points them at the hidden chart columns it puts back (#N/A between months with figures, a gap) and recalc fits
them to the months with figures, as a new tracker's; the churn line goes (this version draws the CRR; churn = 1 - CRR).

01: the Dashboard said "No CLV: its ARPA is blank, see 'Lifetime value'!C8" and C8 was empty (upgrade brought C5's
note only, left B3, the ARPA that template had as an input, blank). Now a blank B3 gets this version's default ARPA,
with its note in C3, and C8 gets this version's note, which says why where the CLV has no value.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]

FIRST = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
CHARTS = ("xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml")


def _filled(path: Path, months: int = 6, arpa: float | None = None, customers: int | None = None) -> Path:
    """The first template filled by hand: Customers (its first ``customers`` months only) and Revenue for ``months``
    months from Jan 2026, NPS answers in Jan, Feb, Apr and Jun, gross margin 0.8, ARPA ``arpa`` typed."""
    shutil.copy(FIRST, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    ws["B2"] = 100
    counts = [(10, 105), (8, 108), (12, 115), (6, 113), (9, 117), (11, 120)]
    for row, (gained, end) in enumerate(counts[: customers or months], 2):
        ws.cell(row, 3).value, ws.cell(row, 4).value = gained, end
    revenue = wb["Revenue"]
    moves = [(10000, 1000, 300, 0, 100, 400), (None, 800, 200, 50, 150, 300), (None, 1200, 0, 0, 80, 500),
             (None, 600, 400, 100, 0, 250), (None, 900, 100, 0, 200, 350), (None, 1100, 250, 0, 50, 600)]  # fmt: skip
    for row, values in enumerate(moves[:months], start=2):
        for column, value in enumerate(values, start=2):
            if value is not None:
                revenue.cell(row, column).value = value
    answers = wb["NPS scores"]
    for column, scores in {2: [10, 9, 9, 8, 7, 6, 3], 3: [10, 10, 9, 8, 5, 4, 2, 9, 9, 10], 5: [9, 9, 9, 9, 8],
                           7: [0, 10, 7, 8, 9, 6]}.items():  # fmt: skip
        for k, score in enumerate(scores):
            answers.cell(2 + k, column).value = score
    wb["Lifetime value"]["B4"] = 0.8
    if arpa is not None:
        wb["Lifetime value"]["B3"] = arpa
    wb.save(path)
    return path


def _series(path: Path) -> dict[str, tuple[str, list[str], str]]:
    """Chart part -> its title, the ranges it reads (series names left out), and its settings."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in CHARTS:
            xml = z.read(name).decode()
            title = re.findall(r"<a:t>([^<]*)</a:t>", xml)[0]
            refs = [f for f in re.findall(r"<(?:c:)?f>([^<]*)</(?:c:)?f>", xml) if ":" in f]
            settings = " ".join(re.findall(r"<(?:c:)?(?:plotVisOnly|dispBlanksAs) val=\"\w+\"", xml))
            out[name] = (title, refs, settings)
    return out


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory) -> tuple[Path, Path, list[str]]:
    """The filled first template upgraded (a copy) and then recalculated; upgrade's report lines."""
    folder = tmp_path_factory.mktemp("h462")
    path = _filled(folder / "t.xlsx")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["upgrade", str(path)]) == 0
    before = folder / "upgraded.xlsx"
    shutil.copy(path, before)
    assert cli.main(["recalc", str(path), "--in-place"]) == 0
    return before, path, out.getvalue().splitlines()


SETTINGS = '<plotVisOnly val="0" <dispBlanksAs val="span"'


def test_upgrade_points_the_first_templates_charts_at_the_chart_columns(upgraded) -> None:
    before, _, _ = upgraded
    assert list(_series(before).values()) == [
        ("Customer retention (CRR); churn = 1 - CRR", ["'Customers'!$A$2:$A$25", "'Customers'!$I$2:$I$25"], SETTINGS),
        (
            "Net and gross revenue retention",
            ["'Revenue'!$A$2:$A$25", "'Revenue'!$Q$2:$Q$25", "'Revenue'!$A$2:$A$25", "'Revenue'!$R$2:$R$25"],
            SETTINGS,
        ),  # fmt: skip
        (
            "NPS with its 95% margin of error",
            ["'NPS'!$I$2:$I$25", "'NPS'!$I$2:$I$25", "'NPS'!$A$2:$A$25", "'NPS'!$H$2:$H$25"],
            SETTINGS,
        ),  # fmt: skip
    ]


def test_recalc_fits_them_to_the_months_with_figures_none_drawn_as_0(upgraded) -> None:
    _, path, _ = upgraded
    series = _series(path)
    assert list(series.values()) == [
        ("Customer retention (CRR); churn = 1 - CRR", ["'Customers'!$A$2:$A$7", "'Customers'!$I$2:$I$7"], SETTINGS),
        (
            "Net and gross revenue retention",
            ["'Revenue'!$A$2:$A$7", "'Revenue'!$Q$2:$Q$7", "'Revenue'!$A$2:$A$7", "'Revenue'!$R$2:$R$7"],
            SETTINGS,
        ),  # fmt: skip
        (
            "NPS with its 95% margin of error",
            ["'NPS'!$I$2:$I$7", "'NPS'!$I$2:$I$7", "'NPS'!$A$2:$A$7", "'NPS'!$H$2:$H$7"],
            SETTINGS,
        ),  # fmt: skip
    ]
    wb = openpyxl.load_workbook(path, data_only=True)
    points = {ref: [wb[ref.split("!")[0].strip("'")][f"{ref[-1]}{r}"].value for r in range(2, 8)]
              for ref in ("'Customers'!I", "'Revenue'!Q", "'Revenue'!R", "'NPS'!H")}  # fmt: skip
    rounded = {ref: [round(v, 4) if isinstance(v, float) else v for v in values] for ref, values in points.items()}
    assert rounded == {
        "'Customers'!I": [0.95, 0.9524, 0.9537, 0.9304, 0.9558, 0.9316],
        "'Revenue'!Q": [0.98, 0.9769, 0.9491, 1.0125, 0.965, 0.97],
        "'Revenue'!R": [0.95, 0.9583, 0.9491, 0.9792, 0.9573, 0.9512],
        "'NPS'!H": [14.2857, 30, "#N/A", 80, "#N/A", 0],  # March and May: no answers, a gap (was "": drawn as 0)
    }


def test_upgrade_says_so_and_a_second_upgrade_changes_nothing(upgraded, tmp_path) -> None:
    before, _, lines = upgraded
    assert (
        "'Dashboard': the first template's charts 'Customer retention and churn', 'Net and gross revenue retention', "
        "'NPS with its 95% margin of error' read this version's hidden chart columns (a month without a figure is a "
        "gap, never drawn as 0; recalc fits them to the months with figures); 'Customer retention and churn' is now "
        "'Customer retention (CRR); churn = 1 - CRR' (its churn line left out: this version charts the CRR, the churn "
        "rate is 1 - CRR; Customers!G keeps it)"
    ) in lines
    again = tmp_path / "again.xlsx"
    shutil.copy(before, again)
    assert cli.main(["upgrade", str(again)]) == 0
    assert again.read_bytes() == before.read_bytes()


def test_the_blank_arpa_gets_this_versions_default_and_its_notes(upgraded) -> None:
    _, path, lines = upgraded
    assert (
        "'Lifetime value'!B3, the ARPA the first template (2026-11-22) left blank for you to type, now holds this "
        "version's default, the last month's MRR at end / customers at end (its note in 'Lifetime value'!C3); type "
        "your own figure over it to keep it"
    ) in lines
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb["Lifetime value"]
    assert round(ws["B3"].value, 6) == round(14020 / 120, 6)  # June's MRR at end / customers at end
    assert (
        ws["C3"].value
        == "Default: the last month's MRR at end / customers at end. Type your own figure over it to keep it."
    )
    assert ws["C8"].value is None  # a CLV: nothing to say (its formula is there)
    assert round(wb["Dashboard"]["B9"].value, 2) == round(ws["B8"].value, 2) == 1719.69
    formulas = openpyxl.load_workbook(path)["Lifetime value"]
    assert str(formulas["C8"].value).startswith("=IF(")
    # the notes wrap in a column as wide as this version's (the first template's C had no width: cut when printed)
    assert (formulas.column_dimensions["C"].width, formulas["C8"].alignment.wrap_text) == (48, True)


def test_the_dashboards_pointer_leads_to_a_note_that_says_why(tmp_path) -> None:
    """Revenue runs to March, Customers to February: no ARPA, said in C8, where the Dashboard points."""
    path = _filled(tmp_path / "t.xlsx", months=3, customers=2)
    assert cli.main(["upgrade", str(path)]) == 0
    assert cli.main(["recalc", str(path), "--in-place"]) == 0
    wb = openpyxl.load_workbook(path, data_only=True)
    assert wb["Dashboard"]["E9"].value == "No CLV: its ARPA is blank, see 'Lifetime value'!C8"
    assert wb["Lifetime value"]["C8"].value == (
        "No value: ARPA (B3) is blank: see Customers!D4, the customers at end of the last month with MRR at end, "
        "blank, 0 or no number: fill it, or type your ARPA in B3."
    )


def test_a_typed_arpa_is_kept_and_the_clv_gets_its_note(tmp_path, capsys) -> None:
    path = _filled(tmp_path / "t.xlsx", arpa=50)
    assert cli.main(["upgrade", str(path)]) == 0
    assert "'Lifetime value'!B3, the ARPA" not in capsys.readouterr().out
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert (ws["B3"].value, ws["C3"].value) == (50, None)
    assert str(ws["C8"].value).startswith("=IF(")
