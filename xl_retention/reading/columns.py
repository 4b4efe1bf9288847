"""Columns: finding the user's columns by name, and reading each by its role (ids, dates, numbers).

Column names match case-insensitively, ignoring surrounding spaces, with spaces, hyphens
and underscores alike ("Customer ID" is ``customer_id``); a column map (``--columns``)
gives our name -> the user's. Two columns that match one name (exact repeats included),
or a map entry naming a column the file lacks, are refused: never resolved silently.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import RetentionInputError
from .billing import BILLING_ALIASES, NOT_PREFIXED_ALIASES, bare_key, check_same_ids, months_per_interval
from .billing_columns import (
    _BILLING,
    _check_dates_given,
    _refuse_add_ons,
    _refuse_billing_names_without_interval,
    _refuse_count_without_interval,
    _refuse_unused_billing_columns,
    billing_mrr,
    billing_optional,
    both_prices,
    in_cents,
    is_billing,
    period_interval,
)
from .copies import check_copied_rows
from .currency import (
    check_currency_column,
    check_customer_currencies,
    check_one_currency,
    named_currency,
    segment_values,
    stated_currency,
)
from .dates import DateOptions, parse_dates
from .discounts import check_discounts
from .ends import check_end_dates, refuse_empty_end, refuse_unused_end
from .errors import DataError, bad_rows, source_of
from .export_kinds import (
    refuse_counts,
    refuse_orders_as_subscriptions,
    refuse_retention_report,
    refuse_subscriptions_as_orders,
)
from .frames import pandas_table
from .interval_columns import swapped_interval_columns
from .money_twins import check_money_twins
from .months import EVERY_MONTH_OBSERVED, refuse_future_months, refuse_missing_months, refuse_times
from .names import columns_option, key, keys_of
from .orders import (
    check_order_id,
    customers_of_orders,
    item_columns,
    order_aliases,
    orders_as_paid,
    orders_of_parents,
)
from .pauses import check_pauses
from .paypal import paypal_orders
from .renewals import check_renewal_ends
from .repeats import check_repeated_rows
from .revenue import (
    AMOUNT_UNITS,
    check_ended_at_zero,
    check_negative_mrr,
    currency_divisors,
    in_units,
    minor_unit_divisors,
    per_month,
)
from .sale_refunds import sale_id_column
from .sandbox import check_test_mode
from .scores import check_scale, check_scores, scores_from_labels
from .shifted_cells import refuse_shifted_column
from .snapshot_rows import MONTH_ROWS, one_row_per_month, order_groups
from .statuses import check_answer_statuses, check_ended_snapshots, check_ended_without_end, check_statuses
from .summaries import refuse_monthly_totals, refuse_repeated_headers, refuse_summary_rows
from .title_rows import header_below
from .trials import paid_from_trial_end
from .unmapped import refuse_movements_log, refuse_unused_dates
from .values import clean_ids, emails_in_lower_case, parse_numbers, refuse_bad_ids, written_values

__all__ = [  # with the names split into .names and .billing_columns, imported from here by other modules
    "SCHEMAS",
    "ReadOptions",
    "billing_optional",
    "both_prices",
    "columns_option",
    "in_cents",
    "is_billing",
    "key",
    "keys_of",
    "mapping_for",
    "normalize_columns",
    "parse_column_map",
    "prepare",
    "subscription_kind",
]


#: Required and optional columns of each kind of input table, in our names.
SCHEMAS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "snapshots": (("customer_id", "month", "mrr"), _BILLING),
    "intervals": (("customer_id", "start", "mrr"), ("end", *_BILLING)),
    "orders": (("customer_id", "date"), ("amount", "order_id")),
    "visits": (("visitor_id", "date"), ()),
    "answers": (("date", "score"), ()),
}
_DATES = {"month", "date", "start", "end"}
#: what rows dated after the current month most likely are, by kind (the refusal's hint)
FUTURE_HINTS = {
    "snapshots": "a forecast or a scheduled renewal?",
    "orders": "pre-orders, delivery dates, or a year typed wrong?",
    "visits": "a year typed wrong, or times in another time zone?",
    "answers": "a year typed wrong, or times in another time zone?",
}
_IDS = {"customer_id", "visitor_id", "order_id"}


@dataclass(frozen=True)
class ReadOptions:
    """How to read input files and their columns (the ``import`` command's reading flags).

    Attributes:
        sep: the CSV separator (default: sniffed). ``encoding``: the text encoding
            (default: by byte-order mark, else UTF-8, else Windows-1252).
        decimal: ``"."`` or ``","`` (default: each number column tells, else refused).
        dayfirst, date_format, timezone, date_formats: as in :class:`~xl_retention.reading.dates.DateOptions`
            (``date_formats``: a format per input file, by its name: ``{"orders.csv": "%d.%m.%Y"}``).
        segment: the column the tables are split by (``--segment``); when it is a currency column,
            amounts in several currencies are allowed (each segment is summed in its own, see
            :mod:`.currency`).
        refuse_missing_months: a snapshots table (``customer_id, month, mrr``) with a month without
            any row between months with rows is refused as a missing export (``xl-retention import``
            sets it); False (the functions' default): such a month is a month with no active customer.
            With it, a snapshots, orders, visits or answers table with months after the current month
            (``today``'s) is refused too, naming those months: they have not happened yet (a forecast, a
            scheduled renewal, a pre-order, a year typed wrong).
        today: the date of the run for that check (a date, ``'YYYY-MM'`` or a Period; default: today),
            as in :func:`~xl_retention.tables.subscriptions.current_month`.
        amounts: what whole amounts of an orders or billing file are (``--amounts``): ``"cents"`` (the currency's
            smallest unit, divided by each row's), ``"units"``, or None: read in cents only where the file is
            surely a billing API's (:func:`~.revenue.minor_unit_divisors`), refused where it may be either.
    """

    sep: str | None = None
    encoding: str | None = None
    decimal: str | None = None
    dayfirst: bool | None = None
    date_format: str | None = None
    timezone: str | None = None
    segment: str | None = None
    refuse_missing_months: bool = False
    date_formats: Mapping[str, str] | None = None
    today: Any = None
    amounts: str | None = None

    def __post_init__(self) -> None:
        if self.decimal not in (None, ".", ","):
            raise DataError(f"the decimal mark is '.' or ',', got {self.decimal!r}")
        if self.amounts not in (None, *AMOUNT_UNITS):
            raise DataError(f"amounts are 'cents' or 'units', got {self.amounts!r}")
        if self.today is not None:
            from ..tables.subscriptions import current_month  # the tables import this module

            current_month(self.today)  # refuses a value that is not a month, naming 'today'
        self.dates()  # checks the time zone and the format

    def dates(self) -> DateOptions:
        """The date part of the options."""
        return DateOptions(self.dayfirst, self.date_format, self.timezone, self.date_formats)


def subscription_kind(df: pd.DataFrame, columns: Mapping[str, str] | None = None) -> str:
    """``"snapshots"`` (a ``month`` column) or ``"intervals"`` (a ``start`` column) for a subscriptions table.

    >>> subscription_kind(pd.DataFrame(columns=["Customer ID", "Start", "MRR"]))
    'intervals'
    """
    keys = {k for c in df.columns for k in keys_of(c)} | {key(ours) for ours in (columns or {})}
    return "intervals" if "start" in keys and "month" not in keys else "snapshots"


def mapping_for(df: pd.DataFrame, columns: Mapping[str, str] | None, kind: str) -> dict[str, str]:
    """The entries of a column map (one ``--columns`` for several files) that apply to ``df`` as ``kind``.

    An entry applies when it names one of ``kind``'s columns (:data:`SCHEMAS`) and ``df``
    has the column it maps to, or when it names a *required* column that ``df`` lacks under
    our name (then the entry is checked, and refused when the file has no such column). An
    optional column the file has under neither name is simply absent: the entry is for
    another input (``amount=Total`` for the orders, beside a subscriptions file).

    >>> mapping_for(pd.DataFrame(columns=["Customer", "Month", "MRR"]), {"customer_id": "Customer"}, "snapshots")
    {'customer_id': 'Customer'}
    >>> mapping_for(pd.DataFrame(columns=["customer_id", "date"]), {"customer_id": "Customer"}, "orders")
    {}
    >>> mapping_for(pd.DataFrame(columns=["Customer", "Month", "MRR"]), {"amount": "Total"}, "snapshots")
    {}
    """
    required, optional = SCHEMAS[kind]
    present = {k for c in df.columns for k in keys_of(c)}
    return {
        ours: yours
        for ours, yours in (columns or {}).items()
        if ours in (*required, *optional) and (key(yours) in present or (ours in required and key(ours) not in present))
    }


def parse_column_map(text: str | None) -> dict[str, str]:
    """``"customer_id=Customer,date=Created"`` -> ``{"customer_id": "Customer", "date": "Created"}``.

    For a command-line option such as ``--columns``. Spaces around names are dropped.

    >>> parse_column_map("customer_id=Customer, date = Created at")
    {'customer_id': 'Customer', 'date': 'Created at'}
    """
    mapping: dict[str, str] = {}
    for item in (text or "").split(","):
        if not item.strip():
            continue
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise RetentionInputError(f"a column map item must be OUR_NAME=THEIR_NAME, got {item.strip()!r}", "columns")
        if ours.strip() in mapping:
            raise RetentionInputError(f"the column map names {ours.strip()!r} twice", "columns")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def normalize_columns(
    df: pd.DataFrame,
    required: Sequence[str],
    optional: Sequence[str] = (),
    rename: Mapping[str, str] | None = None,
    source: str = "input",
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """The columns ``required`` (and those of ``optional`` present) of ``df``, under our names.

    Names match as :func:`key` says. ``rename`` maps our name to the name of the column in
    ``df`` (matched the same way). The result has our names, in the order ``required`` then
    ``optional``; ``result.attrs["source_columns"]`` maps each of our names to the original
    column name (error messages quote the original).

    A missing required column, two columns that match one name (``Mrr`` and ``MRR ``, or
    the same name twice) or a ``rename`` entry that matches nothing raises :class:`DataError`.
    ``aliases`` gives other names (as :func:`key` spells them) of our names that ``rename`` does not
    map (billing exports: :data:`~.billing.BILLING_ALIASES`); a column that matches our name or
    one of its aliases is taken, two such columns are refused, naming both. A column that matches
    another of our names exactly, or that ``rename`` maps, is never taken as an alias.

    >>> df = pd.DataFrame({"Customer ID": [1], "Created": ["2024-01-05"], "Total ": [9.5]})
    >>> columns = normalize_columns(df, ["customer_id", "date"], ["amount"], {"date": "created", "amount": "TOTAL"})
    >>> list(columns.columns), columns.attrs["source_columns"]["amount"]
    (['customer_id', 'date', 'amount'], 'Total ')
    """
    source = source_of(df, source)  # a sheet's table: its rows are named as the sheet's
    rename = dict(rename or {})
    known = list(required) + [c for c in optional if c not in required]
    unknown = [name for name in rename if name not in known]
    if unknown:
        raise DataError(
            f"{source}: unknown column name {', '.join(map(repr, unknown))} in the column map; "
            f"expected one of: {', '.join(known)}",
            source=source,
        )
    found: dict[str, list[int]] = {}
    bare: dict[str, list[int]] = {}  # Chargebee's object-prefixed columns by the name after the prefix
    ids: dict[str, list[int]] = {}  # an object's own id ('customers.id'): taken when no other column is that id
    for position, column in enumerate(df.columns):
        found.setdefault(key(column), []).append(position)
        plain = bare_key(key(column))
        if plain is not None:
            (ids if key(column).endswith(".id") else bare).setdefault(plain, []).append(position)

    def lookup(name_key: str, alias: bool = False) -> list[int]:
        prefixed = [] if alias and name_key in NOT_PREFIXED_ALIASES else bare.get(name_key, [])
        return found.get(name_key, []) + prefixed

    listing = ", ".join(repr(str(c)) for c in df.columns) or "none"
    picked: dict[str, int] = {}
    missing = []
    claimed = {p for name in known for p in lookup(key(rename.get(name, name)))}
    mapped = {p for name in rename for p in found.get(key(rename[name])) or bare.get(key(rename[name]), [])}
    for name in known:
        wanted = rename.get(name, name)
        if name in rename:  # the map names a column by its full name, or by the name after a Chargebee prefix
            matches = found.get(key(wanted)) or bare.get(key(wanted), [])
        else:
            matches = [p for p in lookup(key(wanted)) if p not in mapped]
        if len(matches) > 1:
            names = [str(df.columns[p]) for p in matches]
            raise DataError(
                f"{source}: {len(matches)} columns match {wanted!r} ({header_cells(df, matches)}): rename or remove "
                f"the one that is not it",
                source=source,
                column=names[0],
            )
        if name not in rename and aliases and name in aliases:
            others = [p for alias in aliases[name] for p in lookup(alias, True) if p not in claimed]
            matches = sorted({*matches, *others})
            if len(matches) > 1:
                names = [str(df.columns[p]) for p in matches]
                what = " (the price of one unit for one interval)" if name == "amount" else ""
                raise DataError(
                    f"{source}: {len(matches)} columns could be the {name.replace('_', ' ')}{what} "
                    f"({', '.join(map(repr, names))}): say which, e.g. {columns_option([(name, names[0])])} "
                    f"(in Python: columns={{{name!r}: {names[0]!r}}})",
                    source=source,
                    column=names[0],
                )
        own_ids = [p for p in ids.get(key(name), []) if p not in mapped] if name not in rename else []
        if matches and own_ids:
            check_same_ids(df, name, matches[0], own_ids[0], source)
        if matches or len(own_ids) == 1:
            picked[name] = (matches or own_ids)[0]
        elif name in rename:
            raise DataError(
                f"{source}: no column {wanted!r} (given for {name}); columns found: {_on_sheet(df, listing)}",
                source=source,
                column=wanted,
            )
        elif name in required:
            missing.append(name)
    months = [str(c) for c in df.columns if re.fullmatch(r"\d{4}[-/.]\d{1,2}|[A-Za-z]{3,9}[ \-]\d{4}", str(c).strip())]
    if missing and len(months) >= 2 and {"month", "date"} & set(missing):
        first = [str(c) for c in df.columns if str(c) not in months][:1] or ["customer_id"]
        raise DataError(
            f"{source}: one column per month ({months[0]!r} ... {months[-1]!r}): the import reads one row per "
            f"customer and month (customer_id, month, mrr): unpivot the table (Excel: Data > From Table/Range, "
            f"Unpivot Columns; pandas: df.melt(id_vars={first[0]!r}, var_name='month', value_name='mrr'))",
            source=source,
            column=months[0],
        )
    if missing:
        word = "column" if len(missing) == 1 else "columns"
        below = header_below(df, [key(rename.get(n, n)) for n in missing], source)  # a title above the header
        raise DataError(
            f"{source}: missing {word} {', '.join(map(repr, missing))} (columns found: {_on_sheet(df, listing)}); "
            + (below or f"to use a column of another name, map it: --columns {missing[0]}=NAME "
               f"(in Python: columns={{{missing[0]!r}: 'NAME'}})"),
            source=source,
            column=missing[0],
        )  # fmt: skip
    out = pd.DataFrame({name: df.iloc[:, p] for name, p in picked.items()}, index=df.index, copy=False)
    out.attrs["source_columns"] = {name: str(df.columns[p]) for name, p in picked.items()}
    return out


def header_cells(df: pd.DataFrame, positions: Sequence[int]) -> str:
    """The header cells of the columns at ``positions``, as the user finds them: ``'Total' in C1, 'Total' in F1`` on
    a sheet (its header row and first column, ``df.attrs``), ``'Total' (column 3)`` in a file.

    >>> header_cells(pd.DataFrame(columns=["a", "Total", "Total"]), [1, 2])
    "'Total' (column 2), 'Total' (column 3)"
    """
    from openpyxl.utils import get_column_letter

    row, left = df.attrs.get("header_row"), df.attrs.get("first_column")
    if row is not None and left is not None:
        return ", ".join(f"{str(df.columns[p])!r} in {get_column_letter(left + p + 1)}{row}" for p in positions)
    return ", ".join(f"{str(df.columns[p])!r} (column {p + 1})" for p in positions)


def _on_sheet(df: pd.DataFrame, listing: str) -> str:
    """``listing`` (the columns found), with the sheet they are on and the workbook's other sheets when ``df`` was
    read from one sheet of several: the data may be on another one (``--sheet``)."""
    sheets = df.attrs.get("sheets") or []
    if len(sheets) < 2:
        return listing
    others = ", ".join(repr(n) for n in sheets if n != df.attrs.get("sheet"))
    return f"{listing} on sheet {df.attrs.get('sheet')!r}; other sheets: {others}, chosen with --sheet"


def prepare(
    df: pd.DataFrame,
    kind: str,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> tuple[pd.DataFrame, dict[str, str]]:
    """``df``'s columns for ``kind`` (:data:`SCHEMAS`), each read by its role; and our name -> the file's name.

    Ids become text (:func:`~.values.clean_ids`), dates naive ``datetime64[us]``
    (:func:`~.dates.parse_dates`; ``end`` may be blank), amounts and scores float64
    (:func:`~.values.parse_numbers`; blank scores are NaN). Subscriptions in billing form
    (an ``interval`` column) get ``mrr`` from ``amount`` (or the column mapped to ``mrr``),
    ``interval``, ``interval_count`` and ``quantity`` (:mod:`.billing`). A workbook's numbers in a
    date column (``df.attrs["excel_epoch"]``: cells not formatted as dates) are refused as numbers.

    >>> frame, names = prepare(pd.DataFrame({"Customer": ["0123 "], "Date": ["13/02/2024"]}), "orders",
    ...                        {"customer_id": "Customer"})
    >>> frame["customer_id"].tolist(), str(frame["date"].iloc[0])
    (['0123'], '2024-02-13 00:00:00')
    """
    options = options or ReadOptions()
    df = pandas_table(df, source)  # a polars DataFrame is read through its to_pandas()
    if kind == "orders":  # PayPal's activity: payments received and their refunds, not its ledger (reading.paypal)
        df, columns = paypal_orders(df, columns or {}, source, (options.segment,) if options.segment else ())
    source = source_of(df, source)  # a sheet's table: its rows are named as the sheet's
    required, optional = SCHEMAS[kind]
    columns = dict(columns or {})
    billing = False
    aliases = None
    if kind in ("snapshots", "intervals"):
        columns |= swapped_interval_columns(df.columns, columns, lambda c: _distinct_text(df, c))  # WooCommerce
        period = period_interval(df.columns, columns, lambda c: _distinct_text(df, c), source)  # "Billing Period"
        columns = {**columns, "interval": period} if period else columns
        billing = is_billing(df.columns, columns)
        _check_dates_given(df, kind, columns, source)
        if billing:  # the money column is the price per interval: 'amount', or the column mapped to 'mrr'
            required = tuple(c for c in required if c != "mrr")
            optional = billing_optional(optional, columns)
            aliases = BILLING_ALIASES
        else:
            _refuse_billing_names_without_interval(columns, source)
            _refuse_count_without_interval(df, columns, source)
            optional = tuple(c for c in optional if c not in _BILLING)
    if kind == "orders":  # an order id column: line items are one order (reading.orders)
        aliases = order_aliases(df.columns)
    refuse_retention_report(df, kind, source)  # Mixpanel's 'Day 1', 'Day 2' columns: aggregated (reading.export_kinds)
    out = normalize_columns(df, required, optional, columns, source, aliases)
    names: dict[str, str] = out.attrs["source_columns"]
    if kind == "orders" and (sale := sale_id_column(df, names, source)) is not None:  # refunds with their sale's id
        out = normalize_columns(df, required, optional, {**columns, "order_id": sale}, source, aliases)
        names = out.attrs["source_columns"]
    refuse_counts(df, names, kind, source)  # 'Date, Users': a report's counts, each one visitor
    if kind in ("snapshots", "intervals", "orders"):  # 'MRR' beside 'MRR (USD)': which one? (reading.money_twins)
        check_money_twins(list(df.columns), names, columns, source)
    if kind == "orders":  # one row per subscription: MRR, a billing interval or period, no order id
        refuse_subscriptions_as_orders(df, names, source)
    elif kind in ("snapshots", "intervals"):  # one row per order: an order id or line items, no subscription's column
        refuse_orders_as_subscriptions(df, names, source)
    refuse_unused_end(df.columns, names, source, kind)  # 'Ended At (UTC)' with only the start mapped: no churn
    refuse_movements_log(df.columns, names, source, kind, lambda c: _distinct_text(df, c))  # reading.unmapped
    refuse_repeated_headers(df, source)  # files appended with their headers
    ids = [names[n] for n in sorted(_IDS) if n in names]  # a report's 'Total' is where its customers are named
    keys = [*ids, *(names[n] for n in sorted(_DATES - {"end"}) if n in names)]
    refuse_summary_rows(df, source, ids, keys)  # a report's totals at its end: one more customer, the sum of all others
    refuse_shifted_column(df, source)  # one column's cells moved down a row: its last value alone below the table
    if kind == "orders":
        check_order_id(df, names, source)
    if billing:
        _refuse_unused_billing_columns(df, names, source)
        _refuse_add_ons(df, names, source)  # an add-on's price is paid beside the plan's
        check_discounts(df, source, list(names.values()))  # a coupon, "50%" off: MRR after discounts
    by_currency = options.segment is not None and named_currency(options.segment)
    if kind in ("snapshots", "intervals", "orders"):
        check_currency_column(df, source, options.segment, names.get("amount", names.get("mrr")))
        check_customer_currencies(df, source, options.segment, names.get("customer_id"))  # one currency a customer
    if kind in ("snapshots", "intervals", "orders"):
        check_test_mode(df, source)  # Stripe's Mode 'Test': no customer paid
    if kind == "intervals":  # a snapshot's row says its MRR: its status is checked with it, below
        check_statuses(df, source)  # trials, future and paused subscriptions are not MRR
        check_pauses(df, kind, source)  # paused_at, pause_collection: the months it paid are not said (reading.pauses)
    if kind == "answers":
        check_answer_statuses(df, source)  # a survey's previews, tests and spam are no answers
    if kind != "visits":  # the same record twice: overlapping exports appended (a visitor counts once anyway)
        people = (names.get("customer_id"), names.get("visitor_id"))  # a customer's id repeats by design
        items = item_columns(df.columns) if kind == "orders" else []  # rows of one order's items share its ids
        month = names.get("month") if kind == "snapshots" else None  # a subscription's id is on each month's row
        period = (names["start"], names.get("end")) if kind == "intervals" else None  # a subscription's phases
        check_repeated_rows(df, source, names.get("order_id"), names.get("amount"), people, items, month, period)
    if kind in ("snapshots", "intervals"):  # no subscription id: the same export pasted twice (reading.copies)
        check_copied_rows(df, source, (names.get("customer_id"),))
    epoch = df.attrs.get("excel_epoch")
    labels = dataclasses.replace(options.dates(), timezone=None)  # a month is a label, never converted as an instant

    def read(name: str) -> Any:
        series = out[name]
        if name in _IDS:
            what = {"customer_id": "customer ids", "visitor_id": "visitor ids"}.get(name, "order ids")
            if name == "customer_id" and kind == "orders" and "order_id" in out.columns:
                orders = orders_of_parents(out["order_id"], df, names.get("amount"))  # a refund: its parent's
                series = customers_of_orders(series, orders)  # a later line item's blank: its order's
            if name == "order_id":
                series = orders_of_parents(series, df, names.get("amount"))  # a refund: its parent's
            ids = clean_ids(series)
            people = list(map(str, df.columns)) if name != "order_id" else None  # and guests' 0 as a customer
            refuse_bad_ids(ids, series, source, names[name], what, people)  # blank, #N/A, 7.12346E+12
            return emails_in_lower_case(ids)  # one address, whatever capitals were typed
        if name in _DATES:
            return parse_dates(
                series,
                source,
                names[name],
                labels if name == "month" else options.dates(),
                excel_epoch=epoch,
                allow_blank=name == "end" or (kind == "orders" and name == "date"),  # an unpaid order's: checked below
            )
        if name == "interval":
            return months_per_interval(series, source, names[name])
        what = "scores" if name == "score" else "numbers"
        if name == "score":  # SurveyMonkey's '10 - Extremely likely' (reading.scores)
            series = scores_from_labels(series, source, names[name])
        if name in ("mrr", "amount"):  # by a currency segment: each segment's amounts in one currency
            groups = segment_values(df, options.segment) if by_currency else None
            check_one_currency(series, source, names[name], groups, stated_currency(df, names[name]))
        return parse_numbers(
            series, source, names[name], decimal=options.decimal, what=what,
            allow_blank=name == "score" or (name == "amount" and "order_id" in names),  # an order's later rows
        )  # fmt: skip

    typed = _read_columns(read, list(out.columns), len(out))
    if options.refuse_missing_months and kind in ("snapshots", "orders", "visits", "answers"):  # not happened yet
        when = "month" if kind == "snapshots" else "date"  # first: a year typed wrong leaves a gap too
        refuse_future_months(typed[when], source, names[when], options.today, FUTURE_HINTS[kind])
    if kind == "snapshots":  # 'Created (UTC)' of a payments export mapped to month: one row per payment
        refuse_times(typed["month"], out["month"].to_numpy(), source, names["month"])
    if kind == "snapshots" and options.refuse_missing_months and not df.attrs.get(EVERY_MONTH_OBSERVED):
        refuse_missing_months(typed["month"], source, names["month"])
    if billing:
        typed, names = billing_mrr(typed, names, columns, source, df, options.amounts)
    elif kind in ("snapshots", "intervals"):  # ARR / 12, cents / 100, JPY's mrr_cents / 1 (reading.revenue)
        typed["mrr"] = per_month(typed["mrr"], names["mrr"], source, lambda: currency_divisors(df))
    if kind in ("snapshots", "intervals"):  # each row's: a month's rows add up below (snapshot_rows)
        check_negative_mrr(typed, names, source, written_values(df, names["mrr"]))  # '-$50.00', not -4.17 a month
    if kind == "answers":  # '11' as the file writes it (reading.scores)
        check_scores(typed["score"], source, names["score"], written_values(df, names["score"]))
        answered = typed["score"][~np.isnan(typed["score"])]
        if len(answered):  # a 1-5 CSAT's answers are no NPS (reading.scores)
            check_scale(float(answered.max()), len(answered), source, names["score"])
    refuse_monthly_totals(kind, typed, names, source)  # a BI report's 'Insgesamt' row in each month (reading.summaries)
    kept = month_rows = None
    if kind == "snapshots":  # a row flagged cancelled or not active with an MRR: an active customer, counted
        check_statuses(df, source, typed["mrr"])  # paused with an MRR: refused; paused with MRR 0: not paying
        check_pauses(df, kind, source, typed["mrr"])  # is_paused true with an MRR (reading.pauses)
        check_ended_snapshots(df, typed["mrr"], source)
        typed, kept, month_rows = one_row_per_month(df, typed, names, source)  # subscriptions, paused rows
    if kind == "orders" and "amount" in typed:
        units = in_units(typed["amount"], names["amount"], lambda: currency_divisors(df))  # amount_cents: / 100
        if units is typed["amount"]:  # not by its name: Stripe's, Paddle's API amounts, 4900 is 49.00
            divisors = minor_unit_divisors(df, typed["customer_id"], names["amount"], source, options.amounts)
            units = units if divisors is None else units / divisors
        typed["amount"] = units
    if kind == "intervals":  # a cancelled customer's MRR 0 is today's MRR, not what they paid (reading.revenue)
        check_ended_at_zero(typed, names, source, written_values(df, names["mrr"]))
        check_ended_without_end(df, typed.get("end"), names.get("end"), source)  # 'canceled' and no end: not active
        check_renewal_ends(df, typed.get("end"), names, source, options.today)  # a renewal date as the end
        refuse_empty_end(df, typed.get("end"), names, source, kind)  # an empty end beside a filled canceled_at
    if kind == "intervals":  # paying from a free trial's end (reading.trials)
        paid_from_trial_end(
            df,
            typed,
            names,
            source,
            lambda s, c: parse_dates(s, source, c, options.dates(), excel_epoch=epoch, allow_blank=True),
        )
        check_end_dates(typed, names, source, written_values(df, names.get("end")))  # '15/01/2025' as written
        dated = lambda s, c: parse_dates(s, source, c, options.dates(), excel_epoch=epoch, allow_blank=True)  # noqa: E731
        refuse_unused_dates(df, typed, names, source, dated)  # 'valid_until' unmapped (reading.unmapped)
    index = out.index if kept is None else out.index[kept]
    if kind == "orders":  # one row per order, cancelled and voided orders left out
        ordered = np.asarray(typed["order_id"], dtype=object) if "order_id" in typed and options.segment else None
        refunds = np.asarray(typed["amount"], dtype=np.float64) < 0 if "amount" in typed else None
        typed, kept = orders_as_paid(df, typed, names, source, lambda s, c: parse_numbers(s, source, c,
                                     decimal=options.decimal, allow_blank=True))  # fmt: skip
        month_rows = None if ordered is None else order_groups(ordered, kept, refunds)  # an order's rows: its segment
        index = out.index[kept] if len(kept) != len(out.index) else index
        undated = np.isnat(np.asarray(typed["date"]))  # blank dates of orders that count (an unpaid one's may be)
        if undated.any():
            raise bad_rows(source, names["date"], "missing dates", kept[undated])
    # No copy of the columns the reading made (a 10-million-row column takes 0.2 s to copy); any other is copied.
    owned = {name: v if isinstance(v, np.ndarray) and v.flags.owndata else v.copy() for name, v in typed.items()}
    frame = pd.DataFrame(owned, index=index, copy=False)
    frame.attrs["source_columns"] = names
    if kept is not None and len(index) != len(out.index):
        frame.attrs["positions"] = kept  # the file positions of the rows kept
        if month_rows is not None:  # a customer's month, an order's items: their segment, the smallest (snapshot_rows)
            frame.attrs[MONTH_ROWS] = month_rows
    return frame, names


def _distinct_text(df: pd.DataFrame, column: str, most: int = 100) -> list[Any]:
    """Up to ``most`` distinct values of ``df``'s column named ``column`` (its first, when the name repeats)."""
    values = df.iloc[:, [str(c) for c in df.columns].index(column)]
    return list(pd.unique(values.to_numpy())[:most])


#: From this many rows, the columns are read in threads (their Arrow and numpy work runs in parallel).
PARALLEL_ROWS = 200_000


def _read_columns(read: Callable[[str], Any], names: list[str], rows: int) -> dict[str, Any]:
    """``{name: read(name)}``; with :data:`PARALLEL_ROWS` rows or more, the columns are read in two threads.
    Either way, the error raised is that of the first column (in ``names``' order) that has one."""
    if rows < PARALLEL_ROWS or len(names) < 2:
        return {name: read(name) for name in names}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(read, name) for name in names]
        return {name: future.result() for name, future in zip(names, futures, strict=True)}
