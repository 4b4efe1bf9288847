"""Rows that repeat an earlier row: the same record exported twice (overlapping exports appended into one file).

Two Stripe exports of overlapping date ranges appended into one file hold the same subscriptions (``sub_...``) and
the same payments (``ch_...``) twice; summed, each one's MRR or revenue counts twice and a customer "returns" with a
payment they made once. A row is such a copy when the file has a column of the record's own id (:data:`RECORD_IDS`:
Stripe's ``id``, Chargebee's ``subscriptions.id``, Recurly's ``uuid``, ``charge_id``, ``payment_id``,
``transaction_id``, ``subscription_id``, a survey's ``response_id``, SurveyMonkey's "Respondent ID" or Typeform's
``#``, ...; or, in an orders file, the order id where the rows have an amount: an order's other line items have none)
and the row is identical to an earlier row in every column. Such rows are refused, naming their rows and ids: remove
the repeats.

A record id that repeats on rows that differ (the later export has the cancellation or the refund) is the same
record in two states: which row is current cannot be told, and both would count. It is refused too, naming the rows
and ids (keep the row of the latest export), except where rows of one record are its items: an order id, and any id
of a file with line-item or item columns (Shopify's "Id" on each line item, ``subscription_items.*``, ``items.*``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._distinct import arrow_codes
from .canceled_plans import canceled_beside_new
from .errors import bad_rows
from .phases import DateReader, phase_rows
from .subscription_items import are_items
from .values import visible_values

__all__ = ["RECORD_IDS", "check_repeated_rows", "items_problem", "record_id_columns", "subscription_id_columns"]

#: Names (as :func:`~xl_retention.reading.key` spells them, also after a Chargebee prefix) of a record's own id.
RECORD_IDS = frozenset({
    "id", "uuid", "charge_id", "payment_id", "payment_intent_id", "transaction_id", "invoice_id", "receipt_id",
    "subscription_id", "subscription_uuid", "response_id", "submission_id", "#", "token", "line_item_id",
    "respondent_id",  # SurveyMonkey's "Respondent ID": one per response in its "All responses data" export
})  # fmt: skip

#: Of those, the ids of a subscription: in an orders, payments or invoices file each renewal's row repeats its
#: subscription's id (Chargebee's invoices' "Subscription Id", Paddle's transactions' ``subscription_id``), no record's.
SUBSCRIPTION_IDS = frozenset({"subscription_id", "subscription_uuid", "subscriptions.id", "subscription.id"})


def subscription_id_columns(names: Any) -> list[str]:
    """The columns of ``names`` holding a subscription's id (:data:`SUBSCRIPTION_IDS`): an orders file's renewals
    share it, so it is no record's own id there.

    >>> subscription_id_columns(["Payment ID", "Subscription ID", "Customer", "invoices.subscription_id"])
    ['Subscription ID', 'invoices.subscription_id']
    """
    from .columns import keys_of  # Chargebee's object prefix: 'invoices.subscription_id'

    return [str(c) for c in names if keys_of(c) & SUBSCRIPTION_IDS]


CHANGED = (
    "rows with the id of an earlier row and other values: the same record in two exports, changed between them "
    "(which row is current cannot be told, and both would count)"
)
#: What to do about :data:`CHANGED`, after its rows and values (:func:`~.errors.bad_rows`'s ``advice``).
CHANGED_ADVICE = "keep the row of the latest export"
ITEMS = (
    "rows with the id, start and end of an earlier row and other values (a plan, price or quantity): one "
    "subscription's items, a plan and its seats or add-ons whose MRRs add up, or one subscription in two exports, "
    "changed between them (both would count)? If they are items, export them with each item's id (a column "
    "'Subscription Item ID') or give each item's row an id of its own (sub_1/2); if they are two exports, keep the "
    "row of the latest export"
)
PROBLEM = (
    "rows identical in every column to an earlier row with the same id: the same record twice (overlapping exports "
    "appended?), which would be counted twice"
)
#: What to do about :data:`PROBLEM`, after its rows and values.
PROBLEM_ADVICE = "remove the repeated rows"


def record_id_columns(names: Any, order_id: str | None = None, people: Any = (), ids: Any = ()) -> list[int]:
    """Positions of the columns of ``names`` holding a record's own id (:data:`RECORD_IDS`), of ``order_id`` and of
    ``ids`` (a subscriptions file's column mapped by ``--columns subscription_id=NAME``, :mod:`.subscription_ids`);
    never those of ``people``, the columns taken as customer or visitor ids (a snapshots file's ``id``: a customer
    is on a row per month).

    >>> record_id_columns(["id", "Customer ID", "Plan"]), record_id_columns(["Name", "Total"], "Name")
    ([0], [0])
    >>> record_id_columns(["id", "month", "mrr"], people=("id",))
    []
    >>> record_id_columns(["Vertrag", "Kunde", "mrr"], people=("Kunde",), ids=("Vertrag",))
    [0]
    """
    from .columns import keys_of

    mapped = {str(c) for c in people if c is not None}
    own = {str(c) for c in (order_id, *ids) if c is not None}
    return [p for p, c in enumerate(names) if str(c) not in mapped and (keys_of(c) & RECORD_IDS or str(c) in own)]


def check_repeated_rows(
    df: pd.DataFrame,
    source: str,
    order_id: str | None = None,
    amount: str | None = None,
    people: Any = (),
    items: Sequence[str] = (),
    month: str | None = None,
    period: tuple[str, str | None] | None = None,
    renewed: Sequence[str] = (),
    ids: Sequence[str] = (),
    dates: DateReader | None = None,
) -> None:
    """Refuse the rows of ``df`` that repeat an earlier row in every column and share its record id (see the module
    docstring). ``order_id``, ``amount``: the file's columns taken as those of an orders file (the order id is a
    record's id on rows with an amount); ``month``: a snapshots file's month column (a subscription's id is on each
    of its months' rows: a record is its id and month); ``period``: an intervals file's start and end columns (rows
    of one id whose periods follow each other are its phases, :mod:`.phases`); ``people``: the columns taken as
    customer or visitor ids (never a record's); ``dates``: the import's reader of a date column (the phases' dates
    read with the file's date options, :func:`~.phases.period_instants`);
    ``items``: an orders file's item columns (:func:`~.orders.item_columns`). An id repeated on the rows of one order
    (its payment's) is no changed record; one repeated without an order id in a file with items asks for the order id.
    ``renewed``: an orders file's subscription id columns (:func:`subscription_id_columns`): repeated on each
    renewal's payment, no changed record (rows identical in every column are still refused). ``ids``: a subscriptions
    file's column mapped as the subscription's id (``--columns subscription_id=NAME``), a record id as
    ``subscription_id`` is.

    Only the rows whose id repeats are compared in full, so a file without repeated ids costs one hash of its id
    column.

    >>> frame = pd.DataFrame({"id": ["sub_1", "sub_2", "sub_2"], "mrr": ["49", "99", "99"]})
    >>> check_repeated_rows(frame, "subs.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv, column 'id': rows identical in every column to an earlier row \
with the same id: the same record twice (overlapping exports appended?), which would be counted twice in row 4 \
(counting the header as row 1): 'sub_2': remove the repeated rows
    >>> items = pd.DataFrame({"id": ["1001", "1001"], "Lineitem name": ["Mug", "Plate"]})
    >>> check_repeated_rows(items, "orders.csv")  # one id, rows that differ: an order's line items
    """
    columns = list(map(str, df.columns))
    positions = record_id_columns(columns, order_id, people, ids)
    own = _own_ids_unique(df, columns, positions)  # Stripe's 'id' (ch_...) once per row: every row its own record
    for position in positions:
        ids = written = df.iloc[:, position]  # the ids as written, quoted by the refusals
        encoded = arrow_codes(ids)  # Arrow's dictionary encoding of a CSV's text: no Python string per row
        codes, distinct = encoded if encoded is not None else pd.factorize(ids, use_na_sentinel=True)
        if len(distinct) and (shown := _visible(distinct)) is not None:  # '1001' and '1001\u200b': one record
            again, distinct = pd.factorize(shown, use_na_sentinel=True)
            codes = np.where(codes >= 0, again[np.maximum(codes, 0)], -1)
            ids = visible_values(ids)
        if len(distinct) == int((codes >= 0).sum()):
            continue  # every id once
        counts = np.bincount(codes[codes >= 0], minlength=len(distinct))
        rows = np.flatnonzero((codes >= 0) & (counts[np.maximum(codes, 0)] > 1))
        if not rows.size:
            continue
        rows = rows[(_text(ids.iloc[rows]) != "").to_numpy()]
        if columns[position] == order_id and amount is not None:
            if columns.count(amount) != 1:
                continue
            rows = rows[(_text(df[amount].iloc[rows]) != "").to_numpy()]  # an order's other line items: no amount
        part = df.iloc[rows]
        copies = rows[_text(part).duplicated(keep="first").to_numpy()]
        if copies.size and columns[position] == order_id:  # an order's equal line items (Shopify's, H200 finding 01)
            copies = copies[~_equal_line_items(df, codes, copies)]
        if copies.size:
            raise bad_rows(source, columns[position], PROBLEM, copies, written.to_numpy(), advice=PROBLEM_ADVICE)
        if columns[position] != order_id and columns[position] not in renewed and not _item_rows(columns) and not own:
            keys = _text(ids.iloc[rows])
            if month is not None and columns.count(month) == 1:  # a subscription's rows of other months
                keys = keys + "\x00" + _text(df[month].iloc[rows])
            later = rows[keys.duplicated(keep="first").to_numpy()]
            if later.size and period is not None and columns.count(period[0]) == 1:  # a plan change: phases
                end = df[period[1]] if period[1] is not None and columns.count(period[1]) == 1 else None
                phases = phase_rows(ids, df[period[0]], end, rows, dates)
                later = later[~phases[np.searchsorted(rows, later)]]
                if later.size and end is not None:  # a contract's add-on line, co-termed: adds to it
                    co_termed = co_termed_lines(ids, df[period[0]], end, rows, dates)
                    later = later[~co_termed[np.searchsorted(rows, later)]]
            if later.size and month is not None and columns.count(month) == 1:  # a month's items (a plan, its seats)
                mine = rows[keys.isin(keys.loc[ids.index[later]].unique()).to_numpy()]  # hashed (numpy sorts objects)
                if are_items(df, ids, mine, source, keys.reindex(ids.index, fill_value=""), said=False):
                    continue  # said by snapshot_rows, which tells a plan change within the month from items
                if canceled_beside_new(df, keys.reindex(ids.index, fill_value=""), mine):
                    continue  # the old plan canceled beside the new one active: read or refused by canceled_plans
            if later.size and order_id is not None and columns.count(order_id) == 1:
                same = _of_one_order(ids, df.iloc[:, columns.index(order_id)], rows)
                later = later[~same[np.searchsorted(rows, later)]]
            if later.size:
                problem = items_problem(items[0], columns[position]) if items and order_id is None else CHANGED
                if period is not None and _same_period(df, ids, period, rows, later):  # a plan and its seats?
                    mine = rows[np.isin(_text(ids.iloc[rows]).to_numpy(), _text(ids.iloc[later]).unique())]
                    if are_items(df, ids, mine, source):  # next to each other, other items (subscription_items)
                        continue
                    problem = ITEMS
                advice = CHANGED_ADVICE if problem is CHANGED else None  # the others are questions
                raise bad_rows(source, columns[position], problem, later, written.to_numpy(), advice=advice)


def co_termed_lines(
    ids: pd.Series, start: pd.Series, end: pd.Series, rows: np.ndarray, dates: DateReader | None = None
) -> np.ndarray:
    """Which of ``rows`` (positions whose id repeats) are a contract's lines co-termed to its first line (the
    earliest start): an add-on of the contract (a Salesforce CPQ amendment on the same contract number) that starts
    after the first line of its id starts and before it ends, and ends on the same day. Its dates say it is no export
    of the first line changed between two exports (a record's start does not move into its own term): its MRR adds
    to the first line's.

    >>> ids = pd.Series(["601", "601", "701", "701"])
    >>> start = pd.Series(["7/1/2025", "10/15/2025", "9/1/2025", "9/1/2025"])
    >>> end = pd.Series(["6/30/2026", "6/30/2026", "8/31/2026", "8/31/2026"])
    >>> co_termed_lines(ids, start, end, np.arange(4)).tolist()
    [False, True, False, False]
    >>> co_termed_lines(ids.iloc[[1, 0]], start.iloc[[1, 0]], end.iloc[[1, 0]], np.arange(2)).tolist()  # add-on first
    [True, False]
    """
    from .phases import period_instants

    starts, ends, _ = period_instants(start, end, rows, dates)  # '...Z' starts beside blank ends: compared
    frame = pd.DataFrame({"id": _text(ids.iloc[rows]).to_numpy(), "s": starts.to_numpy(), "e": ends.to_numpy()})
    earliest = frame.sort_values(["id", "s"], kind="stable").groupby("id", sort=False).first()  # its base line
    first_start, first_end = frame["id"].map(earliest["s"]), frame["id"].map(earliest["e"])
    inside = frame["e"].notna() & (frame["e"] == first_end) & (frame["s"] > first_start) & (frame["s"] < first_end)
    return inside.fillna(False).to_numpy(dtype=bool)


def _same_period(
    df: pd.DataFrame, ids: pd.Series, period: tuple[str, str | None], rows: np.ndarray, later: np.ndarray
) -> bool:
    """Whether each of the ``later`` rows has the start and end (``period``'s columns) of the first row of its id."""
    columns = list(map(str, df.columns))
    if any(c is None or columns.count(c) != 1 for c in period):
        return False
    when = _text(df[period[0]].iloc[rows]) + "\x00" + _text(df[period[1]].iloc[rows])
    frame = pd.DataFrame({"id": _text(ids.iloc[rows]).to_numpy(), "when": when.to_numpy()}, index=rows)
    first = frame.groupby("id", sort=False)["when"].transform("first")
    return bool((frame.loc[later, "when"] == first.loc[later]).all())


def _own_ids_unique(df: pd.DataFrame, columns: list[str], positions: list[int]) -> bool:
    """Whether the file's own record id, a column named ``id`` among the record id columns (``positions``), holds one
    id per row, none blank: each row is then a record of its own, and another id repeated on rows that differ (an
    invoice's failed charge and its retry, ``Invoice ID`` twice) is no record changed between two exports.

    >>> frame = pd.DataFrame({"id": ["ch_3", "ch_4"], "Invoice ID": ["in_3", "in_3"], "Status": ["Failed", "Paid"]})
    >>> _own_ids_unique(frame, list(frame.columns), [0, 1]), _own_ids_unique(frame, list(frame.columns), [1])
    (True, False)
    """
    from .columns import keys_of

    for position in positions:
        if "id" in keys_of(columns[position]):
            ids = _text(df.iloc[:, position])
            if len(ids) and bool((ids != "").all()) and ids.is_unique:
                return True
    return False


def items_problem(item: str, column: str) -> str:
    """The refusal of rows that repeat a record id ``column`` in an orders file with item columns (``item``, the
    first) and no order id: the items of one order (most likely) or one record changed between two exports."""
    from .names import columns_option

    return (
        f"rows with the id of an earlier row and other values in a file with item columns ({item!r}): the items of "
        f"one order, each of which would count as an order? Map the column of the order id: "
        f"{columns_option([('order_id', column)])}; if they are one record changed between two exports, keep the row "
        "of the latest export"
    )


def _equal_line_items(df: pd.DataFrame, codes: np.ndarray, copies: np.ndarray) -> np.ndarray:
    """Which of ``copies`` (rows equal to an earlier row of their order id, ``codes``: each row's id's code) are an
    order's line items that happen to be equal (Shopify's two lines of one variant, told apart by properties its
    export leaves out), not the order exported twice: the order's rows are next to each other, its first row (the
    order's own fields: status, totals) is on no other row, and the copy leaves blank a cell that first row fills
    (an order's later line: its order fields blank). An order appended from a second export repeats its first row.

    >>> df = pd.DataFrame({"Name": ["#1", "#2", "#2", "#2", "#3"], "Total": ["30", "62", "", "", "40"],
    ...                    "Lineitem name": ["Tee", "Cap", "Mug", "Mug", "Hood"]})
    >>> codes = pd.factorize(df["Name"])[0]
    >>> _equal_line_items(df, codes, np.array([3])).tolist()
    [True]
    >>> twice = pd.concat([df, df.iloc[[1, 2]]], ignore_index=True)  # order #2 appended again: its first row too
    >>> _equal_line_items(twice, pd.factorize(twice["Name"])[0], np.array([3, 5, 6])).tolist()
    [False, False, False]
    """
    valid = codes >= 0
    size = int(codes.max()) + 1 if valid.any() else 0
    at = np.flatnonzero(valid)
    count = np.bincount(codes[valid], minlength=size)
    low = np.full(size, len(codes), dtype=np.int64)
    high = np.full(size, -1, dtype=np.int64)
    np.minimum.at(low, codes[valid], at)
    np.maximum.at(high, codes[valid], at)
    mine = codes[copies]
    together = high[mine] - low[mine] + 1 == count[mine]  # no other order's row between them
    firsts = low[mine]
    hashed = pd.util.hash_pandas_object(_text(df), index=False).to_numpy()
    once = ~pd.Series(hashed).duplicated(keep=False).to_numpy()[firsts]  # the order's first row on no other row
    blank = (_text(df.iloc[copies]).to_numpy() == "") & (_text(df.iloc[firsts]).to_numpy() != "")
    return together & once & blank.any(axis=1)


def _of_one_order(ids: pd.Series, orders: pd.Series, rows: np.ndarray) -> np.ndarray:
    """For each of ``rows``, whether its order id (``orders``) is that of the first row with its id (``ids``): the id
    of the order's payment or sale (Square's "Payment ID" on each item of a transaction), repeated on its items."""
    pairs = pd.DataFrame({"id": _text(ids.iloc[rows]).to_numpy(), "order": _text(orders.iloc[rows]).to_numpy()})
    first = pairs.groupby("id", sort=False)["order"].transform("first").to_numpy()
    return (pairs["order"].to_numpy() == first) & (first != "")


def _item_rows(columns: list[str]) -> bool:
    """Whether a file may hold several rows of one record, one per item (line items, subscription items)."""
    from .names import key

    return any(key(c).startswith(("lineitem", "line_item", "subscription_item", "items.", "item.")) for c in columns)


def _visible(distinct: Any) -> np.ndarray | None:
    """The distinct ids (an Arrow or numpy array) as they show (:func:`~.values.visible_text`), None when each
    already does (no text outside ASCII is looked at twice)."""
    import pyarrow as pa

    from .values import unseen_characters, visible_text

    if isinstance(distinct, pa.Array):  # a CSV's ids: Arrow's kernels tell, no Python string per id
        if not (pa.types.is_string(distinct.type) or pa.types.is_large_string(distinct.type)):
            return None
        if not unseen_characters(distinct):
            return None
        values = distinct.to_pylist()
    else:
        values = list(distinct)
        texts = [v for v in values if isinstance(v, str)]
        if not texts or not unseen_characters(pa.array(texts, type=pa.string())):
            return None
    return np.array([visible_text(v) if isinstance(v, str) else v for v in values], dtype=object)


def _text(values: Any) -> Any:
    """Values (a Series or a frame) as stripped text, blanks as ``""``: what the file shows (no zero-width
    characters, accents in one form: :func:`~.values.visible_values`), compared as such."""
    values = visible_values(values)
    text = values.astype(object).where(values.notna(), "").astype(str)
    return text.apply(lambda column: column.str.strip()) if isinstance(text, pd.DataFrame) else text.str.strip()
