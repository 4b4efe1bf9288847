"""A defined name the user deleted (Name Manager > Delete): recalc names it and the cell using it.

Before: the Dashboard's latest CRR (B6, C6: ``...ISERROR(Customers_CRR)...``) was ``#NAME?``, as Excel shows it, but
listed with an empty reason (H118's finding 01). The names are read from the package, so a name defined otherwise (a
constant, a formula) is never blamed.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention import cli
from xl_retention.recalculation.undefined_names import package_names
from xl_retention.workbook import build_template

CUSTOMERS = {"B2": 100, "C2": 10, "D2": 105, "C3": 5, "D3": 100, "C4": 8, "D4": 101, "C5": 4, "D5": 99}


def _report(tmp_path: Path, capsys, edit, status: str = "ok") -> dict:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for ref, value in CUSTOMERS.items():
        wb["Customers"][ref] = value
    edit(wb)
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == status, report["message"]
    return report


def _errors(tmp_path: Path, capsys, edit) -> dict[str, tuple[str, str]]:
    return {e["address"]: (e["error"], e["reason"]) for e in _report(tmp_path, capsys, edit)["errors"]}


def test_a_deleted_name_is_named_with_the_range_it_covered(tmp_path, capsys):
    errors = _errors(tmp_path, capsys, lambda wb: wb.defined_names.pop("Customers_CRR"))
    assert errors == {
        f"Dashboard!{cell}": (
            "#NAME?",
            f"Dashboard!{cell}: the formula uses the name Customers_CRR, which the workbook does not define "
            "(deleted?): define it again in Formulas > Name Manager (Customers!$F$2:$F$5; or run xl-retention upgrade "
            "on the file, which defines it again) (#NAME?)",
        )
        for cell in ("B6", "C6")
    }


def test_a_name_of_the_users_own_deleted_is_named_without_a_range(tmp_path, capsys):
    def edit(wb: openpyxl.Workbook) -> None:
        wb.defined_names["Rate"] = DefinedName("Rate", attr_text="Dashboard!$Z$5")
        wb["Dashboard"]["Z5"] = 0.1
        wb["Dashboard"]["Z1"] = "=Rate*2"
        wb["Dashboard"]["Z2"] = "=Ratee*2"  # a name mistyped: never defined

    errors = _errors(tmp_path, capsys, edit)
    assert errors == {
        "Dashboard!Z2": (
            "#NAME?",
            "Dashboard!Z2: the formula uses the name Ratee, which the workbook does not define (deleted?): define it "
            "again in Formulas > Name Manager (#NAME?)",
        )
    }


def test_package_names_reads_every_scope_and_the_tables(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=2)
    names = package_names(path)
    assert {"customers_crr", "ltv_arpa", "print_area", "_xlnm.print_area"} <= names.keys()
    assert names["customers_crr"] == "'Customers'!$F$2:$F$3"
    assert package_names(tmp_path / "missing.xlsx") is None  # unread: no name said missing ({}: none defined)


def _sheet_deleted_as_excel_does(wb: openpyxl.Workbook, title: str) -> None:
    """Sheet ``title`` deleted as Excel deletes it: each reference to it, in formulas and names, #REF! (its cells
    kept: ``#REF!$D$2:$D$5``)."""
    del wb[title]
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = cell.value.replace(f"'{title}'!", "#REF!").replace(f"{title}!", "#REF!")
    for defined in wb.defined_names.values():
        defined.attr_text = defined.attr_text.replace(f"'{title}'!", "#REF!").replace(f"{title}!", "#REF!")


def test_a_name_of_a_deleted_sheet_is_named_in_the_ref_reason(tmp_path, capsys):
    # The whole sheet deleted: `upgrade` cannot put it back, so the message never advises it (deleted_names gives that
    # advice for deleted helper columns only). Lifetime value!C5's note formula (its form of 7861ec74) is #REF!, as in
    # Excel (its second test compares a row number with ROW(INDEX(Customers_Churn,1)), #REF!): computed, so the file
    # is ok; it was listed as one the embedded engine cannot compute (the names written out as "(#REF!)" grew its
    # rewrite past the engine's 65,536 bytes), the file incomplete.
    report = _report(tmp_path, capsys, lambda wb: _sheet_deleted_as_excel_does(wb, "Customers"))
    assert "upgrade" not in report["message"]
    assert report["unsupported"] == []
    errors = {e["address"]: (e["error"], e["reason"]) for e in report["errors"]}
    advice = (
        "in Formulas > Name Manager): put back what it referred to (Undo before saving, or copy the sheet from a new "
        "tracker) or define it again (#REF!)"
    )
    deleted = "which refers to a deleted sheet, row or column"
    end = f"the formula uses the name Customers_End, {deleted} (#REF!$D$2:$D$5 {advice}"  # B4's first name (2910651)
    churn = f"the formula uses the name Customers_Churn, {deleted} (#REF!$G$2:$G$5 {advice}"
    assert errors["Dashboard!B4"] == ("#REF!", f"Dashboard!B4: {end}")
    assert errors["'Lifetime value'!B5"] == ("#REF!", f"'Lifetime value'!B5: {churn}")
    assert errors["'Lifetime value'!B8"] == ("#REF!", f"'Lifetime value'!B5: {churn}, from 'Lifetime value'!B5")
    assert errors["'Lifetime value'!C5"] == ("#REF!", f"'Lifetime value'!C5: {churn}")
    values = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Lifetime value"]
    assert (values["C5"].value, values["C8"].value) == (  # C5 an error says nothing: C8 does not send there (H519)
        "#REF!",
        "No value: the monthly churn (B5) is an error: see the churn rates on Customers.",
    )
