"""A typed billing table's MRR on its engine (:func:`typed_billing`): the interval's spellings read by
:mod:`xl_retention.reading.billing`'s own rule, quantities and interval counts checked, prices in cents divided (by
:data:`MINOR`, each row's currency's divisor, where a currency column says it), then
:func:`~.definitions.billing_mrr`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ibis
import ibis.expr.types as ir

from ..reading import key
from ..reading.billing import (
    UNREAD_INTERVALS,
    UNREAD_INTERVALS_ADVICE,
    interval_in_text,
    interval_months,
    price_in_cents,
)
from ..reading.columns import both_prices, in_cents
from .definitions import billing_mrr
from .refusals import refuse_any

__all__ = ["MINOR", "typed_billing"]


#: The column of each row's divisor of a price in cents to its currency's units (100; 1 for JPY: reading.revenue).
MINOR = "__minor"


def typed_billing(
    con: Any, t: ir.Table, source: str, names: dict[str, str], cols: Mapping[str, str], in_units: bool = False
) -> ir.Table:
    """``t`` (our columns, ``interval`` and ``amount`` or ``mrr``) with its MRR; ``in_units``: amounts already divided
    from the smallest unit. Refuses intervals no rule reads, negative quantities and interval counts below 1."""
    money = "amount" if "amount" in t.columns else "mrr"
    if "amount" in t.columns and "mrr" in t.columns:
        raise both_prices(source, names)
    spelled = t.interval.cast("string")
    # the distinct spellings (a few) read by reading.billing's own rule: every engine reads them alike
    found = {v: interval_months(v) or interval_in_text(v)  # 'Pro (billed annually)' mapped as the interval
             for v in con.execute(t.select(v=spelled).distinct())["v"].dropna().tolist()}  # fmt: skip
    readable = {v: m for v, m in found.items() if m is not None}
    months = spelled.substitute(readable, else_=ibis.null("float64")) if readable else ibis.null("float64")
    t = t.mutate(months=months.cast("float64"))
    checks = [(names["interval"], UNREAD_INTERVALS, t.months.isnull(), "interval", UNREAD_INTERVALS_ADVICE)]
    if "quantity" in t.columns:
        checks.append((names["quantity"], "negative quantities", t.quantity < 0, "quantity"))
    if "interval_count" in t.columns:
        checks.append((names["interval_count"], "interval counts below 1", t.interval_count <= 0, "interval_count"))
    refuse_any(con, t, source, checks)
    t = t.drop("interval")
    if money == "mrr":
        t = t.rename(amount="mrr")
    mapped = any(key(v) == key(names[money]) for v in cols.values())
    stripe = lambda: int(con.execute(t.filter(t.customer_id.cast("string").startswith("cus_")).count())) > 0  # noqa: E731
    # amounts in the smallest unit were divided already (in_units); else cents by the name, or Stripe's unit_amount
    if not in_units and price_in_cents(names[money], in_cents(names[money]), mapped, stripe, source, names.values()):
        t = t.mutate(amount=t.amount.cast("float64") / (t[MINOR] if MINOR in t.columns else 100))
    t = t.drop(MINOR) if MINOR in t.columns else t
    names["mrr"] = names.pop("amount", names.get("mrr", "mrr"))
    return billing_mrr(t)
