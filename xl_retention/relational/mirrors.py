"""The checks of :mod:`xl_retention.reading` that look at a file's own columns, on an engine's typed table.

A Parquet file or database table read by DuckDB, Spark or PostgreSQL is not read by pandas, so the refusals that
:func:`xl_retention.reading.prepare` makes on a file's columns are made here in SQL, with the same rules and
problems: statuses that do not pay or say the subscription ended without an end date (:mod:`.reading.statuses`),
two currencies (:mod:`.reading.currency`), ids that are Excel errors, scientific notation or a guest's placeholder
(:mod:`.reading.values`), the same record twice (:mod:`.reading.repeats`), and amounts in the smallest currency
unit (:func:`~xl_retention.reading.smallest_units.minor_unit_divisors`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

from ..reading import DataError, key
from ..reading.billing import bare_key
from ..reading.billing_columns import add_on_columns as _add_on_columns  # noqa: F401 (relational.typed_tables imports it)
from ..reading.currency import (
    CURRENCY_COLUMNS,
    code_of,
    codes_column,
    converted_hint,
    named_currency,
    one_currency_named,
    paired_currency,
    segment_said,
)
from ..reading.held_statuses import (
    _PAUSED,
    HELD,
    HELD_PROBLEM,
    SUSPENDED,
    SUSPENDED_PROBLEM,
    _paused_problem,
    held_advice,
    suspended_advice,
)
from ..reading.notes import note
from ..reading.repeats import CHANGED, CHANGED_ADVICE, PROBLEM_ADVICE, _item_rows, record_id_columns
from ..reading.repeats import PROBLEM as REPEAT_PROBLEM
from ..reading.response_types import not_answer_codes, qualtrics_status_columns
from ..reading.smallest_units import (
    STRIPE_API_FIELDS,
    STRIPE_ID_PREFIXES,
    STRIPE_OBJECTS,
    THREE_DECIMAL,
    ZERO_DECIMAL,
    _api_amount,
    _api_headers,
    converted_twin,
    decimal_cents,
    formatted_twin,
)
from ..reading.statuses import (
    ANSWER_PROBLEM,
    ANSWER_STATUS_NAMES,
    ENDED,
    ENDED_PROBLEM,
    FLAG_ADVICE,
    FLAG_FALSE,
    FLAG_PROBLEM,
    FLAG_TRUE,
    NOT_ANSWERS,
    NOT_PAYING,
    SEPARATORS,
    UNKNOWN_ADVICE,
    UNKNOWN_PROBLEM,
    answer_flag_columns,
    ended_advice,
    ended_flag_columns,
    flag_problem,
    flagged_ended,
    status_columns,
    unknown_statuses,
)
from ..reading.statuses import PROBLEM as STATUS_PROBLEM
from ..reading.values import (
    _NUMBER_TEXT,
    _SCIENTIFIC,
    _UNSIGNED_SCIENTIFIC,
    EXCEL_ERRORS,
    NO_ONE,
    SCIENTIFIC_ADVICE,
    error_problem,
    no_one_advice,
    no_one_problem,
    scientific_problem,
)
from .currency_rows import currency_refusal
from .refusals import ROW, _stripped, first_rows, refuse_any, trimmed, unseen_in_ids
from .vendor_amounts import square_cents_unsure, vendor_cents_table


def _refuse_other_ids(con: Any, table: ir.Table, source: str, names: dict[str, str], cols: Mapping[str, str]) -> None:
    """An object's own id (``customers.id``) beside the column taken as that id (``subscriptions.customer_id``) must
    hold the same ids, as :func:`~xl_retention.reading.billing.check_same_ids` refuses for a file's columns."""
    for ours, theirs in names.items():
        if ours not in ("customer_id", "visitor_id") or ours in cols:
            continue
        own = [c for c in table.columns if c != theirs and key(c).endswith(".id") and bare_key(key(c)) == ours]
        if not own:
            continue
        a, b = (_stripped(table[c].cast("string")).nullif("") for c in (theirs, own[0]))
        differ = (a.isnull() != b.isnull()) | (a.notnull() & b.notnull() & (a != b))
        shown = table.mutate(**{"__shown": table[theirs]})
        what = f"which is the {ours} cannot be told: map one, --columns {ours}=NAME"
        problem = f"ids that differ from {own[0]!r} ({what})"
        refuse_any(con, shown, source, [(theirs, problem, differ, "__shown")])


