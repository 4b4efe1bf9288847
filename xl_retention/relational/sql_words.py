"""The words of ``xl-retention sql``'s output: the header above the queries (:data:`HEADER`, with its paragraphs on
zones, segments and MySQL's stop, chosen by :func:`.sql.render`) and each table's rates, computed from its counts
(:data:`RATES`).
"""

from __future__ import annotations

__all__ = [
    "AS_WRITTEN_IDS", "CURRENCY_CODES", "HEADER", "MYSQL_SPELLINGS", "MYSQL_STOP", "RATES", "SEGMENTS", "SESSION_ZONES",
    "TYPED_SEGMENTS", "UTC_ZONES",
]  # fmt: skip


#: Each table's rates, computed from its counts (docs/metrics.md); blank where the denominator is 0.
RATES: dict[str, tuple[str, ...]] = {
    "movements": (
        "gained = new + reactivated; lost_mrr = churned_mrr + contraction_mrr; capped = MIN(lost_mrr, mrr_start)",
        "crr = (customers_end - gained) / customers_start",
        "churn_rate = (customers_start + gained - customers_end) / customers_start",
        "net_revenue_churn = (capped - expansion_mrr) / mrr_start; gross_revenue_churn = capped / mrr_start",
        "nrr = (mrr_start - capped + expansion_mrr) / mrr_start; grr = (mrr_start - capped) / mrr_start",
        "quick_ratio = (new_mrr + reactivation_mrr + expansion_mrr) / lost_mrr",
    ),
    "subscription_cohorts": ("as rates: each cell / the cohort's months_since 0 cell",),
    "purchases": ("repeat_purchase_rate = repeat_purchasers / buyers; returning_rate = returning / buyers",),
    "order_cohorts": ("as rates: each cell / the cohort's months_since 0 cell",),
    "visitors": ("returning_visitor_rate = returning / visitors",),
    "nps": (
        "nps = 100 * (promoters - detractors) / responses",
        "nps_moe = z * 100 * SQRT(((p + d) - (p - d)^2) / responses), p = promoters / responses,"
        " d = detractors / responses, z = 1.959964 at 95% confidence",
    ),
}

HEADER = (
    "-- xl-retention monthly tables, dialect {dialect}: counts and MRR sums only (one row per month{per}; cohorts:\n"
    "-- per cohort and month). The rates are computed from these counts by the formulas of xl-retention's\n"
    "-- docs/metrics.md, repeated under each table's name (a rate is blank where its denominator is 0).\n"
    "-- Inputs: subscriptions(customer_id, month DATE, mrr), orders(customer_id, date, amount), visits(visitor_id,\n"
    "-- date), answers(date, score); a month is its first day, dates are DATEs or timestamps (text: below).\n"
    "-- A NULL in a column read (but a score: no answer) stops the query with an error naming it, as the import\n"
    "-- refuses a blank (a NULL mrr is no churn, a NULL amount no missing order). A score of -99 (Qualtrics' no\n"
    "-- answer) is no answer; any other score outside 0-10 or not whole stops the query naming it, as do 30\n"
    "-- answers or more none above 7 (a 1-5 or 1-7 question's, not NPS's 0-10). subscriptions holds one row per\n"
    "-- customer and month (a row of MRR 0 beside it adds nothing): two rows with an MRR stop the query naming them\n"
    "-- (two subscriptions, a plan change or a table loaded twice cannot be told apart without a subscription id).\n"
    "-- As the import refuses them, a negative mrr, a month with no subscriptions row between months with rows (a\n"
    "-- missing export), a row of a month after the current one (CURRENT_DATE's) and ids that differ only in\n"
    "-- capitals, spaces, apostrophes or hyphens (ACME GmbH, Acme GmbH) stop the query naming them, as does a date of\n"
    "-- 1900-01-01 or 1970-01-01 with no other date within a year after it (a missing date exported as 0).\n"
    "-- Cohort tables: a row for each cohort and month up to the last month (0: none of the cohort active; each\n"
    "-- month is a cohort, of each segment, 0 where nobody joined, as the import writes it); a cell with no row is\n"
    "-- not observed yet.\n"
    "-- orders holds one row per order, as the import reads a table without an order id: a refund row (a negative\n"
    "-- amount) is no order and is taken off none, and each line item is an order: net an order's refunds and sum\n"
    "-- its lines first (GROUP BY order_id, customer_id, dated with the order; an order refunded in full, cancelled\n"
    "-- or unpaid kept as one refund row, amount -1). The months run to the latest row's, a refund's too: a last\n"
    "-- month of refunds only is written with 0 buyers (its rates blank), as the import writes a last month none of\n"
    "-- whose orders was paid, with its note ('none of the orders of 2026-11 was paid ...: written with 0 buyers').\n"
    "-- A free trial's $0 invoice (Stripe's Billing Reason subscription_create, or its line 'Trial period for ...',\n"
    "-- every amount 0.00 or blank) is no purchase: leave its rows out of orders (WHERE NOT (COALESCE(billing_reason,\n"
    "-- '') = 'subscription_create' AND COALESCE(amount_due, 0) = 0 AND COALESCE(amount_paid, 0) = 0 AND\n"
    "-- COALESCE(subtotal, 0) = 0 AND COALESCE(total, 0) = 0): a row without a reason is kept), as the import leaves\n"
    "-- them out with a note; any other order of 0.00 (a 100% coupon's, its subtotal 49.00) is an order (its\n"
    "-- customer a buyer), here as in the import. So is an invoice whose own total says it is a credit (amount 0,\n"
    "-- its total or subtotal below 0: a proration credit): leave it out too (WHERE NOT (amount = 0 AND\n"
    "-- (COALESCE(total, 0) < 0 OR COALESCE(subtotal, 0) < 0))), as the import does, with a note.\n"
    "-- Where orders' dates carry a time of day, rows identical in every column read (customer_id, amount, the date\n"
    "-- to the second) stop the query naming the first of them, as the import refuses them in a table without an\n"
    "-- order id, when every row has such a twin or they are three or more and a tenth of the rows (a table loaded\n"
    "-- twice: SELECT DISTINCT, or net and sum each order's rows first); fewer are counted as read, as the import\n"
    "-- counts them (with a note), and two such orders of a day without a time are two purchases. So do answers'\n"
    "-- rows identical in every column read (the date to the second, score) by the same rule, as the import refuses\n"
    "-- them in a table without a response id.\n"
    "{zones}"
)
#: The header's words on zones: the dialects that read dates as UTC's wall time (:data:`.sql_dates.UTC_READS`), the
#: others.
UTC_ZONES = (
    "-- A TIMESTAMP WITH TIME ZONE is counted in UTC months, whatever the session's time zone; a timestamp without\n"
    "-- one, as written: a Parquet file's timestamps with a zone (pandas writes tz=America/New_York) are read as\n"
    "-- TIMESTAMP WITH TIME ZONE, UTC months, where xl-retention import counts them in the file's zone, with a note:\n"
    "-- for its months, a view with date AT TIME ZONE 'America/New_York'. A date in text (2026-01-31,\n"
    "-- 2026-01-31T23:30:00-05:00, 2026-01) is the date written, whatever its offset, as xl-retention import reads\n"
    "-- it (do not cast it to TIMESTAMP WITH TIME ZONE: that\n"
    "-- instant's UTC month may be the next one); text in another form stops the query naming it: cast it to DATE.\n"
    "-- Ids are read as xl-retention import reads them: spaces at either end, characters of no\n"
    "-- width, accent forms, full-width digits and letters make no other id, a blank one stops the query, and in a\n"
    "-- column of whole numbers 1001.0 is 1001; an id of no one in a text column (0, '(not set)', guest, a till's\n"
    "-- noemail@example.com) stops the query; an e-mail's capitals are one address (Ann@Example.com is\n"
    "-- ann@example.com); Salesforce's 18-character ids are their 15-character form where a customer_id column holds\n"
    "-- both forms of one id (0015g00000AbCdEAAV is 0015g00000AbCdE: one account, as xl-retention import reads it).\n"
)
SESSION_ZONES = (
    "-- On this dialect a TIMESTAMP WITH TIME ZONE is counted in the session's time zone: run the queries in a\n"
    "-- session whose zone is UTC (Snowflake: ALTER SESSION SET TIMEZONE = 'UTC'; Spark: spark.sql.session.timeZone)\n"
    "-- to count UTC months, as xl-retention import does. On this dialect ids are compared as written: trim them and\n"
    "-- write each customer's id one way (no zero-width characters, one accent form, 1001 not 1001.0, a Salesforce\n"
    "-- id in one form: 0015g00000AbCdE, not 0015g00000AbCdEAAV beside it, which the import reads as one) first.\n"
    "-- Cast a date in text to the DATE it writes, CAST(SUBSTRING(date, 1, 10) AS DATE) for\n"
    "-- 2026-01-31T23:30:00-05:00, as xl-retention import takes that date whatever the offset (a TIMESTAMP WITH TIME\n"
    "-- ZONE is an instant: its month may be the next one).\n"
)

