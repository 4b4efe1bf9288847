"""An order's status column and its statuses: which columns are an order's status, which statuses say paid or not.

A status column is ``status``, ``order_status``, ``financial_status``, ``payment_status`` or a status under the
order's or payment's words ("Sale Status", "Txn Status", "Payment State (Order)": :data:`ORDER_STATUS_NAMES`;
``state`` where its values are order statuses: :data:`STATE_NAMES`); its statuses are read by :func:`said_statuses`
and are :data:`PAID`, :data:`NOT_PAID` or :data:`PAID_OR_REFUNDED` (how :mod:`.orders` reads them is said there).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .status_words import order_statuses, spelled_by_distinct

__all__ = ["NOT_PAID", "ORDER_STATUS_NAMES", "PAID", "PAID_OR_REFUNDED", "STAGE_NAMES", "STATE_NAMES", "said_statuses"]

#: Words that say a status is the order's or its payment's ("Order Payment State", "Sale Status", "Txn Status").
#: An ERP's document (SAP Business One's A/R invoices: "Document Status" Open/Closed, DocStatus O/C) is the order too
#: (H569's finding 02: its Open invoices, not paid yet, were counted as purchases, the column read by no rule).
_ORDER_WORDS = ("order", "payment", "sale", "sales", "transaction", "txn", "charge", "invoice", "paid", "financial",
                "purchase", "document", "doc", "dokument", "beleg")  # fmt: skip
_SAID = ["", *(f"{a}_" for a in _ORDER_WORDS), *(f"{a}_{b}_" for a in _ORDER_WORDS for b in _ORDER_WORDS if a != b)]
_AFTER = ["", *(f"_({w})" for w in _ORDER_WORDS)]  # 'Payment State (Order)'
ORDER_STATUS_NAMES = frozenset(f"{q}status{a}" for q in _SAID for a in _AFTER if q or not a) | frozenset(
    {"docstatus", "documentstatus", "belegstatus", "dokumentstatus", "status_des_belegs"}
)
#: Names of an order's stage ("Order Stage", "Sales Stage"): its status, refused where its values are no order
#: statuses (Open: H569's finding 02, ignored); a bare ``Stage`` as ``state`` (a product's stage, Beta, is no status);
#: a CRM's won deals' stage is a sale (deal_stages).
STAGE_NAMES = frozenset(f"{q}stage{a}" for q in _SAID for a in _AFTER if q or not a)
#: Names of a column that is an order's status where its values are order statuses (and an address's state,
#: ``CA``, where none is): WooCommerce's and Magento's ``state``.
STATE_NAMES = frozenset(f"{q}state{a}" for q in _SAID for a in _AFTER if q or not a)
#: Order and payment statuses of orders that were not paid (lower case, spaces and hyphens as ``_``, no ``wc_``);
#: BigCommerce's "Awaiting Payment" and "Incomplete" (an abandoned checkout) among them.
NOT_PAID = frozenset({"voided", "void", "cancelled", "canceled", "failed", "declined", "pending", "pending_payment",
                      "refunded", "uncaptured", "expired", "abandoned", "trash", "checkout_draft",
                      "awaiting_payment", "incomplete", "draft",
                      # Chargebee's and Recurly's transactions, Braintree's: a payment that did not go through
                      "failure", "timeout", "error", "processor_declined", "gateway_rejected",
                      "settlement_declined", "authorization_expired",
                      # invoices and billing transactions not paid (yet): Paddle's and Recurly's past_due,
                      # Chargebee's payment_due and not_paid, Stripe's uncollectible invoices
                      "past_due", "payment_due", "not_paid", "unpaid", "uncollectible",
                      # a payment charged back (Mollie's "Charged back"), a dispute lost
                      "charged_back", "chargeback", "chargedback", "chargeback_lost", "dispute_lost",
                      "lost_dispute", "dispute_accepted", "chargeback_accepted",
                      # GoCardless: not collected yet, refused by the payer, failed or charged back after payout;
                      # Adyen's refused; Stripe's payment intents not paid yet (uncaptured: requires_capture)
                      "submitted", "pending_submission", "pending_customer_approval", "customer_approval_denied",
                      "late_failure_settled", "chargeback_settled", "refused", "requires_payment_method",
                      "requires_confirmation", "requires_action", "requires_capture",
                      # vendors' plain English: PrestaShop's awaiting payment, payment error and backorder not paid;
                      # invoicing systems' overdue (past due), viewed (FreshBooks', Wave's: issued, not paid yet),
                      # NetSuite's Pending Approval (a draft awaiting approval); "Payment pending"
                      "awaiting_bank_wire_payment", "awaiting_check_payment", "awaiting_cheque_payment",
                      "awaiting_cash_on_delivery_validation", "payment_error", "on_backorder_(not_paid)",
                      "overdue", "viewed", "pending_approval", "payment_pending"})  # fmt: skip
#: Statuses of orders that were paid (a partial refund is a paid order; the refund is an amount of its own).
PAID = frozenset({"paid", "completed", "complete", "succeeded", "success", "successful", "processing", "shipped",
                  "fulfilled", "delivered", "partially_refunded", "partial_refund", "partially_paid", "authorized",
                  "captured",
                  "settled", "approved", "active",
                  # BigCommerce: checkout completed and payment confirmed, then shipping
                  "awaiting_fulfillment", "awaiting_shipment", "awaiting_pickup", "partially_shipped",
                  # Amazon seller reports (order-status): paid, (partly) not shipped yet
                  "unshipped", "partiallyshipped", "shipping", "partially_fulfilled", "ready_for_pickup",
                  "in_transit", "out_for_delivery",
                  # GoCardless: collected (confirmed), then paid out to the merchant; Adyen's British spelling and
                  # its capture sent; Google Play's "Charged"
                  "confirmed", "paid_out", "authorised", "sentforsettle", "sent_for_settle", "charged",
                  # Braintree's transactions captured and on their way to settlement (as Adyen's SentForSettle)
                  "submitted_for_settlement", "settling", "settlement_pending", "settlement_confirmed",
                  # a dispute won, a chargeback reversed: the money stays (reading.disputes)
                  "dispute_won", "won_dispute", "chargeback_won", "chargeback_reversed",
                  "dispute_reversed",
                  # vendors' plain English: PrestaShop's, NetSuite's Paid In Full, FreshBooks' auto-paid (its auto-bill)
                  "payment_accepted", "remote_payment_accepted", "on_backorder_(paid)", "paid_in_full",
                  "auto_paid"})  # fmt: skip
#: Statuses only an invoice has (FreshBooks', Wave's, NetSuite's), beside which ``sent`` is an invoice sent, not paid
#: yet (beside an order's statuses, "Sent" may be an order shipped: it stays unknown there).
_INVOICE_ONLY = frozenset({"overdue", "viewed", "auto_paid", "paid_in_full", "uncollectible"})
#: An invoice's statuses (Stripe's: draft, open, paid, uncollectible, void) beside which ``open`` is one not paid.
_INVOICE_STATUSES = frozenset({"paid", "void"}) | _INVOICE_ONLY
#: Statuses that say paid in one shop system and refunded in another: Magento's ``closed`` is an order refunded in
#: full (a credit memo for all of it), Shopify's an archived paid order. Read with a refunded amount column (the
#: amount then says whether all of it was refunded), refused without one.
PAID_OR_REFUNDED = frozenset({"closed"})


def said_statuses(column: pd.Series) -> np.ndarray:
    """The order statuses of ``column`` as they are compared: spelled (:func:`~.statuses.spelled`), without
    WooCommerce's ``wc_``, a status in another language as its English word (:func:`~.status_words.order_statuses`:
    ``Annulé`` cancelled, ``Zahlung ausstehend`` pending_payment).

    >>> said_statuses(pd.Series(["wc-completed", "Storniert", "En attente de paiement", None])).tolist()
    ['completed', 'cancelled', 'pending_payment', '']

    ``open`` beside an invoice's statuses (:data:`_INVOICE_STATUSES`: Stripe's ``paid``, ``void``, ``uncollectible``)
    is an invoice finalized and not paid yet; beside an order's lifecycle (Shopify's ``closed``) it stays unknown.

    >>> said_statuses(pd.Series(["paid", "open", "draft"])).tolist(), said_statuses(pd.Series(["open", "closed"]))[0]
    (['paid', 'unpaid', 'draft'], 'open')

    ``sent`` beside a status only an invoice has (:data:`_INVOICE_ONLY`: FreshBooks' and Wave's ``overdue``,
    ``viewed``) is an invoice sent and not paid yet; beside ``paid`` alone it stays unknown (an order shipped?).

    >>> said_statuses(pd.Series(["Paid", "Overdue", "Sent"])).tolist(), said_statuses(pd.Series(["paid", "sent"]))[1]
    (['paid', 'overdue', 'unpaid'], 'sent')
    """
    codes, distinct = pd.factorize(spelled_by_distinct(column))  # each distinct status read once
    said = pd.Series(distinct, dtype=object).str.replace(r"^wc_", "", regex=True).to_numpy()
    if np.isin(said, list(_INVOICE_STATUSES)).any():  # Stripe's invoices: 'open' is finalized, not paid yet
        said = np.where(said == "open", "unpaid", said)
    if np.isin(said, list(_INVOICE_ONLY)).any():  # FreshBooks', Wave's invoices: 'sent' is issued, not paid yet
        said = np.where(said == "sent", "unpaid", said)
    return order_statuses(said, NOT_PAID | PAID | PAID_OR_REFUNDED)[codes]
