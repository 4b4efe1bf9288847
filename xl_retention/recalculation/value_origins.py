"""The cell a bad value came from, where the argument that gave it is no plain reference or is a formula's value.

An xl-retention function given ``CHOOSE(1,A1:A4)``, ``VLOOKUP("k",F1:G2,2,FALSE)``, ``INDEX(..)``, ``OFFSET(..)``,
``IF(..)``, ``INDIRECT(..)`` or ``XLOOKUP(..)`` names the bad value by its argument only ("got 'n/a'", "got 'x' in
cell 2 of scores"): :mod:`.reason_cells` and :func:`.literal_reasons.value_argument` read the argument's text, which
is a call. :func:`value_origin` asks the engine where the argument is: the reference ``CELL("address", ..)``,
``ROWS`` and ``COLUMNS`` give, evaluated in the error cell's place (a lookup of a value made the ``INDEX`` of its
found position first). A cell reached that holds a formula (``C3`` of ``=CRR(C3,1,10)`` is ``=A9``) is followed the
same way, or to the one cell it reads that holds the very value, to where the value is typed: ``..., got 'n/a', in
S!A9 (read through S!C3) (#VALUE!)``. The cell named always holds the value the reason shows; otherwise the reason
stays as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.utils import get_column_letter

from .._validation import shown_text
from ..registry import BY_NAME
from ..sheet_names import NAME, SHEET, written
from .excel_functions.text import text_to_number
from .formula_texts import position
from .let_references import let_inlined
from .read_cells import SINGLE as _SINGLE
from .read_cells import cells_read as _cells_read
from .read_cells import column_number as _column
from .read_cells import label as _label
from .reason_cells import _arguments, call_end
from .reason_numbers import reason_number as _full
from .text_literals import LITERALS as _LITERALS
from .xlookup_references import xlookup_references

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts

__all__ = [
    "blank_origin",
    "evaluated",
    "formula_cell_origin",
    "value_origin",
]

#: "CRR: customers_end must be a number, got 'n/a' (#VALUE!)", "NPS: scores must be ..., got 'x' in cell 2 of scores
#: (#VALUE!)": the function, its argument, the value shown and its place in the argument's range
_REASON = re.compile(
    r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<argument>\w+) (?:(?:must|is)\b.*, got (?:the text )?"
    r"(?P<shown>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\s,()']+)(?: \([^()]*\))?"
    r"|(?:holds|is) the error value (?P<error>#[A-Z0-9/!?]+))"
    r"(?P<place> in (?:cell (?P<k>\d+)|row (?P<r>\d+), column (?P<c>\d+)) of (?P=argument))?"
    r" \((?P<code>#[A-Z0-9/!?]+)\)$"
)
#: "NRR: start_mrr is 0 (no MRR at the start): the ratio is undefined (#DIV/0!)": a divisor of 0
_ZERO = re.compile(
    r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<argument>\w+) is (?P<shown>0)(?:(?!)(?P<place>)(?P<k>)(?P<r>)(?P<c>))? \("
    r"(?!.* in (?:'(?:[^']|'')+'|[^\s!']+)![A-Z]{1,3}\d+).*\((?P<code>#DIV/0!)\)$"
)
#: the address ``CELL("address", ..)`` gives: ``$A$1`` on the probing cell's sheet, ``'My Data'!$B$3`` on another
_ADDRESS = re.compile(r"(?:(" + SHEET + r")!)?\$?([A-Z]{1,3})\$?(\d+)")
_LOOKUP = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(VLOOKUP|HLOOKUP|LOOKUP)\(")
#: the value of a blank cell, or of a formula giving "", as :func:`_shows` reads it
BLANK = "<blank>"
#: the most formula cells followed from the argument to the cell typed in
MAX_STEPS = 5


def _exact(flag: str | None) -> str:
    """MATCH's type for a lookup's last argument: omitted, TRUE or not 0 is the approximate match (1)."""
    if flag is None or flag == "":
        return "1"
    if flag.upper() in ("FALSE", "0"):
        return "0"
    if flag.upper() in ("TRUE", "1"):
        return "1"
    return f"IF({flag},1,0)"


def lookups_as_references(text: str) -> str:
    """``text`` with each VLOOKUP, HLOOKUP and vector LOOKUP call written as the INDEX of the position it finds,
    which is a reference (its value is the same cell's).

    >>> lookups_as_references('CRR(VLOOKUP("k",F1:G2,2,FALSE),1,10)')
    'CRR(INDEX(F1:G2,MATCH("k",INDEX(F1:G2,0,1),0),2),1,10)'
    >>> lookups_as_references("HLOOKUP(B1,A5:D6,2)+LOOKUP(3,A1:A4,B1:B4)")
    'INDEX(A5:D6,2,MATCH(B1,INDEX(A5:D6,1,0),1))+INDEX(B1:B4,MATCH(3,A1:A4,1))'
    """
    for match in reversed(list(_LOOKUP.finditer(text))):
        found = call_end(text, match.end())
        if found is None:
            continue
        args, end = found
        name = match.group(1).upper()
        if name == "VLOOKUP" and len(args) in (3, 4):
            table = args[1]
            exact = _exact(args[3] if len(args) == 4 else None)
            new = f"INDEX({table},MATCH({args[0]},INDEX({table},0,1),{exact}),{args[2]})"
        elif name == "HLOOKUP" and len(args) in (3, 4):
            table = args[1]
            exact = _exact(args[3] if len(args) == 4 else None)
            new = f"INDEX({table},{args[2]},MATCH({args[0]},INDEX({table},1,0),{exact}))"
        elif name == "LOOKUP" and len(args) == 3:
            new = f"INDEX({args[2]},MATCH({args[0]},{args[1]},1))"
        else:
            continue
        text = text[: match.start()] + new + text[end:]
    return text


def evaluated(workbook: fz.Workbook, sheet: str, row: int, column: int, probe: str) -> Any:
    """The value of the formula ``probe`` evaluated in ``sheet``'s formula cell at ``row``, ``column`` (None where
    the engine cannot read it or the cell holds no formula); the cell's own formula is put back afterwards."""
    own = workbook.get_formula(sheet, row, column)
    if not own:
        return None
    cells = workbook.sheet(sheet)
    try:
        cells.set_formula(row, column, probe)
        answer = workbook.evaluate_cell(sheet, row, column)
    except Exception:  # noqa: BLE001  (a text the engine cannot read: no value)
        answer = None
    finally:
        cells.set_formula(row, column, own if own.startswith("=") else "=" + own)
        try:
            workbook.evaluate_cell(sheet, row, column)
        except Exception:  # noqa: BLE001
            pass
    return answer


