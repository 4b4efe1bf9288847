"""The sheet of a tracker's NPS answers ("NPS scores": one column per month, one answer per row), found under the
template's title or the one the user renamed it to ('Survey answers'), and the import's writing there.

Excel renames a sheet's references with it, so the NPS summary's formulas (``'Survey answers'!B$2:B$1001``) name the
sheet they read: :func:`answers_title` takes it from them, and the import writes, grows and checks that sheet under
its own name, as a renamed monthly sheet (:func:`.found.monthly_titles`). A sheet still called "NPS scores" holding
months beside the one the formulas read (a copy) refuses naming both: which one the answers go on is not known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter, quote_sheetname

from ..score_scales import SCALE_ANSWERS, SCALE_TOP  # imports nothing (recalc's checks import this module)
from ..sheet_names import BARE
from . import inplace as ip
from .chart_ranges import _Cells
from .monthly import NPS_SCORES_TITLE

if TYPE_CHECKING:  # pandas is imported where answers are written, not by recalc's checks (ranges)
    import pandas as pd

    from .fill import _Plan
    from .found import FoundSheet

#: a range on a sheet in a formula's text as openpyxl reads it: 'Survey answers'!B$2:B$1001, Answers!$C$2:$C$9
_RANGE = re.compile(r"(?:'((?:[^']|'')+)'|(" + BARE + r"))!\$?([A-Z]{1,3})\$?([0-9]+):\$?([A-Z]{1,3})\$?([0-9]+)")


def ranges(formula: Any) -> Iterator[tuple[str, str, int, str, int]]:
    """The ranges on a named sheet in ``formula``: (sheet, first column, first row, last column, last row).

    >>> list(ranges("=NPS('Survey ''26'!B$2:B$1001)+COUNT(Answers!C$2:C$9)"))
    [("Survey '26", 'B', 2, 'B', 1001), ('Answers', 'C', 2, 'C', 9)]
    """
    if not isinstance(formula, str):
        return
    for found in _RANGE.finditer(formula):
        title = found.group(1).replace("''", "'") if found.group(1) is not None else found.group(2)
        yield title, found.group(3), int(found.group(4)), found.group(5), int(found.group(6))


def _read_by(summary: FoundSheet) -> list[str]:
    """The sheets the summary's answer formulas (the template's columns over ``{scores}``) read from row 2 on, most
    read first."""
    keys = [summary.columns[c.key] for c in summary.spec.columns if c.formula and "{scores}" in c.formula
            and c.key in summary.columns]  # fmt: skip
    counts: dict[str, int] = {}
    for row in summary.values:
        for column in keys:
            for title, _, first, _, _ in ranges(summary.value(row, column)):
                if first == 2 and title != summary.spec.title:
                    counts[title] = counts.get(title, 0) + 1
    return sorted(counts, key=lambda t: -counts[t])


def score_columns(ws: Any) -> dict[pd.Period, int]:
    """The month columns of an answers sheet: month -> column (1 = A), from the months in its row 1."""
    from .found import _period

    header = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    return {month: col for col, value in enumerate(header, start=1) if (month := _period(value)) is not None}


def answers_title(wb: Any, summary: FoundSheet | None, name: str) -> str | None:
    """The title of the sheet the NPS answers are on: the one the NPS summary's formulas read (the user may have
    renamed "NPS scores"), else "NPS scores" when the workbook has it, else None. A renamed sheet beside another
    holding months under the name "NPS scores" (a copy), or formulas reading answers on two sheets, refuse naming
    them (``name``: the workbook's, for the message)."""
    plain = NPS_SCORES_TITLE if NPS_SCORES_TITLE in wb.sheetnames else None
    read = [t for t in (_read_by(summary) if summary is not None else []) if t in wb.sheetnames]
    if not read or read == [NPS_SCORES_TITLE]:
        return plain
    if len(read) > 1:
        shown = ", ".join(repr(t) for t in sorted(read))
        raise ip.LayoutError(
            f"{name}: the formulas of {summary.spec.title!r} read their answers on the sheets {shown}, so import "
            f"cannot tell which one the survey's months are on: point every month's formulas at one sheet (or "
            "import into a new tracker: xl-retention new NEW.xlsx)"
        )
    if plain is not None and hasattr(wb[plain], "iter_rows") and score_columns(wb[plain]):
        raise ip.LayoutError(
            f"{name}: the sheets {read[0]!r}, {plain!r} each look like the tracker's {plain!r} sheet (months in row "
            f"1), and the NPS formulas read {read[0]!r}, so import cannot tell which one the answers go on: delete or "
            "rename the copy and import again"
        )
    return read[0]


def scores_range(column: int, rows: int, answers: str = NPS_SCORES_TITLE) -> str:
    """The answers of the month in ``column`` of the sheet ``answers``, as the NPS formulas read them."""
    letter = get_column_letter(column)
    return f"{quote_sheetname(answers)}!{letter}$2:{letter}${rows + 1}"


def response_rows(summary: FoundSheet, answers: str, default: int) -> int:
    """How many answer rows the NPS summary's formulas read (the last row of their ranges on ``answers``), from the
    first month whose formula is there (a figure typed over the first month's leaves the others to tell)."""
    column = summary.columns.get("responses")
    if column is not None:
        for month in summary.months:
            for title, _, first, _, last in ranges(summary.value(summary.row(month), column)):
                if title == answers and first == 2:
                    return last - 1
    return default


def check_answer_ranges(summary: FoundSheet, answers: str, columns: dict[pd.Period, int], rows: int,
                        months: Any) -> None:  # fmt: skip
    """Refuse, naming the cell, when a formula of the NPS sheet in one of ``months`` reads other cells of the answers
    sheet than the ones the import writes that month's answers to: rows 2 to ``rows`` + 1 of the column under the
    month's header (``columns``). A row inserted under the month headers (the formulas then read from row 3: every
    month's first answer left out) or columns moved would otherwise give wrong figures silently.
    """
    for month in months:
        if month not in summary.months or month not in columns:
            continue
        letter, row = get_column_letter(columns[month]), summary.row(month)
        for column in summary.spec.columns:
            if column.formula is None or column.key not in summary.columns:
                continue
            formula = summary.value(row, summary.columns[column.key])
            for title, first, top, last, bottom in ranges(formula):
                if title == answers and (first, top, last, bottom) != (letter, 2, letter, rows + 1):
                    ref = f"{get_column_letter(summary.columns[column.key])}{row}"
                    raise ip.LayoutError(
                        f"{summary.spec.title}!{ref} ({month}) reads {quote_sheetname(answers)}!{first}{top}:"
                        f"{last}{bottom}, but {month}'s answers go under its header in rows 2 to {rows + 1} "
                        f"({letter}2:{letter}{rows + 1}): a row inserted under the month headers or a column moved? "
                        "Undo it (or import into a new tracker: xl-retention new NEW.xlsx)"
                    )


_MONTH_TEXT = re.compile(r"^\s*(?:([A-Za-z]{3,9})\.?\s+(\d{4})|(\d{4})-(\d{1,2})(?:-\d{1,2})?)\s*$")


def month_text(text: str) -> str | None:
    """The month (``YYYY-MM``) a header typed as text says ('Jun 2026', 'June 2026', '2026-06'), else None.

    >>> month_text("Jun 2026"), month_text("2026-06-01"), month_text("Notes"), month_text("Foo 2026")
    ('2026-06', '2026-06', None, None)
    """
    import datetime as dt

    found = _MONTH_TEXT.match(text)
    if found is None:
        return None
    if found.group(3):
        month = int(found.group(4))
        return f"{found.group(3)}-{month:02d}" if 1 <= month <= 12 else None
    for form in ("%b %Y", "%B %Y"):
        try:
            return dt.datetime.strptime(f"{found.group(1)} {found.group(2)}", form).strftime("%Y-%m")
        except ValueError:
            continue
    return None


def no_month_column(package: ip.Package, answers: str, month: pd.Period) -> ip.LayoutError:
    """The refusal for ``month`` having no column on the answers sheet: naming the row-1 headers that say months as
    text (a date is what makes a column a month's: 'Jun 2026' typed, or a table's header made text), or saying the
    month has none."""
    cells, where = _Cells(package), quote_sheetname(answers)
    texts = []
    for ref, _ in package.sheet(answers).cells_in_rows(1, 1):
        text = cells.text(answers, ref)
        if text is not None and month_text(text) is not None:
            texts.append((ref, text))
    if texts:
        (first, text), (last, end) = texts[0], texts[-1]
        said = (
            f"{first} holds {text!r} as text, not a date" if len(texts) == 1
            else f"{first}:{last} hold {text!r} to {end!r} as text, not dates"
        )  # fmt: skip
        return ip.LayoutError(
            f"{where}!{said}, so no column there is a month's ({month} has none): type each month in row 1 as a "
            f"date ({month_text(text)}-01 in {first}), as the template writes them"
        )
    return ip.LayoutError(f"{where}: no column for {month} in row 1 (a month per column, each a date)")


_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f\s*>)")


