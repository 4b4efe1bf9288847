"""Raw exports into the tracking sheets (``xl-retention import``).

A thin adapter: :mod:`xl_retention.movements` turns subscriptions, orders, survey answers
and visits into monthly tables; this module writes them into a tracking workbook's input
cells, or as CSV files. Every table is computed, and every cell to write is placed, before
anything is written: bad data or a layout it cannot match leaves the workbook byte-identical.

Writing into a workbook (:func:`fill_workbook`) edits the package in place
(:mod:`.inplace`): only the input cells of the months the data covers change; the user's
sheets, columns, formulas, comments, formats, names, charts and VBA stay as they are. Input
columns are found by their header in row 1 (the template's :class:`~.template.Column`
headers), the cohort triangle by its defined name. Where the data runs past the workbook's
last month, the monthly sheets grow in place (see :mod:`.growth`).
"""

from __future__ import annotations

import os
import warnings
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pandas as pd

from .. import movements as mv
from .. import package_kinds as kinds
from .._files import check_not_open, writing_to
from ..reading import sheets_for
from ..reading.notes import collected
from ..reading.observed import period_starts
from ..reading.segment_advice import segment_keyword
from ..reading.subscription_ids import MAPPABLE
from ..tables.existing_customers import ExistingCustomersWarning
from .csv_tables import write_csv
from .existing import existing_note, leave_out_existing
from .fill import Filled, fill_package, number
from .first_month import first_month_notes
from .input_columns import own_map, unread_line, unused_own
from .refunds_since import LeftOut, file_paid_as_before, paid_as_before

_CSV_SUFFIXES = (".csv", ".tsv", ".txt")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other OLE compound files


