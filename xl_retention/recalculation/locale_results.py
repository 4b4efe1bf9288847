"""Formula cells whose value Excel computed in another language's locale, which the file does not name: kept, listed.

The embedded engine computes as an en-US Excel: a date typed as text is month first (``DATEVALUE("01/02/2024")`` is
2 January), ``.`` is the decimal separator, month and day names are English, DOLLAR's currency is ``$``. A workbook
saved by a UK or European Excel stores the values its Excel computed: 1 February, ``1,5``, ``März``, ``1.234,57 €``.
Recomputed in en-US they were other dates, other months and other texts written over Excel's, status ok (H67 finding
06). Nothing in the file names the locale its Excel used, but its stored values show it where they differ from the
en-US result as only a locale makes them differ:

- a text result equal to the engine's but for its decimal and thousands separators, its currency sign, or its month
  and day names (those of German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian);
- a number (or an error the engine gives) where Excel stored another number, in a formula reading a text that a
  locale reads otherwise: a date of digits (``01/02/2024``, ``15.01.2024``) or a number with a decimal comma
  (``1,5``, ``1.234,50``), given in the formula or held by a cell it reads.

Such a cell keeps the value Excel stored and is listed with the reason (:mod:`.kept`); its dependents are computed
from it. Cost: one comparison of the computed and stored value per formula cell; the formulas are read only where the
two differ.

Where the file stores no value of Excel's for a formula cell (a program wrote it: openpyxl, pandas; or the stored
values predate its inputs, ``stored_current=False``), nothing shows the locale. A formula reading a date of digits or a
number with a decimal comma typed as text then has the value of whichever Excel opens it (Microsoft's DATEVALUE page:
"your computer's system date setting may cause the results of a DATEVALUE function to vary"). Such a text another
locale reads otherwise (:mod:`.locale_readings`: ``01/02/2025``, 2 January en-US and 1 February day-first;
``13/01/2025`` and ``25.12.2025``, #VALUE! en-US and a date day-first; ``1/15/2025``, a date en-US and #VALUE!
day-first; ``1.234,50``, #VALUE! en-US and 1234.5 with a decimal comma) is read once more as that locale reads it;
each cell whose value then differs is listed, not computed, with both values (:func:`unstored_locale_cells`), and so
is a cell whose formula holds such a text typed in (a decimal comma there only where en-US reads no number:
``TEXT(A1,"0,000")`` is a format). A text both read alike
(``05/05/2025``), a number en-US reads (``1,234``: 1234 to en-US's thousands), or a cell whose value does not depend
on the reading (``YEAR(A2)`` of ``05/05/2025``, ``LEN(A2)``, the text passed on) is computed as before.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from .locale_readings import (
    is_number_reading,
    locale_reading,
    reading_kind,
    second_form,
)
from .locale_texts import LITERAL as _LITERAL
from .locale_texts import address_of as _address
from .locale_texts import is_locale_text as _is_locale_text
from .locale_texts import locale_texts as _locale_texts
from .locale_texts import position_of as _position
from .locale_texts import separators_given as _separators_given
from .reason_numbers import reason_number as _full
from .unsupported import Unsupported

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["locale_cells"]

#: what a locale writes otherwise in a number shown as text: separators, spaces, currency signs and codes
_SEPARATORS = re.compile(r"[.,'\s\u00a0\u202f$€£¥]|EUR|CHF|SEK|DKK|NOK|kr")
#: the languages whose month and day names a stored text may hold (CLDR through Babel, German as Excel writes it)
_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb")
#: at most this many cells of a range a formula reads are looked at for a locale's text
_MAX_READ = 10_000

_REASON_TEXT = (
    "Excel stored {stored!r} where the embedded engine, which computes as an en-US Excel, gives {computed!r}: they "
    "differ only by the {what} of the language of the Excel that saved the file, which the file does not name; "
    "Excel's value is kept"
)
_REASON_READ = (
    "reads the text {text!r} ({where}), which Excel reads by its language's date order, decimal separator, currency "
    "and month names: Excel "
    "stored {stored}, where the embedded engine, which reads it as an en-US Excel (month first, '.' decimal), gives "
    "{computed}; Excel's value is kept"
)


def locale_cells(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    listed: set[tuple[str, str]],
    stored_current: bool = True,
) -> list[Unsupported]:
    """The formula cells whose computed value differs from the one Excel stored as a locale makes it differ (see the
    module docstring), each with its reason; ``listed``: cells already listed, left alone. The cells storing no
    value (every one when not ``stored_current``) are looked at by :func:`unstored_locale_cells`."""
    found: list[Unsupported] = []
    read_numbers: dict[tuple[str, str], tuple[Unsupported, float, tuple[str, str], str]] = {}
    read_errors: list[
        tuple[Unsupported, str, tuple[str, str], str]
    ] = []  # an error Excel stored where the engine reads a locale's text as a number
    for sheet, cells in values.items() if stored_current else ():
        stored = info.formulas.get(sheet)
        texts = formulas.get(sheet)
        if not stored or texts is None:
            continue
        for ref, value in cells.items():
            cell = stored.get(ref)
            cached = None if cell is None else cell.cached
            if cached is None or value == cached and type(value) is type(cached):
                continue
            if (sheet, ref) in listed or cell.kind in ("array", "dataTable"):
                continue
            reason = _text_reason(value, cached)
            if reason is None and _number(cached) is not None:
                computed = _number(value)
                if computed is None and type(value) is not CellError:
                    continue
                if computed is not None and math.isclose(computed, _number(cached), rel_tol=1e-12, abs_tol=1e-12):
                    continue
                read = _locale_text_read(workbook, texts, sheet, ref)
                if read is not None:
                    shown = value.code if type(value) is CellError else _full(computed)
                    reason = _REASON_READ.format(text=read[0], where=read[1], stored=_full(cached), computed=shown)
                    item = Unsupported(sheet, ref, "locale", reason)
                    read_numbers[(sheet, ref)] = (item, float(cached), read, shown)
                    found.append(item)
                    continue
            elif reason is None and type(cached) is CellError and _number(value) is not None:
                # a day-first Excel's #VALUE! for '1/15/2025'+0 where the engine (en-US) gives 45672 (H560's note 1)
                read = _locale_text_read(workbook, texts, sheet, ref)
                if read is not None:
                    shown = _full(_number(value))
                    reason = _REASON_READ.format(text=read[0], where=read[1], stored=cached.code, computed=shown)
                    read_errors.append((Unsupported(sheet, ref, "locale", reason), cached.code, read, shown))
                    found.append(read_errors[-1][0])
                    continue
            if reason is not None:
                found.append(Unsupported(sheet, ref, "locale", reason))
    if read_numbers:
        _neither_reading(workbook, formulas, info, values, read_numbers)
    if read_errors:
        _error_neither_reading(workbook, formulas, info, values, read_errors)
    done = listed | {(u.sheet, u.ref) for u in found}
    shown_by = next((f"{_quoted(u.sheet)}!{u.ref}" for u, *_ in read_numbers.values() if not u.stale), None)
    shown_by = shown_by or next((f"{_quoted(u.sheet)}!{u.ref}" for u, *_ in read_errors if not u.stale), None)
    if shown_by is None:
        return found + unstored_locale_cells(workbook, formulas, info, values, done, stored_current)
    # a cell whose stored value only the other reading gives proves the file's Excel reads otherwise: a value stored
    # beside a text both read (B1 =DATEVALUE("02/01/2024") stored as 45323, en-US's) is no proof that its Excel
    # computed it (a program changed the text since): every such cell is looked at as one storing none (H454/04)
    readings: dict[tuple[str, str], Any] = {}
    for item in unstored_locale_cells(workbook, formulas, info, values, done, False, readings=readings):
        cell = info.formulas.get(item.sheet, {}).get(item.ref)
        cached, other = _number(None if cell is None else cell.cached), _number(readings.get((item.sheet, item.ref)))
        if cached is not None and other is not None and not math.isclose(cached, other, rel_tol=1e-9, abs_tol=1e-12):
            item.stale = True  # its Excel gives the other reading now: the stored value predates the text
            item.reason = item.reason.replace(_UNTOLD, _STALE_BY.format(cell=shown_by, stored=_full(cached)))
        else:
            item.reason = item.reason.replace(_UNTOLD, _TOLD_BY.format(cell=shown_by))
        found.append(item)
    return found


def _neither_reading(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    cells: dict[tuple[str, str], tuple[Unsupported, float, tuple[str, str], str]],
) -> None:
    """Each of ``cells`` (a number Excel stored beside the engine's other value, the formula reading a text a locale
    reads otherwise) whose stored value the other locale's reading does not give either is stale, not kept: no Excel
    gives it for the text now (H199 finding 02: DATEVALUE of "03/04/2025" stored as 2 January 2025, 45659, where an
    en-US Excel gives 45720 and a day-first one 45750; "2.000,00"*2 stored as 2469: #VALUE! en-US, 4000 with a
    decimal comma). The text was changed after Excel's save by a program keeping the stored values."""
    readings: dict[tuple[str, str], Any] = {}
    only = {key: None for key in cells}
    unstored_locale_cells(workbook, formulas, info, values, set(), False, only=only, readings=readings)
    for key, (item, cached, read, shown) in cells.items():
        after = readings.get(key, values.get(key[0], {}).get(key[1]))  # none recorded: the other reading gives the same
        if isinstance(after, str) and after in ("another value", _shown(cached)):
            continue  # a text typed in the formula: its other reading shown (or not told)
        number = _number(after)
        if number is not None and math.isclose(number, cached, rel_tol=1e-9, abs_tol=1e-12):
            continue
        other = after.code if type(after) is CellError else _full(number) if number is not None else _shown(after)
        item.stale = True
        item.reason = (
            f"reads the text {read[0]!r} ({read[1]}): Excel stored {_full(cached)}, which neither an en-US Excel "
            f"({shown}) nor a day-first, comma-decimal one ({other}) gives for it: the file's values predate its inputs"
        )


