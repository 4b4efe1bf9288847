"""A figure typed beside the order-cohort table on Cohorts (P38 = 250) in a sheet whose stored <dimension> still says
A1:N52 (a writer that does not update it): an import growing the tables read the sheet only that far, replaced it by
the template's grown one and dropped the 250, exit 0 (H188's finding 10, lost data). The sheet is now read whole: the
figure is seen and moves with its row, beside the Jan 2026 order cohort in the grown sheet (row 53), as where the
dimension is right (tests/test_import_cohorts_beside_values.py).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import openpyxl
from cli_process import run

from xl_retention.recalculation.xlsx_values import _sheet_parts


def test_a_value_beyond_a_stale_dimension_is_not_dropped(tmp_path):
    made = tmp_path / "made.xlsx"
    assert run("new", made, "--start", "2026-01", "--months", "6").returncode == 0
    book = tmp_path / "t.xlsx"
    with zipfile.ZipFile(made) as package, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        part = _sheet_parts(package)["Cohorts"]
        for name in package.namelist():
            data = package.read(name)
            if name == part:
                row = re.search(rb'<row [^>]*r="38"[^>]*>.*?</row>', data, re.S).group(0)
                data = data.replace(row, row.replace(b"</row>", b'<c r="P38"><v>250</v></c></row>'))
                assert re.search(rb'<dimension ref="A1:N\d+"', data)  # the stored dimension ends at column N
            out.writestr(name, data)
    orders = tmp_path / "orders.csv"
    rows = [f"a@x.com,2026-{m:02d}-05\nb{m}@x.com,2026-{m:02d}-09\n" for m in range(1, 12)]
    orders.write_text("customer_id,date\n" + "".join(rows))
    result = run("import", "--orders", orders, "--into", book)
    assert result.returncode == 0, result.stderr
    cohorts = openpyxl.load_workbook(book)["Cohorts"]
    found = [(c.coordinate, c.value) for row in cohorts.iter_rows(min_col=15) for c in row if c.value is not None]
    assert found == [("P53", 250)]
    assert (cohorts["A52"].value, cohorts["A53"].value) == ("First order month", dt.datetime(2026, 1, 1))
