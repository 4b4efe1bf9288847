"""A subscription's status in billing exports: rows of subscriptions that do not pay are refused, never counted.

Billing systems export each subscription with its status (Stripe's "Status", Chargebee's ``subscriptions.status``,
Recurly's ``subscription_state``, Lemon Squeezy's and Paddle's ``status``, Maxio's ``state``). A subscription in
its free trial, one that has not started or was never paid for, or a paused or suspended one is neither a paying
customer nor MRR, yet its price would count as MRR from its start date: such rows are refused, naming the status
column, the rows and their statuses (remove them, or export active and cancelled subscriptions only). The
statuses, by billing system (:data:`NOT_PAYING`):

* a free trial: ``trialing`` (Stripe, Paddle, Maxio), ``in_trial`` (Chargebee, Recurly), ``on_trial`` (Lemon
  Squeezy), ``trial``, ``free_trial``; a trial that ended without a payment: ``trial_ended`` (Maxio);
* not started, or never paid: ``future`` (Chargebee, Recurly), ``incomplete``, ``incomplete_expired`` (Stripe),
  ``awaiting_signup``, ``failed_to_create`` (Maxio), ``pending`` (Braintree, WooCommerce Subscriptions: not
  paid yet), ``pending_activation``, ``pending_acceptance``, ``draft`` (Zuora);
* paused: ``paused`` (Stripe, Chargebee, Recurly, Paddle, Lemon Squeezy), ``on_hold`` (Maxio, WooCommerce
  Subscriptions), ``suspended`` (Zuora, Maxio);
* on hold until a payment: Google Play's ``account_hold``, the stores' billing retry (``billing_retry``: Apple's
  paid service pauses until it collects the payment).

Any case; spaces and hyphens as ``_``; WooCommerce's ``wc-`` prefix (``wc-on-hold``) is dropped. The statuses of
German, French, Spanish, Italian, Dutch, Portuguese, Polish and Japanese exports are read alike
(:mod:`~.status_words`: ``aktiv``, ``Testphase``, ``pausiert``, ``gekündigt``, ``résilié``, ``cancelado``), and
their status columns' names (``Statut``, ``Estado``, ``Stato``, ``Abostatus``); the app stores' states as their APIs
write them (:mod:`~.store_statuses`: Google Play's ``SUBSCRIPTION_STATE_ON_HOLD``, StoreKit 2's ``revoked``). A
column named as a status none of whose values is a status known here is refused, naming its values (Google Play's
states were such a column, ignored: every row counted as paying). Other statuses
(``active``, ``past_due``, ``non_renewing``, ``canceled``, ``expired``, ...) are subscriptions that were paid for:
their dates say when; ``unpaid`` (Stripe, Maxio, Lemon Squeezy: dunning over, no longer paying) is one that ended.
A subscription whose status says it ended (:data:`ENDED`: ``canceled``, ``expired``, ``unpaid``, ...) with no end
date contradicts itself (an empty end is "still active": it would never churn) and is refused naming the rows
(:func:`check_ended_without_end`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from . import flag_words, yes_no
from . import status_words as words
from . import store_statuses as stores
from .errors import bad_rows
from .held_statuses import (
    _PAUSED,
    HELD,
    HELD_PROBLEM,
    SUSPENDED,
    SUSPENDED_PROBLEM,
    _paused_problem,
    held_advice,
    suspended_advice,
)

__all__ = [
    "PAYING",
    "UNKNOWN_ADVICE",
    "UNKNOWN_PROBLEM",
    "unknown_statuses",
    "ENDED",
    "ENDED_FLAGS",
    "ENDED_PROBLEM",
    "ended_advice",
    "ended_flag_columns",
    "flagged_ended",
    "NOT_PAYING",
    "PROBLEM",
    "check_ended_without_end",
    "check_ended_snapshots",
    "check_statuses",
    "status_columns",
]

#: The names of a status column (as :func:`~xl_retention.reading.key` spells them, after a Chargebee prefix).
STATUS_NAMES = frozenset({"status", "state", "subscription_status", "subscription_state", "plan_status",
                          "account_status", "sub_status", "abo_status", "customer_status", "contract_status",
                          "deal_stage", "stage",
                          # a status named as a stage (Odoo's 'Subscription Stage': In Progress, Closed); not a
                          # 'Phase', which is a pricing schedule's (Stripe's phases 1, 2; 'Intro price': H581's 04)
                          "subscription_stage", "lifecycle_stage", "customer_stage", "contract_stage",
                          # other languages: French, Spanish, Portuguese, Italian, German, Dutch, Polish, Japanese
                          "statut", "etat", "état", "estado", "situação", "situacao", "stato", "abostatus",
                          "abonnementstatus", "vertragsstatus", "kundenstatus", "statut_abonnement",
                          "statut_de_l'abonnement", "estado_de_la_suscripción", "estado_suscripción",
                          "stato_abbonamento", "abonnementsstatus", "status_abonnement", "status_subskrypcji",
                          "ステータス", "状態", "契約状況",
                          # a subscriber's status under the subscriber's name: Patreon's 'Patron Status', a
                          # membership's 'Member Status', a newsletter's paid 'Subscriber Status', 'Membership Status'
                          "patron_status", "member_status", "membership_status", "subscriber_status",
                          "license_status", "licence_status"})  # fmt: skip

#: Statuses of subscriptions that do not pay (lower case, spaces and hyphens as ``_``), with and without
#: WooCommerce's ``wc_`` prefix (so the SQL backends, which compare the spelled status, drop it too).
_NOT_PAYING = ("trialing", "trial", "in_trial", "on_trial", "free_trial", "trial_ended", "future", "incomplete",
               "incomplete_expired", "awaiting_signup", "failed_to_create", "pending", "pending_activation",
               "pending_acceptance", "draft", "paused", "on_hold", "suspended",
               # Zoho's trial that ended without a payment; Google Play's account hold (no access until paid); the
               # stores' billing retry (Apple: "the subscriber's days of paid service pause until Apple is able to
               # collect payment"; its grace period pays)
               "trial_expired", "account_hold", "on_account_hold", "billing_retry", "in_billing_retry",
               "billing_retry_period",
               # Salesforce's contract not in effect yet (its status code InApproval), as its Draft
               "in_approval_process", "inapproval")  # fmt: skip
NOT_PAYING = (frozenset(_NOT_PAYING) | frozenset("wc_" + status for status in _NOT_PAYING) | words.NOT_PAYING
              | stores.NOT_PAYING)  # fmt: skip

PROBLEM = (
    "subscriptions that do not pay, to be removed (a free trial, not started yet, paused or never paid: their price "
    "would count as MRR from their start)"
)
#: Statuses of subscriptions that pay (Stripe, Chargebee, Recurly, Paddle, Lemon Squeezy, Zuora, Maxio, WooCommerce):
#: past_due pays until it ends (Stripe counts it in MRR), non_renewing until its term ends.
_PAYING = ("active", "paid", "past_due", "non_renewing", "live", "renewing", "current", "in_grace_period",
           "closed_won", "won", "customer",
           # WooCommerce's pending-cancel (cancelled, paid to its end date), FastSpring's overdue, Zoho's dunning, the
           # stores' grace period: past due, paying until they end
           "pending_cancel", "overdue", "dunning", "grace_period",
           # Maxio's (Chargify's) live and problem states: a renewal being assessed, a failed one retried
           "assessing", "soft_failure",
           # Salesforce's contract in effect (kept after its end date: its dates say when it ran)
           "activated")  # fmt: skip
PAYING = frozenset(_PAYING) | frozenset("wc_" + status for status in _PAYING) | words.PAYING | stores.PAYING
UNKNOWN_PROBLEM = (
    "statuses this import does not know (a status column whose other values are subscription statuses: each row must "
    "say whether it pays)"
)
#: What to do about :data:`UNKNOWN_PROBLEM`, after its rows and values.
UNKNOWN_ADVICE = "rename them to active, canceled, trialing, paused or remove those rows"


def status_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that hold a subscription's status (``Status``, ``subscriptions.status``, ...).

    >>> status_columns(["Customer ID", "Status", "subscriptions.status", "Plan"])
    ['Status', 'subscriptions.status']
    """
    from .columns import keys_of

    return [str(n) for n in names if keys_of(n) & STATUS_NAMES]


