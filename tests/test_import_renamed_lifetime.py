"""import --into an earlier tracker whose Lifetime value sheet the user renamed ('CLV').

Before: its formulas of an earlier template (the ARPA read with LOOKUP(9.99E+307, ...), which an error in the last
month's MRR turned into the wrong month's) were left as they were and nothing said so, while a renamed Dashboard was
upgraded (c3865c0) and the same sheet under its own name was too. Now: the sheet is found by the template's names over
its cells (LTV_ARPA, ...: Excel renames their references with the sheet), upgraded under its name and listed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_import_renamed_monthly import renamed  # the sheet renamed as Excel renames it

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.upgrade import LIFETIME_EARLIER, _current_lifetime

SUBSCRIPTIONS = "customer_id,month,mrr\na,2026-01,10\nb,2026-01,10\na,2026-02,10\nc,2026-03,20\n"


def _earlier(tmp_path: Path, name: str, title: str | None) -> Path:
    """A 3-month tracker whose Lifetime value B3 holds an earlier template's ARPA, its sheet renamed ``title``."""
    made = build_template(tmp_path / f"made_{name}", start="2026-01", months=3)
    wb = openpyxl.load_workbook(made)
    wb["Lifetime value"]["B3"] = LIFETIME_EARLIER["B3"][0]
    wb.save(made)
    if title is None:
        return made
    return renamed(made, tmp_path / name, "Lifetime value", title)


def test_a_renamed_lifetime_value_sheet_is_upgraded_and_listed(tmp_path, capsys):
    for name, title in (("plain.xlsx", None), ("clv.xlsx", "CLV")):
        book = _earlier(tmp_path, name, title)
        csv = tmp_path / "s.csv"
        csv.write_text(SUBSCRIPTIONS)
        capsys.readouterr()
        assert cli.main(["import", "--subscriptions", str(csv), "--into", str(book)]) == 0
        out = capsys.readouterr().out
        sheet = title or "Lifetime value"
        assert openpyxl.load_workbook(book)[sheet]["B3"].value == _current_lifetime()["B3"], name
        assert f"'{sheet}'!B3" in next(x for x in out.splitlines() if x.startswith("brought the formulas")), name