#: calls giving a reference (a lookup's found cell as one: :func:`lookups_as_references`)
_REFERENCE_CALLS = frozenset(("INDEX", "OFFSET", "INDIRECT", "XLOOKUP", "VLOOKUP", "HLOOKUP", "LOOKUP", "LET"))
#: calls passing an argument on as their result: the arguments that may be it
_PASSING = {"IF": slice(1, 3), "CHOOSE": slice(1, None), "IFS": slice(1, None, 2), "SWITCH": slice(2, None)}
_CALL = re.compile(r"(?i)^(?:_xlfn\.|_xlws\.)*([A-Z][A-Z0-9.]*)\(")
_PLAIN = re.compile(r"(?:" + SHEET + r"!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|" + NAME)


def _may_be_reference(expression: str, depth: int = 0) -> bool:
    """Whether ``expression`` may give a reference: a cell, range or name, or a call giving one (CHOOSE and IF
    through the arguments they pass on); ``IF(B4="","",IFERROR(B4+0,B4))`` gives values only (no engine asked)."""
    text = expression.strip().removeprefix("=")
    while text.startswith("(") and text.endswith(")") and depth < 20:
        text, depth = text[1:-1].strip(), depth + 1
    if _PLAIN.fullmatch(text) is not None:
        return True
    found = _CALL.match(text)
    if found is None or depth > 20:
        return False
    name = found.group(1).upper()
    if name in _REFERENCE_CALLS:
        return True
    call = call_end(text, found.end())
    if name not in _PASSING or call is None or call[1] != len(text):
        return False
    return any(_may_be_reference(arg, depth + 1) for arg in call[0][_PASSING[name]])


