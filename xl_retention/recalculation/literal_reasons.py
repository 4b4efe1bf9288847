"""Why a formula without an xl-retention function gives an error: the cell below 0 or the text behind it.

The tracker's MRR at end is ``#NUM!`` when an amount typed on its row is negative (a churn typed as -100); the
engine keeps only the code, and no xl-retention function is called there to give a reason, so recalc listed it, the
next month's MRR at start (a copy) and that month's rates with none. Where an error cell's formula chooses that very
error as an IF's value when true, and its condition compares cells with 0 (``G3<0``), the cells the condition finds
below 0 are the reason: ``Revenue!G3 (Churned MRR) is -100, below 0 (#NUM!)``; the cells reading it get it passed on
(:func:`~.reasons.pass_reasons_on`: "..., from Revenue!H3").

Likewise a ``#VALUE!`` of arithmetic on a text that is no number (``abc`` typed as a new MRR: the MRR at end
``=B2+C2+...``): the cells the formula adds, subtracts, multiplies or divides that hold such a text are the reason,
``Revenue!C2 (New MRR) is the text 'abc', no number (#VALUE!)`` (a number typed as text, "500", is read as one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from .._validation import shown_text
from ..cells import CellError
from ..sheet_names import SHEET, written
from .arithmetic_view import arithmetic_view
from .blank_elements import blank_element
from .data_table_reasons import table_reason
from .defined_names import name_target, names_read
from .excel_functions.text import text_to_number
from .formula_texts import AREA as _AREA
from .formula_texts import RANGE_READ as _RANGE_READ
from .no_number_texts import no_number
from .no_number_texts import no_number_text as _no_number_text
from .read_cells import REF as _REF
from .read_cells import SINGLE as _SINGLE
from .read_cells import cells_read as _cells_read
from .read_cells import column_number as _column
from .read_cells import formula_at as _formula_at
from .read_cells import label as _label
from .reason_numbers import reason_number as _full
from .text_literals import LITERALS as _LITERALS
from .unexplained import unexplained_errors

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["blank_argument", "literal_error_reasons", "no_number", "typed_range_reasons", "value_argument"]

#: ``G3<0``, ``'Revenue'!$G$3 < 0``, ``G3+0<0`` (the number a text "-30" is): a cell compared with 0 (not ``<=``,
#: not another number)
_BELOW_ZERO = re.compile(
    r"(?<![\w.$!'])(?:(" + SHEET + r")!)?\$?([A-Za-z]{1,3})\$?(\d+)(\s*\+\s*0(?![\d.]))?"
    r"\s*<\s*0(?![\d.]|\s*[=>])"
)
#: a single cell (not a range's end) beside an arithmetic operator: ``+C2``, ``C2*``, ``-(C2``
_ARITHMETIC_CELL = re.compile(
    r"(?:(?<=[-+*/^])|(?<=[-+*/^]\()|(?<=[-+*/^]\s))" + _REF + r"(?![\w.(!:])"
    r"|(?<![\w.$!':])" + _REF + r"(?=\s*\)?\s*[-+*/^])"
)
#: a range (``B1:B4``, ``'Raw data'!B:B``) beside an arithmetic operator: ``(A1:A4="x")*B1:B4``, ``*(B:B)``, ``B1:B4*2``
_ARITHMETIC_RANGE = re.compile(
    r"(?:(?<=[-+*/^])|(?<=[-+*/^]\()|(?<=[-+*/^]\s))" + _AREA + r"(?![\w.(!:])"
    r"|(?<![\w.$!':])" + _AREA + r"(?=\s*\)?\s*[-+*/^])"
)
#: the most cells of a range looked at for a text (pages of the engine's values)
MAX_RANGE_CELLS = 1 << 20


#: a template formula's test for a boolean typed where a number belongs (``ISLOGICAL(B2)``, ``OR(ISLOGICAL(C2),..)``):
#: its cells are named by :func:`_text_read`, so it is no condition to name another #VALUE! by (a blank start's)
_BOOLEAN_TEST = re.compile(r"\s*(?:OR\(\s*)?ISLOGICAL\(", re.IGNORECASE)


def _condition(text: str, code: str) -> str | None:
    """The condition of the IF whose value when true is the error literal ``code`` (``IF(cond,#NUM!,...)``), past the
    template's boolean tests (``IF(ISLOGICAL(B2),#VALUE!,..)``)."""
    return next((inner for inner in _conditions(text, code) if not _BOOLEAN_TEST.match(inner)), None)


def _conditions(text: str, code: str) -> Iterator[str]:
    """Each condition of an IF whose value when true is the error literal ``code`` (``IF(cond,#NUM!,...)``)."""
    at = text.upper().find("," + code)
    while at >= 0:
        depth = 0
        for i in range(at - 1, -1, -1):
            ch = text[i]
            if ch == ")":
                depth += 1
            elif ch == "(":
                if depth == 0:
                    if text[max(0, i - 2) : i].upper() == "IF" and not re.match(r"[\w.]", text[i - 3 : i - 2] or " "):
                        inner = text[i + 1 : at]
                        if _top_level_commas(inner) == 0:
                            yield inner
                    break
                depth -= 1
            elif ch == "," and depth == 0:
                break  # the literal is not the IF's second argument
        at = text.upper().find("," + code, at + 1)


def _boolean_guards(text: str) -> str:
    """The conditions of ``text``'s boolean guards, the template's ``IF(ISLOGICAL(x),#VALUE!,..)`` and
    ``IF(OR(ISLOGICAL(x),ISLOGICAL(y)),#VALUE!,..)`` (nothing but ISLOGICAL tests of cells, the error their branch),
    joined (the engine's text ``IF(ISLOGICAL(C3), #VALUE!, ..)`` too): a cell they test holding TRUE or FALSE is what
    makes the formula #VALUE!. An ISLOGICAL elsewhere
    (``IF(ISLOGICAL(A1),B1*1,0)``) asks about a flag, no cause of an error (H495's finding 04)."""
    guards = [
        inner
        for inner in _conditions(re.sub(r",\s+#VALUE!", ",#VALUE!", text, flags=re.IGNORECASE), "#VALUE!")
        if _BOOLEAN_TEST.match(inner) and _GUARD_REST.fullmatch(_LOGICAL_TEST.sub("", inner))
    ]
    return ",".join(guards)


def _top_level_commas(text: str) -> int:
    depth = count = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        count += ch == "," and depth == 0
    return count


def _intersected(workbook: fz.Workbook, sheet: str, place: tuple[int, int], text: str) -> bool:
    """Whether the #VALUE! of the formula ``text`` at ``place`` is a range read as one value without a cell in its row
    or column: the engine was given ``#VALUE!`` there (:mod:`.intersection`) and gives none with it written 0."""
    from .intersection_reasons import caused  # noqa: PLC0415  (intersection_reasons imports value_origins, this)

    try:
        engine = workbook.get_formula(sheet, *place) or ""
    except Exception:  # noqa: BLE001  (a cell the engine cannot give)
        return False
    return "#VALUE!" in engine.upper() and "#VALUE!" not in text.upper() and caused(workbook, sheet, place, engine)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def literal_error_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each error cell without a reason whose formula gives that error as an IF's value (:func:`_condition`)
    the cells its condition finds below 0; returns how many got one."""
    named = 0
    for sheet, ref, place, text, value in unexplained_errors(formulas, result, None):
        pasted = _error_read(workbook, formulas, _LITERALS.sub('""', text), sheet, value.code)
        if pasted is not None:  # =D3+1 over a #N/A pasted into D3 (no formula): D3 is the reason
            said = pasted if pasted.endswith(f"({value.code})") else f"{pasted} ({value.code})"  # a data table's own
            result.values[sheet][ref] = CellError(value.code, said)
            named += 1
            continue
        if value.code != "#VALUE!" and value.code not in text.upper():
            continue
        if value.code == "#VALUE!" and _intersected(workbook, sheet, place, text):
            continue  # =--A1:A6 in row 20: A1:A6 has no cell there, told by .intersection_reasons, not A1's text
        if value.code == "#VALUE!":
            reason = _text_read(workbook, _LITERALS.sub('""', text), sheet, formulas)
            if reason is None:  # =INDEX(A3:A4,1)*2, =VLOOKUP(..)*2 over a text: the cell it is typed in
                from .arithmetic_origins import looked_up_texts  # noqa: PLC0415  (which imports this module)

                reason = looked_up_texts(workbook, formulas, sheet, ref)
            if reason is not None:
                result.values[sheet][ref] = CellError(value.code, f"{reason} (#VALUE!)")
                named += 1
                continue
        condition = _condition(_LITERALS.sub('""', text), value.code)
        if condition is None:
            continue
        blank = _blank_read(workbook, formulas, condition, sheet) if value.code == "#VALUE!" else None
        if blank is not None:  # IF(B2="",#VALUE!,...): the MRR at end of a month whose start is blank
            result.values[sheet][ref] = CellError(value.code, f"{blank} (#VALUE!)")
            named += 1
            continue
        below = []
        for match, where, letters, row, column, held in _cells_read(workbook, _BELOW_ZERO, condition, sheet):
            number = _number(held)
            if number is None and match.group(4) and isinstance(held, str):  # G3+0<0: a text read as a number
                number = _number(text_to_number(held))
            if number is not None and number < 0:
                label = _label(workbook, where, row, column)
                shown = _full(number)
                shown = f"the text {held!r}" if isinstance(held, str) else shown
                below.append(f"{written(where)}!{letters.upper()}{row}{label} is {shown}")
        if below:
            result.values[sheet][ref] = CellError(value.code, f"{', '.join(below)}, below 0 ({value.code})")
            named += 1
    return named


#: a cell tested for a boolean: ``ISLOGICAL(C3)``, ``ISLOGICAL( 'My data'!$C$3 )``
_LOGICAL_TEST = re.compile(r"(?<![\w.])ISLOGICAL\(\s*" + _REF + r"\s*\)", re.IGNORECASE)
#: what a boolean guard's condition is past its ISLOGICAL tests: nothing, or OR( , , ) around them
_GUARD_REST = re.compile(r"\s*(?:OR\(\s*(?:,\s*)*\)\s*)?", re.IGNORECASE)


def _error_read(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], text: str, sheet: str, code: str
) -> str | None:
    """The first cell ``text`` (a formula) reads alone that holds the error value ``code`` typed or pasted (no
    formula: a lookup's #N/A pasted as values), as a reason; None when there is none."""
    from .excel_functions._core import error_code, is_error

    for _, where, letters, row, column, held in _cells_read(workbook, _SINGLE, text, sheet):
        if (row, column) in formulas.get(where, {}):
            continue
        if is_error(held) and error_code(held) == code:
            label = _label(workbook, where, row, column)
            cell = f"{written(where)}!{letters.upper()}{row}{label}"
            table = table_reason(workbook, formulas, where, row, column, code)
            if table is not None:  # a What-If data table's result, not typed
                return f"{cell} holds the error value {code}, computed there by {table}"
            anchor = _array_anchor(workbook, where, letters.upper() + str(row))
            if anchor is not None:  # computed by the array formula that covers it, not typed
                return f"{cell} holds the error value {code}, computed there by the array formula in {anchor}"
            return f"{cell} holds the error value {code}, typed or pasted there"
    return None


def typed_range_reasons(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    result: Computed,
    names: dict[str, dict[str, str]] | None = None,
) -> int:
    """Give each error cell still without a reason that reads, through a range (``=SUM(A1:A2)``) or a defined name
    of one (``names``: the package scan's defined names by scope), a cell holding that error typed or pasted there
    (no formula) the first such cell, row by row, as its reason, as a cell read alone gets it
    (:func:`literal_error_reasons`); returns how many got one. A step after the tracker's notes (a Lifetime value's
    "see Customers!D3: ..." stays its reason): a ``#NAME?`` typed in A1 under ``=SUM(A1:A2)`` is Excel's error too,
    not one recalc cannot explain (the file stays ``ok``).
    """
    named = 0
    for sheet, ref, _place, text, value in unexplained_errors(formulas, result, None):
        pasted = _range_read(workbook, formulas, _LITERALS.sub('""', text), sheet, value.code, names)
        if pasted is not None:
            said = pasted if pasted.endswith(f"({value.code})") else f"{pasted} ({value.code})"  # a data table's own
            result.values[sheet][ref] = CellError(value.code, said)
            named += 1
    return named


def _range_read(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    text: str,
    sheet: str,
    code: str,
    names: dict[str, dict[str, str]] | None,
) -> str | None:
    """The first cell of a range ``text`` (a formula) reads, or of a defined name's range, holding the error value
    ``code`` with no formula of its own, as a reason; None when there is none."""
    for match in _RANGE_READ.finditer(text):  # =SUM(A1:A2) over a #NAME? typed in A1
        quoted, area = match.group(1, 2)
        where = quoted.strip("'").replace("''", "'") if quoted else sheet
        found = _range_error(workbook, formulas, where, area.replace("$", ""), code)
        if found is not None:
            return found
    for name in names_read(text):  # =SUM(rng), rng =S!$A$1:$A$2 over a #NAME? typed in A1
        target = name_target(names, sheet, name)
        match = _RANGE_READ.fullmatch(target) if target else None
        if match is not None and match.group(1):
            where = match.group(1).strip("'").replace("''", "'")
            found = _range_error(workbook, formulas, where, match.group(2).replace("$", ""), code)
            if found is not None:
                return found
    return None


def _range_error(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], sheet: str, area: str, code: str
) -> str | None:
    """The first cell, row by row, of ``sheet!area`` holding the error value ``code`` with no formula of its own
    (typed or pasted, or an array formula's member), as a reason; None where there is none."""
    from .excel_functions._core import error_code, is_error

    try:
        for ref, row, column, _ in _range_cells(workbook, sheet, area, lambda v: is_error(v) and error_code(v) == code):
            if (row, column) in formulas.get(sheet, {}):
                continue  # a formula's own error: its reason is passed on from there
            cell = f"{written(sheet)}!{ref}{_label(workbook, sheet, row, column)}"
            table = table_reason(workbook, formulas, sheet, row, column, code)
            if table is not None:  # a What-If data table's result, not typed
                return f"{cell} holds the error value {code}, computed there by {table}"
            anchor = _array_anchor(workbook, sheet, ref)
            if anchor is not None:
                return f"{cell} holds the error value {code}, computed there by the array formula in {anchor}"
            return f"{cell} holds the error value {code}, typed or pasted there"
    except Exception:  # noqa: BLE001  (the engine cannot page it: no reason from it)
        return None
    return None


def _range_cells(
    workbook: fz.Workbook, sheet: str, area: str, wanted: Callable[[Any], bool]
) -> Iterator[tuple[str, int, int, Any]]:
    """Each cell, row by row, of ``sheet!area`` whose engine value ``wanted`` takes, as (cell, row, column, value):
    pages of the engine's values, :data:`MAX_RANGE_CELLS` at the most; raises what the engine raises."""
    offset: int | None = 0
    while offset is not None and offset < MAX_RANGE_CELLS:
        page = workbook.range_page(f"{written(sheet)}!{area}", offset=offset, limit=65_536, include_values=True)
        for item in page.items:
            if not wanted(item.value):
                continue
            ref = str(item.address).rpartition("!")[2].replace("$", "")
            found = re.fullmatch(r"([A-Z]{1,3})(\d+)", ref)
            if found is not None:
                yield ref, int(found.group(2)), _column(found.group(1)), item.value
        offset = page.next_offset


def _array_anchor(workbook: fz.Workbook, sheet: str, ref: str) -> str | None:
    """The cell of the array formula (a Ctrl+Shift+Enter array's or a spilled one's) that ``sheet!ref`` is a member
    of, written as a formula writes it (``'My Data'!B1``); None for a cell of its own."""
    try:
        spill = workbook.inspect_cell(f"{written(sheet)}!{ref}").to_dict()["cell"].get("spill") or {}
    except Exception:  # noqa: BLE001  (a cell the engine cannot inspect: no anchor to name)
        return None
    anchor = spill.get("anchor") if spill.get("kind") == "Member" else None
    if not anchor:
        return None
    where, _, cell = str(anchor).rpartition("!")
    return f"{written(where.strip(chr(39)).replace(chr(39) * 2, chr(39)))}!{cell}" if where else cell


_BLANK_TEST = re.compile(_REF + r'\s*=\s*""')


def _first_with_data(workbook: fz.Workbook, sheet: str, row: int, end: int) -> bool:
    """Whether every month above ``row`` of a tracker's monthly ``sheet`` has a blank end (column ``end``): ``row``
    is the first month with data, below row 2."""
    try:
        return all(workbook.get_value(sheet, r, end) in (None, "") for r in range(2, row))
    except Exception:  # noqa: BLE001  (a sheet the engine does not have)
        return False


def _one_and(condition: str) -> bool:
    """Whether ``condition`` is one AND(...) call and nothing else (every test in it must hold for it to).

    >>> _one_and('AND(C2="",D2="")'), _one_and('AND(C2="")*OR(D2="")'), _one_and('B2=""')
    (True, False, False)
    """
    if not condition.upper().startswith("AND("):
        return False
    depth = 0
    for at, char in enumerate(condition):
        depth += (char == "(") - (char == ")")
        if depth == 0 and char == ")":
            return at == len(condition) - 1
    return False


def _blank_read(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], condition: str, sheet: str) -> str | None:
    """The cells an IF's condition tests for blank (``B5=""``) that are blank, as a reason: ``Revenue!B5 (MRR at
    start) is blank``; a tracker's start that is a formula (a month after the first) names the month before, whose
    end is what it lacks. A condition ``AND(C5="",D5="",...)`` that a cell typed makes false is no reason (None): the
    error came from elsewhere in the formula (a Revenue month with new MRR typed, its start an error)."""
    from ..workbook.monthly import MONTHLY_SHEETS, template_formula_at
    from .plain_fits import plain_fit_beside

    found = []
    typed: dict[tuple[str, int], list[str]] = {}  # a month's inputs to type, by (sheet, row): said together
    every = _one_and(condition.strip())
    for _, where, letters, row, column, held in _cells_read(workbook, _BLANK_TEST, condition, sheet):
        if not (held is None or (isinstance(held, str) and (held == "" or held.isspace()))):
            if every:
                return None
            continue  # (a cell of spaces alone is blank to the functions: a no-break space too, H267's finding 01)
        label = _label(workbook, where, row, column)
        cell = f"{written(where)}!{letters.upper()}{row}{label} is blank"
        spec = next((spec for spec in MONTHLY_SHEETS if spec.title == where), None)
        keys = [c.key for c in spec.columns] if spec is not None else []
        formula = (row, column) in formulas.get(where, {})
        if formula and row > 2 and label and "end" in keys and keys.index("start") + 1 == column:
            end = spec.columns[keys.index("end")]
            above = f"{written(where)}!{get_column_letter(keys.index('end') + 1)}{row - 1}"
            if _first_with_data(workbook, where, row, keys.index("end") + 1):  # Revenue: churn out of an MRR of 0
                # the cell to type named (a late first month's start, not row 2's), the sheet's own words (Customers'
                # reason spoke of MRR): a tester's finding 7, 2026-12-04
                money = "mrr" in end.header.lower()
                lost = (
                    "churned, contraction or expansion MRR, which an MRR at start of 0 cannot have"
                    if money
                    else "customers at end other than those gained, which leaves its start unknown"
                )
                cell += (
                    f": no month before has {'an ' * money}{end.header} and this one has {lost}: type its "
                    f"{spec.columns[column - 1].header} in {written(where)}!{letters.upper()}{row}"
                )
            else:
                cell += f": the month before has no {end.header} ({above} is blank or an error): fill that month"
        elif not formula and 1 < column <= len(keys) and template_formula_at(spec.columns[column - 1], row):
            cell += (  # the template's formula cleared (the month before's end, for a start)
                f" while the month has other figures: its formula was deleted{_reads(spec, keys, where, row, column)}: "
                "copy the column's formula from another month's row into it"
            )
        elif not formula and 1 < column <= len(keys):  # a tracker's monthly input (never a user's own sheet's cell)
            start = keys[column - 1] == "start"  # 0 at start: a business starting from nothing (not so of an end)
            if not start and cell.removesuffix(" is blank") not in typed.setdefault((where, row), []):
                typed[(where, row)].append(cell.removesuffix(" is blank"))
            cell += " while the month has other figures: type it" + " (0 for a business starting from nothing)" * start
        elif not formula:  # where a fit saved as a one-cell formula (K1 =SBG_FIT(..)) would have spilled: said
            cell += plain_fit_beside(formulas, where, row, column)
        if cell not in found:
            found.append(cell)
    for (where, _row), cells in typed.items():  # a Revenue month none of whose movements is typed: one sentence
        if len(cells) > 1:
            said = [f"{cell} is blank while the month has other figures: type it" for cell in cells]
            at = found.index(said[0])
            found = [cell for cell in found if cell not in said]
            shown = [cells[0]] + [cell.removeprefix(f"{written(where)}!") for cell in cells[1:]]
            found.insert(
                at,
                f"{', '.join(shown[:-1])} and {shown[-1]} are blank while the month has other figures: type them, "
                "0 where there was none",
            )
    return ", ".join(found) if found else None


def _reads(spec: Any, keys: list[str], sheet: str, row: int, column: int) -> str:
    """What the template's formula of a month's start reads, said: `` (it read Customers!D3, the month before's
    Customers at end)``; "" for another column."""
    if "end" not in keys or keys.index("start") + 1 != column:
        return ""
    end = keys.index("end")
    above = f"{written(sheet)}!{get_column_letter(end + 1)}{row - 1}"
    return f" (it read {above}, the month before's {spec.columns[end].header})"


def _text_read(
    workbook: fz.Workbook, text: str, sheet: str, formulas: dict[str, FormulaTexts] | None = None
) -> str | None:
    """The cells ``text`` (a formula) takes in arithmetic that hold a text Excel reads as no number, as a reason;
    ``formulas`` (the sheets' formula texts) names the blank inputs of an array's blank element (.blank_elements).
    Before them, the cells its boolean guards (:func:`_boolean_guards`) test that hold TRUE or FALSE: the template's
    formulas refuse a boolean where a number belongs (#VALUE!,
    :func:`~..workbook.monthly_formulas.without_boolean_guards`), which Excel's arithmetic would read as 1 or 0:
    ``Customers!C3 (Gained (new + reactivated)) is TRUE, no number``."""
    found = [
        f"{written(where)}!{letters.upper()}{row}{_label(workbook, where, row, column)} is {str(held).upper()}, "
        "no number (type the number there)"
        for _, where, letters, row, column, held in _cells_read(workbook, _LOGICAL_TEST, _boolean_guards(text), sheet)
        if isinstance(held, bool)
    ]
    found = list(dict.fromkeys(found))
    text = arithmetic_view(text)  # FIND("-",A1)-1, --(A1:A6="Pro"): A1 found, compared, not in arithmetic
    for _, where, letters, row, column, held in _cells_read(workbook, _ARITHMETIC_CELL, text, sheet):
        if isinstance(held, str) and isinstance(text_to_number(held), str):
            if not held and _formula_at(workbook, where, row, column):
                continue  # a formula's "": said where it is made
            label = _label(workbook, where, row, column)
            element = blank_element(workbook, formulas or {}, where, row, column) if not held else None
            if element is not None:  # =CRR(A2:A5,..)'s blank for a month not filled in: no cell to clear
                cell = f"{written(where)}!{letters.upper()}{row}{label} {element}"
                if cell not in found:
                    found.append(cell)
                continue
            made = _formula_at(workbook, where, row, column)  # =A3&CHAR(9): the tab taken off in its formula
            cell = f"{written(where)}!{letters.upper()}{row}{label} {no_number(held, made)}"
            if cell not in found:
                found.append(cell)
    if not found:  # =SUMPRODUCT((A:A="x")*(B:B)) over a header's text: the range's first such cell (H223's 04)
        for match in _ARITHMETIC_RANGE.finditer(text):
            quoted, area = match.group(1, 2) if match.group(2) else match.group(3, 4)
            where = quoted.strip("'").replace("''", "'") if quoted else sheet
            cell = _range_text(workbook, where, area.replace("$", ""))
            if cell is not None:
                return cell
    return ", ".join(found) if found else None


def _range_text(workbook: fz.Workbook, sheet: str, area: str) -> str | None:
    """The first cell, row by row, of ``sheet!area`` holding a text Excel's arithmetic reads as no number (not a
    formula's ""), as a reason; None where there is none (or the engine cannot page the range)."""
    try:
        for ref, row, column, held in _range_cells(workbook, sheet, area, _no_number_text):
            made = _formula_at(workbook, sheet, row, column)  # =A3&CHAR(9): taken off in its formula
            return f"{written(sheet)}!{ref}{_label(workbook, sheet, row, column)} {no_number(held, made)}"
    except Exception:  # noqa: BLE001  (the engine cannot page it: no reason from it)
        return None
    return None


_BLANK_ARGUMENT = re.compile(r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<argument>\w+) blank while other inputs are not")
_BLANK_ARGUMENTS = re.compile(
    r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<arguments>\w+(?:, \w+)*) blank while other inputs are not"
)