def status_columns_by_values(names: Sequence[Any], values: Any) -> list[str]:
    """The columns of ``names`` not named as statuses (:func:`status_columns`) whose distinct values
    (``values(column)``, :func:`spelled`) are subscription statuses: one of :data:`TELLING` (``trialing``,
    ``canceled``, ``churned``, ``former customer``), and half of them or more known (``Zustand``, ``Lifecycle
    Stage``, ``Type``: read as a status column is, whatever its name).

    >>> status_columns_by_values(["Plan", "Zustand", "Status"], lambda c: {"Plan": ["pro", "basic"],
    ...     "Zustand": ["active", "trialing"], "Status": ["active"]}[c])
    ['Zustand']
    """
    known = PAYING | NOT_PAYING | ENDED
    found = []
    for name in map(str, names):
        if status_columns([name]):
            continue
        said = {str(v) for v in values(name)} - {"", "nan", "none", "null"}
        if not said or len(said) > 30 or not said & TELLING or 2 * len(said & known) < len(said):
            continue
        found.append(name)
    return found


def status_columns_of(df: pd.DataFrame) -> list[str]:
    """The status columns of ``df``: by their names (:func:`status_columns`), and by their values
    (:func:`status_columns_by_values`, text columns of few distinct values)."""
    names = list(map(str, df.columns))

    def values(name: str) -> list[str]:
        column = df.iloc[:, names.index(name)]
        if column.dtype != object and not pd.api.types.is_string_dtype(column.dtype):
            return []
        if len(pd.unique(column.iloc[:2000].to_numpy(dtype=object))) > 31:  # ids, e-mails: no statuses (fast)
            return []
        distinct = pd.unique(column.dropna().to_numpy(dtype=object))
        return [] if len(distinct) > 30 else list(spelled(pd.Series(distinct, dtype=object)))

    return status_columns(names) + status_columns_by_values(names, values)