def _error_neither_reading(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    cells: list[tuple[Unsupported, str, tuple[str, str], str]],
) -> None:
    """Each of ``cells`` (an error Excel stored where the engine gives a number, the formula reading a text a locale
    reads otherwise) whose error the other locale's reading does not give either is stale, not kept: '02/01/2024'+0
    stored as #VALUE!, a date to every Excel (as :func:`_neither_reading` for a stored number)."""
    readings: dict[tuple[str, str], Any] = {}
    only = {(item.sheet, item.ref): None for item, *_ in cells}
    unstored_locale_cells(workbook, formulas, info, values, set(), False, only=only, readings=readings)
    for item, code, read, shown in cells:
        after = readings.get((item.sheet, item.ref))
        if type(after) is CellError and after.code == code:
            continue
        number = _number(after)
        other = after.code if type(after) is CellError else _full(number) if number is not None else shown
        item.stale = True
        item.reason = (
            f"reads the text {read[0]!r} ({read[1]}): Excel stored {code}, which neither an en-US Excel ({shown}) "
            f"nor a day-first, comma-decimal one ({other}) gives for it: the file's values predate its inputs"
        )


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _text_reason(computed: Any, stored: Any) -> str | None:
    """The reason when the text ``stored`` is the ``computed`` text in another locale's separators or names."""
    if not isinstance(stored, str) or not isinstance(computed, str) or stored == computed:
        return None
    if any(c.isdigit() for c in stored) and _SEPARATORS.sub("", stored) == _SEPARATORS.sub("", computed):
        what = "decimal and thousands separators or currency"
        return _REASON_TEXT.format(stored=stored, computed=computed, what=what)
    english, others = _names()
    plain = english.sub(lambda m: _TOKENS[m.group(0).lower()], computed)
    if plain == computed:
        return None
    for pattern, tokens in others:
        local = pattern.sub(lambda m, t=tokens: t[m.group(0).lower()], stored)
        if local != stored and _SEPARATORS.sub("", local).lower() == _SEPARATORS.sub("", plain).lower():
            return _REASON_TEXT.format(stored=stored, computed=computed, what="month or day names")
    return None


