"""The engine itself: formualizer loaded with a workbook's settings and every registry function, and values
converted between the engine and cells (:mod:`xl_retention.cells`).

Each registry function is registered as a formualizer function that converts formualizer's values to cell values
and calls :func:`xl_retention.cells.evaluate` (plain numbers go straight to the core): the same Excel semantics as
the xlwings layer, from the same registry. :func:`load` reads the file with the workbook's date system and
iterative-calculation settings (:mod:`.package`), its array members' stale values removed, and puts back the cell
values the engine's reader does not take (ISO dates, Excel 365's newer error values).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import zipfile
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

import formualizer as fz
import numpy as np

from ..cells import CellError, evaluate, number_caller, without_trailing_empties
from ..registry import FUNCTIONS, ExcelFunction
from . import excel_functions
from .denormals import _SMALLEST, unflushed
from .denormals import _STATE as _FLUSHING
from .engine_writes import with_formulas, worksheet_names
from .excel_functions._core import CARRIED, ERROR_KINDS, carried
from .package import PackageInfo, without_members
from .reasons import REASONS

__all__ = [
    "ARITHMETIC",
    "CIRCULAR",
    "column_calls",
    "engine_literal",
    "engine_package",
    "excel_code",
    "forget_column_calls",
    "from_engine",
    "load",
    "max_xml_mb",
    "with_formulas",
    "worksheet_names",
]

# formualizer's error kinds -> Excel's codes (those of the registered functions, and the engine's own)
_CODES = {
    **ERROR_KINDS,
    "#div/0!": "#DIV/0!",
    "circ": "#CIRC",  # a circular reference: Excel has no error code for it
    "getting_data": "#GETTING_DATA",
}
CIRCULAR = "#CIRC"


def excel_code(kind: str) -> str:
    """formualizer's error kind (``"Div"``, ``"#DIV/0!"``) as Excel's code (``"#DIV/0!"``)."""
    key = kind.strip().lower()
    if key in ("cancelled", "#cancelled!"):  # a newer error value (.newer_errors)
        return carried("#CANCELLED!")
    return _CODES.get(key, _CODES.get(key.strip("#!?"), kind if kind.startswith("#") else f"#{kind.upper()}!"))


_EPOCH = dt.datetime(1899, 12, 30)
_PLAIN = frozenset((float, int, str, bool, type(None)))
_NUMBERS = frozenset((float, int))
_EMPTY_ROW = [None]  # an empty row of a one-column range, as the engine passes it


def from_engine(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return CellError("#NUM!", "the result is not a finite number")
    if isinstance(value, dt.time):  # a time of day: Excel's fraction of a day
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400
    if isinstance(value, dt.date):  # dates are serial numbers in the cell
        moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
        return (moment - _EPOCH).total_seconds() / 86400
    if isinstance(value, dict) and value.get("type") == "Error":
        return CellError(excel_code(str(value.get("kind", "Value"))))
    if isinstance(value, list):
        rows = value if set(map(type, value)) == {list} else [r if isinstance(r, list) else [r] for r in value]
        if set(map(type, chain.from_iterable(rows))) <= _PLAIN:
            return rows  # numbers, text, booleans and blanks need no conversion
        return [[from_engine(v) for v in row] for row in rows]
    return value


def _to_engine(value: Any) -> Any:
    if isinstance(value, CellError):
        return {"type": "Error", "kind": value.code}
    if value is None:
        return ""  # a blank result: formualizer would show None as 0
    if isinstance(value, list):
        return [[_to_engine(v) for v in row] for row in value]
    return value


_KINDS = {"#DIV/0!": "Div", "#VALUE!": "Value", "#N/A": "Na", "#NAME?": "Name", "#NUM!": "Num", "#REF!": "Ref"}
_KINDS.update({"#NULL!": "Null", "#SPILL!": "Spill", "#CALC!": "Calc", CIRCULAR: "Circ"})


def engine_literal(value: Any) -> Any:
    """A cell value (from the file or a callback) as a value formualizer's set_value takes."""
    if isinstance(value, dict) and value.get("type") == "Error":
        value = CellError(excel_code(str(value.get("kind", "Value"))))
    if isinstance(value, CellError):
        kind = _KINDS.get(value.code) or ("Cancelled" if value.code in CARRIED else "Value")  # .newer_errors
        return fz.LiteralValue.error(kind, value.message or value.code)
    if isinstance(value, list):
        return engine_literal(value[0][0] if value and isinstance(value[0], list) else (value[0] if value else None))
    return value