def _refuse_linked(old: dict[str, bytes], answers: str, month: pd.Period, source: str) -> None:
    """Refuse, naming them, answer cells of ``month`` holding formulas of the user's (answers linked from a sheet of
    their own: ``='Survey raw'!B2``): the import would replace them by numbers. The refusal of answers it would drop
    counted those cells as answers ("already holds 20" of 8 answers and 12 formulas giving "") and advised
    --replace-typed, which then refused the formulas (H201's finding 08)."""
    from .report_lines import listed

    linked = {ref: _FORMULA.search(element) for ref, element in old.items()}
    linked = {ref: found for ref, found in linked.items() if found is not None}
    if not linked:
        return
    quoted = quote_sheetname(answers)
    first, found = next(iter(linked.items()))
    example = f" ({first} ={ip.unescape(found.group(1))})" if found.group(1) else ""
    raise ip.LayoutError(
        f"{listed([f'{quoted}!{ref}' for ref in linked])} {'holds a formula' if len(linked) == 1 else 'hold formulas'} "
        f"of yours{example} in the answer cells of {month}, where the import writes the answers of {source}: they "
        "would be replaced by numbers; nothing was written: clear those cells (or keep your linked answers on a "
        "sheet of your own and import the file only) and import again, or import into a copy"
    )