#: what :func:`spelled` writes as ``_`` in a status (the SQL backends' mirror, relational.mirrors, uses it too)
SEPARATORS = r"[\s\-]+"


def spelled(values: pd.Series) -> np.ndarray:
    """Statuses as they are compared: text, lower case, spaces and hyphens (:data:`SEPARATORS`) as ``_``."""
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().str.lower()
    return text.str.replace(SEPARATORS, "_", regex=True).to_numpy()


SNAPSHOT_PROBLEM = (
    "snapshot rows with an MRR whose status says the subscription does not pay (a free trial, not started yet, paused "
    "or never paid: a snapshot's row with an MRR counts as a paying customer that month): write their MRR as 0, or "
    "correct the status"
)


#: statuses of a subscription in its free trial: read, not refused, beside a trial-end column (reading.trials)
TRIALING = frozenset({"trialing", "trial", "in_trial", "on_trial", "free_trial"})
#: Stripe's subscription whose first payment failed and which it ended: never paid, counted nowhere where it has an end
NEVER_PAID_ENDED = frozenset({"incomplete_expired"})
#: A subscription scheduled to start (Chargebee's and Recurly's ``future``): read, not refused, where its start is
#: after today (it pays in no month written: counted nowhere, with a note; reading.trials); refused before then
FUTURE = frozenset({"future", "wc_future"})