_TOKENS: dict[str, str] = {}


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], dict[str, str]]]]:
    """The English month and day names (full and short) as a pattern, each name's token in :data:`_TOKENS`; and for
    each language of :data:`_LANGUAGES` its names' pattern and tokens."""
    from babel import Locale  # noqa: PLC0415  (loaded only where a stored text differs from the engine's)

    from .excel_functions.locale_names import _GERMAN, ENGLISH  # noqa: PLC0415

    def names_of(months: list[str], days: list[str], short_months: list[str], short_days: list[str]) -> dict[str, str]:
        tokens: dict[str, str] = {}
        for kind, group in (("M", months), ("D", days), ("m", short_months), ("d", short_days)):
            for i, name in enumerate(group):
                tokens.setdefault(name.lower().rstrip("."), f"\x00{kind.upper()}{i}\x00")
        return tokens

    def pattern(tokens: dict[str, str]) -> re.Pattern[str]:
        ordered = sorted(tokens, key=len, reverse=True)
        return re.compile(r"(?i)(?<!\w)(" + "|".join(map(re.escape, ordered)) + r")\.?(?!\w)")

    assert ENGLISH.short_months is not None and ENGLISH.short_days is not None
    _TOKENS.update(names_of(ENGLISH.months, ENGLISH.days, ENGLISH.short_months, ENGLISH.short_days))
    english = pattern(_TOKENS)
    others = []
    for language in _LANGUAGES:
        if language == "de":
            assert _GERMAN.short_months is not None and _GERMAN.short_days is not None
            tokens = names_of(_GERMAN.months, _GERMAN.days, _GERMAN.short_months, _GERMAN.short_days)
        else:
            cldr = Locale.parse(language)
            months = [cldr.months["format"]["wide"][m] for m in range(1, 13)]
            short = [cldr.months["format"]["abbreviated"][m] for m in range(1, 13)]
            days = [cldr.days["format"]["wide"][(d + 6) % 7] for d in range(7)]
            short_days = [cldr.days["format"]["abbreviated"][(d + 6) % 7] for d in range(7)]
            tokens = names_of(months, days, short, short_days)
        others.append((pattern(tokens), tokens))
    return english, others


