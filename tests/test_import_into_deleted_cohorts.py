"""The Cohorts sheet deleted in Excel or LibreOffice: the template's names over it become #REF! (LibreOffice writes
'#REF!', Excel '#REF!$B$4:$D$7'). import --subscriptions --into then stopped with "the defined name 'Cohort_Counts'
does not name one range", which says neither what happened nor what to do. It now names the name, what it is, and
the way back, as it does where the name still points to a sheet that is gone; the workbook is left as it was."""

from __future__ import annotations

import openpyxl
import pytest
from test_import_into import run, write

from xl_retention.workbook import build_template


@pytest.mark.parametrize("broken", ["#REF!", "#REF!$B$4:$D$7"])
def test_a_deleted_cohorts_sheet_is_named(tmp_path, broken: str) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2025-01", months=4)
    wb = openpyxl.load_workbook(book)
    del wb["Cohorts"]
    for name in list(wb.defined_names):
        if "Cohorts" in (wb.defined_names[name].attr_text or ""):
            wb.defined_names[name].attr_text = broken  # as the application deleting the sheet leaves it
    wb.save(book)
    before = book.read_bytes()
    result = run("import", "--subscriptions", write(tmp_path, "s.csv", "customer_id,month,mrr\nA,2025-01,10\n"),
                 "--into", book)  # fmt: skip
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"xl-retention: error: t.xlsx: the defined name 'Cohort_Counts' (a cohort table the data goes in) is {broken}, "
        "the cells it named deleted (the 'Cohorts' sheet or its rows): put the sheet back (copy it from a new "
        "tracker: xl-retention new NEW.xlsx) or import into a tracker that has it\n"
    )
    assert book.read_bytes() == before
