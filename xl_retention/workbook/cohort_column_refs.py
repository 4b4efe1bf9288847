"""References elsewhere to a column of the user's beside the Cohorts tables follow it when it moves right (H311).

Growing the Cohorts sheet moves a column of the user's right of its tables right by as many columns as the tables
widened (:mod:`.cohort_columns`), as Excel's Insert Columns would. A formula on another sheet reading it
(``=Cohorts!O4``), a defined name, a chart series, a conditional format's or validation's formula elsewhere then reads
it at its new place: :func:`move_column_refs` moves each reference naming the sheet, columns from the first moved on
(``Cohorts!O4`` -> ``Cohorts!Q4``, ``'Cohorts'!$B$4:$O$4`` -> ``$B$4:$Q$4``, ``Cohorts!O:O`` -> ``Q:Q``), through
openpyxl's tokenizer and translator (:func:`.inserted_columns.moved_formula`); the rows follow the tables afterwards as
before (:func:`.cohort_refs.remap_cohort_refs`).

Where a reference cannot be moved with certainty, :func:`column_refs_problem` names it and growing is refused before
anything changes: a formula the tokenizer cannot read, the column named inside a text (``INDIRECT("Cohorts!O4")``,
which Excel does not move either), a formula shared across columns whose copies read cells on both sides of the move
(each would have to move apart), and the column named in markup that is no formula (a hyperlink's place, a pivot
table's source). A text in a cell (``see Cohorts!O4``) is the user's prose and is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from openpyxl.formula.tokenizer import Tokenizer, TokenizerError
from openpyxl.utils import column_index_from_string, get_column_letter

from ..sheet_names import written
from . import inplace as ip
from .cohort_refs import _F, _KIND, _NAME, _RULE_FORMULA, _RULES, _SQREF
from .inserted_columns import moved_formula

__all__ = ["column_refs_problem", "move_column_refs"]

_CELL = r"\$?[A-Za-z]{1,3}\$?[0-9]+"
_REFERENCE = (
    rf"(?P<a>{_CELL})(?::(?P<b>{_CELL}))?"
    r"|(?P<c>\$?[A-Za-z]{1,3}):(?P<d>\$?[A-Za-z]{1,3})"  # whole columns, Cohorts!O:P
)
_SHARED = re.compile(rb'\bt="shared"')
_SPAN = re.compile(rb'\bref="([A-Z]{1,3})[0-9]+:([A-Z]{1,3})[0-9]+"')
#: parts never read for references: styles, cell texts (the user's prose), the package's metadata
_SKIP = re.compile(
    r"xl/styles\.xml|xl/sharedStrings\.xml|xl/(?:threaded)?[cC]omments.*|docProps/.*|\[Content_Types\]\.xml"
)


def _named(title: str) -> re.Pattern[str]:
    """A reference naming the sheet ``title`` (quoted or not, any case), its cells in groups a-d."""
    names = [re.escape("'" + title.replace("'", "''") + "'"), rf"(?<![\w.'\]]){re.escape(title)}"]
    return re.compile(r"(?:" + "|".join(names) + r")!(?:" + _REFERENCE + r")(?![\w(.])", re.I)


def _columns(match: re.Match[str]) -> list[int]:
    letters = [re.sub(r"[$0-9]", "", match.group(g)) for g in "abcd" if match.group(g)]
    return [column_index_from_string(x.upper()) for x in letters]


def _reaches(match: re.Match[str], first: int) -> bool:
    """Whether the reference ``match`` (:func:`_named`) takes in a column from ``first`` on."""
    return max(_columns(match)) >= first


@dataclass
class _Site:
    """One formula naming the sheet: where it is (in the user's words), its text (no ``=``), the element's start tag."""

    where: str
    text: str
    tag: bytes = b""


def _cells(xml: ip.SheetXml, quoted: bytes) -> Iterator[tuple[str, bytes, re.Match[bytes]]]:
    for ref, element in xml.cells_where(lambda raw: quoted in raw):
        found = _F.search(element)
        if found is not None:
            yield ref, element, found


def _walk(package: ip.Package, title: str, part: str, first: int, change: Callable[[_Site], str | None]) -> list[str]:
    """Call ``change`` on every formula outside the sheet ``title`` (its ``part``) that names it, writing back the text
    it returns (None: nothing is written); returns the other markup naming its columns from ``first`` on, one line
    each (``Customers's hyperlink B2 (Cohorts!O4)``)."""
    named = _named(title)
    quoted = ip.escape(title).encode()
    other: list[str] = []

    def texts(pattern: re.Pattern[bytes], where: Callable[[re.Match[bytes]], str]) -> Callable[[bytes], bytes]:
        def one(match: re.Match[bytes]) -> bytes:
            text = ip.unescape(match.group(2))
            new = change(_Site(where(match), text, match.group(1))) if named.search(text) else None
            return match.group(0) if new in (None, text) else match.group(1) + ip.escape(new).encode() + match.group(3)

        return lambda xml: pattern.sub(one, xml)

    def rest(label: str, xml: bytes) -> None:
        for pattern in (_F, _RULE_FORMULA, _NAME):
            xml = pattern.sub(b"", xml)
        text = xml.decode("utf-8", "replace")
        for match in named.finditer(text):
            if _reaches(match, first):
                tag = re.search(r"<(?:\w+:)?(\w+)\b([^<>]*)$", text[: match.start()])
                cell = re.search(r'\sref="([^"]*)"', tag.group(2)) if tag else None
                what = f"'s {tag.group(1)}{f' on {cell.group(1)}' if cell else ''}" if tag else ""
                other.append(f"{label}{what} names {match.group(0)}")

    sheets = {p: t for t, p in package.parts.items() if p}
    for xml in package.sheets_holding(lambda data: quoted in data, skip=title):
        where = written(xml.title)
        for ref, element, found in list(_cells(xml, quoted)):
            text = ip.unescape(found.group(2))
            new = change(_Site(f"{where}!{ref}", text, found.group(1))) if named.search(text) else None
            if new not in (None, text):
                xml.put(ref, element[: found.start(2)] + ip.escape(new).encode() + element[found.end(2) :])

        def rule(match: re.Match[bytes], xml: ip.SheetXml = xml, where: str = where) -> bytes:
            cells = _SQREF.search(match.group(0)) or re.search(rb'\ssqref="([^"]*)"', match.group(0))
            at = f"the {_KIND[match.group(2)]} on {where}!{ip.unescape(cells.group(1)) if cells else ''}"
            inner = texts(_RULE_FORMULA, lambda _m: at)(match.group(0))
            return texts(_F, lambda _m: at)(inner)

        xml.tail = _RULES.sub(rule, xml.tail)
        rest(where, xml.head + xml.tail)

    def name_at(match: re.Match[bytes]) -> str:
        return f"the defined name {ip.unescape(ip.attribute(match.group(1), b'name') or b'')}"

    package.edit("xl/workbook.xml", texts(_NAME, name_at))
    for name in package.names(r"xl/charts/chart[^/]*\.xml"):
        from .chart_ranges import chart_title

        label = f"the chart {chart_title(package.data[name]) or name.rsplit('/', 1)[-1]!r}"
        package.edit(name, texts(_F, lambda _m, label=label: label))
    for name, data in package.data.items():
        if name in sheets or name == part or _SKIP.fullmatch(name) or not name.endswith((".xml", ".rels", ".vml")):
            continue
        if quoted in data:
            rels = re.fullmatch(r"(.*)/_rels/([^/]*)\.rels", name)
            rest(written(sheets[f"{rels[1]}/{rels[2]}"]) if rels and f"{rels[1]}/{rels[2]}" in sheets else name, data)
        for source in re.finditer(rb"<(?:\w+:)?worksheetSource\b[^>]*>", data):  # a pivot table's, by attributes
            ref = ip.attribute(source[0], b"ref")
            if ip.attribute(source[0], b"sheet") == quoted and ref is not None:
                match = named.search(f"{written(title)}!{ref.decode()}")
                if match is None or _reaches(match, first):
                    other.append(f"{name} (a pivot table's source) names {written(title)}!{ref.decode()}")
    return other


def column_refs_problem(package: ip.Package, title: str, first: int, part: str, last: int) -> str | None:
    """Why a reference outside the sheet ``title`` (its ``part``) to its columns from ``first`` on cannot move with
    them as they move right to end past the grown tables' last column ``last`` (one line naming the sheet and cell, or
    the name, chart or part, and the formula), or None: every one can (:func:`move_column_refs`). Nothing is
    changed."""
    named = _named(title)
    problems: list[str] = []
    letter = get_column_letter(first)

    def check(site: _Site) -> None:
        formula = f"={site.text}"
        try:
            tokens = Tokenizer(formula).items
        except TokenizerError as error:
            problems.append(f"{site.where} holds {formula!r}, which cannot be read ({error})")
            return None
        for token in tokens:
            if token.type == "OPERAND" and token.subtype == "TEXT":
                inside = [m.group(0) for m in named.finditer(token.value) if _reaches(m, first)]
                if inside:
                    problems.append(f"{site.where} holds {formula!r}, which names {inside[0]} inside a text")
                    return None
            span = _SPAN.search(site.tag) if _SHARED.search(site.tag) else None
            if token.type == "OPERAND" and token.subtype == "RANGE" and span:
                low, high = (column_index_from_string(span.group(g).decode()) for g in (1, 2))
                for m in named.finditer(token.value):
                    relative = [c for g, c in zip("abcd", _columns(m), strict=False) if "$" not in (m.group(g) or "$")]
                    if high > low and any(c < first <= c + high - low for c in relative):
                        problems.append(
                            f"{site.where} holds {formula!r}, filled across {span.group(1).decode()} to "
                            f"{span.group(2).decode()} (a shared formula) whose copies read columns on both sides of "
                            f"{letter}"
                        )
                        return None
        return None

    problems += [f"{o}, which is no formula" for o in _walk(package, title, part, first, check)]
    if not problems:
        return None
    return (
        f"{problems[0]}: the columns from {written(title)}!{letter} on move {last - first + 1} right as the tables "
        "grow, and that reference cannot be moved with certainty; move your cells there right of column "
        f"{get_column_letter(last)} (where the grown tables end) or change that reference, and run again"
    )


def move_column_refs(package: ip.Package, title: str, first: int, by: int, part: str) -> None:
    """Move every reference outside the sheet ``title`` (its ``part``) naming its columns from ``first`` on ``by``
    columns right, in cell formulas, conditional formats' and validations' formulas, defined names and chart series;
    call :func:`column_refs_problem` first (what it names is not moved here)."""

    def move(site: _Site) -> str | None:
        try:
            return moved_formula(f"={site.text}", title, {}, first, by, elsewhere=True)[1:]
        except ValueError:
            return None

    _walk(package, title, part, first, move)
