"""Monthly tables from raw data: movements and cohorts of subscriptions, purchases, visits, NPS, RFM.

The reading of files and columns (dates, ids, numbers, dialects) is :mod:`xl_retention.reading`;
this package counts. Modules:

* :mod:`.subscriptions`: :func:`~.subscriptions.monthly_movements`,
  :func:`~.subscriptions.subscription_tables` (movements, customer and revenue cohorts, survivors),
  :func:`~.subscriptions.snapshots_from_intervals`, :func:`~.subscriptions.survivors`;
* :mod:`.activity`: orders and visits (:func:`~.activity.order_tables`,
  :func:`~.activity.repeat_purchases`, :func:`~.activity.returning_visitors`, cohorts);
* :mod:`.surveys`: :func:`~.surveys.nps_by_month`, :func:`~.surveys.scores_by_month`;
* :mod:`.rfm`: :func:`~.rfm.rfm_summary` (numpy-only import, for ``xl_retention.models``);
* :mod:`.in_progress`: :class:`~.in_progress.InProgressMonthWarning`, when the tables end with the current month;
* :mod:`.later_months`: :class:`~.later_months.LaterMonthsWarning`, when they end before the last full month;
* :mod:`.existing_customers`: :class:`~.existing_customers.ExistingCustomersWarning`, when the first month looks
  like customers of every tenure counted as new.

Names are loaded when first used (``from xl_retention.tables import order_tables``), so that
``xl_retention.tables.rfm`` imports without pandas.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "rfm_summary": "rfm",
    "nps_by_month": "surveys",
    "scores_by_month": "surveys",
    "NPS_COLUMNS": "surveys",
    "NPS_COUNTS": "surveys",
    "nps_from_counts": "surveys",
    "InProgressMonthWarning": "in_progress",
    "LaterMonthsWarning": "later_months",
    "ExistingCustomersWarning": "existing_customers",
}
for _name in (
    "MOVEMENT_COLUMNS MOVEMENT_COUNTS movements_from_counts SubscriptionTables monthly_movements subscription_tables "
    "cohorts_from_snapshots "
    "snapshots_from_intervals survivors"
).split():
    _WHERE[_name] = "subscriptions"
for _name in (
    "PURCHASE_COLUMNS VISITOR_COLUMNS OrderTables order_tables repeat_purchases cohorts_from_orders cohort_table "
    "overall_repeat_purchase_rate returning_visitors purchases_from_counts visitors_from_counts"
).split():
    _WHERE[_name] = "activity"
for _name in ("COHORT_KINDS", "MAX_MONTHS", "MonthLike", "cohort_rates"):
    _WHERE[_name] = "_months"

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names with those imported on first use (PEP 562): dir(), help() and Tab completion list them."""
    return sorted(set(globals()) | set(__all__))
