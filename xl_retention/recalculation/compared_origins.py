"""The cells of the arguments a reason compares: "returning (60) exceeds total (40)" names where each is.

An xl-retention function refusing two arguments that contradict each other says their values
(``RETURNING_CUSTOMER_RATE: returning (60) exceeds total (40) (#NUM!)``, ``CRR: customers_end (1) is below
customers_gained (2): ...``), where a text or a negative in the same arguments names its cell. :func:`compared_origin`
names each compared argument's cell, found as :func:`.value_origins.value_origin` finds one argument's (the reference
the engine gives for the argument, or the one cell it reads holding the value shown, followed through formula cells to
where the value is typed): ``...: returning in S!B1, total in S!A1 (#NUM!)``; so too two arguments said together
(``recency (0.5) must be 0 when frequency is 0``, ``discount_rate (0) is below 0.0001 with c = 0.5``). A cell is
named only where it holds the value the reason shows; an argument typed in the formula (``=CRR(10,20,5)``) has none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..registry import BY_NAME
from .formula_texts import position
from .let_references import let_inlined
from .reason_cells import _arguments
from .value_origins import _engine_text, _holding, _names_inlined, _probe, _shows, _traced, _value

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts

__all__ = ["compared_origin"]

#: "CRR: <message> in cell 2 of customers_end (#NUM!)": the function, the message, the place of a range's element
_REASON = re.compile(
    r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<message>.*?)"
    r"(?P<place> in (?:cell (?P<k>\d+)|row (?P<r>\d+), column (?P<c>\d+)) of \w+)? \((?P<code>#[A-Z0-9/!?]+)\)$"
)
#: "customers_end (1)", "promoters + detractors (5 + 6)", "frequency is 0", "c = 0.5": arguments and the values the
#: message shows
#: the most elements of ranges looked through for the one whose values the reason shows
MAX_ELEMENTS = 10_000
_COMPARED = re.compile(
    r"(?<![\w'\"])(?P<names>\w+(?: \+ \w+)*) "
    r"(?:\((?P<values>[^()'\"]*)\)|(?:is|=) (?P<value>-?\d[\d.]*(?:e[-+]?\d+)?)\b)"
)


def _compared(message: str, arguments: list[str]) -> list[tuple[str, str]]:
    """The (argument, value shown) pairs of ``message``, each argument once, in the order said."""
    pairs: dict[str, str] = {}
    for found in _COMPARED.finditer(message):
        names = found["names"].split(" + ")
        values = found["values"].split(" + ") if found["value"] is None else [found["value"]]
        if len(names) != len(values) or not all(n in arguments for n in names):
            continue
        for name, value in zip(names, values, strict=True):
            pairs.setdefault(name, value.strip())
    return list(pairs.items())


def compared_origin(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    reason: str,
    sheet: str,
    ref: str,
    names: dict[str, dict[str, str]] | None = None,
) -> str:
    """``reason`` (of the error cell ``sheet!ref``, a registry function's) comparing two or more of its arguments'
    values with the cell of each named: ``RETURNING_CUSTOMER_RATE: returning (60) exceeds total (40): returning in
    S!B1, total in S!A1 (#NUM!)``; an element of ranges (``... in cell 2 of customers_end``) by each range's cell at
    that place. The arguments whose cell is not found are left out; ``reason`` as it is where none is found (for an
    element of ranges: where one is not)."""
    found = _REASON.match(reason)
    function = BY_NAME.get(found["function"]) if found is not None else None
    if found is None or function is None:
        return reason
    arguments = [a.name for a in function.args]
    pairs = _compared(found["message"], arguments)
    if len(pairs) < 2:
        return reason
    row, column = position(ref)
    given: list[list[str]] = []  # the one call in the engine's text (its rewrites may call the function twice, with
    for text in (  # the same arguments), then in the file's (an argument the engine wraps: INDEX(J2#,2) in a LET)
        _engine_text(workbook, sheet, row, column),
        let_inlined(formulas[sheet][row, column]) if (row, column) in formulas.get(sheet, {}) else None,
    ):
        calls = [list(args) for args in {tuple(args) for args in _arguments(text or "", function.name)}]
        if len(calls) == 1:
            given.append(calls[0])
    if not given:
        return reason
    places: dict[str, tuple[str, int, int] | None] = {}
    areas: dict[str, tuple[str, int, int, int, int]] = {}  # arguments given as ranges the element is not placed in
    for name, shown in pairs:
        k = arguments.index(name)
        place = None
        for call in given:
            expression = _names_inlined(call[k] if k < len(call) else "", sheet, names)
            place = _place(workbook, sheet, (row, column), expression, shown, found)
            if place is not None:
                break
        if isinstance(place, tuple) and len(place) == 5:
            areas[name] = place
            continue
        if place is None and found["place"] is not None:
            return reason  # the range's place stays said as it is (.reason_cells names the one argument's cell)
        places[name] = place
    places |= _element(workbook, areas, dict(pairs))
    shown_by = dict(pairs)
    named = [
        f"{name} in {_traced(workbook, formulas, place, shown_by[name], names)}"
        for name, _ in pairs
        if (place := places.get(name)) is not None
    ]
    if not named:
        return reason
    return f"{found['function']}: {found['message']}: {', '.join(named)} ({found['code']})"


def _element(
    workbook: fz.Workbook, areas: dict[str, tuple[str, int, int, int, int]], shown: dict[str, str]
) -> dict[str, tuple[str, int, int]]:
    """The cells of the one element of the ranges ``areas`` (argument -> (sheet, top, left, rows, columns), all of
    one size) whose cells all hold the values ``shown``: the element the function refused (``=SUM(CRR(A5:A7,..))``);
    {} where none or several do."""
    sizes = {area[3:] for area in areas.values()}
    if len(sizes) != 1:
        return {}
    rows, columns = sizes.pop()
    if rows * columns > MAX_ELEMENTS:
        return {}
    found = [
        (down, across)
        for down in range(rows)
        for across in range(columns)
        if all(
            _shows(shown[name], _value(workbook, where, top + down, left + across))
            for name, (where, top, left, _, _) in areas.items()
        )
    ]
    if len(found) != 1:
        return {}
    down, across = found[0]
    return {name: (where, top + down, left + across) for name, (where, top, left, _, _) in areas.items()}


def _place(
    workbook: fz.Workbook,
    sheet: str,
    at: tuple[int, int],
    expression: str,
    shown: str,
    found: re.Match[str],
) -> tuple[str, int, int] | tuple[str, int, int, int, int] | None:
    """The cell (sheet, row, column) the argument ``expression`` of the error cell ``at`` gives the value ``shown``
    from: its reference's (at the reason's place in a range), else the one cell it reads holding it; the range
    (sheet, top, left, rows, columns) where the argument is one and the reason places no element in it; None where
    none."""
    if not expression:
        return None
    probed = _probe(workbook, sheet, *at, expression)
    place: tuple[str, int, int] | None = None
    if probed is not None:
        where, top, left, rows, columns = probed
        if rows == columns == 1:
            down, across = 0, 0
        elif found["k"] is not None:
            down, across = divmod(int(found["k"]) - 1, columns)
        elif found["r"] is not None:
            down, across = int(found["r"]) - 1, int(found["c"]) - 1
        else:
            return probed
        if 0 <= down < rows and 0 <= across < columns:
            place = (where, top + down, left + across)
    elif found["place"] is None:
        place = _holding(workbook, expression, sheet, shown)
    if place is None or not _shows(shown, _value(workbook, *place)):
        return None
    return place