def _argument_cells(pattern: re.Pattern[str], reason: str, formula: str | None) -> list[str] | None:
    """The cell references (as written) in the argument a registry function's ``reason`` names (``pattern`` matches
    its ``function`` and ``argument``), in the error cell's ``formula`` that calls the function once; None where the
    reason, the function, its argument or one call of it is not found."""
    from ..registry import BY_NAME
    from .reason_cells import _arguments

    found = pattern.match(reason)
    function = BY_NAME.get(found["function"]) if found is not None else None
    if found is None or function is None or not formula:
        return None
    names = [a.name for a in function.args]
    if found["argument"] not in names:
        return None
    calls = _arguments(_LITERALS.sub('""', formula), function.name)
    k = names.index(found["argument"])
    if len(calls) != 1 or k >= len(calls[0]):
        return None
    return [m.group(0) for m in _SINGLE.finditer(calls[0][k])]


def blank_argument(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], reason: str, formula: str | None, sheet: str
) -> str:
    """``reason`` ("CRR: customers_start blank while other inputs are not (#VALUE!)") with the blank cell named, where
    the error cell's ``formula`` gives that argument from one cell (``IF(B4="","",B4+0)``): ``..., not:
    Customers!B4 (Customers at start) is blank: the month before has no Customers at end (Customers!D3 is blank or
    an error): fill that month (#VALUE!)``; else ``reason`` as it is."""
    found = _BLANK_ARGUMENTS.match(reason) if reason.endswith(")") else None
    if found is None:
        return reason
    named = []  # two blank (H202 finding 12: "customers_gained, customers_start blank ..."): each cell named
    for argument in found["arguments"].split(", "):
        single = f"{found['function']}: {argument} blank while other inputs are not (#VALUE!)"
        cells = set(_argument_cells(_BLANK_ARGUMENT, single, formula) or ())
        if len(cells) != 1:
            return reason
        cell = _blank_read(workbook, formulas, f'{cells.pop()}=""', sheet)
        if cell is None:
            return reason
        named.append(cell)
    head, _, code = reason.rpartition(" (")
    return f"{head}: {'; '.join(named)} ({code}"