def check_statuses(
    df: pd.DataFrame,
    source: str,
    mrr: Any = None,
    read_later: frozenset[str] = frozenset(),
    free: Any = None,
    start: str | None = None,
) -> None:
    """Refuse the rows of ``df`` whose status column says the subscription does not pay (see the module docstring);
    in a snapshots file (``mrr``: the MRR read of each row) only those with an MRR above 0: a paused month's row with
    MRR 0 says it paid nothing. Statuses in ``read_later`` are left to a later check that can read their rows
    (:data:`TRIALING` beside a trial-end column, :data:`NEVER_PAID_ENDED`: :func:`.trials.paid_from_trial_end`).
    A trial flag true (``is_trial``, ``IsTrial``: :mod:`.trial_flags`) is read as a ``trialing`` status, except on
    the rows ``free`` says are priced 0 (an intervals file's: they add nothing); ``start``: the start's column (a
    trial flag beside a first billing date mapped as the start is a setting: :func:`.trial_flags.paid_start_column`).

    >>> check_statuses(pd.DataFrame({"Status": ["active", "canceled"]}), "subs.csv")
    >>> check_statuses(pd.DataFrame({"Status": ["active", "trialing"]}), "subs.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv, column 'Status': subscriptions that do not pay, to be removed (a \
free trial, not started yet, paused or never paid: their price would count as MRR from their start) in row 3 (counting \
the header as row 1): 'trialing'
    """
    statuses = status_columns_of(df)
    for position, name in enumerate(map(str, df.columns)):
        if name not in statuses:
            continue
        column = df.iloc[:, position]
        said = spelled(column)
        not_paying = np.isin(said, list(NOT_PAYING - read_later))
        if mrr is not None:
            not_paying &= np.nan_to_num(np.asarray(mrr, dtype=np.float64), nan=0.0) > 0
        rows = np.flatnonzero(not_paying)
        paused = rows[np.isin(said[rows], list(_PAUSED))] if mrr is None else rows[:0]
        if paused.size:  # paid until it paused: removing the row would lose those months (H141 finding 06)
            raise bad_rows(source, name, _paused_problem(df.columns), paused, column.to_numpy())
        held = rows[np.isin(said[rows], list(HELD))] if mrr is None else rows[:0]
        if held.size:  # a renewal not paid: the months before it were paid (H188 finding 15)
            raise bad_rows(source, name, HELD_PROBLEM, held, column.to_numpy(), advice=held_advice(df.columns))
        suspended = rows[np.isin(said[rows], list(SUSPENDED))] if mrr is None else rows[:0]
        if suspended.size:  # PayPal's SUSPENDED: paid until then (H266 finding 13)
            advice = suspended_advice(df.columns)
            raise bad_rows(source, name, SUSPENDED_PROBLEM, suspended, column.to_numpy(), advice=advice)
        if rows.size:
            raise bad_rows(source, name, PROBLEM if mrr is None else SNAPSHOT_PROBLEM, rows, column.to_numpy())
        unknown = unknown_statuses(np.unique(said))
        if unknown:  # 'lost', 'gekündigt', 'Closed Lost' beside 'active': counted as paying, silently
            rows = np.flatnonzero(np.isin(said, unknown))
            raise bad_rows(source, name, UNKNOWN_PROBLEM, rows, column.to_numpy(), advice=UNKNOWN_ADVICE)
        if _none_known(name, np.unique(said)):  # a store's own states: the column was ignored, every row paying
            rows = np.flatnonzero(said != "")
            raise bad_rows(source, name, NONE_KNOWN_PROBLEM, rows, column.to_numpy(), advice=UNKNOWN_ADVICE)
    from .trial_flags import check_trial_flags

    check_trial_flags(df, source, mrr, read_later=bool(read_later & TRIALING), free=free, start=start)  # is_trial


NONE_KNOWN_PROBLEM = (
    "statuses none of which this import knows, in a column named as a status (whether each row pays cannot be told)"
)
#: Status columns' names that a column of places may have too (a customer's state, CA): read as statuses where
#: their values have a status's word.
_PLACE_NAMES = frozenset({"state", "etat", "état", "estado", "stato"})
#: Words of a status (a vendor's own spelling: 'SUBSCRIPTION_STATE_ON_HOLD', 'STATUS_EXPIRED').
_STATUS_WORDS = frozenset({"active", "expired", "canceled", "cancelled", "paused", "trial", "trialing", "suspended",
                           "pending", "hold", "grace", "retry", "revoked", "subscribed", "churned", "ended", "unpaid",
                           "terminated", "inactive", "renewing", "lapsed"})  # fmt: skip