#: a plain-number call's result or argument outside these (or 0 as a result, or not a number) may come from a step
#: the processor flushed: computed again with IEEE's denormals (.denormals.unflushed)
_TINY, _HUGE = 1e-290, 1e290


def _engine_function(function: ExcelFunction):
    numbers = number_caller(function)  # plain numbers in every argument: straight to the core
    exact = unflushed(numbers) if numbers is not None else None
    name = function.name
    # only sums and differences of moderate arguments and one division (ARITHMETIC) cannot take a denormal step
    # towards a moderate result: every other function of ours (the models' series and quadratures, CLV's product)
    # is computed unflushed, always
    flushed = name in ARITHMETIC
    known = _COLUMN_RESULTS.setdefault(name, {})  # results of a column's calls made at once (column_calls)
    # a column whose blanks the core skips (NPS scores): its empty rows after the last answer are dropped before
    # any conversion (the template's NPS formulas read 1,000 rows a month, mostly empty)
    skipped = frozenset(k for k, spec in enumerate(function.args) if spec.blanks_skipped)

    def call(*args: Any) -> Any:
        if known:  # this call's numbers, a row of a column computed at once: the same float (column_calls)
            try:
                result = known.get(args)
            except TypeError:  # a range (a list) or an error (a dict) among them: not one of those
                result = None
            if result is not None:  # equal to moderate floats: floats, or ints, or True for 1.0 (not a number)
                for value in args:
                    if type(value) is bool:
                        break
                else:
                    return result
        if numbers is not None:
            moderate = True
            for value in args:
                if type(value) is not float and type(value) is not int:
                    break
                if value and not _TINY < abs(value) < _HUGE:
                    moderate = False
            else:
                # ARITHMETIC under the engine's flushing modes (switching them costs more than most calls): where no
                # step can have been a denormal, its result is the core's; else computed again without flushing
                result = numbers(*args) if flushed else None
                if type(result) is not float or not (moderate and _TINY < abs(result) < _HUGE):
                    result = exact(*args)  # type: ignore[misc]
                if type(result) is float:
                    return result
                if REASONS.cell is not None:
                    REASONS.note(name, result)
                return _to_engine(result)
        return general(*args)

    @unflushed  # the core's arithmetic, as outside the engine: only the result flushed (.denormals)
    def general(*args: Any) -> Any:
        if not set(map(type, args)) <= _NUMBERS:
            if skipped:
                args = tuple(
                    without_trailing_empties(a, _EMPTY_ROW) if k in skipped and type(a) is list else a
                    for k, a in enumerate(args)
                )
            args = tuple(from_engine(a) for a in args)
        result = evaluate(function, *args)
        if REASONS.cell is not None and (type(result) is CellError or type(result) is list):
            REASONS.note(name, result)
        return _to_engine(result)

    return call


