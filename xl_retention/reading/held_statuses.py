"""Subscriptions whose status says they are paused or on hold: they paid until then, so their rows are refused with
what to write instead of removing them, which would lose the months they paid (see :mod:`.statuses`).

Paused (Chargebee, Stripe, Recurly, Paddle): end the row the day it paused, and a row of its own from the day it
resumed. On hold (WooCommerce's ``wc-on-hold`` after a renewal failed): end it the day it stopped paying (the
renewal it missed, its next payment date); a row that never paid is the only one to remove (H188 finding 15).
Suspended (PayPal's ``SUSPENDED``, Maxio's ``suspended``: paused by the merchant or the subscriber, or after failed
payments): end it the day it was suspended (PayPal's ``status_update_time``), and a row of its own from the day it
was reactivated (H266 finding 13).
"""

from __future__ import annotations

from typing import Any

__all__ = ["HELD", "HELD_PROBLEM", "SUSPENDED", "SUSPENDED_PROBLEM", "held_advice", "suspended_advice"]

#: The status of a subscription paused (Chargebee, Stripe, Recurly, Paddle): it paid until then. (An 'on-hold' or
#: 'suspended' one: :data:`SUSPENDED`; on hold: :data:`HELD`.)
_PAUSED = frozenset({"paused", "wc_paused", "subscription_state_paused"})


def _paused_problem(columns: Any) -> str:
    """The refusal of paused subscriptions' rows: what to write instead of removing them (which loses the months
    they paid), naming the file's pause date column.

    >>> _paused_problem(["subscriptions.status", "subscriptions.pause_date", "subscriptions.resume_date"])[-65:]
    "columns: 'subscriptions.pause_date', 'subscriptions.resume_date')"
    """
    from .pauses import pause_columns

    found = [str(c) for c in pause_columns(columns)]
    where = f" (then remove the pause columns: {', '.join(repr(c) for c in found[:3])})" if found else ""
    return (
        "subscriptions paused, which paid until they paused and pay nothing while paused (removing them "
        "would lose the months they paid): give each such row its end the day it paused (its pause date) and a "
        f"status that says it ended (cancelled), and a row of its own from the day it resumed{where}"
    )


#: Statuses of a subscription on hold: a renewal not paid (WooCommerce's on-hold, Maxio's); the periods before it
#: were paid. (The stores' account hold and billing retry stay refused as not paying: PROBLEM.)
HELD = frozenset({"on_hold", "wc_on_hold"})
HELD_PROBLEM = (
    "subscriptions on hold, a renewal not paid (they pay nothing since, and paid the periods before it: removing "
    "them would lose those months)"
)


def held_advice(columns: Any) -> str:
    """What to write for subscriptions on hold instead of removing them, naming the file's next payment column.

    >>> held_advice(["subscription_status", "next_payment_date", "last_payment_date"])[:97]
    "give each such row its end the day it stopped paying (the renewal it missed: 'next_payment_date')"
    """
    from .columns import keys_of

    found = [str(c) for c in columns if any(k.startswith(("next_payment", "next_billing", "next_renewal",
                                                            "next_charge")) for k in keys_of(c))]  # fmt: skip
    missed = f"the renewal it missed: {found[0]!r}" if found else "the renewal it missed"
    return (
        f"give each such row its end the day it stopped paying ({missed}) and a status that says it ended "
        "(cancelled); remove a row only where it never paid"
    )


#: Statuses of a subscription suspended (PayPal's ``SUSPENDED``, Maxio's ``suspended``): paused by the merchant or
#: the subscriber, or after failed payments; the periods before it were paid.
SUSPENDED = frozenset({"suspended", "wc_suspended"})
SUSPENDED_PROBLEM = (
    "subscriptions suspended (paused by the merchant or the subscriber, or after failed payments: they pay nothing "
    "since, and paid the periods before it: removing them would lose those months)"
)


def suspended_advice(columns: Any) -> str:
    """What to write for suspended subscriptions instead of removing them, naming the file's column of the day the
    status changed (PayPal's ``status_update_time``).

    >>> suspended_advice(["id", "status", "status_update_time", "start_time"])[:90]
    "give each such row its end the day it was suspended ('status_update_time', where it is the"
    """
    from .columns import keys_of

    found = [str(c) for c in columns if any(k.startswith(("status_update", "status_change", "state_change",
                                                            "suspended_at", "suspended_on", "suspension"))
                                            for k in keys_of(c))]  # fmt: skip
    when = f" ({found[0]!r}, where it is the day of the suspension)" if found else ""
    return (
        f"give each such row its end the day it was suspended{when} and a status that says it ended (cancelled), "
        "and a row of its own from the day it was reactivated; remove a row only where it never paid"
    )
