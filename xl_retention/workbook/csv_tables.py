"""The import's monthly tables as CSV files (``xl-retention import --to-csv DIR``): :func:`write_csv`.

Each table is written whole or not at all, as Excel opens it: counts as whole numbers, decimal figures at Excel's 15
significant digits, a text Excel would take for a formula with a leading ``'``; a file the command did not write is
never overwritten (:mod:`.csv_folder` keeps the folder to this run's tables).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._files import atomic_write_all

if TYPE_CHECKING:
    from .importer import Tables

__all__ = ["COUNT_TABLES", "FORMULA_STARTS", "write_csv"]


#: The --to-csv tables that hold only counts of customers, written as whole numbers
COUNT_TABLES = frozenset({"customer_cohorts", "survivors", "order_cohorts"})


#: A text starting with one of these is a formula to Excel when it opens a CSV file (OWASP's CSV injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _excel_digits(frame: Any) -> Any:
    """``frame`` without the binary residue of decimal arithmetic: a sum or a net of tax of amounts in cents carries
    one (35.70 - 5.70 is 30.000000000000004 in floating point, 0.1 + 0.2 is 0.30000000000000004), which a CSV would
    show digit for digit. A number whose 15 significant digits, the digits Excel keeps, are a number of at most 12
    significant digits (30, 0.3) is written as that number; any other (a rate such as 2/3) is left exactly as it is.

    >>> import pandas as pd
    >>> _excel_digits(pd.DataFrame({"x": [35.70 - 5.70, 0.1 + 0.2, 2 / 3, 1234.5678]}))["x"].tolist()
    [30.0, 0.3, 0.6666666666666666, 1234.5678]
    """
    floats = [name for name in frame.columns if pd.api.types.is_float_dtype(frame[name].dtype)]
    if not floats:
        return frame
    out = frame.copy(deep=False)
    for name in floats:
        column = out[name].to_numpy(dtype=float, na_value=np.nan)
        finite = np.isfinite(column) & (column != 0)
        magnitude = np.zeros(len(column), dtype=int)
        magnitude[finite] = np.floor(np.log10(np.abs(column[finite]))).astype(int)
        cleaned = column.copy()
        for e in np.unique(magnitude[finite]):  # one rounding per order of magnitude, not a loop over the cells
            chosen = finite & (magnitude == e)
            excel, short = np.round(column[chosen], 14 - e), np.round(column[chosen], 11 - e)
            cleaned[chosen] = np.where(excel == short, short, column[chosen])
        out[name] = cleaned if out[name].dtype == float else pd.array(cleaned, dtype=out[name].dtype)
    return out


def _as_text_in_excel(frame: Any) -> Any:
    """``frame`` with every text value (a segment from the data: a channel, a country) that Excel would take for a
    formula written with a leading ``'``, so that Excel shows it as the text it is (``=HYPERLINK(...)`` from a
    visitor's link is never a live link in the user's workbook). Numbers are left as they are.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"n": [1, -2]}, index=pd.Index(["=HYPERLINK(1)", "web"], name="segment"))
    >>> _as_text_in_excel(f).index.tolist(), _as_text_in_excel(f)["n"].tolist()
    (["'=HYPERLINK(1)", 'web'], [1, -2])
    """

    def safe(value: Any) -> Any:
        return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value

    def index(idx: Any) -> Any:
        if isinstance(idx, pd.MultiIndex):
            return idx.set_levels([index(level) for level in idx.levels], verify_integrity=False)
        return idx.map(safe) if idx.dtype == object or pd.api.types.is_string_dtype(idx.dtype) else idx

    out = frame.copy(deep=False)
    out.index = index(frame.index)
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name].dtype):
            out[name] = out[name].map(safe)
    return out


def _same_table(first: str, header: str) -> bool:
    """Whether ``first``, an existing file's first line, is the header of the table whose header is now ``header``.

    A table keeps its columns from run to run, except the months since sign-up of a cohort table (one more each
    month the data gains: ``cohort,0,1`` then ``cohort,0,1,2``) and the ``segment`` column of ``--segment``.

    >>> _same_table("cohort,0,1", "cohort,0,1,2"), _same_table("segment,cohort,0", "cohort,0,1")
    (True, True)
    >>> _same_table("month,visitors", "month,visitors,returning"), _same_table("cohort,0,2", "cohort,0,1,2")
    (False, False)
    """

    def shape(line: str) -> tuple[str, ...]:
        names = line.split(",")
        if names[:1] == ["segment"]:
            names = names[1:]
        if names[:1] == ["cohort"] and names[1:] == [str(k) for k in range(len(names) - 1)]:
            return ("cohort",)  # the months since sign-up, however many
        return tuple(names)

    return first == header or shape(first) == shape(header)


def write_csv(
    tables: Tables, directory: str | os.PathLike[str], removed: list[str] | None = None, replace: bool = False
) -> list[Path]:
    """Each table as ``DIRECTORY/NAME.csv`` (written whole or not at all); returns the paths.

    Never overwrites a file the command did not write: a target that is one of the import's
    own input files, or an existing file whose first line is not the table's header (so not a
    table an earlier ``--to-csv`` wrote), or one that the folder's list of the tables an earlier run wrote does not
    hold as written (:mod:`.csv_folder`), raises ``ValueError`` naming it, before anything is
    written. A table an earlier run wrote (listed, unchanged, same header; a cohort table's with fewer or more
    months since sign-up, the data having gained a month since, or with or without ``--segment``'s column) is replaced.
    The tables an earlier run wrote that this one does not are removed where their input is one of this run's, or
    refused naming them (:mod:`.csv_folder`): those of an input this run does not import, unless ``replace``
    (another import's tables in the folder), and those changed since; so the folder holds this run's tables only.
    ``removed`` receives a line for each removed.
    """
    from .csv_folder import MANIFEST, earlier_tables, manifest, removal_line

    directory = Path(directory)
    contents = {}
    for name, frame in tables.frames().items():
        if name in COUNT_TABLES:  # customers per cohort: whole numbers (a blank where the month is still to come)
            frame = frame.astype("Int64")
        buffer = io.StringIO()
        _as_text_in_excel(_excel_digits(frame)).to_csv(buffer)
        contents[directory / f"{name}.csv"] = buffer.getvalue()
    for target, text in contents.items():
        if not target.exists():
            continue
        for kind, source in tables.sources.items():
            if source.exists() and os.path.samefile(target, source):
                raise ValueError(
                    f"{target} is the --{kind} input of this import: not overwritten; write the tables to another "
                    "folder (--to-csv DIR)"
                )
        with open(target, encoding="utf-8", errors="replace") as existing:
            first = existing.readline().rstrip("\r\n")
        if not _same_table(first, text.split("\n", 1)[0]):
            raise ValueError(
                f"{target} exists and is not a table xl-retention import wrote (its first line differs): not "
                "overwritten; move it or choose another --to-csv folder"
            )
    given = set(tables.sources)
    stale = earlier_tables(directory, {target.name for target in contents}, given, replace)
    directory.mkdir(parents=True, exist_ok=True)
    data = {target: text.encode() for target, text in contents.items()}
    # every table and the list of them, or none (a full disk met by the third table left the first two new beside the
    # earlier list, which then refused them as edited since); the earlier tables this run does not write go after
    atomic_write_all({**data, directory / MANIFEST: manifest(data, tables.sources)})
    for path in stale:
        path.unlink()
        if removed is not None:
            removed.append(removal_line(path, given))
    return list(contents)