#: our functions whose core is sums and differences of the arguments and one division (or none): with every argument
#: and the result between 1e-290 and 1e290 in magnitude (and not 0) no step is a denormal (a sum or difference of
#: such numbers is 0 or at least 2**-1016), so the engine's flushing modes change nothing and their plain-number
#: call runs under them (every other function of ours is computed unflushed: a model's series or quadrature takes
#: steps below 1e-308 towards a moderate result, H160's finding 10; CLV multiplies two arguments, arpa x
#: gross_margin, which may be one). Also the functions whose array call gives each element the float its own call
#: gives, to the bit (numpy's elementwise IEEE arithmetic, as Python's; each element's checks its own): computed a
#: column at a time (:func:`column_calls`; tests/test_engine_column_calls.py compares every one, element by element)
ARITHMETIC = frozenset(
    {
        "CHURN_RATE",
        "CRR",
        "CUSTOMERS_LOST",
        "CUSTOMER_LIFETIME",
        "GROSS_REVENUE_CHURN",
        "GRR",
        "NET_REVENUE_CHURN",
        "NRR",
        "QUICK_RATIO",
        "RETURNING_CUSTOMER_RATE",
        "RETURNING_VISITOR_RATE",
    }
)
#: a call of cell references alone, as a formula's shape (row numbers 0): ``CRR(C0,B0,A0)``
_COLUMN_CALL = re.compile(r"([A-Z_]+)\(([A-Z]{1,3}0(?:,[A-Z]{1,3}0)*)\)")
_CELL = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)")
_COLUMN_RESULTS: dict[str, dict[tuple[Any, ...], float]] = {}
_FEWEST = 16  # a shape of fewer formulas is left to the calls one by one


def column_calls(workbook: fz.Workbook, formulas: dict[str, Any]) -> int:
    """Our arithmetic functions (:data:`ARITHMETIC`) filled down a column, ``=CRR(C2,B2,A2)``..., computed in one
    array call of the core per column before the evaluation, from the engine's values of the cells they read: each
    row's floats and its result kept, so that the engine's call of that row returns it without a call of its own
    (30,000 calls of about 2.5 us each in the 50,000-cell workbook). Returns the results kept.

    What is kept is a pure function of the call's arguments: a result is given to a call with the same floats only,
    whatever cell makes it, so a value read wrongly here costs time, never a wrong result. Kept only where every
    argument is a float within the plain-number call's moderate range and not 0 (0 and -0.0 are equal keys) and the
    result is one too (else the plain-number call's own path, which may compute again without flushing); a block
    the core refuses (a row's error) is halved until its valid rows are found (a budget of array calls: about one
    for every 16 rows), its refused rows left to their own calls (with their own messages). ``formulas``: each
    sheet's :class:`.formula_texts.FormulaTexts`.
    """
    from ..registry import BY_NAME  # noqa: PLC0415  (loaded with the registry already)

    kept = 0
    for sheet, found in formulas.items():
        if ARITHMETIC.isdisjoint(found.called()):  # (the listings after the evaluation read it too)
            continue
        calls = []
        for key, indices in found.shape_groups().items():
            if len(indices) >= _FEWEST and (match := _COLUMN_CALL.fullmatch(key)) and match.group(1) in ARITHMETIC:
                calls.append((match.group(1), indices))
        if not calls:
            continue
        masters = found.master_texts()
        wanted = []  # (function, the rows of the formulas, each argument's row offset and column)
        top, bottom = math.inf, -math.inf
        for name, indices in calls:
            (row, _), text = masters[indices[0]]
            refs = _CELL.findall(text)
            columns = [_column_index(letters) for letters, _ in refs]
            offsets = [int(number) - row for _, number in refs]  # a column filled down: the same for every copy
            rows = [masters[i][0][0] for i in indices]
            low, high = min(rows), max(rows)
            consecutive = rows[0] == low and high - low == len(rows) - 1 and rows == list(range(low, high + 1))
            wanted.append((BY_NAME[name], rows, consecutive, offsets, columns))
            top, bottom = min(top, low + min(offsets)), max(bottom, high + max(offsets))
        top, bottom = int(top), int(bottom)
        read = sorted({column for *_, columns in wanted for column in columns})
        if top < 1 or (bottom - top + 1) * len(read) > _MOST_READ:
            continue
        # the rectangle from the first column to the last in one read, or each column alone when far apart
        spans = [(read[0], read[-1])] if read[-1] - read[0] < 2 * len(read) else [(c, c) for c in read]
        by_column: dict[int, tuple[Any, ...]] = {}
        try:
            for left, right in spans:
                grid = workbook.sheet(sheet).get_values(fz.RangeAddress(sheet, top, left, bottom, right))
                if len(grid) != bottom - top + 1 or set(map(len, grid)) != {right - left + 1}:
                    raise ValueError("not the rows and columns asked")
                by_column.update(zip(range(left, right + 1), zip(*grid, strict=True), strict=True))
        except Exception:  # noqa: BLE001  (the engine cannot say: every call its own)
            continue
        for function, rows, consecutive, offsets, columns in wanted:
            values = []
            for offset, column in zip(offsets, columns, strict=True):
                cells = by_column[column]
                first = rows[0] + offset - top
                if consecutive:  # a slice of the column
                    values.append(list(cells[first : first + len(rows)]))
                else:
                    picked = itemgetter(*[r + offset - top for r in rows])(cells)
                    values.append(list(picked) if len(rows) > 1 else [picked])
            kept += _kept_results(function, values)
    return kept


