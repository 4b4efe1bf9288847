"""recalc's inserted-row check parses the Cohorts sheet once for its two cohort tables (issue 14, speed).

Before: :func:`xl_retention.workbook.inserted_rows.inserted_row` parsed the sheet part of each cohort table,
``Cohort_Counts`` and ``Order_Cohort_Counts``, both on Cohorts in the template: the same part parsed twice (about
0.01 s for the 120-month template). Now once, with the same lines.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip
from xl_retention.workbook.inserted_rows import inserted_row


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The titles of the sheet parts parsed (inplace.SheetXml.parse, the real one, each call recorded)."""
    titles: list[str] = []
    parse = ip.SheetXml.parse.__func__

    def recorded(cls, xml: bytes, title: str):
        titles.append(title)
        return parse(cls, xml, title)

    monkeypatch.setattr(ip.SheetXml, "parse", classmethod(recorded))
    return titles


def _order_area(path: Path) -> tuple[str, int, int]:
    wb = openpyxl.load_workbook(path)
    ((sheet, area),) = wb.defined_names["Order_Cohort_Counts"].destinations
    left, _, _, bottom = openpyxl.utils.cell.range_boundaries(area.replace("$", ""))
    return sheet, left, bottom


def test_the_cohorts_sheet_is_parsed_once_for_both_tables(tmp_path, parsed):
    path = tmp_path / "t.xlsx"
    build_template(path, months=12)
    assert _order_area(path)[0] == "Cohorts"
    assert inserted_row(path) is None
    assert parsed.count("Cohorts") == 1
    assert len(parsed) == len(set(parsed))


def test_a_figure_below_the_order_cohorts_is_still_named(tmp_path, parsed):
    path = tmp_path / "t.xlsx"
    build_template(path, start="2026-01", months=12)
    sheet, left, bottom = _order_area(path)
    wb = openpyxl.load_workbook(path)
    wb[sheet].cell(bottom + 1, left + 1).value = 7
    wb.save(path)
    assert (left, bottom) == (2, 67)
    assert inserted_row(path) == (
        "'Cohorts'!C68 holds a figure below the last cohort of Order_Cohort_Counts (rows 56 to 67), which the order "
        "cohorts' retention shares read: it is left out; add months with xl-retention extend FILE --months N (the "
        "cohort table grows with them) and type it there"
    )
    assert parsed.count("Cohorts") == 1