def _locale_text_read(workbook: fz.Workbook, texts: FormulaTexts, sheet: str, ref: str) -> tuple[str, str] | None:
    """(text, where) of the first locale text (:func:`.locale_texts.is_locale_text`) the formula of ``sheet!ref``
    holds or reads in a cell; None when it reads none."""
    from .formula_texts import position  # noqa: PLC0415

    place = position(ref)
    if place not in texts:
        return None
    formula = texts[place]
    try:
        tokens = Tokenizer("=" + formula).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: nothing said)
        return None
    for token in tokens:
        if token.type != Token.OPERAND:
            continue
        if token.subtype == Token.TEXT:
            literal = token.value[1:-1].replace('""', '"')
            if _is_locale_text(literal.lstrip("<>=")):  # ">=01/02/2024": a criterion's too
                return literal, "in the formula"
        elif token.subtype == Token.RANGE:
            found = _read_text(workbook, token.value, sheet)
            if found is not None:
                return found
    return None


def _read_text(workbook: fz.Workbook, reference: str, sheet: str) -> tuple[str, str] | None:
    """The first locale text among the cells of ``reference`` (a cell or a range, its sheet named or not)."""
    where, _, area = reference.rpartition("!")
    target = where.strip("'").replace("''", "'") if where else sheet
    try:
        left, top, right, bottom = range_boundaries(area.replace("$", ""))
    except (ValueError, TypeError):
        return None  # a defined name, a table's column: not read here
    if None in (left, top, right, bottom) or (right - left + 1) * (bottom - top + 1) > _MAX_READ:
        return None
    for row in range(top, bottom + 1):
        for column in range(left, right + 1):
            try:
                held = workbook.get_value(target, row, column)
            except Exception:  # noqa: BLE001  (a sheet the engine does not have)
                return None
            if _is_locale_text(held):
                quoted = f"'{target}'" if not re.fullmatch(r"\w+", target) else target
                return held, f"{quoted}!{get_column_letter(column)}{row}"
    return None