_MOST_READ = 5_000_000
_MOST_KEPT = 1_000_000


def _column_index(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _kept_results(function: ExcelFunction, values: list[list[Any]]) -> int:
    """Keep ``function``'s results for the rows of ``values`` (one list per argument) whose arguments are all
    moderate floats (:func:`column_calls`); the number kept."""
    count = len(values)
    specs = function.args
    if count < sum(not a.optional for a in specs) or count > len(specs):
        return 0
    columns = []
    usable = np.ones(len(values[0]), dtype=bool)
    for column in values:
        if set(map(type, column)) != {float}:  # a blank, a text, a boolean, an error: that row its own call
            floats = np.fromiter((type(v) is float for v in column), dtype=bool, count=len(column))
            usable &= floats
            column = [v if type(v) is float else 1.0 for v in column]
        array = np.array(column, dtype=np.float64)
        magnitude = np.abs(array)
        usable &= (magnitude > _TINY) & (magnitude < _HUGE)
        columns.append(array)
    if not usable.any():
        return 0
    defaults = tuple(a.default for a in specs[count:])
    known = _COLUMN_RESULTS.setdefault(function.name, {})
    before = len(known)
    rows = int(usable.sum())
    if sum(map(len, _COLUMN_RESULTS.values())) + rows > _MOST_KEPT:  # a dict entry is about 250 bytes
        return 0
    whole = rows == len(usable)  # every row: its keys are the values read (the same floats as the arrays')
    chosen = columns if whole else [array[usable] for array in columns]
    _computed(function.func, chosen, defaults, known, [16 + rows // 16], values if whole else None)
    return len(known) - before


def _computed(
    func: Any,
    columns: list[np.ndarray],
    defaults: tuple[Any, ...],
    known: dict,
    budget: list[int],
    lists: list[list[float]] | None = None,
) -> None:
    """``func``'s results of the rows of ``columns`` into ``known``; a block refused is halved down to its rows
    while ``budget`` (array calls left) lasts: the refused rows, and the others when it runs out, are left to their
    own calls. ``lists``: ``columns`` as lists of floats, when at hand."""
    if budget[0] <= 0:
        return
    budget[0] -= 1
    try:
        result = np.asarray(func(*columns, *defaults), dtype=np.float64)
    except Exception:  # noqa: BLE001  (a row's error: found by halving, given by its own call)
        size = len(columns[0])
        if size > 1:
            middle = size // 2
            _computed(func, [c[:middle] for c in columns], defaults, known, budget)
            _computed(func, [c[middle:] for c in columns], defaults, known, budget)
        return
    if result.shape != columns[0].shape:
        return
    magnitude = np.abs(result)
    good = (magnitude > _TINY) & (magnitude < _HUGE)
    if lists is not None and good.all():
        known.update(zip(zip(*lists, strict=True), result.tolist(), strict=True))
        return
    keys = zip(*[c[good].tolist() for c in columns], strict=True)
    known.update(zip(keys, result[good].tolist(), strict=True))
    zero = result == 0
    if zero.any():  # =CRR(A2,A2,B2): 0, or a step flushed to 0 (the plain-number call computes it again unflushed)
        _zeros(func, [c[zero] for c in columns], defaults, known)


def _zeros(func: Any, columns: list[np.ndarray], defaults: tuple[Any, ...], known: dict) -> None:
    """The rows of ``columns`` whose result the core gives as 0 with IEEE's denormals at every step too (the array
    call made again :func:`.denormals.unflushed`): kept as 0.0, the float the plain-number call gives them (it
    computes a 0 result again unflushed, a denormal or -0.0 given as 0.0), one array call, not one call each through
    the core's general path (800 of the 50,000-cell benchmark's rows, bench/README.md). Only while the engine's
    modes are set (:func:`.denormals.flushing`; elsewhere that call gives the core's own 0, -0.0 too)."""
    if getattr(_FLUSHING, "envs", None) is None:
        return
    try:
        again = np.asarray(unflushed(func)(*columns, *defaults), dtype=np.float64)
    except Exception:  # noqa: BLE001  (each row its own call)
        return
    if again.shape != columns[0].shape:
        return
    zero = np.abs(again) < _SMALLEST
    keys = zip(*[c[zero].tolist() for c in columns], strict=True)
    known.update(zip(keys, repeat(0.0)))


def forget_column_calls() -> None:
    """Drop the results :func:`column_calls` kept (at the end of a workbook's computation)."""
    for known in _COLUMN_RESULTS.values():
        known.clear()


def max_xml_mb() -> float:
    """The largest XML, in megabytes, the engine's reader takes (the whole package's, and one sheet's): 4,096 or
    ``XL_RETENTION_MAX_XML_MB`` (a positive number; empty means the default). Its own defaults are far lower.

    Raises:
        ValueError: the variable is not a positive number, naming it and its value.
    """
    text = os.environ.get("XL_RETENTION_MAX_XML_MB", "").strip()
    if not text:
        return 4096.0
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (value > 0 and math.isfinite(value)):
        raise ValueError(f"XL_RETENTION_MAX_XML_MB must be a positive number of megabytes, got {text!r}")
    return value


def engine_package(path: str | Path, info: PackageInfo) -> bytes | str:
    """What the engine reads of the file at ``path``: the package :func:`.package.without_members` makes, or the
    file's own path when that is the file itself."""
    stripped = without_members(str(path), info)
    return str(path) if stripped is None else stripped


def load(
    path: str | Path,
    info: PackageInfo | None = None,
    own: frozenset[str] = frozenset(),
    package: bytes | str | None = None,
) -> fz.Workbook:
    """The workbook at ``path`` in formualizer, with every registry function registered but those named in ``own``
    (upper case: the workbook's own LAMBDA names, which its formulas mean where Excel reads them). ``package``: what
    to read instead (:func:`engine_package`'s answer, or :func:`with_formulas`', rewritten formulas written in).

    ``info`` (from :func:`.package.scan`) sets the date system and iterative calculation as the
    workbook's own settings say; cycles are detected at run time, so that a reference in a branch
    not taken (``CHOOSE(2, A1, "x")`` in A1) is not a cycle.
    """
    config = fz.EvaluationConfig()
    config.enable_parallel = False  # faster for Python functions, which hold the GIL anyway
    config.cycle_detection = "runtime"
    if info is not None:
        config.date_system = "1904" if info.date1904 else "1900"
        if info.iterate:
            config.cycle_policy = "iterate"
            config.iterate_max_iterations = max(1, info.iterate_count)
            config.iterate_max_change = info.iterate_delta
    if info is not None and info.not_number is not None:  # the engine's reader fails, or reads NaN: said first
        from .damage import not_number_reason  # noqa: PLC0415

        raise ValueError(not_number_reason(Path(path).name, *info.not_number))
    if package is None:
        package = engine_package(path, info) if info is not None else str(path)
    limit = int(max_xml_mb() * (1 << 20))
    limits = {"max_expanded_bytes": limit, "max_part_bytes": limit}
    settings = fz.WorkbookConfig(eval_config=config)
    try:
        if isinstance(package, bytes):  # array members' stored values removed, or rewritten formulas written in
            workbook = fz.Workbook.from_bytes(package, config=settings, load_limits=limits)
        else:
            workbook = fz.Workbook.load_path(package, config=settings, load_limits=limits)
    except Exception as error:
        from .damage import damage  # what is damaged, in words naming the sheet or cell (the reader's are its own)

        raise ValueError(damage(path) or _load_message(Path(path), error)) from None
    for function in FUNCTIONS:  # before the first evaluation, or formulas keep #NAME?
        if function.name in own:
            continue
        required = sum(not a.optional for a in function.args)
        workbook.register_function(
            function.name, _engine_function(function), min_args=required, max_args=len(function.args)
        )
    workbook.set_temporal_egress("serial")  # dates and times as Excel's serial numbers, in the workbook's system
    for sheet, dates in (info.iso_dates if info is not None else {}).items():  # t="d" cells: numbers, as in Excel
        for (r, c), serial in dates.items():
            workbook.set_value(sheet, r, c, serial)
    newer = info.newer_errors if info is not None else {}
    codes = {code for errors in newer.values() for code in errors.values()}  # those without a kind: #CANCELLED!
    for sheet in info.newer_errors_in if info is not None else ():  # WEBSERVICE's #BLOCKED!, kept if listed
        codes.update(c.cached.code for c in info.formulas.get(sheet, {}).values() if type(c.cached) is CellError)
    CARRIED[:] = sorted(code for code in codes if code not in _KINDS)
    for sheet, errors in newer.items():  # #CALC!, #FIELD! typed in: put back
        for (r, c), code in errors.items():
            workbook.set_value(sheet, r, c, engine_literal(CellError(code)))
    # the Excel functions the engine lacks or computes differently
    excel_functions.register(workbook, date1904=bool(info and info.date1904))
    return workbook


def _load_message(path: Path, error: Exception) -> str:
    text = str(error)
    if "limit" in text.lower() and _unpacked_mb(path) > max_xml_mb():
        return (
            f"{path.name} is too large for the embedded engine: its XML unpacks to more than {max_xml_mb():g} MB "
            "(the limit; set XL_RETENTION_MAX_XML_MB to raise it, or use --engine excel)"
        )
    missing = _missing_part(path)
    if missing is not None:  # xl/styles.xml named but absent: the engine's own words name no part
        return (
            f"{path.name} is damaged: its part {missing} is missing from the file; the embedded engine cannot read it"
        )
    return f"{path.name}: the embedded engine cannot read it ({text.splitlines()[0] if text else type(error).__name__})"


def _missing_part(path: Path) -> str | None:
    """The workbook's relationships part when the package lacks it, else the first part those relationships name that
    the package lacks (``xl/styles.xml``); None when every one is there or the package cannot be read."""
    from .xlsx_values import _relationships, _resolve

    try:
        with zipfile.ZipFile(path) as package:
            names = {name.lower(): name for name in package.namelist()}
            workbook = "xl/workbook.xml"
            if "_rels/.rels" in names:
                for rel in _relationships(package.read(names["_rels/.rels"])):
                    if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
                        workbook = _resolve("", rel.get("Target", ""))
                        break
            base, leaf = workbook.rpartition("/")[::2]
            rels = f"{base}/_rels/{leaf}.rels" if base else f"_rels/{leaf}.rels"
            if rels.lower() not in names:
                return rels
            for rel in _relationships(package.read(names[rels.lower()])):
                if rel.get("TargetMode") != "External":
                    target = _resolve(base, rel.get("Target", ""))
                    if target and target.lower() not in names:
                        return target
    except Exception:  # noqa: BLE001  (not a package it can read: the engine's words then)
        return None
    return None


def _unpacked_mb(path: Path) -> float:
    """The largest of the package's unpacked size and its parts', in megabytes (0 when it cannot be read)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            sizes = [info.file_size for info in package.infolist()]
    except (zipfile.BadZipFile, OSError):
        return 0.0
    return sum(sizes) / (1 << 20)
