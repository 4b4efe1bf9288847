"""Names defined by a formula (``DynOff = OFFSET(T!$A$2,0,0,COUNT(T!$A:$A),1)``), for the formula rewrite.

formualizer 0.13 resolves names that denote a range, and answers #NAME? for a name defined by a
formula or a constant: a dynamic named range, ``LastVal = INDEX(T!$A:$A,COUNTA(T!$A:$A))``,
``Rate = 0.05``. :func:`defined_formulas` reads those from ``xl/workbook.xml``; the rewrite
(:mod:`.rewrite`) puts each one's formula, in brackets, where a cell formula uses the name,
which is what Excel computes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from itertools import chain
from xml.etree import ElementTree

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..sheet_names import NAME, SHEET, is_bare, unquoted
from .reversed_ranges import normalized_ranges
from .sheet_case import respelled
from .sheet_corners import same_sheet_corners
from .sheet_ranges import sheets_of

_REFERENCE = re.compile(
    SHEET + r"!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?"
    r"|" + SHEET + r"!\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}"
    r"|" + SHEET + r"!\$?\d+:\$?\d+"
)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
#: another workbook's reference (``[1]Sheet1!$A$1``), not a table's structured reference (``Sales[Total]``)
_EXTERNAL = re.compile(r"\[\d+\]")


def defined_formulas(path: str) -> dict[str, dict[str, str]]:
    """``{"" (the workbook) or a sheet's title: {name in lower case: its formula, without "="}}``.

    Only names the engine does not resolve itself: not one area (``Sheet1!$A$1:$B$2``), not the ``_xlfn.``
    placeholders of newer functions, not an external link. Excel's own names of areas (``_xlnm.Print_Area``,
    ``_xlnm._FilterDatabase``, ``_xlnm.Print_Titles``) are under their bare names (``print_area``), which a formula
    uses (``=ROWS(Print_Area)`` on the sheet; ``S!Print_Area`` elsewhere).
    """
    with zipfile.ZipFile(path) as package:
        try:
            root = ElementTree.fromstring(package.read("xl/workbook.xml"))
        except KeyError:
            return {}
    titles = [sheet.get("name", "") for sheet in root.iter(f"{_MAIN}sheet")]
    out: dict[str, dict[str, str]] = {}
    references: dict[str, dict[str, str]] = {}
    every: dict[str, dict[str, str]] = {}  # each scope's names (Excel's own and the placeholders aside), as written
    for element in root.iter(f"{_MAIN}definedName"):
        name, text = (
            element.get("name") or "",
            same_sheet_corners(respelled((element.text or "").strip(), titles), False),
        )
        local = element.get("localSheetId")
        scope = titles[int(local)] if local is not None and local.isdigit() and int(local) < len(titles) else ""
        if name and text and not name.lower().startswith(("_xlnm.", "_xlfn.", "_xlws.")):
            every.setdefault(scope, {})[name.lower()] = _unbracketed_union(text).removeprefix("=")
    for element in root.iter(f"{_MAIN}definedName"):
        name, text = (
            element.get("name") or "",
            same_sheet_corners(respelled((element.text or "").strip(), titles), False),
        )  # data! for Data
        local = element.get("localSheetId")
        scope = titles[int(local)] if local is not None and local.isdigit() and int(local) < len(titles) else ""
        text = bound(text, scope, every)  # Doubled = Rate*2: the workbook's Rate on every sheet (H212's finding 02)
        if name.lower().startswith("_xlnm.") and text and all(_REFERENCE.fullmatch(p) for p in text.split(",")):
            out.setdefault(scope, {})[name[6:].lower()] = text  # Print_Area on its sheet: the engine knows it only
            continue  # as _xlnm.Print_Area, where Excel reads the bare name as that sheet's own (#NAME? with ok)
        if not name or not text or name.lower().startswith(("_xlnm.", "_xlfn.", "_xlws.")):
            continue
        text = _unbracketed_union(text)
        if sheets_of(text.removeprefix("="), titles) is not None:  # Q1 = 'Jan 25:Mar 25'!$B$2: a 3-D reference,
            out.setdefault(scope, {})[name.lower()] = text.removeprefix("=")  # which the engine cannot resolve
            continue
        if _REFERENCE.fullmatch(text) and (reversed_ := normalized_ranges("=" + text)) is not None:
            out.setdefault(scope, {})[name.lower()] = reversed_[1:]  # S!$A$3:$A$1, which the engine cannot resolve
            continue
        if _REFERENCE.fullmatch(text) and relative(text):  # Above = S!A1048576: moved with the cell using it (H9)
            out.setdefault(scope, {})[name.lower()] = text
            continue
        if _REFERENCE.fullmatch(text) or _EXTERNAL.search(text):
            if scope and not _EXTERNAL.search(text):  # the engine resolves it, but not as S!Name from another sheet
                references.setdefault(scope, {})[name.lower()] = text
            continue
        out.setdefault(scope, {})[name.lower()] = text.removeprefix("=")
    for scope, own in references.items():  # a sheet's own Rate = Other!$A$1 over the workbook's Rate = 0.5: its own
        for name, text in own.items():
            if name in out.get("", {}):  # (the workbook's formula was put in its place: 0.5 with status ok)
                out.setdefault(scope, {}).setdefault(name, text)
    qualify(out, references)
    return out


#: LAMBDA's parameters and LET's names (the first of each call; the others after a comma): no defined names there
_BOUND_NAMES = re.compile(r"(?i)(?:\b(?:LAMBDA|LET)\(|,)\s*([A-Za-z_\\][\w.]*)\s*(?=[,)])")
#: the most names followed inside one another's definitions
MAX_DEPTH = 8


def bound(text: str, scope: str, every: dict[str, dict[str, str]], depth: int = 0) -> str:
    """A name's definition ``text`` (defined in ``scope``: "" for the workbook, else a sheet's title) with each name in
    it that is defined in more than one scope written as what it is in ``scope``: Excel reads a definition in the
    name's own scope, where the rewrite puts it in the calling cell's, whose sheet may have a name of its own
    (``Doubled = Rate*2`` of the workbook is the workbook's Rate, 0.3, on 'Plan A' too, whose own Rate is 0.1;
    ``Local = Rate*10`` of 'Plan B' is 'Plan B''s Rate read from any sheet: H212's finding 02); so is a sheet's own
    name in that sheet's definitions. Any other name is left as written (the same wherever it is read); so is text
    the tokenizer cannot read.

    >>> every = {"": {"rate": "Other!$A$1", "doubled": "Rate*2"}, "Plan B": {"rate": "'Plan B'!$A$1"}}
    >>> bound("Rate*2", "", every), bound("Rate*10", "Plan B", every), bound("LAMBDA(rate,rate+1)", "", every)
    ('Other!$A$1*2', "'Plan B'!$A$1*10", 'LAMBDA(rate,rate+1)')
    >>> bound("Doubled+1", "Plan B", every), bound("SUM(Rate)", "Other", every)
    ('Doubled+1', 'SUM(Other!$A$1)')
    >>> bound("Rate*10", "B", {"B": {"rate": "B!$A$1", "local": "Rate*10"}}), bound("Rate", "", {"B": {"rate": "0.2"}})
    ('B!$A$1*10', 'Rate')
    """
    shadowed = {name for own in every.values() for name in own if sum(name in o for o in every.values()) > 1}
    shadowed |= set(every.get(scope, {})) if scope else set()  # a sheet's name read from another sheet: its own
    if not shadowed or depth > MAX_DEPTH:
        return text
    try:
        tokens = Tokenizer("=" + text.removeprefix("=")).items
    except Exception:  # noqa: BLE001  (a definition the tokenizer does not read: left as it is)
        return text
    parameters = {found.lower() for found in _BOUND_NAMES.findall(text)} if "(" in text else set()
    changed = False
    for token in tokens:
        key = token.value.lower()
        if token.type != Token.OPERAND or token.subtype != Token.RANGE or key not in shadowed or key in parameters:
            continue
        where = scope if key in every.get(scope, {}) else ""
        if key not in every.get(where, {}):
            continue  # a sheet's name read in another scope: Excel's #NAME?, left to the engine as written
        inner = bound(every[where][key], where, every, depth + 1)
        token.value, changed = inner if _REFERENCE.fullmatch(inner) else f"({inner})", True
    if not changed:
        return text
    return ("=" if text.startswith("=") else "") + "".join(t.value for t in tokens)


def _unbracketed_union(text: str) -> str:
    """A union of references written in brackets (``(S!$A$1:$A$2,S!$C$1:$C$2)``, as typed in the Name Manager)
    without them, as Excel saves one selected with Ctrl (the same areas), which the rewrite reads; else ``text``.

    >>> _unbracketed_union("(S!$A$1:$A$2, S!$C$1:$C$2)"), _unbracketed_union("(S!$A$1+1)")
    ('S!$A$1:$A$2,S!$C$1:$C$2', '(S!$A$1+1)')
    """
    inner = text.removeprefix("=").strip()
    if not (inner.startswith("(") and inner.endswith(")")):
        return text
    parts = [part.strip() for part in inner[1:-1].split(",")]
    if len(parts) < 2 or not all(_REFERENCE.fullmatch(part) for part in parts):
        return text
    return ",".join(parts)


def relative(reference: str) -> bool:
    """Whether a reference (``S!A1048576``, ``S!$A1:XFD1``) has a column or row without ``$``: a relative name,
    which Excel stores relative to cell A1 and moves with the cell that uses it.

    A whole number alone (a name ``Months = 12``) is no reference: a row is only ever a range of rows (``S!3:3``).

    >>> relative("S!A1048576"), relative("S!$A1:$B$2"), relative("S!$A$1:$B$2"), relative("S!$A:$A"), relative("12")
    (True, True, False, False, False)
    >>> relative("S!$1:$2"), relative("S!1:2")
    (False, True)
    """
    area = reference.rpartition("!")[2]
    if ":" not in area and re.fullmatch(r"\$?[A-Za-z]{1,3}\$?\d+", area) is None:
        return False
    for part in area.split(":"):
        match = re.fullmatch(r"(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?", part)
        if match is None:
            return False
        absolute_row = match.group(3) or not match.group(2) and match.group(1)  # S!$1:$2: the "$" is the row's
        if match.group(2) and not match.group(1) or match.group(4) and not absolute_row:
            return True
    return False


def qualify(names: dict[str, dict[str, str]], more: dict[str, dict[str, str]] | None = None) -> None:
    """Add each sheet's own names to the workbook's as the other sheets write them: ``S!Rate``, ``'My Sheet'!Rate``
    (lower case), so that ``=S!Rate`` on another sheet is S's Rate, not the workbook's or that sheet's own.
    ``more``: other sheet-level names to add only in that qualified form.

    >>> names = {"": {"rate": "0.1"}, "S": {"rate": "0.5"}}
    >>> qualify(names)
    >>> names[""]
    {'rate': '0.1', "'s'!rate": '0.5', 's!rate': '0.5'}
    """
    qualified: dict[str, str] = {}
    for scope, own in chain(names.items(), (more or {}).items()):
        if not scope:
            continue
        prefixes = ["'" + scope.replace("'", "''").lower() + "'!"]
        if is_bare(scope):
            prefixes.append(scope.lower() + "!")
        for name, text in own.items():
            for prefix in prefixes:
                qualified[prefix + name] = text
    if qualified:
        names.setdefault("", {}).update(qualified)


def one_reference(text: str) -> bool:
    """Whether a name's formula is one sheet-qualified reference (``S!$B1``), not an expression (``S!$C1-S!$D1``).

    >>> one_reference("S!$B1"), one_reference("S!$C1-S!$D1"), one_reference("SUM(S!$B1:$D1)")
    (True, False, False)
    """
    return _REFERENCE.fullmatch(text) is not None


def moved_references(text: str, move: Callable[[str], str | None]) -> str:
    """A name's formula (``RowTotal = SUM(S!$B1:$D1)``, which Excel stores relative to cell A1) with each relative
    reference in it moved by ``move`` to the cell using the name (``SUM(S!$B2:$D2)`` in row 2); ``text`` itself when
    none is relative (or it cannot be read).

    >>> moved_references("SUM(S!$B1:$D1)+S!$A$1", lambda ref: ref.replace("1", "2"))
    'SUM(S!$B2:$D2)+S!$A$1'
    """
    try:
        tokens = Tokenizer("=" + text).items
    except Exception:  # noqa: BLE001  (a definition the tokenizer does not read: left as it is)
        return text
    changed = False
    for token in tokens:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and relative(token.value):
            moved = move(token.value)
            if moved is not None:
                token.value, changed = moved, True
    return "".join(t.value for t in tokens) if changed else text


#: a defined name a formula reads, with its sheet or not (``rng``, ``S!rng``, ``'My S'!rng``): not a function's
#: (``rng(``), a sheet's (``S!A1``), a table's (``T[``) or a part of a longer word or reference
NAME_READ = re.compile(r"(?<![\w.$'!\[\]])(?:(" + SHEET + r")!)?(" + NAME + r")(?![\w.(!\[])")


def names_read(text: str) -> list[str]:
    """The names ``text`` (a formula, its texts blanked) reads, as written (``S!rng`` with its sheet), once each in
    their order; a cell reference (``A1``) or a LAMBDA's parameter (``x``) may be among them, which no name defined
    is (:func:`name_target` gives None).

    >>> names_read("SUM(rng)+S!rng*Rate+rng+'My S'!Top+COUNT(T[A])+F(x)")
    ['rng', 'S!rng', 'Rate', "'My S'!Top", 'x']
    """
    return list(dict.fromkeys(m.group(0) for m in NAME_READ.finditer(text)))


def name_target(names: dict[str, dict[str, str]] | None, sheet: str, name: str) -> str | None:
    """The formula (without ``=``, stripped) the defined ``name`` (as a formula writes it: ``rng``, ``S!rng``) stands
    for on ``sheet``: the sheet's own name before the workbook's (``S!rng``: S's own, then the workbook's); None
    where neither defines it. ``names``: {"" (the workbook) or a sheet's title: {name in lower case: its formula}}.

    >>> names = {"": {"rng": "S!$A$1:$A$3", "rate": "0.05"}, "T": {"rng": "T!$B$2"}}
    >>> name_target(names, "S", "RNG"), name_target(names, "T", "rng"), name_target(names, "S", "T!rng")
    ('S!$A$1:$A$3', 'T!$B$2', 'T!$B$2')
    >>> name_target(names, "S", "'T'!Rate"), name_target(names, "S", "other"), name_target(None, "S", "rng")
    ('0.05', None, None)
    """
    where, bang, bare = name.rpartition("!")
    scope = unquoted(where) if bang else sheet
    for own in ((names or {}).get(scope, {}), (names or {}).get("", {})):
        target = own.get(bare.lower())
        if target is None:
            target = next((t for n, t in own.items() if n.lower() == bare.lower()), None)
        if target is not None:
            return target.strip()
    return None
