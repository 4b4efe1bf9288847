"""What :func:`.embedded.compute` rewrites after a first evaluation, for the few cells whose result calls for it.

- :func:`final_operations`: a formula whose only rewrite would be Excel's final + or - (KB 78113: exactly 0
  within rounding, :func:`.excel_functions.final_operations.rewrite_final`) is rewritten only where its result can be
  such a residue, so that the other cells (and their shared formulas' copies) are left as they are.
- :func:`whole_column_indexes`: INDEX of whole columns past the cells in use (the engine's #REF!) is bounded.

- :func:`one_value_reads`: a cell reading ``X#`` where the dynamic array at X gives one value reads the cell X, as
  Excel does (the engine's X# is #REF! there, also behind IFERROR or ISREF).
- :func:`one_value_spills`: every cell reading ``X#`` where X, a formula not marked as a dynamic array, gave one value
  is listed (Excel's stored value kept), never computed from the engine's #REF!.
- :func:`may_read_locale_texts`: whether a workbook storing no values of Excel's may hold a text a day-first,
  comma-decimal Excel reads otherwise (the test before :func:`.locale_results.locale_cells` looks at every formula).
- :func:`whole_number_criteria`: a whole number held by a cell as a criterion (``COUNTIF(A:A,F1)``, F1 = 110) matched
  at 15 digits where its range holds a whole number's float noise (``=1.1*100``), as Excel matches it.

Each takes the engine's ``set_formulas(workbook, [(sheet, row, column, formula), ...])``; the caller evaluates again.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..cells import CellError
from ..sheet_names import SHEET
from .excel_functions._core import error_code, is_error
from .excel_functions.criteria_cells import criteria_areas, noisy, whole_corrected
from .excel_functions.final_operations import rewrite_final
from .locale_texts import is_locale_text
from .text_literals import LITERALS as _LITERAL
from .unsupported import Unsupported
from .whole_index import bounded_index

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = [
    "final_operations",
    "may_read_locale_texts",
    "one_value_reads",
    "one_value_spills",
    "whole_column_indexes",
    "whole_number_criteria",
]


def final_operations(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    finals: list[tuple[str, int, int]],
    set_formulas: Callable[[fz.Workbook, list[tuple[str, int, int, str]]], None],
) -> bool:
    """Excel's final + or - (:func:`.excel_functions.final_operations.rewrite_final`) for the cells whose formula needs
    nothing else, after a first evaluation: only a result that is a few units in the last place of its operands
    can be made 0, and such a difference has at most 3 significant bits (``n * 2**e``, n from 1 to 7). Those
    cells get the rewritten formula (the caller evaluates again); the others keep theirs, untranslated and unset.
    True when any formula was set; those cells leave ``finals``."""
    suspects, rest = [], []
    for sheet, r, c in finals:
        value = workbook.get_value(sheet, r, c)
        if type(value) is float and value != 0.0 and math.isfinite(value) and (math.frexp(value)[0] * 8).is_integer():
            suspects.append((sheet, r, c, rewrite_final("=" + formulas[sheet][(r, c)], tested=True)))
        else:
            rest.append((sheet, r, c))
    if suspects:
        set_formulas(workbook, suspects)
        finals[:] = rest
    return bool(suspects)


def whole_column_indexes(
    workbook: fz.Workbook,
    wholes: list[tuple[str, int, int, str]],
    set_formulas: Callable[[fz.Workbook, list[tuple[str, int, int, str]]], None],
) -> bool:
    """The cells among ``wholes`` (INDEX of whole columns or rows, with the formula the engine has) that gave #REF!
    get their INDEX areas bounded (:func:`.rewrite.bounded_index`): the engine stops a whole column at the cells in
    use, Excel does not (``INDEX(C:C,100)`` is the blank C100: 0). True when any formula was set."""
    bounded = []
    for sheet, r, c, formula in wholes:
        value = workbook.get_value(sheet, r, c)
        if is_error(value) and error_code(value) == "#REF!":
            new = bounded_index(formula)
            if new != formula:
                bounded.append((sheet, r, c, new))
    if bounded:
        set_formulas(workbook, bounded)
    return bool(bounded)


def whole_number_criteria(
    workbook: fz.Workbook,
    given: list[tuple[str, int, int, str]],
    set_formulas: Callable[[fz.Workbook, list[tuple[str, int, int, str]]], None],
) -> bool:
    """The criteria formulas among ``given`` (the formulas the engine has, last given last) whose criterion held by a
    cell is compared at 15 digits but for a whole number below 1E+15 (compared exactly: the common duplicate check
    ``COUNTIF(A:A,A2)`` over whole-number ids stays one engine call) get the correction for whole numbers too
    (:func:`.excel_functions.criteria_cells.whole_corrected`) where one of their criteria ranges holds a whole
    number's float noise after this evaluation (``=1.1*100`` is 110 to Excel's ``COUNTIF(A:A,F1)`` of F1 = 110); a
    range that is not a plain reference (a name, OFFSET) is taken to hold some. True when any formula was set."""
    latest = {(sheet, r, c): formula for sheet, r, c, formula in given if "1E+15)" in formula or "NEAR(" in formula}
    known: dict[str, bool] = {}
    found = []
    for (sheet, r, c), formula in latest.items():
        new = whole_corrected(formula)
        if new is None or new == formula:
            continue
        areas = criteria_areas(formula)
        if areas is None or any(_noisy_area(workbook, sheet, area, known) for area in areas):
            found.append((sheet, r, c, new))
    if found:
        set_formulas(workbook, found)
    return bool(found)


def _noisy_area(workbook: fz.Workbook, sheet: str, area: str, known: dict[str, bool]) -> bool:
    """Whether the values of ``area`` (a reference written in a formula of ``sheet``) hold a whole number's noise;
    True when the engine cannot page them."""
    reference = area if "!" in area else "'" + sheet.replace("'", "''") + "'!" + area
    key = reference.replace("$", "").upper()
    if key not in known:
        answer, offset = False, 0
        try:
            while offset is not None and not answer:
                page = workbook.range_page(reference, offset=offset, limit=65_536, include_values=True)
                answer = noisy([item.value for item in page.items])
                offset = page.next_offset
        except Exception:  # noqa: BLE001  (the engine cannot say: corrected, as for a name)
            answer = True
        known[key] = answer
    return known[key]


_ANCHOR = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?ANCHORARRAY\(\s*(?:(" + SHEET + r")!)?\$?([A-Z]{1,3})\$?(\d+)\s*\)")
ONE_VALUE_REASON = (
    "reads the spill range {anchor}#, whose formula gives one value here and is not saved as a dynamic array; the "
    "embedded engine makes that #REF!, and whether Excel reads the one cell is not known"
)


def one_value_reads(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    values: dict[str, dict[str, object]],
    info: PackageInfo,
    set_formulas: Callable[[fz.Workbook, list[tuple[str, int, int, str]]], None],
) -> bool:
    """Every formula cell reading ``X#`` of a dynamic array X (marked so in the file, ``info``) that
    gives one value, no error, gets ``X`` in its place: Excel's spill range of one value is that one cell (``SUM(Q1#)``
    of a FILTER with one match is the match; the engine's X# there is #REF!). The caller evaluates again and calls
    this again for a cell reading such a cell's own spill; True when any formula was set. An X that is no dynamic
    array (a plain formula: Excel's X# is #REF!) is left to :func:`one_value_spills`."""
    found: dict[tuple[str, int, int], str] = {}
    spills: dict[tuple[str, str], bool] = {}
    for sheet, _texts, place, match, target, anchor in _anchor_reads(formulas, values):
        if not _dynamic(info, target, anchor):
            continue
        if (target, anchor) not in spills:
            spills[(target, anchor)] = _spills(workbook, target, anchor)
        if spills[(target, anchor)]:
            continue
        key = (sheet, *place)
        formula = found.get(key) or workbook.get_formula(sheet, *place) or ""
        new = _ANCHOR.sub(functools.partial(_cell_of, _key(match)), formula)
        if new != formula:
            found[key] = new
    if found:
        set_formulas(workbook, [(sheet, r, c, "=" + text.removeprefix("=")) for (sheet, r, c), text in found.items()])
    return bool(found)


def _dynamic(info: PackageInfo, sheet: str, ref: str) -> bool:
    """Whether the file holds a dynamic array formula (Excel 365's, ``cm`` marked) at ``sheet!ref``."""
    cell = info.formulas.get(sheet, {}).get(ref)
    return cell is not None and cell.kind == "array" and cell.dynamic


def _key(match: re.Match[str]) -> tuple[str, str, str]:
    """What an ``_xlfn.ANCHORARRAY(X)`` reads, in any case: (sheet as written, column, row)."""
    return (match.group(1) or "").upper(), match.group(2).upper(), match.group(3)


def _cell_of(read: tuple[str, str, str], match: re.Match[str]) -> str:
    """The one cell ``X`` of ``_xlfn.ANCHORARRAY(X)`` (its sheet too) where it reads ``read``, else the match."""
    if _key(match) != read:
        return match.group(0)
    sheet = f"{match.group(1)}!" if match.group(1) else ""
    return f"{sheet}{match.group(2).upper()}{match.group(3)}"


def _anchor_reads(formulas: dict[str, FormulaTexts], values: dict[str, dict[str, object]]) -> Iterator[tuple]:
    """(sheet, texts, place, match, target sheet, anchor) of each ``X#`` read by a formula cell, where X holds a value
    that is no error."""
    for sheet, texts in formulas.items():
        if "ANCHORARRAY(" not in texts.upper_text():  # one sheet-wide test, then the formulas that read X#
            continue
        for place, master in texts.master_texts():
            if "ANCHORARRAY(" not in master.upper():
                continue
            for match in _ANCHOR.finditer(texts[place]):
                named = match.group(1) or ""
                target = named[1:-1].replace("''", "'") if named.startswith("'") else named or sheet
                anchor = f"{match.group(2).upper()}{match.group(3)}"
                target = next((s for s in values if s.lower() == target.lower()), target)
                held = values.get(target, {}).get(anchor)
                if held is not None and type(held) is not CellError:
                    yield sheet, texts, place, match, target, anchor


def one_value_spills(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    values: dict[str, dict[str, object]],
    info: PackageInfo | None = None,
) -> list[Unsupported]:
    """Every formula cell whose text reads ``X#`` (stored ``_xlfn.ANCHORARRAY(X)``) of a formula cell X whose own value
    is no error and which spills no range in the engine: the engine's ``X#`` of a dynamic array of one value is #REF!
    (``SUM(Q1#)``, where its ``ROWS(Q1#)`` is 1), which a cell may hide (``IFERROR(SUM(Q1#),-1)`` -1, ``ISREF(Q1#)``
    FALSE; Excel 200 and TRUE). Listed (Excel's stored value kept; the cells reading them computed from it), whatever
    the cell's own value. ``values``: each sheet's formula values by reference. Example: Q1 ``=FILTER(B1:B3,B1:B3>150)``
    giving 200 alone lists ``R1 =IFERROR(SUM(Q1#),-1)``; Q1 spilling Q1:Q2 lists nothing."""
    found = []
    spills: dict[tuple[str, str], bool] = {}
    listed: set[tuple[str, str]] = set()
    for sheet, texts, place, match, target, anchor in _anchor_reads(formulas, values):
        ref = texts.refs[place]
        if (sheet, ref) in listed or (info is not None and _dynamic(info, target, anchor)):  # read as X (above)
            continue
        if (target, anchor) not in spills:
            spills[(target, anchor)] = _spills(workbook, target, anchor)
        if not spills[(target, anchor)]:
            shown = f"{match.group(1)}!{anchor}" if match.group(1) else anchor
            found.append(Unsupported(sheet, ref, "spill range", ONE_VALUE_REASON.format(anchor=shown)))
            listed.add((sheet, ref))
    return found


def _spills(workbook: fz.Workbook, sheet: str, ref: str) -> bool:
    """Whether the engine's cell ``sheet!ref`` anchors a spilled range (False where the engine cannot say)."""
    quoted = "'" + sheet.replace("'", "''") + "'"
    try:
        spill = workbook.inspect_cell(f"{quoted}!{ref}").to_dict()["cell"].get("spill")
    except Exception:  # noqa: BLE001 -- an inspection the engine refuses: not known to spill, so listed
        return False
    return bool(spill) and spill.get("kind") == "Anchor"


#: a digit, a date's or a decimal comma's separator and a digit, a day and a month's name, a currency of another
#: locale: in every text locale_results reads otherwise (.locale_readings), so a workbook holding none has nothing
#: to list there. A word is matched by its first or last three letters ({3}, not {3,}: the same texts match), so a
#: search tries each letter once: {3,} ran to a long word's end from each of its letters (quadratic: a cell of 20,000
#: letters took 13 s here, 29-43 s in H239's finding 5)
_LOCALE_HINT = re.compile(
    r"\d\s*[./,'\u2019-]\s*\d|\d\.?[\s-]*[^\W\d_]{3}|[^\W\d_]{3}\.?[\s-]*\d\d|[£€¥₹₽₺]|R\$|\d\s+\d{3}|\d\s*[^\W\d_]{2,3}\b"
)
#: a sheet's used area larger than this is not read for the test (the listing then runs)
_MOST_READ = 2_000_000


def may_read_locale_texts(workbook: fz.Workbook, formulas: dict[str, FormulaTexts]) -> bool:
    """Whether :func:`.locale_results.unstored_locale_cells` may list a cell: a formula holds a text literal that is
    a date of digits or a decimal-comma number (``"01/02/2024"``, ``">=1.2.24"``, ``"1,5"``), or a cell of a sheet
    the engine has holds a text that is such a date or number (its ``is_locale_text``, which every text it lists
    passes). A superset: its reference walk over every formula took 0.3 s of the 50,000-cell workbook, which holds
    neither; this test reads each sheet's used area once (the engine's, after the evaluation). True when an area
    cannot be read or is larger than :data:`_MOST_READ`.

    >>> bool(_LOCALE_HINT.search("01/02/2024")), bool(_LOCALE_HINT.search("1 234,5")), bool(_LOCALE_HINT.search("Q1"))
    (True, True, False)
    """
    import formualizer as fz  # noqa: PLC0415  (imported by the engine already)

    for found in formulas.values():  # each distinct shape's literals (a shape's row numbers 0 keep every digit)
        if '"' in found.shape_upper_text() and any(
            is_locale_text(literal[1:-1].replace('""', '"').lstrip("<>="))
            for shape in found.shape_groups()
            for literal in _LITERAL.findall(shape)
        ):
            return True
    for sheet in workbook.sheet_names:
        rows, columns = _used(workbook, sheet)
        if rows is None or columns is None:
            return True
        if not rows or not columns:
            continue
        if rows * columns > _MOST_READ:
            return True
        try:
            grid = workbook.sheet(sheet).get_values(fz.RangeAddress(sheet, 1, 1, rows, columns))
        except Exception:  # noqa: BLE001  (the engine cannot say: the listing decides)
            return True
        # each distinct text once (the 50,000-cell workbook's 10,011 texts are 13): the answer is whether one of them
        # is a locale text, and each that is holds a hint of its own (the joined texts' search only a superset)
        texts = {value for row in grid for value in row if type(value) is str}
        if texts and _LOCALE_HINT.search("\n".join(texts)) and any(map(is_locale_text, texts)):
            return True
    return False


def _used(workbook: fz.Workbook, sheet: str) -> tuple[int | None, int | None]:
    """The last row and column the engine has a cell in on ``sheet`` (0 when none), None where it cannot say."""
    quoted = "'" + sheet.replace("'", "''") + "'"
    last: list[int | None] = []
    for area, index in (("!A:XFD", 3), ("!1:1048576", 2)):
        try:
            page = workbook.range_page(quoted + area, limit=1, include_values=False)
        except Exception:  # noqa: BLE001  (the engine cannot say)
            return None, None
        if not page.resolved:
            last.append(0)
            continue
        corner = page.resolved.rpartition("!")[2].rpartition(":")[2]
        match = _CORNER.fullmatch(corner)
        if match is None:
            return None, None
        last.append(int(match.group(2)) if index == 3 else _column_number(match.group(1)))
    return last[0], last[1]


_CORNER = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]+)")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number
