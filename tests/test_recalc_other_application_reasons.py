"""A cell whose stored value is not kept because a program other than Excel saved the file says so in its reason.

The report said only "unsupported function FORECAST.ETS" for each such cell, under the summary "they keep no value
stored in the file, or its inputs changed since", where the file did hold a value (ONLYOFFICE's or LibreOffice's own)
and no input had changed (the task's known leftover: a value LibreOffice saved kept with a misleading message). The
reason now names the program: '...; the value the file holds was stored by ONLYOFFICE/7.5.1.23, not by Excel: not
kept'. A cell reading it keeps its own reason; a file Excel saved keeps the value with no such clause.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_recalc_kept import recalculated
from test_recalc_other_application import _book

pytest.importorskip("formualizer")

CLAUSE = "the value the file holds was stored by {}, not by Excel: not kept"


@pytest.mark.parametrize(
    ("application", "named"),
    [
        (b"ONLYOFFICE/7.5.1.23", "ONLYOFFICE/7.5.1.23"),
        (b"LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2", "LibreOffice/7.4.7.2"),
        (None, "a program that does not name itself (no docProps/app.xml)"),
    ],
)
def test_the_reason_names_the_program_that_stored_the_value(
    tmp_path: Path, application: bytes | None, named: str
) -> None:
    _, file = recalculated(_book(tmp_path, application), "incomplete")
    reasons = {u.address: u.reason for u in file.unsupported}
    assert reasons["S!H1"] == f"unsupported function FORECAST.ETS; {CLAUSE.format(named)}"
    assert "not by Excel" not in reasons["S!H2"]


def test_a_file_excel_saved_has_no_such_clause(tmp_path: Path) -> None:
    _, file = recalculated(_book(tmp_path, b"Microsoft Excel"), "ok")
    assert [u.reason for u in file.unsupported] == ["unsupported function FORECAST.ETS"]
