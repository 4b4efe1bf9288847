"""Batch recalculation: every formula computed, and stored as the cells' cached values.

:func:`recalc` takes workbooks (or folders of them), computes every formula with an
engine, and writes each result beside its input as ``NAME.recalc.xlsx`` (or into
``output_dir``, or over the input with ``in_place=True``, by an atomic replace after a
successful recalculation, and only if no other program saved the input meanwhile). The
input is never modified otherwise. A file that cannot be read, or has a true circular
reference (named by its cells), gets a one-line error in the report; the other files of
the batch still complete.

Each file's status: ``ok`` (every formula computed; ``errors`` lists the cells whose own
formulas give an Excel error such as ``#DIV/0!``, but not a ``#N/A`` the formula asks for with
``NA()``, the usual gap in a chart), ``incomplete`` (written, but the engine
could not compute some cells faithfully and has no current value for them: ``unsupported`` names
each cell, the function and the reason; or gives a ``#REF!``/``#NAME?`` it finds no cause for where Excel stored
another value or none: :func:`.unexplained_refs.unvouched_line`) or ``failed`` (nothing written). A cell whose function
the engine lacks keeps the value Excel stored in the file and is listed in ``unsupported`` with
``kept=True``; the file stays ``ok`` when every such cell has one, unless the caller says the
stored values are stale (``stored_current=False``: ``import --into --recalc`` has just written inputs).
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
import time
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .._imports import sha256
from ..cells import CellError
from .batch_inputs import (
    WORKBOOK_NAMES,
    check_embedded_layout,
    check_readable,
    distinct,
    expand,
    output_path,
    skipped_folders,
)
from .batch_reports import CellIssue, Engine, FileReport, RecalcReport
from .batch_reports import Status as Status
from .batch_workers import ctrl_c_held, main_left_out, recalc_in_worker, worker_signals
from .google_functions import GOOGLE_FUNCTIONS
from .package_parts import forget_parts
from .result_marks import check_replaceable, result_mark, seal
from .shown_rewrites import as_typed


def _computed(embedded: Any, path: Path, stored_current: bool) -> Any:
    """``embedded.compute`` of the workbook at ``path``; of an unprefixed copy when its XML is written with a
    namespace prefix (:mod:`.prefixed`), which the engine's reader does not read (the values go into ``path``'s own
    XML: the writer reads prefixes)."""
    import tempfile

    from .prefixed import unprefixed

    plain = unprefixed(path)
    if plain is None:
        return embedded.compute(path) if stored_current else embedded.compute(path, stored_current=False)
    with tempfile.TemporaryDirectory(prefix="xl-retention-") as folder:
        copy = Path(folder) / path.name
        copy.write_bytes(plain)
        return embedded.compute(copy, stored_current=stored_current, workbook_path=path)


def _issues(values: dict[str, dict[str, Any]]) -> list[CellIssue]:
    """The error cells among computed ``values``, with the reason an xl-retention function gave (else "")."""
    found = []
    for sheet, cells in values.items():
        for ref, value in cells.items():
            if type(value) is float:  # nearly every cell: skip the attribute look-ups below
                continue
            error = getattr(value, "value", value)
            if isinstance(error, CellError):
                found.append(CellIssue(f"{sheet}!{ref}", error.code, reason=getattr(error, "message", "") or ""))
    return found


def written_address(address: str) -> str:
    """A cell's ``Sheet!A1`` as Excel, INDIRECT and the reasons write it: the sheet quoted where its name needs it.

    >>> written_address("Monthly 2026!A2"), written_address("Sales!EU!A1"), written_address("S!B2")
    ("'Monthly 2026'!A2", "'Sales!EU'!A1", 'S!B2')
    """
    from ..sheet_names import written

    sheet, _, ref = address.rpartition("!")
    return f"{written(sheet)}!{ref}" if sheet and not sheet.startswith("'") else address


def _output_kinds(output: Path) -> tuple[bool, bool]:
    """Whether the written ``output`` has a chart part, and whether its names may hold a tracker's month name
    (``Customers_Months``: what :func:`..workbook.checks.unread_input` looks for); each False spares a workbook of
    the user's own a check that cannot apply, and the import of its module (about 0.01 s of a command's start)."""
    from .chart_series import CHART_PART  # noqa: PLC0415  (as workbook.chart_ranges finds a chart)

    with zipfile.ZipFile(output) as package:
        names = package.namelist()
        charts = any(CHART_PART.fullmatch(name) for name in names)
        tracker = "xl/workbook.xml" not in names or b"_Months" in package.read("xl/workbook.xml")
    return charts, tracker


def _fingerprint(path: Path) -> tuple[int, int, str]:
    """(mtime in ns, size, SHA-256) of a file: what tells that another program saved it."""
    digest = sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    info = path.stat()
    return info.st_mtime_ns, info.st_size, digest.hexdigest()


def _unchanged(path: Path, before: tuple[int, int, str]) -> Callable[[], None]:
    def check() -> None:
        if _fingerprint(path) != before:
            raise ValueError(
                f"{path.name} changed on disk during the recalculation (saved by another program?): "
                "not replaced; recalculate it again"
            )

    return check


#: exceptions that are faults of the program (a half-saved module, a wrong call), never a workbook's: their line says so
#: seconds the command waits for its ended workers to remove their files' hidden folders (a worker deep in the engine
#: answers when the engine next returns to Python); one still running then is killed
_WORKER_ENDS = 30.0
_INTERNAL = (SyntaxError, ImportError, NameError, AttributeError, TypeError, AssertionError)


def _publish(result: Path, output: Path, check: Callable[[], None] | None) -> None:
    """The finished ``result`` copied to ``output`` whole or not at all (:func:`.._files.atomic_output`: an existing
    output's permissions kept, a read-only one refused), ``check`` called just before the replace (it raises, the
    in-place input having changed on disk meanwhile, to leave ``output`` as it was)."""
    from .._files import atomic_output

    with atomic_output(output) as stream, open(result, "rb") as source:
        shutil.copyfileobj(source, stream, 1 << 20)
        if check is not None:
            check()


def _unsupported_line(cells: list[CellIssue], arrays: Mapping[str, str] | None = None) -> str:
    """What the report says of the cells the engine could not compute: those without a current value, with their
    functions, then those keeping Excel's stored value, with theirs (a kept function is never named among the
    others). ``arrays``: the array formulas' first cells among them -> their ranges, whose cells each counts and
    which are named (:mod:`.array_cells`).

    >>> cells = [CellIssue(ref, "unsupported", name, kept=kept) for ref, name, kept in (
    ...     ("S!C1", "FORECAST.ETS", False), ("S!D1", "GET_MRR", True), ("S!E1", "INFO", True))]
    >>> _unsupported_line(cells)  # doctest: +NORMALIZE_WHITESPACE
    '1 cell could not be recalculated (unsupported FORECAST.ETS): it keeps no value stored in the file, or its inputs
    changed since; 2 cells keep the values Excel stored (unsupported GET_MRR, INFO)'
    """
    from .array_cells import cells_counted, in_arrays

    arrays = arrays or {}
    stale = [u for u in cells if not u.kept]
    kept = [u for u in cells if u.kept]
    parts = []
    if stale:
        names = ", ".join(sorted({u.function for u in stale}))
        addresses = [u.address for u in stale]
        count, where = cells_counted(addresses, arrays), in_arrays(addresses, arrays)
        parts.append(
            f"1 cell could not be recalculated (unsupported {names}): it keeps"
            if count == 1
            else f"{count} cells could not be recalculated (unsupported {names}{where}): they keep"
        )
        parts[-1] += " no value stored in the file, or its inputs changed since"
    google = [u for u in kept if u.function in GOOGLE_FUNCTIONS]  # ARRAYFORMULA's values are Google's
    kept = [u for u in kept if u.function not in GOOGLE_FUNCTIONS]
    for cells, who in ((kept, "Excel"), (google, "Google Sheets")):
        if cells:
            names = ", ".join(sorted({u.function for u in cells}))
            addresses = [u.address for u in cells]
            count, where = cells_counted(addresses, arrays), in_arrays(addresses, arrays)
            parts.append(
                f"1 cell keeps the value {who} stored (unsupported {names})"
                if count == 1
                else f"{count} cells keep the values {who} stored (unsupported {names}{where})"
            )
    return "; ".join(parts)


def _openpyxl_quiet(run: Callable[..., FileReport]) -> Callable[..., FileReport]:
    """``run`` without openpyxl's warnings on its reads ("File contains an invalid specification for 0" and "Defined
    names for sheet index 0 cannot be located" of a Strict Open XML workbook, whose report says what to do; "Sparkline
    Group extension is not supported and will be removed": nothing is removed, the file is read only). The command's
    own filter (cli.main) does not reach the worker processes of ``--jobs``, nor a Python caller."""

    @functools.wraps(run)
    def quiet(*args: Any, **kwargs: Any) -> FileReport:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            return run(*args, **kwargs)

    return quiet


@_openpyxl_quiet
def recalc_file(
    path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    engine: str = "embedded",
    in_place: bool = False,
    stored_current: bool = True,
    fall_back: bool = False,
) -> FileReport:
    """Recalculate one workbook into ``output``; never raises, the report says what failed.

    ``output`` may be ``path`` itself only with ``in_place=True``; then the input is replaced
    only if its modification time, size and content are still those it had when read.
    ``stored_current=False`` says the file's stored values predate its inputs (a program just
    wrote them): a cell the engine cannot compute then makes the file ``incomplete``.
    ``engine``: ``"embedded"``, ``"excel"`` or ``"auto"`` (:func:`choose_engine`); any other raises ValueError.
    ``fall_back`` (``auto``'s): where Excel did not compute the workbook's xl-retention functions (``#NAME?``), the
    embedded engine computes it instead (else the file fails naming the cells, nothing saved: :mod:`.excel_udfs`).
    """
    if engine not in ("auto", "excel", "embedded"):
        raise ValueError(f"engine must be auto, excel or embedded, got {engine!r}")
    if engine == "auto":
        engine, fall_back = choose_engine(engine, path), True
    path, output = Path(path), Path(output)
    started = time.perf_counter()
    report = FileReport(str(path), None, "failed", engine)
    fell_back = ""
    staging: tempfile.TemporaryDirectory[str] | None = None
    try:
        if not in_place and output.exists() and output.resolve() == path.resolve():
            raise ValueError(
                f"{path.name}: the output folder {str(output.parent)!r} is the input's own folder, so the output would"
                " replace the input: give another output folder (--output-dir, output_dir=), or replace the input"
                " in place (--in-place, in_place=True)"
            )
        check_readable(path)
        from .month_order import sheets_out_of_order, skipped_month, tracker_rows
        from .overflowed_answers import FEATURE as OVERFLOWED
        from .overflowed_answers import overflowed_cells  # NPS answers below the rows read: no value from them

        tracker = tracker_rows(path)  # a tracker's monthly sheets, read once
        order = sheets_out_of_order(tracker)  # a tracker's months sorted or moved: each start reads another month's
        if order.backwards is not None:  # end, numbers for the wrong months: none is written
            raise ValueError(order.backwards)
        skipped = skipped_month(path, order)  # a month skipped where no row was deleted: a month typed wrong
        if skipped is not None:
            raise ValueError(skipped)
        from .cohort_order import cohorts_out_of_order

        cohorts = cohorts_out_of_order(path)  # the survivors sorted newest first: the tables under them misdated
        if cohorts is not None:
            raise ValueError(cohorts)
        from .._files import check_not_open, not_written, temporary_prefix

        if in_place:  # a workbook open in Excel: its next save would undo the recalculation
            check_not_open(path)
        else:
            check_replaceable(path, output)
            if output.exists():  # an earlier result open in Excel: its next save would undo this one
                check_not_open(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        check = _unchanged(path, _fingerprint(path)) if in_place else None
        # the result is made and checked in a folder of its own, and put at `output` (the input itself in place) by
        # one atomic replace at the end: a file failed by any step leaves the input and an earlier output as they were.
        # That folder is beside `output`: a read-only or full folder fails here, before the computing, and a write
        # that fails is one on the output's disk (not on the temporary folder's)
        try:
            staging = tempfile.TemporaryDirectory(
                prefix=temporary_prefix(output.name), suffix=".tmp", dir=output.parent
            )
        except OSError as error:
            raise not_written(output, error) from error
        final, output = output, Path(staging.name) / output.name
        if engine == "excel":
            from . import excel

            if sys.platform not in ("win32", "darwin"):  # xlwings drives Excel on Windows and macOS only
                raise RuntimeError("engine 'excel' needs Microsoft Excel (Windows or macOS); use 'embedded'")
            from .excel_udfs import FunctionsNotComputed, excel_refusal

            refused = None if fall_back else excel_refusal(path)  # --engine excel: a workbook it cannot compute
            if refused is not None:  # is not given to it (an IFERROR around CRR would read 0, not #NAME?)
                raise RuntimeError(refused)

            try:
                values = excel.recalculate(path, output)
            except FunctionsNotComputed as error:  # Excel without our functions: nothing saved
                if not fall_back:
                    raise
                engine = report.engine = "embedded"
                fell_back = f"Excel did not compute the xl-retention functions in {error.where}"
                fell_back += ": computed with the embedded engine"
            issues = _issues(values) if engine == "excel" else []
        if engine != "excel":
            from . import embedded, engine
            from .xlsx_values import NO_VALUE, write_cached_values

            check_embedded_layout(path)
            computed = _computed(embedded, path, stored_current)
            from .._interrupts import raise_pending

            raise_pending()  # a Ctrl+C or SIGTERM the engine took as a function's failure: the file ends here
            values = computed.values
            issues = _issues(values)  # one pass over every value: the loop's cells here, the errors below
            circular = computed.loop or [i.address for i in issues if i.error == engine.CIRCULAR]
            if circular:  # the loop's cells (Excel's Circular References list), not every cell reading it
                more = f" and {len(circular) - 5} more" if len(circular) > 5 else ""
                loop = f"circular reference: {', '.join(circular[:5])}{more}"  # a tracker sorted newest first: said
                broken = order.broken
                raise ValueError(f"{broken}; its formulas read each other in a circle ({loop})" if broken else loop)
            computed.unsupported += overflowed_cells(path, {(u.sheet, u.ref) for u in computed.unsupported})  # NPS
            from .unexplained_refs import unvouched as unvouched_cells

            # a #REF! no step explains where Excel stored another value; its readers' values (=IFERROR(B1,0)) unsaved
            unvouched, readers = unvouched_cells(path, issues, computed.error_readers, values)
            # cells left without a current value: Excel is asked to compute the workbook when it opens it
            complete = all(u.kept for u in computed.unsupported) and (stored_current or not computed.unsupported)
            complete = complete and unvouched is None
            mark = None if in_place else result_mark(path)  # a rerun may replace this output (.result_marks)
            written = values
            if not complete:  # a cell without a current value stores none: never a placeholder 0 or an old result
                written = {sheet: dict(cells) for sheet, cells in values.items()}
                for u in computed.unsupported:
                    if not u.kept:
                        written.setdefault(u.sheet, {})[u.ref] = NO_VALUE
                for address in readers:  # =IFERROR(B1,0) over the engine's #REF!: its 0 is no value Excel gives
                    sheet, _, ref = address.rpartition("!")
                    written.setdefault(sheet, {})[ref] = NO_VALUE
            stale_charts: list[str] = []  # series whose points could not be brought up to date (.chart_series)
            write_cached_values(
                path, output, written, computed.members, complete=complete, mark=mark,
                chart_areas=computed.chart_areas, stale_charts=stale_charts,
            )  # fmt: skip
            report.unsupported = [
                CellIssue(f"{u.sheet}!{u.ref}", "unsupported", u.function, u.reason, u.kept)
                for u in computed.unsupported
            ]
        from .signatures import drop_signatures

        unsigned = drop_signatures(path, output)  # a signature over parts the values changed: removed, as Excel does
        charts, may_be_tracker = _output_kinds(output)
        if charts:  # the template's line charts cover the months with data
            from ..workbook.chart_ranges import fit_chart_ranges
            from .signatures import CHARTS_FITTED, is_signed

            signed = not unsigned and is_signed(output)
            fit_chart_ranges(output)  # so LibreOffice draws no 0 for months without a figure (Excel: gaps either way)
            if signed and not is_signed(output):  # a signed chart fitted: its signature removed
                unsigned = {CHARTS_FITTED}
        if may_be_tracker:
            from ..workbook.note_rows import fit_note_rows
            from .signatures import is_signed

            if unsigned or not is_signed(output):  # a signed workbook left as signed
                fit_note_rows(output)  # the Lifetime value notes' rows as tall as their texts now (H427's finding 02)
        if not in_place:  # what a rerun may replace: this result, as long as it is unchanged (.result_marks)
            seal(path, output)
        report.formulas = sum(len(cells) for cells in values.values()) + len(report.unsupported)
        asked = computed.asked_na if engine != "excel" else set()
        report.errors = [i for i in issues if i.address not in asked]  # NA(): a chart gap, not an error
        if engine != "excel":  # the error values a dynamic array spills past its first cell, each named
            from ..sheet_names import written as written_sheet

            for sheet, cells in computed.spilled_errors.items():
                for ref, anchor in cells.items():
                    error = computed.members.get(sheet, {}).get(ref)
                    if isinstance(error, CellError) and f"{sheet}!{anchor}" not in asked:
                        why = (  # its own inputs' reason (.element_reasons), else the spill's
                            error.message
                            if error.message.endswith(f"({error.code})")
                            else f"a value of the result {written_sheet(sheet)}!{anchor} spills ({error.code})"
                        )
                        report.errors.append(CellIssue(f"{sheet}!{ref}", error.code, reason=why))
            from .array_errors import classic_array_errors  # a {=..} array's other cells in error

            for address, code, why in classic_array_errors(output, computed.members, computed.spilled_errors):
                report.errors.append(CellIssue(address, code, reason=why))
        if not stored_current:  # inputs changed since the values were stored: a kept value may be stale
            for issue in report.unsupported:
                issue.kept = False
        stale = [u for u in report.unsupported if not u.kept]
        report.status = "incomplete" if stale else "ok"
        arrays: dict[str, str] = {}
        if report.unsupported:  # an array formula's first cell: its whole range left without a value (or kept)
            from .array_cells import array_ranges, over_array

            arrays = array_ranges(output, (u.address for u in report.unsupported))
            for issue in report.unsupported:
                if issue.address in arrays and arrays[issue.address] not in issue.reason:  # unless it names it
                    issue.reason += over_array(issue.address, arrays[issue.address])
        own = [u for u in report.unsupported if u.function != OVERFLOWED]  # those: unread_input's line below says why
        if own:
            report.message = f"{path.name}: {_unsupported_line(own, arrays)}"
            stale = [u for u in own if not u.kept]
            if tracker and stale:  # an input pasted as text ('2,451'): named once, with what to do (H242's 03)
                from .typed_text_inputs import locale_inputs_line

                line = locale_inputs_line(tracker, (u.reason for u in stale if u.function == "locale"))
                report.message = f"{path.name}: {line}; {report.message}" if line else report.message
        if engine != "excel" and stale_charts:  # a chart would show points of the old values: said, never silently
            from .chart_series import stale_line  # noqa: PLC0415

            report.status = "incomplete"
            report.message = f"{path.name}: {stale_line(stale_charts)}" + (
                f"; {report.message}" if report.message else ""
            )
        if engine != "excel" and unvouched is not None:  # the engine's error, not Excel's: no value vouched for (H376)
            report.status = "incomplete"
            report.message = f"{path.name}: {unvouched}" + (f"; {report.message}" if report.message else "")
        from .batch_trackers import check_tracker_file, check_tracker_rows

        check_tracker_rows(report, path, tracker, order, values)  # its months, values typed over, figures misread
        if may_be_tracker:  # an input no formula reads, a sheet copied, an earlier template's formulas, names dropped
            check_tracker_file(report, path, output)
        if unsigned:
            from .signatures import removed_line  # values, or charts alone: said as what changed

            line = removed_line(unsigned)
            report.message = f"{path.name}: {line}" + (f"; {report.message}" if report.message else "")
        _publish(output, final, check)  # every check done: the result replaces `final` (the input, in place)
        report.output = str(final)
        if fell_back:  # auto gave the workbook to Excel, which could not compute it: said
            report.message = f"{path.name}: {fell_back}" + (f"; {report.message}" if report.message else "")
    except Exception as error:  # one line per failed file, naming it; the batch goes on
        from .._files import as_written

        error = as_written(final if staging is not None else output, error)  # a write failed: the output's name, why
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        missing = isinstance(error, ModuleNotFoundError)  # a package not installed: its own words say so
        if isinstance(error, _INTERNAL) and not missing:  # a fault of this program's, not of the workbook: said so
            message = f"an internal error of xl-retention ({type(error).__name__}: {message}), please report it"
        report.message = message if path.name in message else f"{path.name}: {message}"
        report.status = "failed"  # also where a check after the writing failed: never ok beside an error
        report.output = None
    finally:
        if staging is not None:  # removed to its end, a second Ctrl+C inside it raised after
            from .._interrupts import completed

            completed(staging.cleanup)
    for issue in (*report.errors, *report.unsupported):  # 'Monthly 2026'!A2, as the reasons name cells
        issue.address = written_address(issue.address)
        issue.reason = as_typed(issue.reason)  # the formula as typed, not the engine's rewrite (.shown_rewrites)
    report.message = as_typed(report.message)
    forget_parts()  # the parts decompressed once for this workbook (.package_parts)
    report.seconds = round(time.perf_counter() - started, 4)
    return report


def choose_engine(engine: Engine, path: str | os.PathLike[str] | None = None) -> str:
    """``auto``: Excel where xlwings can start it (Windows, macOS), else the embedded engine; for the workbook at
    ``path``, Excel only where it can compute the workbook's xl-retention functions (:func:`.excel_udfs.excel_computes`:
    none called, or Windows' classic add-in with the workbook's ``xlwings_udfs`` module), else the embedded engine."""
    if engine not in ("auto", "excel", "embedded"):
        raise ValueError(f"engine must be auto, excel or embedded, got {engine!r}")
    if engine == "auto":
        from . import excel

        if not excel.available():
            return "embedded"
        from .excel_udfs import excel_computes

        return "excel" if path is None or excel_computes(path) else "embedded"  # else #NAME? for CRR, NPS, ...
    if engine == "excel":
        from . import excel

        if not excel.available():
            raise RuntimeError("engine 'excel' needs Microsoft Excel (Windows or macOS); use 'embedded'")
    return engine


def recalc(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    engine: Engine = "auto",
    output_dir: str | os.PathLike[str] | None = None,
    in_place: bool = False,
    jobs: int | None = None,
    progress: Callable[[FileReport], None] | None = None,
) -> RecalcReport:
    """Recalculate workbooks; see the module docstring.

    ``jobs``: worker processes (None or 1: one after the other; 0: every core; below 0: ValueError).
    ``progress`` is called with each file's report as it completes.

    >>> report = recalc("no/such/file.xlsx", engine="embedded")
    >>> report.ok, report.files[0].message
    (False, 'no such file: no/such/file.xlsx')
    """
    if not isinstance(in_place, bool):  # "no", "false", 0.5: each would replace the input
        raise ValueError(f"in_place must be True or False, got {in_place!r}")
    if output_dir is not None and not isinstance(output_dir, (str, os.PathLike)):
        raise ValueError(f"output_dir must be a folder's path (text or a Path) or None, got {output_dir!r}")
    if in_place and output_dir is not None:
        raise ValueError("give either output_dir or in_place, not both")
    if progress is not None and not callable(progress):
        raise ValueError(f"progress must be a function called with each file's report, or None, got {progress!r}")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0):
        raise ValueError(f"jobs must be a whole number 0 or more (0: every core), got {jobs!r}")
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)  # read twice (a generator too)
    files, repeated = distinct(expand(paths))
    chosen = choose_engine(engine)
    if chosen == "embedded":  # a bad XL_RETENTION_MAX_XML_MB: said once, not as every file's failure
        from .engine import max_xml_mb

        max_xml_mb()
    target_dir = Path(output_dir) if output_dir is not None else None
    if target_dir is not None and target_dir.exists() and not target_dir.is_dir():
        raise ValueError(f"output_dir {str(target_dir)!r} is a file, not a folder")
    if target_dir is not None and not target_dir.exists() and target_dir.suffix.lower() in WORKBOOK_NAMES:
        raise ValueError(  # `--output result.xlsx` (argparse's prefix of --output-dir) would make a folder so named
            f"output_dir {str(target_dir)!r} is a workbook's name, not a folder: the results are written into the"
            " folder under their inputs' names; give a folder (--output-dir DIR), or replace the inputs (--in-place)"
        )
    outputs = [output_path(p, target_dir, in_place) for p in files]
    first_of: dict[Path, Path] = {}
    clashes: dict[int, str] = {}
    for i, (path, out) in enumerate(zip(files, outputs, strict=True)):
        key = out.resolve() if out.parent.exists() else out.absolute()
        if key in first_of:
            clashes[i] = f"{path}: its output {out} is also the output of {first_of[key]}; use separate folders"
        else:
            first_of[key] = path
    workers = (os.cpu_count() or 1) if jobs == 0 else (jobs or 1)
    workers = max(1, min(workers, len(files)))
    reports: list[FileReport | None] = [None] * len(files)
    for i, message in clashes.items():
        reports[i] = FileReport(str(files[i]), None, "failed", chosen, message=message)
        if progress:
            progress(reports[i])
    todo = [i for i in range(len(files)) if i not in clashes]
    if workers == 1 or chosen == "excel":
        for i in todo:
            if engine == "auto" and chosen == "excel":  # Excel only for a workbook it can compute (choose_engine)
                from .excel_udfs import excel_computes

                mine = "excel" if excel_computes(files[i]) else "embedded"
                reports[i] = recalc_file(files[i], outputs[i], mine, in_place, fall_back=True)
            else:
                reports[i] = recalc_file(files[i], outputs[i], chosen, in_place)
            if progress:
                progress(reports[i])
    else:
        import concurrent.futures as futures  # only a batch on several processes needs these
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # the engine's threads don't survive fork
        pool = futures.ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_signals)
        try:
            # the workers start with Ctrl-C blocked (none prints a traceback while importing), and without the
            # caller's main module: a script calling recalc(..., jobs=2) unguarded is not run again in each of them
            with ctrl_c_held(), main_left_out():
                pending = {pool.submit(recalc_in_worker, files[i], outputs[i], chosen, in_place): i for i in todo}
            for done in futures.as_completed(pending):
                i = pending[done]
                reports[i] = done.result()
                if progress:
                    progress(reports[i])
        except BaseException:  # Ctrl-C (or any failure): no file is started after it, and the workers stop now
            workers_now = list((getattr(pool, "_processes", None) or {}).values())
            manager = getattr(pool, "_executor_manager_thread", None)  # shutdown forgets it
            pool.shutdown(wait=False, cancel_futures=True)
            for process in workers_now:  # a worker mid-file is ended: it removes its file's hidden folder
                process.terminate()
            for process in workers_now:  # and the command ends after them: no hidden folder left behind it
                process.join(_WORKER_ENDS)
                if process.is_alive():
                    process.kill()
            # and after the pool's own thread: it closes its wake-up pipe as it ends, and Python's exit wakes it
            # without a lock (CPython 3.11), "Exception ignored ... Bad file descriptor" after the interrupt line
            if manager is not None:
                manager.join(_WORKER_ENDS)
            raise
        pool.shutdown(wait=True)
    done = [r for r in reports if r is not None]
    nothing = "" if files else f"no .xlsx or .xlsm files in {', '.join(repr(str(p)) for p in paths)}"
    if not paths:  # recalc(glob.glob("reports/*.xlsx")) of a pattern matching nothing
        nothing = "no paths given (an empty list): nothing recalculated"
    return RecalcReport(done, repeated + skipped_folders(paths, target_dir), nothing)