def _spelled(column: ir.Value) -> ir.Value:
    """:func:`~xl_retention.reading.statuses.spelled` as an expression: text, lower case, separators as ``_``.

    Spaces at either end go by :func:`~.refusals.trimmed` (ibis' ``strip`` on Spark takes v and f: 'future' was
    'uture')."""
    return trimmed(column.cast("string")).lower().re_replace(SEPARATORS, "_")


def _refuse_statuses(con: Any, table: ir.Table, source: str, read_later: frozenset[str] = frozenset()) -> bool:
    """Rows whose status column says the subscription does not pay (a trial, ...) are refused, as a file's are
    (:func:`~xl_retention.reading.statuses.check_statuses`); statuses in ``read_later`` are left to the file reading
    (a trial ending after today, :func:`~xl_retention.reading.trials.paid_from_trial_end`). Returns whether some row
    holds one (the table is then read as a file's)."""
    later = False
    columns = [c for c in table.columns if c != ROW]
    for name in status_columns(table.columns):
        shown = table.mutate(**{"__shown": table[name]})
        refused = NOT_PAYING - read_later
        said = _spelled(table[name])
        paused, held = refused & _PAUSED, refused & HELD  # paid until then: told what to write, not to remove them
        suspended = refused & SUSPENDED
        refuse_any(con, shown, source, [
            (name, _paused_problem(columns), said.isin(sorted(paused)), "__shown"),
            (name, HELD_PROBLEM, said.isin(sorted(held)), "__shown", held_advice(columns)),
            (name, SUSPENDED_PROBLEM, said.isin(sorted(suspended)), "__shown", suspended_advice(columns)),
            (name, STATUS_PROBLEM, said.isin(sorted(refused - paused - held - suspended)), "__shown"),
        ])  # fmt: skip
        said = con.execute(table.select(v=_spelled(table[name])).distinct().limit(1000))["v"].dropna().tolist()
        unknown = unknown_statuses(said)  # 'lost' beside 'active': refused as a file's is
        if unknown:
            unread = _spelled(table[name]).isin(unknown)
            refuse_any(con, shown, source, [(name, UNKNOWN_PROBLEM, unread, "__shown", UNKNOWN_ADVICE)])
        later |= bool(read_later & set(said))
    return later


def _refuse_ended_without_end(con: Any, table: ir.Table, source: str, end: str | None) -> None:
    """Rows whose status column says the subscription ended (``canceled``, ``expired``, ...) with no end date are
    refused, naming them, as a file's are (:func:`~xl_retention.reading.statuses.check_ended_without_end`)."""
    blank = table[end].isnull() if end is not None else ibis.literal(True)
    columns = [c for c in table.columns if c != ROW]
    for name in ended_flag_columns(columns):  # cancelled true, is_active false
        values, others = flagged_ended(name)
        flag = _spelled(table[name])
        ended = flag.isin(sorted(values))
        if others:
            ended |= ~flag.isin(sorted(FLAG_TRUE | FLAG_FALSE))
        shown = table.mutate(**{"__shown": table[name]})
        problem, advice = flag_problem(name, columns, end)  # a failed flag's own (reading.statuses.FAILED_PROBLEM)
        refuse_any(con, shown, source, [(name, problem, blank & ended, "__shown", advice)])
    advice = ended_advice(columns, end)  # the file's own column of the day service stopped (reading.statuses)
    for name in status_columns(table.columns):
        shown = table.mutate(**{"__shown": table[name]})
        said = blank & _spelled(table[name]).isin(sorted(ENDED))
        refuse_any(con, shown, source, [(name, ENDED_PROBLEM, said, "__shown", advice)])