_REASON_UNSTORED = (
    "{reads} the text {text!r} ({where}), which Excel reads by the {what} of the computer's regional settings{source}, "
    "which the file does not record: an en-US Excel gives {us}, a {other_excel} Excel {other}; the file stores no "
    "value of Excel's to tell which, so the embedded engine does not compute it"
)
#: the end of :data:`_REASON_UNSTORED`, and what it says where another cell of the file shows its Excel reads otherwise
_UNTOLD = "; the file stores no value of Excel's to tell which, so the embedded engine does not compute it"
_TOLD_BY = (
    "; the file's {cell} stores the other reading's value, its Excel's, and whether this cell's stored value is "
    "one its Excel computed (or the text changed since) cannot be told, so the embedded engine does not compute it"
)
_STALE_BY = (
    "; the file's {cell} stores the other reading's value, its Excel's, which makes Excel's stored {stored} here "
    "a value from before the text changed: not kept, and the embedded engine does not compute it"
)
assert _REASON_UNSTORED.endswith(_UNTOLD)
#: (what the regional settings decide, the other Excel, the source said) of each kind of reading (.locale_readings)
_WORDS = {
    "date": (
        "date order",
        "day-first",
        " (Microsoft's DATEVALUE page: the system date setting may make the results vary)",
    ),
    "number": ("decimal separator", "decimal-comma", ""),
    "money": ("currency", "British or European", ""),
    "month": ("language", "German, French or other", ""),
    "thousands": ("thousands separator", "Swiss", ""),
}


def _reason(reads: str, text: str, where: str, us: Any, other: str | None) -> str:
    """The reason of a cell whose value depends on the locale reading ``text``: ``us`` its en-US value, ``other`` the
    other Excel's as shown (None: not told, "another value")."""
    other = "another value" if other is None or other == "None" else other
    what, other_excel, source = _WORDS[reading_kind(text.lstrip("<>="))]
    return _REASON_UNSTORED.format(
        reads=reads, text=text, where=where, what=what, source=source, us=_shown(us), other_excel=other_excel,
        other=other,
    )  # fmt: skip


