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
from it. Run only where the stored values are Excel's and current (``stored_current``). Cost: one comparison of the
computed and stored value per formula cell; the formulas are read only where the two differ.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from .unsupported import Unsupported

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["locale_cells"]

#: a date of digits with a year, in any order a locale writes it (01/02/2024, 15.01.2024, 2024-01-15 excepted)
_DATE_TEXT = re.compile(r"\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})\.?\s*")
#: a number written with a decimal comma (1,5; 1.234,50; -0,25 %; 1 234,5)
_COMMA_NUMBER = re.compile(r"\s*[-+]?\d{1,3}(?:[.\s\u00a0\u202f']\d{3})*,\d+\s*%?\s*|\s*[-+]?\d+,\d+\s*%?\s*")
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
    "reads the text {text!r} ({where}), which Excel reads by its language's date order and decimal separator: Excel "
    "stored {stored}, where the embedded engine, which reads it as an en-US Excel (month first, '.' decimal), gives "
    "{computed}; Excel's value is kept"
)


def locale_cells(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    listed: set[tuple[str, str]],
) -> list[Unsupported]:
    """The formula cells whose computed value differs from the one Excel stored as a locale makes it differ (see the
    module docstring), each with its reason; ``listed``: cells already listed, left alone."""
    found: list[Unsupported] = []
    for sheet, cells in values.items():
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
                    shown = value.code if type(value) is CellError else f"{computed:g}"
                    reason = _REASON_READ.format(text=read[0], where=read[1], stored=f"{cached:g}", computed=shown)
            if reason is not None:
                found.append(Unsupported(sheet, ref, "locale", reason))
    return found


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


def _is_locale_text(text: Any) -> bool:
    """Whether ``text`` is a date of digits or a number with a decimal comma (which a locale reads otherwise)."""
    if not isinstance(text, str) or not text or len(text) > 40:
        return False
    date = _DATE_TEXT.fullmatch(text)
    if date is not None:
        return 1 <= int(date.group(1)) <= 31 and 1 <= int(date.group(2)) <= 31
    return _COMMA_NUMBER.fullmatch(text) is not None


def _locale_text_read(workbook: fz.Workbook, texts: FormulaTexts, sheet: str, ref: str) -> tuple[str, str] | None:
    """(text, where) of the first locale text (:func:`_is_locale_text`) the formula of ``sheet!ref`` holds or reads
    in a cell; None when it reads none."""
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
                from openpyxl.utils import get_column_letter  # noqa: PLC0415

                quoted = f"'{target}'" if not re.fullmatch(r"\w+", target) else target
                return held, f"{quoted}!{get_column_letter(column)}{row}"
    return None