def _none_known(name: str, values: Any) -> bool:
    """Whether a column named as a status (:func:`status_columns`) has values and none is a status known here: any
    such value under a name only a status has ('status', 'subscription_state'), and one with a status's word under a
    name a column of places may have ('State': CA, NY is no status).

    >>> _none_known("status", ["revoked_by_store", ""]), _none_known("State", ["ca", "ny"])
    (True, False)
    >>> _none_known("State", ["state_on_hold", "state_live"]), _none_known("Status", ["active", "lost"])
    (True, False)
    """
    from .columns import keys_of

    values = [str(v) for v in values if str(v)]
    keys = keys_of(name) & STATUS_NAMES
    if not values or not keys or any(v in PAYING | NOT_PAYING | ENDED for v in values):
        return False
    return bool(keys - _PLACE_NAMES) or any(set(re.split(r"_+", v)) & _STATUS_WORDS for v in values)


def unknown_statuses(values: Any) -> list[str]:
    """The spelled statuses of ``values`` (a column's distinct :func:`spelled` values) that are none of
    :data:`PAYING`, :data:`NOT_PAYING` and :data:`ENDED`, when one of them is such a status (a column of addresses'
    states, ``CA``, names none and is no status column); blank is no status.

    >>> unknown_statuses(["active", "lost", ""]), unknown_statuses(["ca", "ny"]), unknown_statuses(["active"])
    (['lost'], [], [])
    """
    values = [str(v) for v in values if str(v)]
    known = PAYING | NOT_PAYING | ENDED
    if not any(v in known for v in values):
        return []
    return sorted(v for v in values if v not in known)


#: Statuses of subscriptions that ended (Stripe, Chargebee, Recurly, Paddle, Lemon Squeezy, Zuora, Maxio, ...).
_ENDED = ("canceled", "cancelled", "expired", "ended", "terminated", "deleted", "churned", "inactive",
          "former_customer", "ex_customer",
          # FastSpring's deactivated, Zoho's cancelled after failed payments
          "deactivated", "cancelled_from_dunning", "canceled_from_dunning",
          # Stripe's, Maxio's and Lemon Squeezy's unpaid: dunning over, the subscription kept but no longer paying
          # (Stripe counts it as churn, Maxio as an end of life state)
          "unpaid",
          # WooCommerce Subscriptions' switched: replaced by the subscription it was switched to (a plan change)
          "switched")  # fmt: skip
ENDED = frozenset(_ENDED) | frozenset("wc_" + status for status in _ENDED) | words.ENDED | stores.ENDED

#: statuses that say, whatever a column's name, that it holds subscription statuses (not 'pending', 'draft',
#: 'future': an invoice's or a payment's too)
TELLING = (NOT_PAYING | ENDED | {"closed_lost"}) - {"pending", "draft", "future", "incomplete", "deleted",
                                                     "expired", "wc_pending", "wc_draft", "wc_expired", "unpaid",
                                                     "wc_unpaid", "switched", "wc_switched", "revoked"}  # fmt: skip
TELLING -= words.NOT_TELLING


ENDED_PROBLEM = (
    "subscriptions whose status says they ended, with no end date (an empty end is a subscription still active, which "
    "would never churn)"
)
#: What to do about :data:`ENDED_PROBLEM`, after its rows and values (:func:`ended_advice` names the file's column).
ENDED_ADVICE = (
    "map the column of the day service stopped, --columns end=NAME (Stripe: 'Ended At (UTC)', Recurly: expires_at), "
    "or give those rows their end"
)

#: :data:`ENDED_ADVICE` where the mapped end is the file's day service stopped and blank on the rows (``{end}``), beside
#: a column of the day a cancellation was asked for (``{other}``).
MAPPED_END_ADVICE = (
    "give those rows their end in {end!r}, the column mapped as the day service stopped, blank on them (a "
    "subscription canceled to stop at its period's end serves until that day, which is its end, not the day in "
    "{other!r}, when it was canceled)"
)


