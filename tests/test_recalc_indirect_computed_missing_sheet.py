"""INDIRECT of a text built from a cell naming a sheet the workbook does not have names the sheet and the cell holding
its name (H160's finding 03).

Before: the usual summary with one sheet per month, A2 'Apr' (no sheet Apr) and =INDIRECT(A2&"!B3"), was #REF! with
the reason "" and =CRR(INDIRECT(A2&"!B3"),1,100) said only "customers_end is the error value #REF!", while the same
INDIRECT with the text typed in ("Apr!B3") named the sheet. Microsoft's INDIRECT page: "If ref_text refers to ... an
invalid reference, INDIRECT returns the #REF! error value".
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

SHEETS = "(renamed or deleted? its sheets: 'Summary', 'Jan')"


def test_the_computed_sheet_name_and_its_cell_are_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    jan = book.create_sheet("Jan")
    jan["B1"], jan["B2"], jan["B3"], jan["C1"] = 100, 10, 104, "Feb"
    summary["A2"], summary["A9"] = "Apr", "Jan"
    summary["B2"] = '=INDIRECT(A2&"!B3")'
    summary["B3"] = '=INDIRECT("\'"&A2&"\'!B3")'
    summary["B4"] = '=CRR(INDIRECT(A2&"!B3"),1,100)'
    summary["B7"] = "=CRR(B2,1,100)"
    summary["B8"] = '=INDIRECT(Jan!C1&"!B3")'  # the name on another sheet
    summary["B9"] = '=INDIRECT(A9&"!B3")'  # a sheet it has: 104
    summary["B10"] = '=INDIRECT(LEFT("April",3)&"!B3")'  # no cell holds the name
    summary["B11"] = "=B2*2"
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: (e.error, e.reason) for e in report.errors}
    apr = f"the text \"Apr!B3\", which names the sheet 'Apr', which the workbook does not have {SHEETS}"
    fix = "write the sheet's name again in Summary!A2"
    own = f'Summary!B2: INDIRECT(A2&"!B3") gives {apr}: {fix} (#REF!)'
    assert reasons == {
        "Summary!B2": ("#REF!", own),
        "Summary!B3": (
            "#REF!",
            f"Summary!B3: INDIRECT(\"'\"&A2&\"'!B3\") gives the text \"'Apr'!B3\", which names the sheet 'Apr', which "
            f"the workbook does not have {SHEETS}: {fix} (#REF!)",
        ),
        "Summary!B4": (
            "#VALUE!",
            f'CRR: customers_end is the error value #REF!: INDIRECT(A2&"!B3") gives {apr}: {fix} (#VALUE!)',
        ),
        "Summary!B7": (
            "#VALUE!",
            f"CRR: customers_end is the error value #REF! in Summary!B2, because {own.removesuffix(' (#REF!)')} "
            "(#VALUE!)",
        ),
        "Summary!B8": (
            "#REF!",
            'Summary!B8: INDIRECT(Jan!C1&"!B3") gives the text "Feb!B3", which names the sheet \'Feb\', which the '
            f"workbook does not have {SHEETS}: write the sheet's name again in Jan!C1 (#REF!)",
        ),
        "Summary!B10": (
            "#REF!",
            f'Summary!B10: INDIRECT(LEFT("April",3)&"!B3") gives {apr}: write the sheet\'s name again in the formula '
            "(#REF!)",
        ),
        "Summary!B11": ("#REF!", f"{own}, from Summary!B2"),
    }
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Summary"]["B9"].value == 104


def test_a_blank_or_computed_sheet_name_is_named(tmp_path: Path) -> None:
    """The month's cell left blank (INDIRECT(A1&"!B3") is INDIRECT("!B3"), #REF!) names that cell; a name made by a
    formula names the formula's cell, never "write the sheet's name again" in a formula cell."""
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    book.create_sheet("Jan")["B3"] = 104
    summary["A8"], summary["A9"] = '=LEFT("April",3)', '=""'
    summary["B1"] = '=INDIRECT(A1&"!B3")'
    summary["B2"] = '=INDIRECT("\'"&A1&"\'!B3")'
    summary["B3"] = "=INDIRECT(A1)"
    summary["B4"] = '=INDIRECT(A8&"!B3")'
    summary["B5"] = '=INDIRECT(A9&"!B3")'
    summary["B6"] = '=CRR(INDIRECT(A1&"!B3"),1,100)'
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: (e.error, e.reason) for e in report.errors}
    blank = (
        'INDIRECT(A1&"!B3") gives the text "!B3", which names no sheet: Summary!A1 is blank: type the sheet\'s name '
        "there"
    )
    assert reasons == {
        "Summary!B1": ("#REF!", f"Summary!B1: {blank} (#REF!)"),
        "Summary!B2": (
            "#REF!",
            'Summary!B2: INDIRECT("\'"&A1&"\'!B3") gives the text "\'\'!B3", which names no sheet: Summary!A1 is '
            "blank: type the sheet's name there (#REF!)",
        ),
        "Summary!B3": (
            "#REF!",
            "Summary!B3: INDIRECT(A1) gives an empty text, which is no reference: Summary!A1 is blank: type a "
            "reference there (#REF!)",
        ),
        "Summary!B4": (
            "#REF!",
            f'Summary!B4: INDIRECT(A8&"!B3") gives the text "Apr!B3", which names the sheet \'Apr\', which the '
            f"workbook does not have {SHEETS}: the name comes from the formula in Summary!A8: correct it there (#REF!)",
        ),
        "Summary!B5": (
            "#REF!",
            'Summary!B5: INDIRECT(A9&"!B3") gives the text "!B3", which names no sheet: the formula in Summary!A9 '
            "gives an empty text: correct it there (#REF!)",
        ),
        "Summary!B6": ("#VALUE!", f"CRR: customers_end is the error value #REF!: {blank} (#VALUE!)"),
    }


def test_a_space_after_the_month_is_said(tmp_path: Path) -> None:
    """A2 'Jan ' (a space typed after it) makes INDIRECT(A2&"!B3") name the sheet 'Jan ', which is no sheet: the
    reason says so, where 'renamed or deleted?' sent the user looking for a sheet that is there."""
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    book.create_sheet("Jan")["B3"] = 104
    summary["A2"] = "Jan "
    summary["B2"] = '=INDIRECT("\'"&A2&"\'!B3")'
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert {e.address: (e.error, e.reason) for e in report.errors} == {
        "Summary!B2": (
            "#REF!",
            "Summary!B2: INDIRECT(\"'\"&A2&\"'!B3\") gives the text \"'Jan '!B3\", which names the sheet 'Jan ', which "
            "the workbook does not have (a space before or after it? its sheets: 'Summary', 'Jan'): write the sheet's "
            "name again in Summary!A2 (#REF!)",
        ),
    }
