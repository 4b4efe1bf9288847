"""An input holding Google Sheets' IMPORTRANGE that showed an error at download is itself listed among recalc's errors,
with the error and its reason, before the cells it causes to fail (H346; KNOWN's Google Sheets item).

Its value is Google's fallback (``IFERROR(__xludf.DUMMYFUNCTION("IMPORTRANGE(...)"),#N/A)``): the cells reading it
named it in their reasons (H332's 06), but ``Customers!D5`` itself was not in the list (a ``#N/A`` is taken for one
the workbook asks for; the text '#N/A' is no error value), so a user reading the errors did not find the cell to fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

URL = "https://docs.google.com/spreadsheets/d/xyz"


def _errors(tmp_path: Path, capsys, cell: str, fallback: str) -> list[tuple[str, str, str]]:
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
    return [(e["address"], e["error"], e["reason"]) for e in report["errors"]]


def _said(cell: str, header: str, code: str) -> str:
    return (
        f'Customers!{cell} ({header}) is Google Sheets\' IMPORTRANGE("{URL}","Signups!{cell}"), which showed {code} '
        "when the file was downloaded (the download keeps the value shown): open it in Google Sheets (IMPORTRANGE: "
        "Allow access) and download the file again, or type the figure there"
    )


MONTHS = ["Customers!E5", "Customers!F5", "Customers!G5", "Customers!E6", "Customers!F6", "Customers!G6"]
LIFETIME = ["'Lifetime value'!B5", "'Lifetime value'!B7", "'Lifetime value'!B8"]


@pytest.mark.parametrize(
    ("fallback", "after"),
    [
        ("#N/A", [*((a, "#N/A") for a in MONTHS[:3]), ("Customers!B6", "#N/A")]
         + [(a, "#N/A") for a in MONTHS[3:] + LIFETIME]),  # April's start B5 is March's end, 112 (f8255351)
        ('"#N/A"', [(a, "#VALUE!") for a in MONTHS + LIFETIME]),
    ],
)  # fmt: skip
def test_the_importrange_input_is_listed_first_with_its_reason(tmp_path, capsys, fallback, after):
    errors = _errors(tmp_path, capsys, "D5", fallback)
    said = _said("D5", "Customers at end", "#N/A")
    assert errors[0] == ("Customers!D5", "#N/A", f"{said} (#N/A)")
    assert [(a, e) for a, e, _ in errors[1:]] == after
    assert all("Customers!D5" in reason for _, _, reason in errors)


def test_an_input_listed_already_is_listed_once(tmp_path, capsys):
    errors = _errors(tmp_path, capsys, "C5", "#REF!")
    said = _said("C5", "Gained (new + reactivated)", "#REF!")
    assert [e for e in errors if e[0] == "Customers!C5"] == [("Customers!C5", "#REF!", f"{said} (#REF!)")]