def ended_advice(columns: Sequence[Any], end: str | None, df: pd.DataFrame | None = None) -> str:
    """:data:`ENDED_ADVICE` naming the file's own column of the day service stopped, when ``columns`` has one beside
    the mapped ``end`` (:func:`.ends.end_like_columns`: Chargebee's ``subscriptions.cancelled_at`` beside its
    ``current_term_end``), instead of other systems' names.

    >>> ended_advice(["term_end", "cancelled_at"], "term_end")
    'map the column of the day service stopped, --columns end=cancelled_at, or give those rows their end'

    Where the mapped ``end`` is itself the file's best column of the day service stopped (Recurly's ``expires_at``
    beside its ``canceled_at``, the day the customer asked), the rows are told to get their end there
    (:data:`MAPPED_END_ADVICE`), never to map the other column, which the import would refuse in turn (H395's
    finding 03):

    >>> ended_advice(["canceled_at", "expires_at"], "expires_at")[:92]
    "give those rows their end in 'expires_at', the column mapped as the day service stopped, bla"
    """
    from .ends import end_like_columns
    from .names import columns_option

    found = end_like_columns(columns, {"end": end} if end else {})
    if not found:
        return ENDED_ADVICE
    if df is not None:  # a 'Canceled At' filled on a row still paying (set to cancel): mapped as the end, refused
        from .scheduled_ends import ended_rows

        if ended_rows(df, found[0])[1].any():
            return ENDED_ADVICE
    ranked = end_like_columns(columns, {})
    if end is not None and str(end) in ranked and ranked.index(str(end)) < ranked.index(found[0]):
        return MAPPED_END_ADVICE.format(end=str(end), other=found[0])  # Recurly's expires_at beside canceled_at
    return ENDED_ADVICE.replace("--columns end=NAME (Stripe: 'Ended At (UTC)', Recurly: expires_at)",
                                columns_option([("end", found[0])]))  # fmt: skip


#: Flag columns whose true value says a subscription ended (``cancelled``, ``is_churned``, ...), and whose false value
#: says so (``is_active`` false): with no end date, such a row is refused as a status saying it ended is.
ENDED_FLAGS = frozenset({"cancelled", "canceled", "is_cancelled", "is_canceled", "was_cancelled", "was_canceled",
                         "churned", "is_churned", "has_churned", "ended", "is_ended", "has_ended", "expired",
                         "is_expired", "terminated", "is_terminated",
                         # a soft delete (an app database's is_deleted): no subscription of a paying customer
                         "deleted", "is_deleted", "was_deleted", "soft_deleted",
                         # not paying (yet): a payment pending or failed, a subscription incomplete (Stripe)
                         "pending", "is_pending", "unpaid", "is_unpaid", "incomplete", "is_incomplete",
                         "past_due", "is_past_due"})  # fmt: skip
#: Flag columns whose true value says the subscription failed, or one of its payments did (which of the two cannot be
#: told: a failed payment on a live subscription is no churn, a subscription that failed to start never paid): with
#: no end date refused (:data:`FAILED_PROBLEM`); with one, read as any row with an end (a subscription that ran and
#: ended on failed payments churned). A payment's own flag (``payment_failed``, ``last_payment_failed``) is not read:
#: the subscription stays live until its end.
FAILED_FLAGS = frozenset({"failed", "is_failed", "was_failed", "has_failed", "subscription_failed", "signup_failed",
                          "is_subscription_failed", "failed_to_create", "creation_failed"})  # fmt: skip
ENDED_FLAGS |= FAILED_FLAGS
#: Flag columns whose false value says a subscription is not active or not paying (``is_paying`` false).
ACTIVE_FLAGS = frozenset({"active", "is_active", "currently_active", "paying", "is_paying", "currently_paying",
                          "paid", "is_paid", "paid_subscription"})  # fmt: skip