def unstored_locale_cells(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    listed: set[tuple[str, str]],
    stored_current: bool = True,
    only: dict[tuple[str, str], None] | None = None,
    readings: dict[tuple[str, str], Any] | None = None,
) -> list[Unsupported]:
    """The formula cells storing no value of Excel's (each one when not ``stored_current``) whose value depends on the
    locale reading a date or number typed as text (see the module docstring), each with its reason; ``listed``: cells
    already listed, left alone. The workbook is left as it was given (its texts put back and evaluated again).
    ``only``: these cells are looked at, whatever they store; ``readings``: given each listed cell's value in the other
    reading (a text typed in: that reading as shown)."""
    open_cells: dict[str, list[str]] = {}
    for sheet, ref in only or ():
        open_cells.setdefault(sheet, []).append(ref)
    for sheet, cells in values.items() if only is None else ():
        stored = info.formulas.get(sheet, {})
        for ref in cells:
            cell = stored.get(ref)
            if (sheet, ref) in listed or (cell is not None and cell.kind == "dataTable"):
                continue
            if cell is None or cell.cached is None or not stored_current:
                open_cells.setdefault(sheet, []).append(ref)
    if not open_cells:
        return []
    texts, literals, reads = _locale_texts(workbook, formulas, info, open_cells)
    found = []
    for (sheet, ref), text in literals.items():
        if (sheet, ref) in reads:  # COUNTIF(A1:A2,"01/02/2026"): read with the cells, both alike (below)
            continue
        us = values[sheet][ref]
        if isinstance(us, str) and text in us:
            continue  # the text passed on ("01/02/2025 "&A1)
        number = is_number_reading(text.lstrip("<>="))
        if number and type(us) is not CellError and not _numbervalue_text(formulas, sheet, ref, text):
            continue  # a decimal comma is rather a format (TEXT(A1,"0,000")) unless en-US reads no number
        other = _literal_other(workbook, formulas, sheet, ref, text)
        if other == _shown(us) or number and other == "another value":
            continue
        if readings is not None:
            readings[(sheet, ref)] = other
        found.append(Unsupported(sheet, ref, "locale", _reason("holds", text, "in the formula", us, other)))
    if not texts:
        return found
    from . import kept  # noqa: PLC0415  (.kept reads .unsupported, which reads this module's callers)
    from .engine_results import cell_value  # noqa: PLC0415

    opened = {(sheet, ref) for sheet, refs in open_cells.items() for ref in refs}
    roots = {(sheet, _address(row, column)): (sheet, _address(row, column)) for sheet, row, column in texts}
    through: set[tuple[str, str]] = set()  # =C1+0 of C1 =A1, INDIRECT("A1"), OFFSET(C1,0,-2): the text read too
    found_after = kept.dependents(workbook, roots, formulas, info)
    pinned = _separators_given(workbook, formulas, texts, found_after)  # NUMBERVALUE(A1,",","."): the same value
    for key, (sheet, ref) in found_after.items():
        if key in pinned:
            reads.pop(key, None)
            continue
        if key in opened and key not in reads and key not in literals:
            first = (sheet, *_position(ref))
            reads[key] = (first, texts[first])
            through.add(key)

    back = {other: text for text, other in texts.values()}  # each text as read by the other locale -> the text
    readers = [(sheet, *_position(ref)) for sheet, ref in reads]
    afters: list[list[Any]] = []  # the readers' values with each of the two forms of the other readings
    try:  # the cells reading such a text evaluated again (not the whole workbook), once with each form
        for (sheet, row, column), (_, value) in pinned.items():  # read alike in every locale: held as it is
            workbook.set_value(sheet, row, column, value)
        for form in (lambda reading: reading, second_form):
            for (sheet, row, column), (_, other) in texts.items():
                workbook.set_value(sheet, row, column, form(other))
            _evaluate(workbook, readers)  # (.kept: a cell reading one left without a value is not computed)
            afters.append([cell_value(workbook, sheet, row, column) for sheet, row, column in readers])
            from .literal_uses import moved_with_cells  # noqa: PLC0415

            moved_with_cells(workbook, formulas, readers, afters[-1], form)  # A1="01/02/2026": both sides alike
    finally:
        for (sheet, row, column), (text, _) in texts.items():
            workbook.set_value(sheet, row, column, text)
        for (sheet, row, column), (formula, _) in pinned.items():
            workbook.set_formula(sheet, row, column, formula)
        _evaluate(workbook, readers + list(pinned))
    for (sheet, row, column), after, again in zip(readers, *afters, strict=True):
        ref = _address(row, column)
        before = values[sheet][ref]
        if _same(before, after) or not _same(after, again) or _passed_on(before, after, back):
            continue  # the same value, or one of the text's characters (LEN(A1)): the same in every Excel
        if readings is not None:
            readings[(sheet, ref)] = after
        (text_sheet, text_row, text_column), (text, _) = reads[(sheet, ref)]
        where = f"{_quoted(text_sheet)}!{_address(text_row, text_column)}"
        found.append(Unsupported(sheet, ref, "locale", _reason("reads", text, where, before, _shown(after))))
    direct = {(u.sheet, u.ref): (u.sheet, u.ref) for u in found if (u.sheet, u.ref) not in through}
    if direct and through:  # a cell reading a listed one (=B1+1 of B1 =DATEVALUE(A1)) is listed for that (.kept)
        downstream = kept.dependents(workbook, direct, formulas, info)
        found = [u for u in found if (u.sheet, u.ref) not in through or (u.sheet, u.ref) not in downstream]
    return found


def _numbervalue_text(formulas: dict[str, FormulaTexts], sheet: str, ref: str, text: str) -> bool:
    """Whether the formula of ``sheet!ref`` gives ``text`` to NUMBERVALUE (:func:`_given_to_numbervalue`)."""
    from .formula_texts import position  # noqa: PLC0415

    found = formulas.get(sheet)
    return found is not None and position(ref) in found and _given_to_numbervalue(found[position(ref)], text)


def _given_to_numbervalue(formula: str, text: str) -> bool:
    """Whether ``formula`` gives the literal ``text`` to NUMBERVALUE as its text, alone or in an array constant: a
    number's text there, never a format (``NUMBERVALUE("1,5")`` is 15 to an en-US Excel, 1.5 to a decimal-comma one,
    as ``NUMBERVALUE(A1)`` of A1 holding 1,5 is listed; H548).

    >>> array, alone = 'SUM(_xlfn.NUMBERVALUE({"1,5","1"}))', 'NUMBERVALUE("1,5")'
    >>> _given_to_numbervalue(array, "1,5"), _given_to_numbervalue(alone, "1,5")
    (True, True)
    >>> _given_to_numbervalue('TEXT(A1,"0,000")', "0,000"), _given_to_numbervalue('NUMBERVALUE(A1)&"1,5"', "1,5")
    (False, False)
    """
    quoted = re.escape('"' + text.replace('"', '""') + '"')
    return re.search(r'(?i)NUMBERVALUE\(\s*(?:\{(?:[^{}"]|"(?:[^"]|"")*")*?)?' + quoted, formula) is not None


