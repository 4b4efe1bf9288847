"""Whether an orders table of a database has a column the import finds by its words or values
(:mod:`xl_retention.reading.order_columns`, :mod:`xl_retention.reading.sandbox`): such a table is read as a file's
columns are (the same rules, the same refusals), never counted with the column ignored."""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from ..reading.document_types import named_as_marks
from ..reading.gift_types import PROMISES, SCHEDULES
from ..reading.order_columns import _QUANTITY_WORDS, _REFUND_STEMS, _RETURN_STEMS, _REVERSAL_STEMS
from ..reading.order_columns import name_words as _words
from ..reading.orders import NOT_PAID
from ..reading.row_types import OTHER_TYPES
from ..reading.sandbox import _TEST_VALUES, _test_named
from ..reading.status_words import NOT_PAID_PATTERN
from ..reading.statuses import SEPARATORS
from .refusals import ROW, _stripped

__all__ = ["orders_by_values"]

#: A ledger's row types that say a refund (a type column by its values: reading.row_types).
_LEDGER_REFUNDS = frozenset({"refund", "refunded", "chargeback", "reversal", "return", "returned"})


def _named(name: str) -> bool:
    """Whether ``name`` says a refund, items returned, a quantity or a test, or is a document's type, a debit/credit
    side or a refund's flag (reading.document_types): its values decide how it is read."""
    words = _words(name)
    stems = _REFUND_STEMS + _RETURN_STEMS + _REVERSAL_STEMS + _QUANTITY_WORDS
    return any(w.startswith(stems) for w in words) or _test_named("_".join(words)) or named_as_marks(name)


def orders_by_values(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether the orders ``table`` (``names``: our name -> its column) has an unmapped column named as a refund, a
    quantity or a test, a text column holding an order status that says not paid (:data:`~.orders.NOT_PAID`, or
    another language's words: :data:`~.status_words.NOT_PAID_PATTERN`) or a test environment (``sandbox``), or a
    customer with two rows at one date beside a text column (an order id not mapped), or a ledger's row type (a payout,
    a fee, a refund: reading.row_types), or a gift's type that is no money received (a pledge: reading.gift_types). At
    most two queries."""
    mapped = set(names.values())
    columns = [c for c in table.columns if c != ROW and c not in mapped]
    if any(_named(c) for c in columns):
        return True
    texts = [c for c in columns if table.schema()[c].is_string()]
    if not texts:
        return False
    words = sorted(NOT_PAID | _TEST_VALUES | {"wc_" + w for w in NOT_PAID} | OTHER_TYPES | _LEDGER_REFUNDS)
    words += sorted(PROMISES | set(SCHEDULES))  # a donor export's Pledge, Write Off, by values too (reading.gift_types)

    def spelled(c: str) -> ir.StringValue:
        return _stripped(table[c]).lower().re_replace(SEPARATORS, "_")

    # 'Annulé', 'Storniert', 'Pendiente de pago': other languages' words (reading.status_words)
    said = [spelled(c).isin(words) | spelled(c).re_search(NOT_PAID_PATTERN) for c in texts]
    found = table.filter(ibis.or_(*said)).count()
    if int(con.execute(found)) > 0:
        return True
    if "customer_id" not in names or "date" not in names:
        return False
    pairs = table.select(c=table[names["customer_id"]], d=table[names["date"]]).distinct().count()
    return int(con.execute(pairs)) < int(con.execute(table.count()))
