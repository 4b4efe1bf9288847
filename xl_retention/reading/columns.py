"""Columns: finding the user's columns by name, and reading each by its role (ids, dates, numbers).

Column names match case-insensitively, ignoring surrounding spaces, with spaces, hyphens
and underscores alike ("Customer ID" is ``customer_id``); a column map (``--columns``)
gives our name -> the user's. Two columns that match one name (exact repeats included),
or a map entry naming a column the file lacks, are refused: never resolved silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import RetentionInputError
from .answer_columns import answer_mapping
from .billing import NOT_PREFIXED_ALIASES, bare_key, check_same_ids
from .billing_columns import (
    _BILLING,
    _MONEY_WORDS,
    _named_like,
    billing_optional,
    both_prices,
    in_cents,
    is_billing,
)
from .dates import DateOptions, _given
from .errors import DataError, source_of
from .month_headers import month_header, month_headers
from .names import columns_option, key, keys_of
from .names import words as name_words
from .numbered_copies import refuse_numbered_copies
from .smallest_units import AMOUNT_UNITS
from .title_rows import header_below

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


#: Columns (as :func:`~.names.keys_of` spells them) that hold a billing system's customer account: Recurly's
#: ``account_code``, Zuora's "Account Number" ("Account: Account Number"; its Data Source and ZOQL exports'
#: ``Account.AccountNumber``): named as the customer id to map.
_ACCOUNT_IDS = frozenset({"account_code", "account_number", "account:_account_number", "account.account_number",
                          "account_id"})  # fmt: skip


def account_columns(df: pd.DataFrame) -> list[str]:
    """The columns of ``df`` named as a billing system's customer account (:data:`_ACCOUNT_IDS`, by
    :func:`~.names.keys_of`: Zuora's ``Account.AccountNumber`` too), in the file's order.

    >>> account_columns(pd.DataFrame(columns=["Invoice.InvoiceDate", "Account.AccountNumber", "Invoice.Amount"]))
    ['Account.AccountNumber']
    """
    return [str(c) for c in df.columns if keys_of(c) & _ACCOUNT_IDS]


#: Columns (as :func:`~.names.keys_of` spells them) that hold an invoice's date: Zuora's Invoice export's
#: ``Invoice.InvoiceDate`` ("Invoice: Invoice Date"), "Invoice Date": named as the date to map.
_INVOICE_DATES = frozenset({"invoice_date", "invoice.invoice_date", "invoice:_invoice_date"})


def invoice_date_columns(df: pd.DataFrame) -> list[str]:
    """The columns of ``df`` named as an invoice's date (:data:`_INVOICE_DATES`, by :func:`~.names.keys_of`), in the
    file's order.

    >>> invoice_date_columns(pd.DataFrame(columns=["Invoice.InvoiceNumber", "Invoice.InvoiceDate", "Invoice.Amount"]))
    ['Invoice.InvoiceDate']
    """
    return [str(c) for c in df.columns if keys_of(c) & _INVOICE_DATES]


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
        column_zones: the zones a file says its date columns' times are in, by column name (Qualtrics' import id
            row: ``{"RecordedDate": "America/Denver"}``), set by :func:`~.preparation.prepare` from the file.
        amounts: what whole amounts of an orders or billing file are (``--amounts``): ``"cents"`` (the currency's
            smallest unit, divided by each row's), ``"units"``, or None: read in cents only where the file is
            surely a billing API's (:func:`~.smallest_units.minor_unit_divisors`), refused where it may be either.
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
    column_zones: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        """Each field of a fixed kind checked, naming it: ``refuse_missing_months="no"`` (a setting read as text)
        would otherwise be taken as true, ``sep=1`` fail inside pandas' reader (H214's finding 07).

        >>> ReadOptions(refuse_missing_months="no")
        Traceback (most recent call last):
        ...
        xl_retention.reading.errors.DataError: refuse_missing_months must be True or False, got the text 'no'
        >>> ReadOptions(sep=1)
        Traceback (most recent call last):
        ...
        xl_retention.reading.errors.DataError: sep must be a text or None, got 1 (an int)
        """
        for name in ("sep", "encoding", "segment"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise DataError(f"{name} must be a text or None, got {_given(value)}")
        if not isinstance(self.refuse_missing_months, (bool, np.bool_)):
            raise DataError(f"refuse_missing_months must be True or False, got {_given(self.refuse_missing_months)}")
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
        return DateOptions(self.dayfirst, self.date_format, self.timezone, self.date_formats, self.column_zones)


def subscription_kind(df: pd.DataFrame, columns: Mapping[str, str] | None = None) -> str:
    """``"snapshots"`` (a ``month`` column) or ``"intervals"`` (a ``start`` column) for a subscriptions table.

    >>> subscription_kind(pd.DataFrame(columns=["Customer ID", "Start", "MRR"]))
    'intervals'
    """
    given = {key(ours) for ours in (columns or {})}
    if "start" in given and "month" not in given:  # a start mapped: intervals, beside any 'month' column (GoCardless's
        return "intervals"  # month of a yearly charge, 'february')
    keys = {k for c in df.columns for k in keys_of(c)} | given
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
    from .subscription_ids import MAPPABLE  # a snapshots file's subscription_id: no column read, a grouping

    required, optional = SCHEMAS[kind]
    present = {k for c in df.columns for k in keys_of(c)}
    return {
        ours: yours
        for ours, yours in (columns or {}).items()
        if ours in (*required, *optional, *MAPPABLE.get(kind, ()))
        and (key(yours) in present or (ours in required and key(ours) not in present))
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


def _example(df: pd.DataFrame, name: str, positions: Sequence[int]) -> list[tuple[str, str]]:
    """The map to give as an example where the columns at ``positions`` could each be our ``name``: the first; for
    the interval, a column of words (``monthly``) as it and one of numbers (GoCardless's ``interval``, 3: a count of
    them) as ``interval_count``.

    >>> _example(pd.DataFrame({"interval": [3, 1], "interval_unit": ["monthly", "yearly"]}), "interval", [0, 1])
    [('interval', 'interval_unit'), ('interval_count', 'interval')]
    """
    names = [str(df.columns[p]) for p in positions]
    if name != "interval":
        return [(name, names[0])]
    counts = []
    for column, position in zip(names, positions, strict=True):
        values = df.iloc[:50, position].dropna()
        if len(values) and pd.to_numeric(values, errors="coerce").notna().all():
            counts.append(column)
    words = [n for n in names if n not in counts]
    return [(name, words[0]), ("interval_count", counts[0])] if words and counts else [(name, names[0])]


def _seat_counts(df: pd.DataFrame, taken: set[int]) -> list[int]:
    """The positions of the columns of ``df`` named as a count of what is paid for (``Licenses``, ``Users``, "Plan
    Seats", "No. of seats", "Licence count", "Anzahl Lizenzen": :func:`~.billing_columns._named_like`), not a free
    one's, no money's ("Extra Users Price", "Additional Seats Amount": a price, :mod:`.extra_prices`) and not in
    ``taken``: beside a billing export's quantity (Stripe's ``Quantity``, 1 on a per-seat plan whose seats are a column
    of their own), either could be the quantity, as ``Seats`` beside it is.

    >>> _seat_counts(pd.DataFrame(columns=["Quantity", "Licenses", "Free seats", "User ID", "Extra Users Price"]), {0})
    [1]
    """
    found = []
    for p, column in enumerate(df.columns):
        k = key(column)
        money = name_words(column, whole=False)
        if p not in taken and "free" not in k and not money & _MONEY_WORDS and _named_like(k, "quantity", column):
            found.append(p)
    return found


def _unpivot_advice(required: Sequence[str], first: list[str]) -> str:
    """What a table of one column per month is to become for the import of ``required`` (its layout), and how: the
    subscriptions' (customer_id, month, mrr), the answers' (date, score), the orders' and the visits' one row each.
    ``first``: the table's columns that are no month (its ids and labels: all of them stay columns, H467's 04). A
    wide NPS sheet (the tracker's 'NPS scores' downloaded as CSV) got the subscriptions' advice, which --nps then
    refused (H332's finding 04). A blank cell is no row: no answer, order, visit or subscription that month.

    >>> _unpivot_advice(["customer_id", "month", "mrr"], ["Customer", "Plan"]).partition("pandas: ")[2]
    "df.melt(id_vars=['Customer', 'Plan'], var_name='month', value_name='mrr').dropna(subset=['mrr']))"
    """
    if "score" in required:
        what, var, value, rows = "one row per answer (date, score)", "date", "score", "answer"
    elif "visitor_id" in required:
        what, var, value, rows = "one row per visit (visitor_id, date)", "date", "visits", "month visited"
    elif "month" in required:
        what, var, value, rows = "one row per customer and month (customer_id, month, mrr)", "month", "mrr", ""
    else:
        what, var, value, rows = "one row per order (customer_id, date, amount)", "date", "amount", "order"
    kept = first or (["customer_id"] if not rows else [])
    ids = f"id_vars={kept[0] if len(kept) == 1 else kept!r}, " if kept else ""
    melt = f"df.melt({ids}var_name={var!r}, value_name={value!r})"
    if value == "mrr":  # a blank cell: no subscription that month (a 0 is read as one ended)
        melt += f".dropna(subset=[{value!r}])"
    elif value == "score":  # the blank cells are no answer (a 0 is one)
        melt += f".dropna(subset=[{value!r}]): a row per {rows}"
    elif rows:  # a blank or 0 cell is no order or visit: kept, it would count its customer as a buyer or visitor
        kept = "visits > 0" if value == "visits" else "amount != 0"
        melt += f".dropna(subset=[{value!r}]).query({kept!r}): a row per {rows}"
    tail = "; or paste the answers on a tracker's 'NPS scores' sheet, one column per month" if value == "score" else ""
    return (
        f"the import reads {what}: unpivot the table (Excel: Data > From Table/Range, Unpivot Columns; pandas: "
        f"{melt}){tail}"
    )


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
            exact = [p for p in matches if str(df.columns[p]) == wanted]
            matches = exact if len(exact) == 1 else matches  # 'amount' named beside 'Amount': the one spelled so
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
            if name == "quantity" and (matches or others):  # 'Licenses', 'Anzahl Lizenzen' beside 'Quantity' (1)
                others += _seat_counts(df, claimed | mapped)
            matches = sorted({*matches, *others})
            if len(matches) > 1:
                names = [str(df.columns[p]) for p in matches]
                what = " (the price of one unit for one interval)" if name == "amount" else ""
                example = _example(df, name, matches)  # GoCardless's interval (a count) beside interval_unit
                raise DataError(
                    f"{source}: {len(matches)} columns could be the {name.replace('_', ' ')}{what} "
                    f"({', '.join(map(repr, names))}): say which, e.g. {columns_option(example)} "
                    f"(in Python: columns={dict(example)!r})",
                    source=source,
                    column=names[0],
                )
        own_ids = [p for p in ids.get(key(name), []) if p not in mapped] if name not in rename else []
        if matches and own_ids:
            check_same_ids(df, name, matches[0], own_ids[0], source)
        if matches or len(own_ids) == 1:
            picked[name] = (matches or own_ids)[0]
        elif name in rename:
            below = header_below(df, [key(v) for v in rename.values()], source)  # a group header row above the names
            raise DataError(
                f"{source}: no column {wanted!r} (given for {name}); columns found: {_on_sheet(df, listing)}"
                + (f"; {below}" if below else ""),
                source=source,
                column=wanted,
            )
        elif name in required:
            missing.append(name)
    months = month_headers(df.columns)  # 'Jan 2024', a date cell's 2024-01-01, 'mrr_2024_01', 'Jan-24'
    if missing and len(months) >= 2 and {"month", "date"} & set(missing):
        first = [str(c) for c in df.columns if month_header(c) is None]
        raise DataError(
            f"{source}: one column per month ({months[0]!r} ... {months[-1]!r}): {_unpivot_advice(required, first)}",
            source=source,
            column=months[0],
        )
    if missing:
        word = "column" if len(missing) == 1 else "columns"
        below = header_below(df, [key(rename.get(n, n)) for n in missing], source)  # a title above the header
        survey = "score" in required and answer_mapping(df, missing, rename)  # Typeform's question as a column
        account = account_columns(df) if "customer_id" in missing else []
        named = account[0] if len(account) == 1 else "NAME"  # Recurly's account_code, Zuora's Account Number
        dated = invoice_date_columns(df) if "date" in missing else []  # Zuora's Invoice.InvoiceDate
        suggested = {"customer_id": named, "date": dated[0] if len(dated) == 1 else "NAME"}
        mapping = [(n, suggested.get(n, "NAME")) for n in missing]  # all at once, not one a run
        spare = len(df.columns) > len(picked) + len(missing)  # a column left that may be the amount
        if spare and "amount" in optional and "amount" not in picked and "amount" not in missing:  # 'Betrag'
            mapping.append(("amount", "NAME"))
        from .billing_columns import _orders_like  # customer, a date, an amount given as subscriptions (H194/08)

        orders = missing == ["mrr"] and "start" in picked and _orders_like(df)
        raise DataError(
            f"{source}: missing {word} {', '.join(map(repr, missing))} (columns found: {_on_sheet(df, listing)}); "
            + ("it looks like orders (one date and an amount per row, no end, plan or subscription): import it with "
               "--orders; if it is subscriptions, " if orders else "")
            + (below or (survey and f"map {'it' if len(missing) == 1 else 'them'}: {survey}")
               or f"to use {'a column of another name' if len(mapping) == 1 else 'columns of other names'}, map "
               f"{'it' if len(mapping) == 1 else 'them all'}: {columns_option(mapping)} (in Python: "
               f"columns={dict(mapping)!r})")
            + (_NO_REVENUE if missing == ["mrr"] and "start" in picked and not orders else ""),
            source=source,
            column=missing[0],
        )  # fmt: skip
    if "quantity" in picked:  # 'Quantity' of 1, 2, 3, 4, 5: each row's number, never seats unasked
        from .seat_numbers import refuse_running_quantity

        refuse_running_quantity(df, picked, rename, source)
    taken = claimed | mapped | set(picked.values())  # 'mrr.1' beside 'mrr': which is the MRR? (H407's finding 02)
    refuse_numbered_copies(list(df.columns), picked, rename, taken, source)
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


#: A subscriptions list without revenue (a CRM's companies: customer, became a customer, churn date): what to do
#: (H330's finding 08: the refusal only said "map mrr", of a column the export does not have).
_NO_REVENUE = (
    "; a list of customers without revenue (a CRM's companies or contacts) gives no MRR: each interval counts where "
    "its MRR is above 0, so add each customer's monthly revenue as a column (from the billing system or the deals); "
    "a column of 1 counts the customers right, but then every MRR figure (Revenue, NRR, the MRR charts) is a count "
    "of customers, not money"
)


def _on_sheet(df: pd.DataFrame, listing: str) -> str:
    """``listing`` (the columns found), with the sheet they are on and the workbook's other sheets when ``df`` was
    read from one sheet of several: the data may be on another one (``--sheet``)."""
    sheets = df.attrs.get("sheets") or []
    if len(sheets) < 2:
        return listing
    others = ", ".join(repr(n) for n in sheets if n != df.attrs.get("sheet"))
    return f"{listing} on sheet {df.attrs.get('sheet')!r}; other sheets: {others}, chosen with --sheet"
