"""An input filled by Google Sheets' IMPORTRANGE that showed an error when downloaded
(``IFERROR(__xludf.DUMMYFUNCTION("IMPORTRANGE(...)"),#N/A)``) is named in the reasons of the errors it causes
(H332's finding 06): they were empty (#N/A), named no cell ("customers_end is the error value #N/A") or spoke of a
deleted cell (#REF!), where nothing was deleted.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

URL = "https://docs.google.com/spreadsheets/d/xyz"


def _recalc(tmp_path: Path, capsys, cell: str, fallback: str) -> dict:
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=6)
    wb = openpyxl.load_workbook(path)
    c = wb["Customers"]
    c["B2"] = 100
    for i, (gained, end) in enumerate([(10, 105), (12, 110), (8, 112), (15, 120), (9, 121), (11, 125)]):
        c.cell(2 + i, 3, gained)
        c.cell(2 + i, 4, end)
    c[cell] = f'=IFERROR(__xludf.DUMMYFUNCTION("IMPORTRANGE(""{URL}"",""Signups!{cell}"")"),{fallback})'
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return {e["address"]: (e["error"], e["reason"]) for e in report["errors"]}


def _said(cell: str, header: str, code: str) -> str:
    return (
        f'Customers!{cell} ({header}) is Google Sheets\' IMPORTRANGE("{URL}","Signups!{cell}"), which showed {code} '
        "when the file was downloaded (the download keeps the value shown): open it in Google Sheets (IMPORTRANGE: "
        "Allow access) and download the file again, or type the figure there"
    )


@pytest.mark.parametrize(
    ("cell", "fallback", "address", "expected"),
    [
        ("D5", "#N/A", "Customers!F5", ("#N/A", "{said} (#N/A)")),
        ("D5", '"#N/A"', "Customers!F5", ("#VALUE!", "CRR: customers_end is the error value #N/A: {said} (#VALUE!)")),
        ("C5", "#REF!", "Customers!C5", ("#REF!", "{said} (#REF!)")),
    ],
)
def test_errors_from_a_google_input_name_it(tmp_path, capsys, cell, fallback, address, expected):
    errors = _recalc(tmp_path, capsys, cell, fallback)
    header = "Customers at end" if cell == "D5" else "Gained (new + reactivated)"
    said = _said(cell, header, fallback.strip('"'))
    assert errors[address] == (expected[0], expected[1].format(said=said))
    customers = {a: r for a, r in errors.items() if a.startswith("Customers!")}
    assert customers and all(f"Customers!{cell}" in r and "deleted" not in r for _, r in customers.values())