def _evaluate(workbook: fz.Workbook, cells: list[tuple[str, int, int]]) -> None:
    """Evaluate ``cells`` again: one by one where they are few, else the workbook at once (cheaper for thousands)."""
    if len(cells) <= 200:
        workbook.evaluate_cells(cells)
    else:
        workbook.evaluate_all()


#: a formula whose value depends on its own cell, or is not the same twice: not evaluated elsewhere for a reason
_PLACED = re.compile(r"(?i)\b(?:ROW|COLUMN|CELL|OFFSET|INDIRECT|RAND|RANDBETWEEN|RANDARRAY|NOW|FORMULATEXT)\s*\(|#")


def _literal_other(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], sheet: str, ref: str, text: str) -> str:
    """The value of ``sheet!ref``'s formula with its literal ``text`` as another locale reads it (evaluated in a
    scratch cell, with each of the reading's two forms), shown; "another value" where that cannot be told.

    The formula evaluated is the one the engine computes the cell with (its rewrite, read back from the engine, as
    :func:`.literal_uses.moved_with_cells` reads it), the stored one where the engine's does not hold the text:
    ``SUMPRODUCT(NUMBERVALUE({"1.200.000","1"}))`` is computed element by element only as rewritten, the stored
    formula gave #VALUE! in both readings and the cell was left #VALUE! with no reason (H548)."""
    from .engine import from_engine  # noqa: PLC0415
    from .formula_texts import position  # noqa: PLC0415
    from .literal_uses import _engine_formula  # noqa: PLC0415
    from .scratch_cell import scratch_value  # noqa: PLC0415

    bare = text.lstrip("<>=")
    reading, found = locale_reading(bare), formulas.get(sheet)
    formula = None if found is None or position(ref) not in found else found[position(ref)]
    if reading is None or formula is None or _PLACED.search(_LITERAL.sub('""', formula)):
        return "another value"
    quoted = '"' + text.replace('"', '""') + '"'
    engine = _engine_formula(workbook, sheet, *position(ref))
    if engine is not None and quoted in engine and not _PLACED.search(_LITERAL.sub('""', engine)):
        formula = engine.removeprefix("=")
    shown = []
    for form in (reading, second_form(reading)):
        other = '"' + (text[: len(text) - len(bare)] + form).replace('"', '""') + '"'
        value = from_engine(scratch_value(workbook, sheet, "=" + formula.replace(quoted, other)))
        if value is None or not isinstance(value, (int, float, str, CellError)):
            return "another value"
        shown.append(_shown(value))
    return shown[0] if shown[0] == shown[1] else "another value"


def _passed_on(before: Any, after: Any, back: dict[str, str]) -> bool:
    """Whether the text ``after`` is ``before`` where the cell passed on a text read otherwise (``=A1``, ``=A1&" x"``):
    the other locale's readings in it put back (``back``: reading -> text) give ``before``."""
    if not isinstance(before, str) or not isinstance(after, str):
        return False
    if back.get(after) == before:
        return True
    if len(back) > 200:
        return False
    for other, text in back.items():
        if other in after:
            after = after.replace(other, text)
    return after == before


def _same(before: Any, after: Any) -> bool:
    if type(before) is CellError or type(after) is CellError:
        return type(before) is type(after) and before.code == after.code
    first, second = _number(before), _number(after)
    if first is not None and second is not None:
        return math.isclose(first, second, rel_tol=1e-12, abs_tol=1e-12)
    return type(before) is type(after) and before == after


def _shown(value: Any) -> str:
    if value is None:  # a formula's blank result, which Excel shows as 0 ('a British or European Excel None' was said)
        return "0"
    if type(value) is CellError:
        return value.code
    number = _number(value)
    return _full(number) if number is not None else repr(value)


def _quoted(sheet: str) -> str:
    return sheet if re.fullmatch(r"\w+", sheet) else "'" + sheet.replace("'", "''") + "'"