ENDED_FLAGS |= flag_words.ENDED_FLAG_WORDS  # 'Inactive', 'Lapsed', 'Gekündigt', 'Résilié', 'Cancelado'
ACTIVE_FLAGS |= flag_words.ACTIVE_FLAG_WORDS  # 'Aktiv', 'Actif', 'Attivo', 'Activo' false
FLAG_ENDED_PROBLEM = ENDED_PROBLEM.replace(
    "whose status says they ended", "flagged as ended (cancelled, churned, not active)"
)
FAILED_PROBLEM = (
    "subscriptions flagged failed, with no end date (whether the subscription itself failed and never paid, or one "
    "payment failed on a live subscription, cannot be told; an empty end counts it active through the current "
    "month)"
)
#: What to do about :data:`FAILED_PROBLEM`, after its rows and values.
FAILED_ADVICE = (
    "remove the rows of subscriptions that never started or give them their end, and rename the column "
    "payment_failed if it says a payment failed on a live subscription (then counted active)"
)


def flag_problem(name: Any, columns: Sequence[Any], end: str | None) -> tuple[str, str]:
    """The problem of rows of the ended flag column ``name`` (:func:`ended_flag_columns`) with no end date, and what
    to do: :data:`FAILED_PROBLEM` for a failed flag (:data:`FAILED_FLAGS`), else :data:`FLAG_ENDED_PROBLEM` with the
    advice naming the file's own end column (:func:`ended_advice`)."""
    from .names import keys_of

    if {k.rstrip("?") for k in keys_of(name)} & FAILED_FLAGS:
        return FAILED_PROBLEM, FAILED_ADVICE
    return FLAG_ENDED_PROBLEM, ended_advice(columns, end)