#: the value a reason shows: "got 'n/a'", "got -2", "got the text '8' (...)" (a text as Python's repr writes it)
_GOT = re.compile(r", got (?:the text )?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\s,()']+)")


def _holds(shown: str, held: Any) -> bool:
    """Whether a cell's value ``held`` is the value a reason shows (:func:`.value_origins._shows`)."""
    from .value_origins import _shows  # noqa: PLC0415  (value_origins imports this module)

    return _shows(shown, held)


_VALUE_ARGUMENT = re.compile(
    r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<argument>\w+) (?:must|is)\b.*, got (?!.* in )[^()]*(?:\([^()]*\)[^()]*)*"
    r"\((?P<code>#[A-Z0-9/!?]+)\)$"
)


def value_argument(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], reason: str, formula: str | None, sheet: str
) -> str:
    """``reason`` ("CRR: customers_end must be a number, got 'n/a' (#VALUE!)") with the cell typed in named, where the
    error cell's ``formula`` gives that argument from one input cell (``IF(D5="","",IFERROR(D5+0,D5))``): ``..., got
    'n/a', in Customers!D5 (Customers at end) (#VALUE!)``; else ``reason`` as it is (a value computed by a formula
    is named where it is typed, not here)."""
    read = [cell.replace("$", "") for cell in _argument_cells(_VALUE_ARGUMENT, reason, formula) or ()]
    if len({cell.upper() for cell in read}) != 1:  # (the sheet's name as written: 'My data', not 'MY DATA')
        return reason
    shown = _GOT.search(reason)
    for _, where, letters, row, column, held in _cells_read(workbook, _SINGLE, read[0], sheet):
        if (row, column) in formulas.get(where, {}):
            return reason
        if shown is not None and not _holds(shown.group(1), held):
            return reason  # OFFSET(B1,1,0) reads B2, not B1: named by where the argument is (.value_origins)
        label = _label(workbook, where, row, column)
        if isinstance(held, str) and shown is not None and not shown.group(1).startswith(("'", '"')):
            label += f", the text {shown_text(held)}"  # '(5)' pasted, which the tracker reads as -5 (H557's 02)
        head, _, code = reason.rpartition(" (")
        return f"{head}, in {written(where)}!{letters.upper()}{row}{label} ({code}"
    return reason