def _probe(
    workbook: fz.Workbook, sheet: str, row: int, column: int, expression: str
) -> tuple[str, int, int, int, int] | None:
    """Where ``expression`` (evaluated in ``sheet``'s cell at ``row``, ``column``) is a reference: (sheet, top row,
    left column, rows, columns); None where it is a value."""
    if not _may_be_reference(expression):
        return None
    expression = lookups_as_references(expression)
    probe = f'=CELL("address",{expression})&"|"&ROWS({expression})&"|"&COLUMNS({expression})'
    tokens = Tokenizer(probe).items
    if xlookup_references(tokens):  # XLOOKUP: the INDEX of its found position, a reference
        probe = "=" + "".join(t.value for t in tokens)
    answer = evaluated(workbook, sheet, row, column, probe)
    if not isinstance(answer, str) or answer.count("|") != 2:
        return None
    address, rows, columns = answer.split("|")
    found = _ADDRESS.fullmatch(address)
    if found is None or not rows.isdigit() or not columns.isdigit():
        return None
    where = found.group(1).strip("'").replace("''", "'") if found.group(1) else sheet
    return where, int(found.group(3)), _column(found.group(2)), int(rows), int(columns)


def _shows(shown: str, held: Any) -> bool:
    """Whether the value a reason shows (``'n/a'``, ``-2``; :data:`BLANK`: nothing) is ``held``, a cell's value."""
    if shown == BLANK:
        return held is None or held == ""
    if shown.startswith("#"):  # an error value: the engine's {'type': 'Error', 'kind': 'Div'}
        from .engine import excel_code

        return isinstance(held, dict) and held.get("type") == "Error" and excel_code(str(held.get("kind"))) == shown
    if isinstance(held, bool):
        return shown in (str(held), str(held).upper())
    if isinstance(held, str):  # a no-break space shown as a space (_validation.shown_text)
        if shown in (repr(held), shown_text(held)):
            return True
        read = text_to_number(held)  # '-5' or '(5)' pasted, which x+0 reads as -5 (H557's finding 02)
        return isinstance(read, float) and shown in (f"{read:g}", repr(read), str(read), _full(read))
    if isinstance(held, int | float):
        shown_as = (f"{held:g}", repr(held), str(held), _full(held))
        return shown in shown_as or (held == int(held) and shown == str(int(held)))
    return False


def _holding(workbook: fz.Workbook, text: str, sheet: str, shown: str) -> tuple[str, int, int] | None:
    """The one cell ``text`` (a formula) reads alone that holds the value ``shown``; None where none or several do."""
    found = {
        (where, row, column)
        for _, where, _letters, row, column, held in _cells_read(workbook, _SINGLE, _LITERALS.sub('""', text), sheet)
        if _shows(shown, held)
    }
    return found.pop() if len(found) == 1 else None


def _value(workbook: fz.Workbook, sheet: str, row: int, column: int) -> Any:
    try:
        return workbook.get_value(sheet, row, column)
    except Exception:  # noqa: BLE001  (a sheet the engine does not have)
        return None


def _engine_text(workbook: fz.Workbook, sheet: str, row: int, column: int) -> str | None:
    try:
        text = workbook.get_formula(sheet, row, column)
    except Exception:  # noqa: BLE001
        return None
    return let_inlined(text) if text else None


def _cell(sheet: str, row: int, column: int) -> str:
    return f"{written(sheet)}!{get_column_letter(column)}{row}"


_NAME_TOKEN = re.compile(r"(?<![\w.$'!\[\]])(" + NAME + r")(?![\w.(!\[])")


def _names_inlined(text: str, sheet: str, names: dict[str, dict[str, str]] | None) -> str:
    """``text`` with each defined name of a reference (``names``: by scope, the sheet's own over the workbook's)
    written as its target: the engine's ``CELL("address", EndCount)`` leaves out the name's sheet."""
    targets = {
        n.lower(): t.strip().removeprefix("=") for scope in ("", sheet) for n, t in (names or {}).get(scope, {}).items()
    }
    if not targets:
        return text
    parts = re.split(r'("(?:[^"]|"")*")', text)  # not inside a text
    return "".join(
        part if k % 2 else _NAME_TOKEN.sub(lambda m: targets.get(m.group(1).lower(), m.group(1)), part)
        for k, part in enumerate(parts)
    )