@dataclass
class Tables:
    """The monthly tables computed from the raw files given (None where no file was given).

    ``survivors``: per signup month, the customers active every month since they joined (the sBG
    model's input); ``sources``: the file each input came from, by kind (``"subscriptions"``, ...).
    """

    movements: pd.DataFrame | None = None
    customer_cohorts: pd.DataFrame | None = None
    revenue_cohorts: pd.DataFrame | None = None
    survivors: pd.DataFrame | None = None
    purchases: pd.DataFrame | None = None
    order_cohorts: pd.DataFrame | None = None
    order_revenue_cohorts: pd.DataFrame | None = None
    visits: pd.DataFrame | None = None
    nps: pd.DataFrame | None = None
    scores: pd.Series | None = field(default=None, repr=False)
    sources: dict[str, Path] = field(default_factory=dict)
    #: (the subscriptions' first month, its customers) when they were left out of the cohorts as pre-existing
    #: (``existing_at_start``, :mod:`xl_retention.workbook.existing`)
    existing: tuple[pd.Period, int] | None = None
    #: every segment's movements (index ``segment, month``) when ``movements`` are one segment's (``--segment
    #: COLUMN=VALUE``): the whole export, which :func:`no_churn_note` checks
    whole_movements: pd.DataFrame | None = field(default=None, repr=False)
    #: what the import tells the user beside the tables (one line each)
    notes: list[str] = field(default_factory=list)
    #: the subscriptions input is intervals (start, end), not monthly snapshots: subscriptions without an end run to
    #: its latest date or current period's start, or to --through (:mod:`.last_month` names those remedies)
    intervals: bool = False
    #: the intervals input's columns of the current period's or term's start, not mapped, read as months it saw
    #: (Chargebee's ``current_term_start``: reading.observed); :mod:`.last_month` names them instead of asking for one
    period_starts: tuple[str, ...] = ()
    #: ``COLUMN=VALUE`` of ``--segment`` when the tables are one segment's (the Dashboard says so: in_progress.py)
    segment: str | None = None
    #: the orders' purchases and cohorts with the orders the export leaves out as unpaid counted as paid (a refresh
    #: takes closed months changed by refunds since: :mod:`.refunds_since`), computed when asked
    paid_as_before: Callable[[], LeftOut | None] | None = field(default=None, repr=False)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The tables to write as CSV, by file stem."""
        names = ("movements", "customer_cohorts", "revenue_cohorts", "survivors", "purchases", "order_cohorts",
                 "order_revenue_cohorts", "visits", "nps")  # fmt: skip
        return {name: getattr(self, name) for name in names if getattr(self, name) is not None}

    def months(self) -> pd.PeriodIndex:
        """Every month any table covers."""
        index = [f.index for f in (self.movements, self.purchases, self.visits, self.nps) if f is not None]
        index += [f.index for f in (self.customer_cohorts, self.survivors, self.order_cohorts) if f is not None]
        index = [i for i in index if len(i)]
        if not index:
            return pd.PeriodIndex([], freq="M")
        return pd.period_range(min(i.min() for i in index), max(i.max() for i in index), freq="M")


def check_package(path: str | os.PathLike[str], role: str = "workbook") -> None:
    """Raise ``ValueError`` with one line naming ``path`` unless it is a readable .xlsx/.xlsm package.

    Told apart: a missing file, a folder, an empty (0-byte) file, an Excel 97-2003 .xls (by its
    content, whatever its name), a CSV or text file, an OpenDocument spreadsheet (also under an
    .xlsx name), a damaged zip and a zip that holds no workbook. ``role`` names what the file
    was given as, e.g. ``"--into workbook"``.
    """
    path = Path(path)
    name = path.name
    if not path.exists():
        raise FileNotFoundError(f"no such file: {path}")
    if path.is_dir():
        raise ValueError(f"{name} is a folder, not a {role}")
    if path.stat().st_size == 0:
        raise ValueError(f"{name} is empty (0 bytes), not a {role}")
    with open(path, "rb") as stream:
        head = stream.read(1 << 16)
    if head[:8] == _OLE_MAGIC:
        if kinds.holds_encryption(path, head):  # the OLE container Excel writes for a password to open
            raise ValueError(kinds.encrypted(name))
        raise ValueError(f"{name} is an Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx")
    if path.suffix.lower() in _CSV_SUFFIXES:
        raise ValueError(f"{name} is a text file ({path.suffix}), not a {role}: give an .xlsx or .xlsm workbook")
    text = not head.startswith(b"PK") and b"\x00" not in head[:4096]
    if text and path.suffix.lower() not in (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods"):
        shown = path.suffix or "no suffix"  # README.md, pyproject.toml: no workbook, nothing to rename it to
        raise ValueError(f"{name} is a text file ({shown}), not a {role}: give an .xlsx or .xlsm workbook")
    if text:  # text under a workbook's name: say what it is
        from ..reading.files import refuse_misnamed  # a CSV file, a web page or Excel's XML Spreadsheet 2003

        refuse_misnamed(path, path.suffix or "(no suffix)")
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            mimetype = package.read("mimetype")[:80] if "mimetype" in names else b""
            if b"opendocument" in mimetype:
                raise ValueError(
                    f"{name} is an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save it as .xlsx "
                    "(Excel 2007-365) in LibreOffice"
                )
            damaged = package.testzip()
            if not damaged and "xl/workbook.bin" in names:  # under any name
                raise ValueError(kinds.binary(name))
            if not damaged and "xl/workbook.xml" in names and kinds.STRICT_NAMESPACE in package.read("xl/workbook.xml"):
                raise ValueError(kinds.strict(name))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        damaged = True
    if damaged or not any(n.lower() == "xl/workbook.xml" for n in names if isinstance(n, str)):
        raise ValueError(f"{name} is not a workbook (not an .xlsx/.xlsm package) or is corrupt")
    if path.suffix.lower() in (".xltx", ".xltm"):
        raise ValueError(kinds.template(name, path.suffix))
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ValueError(f"{name}: a {role} must be named .xlsx or .xlsm, not {path.suffix or '(no suffix)'}")


def load_tables(
    subscriptions: str | os.PathLike[str] | None = None,
    orders: str | os.PathLike[str] | None = None,
    nps: str | os.PathLike[str] | None = None,
    visits: str | os.PathLike[str] | None = None,
    columns: dict[str, str] | None = None,
    sheet: str | Sequence[str] | Mapping[str, str] | None = None,
    options: mv.ReadOptions | None = None,
    *,
    backend: str | None = None,
    connection: str | None = None,
    segment: str | None = None,
    existing_at_start: bool = False,
    input_columns: Mapping[str, Mapping[str, str]] | None = None,
) -> Tables:
    """Read and compute every table; raises :class:`~xl_retention.movements.DataError` on bad data.

    ``columns`` maps our column names to yours, for every file: each file takes the entries that
    apply to it (:func:`~xl_retention.movements.mapping_for`); ``input_columns`` (input -> map) those of one input,
    before them (:mod:`.input_columns`). A file with a header and no data
    rows, or an .xlsx/.xlsm input that is not a workbook package, raises ``DataError`` naming it.
    ``sheet`` and ``options`` say how to read the files:
    :func:`xl_retention.reading.sheets_for` (a bare sheet name applies to the Excel inputs only,
    ``nps=Answers`` to one input) and :class:`xl_retention.reading.ReadOptions` (CSV separator,
    decimal mark, encoding, dates).

    ``backend`` (``"pandas"``, ``"duckdb"``, ``"spark"``, ``"postgres"``), ``connection`` and ``segment``
    (``COLUMN`` or ``COLUMN=VALUE``): the tables by an engine, per segment, inputs as ``table:NAME``
    (:func:`xl_retention.relational.load.load_tables`, which this hands over to).

    ``existing_at_start``: the customers active in the subscriptions' first month joined before the data starts
    (an export of the last months of an older business): their cohort is left out of the cohort tables, kept in
    the monthly counts (:func:`xl_retention.workbook.existing.leave_out_existing`). Without it, a first month
    far above the later months' new customers adds a note to ``Tables.notes``.
    """
    if existing_at_start and subscriptions is None:
        raise ValueError("--existing-at-start goes with --subscriptions: it leaves the customers active in their "
                         "first month out of the subscription cohorts")  # fmt: skip
    with collected() as read_notes, segment_keyword():  # a guess the reading took (amounts read as cents: notes);
        # refusals name segment= (reading.segment_advice)
        tables = _load(subscriptions, orders, nps, visits, columns, sheet, options, backend, connection, segment,
                       input_columns)  # fmt: skip
    tables.notes.extend(read_notes)
    tables.segment = segment if segment is not None and "=" in segment else None
    if existing_at_start:
        leave_out_existing(tables)
    elif (note := existing_note(tables)) is not None:
        tables.notes.append(note)
    tables.notes.extend(first_month_notes(tables))  # orders' and visits' first month: returning ones unknown
    if (note := in_progress_note(tables)) is not None:
        tables.notes.append(note)
    if (note := no_churn_note(tables)) is not None:
        tables.notes.append(note)
    return tables


#: months with customers and nobody lost after which the import says an export may hold active subscriptions only
NO_CHURN_MONTHS = 3
#: customers at the start of those months, added up, below which a run without a loss before the first one says
#: nothing (a churn of 5% a month loses one customer in 20 such customer-months)
NO_CHURN_AT_RISK = 20


def no_churn_note(tables: Tables) -> str | None:
    """A note when the subscriptions lose no customer in :data:`NO_CHURN_MONTHS` months or more with customers: an
    export filtered to active subscriptions (Stripe's dashboard, Status = active) has no one who left, and churn
    reads 0 every month. Also when its losses come only after such a run (of :data:`NO_CHURN_AT_RISK` customers
    at its months' starts or more), from the month of its last new customer on: a list of "live" subscriptions
    (active ones and those cancelled whose service has not ended yet, the default of Recurly's and Chargebee's
    subscription lists) loses only those cancelled at the export's date, and those who left before are missing.
    And when nobody is a customer at the end (an export of cancelled subscriptions only). None otherwise (a
    business that loses customers before its last new one joined). The tables of one segment are checked by the
    whole export's movements (``Tables.whole_movements``): a segment that lost nobody says nothing of the export.

    >>> import pandas as pd
    >>> months = pd.PeriodIndex(["2026-01", "2026-02", "2026-03"], freq="M", name="month")
    >>> moves = pd.DataFrame({"lost": [0, 0, 0], "customers_end": [5, 7, 9]}, index=months)
    >>> no_churn_note(Tables(movements=moves, sources={"subscriptions": Path("subs.csv")}))[:52]
    'no customer was lost in the 3 months of subs.csv: if'
    >>> no_churn_note(Tables(movements=moves.assign(lost=[0, 1, 0]))) is None
    True
    >>> other = pd.concat({"Pro": moves, "Basic": moves.assign(lost=[0, 0, 1])}, names=["segment"])
    >>> no_churn_note(Tables(movements=moves, whole_movements=other)) is None  # lost in another segment
    True
    >>> live = pd.DataFrame({"gained": [8, 4, 4, 0], "lost": [0, 0, 0, 2], "customers_end": [8, 12, 16, 14]},
    ...                     index=pd.period_range("2026-01", periods=4, freq="M", name="month"))
    >>> no_churn_note(Tables(movements=live))[:64]
    'no customer was lost in 2026-01 to 2026-03 of the subscriptions '
    >>> no_churn_note(Tables(movements=live.assign(gained=[8, 4, 4, 1], lost=[0, 0, 1, 2]))) is None
    True
    >>> no_churn_note(Tables(movements=live.assign(customers_end=[3, 5, 7, 5]))) is None  # 8 at risk: too few
    True
    >>> no_churn_note(Tables(movements=live.assign(lost=[0, 1, 3, 5], customers_end=[3, 4, 3, 0])))[:61]
    'every customer of the subscriptions is lost by its last month'
    """
    moves = tables.movements if tables.whole_movements is None else tables.whole_movements
    if moves is None or not len(moves) or "lost" not in moves or "customers_end" not in moves:
        return None
    wanted = [c for c in ("gained", "lost", "customers_end") if c in moves]
    if isinstance(moves.index, pd.MultiIndex):
        moves = moves[wanted].groupby(level="month", sort=True).sum()
    else:
        moves = moves[wanted].sort_index()
    source = tables.sources.get("subscriptions")
    name = source.name if isinstance(source, Path) else "the subscriptions"
    lost = moves["lost"].to_numpy() > 0
    months = int((moves["customers_end"] > 0).sum())
    if not lost.any():
        if months < NO_CHURN_MONTHS:
            return None
        return (
            f"no customer was lost in the {months} months of {name}: if the export holds only active subscriptions "
            f"(a status filter), those who left are missing and churn reads 0; export every subscription, ended ones "
            f"too"
        )
    if months >= NO_CHURN_MONTHS and int(moves["customers_end"].iloc[-1]) == 0:  # nobody stays: cancelled ones only
        return (
            f"every customer of {name} is lost by its last month, {moves.index[-1]}, and none is active: if the "
            f"export holds only cancelled or ended subscriptions (a status filter), the active ones are missing and "
            f"churn reads too high; export every subscription, active ones too"
        )
    first_loss = int(lost.argmax())
    before = moves.iloc[:first_loss]
    run = before[before["customers_end"] > 0]
    at_risk = int(before["customers_end"].shift(fill_value=0).clip(lower=0).sum())  # customers at each month's start
    if len(run) < NO_CHURN_MONTHS or at_risk < NO_CHURN_AT_RISK or "gained" not in moves:
        return None
    gains = (moves["gained"].to_numpy() > 0).nonzero()[0]
    if gains.size and int(gains[-1]) > first_loss:  # a loss before the last new customer: no live list
        return None
    losing = moves.index[lost]
    after = f"{losing[0]}" if len(losing) == 1 else f"{losing[0]} to {losing[-1]}"
    joined = f", none before its last new customer joined ({moves.index[gains[-1]]})" if gains.size else ""
    return (
        f"no customer was lost in {run.index[0]} to {run.index[-1]} of {name} ({len(run)} months), only in "
        f"{after}{joined}: if the export holds only active subscriptions and cancelled "
        f"ones not ended yet (a status filter, a billing system's list of live subscriptions), those who left "
        f"before are missing and churn reads 0; export every subscription, ended ones too"
    )


def in_progress_note(tables: Tables, today: Any = None) -> str | None:
    """A note when the tables' last month is the current month (``today``'s, default the run's): a month still in
    progress counts only what happened so far (subscriptions: its churn; orders: its purchases; visits: its
    visitors; NPS: its answers), and the tracker's latest figures read it (docs/metrics.md counts the current month
    itself). None otherwise.

    >>> import pandas as pd
    >>> moves = pd.DataFrame({"new": [3, 1]}, index=pd.PeriodIndex(["2026-10", "2026-11"], freq="M", name="month"))
    >>> in_progress_note(Tables(movements=moves), today="2026-11-30")[:60]
    'the last month, 2026-11, is the current month, still in prog'
    >>> in_progress_note(Tables(movements=moves), today="2026-12-01") is None
    True
    >>> nps = pd.DataFrame({"responses": [4, 1]}, index=pd.PeriodIndex(["2026-10", "2026-11"], freq="M", name="month"))
    >>> in_progress_note(Tables(nps=nps), today="2026-11-02").split("progress: ")[1][:72]
    "its NPS is of the answers so far (1 answer), and the tracker's latest fi"
    """
    from ..tables.subscriptions import current_month

    now = pd.Period(ordinal=current_month(today), freq="M")
    last, current = None, []
    what = (
        (tables.movements, "its churn is only the churn so far"),
        (tables.purchases, "its purchases are only those so far"),
        (tables.visits, "its visitors are only those so far"),
        (tables.nps, "its NPS is of the answers so far"),
    )
    for frame, said in what:
        if frame is None or not len(frame) or "month" not in (frame.index.names or []):
            continue
        months = frame.index.get_level_values("month")
        latest = pd.Period(months.max(), freq="M")
        last = latest if last is None or latest > last else last
        if latest == now:
            if frame is tables.nps and "responses" in frame.columns and frame.index.nlevels == 1:
                answers = int(frame.loc[months == latest, "responses"].sum())
                said += f" ({answers} answer{'s' if answers != 1 else ''})"
            current.append(said)
    if last != now:
        return None
    churn = " and churn averages" if tables.movements is not None and len(tables.movements) else ""
    return (
        f"the last month, {now}, is the current month, still in progress: {'; '.join(current)}, and the "
        f"tracker's latest figures{churn} read it until it ends; {now - 1} is the last full month "
        f"(add --through {now - 1} to stop there, or import again after {now} ends for its final figures)"
    )


def _load(
    subscriptions: Any, orders: Any, nps: Any, visits: Any, columns: dict[str, str] | None, sheet: Any,
    options: mv.ReadOptions | None, backend: str | None, connection: str | None, segment: str | None,
    input_columns: Mapping[str, Mapping[str, str]] | None = None,
) -> Tables:  # fmt: skip
    """:func:`load_tables` without the cohorts' first-month rule."""
    options = replace(options or mv.ReadOptions(), refuse_missing_months=True)  # files are exports: see ReadOptions
    tables_named = any(str(v).startswith("table:") for v in (subscriptions, orders, nps, visits) if v is not None)
    if (backend is not None and backend != "pandas") or segment is not None or connection is not None or tables_named:
        if input_columns:
            given_as, own = next(iter(input_columns.items()))
            ours, yours = next(iter(own.items()))
            raise ValueError(
                f"--columns {given_as}:{ours}={yours}: an input's own column map is read by the default engine only "
                "(no --backend, --connection, --segment or table: inputs); give the map for every input "
                f"({ours}={yours}) or import that input in a run of its own"
            )
        from ..relational.load import load_tables as load_relational  # engines, segments, a database's tables

        tables = load_relational(subscriptions, orders, nps, visits, columns, sheet, options,
                                 backend=backend or "pandas", connection=connection, segment=segment)  # fmt: skip
        if orders is not None and segment is None and not str(orders).startswith("table:"):  # refunds since: a file
            tables.paid_as_before = partial(file_paid_as_before, orders, columns, sheet, options)
        return tables
    options = options or mv.ReadOptions()
    sheets = sheets_for(sheet, {"subscriptions": subscriptions, "orders": orders, "nps": nps, "visits": visits})
    known = {name for required, optional in mv.SCHEMAS.values() for name in (*required, *optional)}
    known |= {name for names in MAPPABLE.values() for name in names}  # a snapshots file's subscription_id
    unknown = sorted((set(columns or {}) | {o for own in (input_columns or {}).values() for o in own}) - known)
    if unknown:
        raise mv.DataError(f"unknown column name {unknown[0]!r} in the column map; known: {', '.join(sorted(known))}")

    def read(path: str | os.PathLike[str], kind: str) -> tuple[pd.DataFrame, str]:
        source = Path(path).name
        if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
            try:
                check_package(path, "workbook")
            except ValueError as error:
                raise mv.DataError(str(error), source=source) from None
        df = mv.read_table(path, sheets[kind], sep=options.sep, encoding=options.encoding)
        read_sources.append(source)
        if df.empty:
            raise mv.DataError(f"{source}: no data rows (only a header)", source=source)
        return df, source

    used: set[str] = set()
    read_sources: list[str] = []
    #: per input read: its file's name, the keys of its columns, the names its kinds read (input_columns)
    inputs_read: dict[str, tuple[str, set[str], set[str]]] = {}

    def maps(df: pd.DataFrame, kind: str, given_as: str) -> dict[str, str]:  # this file's --columns, noted as used
        own = own_map(df, input_columns, given_as, kind)
        mapping = mv.mapping_for(df, {k: v for k, v in (columns or {}).items() if k not in own}, kind)
        present = {mv.key(c) for c in df.columns}
        used.update(ours for ours, yours in mapping.items() if mv.key(yours) in present)
        source, _, names = inputs_read.get(given_as, (read_sources[-1], present, set()))
        required, optional = mv.SCHEMAS[kind]
        inputs_read[given_as] = (source, present, names | {*required, *optional, *MAPPABLE.get(kind, ())})
        return mapping | own

    tables = Tables()
    given = {"subscriptions": subscriptions, "orders": orders, "nps": nps, "visits": visits}
    tables.sources = {kind: Path(path) for kind, path in given.items() if path is not None}
    if subscriptions is not None:
        df, source = read(subscriptions, "subscriptions")
        with warnings.catch_warnings():  # the import says it in a note of its own (.existing), not as a warning
            warnings.simplefilter("ignore", ExistingCustomersWarning)
            if mv.subscription_kind(df, maps(df, "intervals", "subscriptions")) == "intervals":
                columns_read = maps(df, "intervals", "subscriptions")
                tables.intervals = True
                tables.period_starts = period_starts(df.columns, columns_read)  # current_term_start (.last_month)
                df = mv.snapshots_from_intervals(df, columns=columns_read, source=source, options=options)
                sub = mv.subscription_tables(df, source=source)
            else:
                columns_read = maps(df, "snapshots", "subscriptions")
                sub = mv.subscription_tables(df, columns=columns_read, source=source, options=options)
        tables.movements, tables.customer_cohorts, tables.revenue_cohorts = sub[:3]
        tables.survivors = getattr(sub, "survivors", None)
    if orders is not None:
        df, source = read(orders, "orders")
        mapped = maps(df, "orders", "orders")
        tables.purchases, tables.order_cohorts, tables.order_revenue_cohorts = mv.order_tables(
            df, columns=mapped, source=source, options=options
        )
        tables.paid_as_before = partial(paid_as_before, df, mapped, source, options)
    if nps is not None:
        df, source = read(nps, "nps")
        answers = maps(df, "answers", "nps")
        tables.scores = mv.scores_by_month(df, columns=answers, source=source, options=options)
        tables.nps = mv.nps_by_month(df, columns=answers, source=source, options=options)
    if visits is not None:
        df, source = read(visits, "visits")
        tables.visits = mv.returning_visitors(df, columns=maps(df, "visits", "visits"), source=source, options=options)
    if (refusal := unused_own(input_columns, inputs_read)) is not None:
        raise mv.DataError(refusal)
    unused = {ours: yours for ours, yours in (columns or {}).items() if ours not in used}
    if unused:
        raise mv.DataError(unread_line(*next(iter(unused.items())), inputs_read))
    return tables


def fill_workbook(
    path: str | os.PathLike[str], tables: Tables, replace_typed: bool = False, recalc: bool = False
) -> Filled:
    """Write ``tables`` into the input cells of the tracking workbook at ``path``, in place.

    Only the input cells of the months the data covers are written (a value there that differs from the data, typed
    by hand or by an earlier import, refuses unless ``replace_typed``: then it is replaced, and listed in the result
    with its old value); every other cell, sheet, comment, format, name,
    chart and the VBA project stay byte for byte, except the formulas' stored results: computed from the old
    inputs, they are cleared in the same save (``Filled.cleared`` counts them; Excel recalculates on open,
    :func:`xl_retention.recalculation.recalc_file` stores new ones). Months past the workbook's last month are
    added at the end of every monthly sheet (with the template's formulas; names, chart series,
    validations and conditional formats stretched to cover them). Raises ``ValueError`` with one
    line, the file untouched, when: ``path`` is not a readable .xlsx/.xlsm (:func:`check_package`) or is open
    in Excel or LibreOffice (their lock file beside it: ``PermissionError``),
    a sheet or a header the data needs is missing, the data starts before the workbook's first
    month, hand-typed months meet the imported ones inconsistently (phantom lost customers at
    the seam), a cell is in the way of the new months, or values would be replaced (not ``replace_typed``).

    The charts' cached points (drawn by programs that do not calculate) are dropped with the results, unless
    ``recalc``: the caller recalculates next (:func:`xl_retention.recalculation.recalc_file` sets them anew).

    Example: ``fill_workbook("tracker.xlsx", load_tables(subscriptions="subs.csv"))``.
    """
    path = Path(path)
    check_package(path, "workbook")
    check_not_open(path)  # Excel's next save would undo the import
    try:
        with writing_to(path), warnings.catch_warnings():  # a failed write said of `path`; openpyxl reads the
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")  # layout only: "Sparkline Group
            filled = fill_package(path, tables, replace_typed, recalc)  # extension ... will be removed" is not so
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError) as error:  # a part the layout needs is broken
        raise ValueError(f"{path.name}: cannot read the workbook's layout ({type(error).__name__}: {error})") from None
    revenue = tables.order_revenue_cohorts
    if revenue is not None and len(revenue):  # the tracker has no cell for it: said, not left to be assumed
        filled.notes.append(
            f"order revenue not written: {path.name} has no place for it (its orders are counts of buyers and "
            "customers, and the order cohorts); --to-csv DIR writes it per cohort and month (order_revenue_cohorts.csv)"
        )
    return filled


__all__ = ["Filled", "Tables", "check_package", "fill_workbook", "load_tables", "number", "write_csv"]
