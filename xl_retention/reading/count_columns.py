"""The columns of a billing export that count: a quantity (seats, licences) that multiplies the MRR and an interval
count (every N months) that divides it. Such a column is used or refused, naming it, never ignored.

Split from :mod:`.billing_columns` (which imports everything here): the ``_refuse_*`` checks refuse a count that
cannot be used or that is there unused, by its name in the languages the import knows (:func:`_named_like`) or by
its values (:func:`_whole_counts`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .billing import BILLING_ALIASES, interval_months
from .errors import DataError, bad_rows
from .interval_columns import _number
from .list_prices import names_a_price
from .names import columns_option, key
from .names import words as name_words


def _quantities(df: pd.DataFrame, columns: Mapping[str, str]) -> list[str]:
    """The columns of ``df`` that are a quantity (seats) by its name, a billing alias or the column map, or by the
    words of a count of what is paid for in any language the import knows ("Anzahl", "Cantidad", "No. of seats",
    "Number of users", ``nb_licences``: :func:`_named_like`), unmapped and not a free one's.

    >>> _quantities(pd.DataFrame(columns=["customer_id", "Price", "Anzahl", "Free seats"]), {"mrr": "Price"})
    ['Anzahl']
    """
    from .billing_columns import _matching

    found = _matching(df, "quantity", columns)
    used = {key(c) for c in columns.values()}
    for column in map(str, df.columns):
        k = key(column)
        if column not in found and k not in used and "free" not in k and _named_like(k, "quantity", column):
            found.append(column)
    return found


def _refuse_price_per_month_and_quantity(df: pd.DataFrame, columns: Mapping[str, str], source: str) -> None:
    """A price per month mapped to ``mrr`` (``monthly_price``, "Monthly fee"; not a column named MRR, which is the
    subscription's) beside a quantity other than 1: per unit (MRR = price x quantity) or the subscription's total
    cannot be told; refused naming both."""
    price = str(columns["mrr"])
    words = re.findall(r"[a-z0-9]+", key(price))
    if "mrr" in words or "recurring" in words:
        return
    for quantity in _quantities(df, columns):
        values = pd.to_numeric(df[quantity], errors="coerce")
        if ((values != 1) & values.notna()).any():
            raise DataError(
                f"{source}: {price!r} (mapped to mrr) is an amount per month and {quantity!r} is there with values "
                f"other than 1: is it per unit (MRR = amount x quantity) or the subscription's whole MRR? Per unit: "
                f"add a column of amount x quantity and map mrr to it; whole: map mrr to a column named MRR",
                source=source,
                column=price,
            )


def _refuse_billing_names_without_interval(columns: Mapping[str, str], source: str) -> None:
    """A column map naming a billing export's columns (``amount``, ``quantity``, ``interval_count``) for a
    subscriptions file in which no billing interval column was found: the map cannot apply; say what is missing."""
    named = [ours for ours in ("amount", "quantity", "interval_count") if ours in columns]
    if named:
        raise DataError(
            f"{source}: {', '.join(f'{n}={columns[n]}' for n in named)} names the price of a billing export, which "
            f"needs its billing interval column (month, year, ...), and none was found: map it: "
            f"{columns_option([('interval', 'NAME')])} (or map mrr=NAME to a column of monthly revenue)",
            source=source,
            column=columns[named[0]],
        )


def _refuse_count_without_interval(df: pd.DataFrame, columns: Mapping[str, str], source: str) -> None:
    """An interval count (every N months) without a billing interval column cannot be used, nor ignored; nor a
    quantity (seats) beside a price per unit mapped to ``mrr`` (Stripe's "Plan Amount" as MRR, "Quantity" ignored)."""
    from .billing_columns import _matching, _monthly

    if _monthly(columns.get("mrr")):
        _refuse_price_per_month_and_quantity(df, columns, source)
        return  # MRR is per month: a billing interval, count or quantity only describes it
    counts = _matching(df, "interval_count", columns)
    if counts:
        raise DataError(
            f"{source}: {counts[0]!r} is a billing interval count, but no billing interval column was found "
            f"(month, year, ...): map it: --columns interval=NAME (the MRR is the price per interval divided by "
            f"the months of the interval and by the count)",
            source=source,
            column=counts[0],
        )
    price = columns.get("mrr")
    quantities = _quantities(df, columns)  # 'Quantity', 'Seats', 'Anzahl', 'Number of users'
    per_unit = price is not None and (key(price) in ("amount", *BILLING_ALIASES["amount"]) or names_a_price(price))
    if per_unit and quantities:  # 'Plan Amount', 'Price per seat', 'Seat price' beside seats (reading.list_prices)
        raise DataError(
            f"{source}: {price!r} (mapped to mrr) is a price per unit, and {quantities[0]!r} is there: the MRR is "
            f"price x quantity / months per interval, but no billing interval column was found (month, year, ...): "
            f"map it: {columns_option([('interval', 'NAME'), ('amount', price)])} "
            f"(or map mrr to a column of monthly revenue)",
            source=source,
            column=price,
        )


def _refuse_unused_billing_columns(
    df: pd.DataFrame, names: Mapping[str, str], source: str, *, spans: bool = True
) -> None:
    """In a billing export, a column that looks like an interval count or a quantity (seats) and is not
    used would silently change nothing where it should divide or multiply the MRR: refused, naming it.
    ``spans``: also check the billing periods and plan names against an interval without a count
    (:func:`~.interval_spans.refuse_uncounted_intervals`) on ``df`` as it is (a warehouse table's sample); a file's
    import checks them once its dates and amounts are read (False)."""
    from .free_quantities import refuse_free_quantities
    from .prepaid_intervals import refuse_prepaid_intervals

    refuse_free_quantities(df, names, source)  # 2 of 5 seats free: MRR = price x 5 would count them (H68/10)
    refuse_prepaid_intervals(df, names, source)  # Recharge: charged every 3 months for 3 orders (price of which?)
    used = {key(c) for c in names.values()}
    if unused := unused_named_counts(df, names, source):
        from .billing_columns import price_mapping

        ours, column = unused[0]
        more = [*unused[1:], *price_mapping(df, names, source)]  # the whole mapping at once (H349's finding 02)
        also = f", with the price per interval {more[-1][1]!r}" if more and more[-1][0] == "amount" else ""
        raise DataError(
            f"{source}: column {column!r} looks like the billing {ours.replace('_', ' ')} but is not "
            f"used; it changes the MRR (MRR = amount x quantity / (months per interval x interval_count)): "
            f"map it{also}: {columns_option([(ours, column), *more])}",
            source=source,
            column=column,
        )
    if "interval_count" not in names:  # 'billing_cycle_length', 'Laufzeit (Monate)': a count or a contract's term
        from .interval_counts import refuse_count_or_term

        refuse_count_or_term(df, names, source)
        if spans:  # a 3-month period or 'Pro (quarterly)' beside month, no count
            _refuse_sample_spans(df, names, source)
    if "quantity" not in names:  # a seat count under a name of no language above: by its values
        from .discounts import discount_columns
        from .interval_counts import count_or_term
        from .shipping import shipping_columns
        from .tax_flags import rate_columns
        from .taxes import tax_columns

        other = set(discount_columns(df)) | set(
            rate_columns(df.columns, names)
        )  # 'MwSt-Satz' 19: no seats | {str(c) for c in add_on_columns(df.columns, names)}  # refused as such
        other |= set(tax_columns(df.columns, names))  # taken off or refused as taxes (reading.taxes)
        other |= set(shipping_columns(df.columns, names))  # as shipping (reading.shipping)
        other |= {str(c) for c in df.columns if count_or_term(c) is not None}  # a term, or refused above
        for column in df.columns:
            if key(column) not in used and str(column) not in other and _whole_counts(column, df[column]):
                running = _running_numbers(df[column])
                if running == "ids":
                    continue  # 1, 2, 3, 4, 5, ...: each row's number, never a count of seats
                if running is not None:  # 1, 2, 3 on three rows: each row's number or seats?
                    raise running_or_seats(str(column), df[column], source)
                raise DataError(
                    f"{source}: column {str(column)!r} holds whole numbers beside the price and is not used: a "
                    "quantity (seats, licences)? It would multiply the MRR (MRR = amount x quantity / months per "
                    f"interval): map it: {columns_option([('quantity', str(column))])}, or remove the column if it "
                    "counts something else",
                    source=source,
                    column=str(column),
                )


def _refuse_sample_spans(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """:func:`~.interval_spans.refuse_uncounted_intervals` on a table's sample, its dates and amounts read as a
    file's are with no option; a column that does not read so is not looked at (its dates NaT, every row paid)."""
    from .dates import parse_dates
    from .interval_spans import refuse_uncounted_intervals
    from .number_texts import parse_numbers

    def read_dates(series: pd.Series, column: str) -> np.ndarray:
        try:
            return parse_dates(series, source, column, allow_blank=True)
        except DataError:
            return np.full(len(series), np.datetime64("NaT"), dtype="datetime64[us]")

    amounts = None
    money = names.get("amount")
    if money is not None and [str(c) for c in df.columns].count(money) == 1:
        try:
            amounts = parse_numbers(df[money], source, money, allow_blank=True)
        except DataError:
            amounts = None
    refuse_uncounted_intervals(df, names, source, read_dates, amounts)


#: Words of a column's name that say it holds no count of what is paid for (an id, a date's part, a term, a rank).
_NOT_COUNT = frozenset({
    "id", "ids", "nr", "no", "zip", "postal", "plz", "postcode", "zipcode", "phone", "year", "years", "month", "months",
    "day", "days",
    "week", "weeks", "age", "version", "cycle", "cycles", "period", "periods", "term", "terms", "rank", "index", "row",
    "line", "position", "invoice", "order", "number", "code", "interval", "frequency", "every", "trial", "score",
    "rating", "level", "tier", "step", "attempt", "attempts", "retry", "retries", "dunning", "renewal", "renewals",
    "payments", "charges", "invoices", "count", "free", "percent", "pct", "off", "rate", "amount", "price", "fee",
    "total", "tax", "mrr", "arr", "revenue", "value", "lifetime", "ltv", "anchor",
    # a record's id or reference (WooCommerce's post_parent: the parent order's id, 101, 102): never a count
    "parent", "post", "ref", "reference", "key", "sku", "uuid", "guid", "serial", "sequence", "seq", "parent_id",
})  # fmt: skip
#: Words of a column name, in camel case too, that say a day of the month ("billing_anchor", Lemon Squeezy's renewal
#: day 1-31; "BillingDayOfMonth"): whole numbers, but no count of what is paid for (H222's finding 02: the advice
#: --columns quantity=billing_anchor multiplied each MRR by its renewal day).
_DAY_WORDS = frozenset({"anchor", "day", "days"})
#: Words of :data:`_NOT_COUNT` that say money: found in camel case too ("SupportLifetimeValue", "SeatPrice"), where
#: the others are not ("UserCount" is a seat count still).
_MONEY_WORDS = frozenset(
    {"amount", "price", "fee", "total", "tax", "mrr", "arr", "revenue", "value", "lifetime", "ltv"}
)


def _numbers(values: pd.Series) -> np.ndarray | None:
    """A column's values that are not blank, as numbers in row order; None where one is not a number written in
    digits (a text of up to 6 digits, or a number)."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return None
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values.dropna().to_numpy(dtype=np.float64)
    texts = values.dropna().astype(str).str.strip()
    texts = texts[texts != ""]
    if not texts.str.fullmatch(r"[0-9]{1,6}").all():
        return None
    return texts.astype(np.float64).to_numpy()


#: Rows of a column, each one more than the row above (1, 2, 3, 4, 5), that make it each row's running number: seats
#: so (five subscriptions of 1, 2, 3, 4 and 5 seats, in that order) are not a billing export's.
RUNNING_ROWS = 5


def _running_numbers(values: pd.Series) -> str | None:
    """Whether a column of whole numbers numbers its rows: ``"ids"`` where each row's value is one more than the row
    above's, on :data:`RUNNING_ROWS` rows or more (1, 2, 3, 4, 5; 1001, 1002, ...: a running number, never a seat
    count); ``"unsure"`` where, on 3 rows or more, each row's value is another of a run with none left out (1, 2, 3;
    3, 1, 2, 4, 5, 6 in a table of no order): a running number or seats cannot be told; None otherwise (5, 12, 3).

    >>> [_running_numbers(pd.Series(v)) for v in ([1, 2, 3, 4, 5], ["7", "8", "", "9", "10", "11"], [1, 2, 3])]
    ['ids', 'ids', 'unsure']
    >>> [_running_numbers(pd.Series(v)) for v in ([3, 1, 2, 4, 5, 6], [1, 2], [5, 12, 3], [1, 2, 2, 3], [1, 2, 4])]
    ['unsure', None, None, None, None]
    """
    numbers = _numbers(values)
    if numbers is None or len(numbers) < 3:
        return None
    if len(numbers) >= RUNNING_ROWS and bool(np.all(np.diff(numbers) == 1)):
        return "ids"
    distinct = np.unique(numbers)
    return "unsure" if len(distinct) == len(numbers) and distinct[-1] - distinct[0] == len(numbers) - 1 else None


def running_or_seats(column: str, values: pd.Series, source: str) -> DataError:
    """The refusal of a column, not used, whose values may number the rows as well as count seats (1, 2, 3 on three
    rows: :func:`_running_numbers`'s ``"unsure"``), naming it and its values; no advice to map it as the quantity
    alone, which would multiply the MRR by each row's number where it numbers the rows."""
    numbers = _numbers(values)
    shown = ", ".join(f"{n:g}" for n in (numbers if numbers is not None else [])[:6])
    more = ", ..." if numbers is not None and len(numbers) > 6 else ""
    return DataError(
        f"{source}: column {column!r} holds {shown}{more}, a different whole number on each row, beside the price "
        f"and is not used: is it each row's running number (an id: no count) or a quantity (seats, licences), which "
        f"would multiply the MRR (MRR = amount x quantity / months per interval)? It cannot be told from its "
        f"values: a running number: remove the column; seats: map it: {columns_option([('quantity', column)])}",
        source=source,
        column=column,
    )


def _whole_counts(name: Any, values: pd.Series) -> bool:
    """Whether a column's values are counts of what is paid for: whole numbers from 1 to 100,000, one above 1, not
    all years, its name none of :data:`_NOT_COUNT` ("Anzahl", "Menge", "Team size": a seat count in a billing export).

    >>> _whole_counts("Anzahl", pd.Series(["5", "1", ""])), _whole_counts("Plan ID", pd.Series([5, 1]))
    (True, False)
    >>> _whole_counts("x", pd.Series([1, 1])), _whole_counts("x", pd.Series([2.5, 1]))
    (False, False)
    >>> _whole_counts("x", pd.Series([2024, 2025]))
    False
    >>> _whole_counts("SupportLifetimeValue", pd.Series([900, 120])), _whole_counts("UserCount", pd.Series([5, 2]))
    (False, True)
    >>> _whole_counts("billing_anchor", pd.Series([3, 15])), _whole_counts("BillingAnchor", pd.Series([3, 15]))
    (False, False)
    """
    words = name_words(name)
    if set(re.split(r"[^0-9a-zà-ÿ]+", key(name))) & _NOT_COUNT or words & _MONEY_WORDS or words & _DAY_WORDS:
        return False
    numbers = _numbers(values)
    if numbers is None or len(numbers) == 0 or not np.all(numbers == np.round(numbers)):
        return False
    if numbers.min() < 1 or numbers.max() > 100_000:
        return False
    return bool(numbers.max() > 1) and not bool(np.all((numbers >= 1900) & (numbers <= 2100)))


#: Words of a column name (:func:`key`'s, split at ``_`` and ``.``) that say an interval count ("every 3 months":
#: ``frequency``, ``billing_frequency``, ``every``, ``billed_every``) or a quantity (``Licenses``, ``Units``, ``Users``,
#: "Number of seats", "Agents", "Team size"): such a column in a billing export is used or refused, never ignored.
_COUNT_WORDS = frozenset({"frequency", "every"})
_QUANTITY_WORDS = frozenset({
    "licenses", "licences", "units", "users", "members", "seats", "agents", "quantities", "anzahl", "menge", "plätze",
    "platze", "stück", "stuck", "stückzahl", "cantidad", "quantité", "quantite", "quantità", "quantita", "aantal",
    "antal", "ilość", "ilosc", "quantidade",
})  # fmt: skip
_COUNTED = frozenset({"license", "licence", "unit", "user", "member", "seat", "agent"})  # with "count"
_TEAM_SIZE = frozenset({"team", "size"})  # 'Team size': a seat count (a help desk's, a chat tool's)
_COUNTING = frozenset({"count", "anzahl"})


def _words_of_interval(df: pd.DataFrame, column: str, names: Mapping[str, str], source: str) -> bool:
    """Whether ``column`` (named like an interval count) holds words, no number: no count ('Billing Frequency' =
    'Monthly'); interval words that say other months than the interval column's on a row are refused, naming them.

    >>> df = pd.DataFrame({"interval": ["month", "year"], "BillingFrequency": ["Monthly", "Annual"]})
    >>> _words_of_interval(df, "BillingFrequency", {"interval": "interval"}, "s.csv")
    True
    >>> _words_of_interval(df.assign(BillingFrequency=["Monthly", "Monthly"]), "BillingFrequency", {"interval":
    ...                    "interval"}, "s.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'BillingFrequency': billing frequencies that say other \
months than the interval column 'interval' (which one is right cannot be told) in row 3 (counting the header as row \
1): 'Monthly'
    >>> _words_of_interval(pd.DataFrame({"Billing Frequency": ["2", None]}), "Billing Frequency", {}, "s.csv")
    False
    """
    pairs = pd.DataFrame({"w": df[column], "i": df[names["interval"]] if "interval" in names else None})
    pairs = pairs[pairs["w"].notna()].drop_duplicates()  # the distinct (frequency, interval) pairs: few
    said = [str(v).strip() for v in pairs["w"]]
    if any(_number(v) for v in said if v):
        return False
    months = [interval_months(v) for v in said]
    if "interval" in names:
        other = [m is not None and interval_months(i) is not None and m != interval_months(i) for m, i in
                 zip(months, pairs["i"], strict=True)]  # fmt: skip
        if any(other):
            both = df[column].astype(str) + "\x00" + df[names["interval"]].astype(str)
            wrong = pairs[other]["w"].astype(str) + "\x00" + pairs[other]["i"].astype(str)
            rows = np.flatnonzero(both.isin(set(wrong)).to_numpy())
            problem = (
                f"billing frequencies that say other months than the interval column {names['interval']!r} "
                "(which one is right cannot be told)"
            )
            raise bad_rows(source, column, problem, rows, df[column].to_numpy())
    return True


def unused_named_counts(df: pd.DataFrame, names: Mapping[str, str], source: str) -> list[tuple[str, str]]:
    """The columns of a billing export named as an interval count or a quantity (seats) and not used: (our name,
    the column) for each of ``interval_count`` and ``quantity`` not in ``names`` (the columns used, ours to the
    file's), the first column named so. A column named like an interval count that holds interval words
    ('Billing Frequency' = 'Monthly') is no count (:func:`_words_of_interval`).

    >>> df = pd.DataFrame(columns=["id", "billing_cycle.interval", "items.quantity", "items.price.unit_price.amount"])
    >>> unused_named_counts(df, {"interval": "billing_cycle.interval"}, "p.csv")
    [('quantity', 'items.quantity')]
    """
    used = {key(c) for c in names.values()}
    looks = {"interval_count": ("interval",), "quantity": ("quantity", "seat", "qty")}
    found = []
    for ours, words in looks.items():
        if ours in names:
            continue
        for column in df.columns:
            k = key(column)
            if k not in used and "free" not in k and (any(w in k for w in words) or _named_like(k, ours, column)):
                if ours == "interval_count" and _words_of_interval(df, str(column), names, source):
                    continue  # 'Billing Frequency' = 'Monthly' beside the interval: words, no count
                found.append((ours, str(column)))
                break
    return found


def _named_like(name_key: str, ours: str, name: Any = None) -> bool:
    """Whether a column's key (:func:`key`), or its ``name``'s camel-case words, has the words of an interval count
    or a quantity (see above).

    >>> [_named_like(key(n), "interval_count") for n in ("billing_frequency", "Every", "Delivery date")]
    [True, True, False]
    >>> [_named_like(key(n), "quantity") for n in ("Licenses", "Units", "user_count", "User ID", "unit_amount")]
    [True, True, True, False, False]
    >>> [_named_like(key(n), "quantity") for n in ("Team size", "Agents", "agent_count", "Team", "Agent ID")]
    [True, True, True, False, False]
    >>> _named_like(key("BillingFrequency"), "interval_count", "BillingFrequency"), _named_like("usercount", "quantity",
    ...                                                                                       "UserCount")
    (True, True)
    """
    words = set(name_key.replace(".", "_").split("_"))
    if name is not None:  # 'BillingFrequency': billing, frequency
        words |= name_words(name, whole=False)
    if ours == "interval_count":
        return bool(words & _COUNT_WORDS)
    return bool(words & _QUANTITY_WORDS) or bool(words & _COUNTED and words & _COUNTING) or _TEAM_SIZE <= words