def _traced(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    place: tuple[str, int, int],
    shown: str,
    names: dict[str, dict[str, str]] | None,
) -> str:
    """``place`` (sheet, row, column: a cell holding the value ``shown``) as a reason names it, followed through
    formula cells to where the value is typed: ``S!A9 (read through S!C3)``; a formula making it: ``S!C5, computed
    there by its formula``."""
    return _traced_to(workbook, formulas, place, shown, names)[0]


def _traced_to(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    place: tuple[str, int, int],
    shown: str,
    names: dict[str, dict[str, str]] | None,
) -> tuple[str, tuple[str, int, int]]:
    """:func:`_traced`'s words and the cell they end at (sheet, row, column: typed in, or a formula making it)."""
    through: list[str] = []
    while (place[1], place[2]) in formulas.get(place[0], {}) and len(through) < MAX_STEPS:
        formula = _engine_text(workbook, *place)
        if not formula:
            break
        formula = _names_inlined(formula.removeprefix("="), place[0], names)
        at = _probe(workbook, *place, formula)
        following = at[:3] if at is not None and at[3] == at[4] == 1 else _holding(workbook, formula, place[0], shown)
        if following is None or not _shows(shown, _value(workbook, *following)):
            break
        through.insert(0, _cell(*place))
        place = following
    named = _cell(*place) + _label(workbook, *place)
    if (place[1], place[2]) in formulas.get(place[0], {}):
        named += ", computed there by its formula"
    if through:
        named += f" (read through {', '.join(through)})"
    return named, place


#: "NPS: scores must be a number, got 'x' in S!A2 (#VALUE!)": a range's cell named (.reason_cells)
_NAMED_CELL = re.compile(
    r"^[A-Z_][A-Z0-9_.]*: \w+ (?:must|is)\b.*, got (?P<shown>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\s,()']+)"
    r" in (?P<cell>(?P<sheet>" + SHEET + r")!(?P<letters>[A-Z]{1,3})(?P<row>\d+)) \((?P<code>#[A-Z0-9/!?]+)\)$"
)


def formula_cell_origin(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    reason: str,
    names: dict[str, dict[str, str]] | None = None,
) -> str:
    """``reason`` naming a range's cell that holds a formula (``=NPS(A1:A4)``, ``A2`` ``=Raw!A2``): the cell the
    value is typed in, read through it, ``..., got 'ten' in Raw!A2 (read through S!A2) (#VALUE!)``; else as it is."""
    found = _NAMED_CELL.match(reason)
    if found is None:
        return reason
    where = found["sheet"].strip("'").replace("''", "'") if found["sheet"].startswith("'") else found["sheet"]
    place = (where, int(found["row"]), _column(found["letters"]))
    if (place[1], place[2]) not in formulas.get(where, {}) or not _shows(found["shown"], _value(workbook, *place)):
        return reason
    named = _traced(workbook, formulas, place, found["shown"], names)
    return reason[: found.start("cell")] + named + reason[found.end("cell") :]


def _element(expression: str, k: int) -> str | None:
    """A reference to the ``k``-th value (row by row) of ``expression`` where it is a FILTER of a reference's rows or
    a CHOOSE of references by an array typed in, which give values, not a reference; None for anything else.

    >>> _element('_xlfn._xlws.FILTER(B2:B5,A2:A5="Q1")', 2)
    'INDEX(B2:B5,SMALL(IF(A2:A5="Q1",SEQUENCE(ROWS(B2:B5))),QUOTIENT(1,COLUMNS(B2:B5))+1),MOD(1,COLUMNS(B2:B5))+1)'
    >>> _element("CHOOSE({1,2},B2,B5)", 2), _element("SUM(B2:B5)", 1)
    ('CHOOSE(INDEX({1,2},2),B2,B5)', None)
    """
    text = re.sub(r"(?i)^_XLR\.EACH\.", "", expression.strip())  # CHOOSE({1,2},..) as the engine is given it
    found = _CALL.match(text)
    call = call_end(text, found.end()) if found is not None else None
    if found is None or call is None or call[1] != len(text):
        return None
    name, args = found.group(1).upper(), call[0]
    if name == "FILTER" and len(args) in (2, 3) and _PLAIN.fullmatch(args[0]) and ";" not in args[1]:
        array, include = args[0], args[1]
        rows = f"SMALL(IF({include},SEQUENCE(ROWS({array}))),QUOTIENT({k - 1},COLUMNS({array}))+1)"
        return f"INDEX({array},{rows},MOD({k - 1},COLUMNS({array}))+1)"
    if name == "CHOOSE" and len(args) > 1 and args[0].startswith("{") and args[0].endswith("}"):
        return f"CHOOSE(INDEX({args[0]},{k}),{','.join(args[1:])})"
    return None


