"""H254 finding 08: a German user's workbook of MRR number cells (format ``#,##0.00 [$€-407]``) with a few amounts
pasted as text ('1.250,00', '99,90') was refused, its number cells called text "with a decimal point ('€99.9')" and
the column "exports of two languages appended?". A number cell has no decimal mark: the texts are read by their own
unambiguous marks; a text that two marks read as two values ('1.250') is still refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal, run


def _book(tmp_path: Path, first: object) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "MRR"
    ws.append(["Kunde", "Monat", "MRR"])
    rows = [("Müller GmbH", 6, first), ("Café Noir", 6, 99.9), ("Müller GmbH", 7, "1.250,00"),
            ("Café Noir", 7, 99.9), ("Müller GmbH", 8, 1500), ("Café Noir", 8, "99,90")]  # fmt: skip
    for k, m, v in rows:
        ws.append([k, dt.datetime(2026, m, 1), v])
    for c in ws["B"][1:]:
        c.number_format = "mmm yyyy"
    for c in ws["C"][1:]:
        c.number_format = "#,##0.00 [$€-407]"
    path = tmp_path / "mrr.xlsx"
    wb.save(path)
    return path


def test_text_amounts_among_number_cells_are_read_by_their_own_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _book(tmp_path, "1.250,00")
    capsys.readouterr()
    out = run(tmp_path, "--subscriptions", path, "--columns", "customer_id=Kunde,month=Monat")
    movements = (out / "movements.csv").read_text().splitlines()
    header = movements[0].split(",")
    rows = {line.split(",")[0]: dict(zip(header, line.split(","), strict=True)) for line in movements[1:]}
    assert [rows["2026-06"]["new_mrr"], rows["2026-08"]["expansion_mrr"]] == ["1349.9", "250.0"]
    assert (
        "mrr.xlsx, column 'MRR': amounts written as text ('1.250,00') among number cells (which have no decimal "
        "mark), each read by its own decimal mark"
    ) in capsys.readouterr().out.splitlines()


def test_a_text_two_marks_read_as_two_values_is_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _book(tmp_path, "1.250")
    message = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=Kunde,month=Monat", "--to-csv",
                      str(tmp_path / "t"))  # fmt: skip
    assert "'1.250'" in message
