"""Values typed over a tracker's formulas (Customers!B3, a month's start, typed 125 over ``=`` January's end), said.

A month's start is a formula reading the month before's end; a user who types over it (or over a rate, a total)
leaves the month's figures computed from the typed value: February's Lost 22 and CRR 82.4% from a start of 125
where January ended at 110 (15 customers appearing between two months), with nothing said. Import puts the
template's formula back in such cells; recalc names them with the same rule (the template writes a formula there:
:func:`xl_retention.workbook.monthly.template_formula_at`), and a start that is not the month before's end makes the
file ``incomplete``: its figures are not those of the months typed. So does an MRR at end typed over that is not its
row's start plus its movements (99,999 where they give 10,600): every later month starts from it (H172's finding 08).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written
from .typed_values import monthly_spec, same_number, shown_value

if TYPE_CHECKING:
    from .month_order import TrackerSheet

__all__ = ["DASHBOARD_TYPED", "TypedOver", "typed_over_cohorts", "typed_over_dashboard", "typed_over_formulas"]

#: the cells a message names before "..."
FIRST = 3


@dataclass(frozen=True)
class TypedOver:
    """What :func:`typed_over_formulas` found: one line naming the cells (or None), and whether a month's start typed
    over differs from the month before's end, or an MRR at end typed over from what its row's start and movements
    give (the next month's start: figures computed from a wrong start), or a count is no whole number ('12 %' pasted
    as customers gained: 0.12): ``wrong_start``, the file ``incomplete``."""

    line: str | None = None
    wrong_start: bool = False


#: the columns a month's MRR at end is computed from: its start plus these minus those (the template's MRR_END)
_ADDED = ("start", "new", "expansion", "reactivation")
_TAKEN = ("contraction", "churned")
_MOVEMENTS = _ADDED + _TAKEN


def _row_end(cells: list[Any], row: int, columns: dict[str, Any], computed: dict[str, Any]) -> float | None:
    """A month's MRR at end as its row's start (computed, or typed) and movements give it (a blank movement 0); None
    where one is not a number (the template's formula then gives an error, said where it is read)."""
    total = 0.0
    for key in _MOVEMENTS:
        _, index = columns[key]
        ref = f"{get_column_letter(index + 1)}{row}"
        value = computed.get(ref, cells[index] if index < len(cells) else None)
        if value in (None, "") and key != "start":
            value = 0.0
        if type(value) not in (int, float) or value < 0:
            return None
        total += value if key in _ADDED else -value
    return total


def _end_above(rows: list[list[Any]], row: int, end_index: int, first: int, computed: dict[str, Any]) -> bool:
    """Whether a month above ``row`` (the sheet's rows from ``first``) has an end: a month left blank below it is a
    month without figures (H172's finding 01), not the start of the tracker's data."""
    letter = get_column_letter(end_index + 1)
    for above in range(first, row):
        cells = rows[above - 1]
        held = computed.get(f"{letter}{above}", cells[end_index] if end_index < len(cells) else None)
        if held not in (None, ""):
            return True
    return False


def _lifetime_said(values: dict[str, dict[str, Any]]) -> str:
    """What the Lifetime value sheet does with an MRR at end typed beside blank movements, as recalculated (``values``):
    its default ARPA (B3, a formula) computed from it, the CLV from that (a tracker of an earlier template), or left
    blank until they are typed (this version's, H415's finding 04); nothing where the ARPA is typed (the user's own).

    >>> _lifetime_said({"Lifetime value": {"B3": 11.8}}), _lifetime_said({"Lifetime value": {"B3": None}})[:39]
    (", while the lifetime value's ARPA and CLV are computed from it", ", and the lifetime value's default ARPA")
    >>> _lifetime_said({})
    ''
    """
    from ..workbook.template import LIFETIME_TITLE

    lifetime = values.get(LIFETIME_TITLE, {})
    arpa = lifetime.get("B3")  # a formula's blank is None; a typed ARPA is no formula cell (not there)
    if type(arpa) in (int, float):
        return ", while the lifetime value's ARPA and CLV are computed from it"
    if "B3" in lifetime and arpa in (None, ""):
        return ", and the lifetime value's default ARPA (so its CLV) is left blank until they are typed"
    return ""


def typed_over_formulas(sheets: dict[str, TrackerSheet], values: dict[str, dict[str, Any]]) -> TypedOver:
    """The values typed where the template writes a formula on a tracker's monthly ``sheets`` (:func:`.month_order.
    tracker_rows`: the file's rows) in its months (down to the first row whose 'Month' is not a date), a cell being a
    formula where the recalculation has it (``values``: sheet -> cell -> the value of every formula cell, None for
    one it could not compute). A start typed below a month without an end is not one where no month above has an end:
    the first month with data of a tracker filled from a later month takes its start typed there (README: "a typed
    start is taken"); below a month left blank between filled ones it is named, its month before's end blank."""
    from ..workbook.monthly import CUSTOMERS, MONTH, NPS_SUMMARY, template_formula_at

    found: list[str] = []
    counts: list[str] = []  # NPS!B:E typed over: counts of answers no NPS is computed from (H201's finding 11)
    lost: list[str] = []  # Customers!E typed over: customers lost, which no formula reads (H201's finding 11 too)
    fractions: list[str] = []  # a count typed or pasted that is no whole number ('12 %': 0.12, H224's finding 01)
    after_blank: list[str] = []  # the months left blank before a start typed (taken as typed: nothing contradicts)
    earlier_nps: list[str] = []  # counts typed where an earlier template's NPS (of answers only) is blank
    nps_shares: list[str] = []  # NPS!B:E typed as no whole number: shares read as counts (H265's finding 03)
    share_rows: dict[tuple[str, int], tuple[Any, Any]] = {}  # the rows of those shares: their cells and columns
    share_texts: dict[tuple[str, int], tuple[Any, Any]] = {}  # ... and of shares giving no NPS (not adding up)
    nps_texts: dict[int, str] = {}  # NPS!F, row -> "NPS!F4 says 'counts do not add up' (...)": counts typed wrong
    gained_from: str | None = None  # a month's Gained, blank, as its start, end and Lost typed give it
    gained_blank = False  # a month with Lost typed has no Gained: the rates have nothing to compute from
    wrong_start = False
    for title, sheet in sheets.items():
        rows = sheet.rows
        header = [str(h).strip() if h is not None else "" for h in rows[0]]
        spec = monthly_spec(header)
        columns = {c.key: (c, header.index(c.header)) for c in spec.columns if c.header in header}
        month_column = header.index(MONTH.header)
        computed = values.get(title, {})
        for row, cells in enumerate(rows[1:], start=2):
            month = cells[month_column] if month_column < len(cells) else None
            if row < sheet.first:  # a row inserted above the first month (.month_order says it): no template row
                continue
            if not isinstance(month, dt.date):
                break
            for key, (column, index) in columns.items():
                ref = f"{get_column_letter(index + 1)}{row}"
                value = cells[index] if index < len(cells) else None
                at = row - (sheet.first - 2)  # the template's row (the first month's: 2)
                if column.validation == "count" and ref not in computed and value not in (None, ""):
                    fraction = _no_whole_count(value)
                    if fraction is not None:
                        fractions.append(f"{written(title)}!{ref} ({column.header}) is {fraction}")
                if not template_formula_at(column, at) or ref in computed or value in (None, ""):
                    continue
                said = f"{written(title)}!{ref} ({column.header}) is {shown_value(value)}, typed over its formula"
                if title == NPS_SUMMARY.title and key in _NPS_COUNTS:
                    read = _nps_read(cells, row, columns, computed)
                    if read is None:  # the month's NPS is computed from the counts typed (no answers that month)
                        fraction = _no_whole_count(value)  # a share typed from a survey summary: 0.45, '45%'
                        if fraction is not None:
                            nps_shares.append(f"{written(title)}!{ref} ({column.header}) is {fraction}")
                            share_rows.setdefault((title, row), (cells, columns))  # what to type there: said
                        continue
                    if read == _EARLIER_NPS:  # an earlier template's NPS: of the answers only, blank beside counts
                        earlier_nps.append(f"{written(title)}!{ref} ({column.header}) is {shown_value(value)}")
                        continue
                    if read:  # the NPS cell says why it is no figure (counts not adding up, one below 0)
                        nps_texts.setdefault(row, f"{written(title)}!{read}")
                        if _no_whole_count(value) is not None:  # shares of a survey summary (0.45): what to type
                            share_texts.setdefault((title, row), (cells, columns))
                        wrong_start = True
                        continue
                    counts.append(f"{written(title)}!{ref} ({column.header}) is {shown_value(value)}")
                    continue
                if title == CUSTOMERS.title and key == "lost" and all(k in columns for k in _COUNTED):
                    figures = _counted(cells, row, columns, computed)
                    _, gained_index = columns["gained"]
                    typed_gained = cells[gained_index] if gained_index < len(cells) else None
                    gained_blank = gained_blank or typed_gained in (None, "")
                    said = f"{written(title)}!{ref} ({column.header}) is {shown_value(value)}"
                    if type(value) in (int, float) and None not in figures.values():
                        given = figures["start"] + figures["gained"] - figures["end"]
                        if not same_number(given, value):
                            said += f", while its row's customers at start, gained and at end give {shown_value(given)}"
                    elif (
                        gained_from is None
                        and type(value) in (int, float)
                        and figures["gained"] is None
                        and None not in (figures["start"], figures["end"])
                    ):
                        gained = figures["end"] - figures["start"] + value
                        gained_from = (
                            f"{shown_value(gained)} in {written(title)}!{get_column_letter(gained_index + 1)}{row}"
                        )
                    lost.append(said)
                    continue
                if key == "start" and "end" in columns:
                    end, end_index = columns["end"]
                    end_ref = f"{get_column_letter(end_index + 1)}{row - 1}"
                    before = rows[row - 2]
                    end_value = computed.get(end_ref, before[end_index] if end_index < len(before) else None)
                    if end_value in (None, "") and not _end_above(rows, row - 1, end_index, sheet.first, computed):
                        continue  # the first month with data (no end above): its start is typed there
                    if end_value in (None, ""):  # a month left blank between: nothing the start typed contradicts
                        after_blank.append(f"{before[month_column]:%Y-%m}")  # (H235's finding 01: was incomplete)
                    else:
                        wrong_start = wrong_start or end_value != value
                    said += (
                        f", while {written(title)}!{end_ref} ({end.header} of {before[month_column]:%Y-%m}) is "
                        f"{shown_value(end_value)}"
                    )
                if key == "end" and all(k in columns for k in _MOVEMENTS):  # Revenue's: the next month's start
                    given = _row_end(cells, row, columns, computed)
                    if given is not None and not same_number(given, value):
                        wrong_start = True
                        said += f", while its row's start and movements give {shown_value(given)}"
                    moved = [columns[k][1] for k in _MOVEMENTS[1:]]  # new .. churned: blank, the month has no figure
                    if given is None and all((cells[i] if i < len(cells) else None) in (None, "") for i in moved):
                        wrong_start = True  # the Dashboard's MRR at end says see them; ARPA, CLV read it (H415's 04)
                        span = f"{get_column_letter(min(moved) + 1)}{row}:{get_column_letter(max(moved) + 1)}{row}"
                        said += (
                            f", while its row's movements ({written(title)}!{span}) are blank: the Dashboard's MRR at "
                            f"end sends to them{_lifetime_said(values)}"
                        )
                found.append(said)
    from .skipped_rates import skipped_rates

    skipped = skipped_rates(sheets, values)  # March's CRR pasted as '91.5%': the Dashboard shows February's
    if not found and not counts and not lost and not fractions and not nps_texts and not earlier_nps and not nps_shares:
        return TypedOver()
    lines = []
    if found:
        more = f" and {len(found) - FIRST} more" if len(found) > FIRST else ""
        lines.append(
            f"{len(found)} value{'s' * (len(found) > 1)} typed over the tracker's formulas, from which those months' "
            f"figures are computed: {'; '.join(found[:FIRST])}{more}: copy the column's formula from another month's "
            "row over each (import puts them back for the months it imports)"
        )
        if after_blank:  # the formula back there reads the blank month: the start unknown, its rates #VALUE!
            months = ", ".join(dict.fromkeys(after_blank))
            every = len(after_blank) == len(found)
            lines[-1] = lines[-1][: lines[-1].rindex(": copy the column's")] + (
                f": {'each start follows' if every else 'a start following'} a month without figures ({months}), "
                "which it does not contradict: it is taken as typed; keep it, or fill "
                f"{'that month' if len(after_blank) == 1 else 'those months'} and copy the column's formula from "
                "another month's row over it"
                + ("" if every else "; copy the column's formula from another month's row over the others (import "
                   "puts them back for the months it imports)")
            )  # fmt: skip
    if nps_texts:  # counts typed that give no NPS: the cell says so, the file is incomplete
        said = list(nps_texts.values())
        more = f" and {len(said) - FIRST} more" if len(said) > FIRST else ""
        from .tracker_nps_shares import share_advice

        advice = [share_advice(title, row, *typed) for (title, row), typed in share_texts.items()]
        way = (
            "type each month's promoters, passives and detractors (0 or more), adding up to its responses where those "
            "are typed (or leave the responses blank)"
        )
        shares = [text for text in advice if text]
        if advice and len(advice) == len(said) and all(advice):  # each month a survey's shares: its counts said
            way = "they are shares, not counts of answers: " + "; ".join(shares)
        elif shares:  # another month's counts bad too (a count < 0): the shares' counts still said (H384's 03)
            one = len(shares) == 1
            way += f"; {'a month' if one else 'months'} typed as shares, not counts of answers: " + "; ".join(shares)
        lines.append(
            f"{len(said)} month{'s' * (len(said) > 1)} of counts typed on the NPS sheet give no NPS: "
            f"{'; '.join(said[:FIRST])}{more}: {way}"
        )
    if earlier_nps:  # the template's NPS of that tracker reads the answers only: upgrade gives this version's
        more = f" and {len(earlier_nps) - FIRST} more" if len(earlier_nps) > FIRST else ""
        lines.append(
            f"{len(earlier_nps)} count{'s' * (len(earlier_nps) > 1)} typed over the NPS sheet's formulas, whose NPS "
            f"(an earlier template's) is computed from answers on 'NPS scores' only and is blank beside them: "
            f"{'; '.join(earlier_nps[:FIRST])}{more}: run xl-retention upgrade on the workbook, which makes the NPS "
            "of a month without answers that of its counts typed (your values are kept)"
        )
        wrong_start = True
    if counts:  # the NPS reads the answers on 'NPS scores' only: copying the formula back erases no figure of theirs
        more = f" and {len(counts) - FIRST} more" if len(counts) > FIRST else ""
        lines.append(
            f"{len(counts)} count{'s' * (len(counts) > 1)} typed over the NPS sheet's formulas, which count the "
            f"answers on 'NPS scores': {'; '.join(counts[:FIRST])}{more}: those months have answers there, and their "
            "NPS is computed from the answers only, not from counts typed here: type each answer on 'NPS scores' (one "
            "column per month), or clear that month's answers to have the NPS of the counts"
        )
    if lost:  # the rates read the start, gained and end; no formula reads Lost: copying the formula back loses it
        more = f" and {len(lost) - FIRST} more" if len(lost) > FIRST else ""
        if gained_blank:
            gained = f", at end - at start + lost ({gained_from})" if gained_from else ""
            advice = f"type each month's Gained (new + reactivated){gained}, or keep the Lost counts elsewhere"
        else:
            advice = "copy the column's formula from another month's row over each: it gives Lost from those three"
        lines.append(
            f"{len(lost)} customer count{'s' * (len(lost) > 1)} typed over the Lost column's formulas, which no "
            f"formula reads: {'; '.join(lost[:FIRST])}{more}: the rates are computed from customers at start, gained "
            f"and at end only, not from Lost typed here: {advice}"
        )
    if fractions:  # the month's figures are computed from a fraction of a customer: not those of the month typed
        more = f" and {len(fractions) - FIRST} more" if len(fractions) > FIRST else ""
        lines.append(
            f"{len(fractions)} count{'s' * (len(fractions) > 1)} of the tracker "
            f"{'are no whole numbers' if len(fractions) > 1 else 'is no whole number'}: "
            f"{'; '.join(fractions[:FIRST])}{more}: the month's figures are computed from "
            f"{'them' if len(fractions) > 1 else 'it'}: type each count as a whole number"
        )
    if nps_shares:  # 100 x (0.45 - 0.2) / 180 = 0.14 for an NPS of 25: the month's NPS is no figure of its survey
        from .tracker_nps_shares import share_advice

        advice = [share_advice(title, row, *typed) for (title, row), typed in share_rows.items()]
        lines.append(nps_shares_line(nps_shares, advice))
    if skipped:  # (H265's finding 08) the Dashboard passes over a text: its latest figure is the month before's
        lines.append(skipped)
    return TypedOver("; ".join(lines), wrong_start or bool(fractions) or bool(nps_shares) or bool(skipped))


def nps_shares_line(said: list[str], advice: list[str | None] | None = None) -> str:
    """The line naming the NPS sheet's counts typed that are no whole numbers (``said``: "NPS!C2 (Promoters (9-10))
    is 0.45"), which the NPS formula reads as counts of answers: a survey summary's shares (45% promoters) typed
    there give 100 x (0.45 - 0.2) / 180 = 0.14, or 38.46 with the passives left blank, for an NPS of 25. ``advice``:
    what to type on each of their rows (:func:`.tracker_nps_shares.share_advice`), said in place of the general way
    where every row has it.

    >>> nps_shares_line(["NPS!C2 (Promoters (9-10)) is 0.45"])[:90]
    '1 count typed on the NPS sheet is no whole number: NPS!C2 (Promoters (9-10)) is 0.45: the '
    """
    more = f" and {len(said) - FIRST} more" if len(said) > FIRST else ""
    many = len(said) > 1
    whole = "are no whole numbers" if many else "is no whole number"
    whose = "those months'" if many else "the month's"
    head = (
        f"{len(said)} count{'s' * many} typed on the NPS sheet {whole}: {'; '.join(said[:FIRST])}{more}: "
        f"{whose} NPS is computed from {'them' if many else 'it'} as counts "
        "of answers (100 x (promoters - detractors) / responses), not as shares: "
    )
    rows = [text for text in advice or () if text]
    if advice and len(rows) == len(advice):  # each row's counts, or shares in percent, said
        return head + "; ".join(rows)
    return head + (
        "type each month's promoters, passives and detractors as whole numbers of answers (a share times the "
        "responses: 45% of 180 is 81), or, with shares alone, the three shares in percent (45, 35, 20) and the "
        "responses blank" + (f" ({'; '.join(rows)})" if rows else "")
    )


def _no_whole_count(value: Any) -> str | None:
    """How a count cell's ``value`` (an input: customers, visitors, buyers) is no whole number of 0 or more as Excel's
    arithmetic reads it (the template's formulas read a number pasted as text as that number): ``"the text '12 %',
    which Excel's arithmetic reads as 0.12"``, ``"12.5"``; None for a whole number, a negative one (the functions
    refuse it, naming the cell) and a text that is no number (named so too).

    >>> _no_whole_count("12 %"), _no_whole_count(12.5), _no_whole_count("1200%"), _no_whole_count(12.0)
    ("the text '12 %', which Excel's arithmetic reads as 0.12", '12.5', "the text '1200%', a percentage", None)
    >>> _no_whole_count("15"), _no_whole_count("n/a"), _no_whole_count(-3.5), _no_whole_count(True)
    (None, None, None, None)
    """
    from .excel_functions.text import text_to_number

    if isinstance(value, str):
        number = text_to_number(value)
        if type(number) is not float or number < 0:
            return None
        if not number.is_integer():
            return f"the text {value!r}, which Excel's arithmetic reads as {shown_value(number)}"
        return f"the text {value!r}, a percentage" if "%" in value else None
    if type(value) in (int, float) and value >= 0 and not float(value).is_integer():
        return shown_value(value)
    return None


#: the Customers sheet's counts its Lost (and rates) are computed from
_COUNTED = ("start", "gained", "end")


def _counted(cells: list[Any], row: int, columns: dict[str, Any], computed: dict[str, Any]) -> dict[str, float | None]:
    """A Customers row's customers at start (computed, or typed), gained and at end; None for one that is not a
    number of 0 or more (blank, text, an error)."""
    figures: dict[str, float | None] = {}
    for key in _COUNTED:
        _, index = columns[key]
        ref = f"{get_column_letter(index + 1)}{row}"
        value = computed.get(ref, cells[index] if index < len(cells) else None)
        figures[key] = float(value) if type(value) in (int, float) and value >= 0 else None
    return figures


#: the NPS sheet's counts of the month's answers (B:E), each a formula counting 'NPS scores'
_NPS_COUNTS = frozenset(("responses", "promoters", "passives", "detractors"))

#: :func:`_nps_read`'s answer for an NPS cell left blank beside counts typed (an earlier template's formula)
_EARLIER_NPS = "earlier"


def _nps_read(cells: list[Any], row: int, columns: dict[str, Any], computed: dict[str, Any]) -> str | None:
    """How the NPS sheet's row reads the counts typed over its formulas: None where its NPS cell (the template's
    formula: the answers on 'NPS scores', else the counts typed) is the NPS of those counts (no answers that month,
    the counts read), ``"F4 says 'counts do not add up' (responses 60; promoters 30, passives 10, detractors 10)"``
    where that cell holds the template's text for counts that give no NPS, and "" where it is another figure (the
    month's answers', the counts typed ignored)."""
    from ..workbook.monthly_formulas import NPS_TEXT_COUNTS, NPS_TEXT_NEGATIVE

    if "nps" not in columns:
        return ""
    _, index = columns["nps"]
    ref = f"{get_column_letter(index + 1)}{row}"
    nps = computed.get(ref, cells[index] if index < len(cells) else None)
    typed: dict[str, Any] = {}
    for key in ("responses", "promoters", "passives", "detractors"):
        if key in columns:
            _, at = columns[key]
            typed[key] = computed.get(f"{get_column_letter(at + 1)}{row}", cells[at] if at < len(cells) else None)
    if nps in (NPS_TEXT_COUNTS, NPS_TEXT_NEGATIVE):
        shown = ", ".join(f"{columns[k][0].header} {shown_value(v)}" for k, v in typed.items() if v not in (None, ""))
        return f"{ref} says {nps!r} ({shown})"
    numbers = {}
    for key, value in typed.items():
        try:
            numbers[key] = 0.0 if value in (None, "") else float(value)
        except (TypeError, ValueError):  # '1,200' pasted: read by the computer's settings, or no number: named so
            return None
    groups = numbers.get("promoters", 0.0) + numbers.get("passives", 0.0) + numbers.get("detractors", 0.0)
    total = numbers["responses"] if typed.get("responses") not in (None, "") else groups
    if all(typed.get(k) in (None, "") for k in ("promoters", "passives", "detractors")):
        return None  # the responses alone typed: no NPS from them (blank, as the template's formula leaves it)
    if nps in (None, "") and total:
        return _EARLIER_NPS
    if type(nps) not in (int, float) or not total:
        return ""
    given = 100 * (numbers.get("promoters", 0.0) - numbers.get("detractors", 0.0)) / total
    return None if same_number(given, nps) else ""


#: the Cohorts sheet's names over the template's formulas: the shares triangles (a formula where the cohort has that
#: month: row i, month k with i + k below the number of months) and the fits' and projection's cells (every cell)
_COHORT_SHARES = {"Cohort_Retention": "Retention share", "Order_Cohort_Share": "Order share"}
_COHORT_FITTED = {
    "SBG_Alpha": "sBG alpha",
    "SBG_Beta": "sBG beta",
    "SBG_Log_Likelihood": "sBG log-likelihood",
    "BDW_Alpha": "BdW alpha",
    "BDW_Beta": "BdW beta",
    "BDW_C": "BdW c",
    "BDW_Log_Likelihood": "BdW log-likelihood",
    "SBG_Projection": "sBG projection",
}


def workbook_names(path: str | Path) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """The sheets' titles and the workbook's own names of one area (``Cohort_Retention``: ``('Cohorts', 'B19:M30')``)
    in ``xl/workbook.xml`` of the file at ``path``, read without openpyxl (a check's pre-test: milliseconds);
    ([], {}) where it cannot be read here."""
    import html
    import re
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            xml = package.read("xl/workbook.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return [], {}
    titles = [html.unescape(t) for t in re.findall(r'<(?:\w+:)?sheet\b[^>]*?\sname="([^"]*)"', xml)]
    names: dict[str, tuple[str, str]] = {}
    pattern = r"<(?:\w+:)?definedName\b([^>]*)>([^<]*)</"
    for attrs, text in re.findall(pattern, xml):
        name = re.search(r'\sname="([^"]*)"', " " + attrs)
        area = re.fullmatch(r"('(?:[^']|'')+'|[^'!]+)!(\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?)",
                            html.unescape(text).strip())  # fmt: skip
        if name is None or area is None or "localSheetId" in attrs:  # a sheet's own name: not the tracker's
            continue
        sheet = area[1][1:-1].replace("''", "'") if area[1].startswith("'") else area[1]
        names[html.unescape(name[1])] = (sheet, area[2].replace("$", ""))
    return titles, names


def typed_over_cohorts(path: str | Path, values: dict[str, dict[str, Any]]) -> str | None:
    """The values typed where the template writes a formula on a tracker's Cohorts sheet (a retention share typed
    over: Cohorts!C19, H189's finding 11), a cell being a formula where the recalculation has it (``values``, as for
    :func:`typed_over_formulas`), found by the template's names over its tables; one line naming them, or None.
    The file is opened only where a cell of those tables is no formula (typed over, or cleared)."""
    from openpyxl.utils import range_boundaries

    _, names = workbook_names(path)
    cells: dict[str, dict[str, str]] = {}  # sheet -> cell -> what it is, where the recalculation has no formula
    for name, label in {**_COHORT_SHARES, **_COHORT_FITTED}.items():
        if name not in names:
            continue
        title, area = names[name]
        left, top, right, bottom = range_boundaries(area)
        computed = values.get(title, {})
        for row in range(top, bottom + 1):
            for col in range(left, right + 1):
                if name in _COHORT_SHARES and (row - top) + (col - left) > bottom - top:  # the future: no formula
                    continue
                ref = f"{get_column_letter(col)}{row}"
                if ref not in computed:
                    cells.setdefault(title, {})[ref] = label
    if not cells:
        return typed_over_dashboard(path, values)  # the Dashboard's latest figures typed over (H224's finding 10)
    from .._workbooks import open_read_only

    found: list[str] = []
    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (not readable here: the recalculation says why)
        return None
    try:
        for title, labels in cells.items():
            if title not in wb.sheetnames or not hasattr(wb[title], "iter_rows"):
                continue
            deepest = max(range_boundaries(ref)[1] for ref in labels)
            for row in wb[title].iter_rows(max_row=deepest):
                for cell in row:
                    ref = getattr(cell, "coordinate", None)
                    value = getattr(cell, "value", None)
                    if ref not in labels or value in (None, "") or (isinstance(value, str) and value[:1] == "="):
                        continue
                    found.append(
                        f"{written(title)}!{ref} ({labels[ref]}) is {shown_value(value)}, typed over its formula"
                    )
    finally:
        wb.close()
    dashboard = typed_over_dashboard(path, values)
    if not found:
        return dashboard
    more = f" and {len(found) - FIRST} more" if len(found) > FIRST else ""
    line = (
        f"{len(found)} value{'s' * (len(found) > 1)} typed over the Cohorts sheet's formulas: "
        f"{'; '.join(found[:FIRST])}{more}: copy the formula of the cell beside each over it"
    )
    return line if dashboard is None else f"{line}; {dashboard}"


#: the words of :func:`typed_over_dashboard`'s line (the figures shown are not the tracker's: the file incomplete)
DASHBOARD_TYPED = "typed over the Dashboard's formulas"


def typed_over_dashboard(path: str | Path, values: dict[str, dict[str, Any]]) -> str | None:
    """The values typed over the Dashboard's latest figures (B4:C9 beside the template's labels in A, F4:G6 beside
    those in E: a figure typed to "freeze" it, H224's finding 10), a cell being a formula where the recalculation
    has it (``values``, as for :func:`typed_over_formulas`); one line naming them, or None. The month beside a typed
    value is still the template's formula: the Dashboard showed June's 150 customers as July's. The file is opened
    only where one of those cells is no formula."""
    from ..workbook.dashboard import HEADLINES, SHOP_COLUMN, SHOP_FIGURES
    from ..workbook.dashboard_table import NO_REPEAT
    from ..workbook.template import DASHBOARD_TITLE

    computed = values.get(DASHBOARD_TITLE)
    if computed is None:
        return None
    tables = (  # the table's header, its label column, its value and month columns, its labels by row
        ("Latest figures", 1, {row: label for row, (label, *_) in enumerate(HEADLINES, start=4)}),
        ("Purchases and visits", SHOP_COLUMN, {row: label for row, (label, _) in enumerate(SHOP_FIGURES, start=4)}),
    )
    missing = [
        (table, row, column)
        for table in tables
        for row in table[2]
        for column in (table[1] + 1, table[1] + 2)
        if f"{get_column_letter(column)}{row}" not in computed
    ]
    if not missing:
        return None
    from .._workbooks import open_read_only

    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (not readable here: the recalculation says why)
        return None
    try:
        if DASHBOARD_TITLE not in wb.sheetnames or not hasattr(wb[DASHBOARD_TITLE], "iter_rows"):
            return None
        last = max(row for _, row, _ in missing)
        rows = list(wb[DASHBOARD_TITLE].iter_rows(min_row=1, max_row=last, max_col=SHOP_COLUMN + 2, values_only=True))
    finally:
        wb.close()

    def held(row: int, column: int) -> Any:
        cells = rows[row - 1] if row <= len(rows) else ()
        return cells[column - 1] if column <= len(cells) else None

    found = []
    for (header, label_column, labels), row, column in missing:
        if (
            str(held(3, label_column) or "").strip() != header
            or str(held(row, label_column) or "").strip() != (labels[row])
        ):
            continue  # not the template's table (moved, relabelled): not said
        value = held(row, column)
        if value in (None, "") or (isinstance(value, str) and value[:1] == "="):
            continue
        if (row, column) == (4, SHOP_COLUMN + 1) and value == NO_REPEAT:  # upgrade's own words where an early
            continue  # tracker has no repeat purchasers (.dashboard_table): no figure typed over (H435's finding 04)
        what = labels[row] if column == label_column + 1 else f"{labels[row]}, its month"
        found.append(
            f"{written(DASHBOARD_TITLE)}!{get_column_letter(column)}{row} ({what}) is {shown_value(value)}, typed over "
            "its formula"
        )
    if not found:
        return None
    more = f" and {len(found) - FIRST} more" if len(found) > FIRST else ""
    return (
        f"{len(found)} value{'s' * (len(found) > 1)} {DASHBOARD_TYPED}: {'; '.join(found[:FIRST])}"
        f"{more}: the Dashboard shows {'them' if len(found) > 1 else 'it'} as the latest figures, beside the latest "
        "month's date, whatever the monthly sheets hold: copy the formula of the same cell of a new tracker's "
        "Dashboard (xl-retention new NEW.xlsx) over each"
    )