def _refuse_renewal_ends(con: Any, table: ir.Table, source: str, names: Mapping[str, str], today: Any) -> None:
    """An end that is a renewal date (a column named so, on rows not ended; or any end already past on a row whose
    status says active) is refused, naming the rows, as a file's is
    (:func:`~xl_retention.reading.renewals.check_renewal_ends`)."""
    from ..reading.renewals import (
        RUNNING,
        STOPPED,
        _today,
        other_end,
        renewal_column,
        renewal_problem,
        running_problem,
        scheduled_cancel,
        term_end_only,
    )

    column = names.get("end")
    if column is None:
        return
    end = table[column].cast("timestamp")
    now = _today(today)
    month_end = (now.astype("datetime64[M]") + 1).astype("datetime64[us]")
    other = other_end([c for c in table.columns if c != ROW], names)
    statuses = status_columns(table.columns)
    shown = table.mutate(**{"__shown": table[column]})
    checks = []
    if renewal_column(column) and (statuses or not term_end_only(column)):  # a contract's term end: by status
        stopped = ibis.literal(False)
        for name in statuses:
            stopped |= _spelled(table[name]).isin(sorted(STOPPED)).fill_null(False)
        before = ibis.literal(pd.Timestamp(month_end)).cast("timestamp")
        checks.append((column, renewal_problem(other), end.notnull() & (end < before) & ~stopped, "__shown"))
    past = ibis.literal(pd.Timestamp(now)).cast("timestamp")
    for name in statuses:
        running = _spelled(table[name]).isin(sorted(RUNNING)).fill_null(False)
        problem = running_problem(column, name, other, scheduled_cancel(column, table.columns))  # Stripe's Canceled At
        checks.append((column, problem, end.notnull() & (end < past) & running, "__shown"))
    refuse_any(con, shown, source, checks)


def _refuse_currencies(con: Any, table: ir.Table, source: str, segment: str | None, money: str | None = None) -> None:
    """A currency column with two values is refused, as a file's is
    (:func:`~xl_retention.reading.currency.check_currency_column`), unless it is the segment: a column named so
    (:func:`~xl_retention.reading.currency.named_currency`: ``currency_code``, ``subscriptions.currency_code``,
    "Transaction Currency", "Währung"; a name that only mentions currency counts when its values are codes) and, when
    one goes with the money column ``money`` by name ("Converted Currency" with "Converted Amount"), only that one."""
    from ..reading.names import keys_of
    from ..reading.other_currencies import others_currencies

    columns = [c for c in table.columns if c != ROW]
    paired = paired_currency(columns, money)
    if not paired and one_currency_named(money):  # HubSpot's 'Amount in company currency': 'Currency' the deal's
        return
    others = others_currencies(columns, money)  # Stripe's customer_facing_currency beside gross's currency
    schema = table.schema()
    for name in columns:
        if segment is not None and key(segment) == key(name) or name in others:
            continue
        if not named_currency(name):  # a column of codes under another name ("ccy", "curr"): reading.currency
            if paired or not schema[name].is_string():
                continue
            few = con.execute(table.select(v=table[name]).distinct().limit(41))["v"].tolist()
            if len(few) > 40 or not codes_column(few):
                continue
        if paired and name not in paired:
            continue
        spelled = _stripped(table[name].cast("string")).upper()  # not strip: Spark's takes v and f (refusals)
        found = table.select(c=spelled).filter(spelled.notnull() & (spelled != "")).distinct().order_by("c").limit(6)
        currencies = con.execute(found)["c"].tolist()
        if named_currency(name) and not keys_of(name) & set(CURRENCY_COLUMNS):
            if not all(re.fullmatch(r"[A-Z]{3}", c) for c in currencies):
                continue  # a name that only mentions currency ("Currency Rate"), its values not codes
        if len({code_of(c) for c in currencies}) > 1:  # 'EUR', '€', 'EURO': one currency (reading.currency)

            def codes_of(column: str) -> list[str]:
                text = _stripped(table[column].cast("string")).upper()
                found = table.select(c=text).filter(text.notnull() & (text != "")).distinct().order_by("c").limit(2)
                return con.execute(found)["c"].tolist()

            hint = converted_hint(columns, money, codes_of)  # Stripe's 'Converted Amount', in one currency
            named = currency_refusal(con, table, source, name, hint)  # its rows and values, as pandas names them
            if named is not None:
                raise named
            raise DataError(
                f"{source}, column {name!r}: {'more than 5' if len(currencies) > 5 else len(currencies)} currencies "
                f"({', '.join(currencies[:5])}){hint}; amounts are added up: convert them to one currency first, or "
                f"import one currency at a time ({segment_said(f'{name}={currencies[0]}')})",
                source=source,
                column=name,
            )


#: :data:`~xl_retention.reading.values.NO_ONE` as ids are written ('Гость', 'GOŚĆ', 'Consumidor Final'), for servers
#: whose lower() leaves letters outside ASCII as they are.
_NO_ONE_WRITTEN = sorted({form for word in NO_ONE for form in (word, word.capitalize(), word.title(), word.upper())})