#: calls reading cells their text does not name alone (a range's, a looked-up or built reference's)
_READING_CALLS = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(?:INDIRECT|OFFSET|INDEX|X?LOOKUP|[VH]LOOKUP|CHOOSE\w*)\(")


def _reads_one_cell(workbook: fz.Workbook, expression: str, sheet: str) -> bool:
    """Whether ``expression`` (an argument, its names inlined) reads one cell and nothing else: the tracker's
    ``IF(B3="","",IFERROR(B3+0,B3))`` reads B3 alone, so a 0 it gives is B3's (H204's finding 03); ``A1-A2``, a range
    or a lookup read more."""
    text = _LITERALS.sub('""', expression)
    if ":" in text or _READING_CALLS.search(text):
        return False
    cells = {
        (where, row, column) for _, where, _letters, row, column, _held in _cells_read(workbook, _SINGLE, text, sheet)
    }
    return len(cells) == 1


def value_origin(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    reason: str,
    sheet: str,
    ref: str,
    names: dict[str, dict[str, str]] | None = None,
) -> str:
    """``reason`` (of the error cell ``sheet!ref``, a registry function's) with the cell its value came from named,
    where the reason names none: ``CRR: customers_end must be a number, got 'n/a', in P!G1 (#VALUE!)`` for
    ``=CRR(VLOOKUP("k",F1:G2,2,FALSE),1,10)``, ``NPS: ..., got 'x' in P!A2 (#VALUE!)`` for ``=NPS(CHOOSE(1,A1:A4))``,
    ``..., got 'n/a', in S!A9 (read through S!C3) (#VALUE!)`` for ``=CRR(C3,1,10)``, ``C3`` ``=A9``."""
    found = _REASON.match(reason) or _ZERO.match(reason)
    function = BY_NAME.get(found["function"]) if found is not None else None
    if found is None or function is None:
        return reason
    arguments = [a.name for a in function.args]
    if found["argument"] not in arguments:
        return reason
    row, column = position(ref)
    k = arguments.index(found["argument"])
    given = (row, column) in formulas.get(sheet, {})
    expression = None
    for text in (
        _engine_text(workbook, sheet, row, column),
        let_inlined(formulas[sheet][row, column]) if given else None,
    ):
        # the engine's text (its rewrites may call the function twice, with the same arguments), else the file's
        texts = {args[k] for args in _arguments(text or "", function.name) if k < len(args) and args[k]}
        if len(texts) == 1:
            expression = texts.pop()
            break
    if expression is None:
        return reason
    error = found.groupdict().get("error")  # (the divisor's form has none)
    shown = found["shown"] or error
    expression = _names_inlined(expression, sheet, names)
    if found.re is _ZERO and _SINGLE.fullmatch(expression) is None and not _reads_one_cell(workbook, expression, sheet):
        return reason  # a 0 the argument computes from several cells (or a range, a lookup): no one cell to name
    element = _element(expression, int(found["k"])) if found["k"] is not None else None
    at = _probe(workbook, sheet, row, column, element or expression)
    place: tuple[str, int, int] | None = None
    if element is not None:  # the k-th value of a FILTER or CHOOSE({1,2},..): its one cell
        place = at[:3] if at is not None and at[3] == at[4] == 1 else None
    elif at is not None:
        where, top, left, rows, columns = at
        if found["k"] is not None:
            down, across = divmod(int(found["k"]) - 1, columns)
        elif found["r"] is not None:
            down, across = int(found["r"]) - 1, int(found["c"]) - 1
        else:
            down, across = (0, 0) if rows == columns == 1 else (-1, -1)
        if 0 <= down < rows and 0 <= across < columns:
            place = (where, top + down, left + across)
    elif found["place"] is None:
        place = _holding(workbook, expression, sheet, shown)
    if place is None or not _shows(shown, _value(workbook, *place)):
        return reason
    if error and found["place"] is None and (place[1], place[2]) in formulas.get(place[0], {}):
        return reason  # "is the error value #N/A" of a formula's cell: its own reason passed on (.error_arguments)
    if error and found["place"] is None:  # an error typed or pasted: as .error_arguments names a cell
        return f"{reason.rpartition(' (')[0]} in {_cell(*place)}{_label(workbook, *place)} ({found['code']})"
    named, origin = _traced_to(workbook, formulas, place, shown, names)
    if found.re is _ZERO:  # "start_mrr is 0 in Revenue!K2 (no MRR at the start): ..."
        out = reason[: found.end("shown")] + f" in {named}" + reason[found.end("shown") :]
    elif found["place"] is not None:
        out = reason[: found.start("place")] + f" in {named}" + reason[found.end("place") :]
    else:
        head, _, code = reason.rpartition(" (")
        out = f"{head}, in {named} ({code}"
    texts = formulas.get(origin[0], {})
    if _STORED in out and (origin[1], origin[2]) in texts:  # ="185"&CHAR(9): made so, typed in no cell
        made = f"(a number as text, made by {_cell(*origin)}'s formula ={texts[origin[1], origin[2]]}: make a number "
        made += 'of it there: VALUE(..), with CLEAN(..) for a tab or line break, SUBSTITUTE(..,CHAR(160),"") for a '
        out = out.replace(_STORED, made + "no-break space)", 1)
    return out


#: what a reason says of a number typed as text (:mod:`.._validation`), not said of a formula's text
_STORED = "(a number stored as text: type it as a number)"


_TESTED_BLANK = re.compile(r'\s*=\s*""')
#: "CRR: customers_start blank while other inputs are not: S!B1 is blank (#VALUE!)" (.literal_reasons.blank_argument)
_BLANK_CELL = re.compile(
    r"^[A-Z_][A-Z0-9_.]*: \w+ blank while other inputs are not: "
    r"(?P<cell>(?P<sheet>" + SHEET + r")!(?P<letters>[A-Z]{1,3})(?P<row>\d+)) is blank \((?P<code>#[A-Z0-9/!?]+)\)$"
)


def blank_origin(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    reason: str,
    names: dict[str, dict[str, str]] | None = None,
) -> str:
    """``reason`` naming a blank cell that holds a formula giving "" (``S!B1`` ``=IF(Raw!B2="","",Raw!B2)``): the
    blank cell its formula tests for blank, ``...: Raw!B2 is blank (read through S!B1) (#VALUE!)``; else as it is."""
    found = _BLANK_CELL.match(reason)
    if found is None:
        return reason
    where = found["sheet"].strip("'").replace("''", "'") if found["sheet"].startswith("'") else found["sheet"]
    place = (where, int(found["row"]), _column(found["letters"]))
    through: list[str] = []
    while (place[1], place[2]) in formulas.get(place[0], {}) and len(through) < MAX_STEPS:
        formula = _engine_text(workbook, *place)
        if not formula:
            break
        formula = _LITERALS.sub('""', _names_inlined(formula, place[0], names))
        tested = {  # the cells the formula tests for blank (B2="", ISBLANK(B2)) that are blank
            (cell_sheet, row, column)
            for match, cell_sheet, _letters, row, column, held in _cells_read(workbook, _SINGLE, formula, place[0])
            if (held is None or held == "")
            and (_TESTED_BLANK.match(formula, match.end()) or formula[: match.start()].upper().endswith("ISBLANK("))
        }
        if len(tested) != 1:
            break
        through.insert(0, _cell(*place))
        place = tested.pop()
    if not through:
        return reason
    named = f"{_cell(*place)}{_label(workbook, *place)} is blank (read through {', '.join(through)})"
    return reason[: found.start("cell")] + named + reason[found.end("cell") + len(" is blank") :]
