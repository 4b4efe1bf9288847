"""Exports of another kind than the option they were given to: refused before a figure is computed from them.

* A **retention report** (Mixpanel's and Amplitude's cohort x "Day N" table: "< 1 Day", "Day 1", "Week 2", ... of
  percentages or counts) is already aggregated: read as visits (or orders) each cohort's row was one visitor, each
  with one visit. :func:`refuse_reports` names its period columns and asks for the raw events.
* A **table of counts** (Google Analytics' "Date, Users", a dashboard's "Month, Customers, MRR") whose id column,
  mapped as ``visitor_id`` or ``customer_id``, holds numbers of people or events by name ("Users", "Active users",
  "Sessions", "Customers"), one row per date: each count was one visitor. :func:`refuse_reports` too. A plural
  alone ("Customers") whose values repeat on dates that are no report's run of days, weeks or months is ids.
* A **subscriptions export given as orders** (one row per subscription: its MRR, billing interval or billing
  period, no order id): read as orders, each subscription was one purchase at its creation, and a cancelled one no
  purchase at all. :func:`refuse_subscriptions_as_orders` names the columns and the option to use.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .billing import BILLING_ALIASES
from .count_names import COUNT_NAME, ONLY_COUNT
from .customer_lists import refuse_customer_lists
from .dates import loose_datetimes
from .errors import DataError, show
from .names import key

__all__ = [
    "refuse_count_report",
    "refuse_counts",
    "refuse_orders_as_subscriptions",
    "refuse_retention_report",
    "refuse_subscriptions_as_orders",
]

#: A retention report's period column: "< 1 Day", "Day 0", "Day 1", "Week 2", "Month 3", "D7", "W1", "30 days later".
PERIOD = re.compile(
    r"(?i)^\s*(?:<\s*1\s*(?:day|week|month)|(?:day|week|month|d|w|m)\s*[-_#]?\s*\d{1,3}|"
    r"\d{1,3}\s*(?:days?|weeks?|months?)(?:\s+later)?)\s*$"
)
#: A visitor id column's name that says it holds ids: 'Visitor ID', 'userId', 'Client key', 'Kundennummer', 'E-mail'
#: (a column of whole numbers, one a date, under any other name is a report's count: :func:`refuse_counts`).
_ID_NAME = re.compile(
    r"(?:^|_|[a-z])id$|(?:^|_)(?:ids|uid|uuid|guid|key|code|no|nr|number|num|email|e_mail|mail|login|hash|token)$"
    r"|nummer$|número|numero|(?:^|_)id_"
)
#: A score column's name that says it is an aggregate of answers ("Average score", "Mean NPS score", "avg_rating").
AVERAGE_SCORE = re.compile(r"(?:^|_)(?:average|avg|mean|median)(?:_|$)")
_WHAT = {
    "snapshots": "one row per customer and month",
    "intervals": "one row per subscription",
    "orders": "one row per order",
    "visits": "one row per visit (visitor id and date)",
    "answers": "one row per answer",
}


#: A column of a statistics report's counts per date: "New Subscriptions", "Cancelled Subscriptions", "Active
#: Subscriptions" (Google Play Console's subscriptions statistics, one of the reports its help calls aggregated:
#: "daily totals"), "Active Subscribers", "Total Users", "Churned Customers" (as :func:`~.names.key` spells it).
_REPORT_COUNT = re.compile(
    r"^(?:(?:new|active|cancel+ed|churned|lost|total|returning|paused|expired|renewed|reactivated|net|gained|daily|"
    r"monthly|paying|trial)_)+(?:subscriptions|subscribers|users|customers|installs|installers|devices|accounts|"
    r"members|trials|renewals|cancellations)$"
)
#: A column naming a customer (a customer's, subscriber's, user's or company's id, an e-mail) or holding money (an
#: MRR, an amount, a price): a file of one row per customer, whose count columns are its seats or users.
_PERSON = re.compile(r"(?:^|_)(?:customers?|subscribers?|users?|e_?mail|accounts?|members?|clients?|buyers?|"
                     r"visitors?|purchasers?|company|companies|organi[sz]ations?|org|tenants?|workspaces?|teams?|"
                     r"mrr|arr|amount|price|revenue|sales|fee|cost|paid|betrag|preis|umsatz)(?:_|$)")  # fmt: skip


def refuse_count_report(df: pd.DataFrame, kind: str, source: str) -> None:
    """Refuse a statistics report of counts per date (two columns or more of :data:`_REPORT_COUNT`, and no column
    naming a customer or money, :data:`_PERSON`: Google Play Console's subscriptions statistics "Date, Package Name,
    Product ID, Country, New Subscriptions, Cancelled Subscriptions, Active Subscriptions"), naming its columns: each
    row is a date's totals, not one row per subscription; it was refused for what it is not (a 'Product ID' of
    plus_yearly named as billing intervals), each message asking to map its counts as prices or seats (H170 finding
    04).

    >>> refuse_count_report(pd.DataFrame(columns=["Date", "Product ID", "New Subscriptions", "Active Subscriptions"]),
    ...                     "intervals", "play.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: play.csv: a report of counts per date (its columns 'New Subscriptions', \
'Active Subscriptions' are totals of subscriptions or people), not one row per subscription: the import counts them \
itself from one row per subscriber or order; export those (Google Play: Download reports > Financial, the estimated \
sales or earnings report, one row per order, with --orders; the Statistics reports are aggregated)
    """
    from .store_count_reports import refuse_event_counts, refuse_subscription_counts

    refuse_subscription_counts(df, source)  # App Store Connect's Subscription report (store_count_reports)
    refuse_event_counts(df, source)  # and its Subscription Event report: events counted in 'Quantity'
    keys = [key(c) for c in df.columns]
    counts = [str(c) for c, k in zip(df.columns, keys, strict=True) if _REPORT_COUNT.match(k)]
    if len(counts) < 2 or any(_PERSON.search(k) and not _REPORT_COUNT.match(k) for k in keys):
        return
    shown = ", ".join(repr(c) for c in counts[:3]) + (", ..." if len(counts) > 3 else "")
    raise DataError(
        f"{source}: a report of counts per date (its columns {shown} are totals of subscriptions or people), not "
        f"{_WHAT[kind]}: the import counts them itself from one row per subscriber or order; export those (Google "
        "Play: Download reports > Financial, the estimated sales or earnings report, one row per order, with "
        "--orders; the Statistics reports are aggregated)",
        source=source,
        column=counts[0],
    )


def refuse_retention_report(df: pd.DataFrame, kind: str, source: str) -> None:
    """Refuse a retention report (two period columns or more: ``Day 1``, ``Week 2``), naming its columns
    (:class:`~.errors.DataError`).

    >>> refuse_retention_report(pd.DataFrame(columns=["Date", "Users", "< 1 Day", "Day 1", "Day 2"]), "visits", "r.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: r.csv: a retention report (its columns '< 1 Day', 'Day 1', 'Day 2' are \
the share or number of each cohort still active that many days, weeks or months later), not one row per visit \
(visitor id and date): the import counts raw events itself; export the events (Mixpanel: Events export; Amplitude: \
Export Data; Google Analytics: BigQuery export, or an exploration with a user or client id dimension), one row per \
visit (visitor id and date)
    """
    periods = [str(c) for c in df.columns if PERIOD.match(str(c))]
    numbered = [str(c).strip() for c in df.columns if re.fullmatch(r"\s*\d{1,3}\s*", str(c))]
    if (
        len(periods) < 2
        and len(numbered) >= 3
        and [int(n) for n in numbered] == list(range(int(numbered[0]), int(numbered[0]) + len(numbered)))
        and int(numbered[0]) in (0, 1)
    ):  # a cohort table's periods by number alone: 'Cohort, Size, 0, 1, 2, 3'
        periods = numbered
    if len(periods) < 2:
        refuse_count_report(df, kind, source)  # Google Play's 'New Subscriptions', 'Active Subscriptions' per date
    if len(periods) >= 2:
        shown = ", ".join(repr(p) for p in periods[:3]) + (", ..." if len(periods) > 3 else "")
        raise DataError(
            f"{source}: a retention report (its columns {shown} are the share or number of each cohort still active "
            f"that many days, weeks or months later), not {_WHAT[kind]}: the import counts raw events itself; export "
            f"the events (Mixpanel: Events export; Amplitude: Export Data; Google Analytics: BigQuery export, or an "
            f"exploration with a user or client id dimension), {_WHAT[kind]}",
            source=source,
            column=periods[0],
        )


def refuse_counts(df: pd.DataFrame, names: Mapping[str, str], kind: str, source: str) -> None:
    """Refuse a table of counts: the id column (``names``: ours -> the file's) named as a count ("Users",
    "Sessions", "Customers", "Aktive Nutzer", "Usuarios", "ユーザー": :mod:`.count_names`), whole numbers only, one row
    per date (:class:`~.errors.DataError` naming it). A plural alone ("Customers", "Users": also a name of numeric
    ids) is read as customer ids where a value repeats and the dates are not a report's run of periods (every day,
    week or month from the first to the last): a customer's number on two orders (1001 on 3 and 9 January); a name
    only a count has ("Active users") is refused always. Visitor ids are whole numbers, one a date, on three dates
    or more, under a name that is no id's ('Visitor ID', 'user_id', 'E-mail'), in any language: a visits log has
    days of several visits, a report one row a day.

    >>> df = pd.DataFrame({"Date": ["2026-01-01", "2026-01-02"], "Active users": ["1,204", "988"]})
    >>> refuse_counts(df, {"visitor_id": "Active users", "date": "Date"}, "visits", "ga.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: ga.csv, column 'Active users': numbers of active users per date (one \
row per date, '1,204' on '2026-01-01'), a report's counts, not one row per visit (visitor id and date) with each \
one's id: each count would be one visitor; export the raw visits with an id per visitor (Google Analytics: \
BigQuery export, or a report with a user or client id dimension)
    """
    for ours in ("visitor_id", "customer_id"):
        column = names.get(ours)
        named = column is not None and bool(COUNT_NAME.match(key(column)))
        # visits by values: a visits log has days of several visits; whole numbers, one a date, under a name that
        # says no id ('Users', 'Usuarios', 'ユーザー', 'Besucher', a name of any language) are a report's counts
        by_values = column is not None and ours == "visitor_id" and not _ID_NAME.search(key(column))
        if not named and not by_values:
            continue
        values = df[column] if list(map(str, df.columns)).count(column) == 1 else None
        when = next((names[d] for d in ("date", "month", "start") if d in names), None)
        if values is None or when is None or not _numbers(values):
            continue
        dates = df[when].astype(str).str.strip()
        plural = not named or not ONLY_COUNT.match(key(column))
        if plural and (len(df) < (2 if named else 3) or dates.duplicated().any()):
            continue
        twice = values.astype(str).str.strip()
        again = twice[twice.duplicated() & (twice != "")]
        if plural and ours != "visitor_id" and len(again) and not _periods(dates):
            continue  # ids: a customer's number on two dates, the dates not a report's every day, week or month
        per = "one row per date, " if not dates.duplicated().any() else ""
        who = ours.split("_")[0].title()
        on = f" ({show(again.iloc[0])} is on {int((twice == again.iloc[0]).sum())} dates)" if len(again) else ""
        ids = f"; if they are ids{on}, give the column a name of ids in a copy ('{who} ID')" if plural else ""
        raise DataError(
            f"{source}, column {column!r}: numbers of {column.lower()} per date ({per}{str(values.iloc[0])!r} "
            f"on {show(dates.iloc[0])}), a report's counts, not {_WHAT[kind]} with each one's id: each count would be "
            f"one {ours.split('_')[0]}; export the raw {'visits' if kind == 'visits' else 'rows'} with an id per "
            f"{ours.split('_')[0]} (Google Analytics: BigQuery export, or a report with a user or client id dimension)"
            f"{ids}",
            source=source,
            column=column,
        )
    refuse_customer_lists(df, names, kind, source)  # Shopify's Customers export with 'Total Orders'
    score = names.get("score")
    if kind == "answers" and score is not None and AVERAGE_SCORE.search(key(score)):
        raise DataError(
            f"{source}, column {score!r}: an average of answers (its name says so), not one row per answer: the NPS "
            f"counts each answer's score (promoters 9-10, detractors 0-6); export the answers themselves",
            source=source,
            column=score,
        )


def _periods(dates: pd.Series) -> bool:
    """Whether ``dates`` (one a row, none twice) are a report's run: every day, week or month from the first to the
    last (also where they cannot be read as dates: a report is the safer guess)."""
    when = loose_datetimes(dates)
    if when.isna().any():
        return True
    when = when.sort_values()
    days = when.diff().dropna().dt.days
    months = when.dt.year * 12 + when.dt.month
    return bool(days.isin([1]).all() or days.isin([7]).all() or (months.diff().dropna() == 1).all())


def _numbers(values: pd.Series) -> bool:
    """Whether every filled cell is a whole number (typed, or text such as '1,234')."""
    filled = values.dropna()
    if not len(filled):
        return False
    if pd.api.types.is_numeric_dtype(filled.dtype) and not pd.api.types.is_bool_dtype(filled.dtype):
        return bool((np.asarray(filled, dtype=float) % 1 == 0).all())
    texts = filled.astype(str).str.strip()
    return bool(texts.str.fullmatch(r"\d{1,3}(?:[,.' ]?\d{3})*").all())


#: Columns of a subscriptions export, as :func:`~.names.key` spells them (also after an object prefix).
_MRR = re.compile(r"^(?:.*_)?(?:mrr|arr|monthly_recurring_revenue|annual_recurring_revenue)(?:_.*)?$")
_PERIODS = frozenset({
    "current_period_start", "current_period_end", "current_term_start", "current_term_end", "trial_end", "trial_start",
    "trial_ends_at", "next_billing_at", "next_billing_date", "next_renewal", "next_renewal_date", "renews_at",
    "ended_at", "ends_at", "cancel_at_period_end", "billing_period_start", "billing_period_end", "next_charge_date",
    "next_charge_scheduled_at",
})  # fmt: skip
_INTERVALS = frozenset({"interval", *BILLING_ALIASES["interval"]})
_INTERVAL_WORD = re.compile(r"(?i)^\s*(?:day|daily|week|weekly|month|monthly|quarter|quarterly|year|yearly|annual"
                            r"|annually|semiannual|half[\s_-]?year)s?\s*$")  # fmt: skip
#: An order's, invoice's or payment's id ("Invoice Number", ``charge_id``): purchases, whatever else the file has.
_ORDER_ID = re.compile(r"^(?:order|invoice|receipt|transaction|charge|payment)(?:_?(?:id|number|no|num|#))?$")


def _plain(name: str) -> str:
    """A column's key, with a time zone in parentheses ('Ended At (UTC)') and a Chargebee prefix dropped."""
    text = key(re.sub(r"\((?:utc|gmt)\)", "", name, flags=re.IGNORECASE))
    return text.split(".", 1)[1] if "." in text else text


def refuse_subscriptions_as_orders(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """Refuse an orders input that is a subscriptions export: no order id column (none found, none mapped), no column
    named as an order's, an invoice's or a payment's, and a column that only subscriptions have: an MRR or ARR, a
    billing interval with interval values, or a subscription's period (Stripe's "Current Period End (UTC)", "Ended At
    (UTC)", "Trial End (UTC)"; Chargebee's ``current_term_end``; ``next_billing_at``).

    >>> df = pd.DataFrame({"customer_id": ["c1"], "plan": ["pro"], "mrr": ["49"], "date": ["2026-01-05"]})
    >>> refuse_subscriptions_as_orders(df, {"customer_id": "customer_id", "date": "date"}, "s.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv: a subscriptions export (its column 'mrr' is a subscription's), not \
orders: each subscription would count as one purchase on its date, and a cancelled one as none; import it with \
--subscriptions (payments or invoices are orders: --orders)
    """
    if "order_id" in names:
        return
    columns = [str(c) for c in df.columns]
    plain = {c: _plain(c) for c in columns}
    if any(_ORDER_ID.match(p) for p in plain.values()):
        return
    found: list[str] = [c for c in columns if _MRR.match(plain[c])]
    found += [c for c in columns if plain[c] in _PERIODS]
    for column in (c for c in columns if plain[c] in _INTERVALS):
        values = df.iloc[:, columns.index(column)].dropna().head(1000).astype(str)  # a sample: the names decide
        if len(values) and values.map(lambda v: bool(_INTERVAL_WORD.match(v))).mean() > 0.5:
            found.append(column)
    if not found:
        return
    shown = ", ".join(repr(c) for c in dict.fromkeys(found))
    word = "column" if len(set(found)) == 1 else "columns"
    verb = "is a subscription's" if len(set(found)) == 1 else "are a subscription's"
    raise DataError(
        f"{source}: a subscriptions export (its {word} {shown} {verb}), not orders: each subscription would count as "
        f"one purchase on its date, and a cancelled one as none; import it with --subscriptions (payments or invoices "
        f"are orders: --orders)",
        source=source,
        column=found[0],
    )


#: An order's id or a line item's column (as :func:`_plain` spells them): an orders export's.
_ORDER_COLUMNS = re.compile(r"^(?:order_?(?:id|number|no|num|name|#)?|amazon_order_id|lineitem_.+)$")
_SUBSCRIPTION_WORDS = re.compile(r"(?:^|_)(?:subscription|plan|mrr|arr|interval|recurring|renewal|term)(?:_|$)")


def refuse_orders_as_subscriptions(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """Refuse a subscriptions input that is an orders export: a column that names an order or its line items ("Order
    ID", ``order_number``, Shopify's "Lineitem name") and none that a subscription has (an MRR, a plan, an interval,
    a subscription id, a period or a renewal): read as subscriptions, each order was a customer paying its total
    every month from its date on, or in its month alone.

    >>> df = pd.DataFrame({"Order ID": ["#1001"], "Customer": ["a"], "Created at": ["2026-01-05"], "Total": ["80"]})
    >>> refuse_orders_as_subscriptions(df, {"customer_id": "Customer", "start": "Created at", "mrr": "Total"}, "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv: an orders export (its column 'Order ID' is an order's), not \
subscriptions: each order would be a customer paying 'Total' every month; import it with --orders (subscriptions are \
one row per subscription with its MRR, or per customer and month)
    """
    columns = [str(c) for c in df.columns]
    plain = {c: _plain(c) for c in columns}
    orders = [c for c in columns if _ORDER_COLUMNS.match(plain[c])]
    if not orders or any(_SUBSCRIPTION_WORDS.search(p) or p in _PERIODS for p in plain.values()):
        return
    money = names.get("mrr", names.get("amount", "the amount"))
    raise DataError(
        f"{source}: an orders export (its column {orders[0]!r} is an order's), not subscriptions: each order would be "
        f"a customer paying {money!r} every month; import it with --orders (subscriptions are one row per "
        f"subscription with its MRR, or per customer and month)",
        source=source,
        column=orders[0],
    )
