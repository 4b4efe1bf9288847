"""Raw data to monthly tables: kept for existing imports; the code lives in two packages.

* :mod:`xl_retention.reading`: files, CSV dialects, encodings, dates, ids, numbers, column
  matching and their :class:`DataError` messages;
* :mod:`xl_retention.tables`: movements, cohorts and survivors of subscriptions, purchases,
  visits, NPS (and :func:`xl_retention.tables.rfm.rfm_summary`).

Every name this module had is re-exported from there (``from xl_retention.movements import
read_table, subscription_tables`` keeps working).
"""

from __future__ import annotations

from .reading import (
    SCHEMAS,
    DataError,
    DateOptions,
    ReadOptions,
    key,
    mapping_for,
    normalize_columns,
    parse_column_map,
    prepare,
    read_table,
    subscription_kind,
)
from .tables._months import COHORT_KINDS, MAX_MONTHS, MonthLike, cohort_rates
from .tables.activity import (
    PURCHASE_COLUMNS,
    VISITOR_COLUMNS,
    OrderTables,
    cohort_table,
    cohorts_from_orders,
    order_tables,
    overall_repeat_purchase_rate,
    repeat_purchases,
    returning_visitors,
)
from .tables.subscriptions import (
    MOVEMENT_COLUMNS,
    SubscriptionTables,
    cohorts_from_snapshots,
    monthly_movements,
    snapshots_from_intervals,
    subscription_tables,
    survivors,
)
from .tables.surveys import NPS_COLUMNS, nps_by_month, scores_by_month

__all__ = [
    "COHORT_KINDS",
    "MAX_MONTHS",
    "MOVEMENT_COLUMNS",
    "NPS_COLUMNS",
    "PURCHASE_COLUMNS",
    "SCHEMAS",
    "VISITOR_COLUMNS",
    "DataError",
    "DateOptions",
    "MonthLike",
    "OrderTables",
    "ReadOptions",
    "SubscriptionTables",
    "cohort_rates",
    "cohort_table",
    "cohorts_from_orders",
    "cohorts_from_snapshots",
    "key",
    "mapping_for",
    "monthly_movements",
    "normalize_columns",
    "nps_by_month",
    "order_tables",
    "overall_repeat_purchase_rate",
    "parse_column_map",
    "prepare",
    "read_table",
    "repeat_purchases",
    "returning_visitors",
    "scores_by_month",
    "snapshots_from_intervals",
    "subscription_kind",
    "subscription_tables",
    "survivors",
]
