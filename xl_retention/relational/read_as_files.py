"""What makes an engine's table be read as a file's (:mod:`.inputs`): an orders table's columns that may say an order
was not paid, refunded, taxed or shipped; a text column holding a space an engine's TRIM keeps; Qualtrics' -99.
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

from ..reading.duties import duty_columns
from ..reading.scores import UNANSWERED
from ..reading.shipping import shipping_columns
from ..reading.taxes import tax_named
from ..reading.tips import tip_columns
from ..reading.values import WHITESPACE

__all__: list[str] = []


def _qualtrics_unanswered(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether a score is -99 (Qualtrics' seen but unanswered): read as a file's, which reads it as no answer with a
    note where the other scores are on the 0-10 scale (:data:`~xl_retention.reading.scores.UNANSWERED`)."""
    score = table[names["score"]]
    return score.type().is_numeric() and int(con.execute(table.filter(score == UNANSWERED).count())) > 0


#: The spaces Python's ``str.strip`` drops that an engine's TRIM keeps (all but space, tab and newline).
_ODD_SPACES = "".join(c for c in WHITESPACE if c not in " \t\n")


def _odd_spaces(con: Any, table: ir.Table, columns: list[str]) -> bool:
    """Whether a text column of ``columns`` holds a space of :data:`_ODD_SPACES` anywhere (one count query)."""
    if not columns:
        return False
    pattern = "[" + _ODD_SPACES + "]"
    found = ibis.or_(*(table[c].re_search(pattern) for c in columns))
    return int(con.execute(table.filter(found).count())) > 0


def _cancellable(empty: pd.DataFrame) -> bool:
    """Whether an orders table has a column that may say an order was not paid, or was refunded (reading.orders)."""
    from ..reading.columns import keys_of
    from ..reading.discounts import discount_columns
    from ..reading.disputes import dispute_columns
    from ..reading.gift_types import GIFT_TYPE_NAMES
    from ..reading.order_flags import FLAG_NAMES
    from ..reading.orders import (
        _CANCELLED_DATES,
        _TYPES,
        CANCEL_FLAGS,
        ORDER_STATUS_NAMES,
        STATE_NAMES,
        refunded_column,
    )
    from ..reading.paid_dates import paid_date_columns
    from ..reading.written_off import written_off_columns

    marks = _CANCELLED_DATES | ORDER_STATUS_NAMES | _TYPES | CANCEL_FLAGS | STATE_NAMES | FLAG_NAMES
    marks |= {"captured", "refunded", "fully_refunded", "is_refunded", "disputed", "is_disputed"}
    marks |= GIFT_TYPE_NAMES  # a donor export's 'Gift Type': its pledges left out (reading.gift_types)
    keys = [{k.rstrip("?") for k in keys_of(c)} for c in empty.columns]
    disputed = bool(dispute_columns(empty.columns) or written_off_columns(empty.columns))  # Dispute Status, Write Off
    # a blank 'Paid On Date', a tax or a discount beside the amount (reading.paid_dates, taxes, order_discounts)
    money = bool(paid_date_columns(empty, set())) or tax_named(list(empty.columns), {}) or bool(discount_columns(empty))
    money |= bool(shipping_columns(list(empty.columns), {}))  # shipping inside the amount (reading.order_shipping)
    money |= bool(tip_columns(list(empty.columns), {}))  # Square's 'Tip' inside 'Total Collected' (reading.tips)
    money |= bool(duty_columns(list(empty.columns), {}))  # Shopify's 'Duties' inside 'Total' (reading.duties)
    return any(k & marks for k in keys) or disputed or money or refunded_column(empty) is not None