def write_scores(plan: _Plan, answers: str, columns: dict[pd.Period, int], scores: pd.Series, rows: int,
                 source: str, replace: bool = False) -> None:  # fmt: skip
    """Each month's answers of ``scores`` down its column of the sheet ``answers`` (an answer already there and not
    proven to be among the file's, by the import record's dates and scores, refuses:
    :func:`.kept_answers.refuse_dropped_answers`; with ``replace``, --replace-typed, the file's answers replace them,
    each listed with its old value), their dates and scores recorded (:func:`.kept_answers.remember`)."""
    from ..tables.subscriptions import current_month
    from ..tables.surveys import ANSWER_DATES, ZONED
    from .import_record import read_record
    from .kept_answers import forget, place_answers, recorded, refuse_dropped_answers, remember  # pandas: the import's
    from .spilled_answers import edge_notes

    sheet, cells = plan.package.sheet(answers), _Cells(plan.package)
    record = read_record(plan.package)  # the answers earlier imports wrote, by date and score: kept_answers
    changed = []  # a closed month's answers an earlier import wrote, changed by this one (H330's finding 09)
    forget(plan.package, answers, list(scores.index))
    for month, given in scores.items():
        if month not in columns:
            raise no_month_column(plan.package, answers, month)
        if len(given) > rows:
            raise ip.LayoutError(f"{answers}: {month} has {len(given)} answers, but the NPS formulas read {rows} rows")
        letter = get_column_letter(columns[month])
        old = {ref: element for ref, element in sheet.cells_in_rows(2, rows + 1)
               if re.fullmatch(letter + r"[0-9]+", ref) and ip.has_content(element)}  # fmt: skip
        there = [answer_there(cells, answers, ref) for ref in old]  # another survey's answers are not dropped
        dates = scores.attrs.get(ANSWER_DATES, {}).get(month)  # what tells the answers apart (kept_answers)
        earlier = recorded(record, answers, month)
        if earlier is not None and month.ordinal < current_month():
            changed.extend(_changed_answers(month, there, list(given)))
        if not replace:
            _refuse_linked(old, answers, month, source)
            refuse_dropped_answers(month, answers, list(old), there, list(given), source, dates, earlier)
        remember(plan.written, answers, month, list(given), dates, source, earlier)
        refs = [f"{letter}{r}" for r in range(2, rows + 2)]
        was = dict(zip(old, there, strict=True))
        placed = place_answers(refs, was, list(given))
        if placed is not None:  # each answer there kept in its cell (the file newest first): none replaced
            for ref, score in placed.items():
                plan.put(answers, ref, int(score), was.get(ref), month, label=_row_of(ref))
            continue
        for r, score in enumerate(given, start=2):
            ref = f"{letter}{r}"
            plan.put(answers, ref, int(score), was.pop(ref, None), month, label=_row_of(ref))
        for ref, value in was.items():
            plan.put(answers, ref, None, value if value is not None else "(text)", month, label=_row_of(ref))
    low = _proven_months(plan, scores)
    if low:  # a bad month of the 0-10 question: its NPS, though its answers look like a 1-7 question's
        shown = ", ".join(f"{m} ({len(g)} answers, NPS {_nps_text(list(map(float, g)))})" for m, g in low)
        plan.notes.append(
            f"{source}'s answers are 0-10 (the column holds answers above {SCALE_TOP}), but in {shown} none is above "
            f"{SCALE_TOP}: a bad month, not another question's scale; the tracker shows its NPS (its check of a "
            "month typed by hand, 'not 0-10', passes over the months an import writes from a 0-10 column)"
        )
    if changed:
        whose = "that month's" if len(changed) == 1 else "those months'"
        plan.notes.append(
            f"{source} changes the answers an earlier import wrote in {', '.join(changed)}: {whose} NPS changes with "
            "them (a longer export than the earlier one, or another file)"
        )
    zoned = bool(scores.attrs.get(ZONED))  # --timezone's hours, or a file ending on a month's first day
    plan.notes.extend(edge_notes(scores, scores.attrs.get(ANSWER_DATES, {}), source, zoned))


