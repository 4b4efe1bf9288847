"""extend over a Cohorts sheet whose template colour scale a column inserted beside the tables widened (H265's finding
05): LibreOffice's Insert Columns at O widened the projection table's scale from C40:N51 to C40:O51, and extend left
Cohorts at its 12 months, "Cohorts has conditional formats of its own (C40:O51) ...", the new months' cohorts without
rows (Cohort_Counts Cohorts!$B$4:$M$15 beside Customers to 2027-03). The widened scale is the template's."""

from __future__ import annotations

import zipfile

import openpyxl

from xl_retention.workbook import build_template
from xl_retention.workbook.extend import extend_workbook


def _widened(path) -> None:
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    hits = [name for name, data in parts.items() if b'sqref="C40:N51"' in data]
    assert len(hits) == 1
    parts[hits[0]] = parts[hits[0]].replace(b'sqref="C40:N51"', b'sqref="C40:O51"')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_the_template_scale_widened_by_a_column_lets_cohorts_grow(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    _widened(path)
    done = extend_workbook(path, months=3)
    assert not [note for note in done.notes if "Cohorts keeps" in note]
    wb = openpyxl.load_workbook(path)
    assert wb.defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$P$18"