def _id_checks(t: ir.Table, names: Mapping[str, str], people: list[str], integers: Any = ()) -> list[tuple[Any, ...]]:
    """The checks of :func:`~xl_retention.reading.values.refuse_bad_ids` on a typed table's ids: Excel error values
    (``#N/A``), long numbers in Excel's scientific notation (``7.12346E+12``) and ids that stand for no one
    (WooCommerce's guest ``0``), each with the problem the pandas path names. ``integers``: the table's integer
    columns, whose 0 is an id (numbered from 0), as the pandas path reads them."""
    checks = []
    for who, what in (("customer_id", "customer ids"), ("visitor_id", "visitor ids")):
        if who not in t.columns:
            continue
        ids = t[who]
        no_one = (  # also as written: a server's lower() may change ASCII letters only (PostgreSQL in the C locale)
            ids.lower().isin(sorted(NO_ONE)) | ids.isin(_NO_ONE_WRITTEN)
            if names[who] not in integers
            else ids.isnull() & ids.notnull()
        )
        scientific = ids.re_search(f"^{_SCIENTIFIC}$")
        if names[who] not in integers:  # '1E5' where every id is a number (reading.values.scientific_ids, H407/01)
            others = t.filter(ids.notnull() & ~ids.re_search(f"^{_NUMBER_TEXT}$")).count().as_scalar()
            scientific |= ids.re_search(f"^{_UNSIGNED_SCIENTIFIC}$") & (others == 0)
        checks += [
            (names[who], error_problem(what), ids.isin(list(EXCEL_ERRORS)), who),
            (names[who], scientific_problem(what), scientific, who, SCIENTIFIC_ADVICE),
            (names[who], no_one_problem(what), no_one, who, no_one_advice(what, people)),
        ]
    return checks


def _refuse_repeated_rows(con: Any, table: ir.Table, source: str, people: Any = ()) -> None:
    """:func:`~xl_retention.reading.repeats.check_repeated_rows` on a typed table: rows identical in every column
    to an earlier row with the same record id (:data:`~xl_retention.reading.repeats.RECORD_IDS`) are refused,
    naming them, and so are rows with an earlier row's id and other values (the record changed between two
    exports), unless the table has item columns (line items share their order's id). One aggregate query per record
    id column; the rows are compared only when an id repeats."""
    columns = [c for c in table.columns if c != ROW]
    for position in record_id_columns(columns, people=people):  # a customer's id repeats by design
        name = columns[position]
        text = _stripped(table[name].cast("string")).nullif("")
        found = con.execute(table.aggregate(n=text.count(), distinct=text.nunique())).iloc[0]
        if int(found["n"]) == int(found["distinct"]):
            continue
        order = [table[ROW]] if ROW in table.columns else []
        copy = ibis.row_number().over(group_by=[table[c] for c in columns], order_by=order)
        again = ibis.row_number().over(group_by=text, order_by=order)
        marked = table.mutate(__copy=copy, __again=again, __id=text)
        for problem, later, advice in (
            (REPEAT_PROBLEM, "__copy", PROBLEM_ADVICE),
            (CHANGED, "__again", CHANGED_ADVICE),
        ):
            if later == "__again" and _item_rows(columns):  # line items, subscription items: one id, several rows
                continue
            condition = marked["__id"].notnull() & (marked[later] > 0)
            count = int(con.execute(marked.filter(condition).count()))
            if count:
                raise first_rows(con, marked, condition, source, name, problem, name, count, advice)


def _currency_columns(table: ir.Table, con: Any = None) -> list[str]:
    """The currency columns of ``table`` as :func:`~xl_retention.reading.smallest_units.minor_unit_divisors` finds them
    (:func:`~xl_retention.reading.money_currencies.money_currency_columns`): by a name that says currency
    ("Currency Code", ``plan_currency``, "Currency ISO"), else a column of codes under another name (``ccy`` of
    ``usd``: a query of its distinct values per text column, on ``con`` or the table's own backend)."""
    from ..reading.money_currencies import money_currency_columns

    schema = table.schema()
    con = con if con is not None else table.get_backend()

    def values(name: str) -> list[Any] | None:  # None: numbers, no codes (a currency_rate: reading.money_currencies)
        if schema[name].is_numeric() or schema[name].is_boolean():
            return None
        if not schema[name].is_string() and not named_currency(name):
            return None  # a date's, a list's: no codes (only a column named so is read as text: an enum of codes)
        text = table[name] if schema[name].is_string() else table[name].cast("string")
        query = table.select(v=text).filter(text.notnull()).distinct().limit(100)
        return con.execute(query)["v"].tolist()

    return money_currency_columns([c for c in table.columns if c != ROW], values)