def _proven_months(plan: _Plan, scores: pd.Series) -> list[tuple[pd.Period, list[Any]]]:
    """The months of ``scores`` of :data:`~xl_retention.score_scales.SCALE_ANSWERS` answers or more, none above
    :data:`~xl_retention.score_scales.SCALE_TOP`, listed in the workbook's :data:`.proven_scale.NAME` by the answers
    written (their count, sum, sum of squares and highest, :func:`.proven_scale.key`: the NPS formula shows their NPS,
    not 'not 0-10', while the month holds those answers); every other month written is taken out of the list (its
    answers now are others).

    Such a month comes from a column proven 0-10: ``import`` refuses a column of so many answers none above 7
    (:func:`xl_retention.reading.scores.check_scale`; a segment's answers, the whole file's column), so the column
    holds answers above 7 in another month, or another segment's."""
    from .proven_scale import key, read_listed, write_listed

    low = [(m, g) for m, g in scores.items() if len(g) >= SCALE_ANSWERS and max(map(float, g)) <= SCALE_TOP]
    listed = (read_listed(plan.package) or (set(), set()))[0]  # 71e622d9's months alone: upgrade_layout took them
    written = {str(m.year * 100 + m.month) for m in scores.index}
    kept = {k for k in listed if k.split(":")[0] not in written}
    write_listed(plan.package, kept | {key(m.year * 100 + m.month, [int(s) for s in g]) for m, g in low})
    return low


