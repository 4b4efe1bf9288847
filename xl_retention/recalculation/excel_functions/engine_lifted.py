"""The engine's own functions of single values, applied element by element over arrays by the engine itself.

formualizer 0.13 answers #VALUE! or the first element alone when a function of single values it
implements (SLN, NORM.DIST, BINOM.DIST, FORECAST's x, ...) is given an array where Excel evaluates
arrays (``SUMPRODUCT(SLN(1000,100,A1:A5))``, ``{=NORM.DIST(A1:A9,0,1,TRUE)}``). Rather than a second
implementation of each, the element-by-element form here (``_XLR.EACH.SLN``, used by
:mod:`...array_lifting`) stretches the arguments over each other as Excel does (a single row or column
over the others, #N/A past a smaller array), writes each element's values into a scratch workbook of
the engine, and computes the function there once per element, in one evaluation: the answers are the
engine's own, cell for cell. Arguments taken whole (FORECAST's known values, PERCENTRANK's array) are
written once and referenced as a range.

>>> lifted("SLN", frozenset())(1000.0, 100.0, [[1.0, 2.0, 3.0]])
[[900.0, 450.0, 300.0]]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl.utils import get_column_letter

from ._core import EACH, FUNCTIONS, WHOLE_ARGUMENTS, Function, engine_value, is_error, matrix

__all__ = ["ENGINE_LIFTED", "LOOKUPS", "lifted"]

#: the engine's functions of single values lifted by the engine: name -> (fewest, most arguments, positions taken whole)
ENGINE_LIFTED: dict[str, tuple[int, int, frozenset[int]]] = {
    **{name: (low, high, frozenset()) for name, low, high in (
        ("SLN", 3, 3), ("SYD", 4, 4), ("DDB", 4, 5), ("EFFECT", 2, 2), ("NOMINAL", 2, 2),
        ("RRI", 3, 3), ("PDURATION", 3, 3), ("DOLLARDE", 2, 2), ("DOLLARFR", 2, 2), ("ISPMT", 4, 4),
        ("NORM.DIST", 4, 4), ("NORMDIST", 4, 4), ("NORM.INV", 3, 3), ("NORMINV", 3, 3), ("NORMSINV", 1, 1),
        ("NORM.S.INV", 1, 1), ("BINOM.DIST", 4, 4), ("BINOMDIST", 4, 4), ("POISSON.DIST", 3, 3), ("POISSON", 3, 3),
        ("T.DIST", 3, 3), ("STANDARDIZE", 3, 3), ("FISHER", 1, 1), ("FISHERINV", 1, 1), ("CHISQ.DIST", 3, 3),
        ("LOGNORM.DIST", 4, 4), ("GAMMA.DIST", 4, 4), ("WEIBULL.DIST", 4, 4), ("EXPON.DIST", 3, 3),
        ("EXPONDIST", 3, 3), ("CONFIDENCE.NORM", 3, 3), ("CONFIDENCE", 3, 3), ("GESTEP", 1, 2), ("DELTA", 1, 2),
        ("ERF", 1, 2), ("ERFC", 1, 1),
        # the first element alone or #VALUE! before (SUMPRODUCT(TDIST(A1:A3,5,2)) was TDIST(A1,5,2))
        ("TDIST", 3, 3), ("T.DIST.2T", 2, 2), ("T.DIST.RT", 2, 2), ("TINV", 2, 2), ("T.INV", 2, 2), ("T.INV.2T", 2, 2),
        ("CHIDIST", 2, 2), ("CHISQ.DIST.RT", 2, 2), ("CHIINV", 2, 2), ("CHISQ.INV", 2, 2), ("CHISQ.INV.RT", 2, 2),
        ("FDIST", 3, 3), ("F.DIST", 4, 4), ("F.DIST.RT", 3, 3), ("FINV", 3, 3), ("F.INV", 3, 3), ("F.INV.RT", 3, 3),
        ("WEIBULL", 4, 4), ("HYPGEOMDIST", 4, 4), ("HYPGEOM.DIST", 5, 5), ("LOGNORMDIST", 3, 3), ("LOGINV", 3, 3),
        ("LOGNORM.INV", 3, 3), ("GAMMADIST", 4, 4), ("GAMMAINV", 3, 3), ("GAMMA.INV", 3, 3), ("GAMMA", 1, 1),
        ("BETADIST", 3, 5), ("BETA.DIST", 4, 6), ("BETAINV", 3, 5), ("BETA.INV", 3, 5), ("NEGBINOMDIST", 3, 3),
        ("NEGBINOM.DIST", 4, 4), ("CRITBINOM", 3, 3), ("BINOM.INV", 3, 3), ("BINOM.DIST.RANGE", 3, 4), ("PHI", 1, 1),
        ("GAUSS", 1, 1), ("CONFIDENCE.T", 3, 3), ("ROMAN", 1, 2), ("ARABIC", 1, 1), ("BASE", 2, 3), ("DECIMAL", 2, 2),
        ("BESSELJ", 2, 2), ("BESSELI", 2, 2), ("BESSELK", 2, 2), ("BESSELY", 2, 2), ("ERF.PRECISE", 1, 1),
        ("ERFC.PRECISE", 1, 1), ("CUMIPMT", 6, 6), ("CUMPRINC", 6, 6), ("TBILLPRICE", 3, 3), ("TBILLYIELD", 3, 3),
        ("TBILLEQ", 3, 3), ("ACCRINT", 6, 8), ("ACCRINTM", 4, 5),
        ("FACTDOUBLE", 1, 1), ("COMBINA", 2, 2), ("COT", 1, 1), ("SEC", 1, 1), ("CSC", 1, 1), ("COTH", 1, 1),
        ("ACOT", 1, 1), ("SECH", 1, 1), ("CSCH", 1, 1), ("BITLSHIFT", 2, 2), ("BITRSHIFT", 2, 2),
        ("GAMMALN.PRECISE", 1, 1),
    )},
    "PERCENTRANK": (2, 3, frozenset({0})),
    "PERCENTRANK.INC": (2, 3, frozenset({0})),
    "PERCENTRANK.EXC": (2, 3, frozenset({0})),
    "Z.TEST": (2, 3, frozenset({0})),
    "FORECAST": (3, 3, frozenset({1, 2})),
    "FORECAST.LINEAR": (3, 3, frozenset({1, 2})),
}  # fmt: skip

#: lookups with an array of lookup values: each element is looked up by a formula of its own in a scratch workbook
#: that has this package's functions and formula rewrites, exactly as a formula looking up one value
LOOKUPS: dict[str, tuple[int, int, frozenset[int]]] = {
    "MATCH": (2, 3, frozenset({1})),
    "XMATCH": (2, 4, frozenset({1})),
    "VLOOKUP": (3, 4, frozenset({1})),
    "HLOOKUP": (3, 4, frozenset({1})),
    "XLOOKUP": (3, 6, frozenset({1, 2})),
}

_MISSING = {"type": "Error", "kind": "#N/A"}


def _block(value: Any) -> list[list[Any]]:
    rows = matrix(value)
    width = max(len(row) for row in rows)
    return [list(row) + [None] * (width - len(row)) for row in rows]


def lifted(name: str, whole: frozenset[int], package: bool = False) -> Callable[..., Any]:
    """The element-by-element form of the engine's function ``name``; ``whole``: positions passed as they are.
    ``package``: the scratch workbook gets this package's functions and each formula its argument rewrites
    (``arguments.rewrite_arguments``), as a formula of one value gets them."""

    def each(*args: Any) -> Any:
        import formualizer as fz  # the engine itself, in a workbook of its own (never the one calling this)

        grids = [None if k in whole else _block(a) for k, a in enumerate(args)]
        arrays = [g for g in grids if g is not None]
        rows = max((len(g) for g in arrays), default=1)
        cols = max((len(g[0]) for g in arrays), default=1)
        book = fz.Workbook()
        sheet = book.sheet("S")
        rewritten: Callable[[str], str] = lambda formula: formula  # noqa: E731
        if package or name in FUNCTIONS:  # a function of this package (registered later) is this package's there too
            from . import register
            from .arguments import rewrite_arguments

            register(book)
            rewritten = rewrite_arguments
        references: list[str | None] = [None] * len(args)
        column = len(args) + 2
        for k, value in enumerate(args):  # arrays taken whole: one block each, to the right
            if k in whole:
                block = _block(value)
                sheet.set_values_batch(1, column, len(block), len(block[0]), block)
                references[k] = (
                    f"${get_column_letter(column)}$1:${get_column_letter(column + len(block[0]) - 1)}${len(block)}"
                )
                column += len(block[0]) + 1
        values: list[list[Any]] = []
        formulas: list[list[str]] = []
        answers: dict[tuple[int, int], Any] = {}
        lines: dict[tuple[Any, ...], int] = {}  # each set of element values is computed once (values repeat)
        where: dict[tuple[int, int], int] = {}
        for i in range(rows):
            for j in range(cols):
                elements = []
                for grid in grids:
                    if grid is None:
                        continue
                    r, c = (0 if len(grid) == 1 else i), (0 if len(grid[0]) == 1 else j)
                    elements.append(grid[r][c] if r < len(grid) and c < len(grid[r]) else _MISSING)
                error = next((e for e in elements if is_error(e)), None)
                if error is not None:  # an error element is the answer (the engine's cells would pass it on)
                    answers[(i, j)] = error
                    continue
                key = tuple((type(e), e) for e in elements)
                if key not in lines:
                    lines[key] = len(values)
                    line = len(values) + 1
                    values.append(elements or [None])
                    cells = iter(f"{get_column_letter(p + 1)}{line}" for p in range(len(elements)))
                    parts = [references[k] if k in whole else next(cells) for k in range(len(args))]
                    formulas.append([rewritten(f"={name}({','.join(parts)})")])
                where[(i, j)] = lines[key]
        flat: list[Any] = []
        if formulas:
            width = max(len(v) for v in values)
            sheet.set_values_batch(1, 1, len(values), width, values)
            out = column + 1
            sheet.set_formulas_batch(1, out, len(formulas), 1, formulas)
            book.evaluate_all()
            results = sheet.get_values(fz.RangeAddress("S", 1, out, len(formulas), out))
            flat = [engine_value(row[0]) if is_error(row[0]) else row[0] for row in results]
        grid = [
            [answers[(i, j)] if (i, j) in answers else flat[where[(i, j)]] for j in range(cols)] for i in range(rows)
        ]
        return grid[0][0] if rows == cols == 1 else grid

    each.__name__ = f"excel_each_{name.replace('.', '_')}"
    return each


for _name, (_low, _high, _whole) in {**ENGINE_LIFTED, **LOOKUPS}.items():
    FUNCTIONS[EACH + _name] = Function(EACH + _name, lifted(_name, _whole, _name in LOOKUPS), _low, _high)
    if _whole:
        WHOLE_ARGUMENTS[_name] = _whole