SEGMENTS = (
    "-- Segments (column {column} of the inputs) are labelled as xl-retention import labels them (spaces at either\n"
    "-- end dropped, a blank is '(blank)'{currency}); two values that differ only in capitals, spaces, apostrophes or\n"
    "-- hyphens ('EMEA' and 'emea') stop the query with an error naming both: write each segment's value one way.\n"
)
#: The segments' words of the dialects whose SQL reads the segment as the database writes it (not DuckDB's or
#: PostgreSQL's: :func:`.sql_ids.typed_text`, :func:`.sql_ids.whole_segment`).
TYPED_SEGMENTS = (
    "-- On this dialect a segment column of numbers or TRUE/FALSE is labelled as the database writes it (1.0, true):\n"
    "-- cast it to text as xl-retention import labels it first (a whole number's digits, 1; TRUE, FALSE).\n"
)
#: The currency rule of the header (a column named as currencies, docs/metrics.md "Segments").
CURRENCY_CODES = (
    "; a currency's code typed two\n-- ways, 'usd' and 'USD', is one: every code upper case; a currency's symbol or "
    "name is its code ('€',\n-- 'Euro': EUR, as ReadOptions(segment='currency') reads them; a bare '$' or 'kr', "
    "which several currencies\n-- write, as written)"
)
#: The stops on ids read as written (:func:`.sql_written_ids.as_written`: every dialect but DuckDB and PostgreSQL),
#: said in the header.
AS_WRITTEN_IDS = (
    "-- Here an id that is blank ('' or spaces), one of no one ('(not set)', guest, a till's noemail@example.com)\n"
    "-- or typed two ways by its spaces at either end too (Acme, acme ) stops the query naming it, as xl-retention\n"
    "-- import refuses it; an e-mail's capitals are one address (Ann@Example.com is ann@example.com).\n"
)
#: MySQL's stop, said in the header (:func:`.sql_rewrite._raising`).
MYSQL_STOP = (
    "-- MySQL cannot raise an error with a text inside a query (its failed cast is 0): there a query stops with\n"
    "-- ERROR 1242 'Subquery returns more than 1 row' (a NULL read{spellings}).\n"
)
#: MySQL's stop with --segment.
MYSQL_SPELLINGS = ", or segment values typed two ways: the query segment_spellings, last, lists them"