def _changed_answers(month: pd.Period, there: list[Any], given: list[Any]) -> list[str]:
    """``['2026-11 (28 -> 52 answers, NPS 71.43 -> 46.15)']`` where the answers ``there`` (an earlier import's) and
    ``given`` differ, else [].

    >>> import pandas as pd
    >>> _changed_answers(pd.Period("2026-11", "M"), [10, 9, 2], [10, 9, 2, 8])
    ['2026-11 (3 -> 4 answers, NPS 33.33 -> 25)']
    >>> _changed_answers(pd.Period("2026-11", "M"), [10, 9, 2], [2, 9, 10])
    []
    """
    before = sorted(float(v) for v in there if isinstance(v, (int, float)) and not isinstance(v, bool))
    after = sorted(float(v) for v in given)
    if not before or before == after:
        return []

    return [f"{month} ({len(before)} -> {len(after)} answers, NPS {_nps_text(before)} -> {_nps_text(after)})"]


def _nps_text(scores: list[float]) -> str:
    """The NPS of ``scores`` to two decimals at most (``'-81.25'``, ``'0'``)."""
    return f"{round(100 * (sum(v >= 9 for v in scores) - sum(v <= 6 for v in scores)) / len(scores), 2):g}"


def _row_of(ref: str) -> str:
    """An answer's label in the import's record: its row (the month's column moves when columns are inserted)."""
    return "row " + ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


_NUMBER_TEXT = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*")


def answer_there(cells: _Cells, sheet: str, ref: str) -> Any:
    """The answer in cell ``ref`` of ``sheet`` as the NPS formulas read it: a number, also one pasted as text ('9',
    which the template's formulas read as 9, so a re-import of the same answers finds it); else the cell's own value,
    which ``--replace-typed`` lists as the old value: another text as it is ('9o'), an error as its code ('#N/A', as
    the monthly sheets' cells are read), a logical as True or False (H384's finding 04: all were "(a value)")."""
    element = cells.package.sheet(sheet).cell(ref)
    value = cell_number(element)
    if value != "(a value)":
        return value
    text = cells.text(sheet, ref)
    if text is None:
        return _other_value(element) if element is not None else value
    if not _NUMBER_TEXT.fullmatch(text):
        return text
    number = float(text)
    return int(number) if number.is_integer() else number


def _other_value(element: bytes) -> Any:
    """An error cell's code, a logical cell's True or False, else "(a value)".

    >>> _other_value(b'<c r="B2" t="e"><v>#N/A</v></c>'), _other_value(b'<c r="B3" t="b"><v>1</v></c>')
    ('#N/A', True)
    """
    match = re.search(rb"<(?:\w+:)?v>([^<]*)<", element)
    kind = ip.attribute(element[: element.find(b">")], b"t")
    if match is None:
        return "(a value)"
    if kind == b"e":
        return ip.unescape(match.group(1))
    if kind == b"b":
        return match.group(1).strip() in (b"1", b"true")
    return "(a value)"


def cell_number(element: bytes | None) -> Any:
    """The number a cell element holds, "(a value)" for a text, error or logical, None for an empty cell. A number
    may carry the explicit numeric type (``t="n"``, as LibreOffice and openpyxl write it) or none (as Excel)."""
    if element is None:
        return None
    match = re.search(rb"<(?:\w+:)?v>([^<]*)<", element)
    kind = ip.attribute(element[: element.find(b">")], b"t")
    if match is None or kind not in (None, b"n"):
        return "(a value)" if ip.has_content(element) else None
    try:
        value = float(match.group(1))
    except ValueError:
        return "(a value)"
    return int(value) if value.is_integer() else value


__all__ = [
    "answers_title",
    "answer_there",
    "cell_number",
    "check_answer_ranges",
    "ranges",
    "response_rows",
    "score_columns",
    "scores_range",
    "write_scores",
]
