"""Preparing an input table: its columns found by name (:mod:`.columns`), each read by its role (ids, dates,
numbers), and every check of the kind's rules run (:func:`prepare`), before the monthly tables are built.

Each check lives in its own module (:mod:`.ends`, :mod:`.statuses`, :mod:`.currency`, :mod:`.summaries`, ...); this
module only says in which order they run and on which columns.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from typing import Any

import numpy as np
import pandas as pd

from .._validation import near_whole
from .adjusted_amounts import net_in_share, unadjusted_filled
from .amount_hints import no_amount_note
from .answer_flags import answer_flag_rows
from .appended_copies import check_appended_copies
from .authorizations import without_authorizations
from .base_amounts import base_twin_hint
from .billing import BILLING_ALIASES, months_per_interval
from .billing_columns import (
    _BILLING,
    _check_dates_given,
    _refuse_billing_names_without_interval,
    _refuse_count_without_interval,
    _refuse_unused_billing_columns,
    billing_mrr,
    billing_optional,
    is_billing,
    period_interval,
)
from .canceled_plans import read_canceled_plans
from .columns import _DATES, _IDS, FUTURE_HINTS, SCHEMAS, ReadOptions, normalize_columns
from .copies import check_copied_rows
from .covered_months import COVERED_MONTH, covered_month
from .credit_invoices import without_credit_invoices
from .credit_notes import refuse_due_credit_notes
from .currency import (
    check_currency_column,
    check_customer_currencies,
    check_one_currency,
    currency_of,
    named_currency,
    segment_values,
    stated_currency,
)
from .dates import parse_dates
from .deal_stages import check_deal_stages
from .debit_sides import credit_filled
from .decimal_twins import with_decimal_twins
from .discount_lines import fold_discount_lines
from .discounts import check_discounts
from .document_types import check_subscription_documents
from .ends import check_end_dates, refuse_empty_end, refuse_later_ends, refuse_unused_end
from .errors import ColumnValues, DataError, bad_rows, source_of
from .excel_sheets import refuse_sheets_alike
from .export_kinds import (
    refuse_count_report,
    refuse_counts,
    refuse_orders_as_subscriptions,
    refuse_retention_report,
    refuse_subscriptions_as_orders,
)
from .extra_prices import refuse_add_ons
from .family_shares import family_shared
from .frames import pandas_table
from .fx_drift import note_converted_amounts
from .gift_cards import net_of_gift_cards, without_gift_card_orders
from .gift_types import without_promised_gifts
from .inclusive_ends import FILE_LAST_DAY_ENDS, LAST_DAY_ENDS, inclusive_ends
from .interval_columns import swapped_interval_columns
from .interval_spans import refuse_uncounted_intervals
from .later_items import added_later_items
from .list_prices import names_a_price
from .loaded_twice import check_loaded_twice
from .money_twins import check_money_twins
from .months import EVERY_MONTH_OBSERVED, refuse_future_months, refuse_missing_months, refuse_times, zoned_months
from .movement_levels import check_movement_levels
from .nested_values import refuse_nested_values
from .notes import note, relayed
from .nps_columns import check_score_column
from .numpy_backed import numpy_backed
from .observed import OBSERVED_MONTH, observed_month
from .one_time_items import without_unpaid_one_time_items
from .order_shipping import order_net_of_shipping, shipping_taxes
from .orders import (
    check_order_id,
    customers_of_orders,
    item_columns,
    order_aliases,
    orders_as_paid,
    orders_of_parents,
)
from .paused_phases import followed_by_phase
from .pauses import check_pauses
from .payment_logs import refuse_open_renewals, refuse_payment_log, refuse_payments_as_months
from .paypal import paypal_orders
from .period_spans import refuse_period_spans
from .plan_currencies import check_plan_currencies
from .play_orders import play_order_column
from .play_taxes import play_taxes_folded
from .priced_zero import priced_zero
from .renewals import check_renewal_ends
from .repeats import check_repeated_rows, record_id_columns, subscription_id_columns
from .revenue import check_ended_at_zero, check_negative_mrr, in_units, per_month, refuse_scaled
from .sale_refunds import sale_id_column
from .salesforce_ids import one_salesforce_id
from .sandbox import check_test_mode
from .scores import FILE_SCALE_CHECKED, check_scale, check_scores, scores_from_labels
from .shifted_cells import refuse_shifted_column
from .shipping import net_of_shipping
from .sibling_dates import is_ambiguous, order_from_sibling
from .smallest_units import currency_divisors, minor_unit_divisors
from .snapshot_dates import check_months_after_end
from .snapshot_rows import MONTH_ROWS, one_row_per_month, order_groups
from .statuses import (
    FUTURE,
    NEVER_PAID_ENDED,
    TRIALING,
    check_answer_statuses,
    check_ended_snapshots,
    check_ended_without_end,
    check_statuses,
)
from .subscription_ids import pop_subscription_column
from .summaries import refuse_monthly_totals, refuse_repeated_headers, refuse_subtotal_ids, refuse_summary_rows
from .survey_questions import check_questions
from .taxes import net_of_tax, net_shares
from .tips import net_of_tips
from .trial_flags import trial_flag_columns, trial_flag_rows
from .trial_invoices import without_trial_invoices
from .trials import paid_from_trial_end, trial_column
from .undated_answers import undated_answers
from .unit_values import said_cents_mrr
from .unmapped import refuse_movements_log, refuse_unused_dates
from .values import clean_ids, emails_in_lower_case, parse_numbers, refuse_bad_ids, written_values
from .versions import latest_versions
from .zone_columns import zoned_dates


def prepare(
    df: pd.DataFrame,
    kind: str,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> tuple[pd.DataFrame, dict[str, str]]:
    """``df``'s columns for ``kind`` (:data:`SCHEMAS`), each read by its role; and our name -> the file's name.

    Ids become text (:func:`~.values.clean_ids`), dates naive ``datetime64[us]``
    (:func:`~.dates.parse_dates`; ``end`` may be blank), amounts and scores float64
    (:func:`~.values.parse_numbers`; blank scores are NaN). Subscriptions in billing form
    (an ``interval`` column) get ``mrr`` from ``amount`` (or the column mapped to ``mrr``),
    ``interval``, ``interval_count`` and ``quantity`` (:mod:`.billing`). A workbook's numbers in a
    date column (``df.attrs["excel_epoch"]``: cells not formatted as dates) are refused as numbers.

    >>> frame, names = prepare(pd.DataFrame({"Customer": ["0123 "], "Date": ["13/02/2024"]}), "orders",
    ...                        {"customer_id": "Customer"})
    >>> frame["customer_id"].tolist(), str(frame["date"].iloc[0])
    (['0123'], '2024-02-13 00:00:00')
    """
    pending: list[Future[None]] = []  # a large file's subtotal-id checks, in a thread (:func:`_subtotal_checks`)
    try:
        return _prepare(df, kind, columns, source, options, pending)
    except DataError as error:  # a subtotal row is named first, as when its check ran before every later one
        for check in pending:
            first = check.exception()
            if first is not None and first is not error:
                raise first from None
        raise


def _prepare(
    df: pd.DataFrame,
    kind: str,
    columns: Mapping[str, str] | None,
    source: str,
    options: ReadOptions | None,
    pending: list[Future[None]],
) -> tuple[pd.DataFrame, dict[str, str]]:
    """:func:`prepare`'s work; ``pending`` receives the subtotal-id checks left running in a thread."""
    options = options or ReadOptions()
    df = pandas_table(df, source)  # a polars DataFrame is read through its to_pandas()
    df = numpy_backed(df)  # pyarrow-backed, nullable columns and pd.NA: NaN for a blank, as read_csv gives (no pd.NA)
    refuse_nested_values(df, source)  # an API's records: a dict, a list in a cell, named before any check hashes it
    if zones := df.attrs.get("column_zones"):  # Qualtrics' import ids: the zone of each date column (subheaders)
        options = dataclasses.replace(options, column_zones=zones)
    if kind == "orders":  # PayPal's activity: payments received and their refunds, not its ledger (reading.paypal)
        df, columns = paypal_orders(df, columns or {}, source, (options.segment,) if options.segment else ())
        df = play_taxes_folded(df, columns, source, options.decimal)  # Google Play's Tax rows (reading.play_taxes)
        df = without_authorizations(df, source, columns)  # Recurly's $1 card checks: no sale (reading.authorizations)
        df = without_trial_invoices(df, source, columns)  # Stripe's $0 invoice of a trial (reading.trial_invoices)
        df = without_credit_invoices(df, source, columns)  # 0.00 paid of a Total -20.00 (reading.credit_invoices)
        df = without_promised_gifts(df, source)  # a donor export's Pledge, Write Off: no money (reading.gift_types)
        refuse_due_credit_notes(df, source)  # Chargebee's refund_due: taken off or not? (reading.credit_notes)
    if kind == "intervals":  # Zuora's Expired versions of an amended subscription: the latest counts (versions)
        df = latest_versions(df, source)
    refuse_count_report(df, kind, source)  # Google Play's statistics: counts per date, aggregated (export_kinds)
    source = source_of(df, source)  # a sheet's table: its rows are named as the sheet's
    required, optional = SCHEMAS[kind]
    columns = dict(columns or {})
    billing = False
    aliases = None
    if kind in ("snapshots", "intervals"):
        columns |= swapped_interval_columns(df.columns, columns, lambda c: _distinct_text(df, c))  # WooCommerce
        period = period_interval(df.columns, columns, lambda c: _distinct_text(df, c), source)  # "Billing Period"
        columns = {**columns, "interval": period} if period else columns
        billing = is_billing(df.columns, columns)
        _check_dates_given(df, kind, columns, source)
        if billing:  # the money column is the price per interval: 'amount', or the column mapped to 'mrr'
            required = tuple(c for c in required if c != "mrr")
            optional = billing_optional(optional, columns)
            aliases = BILLING_ALIASES
        else:
            _refuse_billing_names_without_interval(columns, source)
            _refuse_count_without_interval(df, columns, source)
            optional = tuple(c for c in optional if c not in _BILLING)
    if kind == "orders":  # an order id column: line items are one order (reading.orders)
        aliases = order_aliases(df.columns)
    refuse_retention_report(df, kind, source)  # Mixpanel's 'Day 1', 'Day 2' columns: aggregated (reading.export_kinds)
    columns, subscription = pop_subscription_column(columns, list(df.columns), source)  # (reading.subscription_ids)
    out = normalize_columns(df, required, optional, columns, source, aliases)
    names: dict[str, str] = out.attrs["source_columns"]
    if subscription is not None and kind in ("snapshots", "intervals"):  # --columns subscription_id=NAME: a record
        names["subscription_id"] = subscription  # id (its month's rows add up; an interval's phases follow each other)
    sale = sale_id_column(df, names, source) or play_order_column(df, names, source) if kind == "orders" else None
    if sale is not None:  # refunds with their sale's id; Google Play's Description, its order id (play_orders)
        out = normalize_columns(df, required, optional, {**columns, "order_id": sale}, source, aliases)
        names = out.attrs["source_columns"]
    refuse_sheets_alike(df, [names[c] for c in required if c in names], source)  # monthly tabs, one a column more
    refuse_counts(df, names, kind, source)  # 'Date, Users': a report's counts, each one visitor
    if kind in ("snapshots", "intervals", "orders"):  # 'MRR' beside 'MRR (USD)': which one? (reading.money_twins)
        check_money_twins(list(df.columns), names, columns, source, lambda c: _distinct_text(df, c))
    if kind == "orders":  # one row per subscription: MRR, a billing interval or period, no order id
        refuse_subscriptions_as_orders(df, names, source)
    elif kind in ("snapshots", "intervals"):  # one row per order: an order id or line items, no subscription's column
        refuse_orders_as_subscriptions(df, names, source)
    refuse_unused_end(df.columns, names, source, kind)  # 'Ended At (UTC)' with only the start mapped: no churn
    movements = refuse_movements_log(df.columns, names, source, kind, lambda c: _distinct_text(df, c))  # unmapped
    refuse_repeated_headers(df, source)  # files appended with their headers
    ids = [names[n] for n in sorted(_IDS) if n in names]  # a report's 'Total' is where its customers are named
    keys = [*ids, *(names[n] for n in sorted(_DATES - {"end"}) if n in names)]
    pending.extend(_subtotal_checks(df, source, ids))  # 'Total January' between the months: named as what it is
    refuse_summary_rows(df, source, ids, keys, subtotals=False)  # a report's totals at its end: one more customer
    refuse_shifted_column(df, source)  # one column's cells moved down a row: its last value alone below the table
    if kind == "orders":
        check_order_id(df, names, source)
        check_deal_stages(df, source, set(names.values()))  # a CRM's lost and open deals (reading.deal_stages)
    if billing:  # Paddle's items[1].* beside the items[0].* mapped: added where paid with it (reading.later_items)
        df, out = added_later_items(df, out, names, source, options.decimal)
        _refuse_unused_billing_columns(df, names, source, spans=False)  # periods: once read, below
        refuse_add_ons(df, names, source)  # an add-on's price, 'Storage Fee': paid beside the plan's (extra_prices)
        out = with_decimal_twins(df, out, names, source)  # Chargebee's plan_quantity_in_decimal (decimal_twins)
        check_discounts(df, source, list(names.values()), names.get("amount"), options.decimal)  # MRR after them
    elif kind in ("snapshots", "intervals") and names_a_price(names.get("mrr")):  # 'List price' beside a coupon
        check_discounts(df, source, list(names.values()), names.get("mrr"), options.decimal)  # a list price
    if kind in ("snapshots", "intervals"):  # 'Setup fee' item rows: paid once, no MRR (reading.one_time_items);
        df, out, source = without_unpaid_one_time_items(df, out, names, source)  # MRR 0 (Zuora's): left out
    by_currency = options.segment is not None and named_currency(options.segment)
    if kind in ("snapshots", "intervals", "orders"):
        check_currency_column(df, source, options.segment, names.get("amount", names.get("mrr")))
        note_converted_amounts(df, source, names.get("amount", names.get("mrr")))  # at each month's rate (fx_drift)
        check_plan_currencies(df, source, names, options.segment)  # 'pro-USD-Monthly', 'Pro (EUR)' (plan_currencies)
        check_customer_currencies(df, source, options.segment, names.get("customer_id"))  # one currency a customer
    if kind in ("snapshots", "intervals", "orders"):
        check_test_mode(df, source)  # Stripe's Mode 'Test': no customer paid
    if kind == "intervals":  # a snapshot's row says its MRR: its status is checked with it, below
        # trials, future and paused subscriptions are not MRR; trials beside a trial end and Stripe's ended
        # incomplete_expired are read with their dates (reading.trials)
        later = NEVER_PAID_ENDED | FUTURE | (TRIALING if trial_column(df, names) else set())  # FUTURE: by its start
        free = priced_zero(df, names, source, options) if trial_flag_columns(df.columns) else None
        check_statuses(df, source, read_later=later, free=free, start=names.get("start"))  # a trial priced 0: none
        check_pauses(df, kind, source)  # paused_at, pause_collection: the months it paid are not said (reading.pauses)
    deleted = None  # answers flagged deleted (reading.answer_flags)
    if kind == "answers":
        check_answer_statuses(df, source)  # a survey's previews, tests and spam are no answers
        deleted = answer_flag_rows(df, source)  # is_duplicate, is_bot: refused; is_deleted: left out (answer_flags)
        check_questions(df, set(names.values()), source, options.segment)  # 'Question': CSAT rows beside the NPS
        check_score_column(df, names, source)  # Qualtrics' Q1_NPS_GROUP, Typeform's score variable (nps_columns)
    if kind != "visits":  # the same record twice: overlapping exports appended (a visitor counts once anyway)
        people = (names.get("customer_id"), names.get("visitor_id"))  # a customer's id repeats by design
        items = item_columns(df.columns) if kind == "orders" else []  # rows of one order's items share its ids
        month = names.get("month") if kind == "snapshots" else None  # a subscription's id is on each month's row
        period = (names["start"], names.get("end")) if kind == "intervals" else None  # a subscription's phases
        renewed = subscription_id_columns(df.columns) if kind == "orders" else []  # on each renewal's payment
        mapped = (names["subscription_id"],) if "subscription_id" in names else ()  # --columns subscription_id=
        dates = _other_dates(df, names, source, options.dates(), df.attrs.get("excel_epoch")) if period else None
        check_repeated_rows(df, source, names.get("order_id"), names.get("amount"), people, items, month, period,
                            renewed, mapped, dates)  # fmt: skip
    if kind in ("snapshots", "intervals"):  # no subscription id: the same export pasted twice (reading.copies)
        check_copied_rows(df, source, (names.get("customer_id"),), (names.get("subscription_id"),))
    epoch = df.attrs.get("excel_epoch")
    labels = dataclasses.replace(options.dates(), timezone=None)  # a month is a label, never converted as an instant

    def read(name: str) -> Any:
        series = out[name]
        if name in _IDS:
            for check in pending:  # its subtotal rows first (and its distinct values: hashed there, once)
                check.result()
            what = {"customer_id": "customer ids", "visitor_id": "visitor ids"}.get(name, "order ids")
            if name == "customer_id" and kind == "orders" and "order_id" in out.columns:
                # a refund: its parent's (never through a mapped column: H558's finding 01)
                orders = orders_of_parents(out["order_id"], df, names.get("amount"), names.values())
                series = customers_of_orders(series, orders)  # a later line item's blank: its order's
            if name == "order_id":
                series = orders_of_parents(series, df, names.get("amount"), names.values())  # a refund: its parent's
            ids = clean_ids(series, f"{source}, column {names[name]!r}")  # names them in its note on '123.0'
            people = list(map(str, df.columns)) if name != "order_id" else None  # and guests' 0 as a customer
            refuse_bad_ids(ids, series, source, names[name], what, people, df)  # blank, #N/A, 7.12346E+12
            ids = emails_in_lower_case(ids)  # one address, whatever capitals were typed
            if name == "customer_id":  # Salesforce's 15- and 18-character forms of one id (reading.salesforce_ids)
                ids = one_salesforce_id(ids, f"{source}, column {names[name]!r}")
            return ids
        if name in _DATES:
            if name != "month" and options.timezone is not None:  # Square's Time and Time Zone (zone_columns)
                series = zoned_dates(df, series, names[name], source)
            blank = name == "end" or (kind in ("orders", "answers") and name == "date")  # checked below
            try:
                dates = parse_dates(series, source, names[name], labels if name == "month" else options.dates(),
                                    excel_epoch=epoch, allow_blank=blank)  # fmt: skip
                if name == "month":  # UTC instants of a zone's midnights: its months, with --timezone (months)
                    dates = zoned_months(dates, lambda zone, rows=None: parse_dates(
                        series if rows is None else series.iloc[:rows], source, names[name],
                        dataclasses.replace(options.dates(), timezone=zone), excel_epoch=epoch),
                        options.timezone, source, names[name], ColumnValues(series))  # fmt: skip
                return dates
            except DataError as error:  # '03/04/2026' beside a start of '25/01/2026' (reading.sibling_dates)
                siblings = [names[n] for n in ("start", "end") if n in names and n != name]
                if name not in ("start", "end") or not siblings or not is_ambiguous(error):
                    raise
                read_as = lambda s, c, o: parse_dates(s, source, c, o, excel_epoch=epoch, allow_blank=True)  # noqa: E731
                found = order_from_sibling(df, names[name], siblings, options.dates(), read_as)
                if found is None:
                    raise
                first, sibling = found
                note(f"{source}: the dates of {names[name]!r} could be day-first or month-first; read "
                     f"{'day' if first else 'month'}-first, as the dates of {sibling!r}, of the same layout, "
                     "are")  # fmt: skip
                dated = dataclasses.replace(options.dates(), dayfirst=first)
                return parse_dates(series, source, names[name], dated, excel_epoch=epoch, allow_blank=blank)
        if name == "interval":
            return months_per_interval(series, source, names[name])
        what = "scores" if name == "score" else "numbers"
        if name == "score":  # SurveyMonkey's '10 - Extremely likely' (reading.scores)
            series = scores_from_labels(series, source, names[name])
        stated = None
        if name == "amount" and kind == "orders":  # Etsy's blank 'Adjusted Order Total': its 'Order Total'
            series = unadjusted_filled(df, series, names[name])  # (reading.adjusted_amounts)
            series = credit_filled(df, series, names[name], source)  # Adyen's 'Gross Debit (GC)' (debit_sides)
        if name in ("mrr", "amount"):  # by a currency segment: each segment's amounts in one currency
            groups = segment_values(df, options.segment) if by_currency else None
            stated = stated_currency(df, names[name])
            twin = base_twin_hint(df, names[name], currency_of) if groups is None else ""  # Magento's '(Base)'
            check_one_currency(series, source, names[name], groups, stated, twin)
        return parse_numbers(
            series, source, names[name], decimal=options.decimal, what=what, currency=stated and stated[1],
            allow_blank=name == "score" or (name == "amount" and "order_id" in names),  # an order's later rows
        )  # fmt: skip

    typed = _read_columns(read, list(out.columns), len(out))
    if movements is not None:  # dbt's fct_mrr: a month's MRR with its movement's word (reading.movement_levels)
        check_movement_levels(df, typed, names, source, movements)
    if kind == "answers":  # no score and no date: a partial response, left out (reading.undated_answers)
        undated = undated_answers(typed["date"], typed["score"], names, source)
        if undated is not None:
            deleted = undated if deleted is None else deleted | undated
    who = (names.get("customer_id"), names.get("visitor_id"))
    if kind in ("orders", "answers") and not record_id_columns(df.columns, names.get("order_id"), people=who):
        named = names.get("customer_id", names["date"])
        check_appended_copies(df, typed["date"], source, named, kind)  # no id
        check_loaded_twice(df, typed["date"], source, named, kind)  # a table loaded twice, sorted again
    last_days = None  # a contract's last day, 31 December: stops 1 January; a segment's rows as the file's
    if kind == "intervals" and "end" in typed:  # (inclusive_ends)
        typed["end"], last_days = inclusive_ends(typed, names, source, df.attrs.get(FILE_LAST_DAY_ENDS))
    if options.refuse_missing_months and kind in ("snapshots", "orders", "visits", "answers"):  # not happened yet
        when = "month" if kind == "snapshots" else "date"  # first: a year typed wrong leaves a gap too
        refuse_future_months(typed[when], source, names[when], options.today, FUTURE_HINTS[kind])
    if kind == "snapshots":  # 'Created (UTC)' of a payments export mapped to month: one row per payment
        refuse_times(typed["month"], out["month"].to_numpy(), source, names["month"])
    if kind == "snapshots" and options.refuse_missing_months and not df.attrs.get(EVERY_MONTH_OBSERVED):
        refuse_missing_months(typed["month"], source, names["month"])
    # 'Total' beside 'Tax': MRR is net of tax (reading.taxes); without a tax, 'Prices include tax' yes, Paddle's
    # tax_mode internal are refused (reading.tax_flags)
    net_share = None  # an order's amount net of tax / as written (reading.taxes.net_shares)
    if kind in ("snapshots", "intervals"):  # WooCommerce's 'order_shipping' in its 'order_total' (reading.shipping)
        typed, shipped = net_of_shipping(df, typed, names, source, options.decimal)  # its tax is no second tax:
        typed = net_of_tax(df, typed, names | {f"shipping {c}": c for c in shipped}, source, options.decimal)
    elif kind == "orders" and "amount" in typed:  # Shopify's 'Total' beside 'Taxes': revenue is net of tax too
        gross = typed["amount"]  # a shipping's own tax ('order_shipping_tax') is no tax of the order's amount

        def nets(typed: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
            written = typed["amount"]
            hidden = {f"shipping {c}": c for c in shipping_taxes(df.columns, names)}
            typed = net_of_tax(df, typed, names | hidden, source, options.decimal, "revenue")
            typed = order_net_of_shipping(df, typed, written, names, source, options.decimal)  # (order_shipping)
            return net_of_tips(df, typed, names, source, options.decimal)  # Square's 'Tip' in 'Total Collected'

        # Etsy's 'Adjusted Order Total': told by its 'Order Total', in the share kept (reading.adjusted_amounts)
        typed = net_in_share(df, typed, names, source, options.decimal, nets)
        net_share = net_shares(gross, typed["amount"])  # its 'Refunded Amount' is gross too: taken off in that share
    elif kind == "orders":  # no amount: the purchase counts alone, said with the columns that may hold it
        note(no_amount_note(df, source))
    gift_only = gift_cards = None  # the rows of an order of gift cards only; each row's gift cards, amount left
    if kind == "orders":  # Shopify's 'Gift Card' line: paid in advance for a later sale, no revenue (gift_cards)
        typed, gift_only, sold = net_of_gift_cards(df, typed, names, source, options.decimal)
        if sold is not None:  # its refund is of what is left, in that part's tax share: a gift card is not taxed
            gift_cards = (sold, np.asarray(gross, dtype=np.float64) - sold)
            net_share = net_share if net_share is None else net_shares(gift_cards[1], typed["amount"])
    if billing and kind == "snapshots":  # a payments log: a yearly payment counted one month (reading.payment_logs)
        refuse_payment_log(typed, names, source, written_values(df, names["interval"]))
    if kind == "snapshots":  # Stripe's invoices by month: 'Amount Paid' as MRR, in_ ids (reading.payment_logs)
        refuse_payments_as_months(df, names, source)
    if billing and kind == "intervals" and "end" not in typed:  # payments as open subscriptions (payment_logs)
        refuse_open_renewals(typed, names, source, df)
    if billing:  # a 3-month period or 'Pro (quarterly)' beside month, no count (reading.interval_spans)
        periods = _other_dates(df, names, source, options.dates(), epoch)  # '03/11/2026' beside a start's 25/01
        refuse_uncounted_intervals(df, names, source, periods, typed.get("amount"))
        typed, names = billing_mrr(typed, names, columns, source, df, options.amounts)
    elif kind in ("snapshots", "intervals"):  # ARR / 12, cents / 100, JPY's mrr_cents / 1 (reading.revenue)
        periods = _other_dates(df, names, source, options.dates(), epoch)  # '03/11/2026' beside a start's 25/01
        refuse_period_spans(df, typed, names, source, periods, trial_column(df, names))
        typed["mrr"] = per_month(typed["mrr"], names["mrr"], source, lambda: currency_divisors(df))
        typed["mrr"] = said_cents_mrr(df, typed["mrr"], names["mrr"], source, options.amounts)  # 'USD (cents)'
    folded = None  # a coupon's line among a subscription's items (-40 beside 100 and 20): taken off them
    if kind in ("snapshots", "intervals"):  # each row's: a month's rows add up below (snapshot_rows)
        folded = fold_discount_lines(df, typed, names, source)  # (reading.discount_lines)
        check_subscription_documents(df, typed["mrr"], names, source)  # 'Credit Note', Refund = Yes (document_types)
        check_negative_mrr(typed, names, source, written_values(df, names["mrr"]))  # '-$50.00', not -4.17 a month
    if kind == "answers":  # '11' as the file writes it (reading.scores)
        typed["score"] = near_whole(typed["score"])  # 3.0000000000000004 (a rescaled slider) is 3, as nps() reads it
        check_scores(typed["score"], source, names["score"], written_values(df, names["score"]))
        answered = typed["score"][~np.isnan(typed["score"])]
        if len(answered) and not df.attrs.get(FILE_SCALE_CHECKED):  # a 1-5 CSAT's are no NPS (reading.scores); a
            # segment's rows: the whole file's column was checked (its scale is the question's)
            check_scale(float(answered.max()), len(answered), source, names["score"])
    refuse_monthly_totals(kind, typed, names, source)  # a BI report's 'Insgesamt' row in each month (reading.summaries)
    kept = month_rows = observed = covered = None
    if kind == "answers" and deleted is not None:  # answers flagged deleted: left out (reading.answer_flags)
        kept = np.flatnonzero(~deleted)
        typed = {n: v[kept] if isinstance(v, np.ndarray) else v.iloc[kept] for n, v in typed.items()}
    if kind == "snapshots":  # a row flagged cancelled or not active with an MRR: an active customer, counted
        typed["mrr"] = read_canceled_plans(df, typed, names, source)  # a plan change: the old plan's row canceled
        check_statuses(df, source, typed["mrr"])  # paused with an MRR: refused; paused with MRR 0: not paying
        check_pauses(df, kind, source, typed["mrr"])  # is_paused true with an MRR (reading.pauses)
        check_ended_snapshots(df, typed["mrr"], source)
        check_months_after_end(df, typed, names, source, _other_dates(df, names, source, options.dates(), epoch))
        typed, kept, month_rows = one_row_per_month(df, typed, names, source)  # subscriptions, paused rows
    in_cents = None  # --amounts cents, an API's cents: divided once the order's refunds, discounts are taken off
    if kind == "orders" and "amount" in typed:
        refuse_scaled(names["amount"], source, "amount")  # 'Umsatz (TEUR)': 1,5 is 1,500 (reading.revenue)
        units = in_units(typed["amount"], names["amount"], lambda: currency_divisors(df))  # amount_cents: / 100
        if units is typed["amount"]:  # not by its name: Stripe's, Paddle's API amounts, 4900 is 49.00
            in_cents = minor_unit_divisors(df, typed["customer_id"], names["amount"], source, options.amounts)
        typed["amount"] = units
    if kind == "intervals":  # a cancelled customer's MRR 0 is today's MRR, not what they paid (reading.revenue)
        shared = family_shared(df, typed["mrr"], source)  # RevenueCat's FAMILY_SHARED rows priced 0: add nothing
        for _, flagged in trial_flag_rows(df, source):  # RevenueCat's trial (is_trial_period true) priced 0: a trial
            trial = flagged & (np.asarray(typed["mrr"], dtype=np.float64) == 0)  # ended, no MRR: counts nowhere
            shared = trial if shared is None else np.asarray(shared, dtype=bool) | trial
        continued = followed_by_phase(df, typed, names)  # a phase ended the day the next one starts (paused_phases)
        check_ended_at_zero(typed, names, source, written_values(df, names["mrr"]), folded, continued, shared)
        check_ended_without_end(df, typed.get("end"), names.get("end"), source)  # 'canceled' and no end: not active
        continuing = lambda: followed_by_phase(df, typed, names, customers=True)  # noqa: E731 (only if asked)
        check_renewal_ends(df, typed.get("end"), names, source, options.today, continuing)  # a renewal date as end
        refuse_empty_end(df, typed.get("end"), names, source, kind)  # an empty end beside a filled canceled_at
    if kind == "intervals":  # paying from a free trial's end (reading.trials)
        paid_from_trial_end(
            df,
            typed,
            names,
            source,
            _other_dates(df, names, source, options.dates(), epoch),  # a trial's end: in the order start proves
            options.today,
        )
        check_end_dates(typed, names, source, written_values(df, names.get("end")))  # '15/01/2025' as written
        dated = _other_dates(df, names, source, options.dates(), epoch)  # '10/02/2026' beside a start's 15/01
        refuse_unused_dates(df, typed, names, source, dated)  # 'valid_until' unmapped (reading.unmapped)
        refuse_later_ends(df, typed, names, source, dated)  # canceled_at mapped, expires_at later (reading.ends)
        observed = observed_month(df, names, dated)  # 'Current Period Start (UTC)': billed then (reading.observed)
    index = out.index if kept is None else out.index[kept]
    if kind == "orders":  # one row per order, cancelled and voided orders left out
        ordered = np.asarray(typed["order_id"], dtype=object) if "order_id" in typed and options.segment else None
        refunds = np.asarray(typed["amount"], dtype=np.float64) < 0 if "amount" in typed else None
        covered = covered_month(typed["date"])  # its last month, paid or not (reading.covered_months)
        typed, kept = orders_as_paid(df, typed, names, source, lambda s, c: parse_numbers(s, source, c,
                                     decimal=options.decimal, allow_blank=True), net_share,
                                     options.decimal, gift_cards)  # fmt: skip
        if in_cents is not None:  # its refunded amount in cents too (Lemon Squeezy's refunded_amount: 1296 of 2592)
            typed["amount"] = typed["amount"] / np.broadcast_to(np.asarray(in_cents, dtype=np.float64), len(df))[kept]
        typed, kept = without_gift_card_orders(typed, kept, gift_only)  # no purchase: its buyer bought nothing yet
        month_rows = None if ordered is None else order_groups(ordered, kept, refunds)  # an order's rows: its segment
        index = out.index[kept] if len(kept) != len(out.index) else index
        undated = np.isnat(np.asarray(typed["date"]))  # blank dates of orders that count (an unpaid one's may be)
        if undated.any():
            raise bad_rows(source, names["date"], "missing dates", kept[undated])
    # No copy of the columns the reading made (a 10-million-row column takes 0.2 s to copy); any other is copied.
    owned = {name: v if isinstance(v, np.ndarray) and v.flags.owndata else v.copy() for name, v in typed.items()}
    frame = pd.DataFrame(owned, index=index, copy=False)
    frame.attrs["source_columns"] = names
    if kind == "intervals" and observed is not None:
        frame.attrs[OBSERVED_MONTH] = observed
    if last_days is not None:
        frame.attrs[LAST_DAY_ENDS] = last_days
    if kind == "orders" and covered is not None:
        frame.attrs[COVERED_MONTH] = covered
    if kept is not None and len(index) != len(out.index):
        frame.attrs["positions"] = kept  # the file positions of the rows kept
        if month_rows is not None:  # a customer's month, an order's items: their segment, the smallest (snapshot_rows)
            frame.attrs[MONTH_ROWS] = month_rows
    return frame, names


def _other_dates(
    df: pd.DataFrame, names: Mapping[str, str], source: str, options: Any, epoch: str | None
) -> Callable[[pd.Series, str], np.ndarray]:
    """A reader of a date column the import does not map (a billing period's start and end, a trial's end), blanks
    allowed: with the file's date options, and where its days cannot tell day-first from month-first
    (03/11/2026), in the order the mapped start or end of the same layout proves (reading.sibling_dates), as
    one export writes every date one way; still refused where none proves it."""

    def read_as(series: pd.Series, column: str, given: Any) -> np.ndarray:
        return parse_dates(series, source, column, given, excel_epoch=epoch, allow_blank=True)

    def read(series: pd.Series, column: str) -> np.ndarray:
        try:
            return read_as(series, column, options)
        except DataError as error:
            siblings = [names[n] for n in ("start", "end") if n in names and names[n] != column]
            if not siblings or not is_ambiguous(error) or list(map(str, df.columns)).count(column) != 1:
                raise
            found = order_from_sibling(df, column, siblings, options, read_as)
            if found is None:
                raise
            return read_as(series, column, dataclasses.replace(options, dayfirst=found[0]))

    return read


def _distinct_text(df: pd.DataFrame, column: str, most: int = 100) -> list[Any]:
    """Up to ``most`` distinct values of ``df``'s column named ``column`` (its first, when the name repeats)."""
    values = df.iloc[:, [str(c) for c in df.columns].index(column)]
    return list(pd.unique(values.to_numpy())[:most])


#: From this many rows, the columns are read in threads (their Arrow and numpy work runs in parallel).
PARALLEL_ROWS = 200_000


def _subtotal_checks(df: pd.DataFrame, source: str, ids: Sequence[str]) -> list[Future[None]]:
    """:func:`~.summaries.refuse_subtotal_ids` of each id column (``ids``: the file's names), before any later check.

    A table of :data:`PARALLEL_ROWS` rows or more is checked in a thread of its own while the next checks run (its
    ids' distinct values are hashed there: 0.2 s for a million rows; the column's reading joins it and finds them
    hashed): the futures are returned, and :func:`prepare` names their refusal before any later one. A smaller
    table is checked at once (``[]``).
    """
    names = [str(c) for c in df.columns]
    columns = [(df.iloc[:, names.index(c)], c) for c in dict.fromkeys(ids) if c in names]

    def check() -> None:
        for values, name in columns:
            refuse_subtotal_ids(values, source, name)

    if len(df) < PARALLEL_ROWS or not columns:
        check()
        return []
    import contextvars
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="subtotal-ids")
    try:
        return [pool.submit(contextvars.copy_context().run, check)]  # its refusal worded as this caller's
    finally:
        pool.shutdown(wait=False)  # the thread ends with its check


def _read_columns(read: Callable[[str], Any], names: list[str], rows: int) -> dict[str, Any]:
    """``{name: read(name)}``; with :data:`PARALLEL_ROWS` rows or more, the columns are read in two threads.
    Either way, the error raised is that of the first column (in ``names``' order) that has one."""
    if rows < PARALLEL_ROWS or len(names) < 2:
        return {name: read(name) for name in names}
    import contextvars
    import warnings
    from concurrent.futures import ThreadPoolExecutor

    # the readers silence pandas' warnings with warnings.catch_warnings(), which is not thread-safe (one thread leaving
    # its block restored the filters while the other parsed: "UserWarning: Parsing dates in %Y-%m-%d ... format when
    # dayfirst=True" printed, H170 finding 08): one block around both threads, left after they end, ignores them all
    with relayed(), warnings.catch_warnings():  # the notes made in the threads warned after the block, not ignored
        warnings.simplefilter("ignore")
        with ThreadPoolExecutor(max_workers=2) as pool:
            # each in a copy of this context: its notes are collected, its refusals worded as this caller's
            futures = [pool.submit(contextvars.copy_context().run, read, name) for name in names]
            return {name: future.result() for name, future in zip(names, futures, strict=True)}