def _minor_unit_divisors(
    con: Any, table: ir.Table, names: Mapping[str, str], money: str, source: str = "the table", amounts: Any = None
) -> ir.Value | str | None:
    """:func:`~xl_retention.reading.smallest_units.minor_unit_divisors` for a typed table: each row's divisor (100; 1
    for a zero-decimal currency, 1000 for a three-decimal one, by the row's currency) when the column ``money``
    (integer, or float of whole numbers) holds amounts in the smallest currency unit, as Stripe's API (every customer id
    ``cus_...``, every column named as an API field, lower-case currency codes) and Paddle Billing's (``ctm_...``
    ids or ``unit_price.amount``) write them; else None. ``amounts`` (``--amounts``): "units", never; "cents",
    always (by the rows' currency). :data:`UNSURE` where the amounts may be cents or units (a name not the API's, an
    amount below one unit in cents: :func:`~xl_retention.reading.smallest_units.minor_unit_divisors`), or are said to be
    cents and have fractions: the table is then read as a file's, which refuses naming the column and a row. One or
    two aggregate queries."""
    theirs = names.get(money)
    if amounts == "units" or theirs is None or "customer_id" not in names:
        return None
    if decimal_cents(theirs):
        return UNSURE  # Stripe's unit_amount_decimal: cents with decimals, read as a file's (reading.revenue)
    kind = table.schema()[theirs]
    if not (kind.is_integer() or kind.is_floating()):  # a float column of whole numbers too (4900.0, i25)
        return None
    currencies = _currency_columns(table, con)  # the file's finder: 'Currency ISO', 'ccy' of usd too
    listed = [c for c in table.columns if c != ROW]
    if amounts is None and (formatted_twin(listed, theirs) or converted_twin(listed, theirs)) is not None:
        return UNSURE  # 'total_formatted' beside 'total' (or 'total_usd') tells the unit: read as a file's
    if amounts == "cents":
        amount = table[theirs].cast("float64")
        fractions = con.execute(table.aggregate(f=(amount.notnull() & (amount != amount.floor())).ifelse(1, 0).sum()))
        if int(fractions["f"].iloc[0] or 0):
            return UNSURE
        return _by_currency(table, currencies[0]) if len(currencies) == 1 else ibis.literal(100.0)
    by_currency = _by_currency(table, currencies[0]) if len(currencies) == 1 else ibis.literal(100.0)
    vendor = vendor_cents_table(con, table, theirs, by_currency, source)  # Chargebee's API, Baremetrics' template
    if vendor is not None:
        return vendor
    if square_cents_unsure(con, table, theirs, names["customer_id"], currencies):  # Square's Money, or its ids
        return UNSURE  # read as a file's: cents with a note, or refused (reading.vendor_cents)
    if len(currencies) != 1:
        return None
    ids = _stripped(table[names["customer_id"]].cast("string"))
    codes = _stripped(table[currencies[0]].cast("string")).nullif("")
    amount = table[theirs].cast("float64")
    found = con.execute(table.aggregate(
        ids=ids.count(), stripe=ids.startswith("cus_").ifelse(1, 0).sum(),
        paddle=ids.startswith("ctm_").ifelse(1, 0).sum(),
        bad=(codes.notnull() & ~codes.re_search("^[a-z]{3}$")).ifelse(1, 0).sum(),
        amounts=amount.count(), fractions=(amount.notnull() & (amount != amount.floor())).ifelse(1, 0).sum(),
    )).iloc[0]  # fmt: skip
    if int(found["amounts"]) == 0 or int(found["fractions"] or 0) > 0:
        return None
    count = int(found["ids"])
    headers = [c for c in table.columns if c != ROW and c not in currencies]  # 'Currency Code': no API field's
    stripe = count > 0 and int(found["stripe"] or 0) == count and _api_headers(headers) and not found["bad"]
    paddle = (count > 0 and int(found["paddle"] or 0) == count) or key(theirs).endswith("unit_price.amount")
    if not (stripe or paddle):
        return None
    divisors = _by_currency(table, currencies[0])
    below = ((amount != 0) & (amount.abs() < divisors)).ifelse(1, 0).sum()
    if not _api_amount(theirs):
        return UNSURE  # cents or units? refused as a file's (reading.revenue)
    if int(con.execute(table.aggregate(b=below))["b"].iloc[0] or 0) and not (stripe and _stripe_api_table(con, table)):
        return UNSURE  # 49 with cus_ ids: cents (0.49) or units? refused as a file's (reading.revenue)
    note(
        f"{source}: the whole amounts of {theirs!r} were read in cents, the currency's smallest unit, as "
        f"{'Stripe' if stripe else 'Paddle'}'s API writes them (4900 as 49.00); if they are whole units, import with "
        "--amounts units"
    )
    return divisors