def ended_flag_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that flag a subscription as ended (:data:`ENDED_FLAGS`) or active
    (:data:`ACTIVE_FLAGS`).

    >>> ended_flag_columns(["customer_id", "Cancelled?", "is_active", "status"])
    ['Cancelled?', 'is_active']
    """
    from .names import keys_of

    return [str(n) for n in names if {k.rstrip("?") for k in keys_of(n)} & (ENDED_FLAGS | ACTIVE_FLAGS)]


def flagged_ended(name: str) -> tuple[frozenset[str], bool]:
    """The spelled values (:func:`spelled`) of flag column ``name`` that say a subscription ended, and whether any
    other value but false or blank does too (an ended flag's date: it ended): ``(values, others)``."""
    from .names import keys_of

    if {k.rstrip("?") for k in keys_of(name)} & ACTIVE_FLAGS:
        return yes_no.FALSE, False
    return FLAG_TRUE, True


def check_ended_without_end(df: pd.DataFrame, end: Any, end_column: str | None, source: str) -> None:
    """Refuse the rows of ``df`` whose status column says the subscription ended (:data:`ENDED`) and whose end date
    (``end``, the values read from ``end_column``; None: the file has no end column) is blank: an empty end is a
    subscription still active, which would count through the current month and never churn.

    >>> check_ended_without_end(pd.DataFrame({"status": ["active", "canceled"]}), np.array(["NaT", "2026-02-01"],
    ...                         dtype="datetime64[us]"), "end", "subs.csv")
    >>> check_ended_without_end(pd.DataFrame({"status": ["canceled"]}), None, None, "subs.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv, column 'status': subscriptions whose status says they ended, \
with no end date (an empty end is a subscription still active, which would never churn) in row 2 (counting the \
header as row 1): 'canceled': map the column of the day service stopped, --columns end=NAME (Stripe: 'Ended At \
(UTC)', Recurly: expires_at), or give those rows their end
    """
    blank = np.ones(len(df), dtype=bool) if end is None else np.isnat(np.asarray(end, dtype="datetime64[us]"))
    if not blank.any():
        return
    for name in ended_flag_columns(df.columns):  # cancelled: true, is_active: false (or a date where true is meant)
        column = df.iloc[:, [str(c) for c in df.columns].index(name)]
        values, others = flagged_ended(name)
        flag = spelled(column)
        ended = np.isin(flag, list(values)) | (others & ~np.isin(flag, list(FLAG_TRUE | FLAG_FALSE)))
        rows = np.flatnonzero(blank & ended)
        if rows.size:
            problem, advice = flag_problem(name, df.columns, end_column)
            raise bad_rows(source, name, problem, rows, column.to_numpy(), advice=advice)
    statuses = status_columns_of(df)
    for position, name in enumerate(map(str, df.columns)):
        if name not in statuses:
            continue
        column = df.iloc[:, position]
        rows = np.flatnonzero(blank & np.isin(spelled(column), list(ENDED)))
        if rows.size:
            advice = ended_advice(df.columns, end_column, df=df)
            raise bad_rows(source, name, ENDED_PROBLEM, rows, column.to_numpy(), advice=advice)


SNAPSHOT_ENDED_PROBLEM = (
    "snapshot rows with an MRR whose {what} says the subscription ended or is not active (a snapshot's row with an "
    "MRR counts as an active, paying customer that month; whether this one paid cannot be told): remove the rows "
    "of subscriptions that ended, or correct the {what}"
)


def check_ended_snapshots(df: pd.DataFrame, mrr: Any, source: str) -> None:
    """Refuse the rows of a snapshots file (customer, month, MRR) whose flag (:func:`ended_flag_columns`:
    ``is_active`` false, ``cancelled`` or ``churned`` true) or status (:data:`ENDED`) says the subscription ended
    while the row holds an MRR above 0 (``mrr``, the values read): counted, it is an active customer that month.

    >>> check_ended_snapshots(pd.DataFrame({"is_active": ["true", "false"]}), np.array([50.0, 0.0]), "s.csv")
    >>> check_ended_snapshots(pd.DataFrame({"is_active": ["true", "false"]}), np.array([50.0, 50.0]), "s.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'is_active': snapshot rows with an MRR whose flag says the \
subscription ended or is not active (a snapshot's row with an MRR counts as an active, paying customer that month; \
whether this one paid cannot be told): remove the rows of subscriptions that ended, or correct the flag in row 3 \
(counting the header as row 1): 'false'
    """
    paying = np.nan_to_num(np.asarray(mrr, dtype=np.float64), nan=0.0) > 0
    if not paying.any():
        return
    for name in ended_flag_columns(df.columns):
        column = df.iloc[:, [str(c) for c in df.columns].index(name)]
        values, others = flagged_ended(name)
        flag = spelled(column)
        ended = np.isin(flag, list(values)) | (others & ~np.isin(flag, list(FLAG_TRUE | FLAG_FALSE)))
        rows = np.flatnonzero(paying & ended)
        if rows.size:
            problem = SNAPSHOT_ENDED_PROBLEM.format(what="flag")
            raise bad_rows(source, name, problem, rows, column.to_numpy())
    statuses = status_columns_of(df)
    for position, name in enumerate(map(str, df.columns)):
        if name not in statuses:
            continue
        column = df.iloc[:, position]
        rows = np.flatnonzero(paying & np.isin(spelled(column), list(ENDED)))
        if rows.size:
            raise bad_rows(source, name, SNAPSHOT_ENDED_PROBLEM.format(what="status"), rows, column.to_numpy())


#: How a flag's values are spelled (:func:`spelled`) when true, and when false or blank.
FLAG_TRUE = yes_no.TRUE
FLAG_FALSE = yes_no.FALSE | yes_no.BLANK


#: The survey answers' statuses and flags, in :mod:`.answer_statuses` since the split: still read from here
#: (``from .statuses import check_answer_statuses``), loaded when first asked for (that module reads this one's).
_ANSWERS = frozenset({"ANSWER_FLAGS", "ANSWER_PROBLEM", "ANSWER_STATUS_NAMES", "FLAG_ADVICE", "FLAG_PROBLEM",
                      "NOT_ANSWERS", "answer_flag_columns", "check_answer_statuses"})  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _ANSWERS:
        from . import answer_statuses

        return getattr(answer_statuses, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
