"""Reading input files as the user means them: files, CSV dialects, dates, ids and numbers.

The other half of ``xl-retention import`` (the monthly tables) is :mod:`xl_retention.tables`;
this package only turns files and columns into typed values, or refuses with a
:class:`DataError` naming the file, the column, the rows and the values at fault.

* :mod:`.files`: :func:`read_table` (the kind of file by its content, CSV separator and
  encoding sniffed, Excel cells with their types, sheets);
* :mod:`.columns`: matching columns by name (:func:`normalize_columns`, :func:`mapping_for`,
  :func:`parse_column_map`), :class:`ReadOptions` and :func:`prepare` (each column read by its role);
* :mod:`.dates`: one date format per column (:func:`parse_dates`, :class:`DateOptions`);
* :mod:`.values`: ids as text (:func:`clean_ids`), numbers with decimal commas, thousands
  separators and currency symbols (:func:`parse_numbers`);
* :mod:`.billing`: an amount per billing interval to MRR; :mod:`.billing_columns`: a billing export's columns;
* :mod:`.names`: how column names match (:func:`key`);
* :mod:`.statuses`, :mod:`.orders`, :mod:`.trials`, :mod:`.repeats`: what rows mean (statuses that do not pay or say
  an order was not paid, refunds, free trials, one record exported twice);
* :mod:`.revenue`, :mod:`.currency`: money units (per year, cents, the smallest currency unit) and currencies;
* :mod:`.excel_cells`, :mod:`.csv_rows`: a workbook's cells as shown, a CSV file's own row numbers.
"""

from __future__ import annotations

from .billing import DAYS_PER_MONTH, MONTHS_PER_INTERVAL, monthly_amounts, months_per_interval
from .columns import (
    SCHEMAS,
    ReadOptions,
    key,
    mapping_for,
    normalize_columns,
    parse_column_map,
    subscription_kind,
)
from .dates import DateOptions, parse_dates
from .errors import DataError, Source, bad_rows, source_of
from .files import INPUT_KINDS, CsvDialect, file_kind, read_table, sheets_for, sniff_csv
from .preparation import prepare
from .values import clean_ids, parse_numbers

__all__ = [
    "DAYS_PER_MONTH",
    "INPUT_KINDS",
    "MONTHS_PER_INTERVAL",
    "SCHEMAS",
    "Source",
    "CsvDialect",
    "DataError",
    "DateOptions",
    "ReadOptions",
    "bad_rows",
    "clean_ids",
    "file_kind",
    "key",
    "mapping_for",
    "monthly_amounts",
    "months_per_interval",
    "normalize_columns",
    "parse_column_map",
    "parse_dates",
    "parse_numbers",
    "prepare",
    "read_table",
    "sheets_for",
    "sniff_csv",
    "source_of",
    "subscription_kind",
]
