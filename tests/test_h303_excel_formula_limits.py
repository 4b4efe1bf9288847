"""Every formula in a tracker the product writes holds Excel's limits (H303).

Excel's specifications and limits: a formula's contents at most 8,192 characters, 64 levels of nested functions,
255 arguments to a function; a text value in a formula at most 255 characters (ropensci/writexl#91: past it Excel
opens the file with "We found a problem with some content" and removes the formula); a data validation's formula at
most 255 characters. The bundled template's Lifetime value!C5 held 9,371 characters, C8 8,828, and the Cohorts fit
notes (G58, G59) text values of 415 characters. Checked on trackers of ``new`` (1 to 120 months), ``demo``, the
bundled template, and the older trackers of tests/data after ``upgrade``, ``extend`` and ``import --into``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from earlier_forms import import_into
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
EARLIER = ("template_before_2026-12-03.xlsx", "tracker_orders_previous_version.xlsx")

LENGTH, TEXT, NESTING, ARGUMENTS, VALIDATION = 8192, 255, 64, 255, 255


def over_limits(formula: str) -> list[str]:
    """What of Excel's limits ``formula`` (as stored, its leading = or not) breaks: [] when none.

    >>> over_limits('=IF(A1,"' + "x" * 256 + '",1)')
    ['a text of 256 characters']
    >>> over_limits("=A1")
    []
    """
    stored = formula.removeprefix("=")
    out = [f"{len(stored)} characters"] if len(stored) > LENGTH else []
    depth, deepest, arguments = 0, 0, []
    for token in Tokenizer("=" + stored).items:
        if token.type == Token.OPERAND and token.subtype == Token.TEXT:
            text = token.value[1:-1].replace('""', '"')
            if len(text) > TEXT:
                out.append(f"a text of {len(text)} characters")
        elif token.type == Token.FUNC and token.subtype == Token.OPEN:
            depth += 1
            deepest = max(deepest, depth)
            arguments.append(1)
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE:
            depth -= 1
            if arguments.pop() > ARGUMENTS:
                out.append("a function of more than 255 arguments")
        elif token.type == Token.SEP and token.subtype == Token.ARG and arguments:
            arguments[-1] += 1
    if deepest > NESTING:
        out.append(f"{deepest} levels of functions")
    return out


def offenders(path: Path) -> list[str]:
    """Each formula of the workbook at ``path`` (cells, data validations, defined names) that breaks a limit."""
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value.text if isinstance(cell.value, ArrayFormula) else cell.value
                if isinstance(value, str) and value.startswith("=") and (broken := over_limits(value)):
                    out.append(f"{ws.title}!{cell.coordinate}: {', '.join(broken)}")
        for rule in ws.data_validations.dataValidation:
            for formula in (rule.formula1, rule.formula2):
                if formula and len(formula) > VALIDATION:
                    out.append(f"{ws.title} validation {rule.sqref}: {len(formula)} characters")
    for name, defined in wb.defined_names.items():
        if defined.attr_text and (broken := over_limits(defined.attr_text)):
            out.append(f"name {name}: {', '.join(broken)}")
    for ws in wb.worksheets:
        for name, defined in ws.defined_names.items():
            if defined.attr_text and (broken := over_limits(defined.attr_text)):
                out.append(f"{ws.title} name {name}: {', '.join(broken)}")
    return out


def test_the_limits_are_read_as_excel_counts_them():
    assert over_limits('="' + "a" * 255 + '"') == []
    assert over_limits('="' + '""' * 200 + '"') == []  # a quote is one character of the text
    assert over_limits('="' + "a" * 200 + '"&"' + "b" * 200 + '"') == []
    assert over_limits("=" + "A1+" * 2731 + "A1") == ["8195 characters"]
    assert over_limits("=" + "ABS(" * 65 + "1" + ")" * 65) == ["65 levels of functions"]
    assert over_limits("=SUM(" + ",".join(["1"] * 256) + ")") == ["a function of more than 255 arguments"]


@pytest.mark.parametrize("months", [1, 3, 12, 24, 120])
def test_new_trackers_hold_excels_limits(tmp_path, months):
    path = tmp_path / "t.xlsx"
    assert main(["new", str(path), "--start", "2026-01", "--months", str(months)]) == 0
    assert offenders(path) == []


def test_the_bundled_template_and_the_demo_hold_excels_limits(tmp_path):
    demo = tmp_path / "demo.xlsx"
    assert main(["demo", str(demo), "--start", "2025-01", "--months", "12"]) == 0
    assert offenders(ROOT / "workbooks" / "retention_template.xlsx") == []
    assert offenders(demo) == []


@pytest.mark.parametrize("name", EARLIER)
@pytest.mark.parametrize("how", ["upgrade", "extend", "import"])
def test_earlier_trackers_brought_up_hold_excels_limits(tmp_path, name, how):
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    if how == "upgrade":
        assert main(["upgrade", str(path)]) == 0
    elif how == "extend":
        assert main(["extend", str(path), "--months", "1"]) == 0
    elif name.startswith("template"):
        import_into(tmp_path, path)
    else:  # an orders tracker (2025-01, 2025-02) takes orders: a third month added, its formulas brought up
        orders = tmp_path / "o.csv"
        orders.write_text("order_id,customer_id,date,amount\n1,a,2025-01-05,10\n2,b,2025-01-09,20\n"
                          "3,a,2025-02-03,15\n4,c,2025-02-11,30\n5,b,2025-03-02,25\n")  # fmt: skip
        assert main(["import", "--orders", str(orders), "--into", str(path)]) == 0
    assert offenders(path) == []


def test_a_tracker_of_the_template_before_is_brought_up(tmp_path):
    """A tracker written before H303 (C5, C8 past 8,192 characters, the fit notes' texts of 415) made by ``new`` then
    given those forms back; ``upgrade`` writes this version's, the named formulas the notes read added."""
    from xl_retention.workbook.lifetime_value import LIFETIME_NAMED, LIFETIME_NOTE_C5_UNNAMED, LIFETIME_NOTE_C8_UNNAMED
    from xl_retention.workbook.sheets import FIT_REASONS, bdw_note, sbg_note

    path = tmp_path / "t.xlsx"
    assert main(["new", str(path), "--start", "2026-01", "--months", "12"]) == 0
    wb = openpyxl.load_workbook(path)
    current = {ref: wb["Lifetime value"][ref].value for ref in ("C5", "C8")}
    for name in LIFETIME_NAMED:
        del wb.defined_names[name]
    wb["Lifetime value"]["C5"], wb["Lifetime value"]["C8"] = LIFETIME_NOTE_C5_UNNAMED, LIFETIME_NOTE_C8_UNNAMED
    cohorts = wb["Cohorts"]
    fit = next(r for r in range(1, cohorts.max_row + 1) if cohorts.cell(r, 1).value == "fit")
    reasons = ",".join(f'"{r}"' for r in FIT_REASONS)
    notes = {f"G{fit}": cohorts[f"G{fit}"].value, f"G{fit + 1}": cohorts[f"G{fit + 1}"].value}
    cohorts[f"G{fit}"], cohorts[f"G{fit + 1}"] = (
        sbg_note(f"B{fit}", reasons, short=False),
        bdw_note(reasons, short=False),
    )
    wb.save(path)
    assert sorted(o.split(":")[0] for o in offenders(path)) == [
        f"Cohorts!G{fit}", f"Cohorts!G{fit + 1}", "Lifetime value!C5", "Lifetime value!C8"
    ]  # fmt: skip
    assert main(["upgrade", str(path)]) == 0
    assert offenders(path) == []
    wb = openpyxl.load_workbook(path)
    assert {ref: wb["Lifetime value"][ref].value for ref in ("C5", "C8")} == current
    assert {ref: wb["Cohorts"][ref].value for ref in notes} == notes
    assert {name: wb.defined_names[name].attr_text for name in LIFETIME_NAMED} == LIFETIME_NAMED
