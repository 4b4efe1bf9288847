"""The tracking workbook with very little data: one or two months, empty cohorts, a month between gaps.

Each test fills the template's input cells with its own small figures (or imports its own small
export), recalculates with the embedded engine and reads what the file stores; the expected values
are worked out by hand in the test.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def chart_series(path: Path) -> list[tuple[str, str, str, str | None]]:
    """Each chart series: (chart kind, legend text, value range, marker symbol or None)."""
    out = []
    with zipfile.ZipFile(path) as z:
        names = sorted((n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)),
                       key=lambda n: int(re.search(r"(\d+)\.xml", n)[1]))  # fmt: skip
        for name in names:
            xml = z.read(name).decode()
            kind = re.search(r"<(?:c:)?(line|bar)Chart>", xml)[1]
            for body in re.findall(r"<(?:c:)?ser>(.*?)</(?:c:)?ser>", xml, re.S):
                legend = re.search(r"<(?:c:)?tx>.*?<(?:c:)?[vf]>([^<]*)</", body, re.S)[1]  # text or its cell
                values = re.search(r"<(?:c:)?val>.*?<(?:c:)?f>([^<]+)</", body, re.S)[1]
                symbol = re.search(r'<(?:c:)?symbol val="(\w+)"', body)
                out.append((kind, legend, values, symbol[1] if symbol else None))
    return out


def test_a_chart_of_one_month_draws_its_point(tmp_path):
    # January: 10 customers signed up (from none); February: 8 of them stay, 1 new. Only February has a CRR, NRR and
    # GRR, so the fitted charts read one month: a line series without markers draws nothing for a single point
    # (LibreOffice and Excel join points with lines), and the Dashboard's charts looked empty.
    inputs = {
        "Customers": {"start": [0], "gained": [10, 1], "end": [10, 9]},
        "Revenue": {"start": [0], "new": [500, 30], "churned": [0, 100]},
    }
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12, inputs=inputs)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    series = chart_series(tmp_path / "r.xlsx")
    lines = [(legend, values, symbol) for kind, legend, values, symbol in series if kind == "line"]
    assert [(legend, values) for legend, values, _ in lines] == [
        ("Customers at end", "'Customers'!$H$3:$H$3"),
        ("Retention (CRR)", "'Customers'!$I$3:$I$3"),
        ("NRR", "'Revenue'!$Q$3:$Q$3"),
        ("GRR", "'Revenue'!$R$3:$R$3"),
        ("MRR at end", "'Revenue'!$P$3:$P$3"),
        ("NPS", "'NPS'!$H$14:$H$14"),  # no answers: the empty row below the months
    ]
    assert {symbol for _, _, symbol in lines} == {"circle"}  # every point drawn, alone or not
    values = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)
    # the one point each chart draws: February's figures, by hand
    assert values["Customers"]["H3"].value == 9
    assert values["Customers"]["I3"].value == pytest.approx((9 - 1) / 10)
    assert values["Revenue"]["Q3"].value == pytest.approx((500 - 100) / 500)
    assert values["Revenue"]["R3"].value == pytest.approx((500 - 100) / 500)
    assert values["Revenue"]["P3"].value == pytest.approx(500 + 30 - 100)
