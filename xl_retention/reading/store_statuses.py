"""The app stores' subscription states as their APIs write them, read with their meaning.

* **Google Play** (the Developer API's ``subscriptionState`` of ``purchases.subscriptionsv2``): ``SUBSCRIPTION_STATE_``
  and the state. ``ACTIVE`` and ``IN_GRACE_PERIOD`` pay; ``CANCELED`` is a subscription whose renewal was turned off,
  its service paid to its expiry (Stripe's ``non_renewing``): it pays; ``ON_HOLD`` (account hold: no access until a
  payment), ``PAUSED``, ``PENDING`` (a purchase not paid yet) and ``PENDING_PURCHASE_CANCELED`` (one never paid) do
  not pay; ``EXPIRED`` ended. Read as a plain word, ``CANCELED`` would be an end.
* **App Store** (StoreKit 2's ``RenewalState``: ``subscribed``, ``expired``, ``inBillingRetryPeriod``,
  ``inGracePeriod``, ``revoked``): ``subscribed`` and ``inGracePeriod`` pay; ``inBillingRetryPeriod``, as the stores'
  billing retry (``billing_retry``), does not: "the subscriber's days of paid service pause until Apple is able to
  collect payment" (App Store Connect Help, "Enable Billing Grace Period"), as Google Play's account hold;
  ``revoked`` (refunded by Apple, or left a Family Sharing group) ended, as ``expired`` did.

The states are spelled as :func:`~.statuses.spelled` writes them (lower case: ``inbillingretryperiod``) and added to
the statuses' sets (so the database backends, which compare the spelled status, read them alike).
"""

from __future__ import annotations

__all__ = ["ENDED", "NOT_PAYING", "PAYING"]

_PLAY = "subscription_state_"
PAYING = frozenset({_PLAY + "active", _PLAY + "in_grace_period", _PLAY + "canceled", "subscribed", "ingraceperiod"})
NOT_PAYING = frozenset({_PLAY + "on_hold", _PLAY + "paused", _PLAY + "pending", _PLAY + "pending_purchase_canceled",
                        "inbillingretryperiod"})  # fmt: skip
ENDED = frozenset({_PLAY + "expired", "revoked"})