def _ids_repeat(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether a subscriptions table repeats a record id (a subscription's id on each month's snapshot, on each
    phase of an interval; or one written with a character of no width), or an orders table (a sale's id on its
    refund rows: reading.sale_refunds): read as a file's, whose check tells them from a record changed between two
    exports (:func:`~xl_retention.reading.repeats.check_repeated_rows`). One aggregate query per record id column."""
    columns = [c for c in table.columns if c != ROW]
    for position in record_id_columns(columns, people=(names.get("customer_id"),)):
        text = table[columns[position]].cast("string")
        found = con.execute(table.aggregate(n=text.count(), distinct=text.nunique())).iloc[0]
        if int(found["n"]) != int(found["distinct"]):
            return True
        if table.schema()[columns[position]].is_string() and unseen_in_ids(con, table, [columns[position]]):
            return True  # 'sub_1' and 'sub_1\u200b': one record as a file's ids are read (reading.repeats)
    return False


def _last_day_ends(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether an intervals table's ends may be contracts' last days (the day after an end is its start's day of a
    month, or a customer's start the day after one of their ends): read as a file's, whose rows tell
    (reading.inclusive_ends)."""
    if "end" not in names or not table.schema()[names["end"]].is_temporal():
        return False  # no end; or text, read as a file's anyway
    end = table[names["end"]]
    after = end.cast("date") + ibis.interval(days=1)
    if int(con.execute(table.filter(end.notnull() & (after.day() == table[names["start"]].day())).count())) > 0:
        return True
    ends = table.filter(end.notnull()).select(c=table[names["customer_id"]], e=after)
    starts = table.select(c2=table[names["customer_id"]], s=table[names["start"]].cast("date"))
    return int(con.execute(ends.join(starts, [ends.c == starts.c2, ends.e == starts.s]).count())) > 0


def _continued_phases(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether an intervals table with a status column has a row ending the day (or the day before) another row of
    its customer starts (Zuora's rate plan charge segments, 'Active' on each): read as a file's, whose check of ends
    already past beside an active status leaves out a phase its subscription continued
    (:func:`~xl_retention.reading.renewals.check_renewal_ends`)."""
    if "end" not in names or not status_columns(table.columns) or not table.schema()[names["end"]].is_temporal():
        return False  # no status (nothing to contradict), or text ends, read as a file's anyway
    end = table[names["end"]].cast("date")
    ends = table.filter(end.notnull()).select(c=table[names["customer_id"]], e=end)
    start = table[names["start"]].cast("date")
    starts = table.select(c2=table[names["customer_id"]], s=start, s1=start - ibis.interval(days=1))
    joined = ends.join(starts, [ends.c == starts.c2, (ends.e == starts.s) | (ends.e == starts.s1)])
    return int(con.execute(joined.count())) > 0


def _months_twice(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether a snapshots table has a customer twice in one month (its subscriptions' rows, a paused row: read as a
    file's, :func:`~xl_retention.reading.snapshot_rows.one_row_per_month`)."""
    who, month = table[names["customer_id"]], table[names["month"]]
    pairs = table.select(c=who, m=month).distinct().count()
    return int(con.execute(pairs)) < int(con.execute(table.count()))


def _stripe_api_table(con: Any, table: ir.Table) -> bool:
    """:func:`~xl_retention.reading.smallest_units.stripe_api_export` of a typed table: an ``object`` column of Stripe's
    object names, or ``id`` of Stripe's object ids beside a field only its API writes. At most two queries."""
    by_key = {key(c): c for c in table.columns if c != ROW}
    if "object" in by_key:
        objects = _stripped(table[by_key["object"]].cast("string")).lower().nullif("")
        found = con.execute(table.select(v=objects).distinct().limit(len(STRIPE_OBJECTS) + 1))["v"].dropna()
        if len(found) and set(found) <= STRIPE_OBJECTS:
            return True
    if "id" not in by_key or not STRIPE_API_FIELDS & set(by_key):
        return False
    ids = _stripped(table[by_key["id"]].cast("string")).nullif("")
    prefixed = ibis.or_(*(ids.startswith(p) for p in STRIPE_ID_PREFIXES))
    found = con.execute(table.aggregate(n=ids.count(), ours=prefixed.ifelse(1, 0).sum())).iloc[0]
    return int(found["n"]) > 0 and int(found["ours"] or 0) == int(found["n"])


#: What :func:`_minor_unit_divisors` gives where whole amounts may be cents or units: read the table as a file's.
UNSURE = "unsure"


def _by_currency(table: ir.Table, currency: str) -> ir.Value:
    """Each row's divisor of amounts in the smallest unit by its code in ``currency``: 100, 1 for a zero-decimal
    currency, 1000 for a three-decimal one."""
    upper = _stripped(table[currency].cast("string")).upper()
    return upper.isin(sorted(ZERO_DECIMAL)).ifelse(1.0, upper.isin(sorted(THREE_DECIMAL)).ifelse(1000.0, 100.0))


def _refuse_test_answers(con: Any, table: ir.Table, source: str) -> None:
    """Survey answers whose status says a preview, a test or spam (Qualtrics' "Survey Preview", its
    ``DistributionChannel`` preview) are refused, naming them, as a file's are
    (:func:`~xl_retention.reading.statuses.check_answer_statuses`)."""
    from ..reading.names import keys_of

    for name in answer_flag_columns([c for c in table.columns if c != ROW]):  # is_test, spam: true (or neither)
        shown = table.mutate(**{"__shown": table[name]})
        flag = _spelled(table[name])
        checks = [(name, FLAG_PROBLEM, ~flag.isin(sorted(FLAG_TRUE | FLAG_FALSE)), "__shown", FLAG_ADVICE),
                  (name, ANSWER_PROBLEM, flag.isin(sorted(FLAG_TRUE)), "__shown")]  # fmt: skip
        refuse_any(con, shown, source, checks)
    for name in table.columns:
        if not keys_of(name) & ANSWER_STATUS_NAMES:
            continue
        shown = table.mutate(**{"__shown": table[name]})
        refuse_any(
            con, shown, source, [(name, ANSWER_PROBLEM, _spelled(table[name]).isin(sorted(NOT_ANSWERS)), "__shown")]
        )
    for name in qualtrics_status_columns([c for c in table.columns if c != ROW]):  # 8 spam, 1 preview, ...
        text = _stripped(table[name].cast("string"))
        distinct = con.execute(table.select(__v=text).distinct())["__v"].tolist()
        found = not_answer_codes([v for v in distinct if v is not None])
        if found:
            shown = table.mutate(__shown=text.substitute(found))
            refuse_any(con, shown, source, [(name, ANSWER_PROBLEM, text.isin(sorted(found)), "__shown")])


def said_cents_columns(con: Any, table: ir.Table, names: Mapping[str, str], options: Any = None) -> list[str]:
    """The text columns of ``table`` (not a mapped id) whose values say cents (Metronome's credit type ``USD
    (cents)``: :data:`~xl_retention.reading.unit_values.CENTS_SAID`), none under ``--amounts units`` (``options``'
    ``amounts``): the table is then read as a file's, whose reading divides its whole amounts by 100 with a note, or
    refuses (reading.unit_values). One aggregate query."""
    from ..reading.unit_values import CENTS_SAID

    if getattr(options, "amounts", None) == "units":
        return []
    ids = {names.get("customer_id"), names.get("order_id"), names.get("visitor_id")}
    texts = [c for c, t in table.schema().items() if c != ROW and c not in ids and t.is_string()]
    if not texts:
        return []
    pattern = "(?i)" + CENTS_SAID.pattern
    found = con.execute(table.aggregate(**{f"c{i}": table[c].re_search(pattern).any() for i, c in enumerate(texts)}))
    return [c for i, c in enumerate(texts) if bool(found[f"c{i}"].iloc[0])]
