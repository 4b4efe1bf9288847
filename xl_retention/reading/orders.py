"""Orders exports as shops write them: one row per line item, and orders that were cancelled or voided.

* **Line items.** Shopify (and WooCommerce, Magento, ...) export one row per line item: an order of two
  products is two rows with the same order id ("Name" ``#1001``), customer and time, the order's total on
  the first row only. With an order id column (``order_id``, or ``order_number``, ``order_no``, ``order``,
  ``order_name``, ``order_ref``; Shopify's "Name" where the file has "Lineitem ..." columns, or any column
  mapped with ``--columns order_id=NAME``), the rows of one order are one order: its first row's date and
  customer (rows of one order with another customer or date are refused; a later row without them is the
  order's: :func:`customers_of_orders`), its amount the sum of its rows' amounts (blanks are the rows without
  one; an order without any amount is refused). A refund row of an order (a negative amount with its id, dated
  with it or later) is taken off it, also when its status says ``refunded`` (the refund's status: WooCommerce
  Analytics' partial refund), while one whose status says it failed or is pending takes nothing off; an order
  refunded in full is no purchase. A file with line-item
  columns and no order id column is refused: every line item would count as an order. Other shops' order ids
  (:data:`ORDER_ALIASES`: Amazon's ``amazon-order-id``, "Order #") are found too, and in a file with item columns
  (:data:`ITEM_NAMES`: ``sku``, "Item", "Product Name") and none of those, the sale's id (:data:`ITEM_ORDER_ALIASES`:
  Square's "Transaction ID"). Such a file without any order id is refused where a customer has two rows at one
  date (:func:`check_items_without_order`).
* **Orders that were not paid** are not purchases (as refunds are not): rows whose cancellation date
  (``cancelled_at``, ``canceled_at``, Shopify's "Cancelled at") is filled, whose ``captured`` column is false
  (Stripe's uncaptured charges), or whose status (``status``, ``order_status``, ``financial_status``,
  ``payment_status``, a status under the order's or payment's words: "Sale Status", "Txn Status"; any case,
  WooCommerce's ``wc-`` prefix dropped) is one of :data:`NOT_PAID` (voided, cancelled, failed, pending payment, fully
  refunded; Chargebee's transactions' ``failure`` and ``timeout``, Braintree's ``processor_declined``, ...) are left
  out, their whole order with them. A status that is neither one of those nor one of :data:`PAID` (on hold, draft,
  disputed, ...) is refused, naming the rows: whether it was paid cannot be told. A blank status (an order's other
  line items) passes. A ``state`` column (:data:`STATE_NAMES`, "Order Payment State") is such a status where any of
  its values is an order status (else it is an address's state, ``CA``, and not read). A flag column
  (:data:`CANCEL_FLAGS`: ``cancelled``, ``is_cancelled``, ``voided``, ``chargeback``, ...) that is true leaves the
  order out; a value that says neither true nor false is refused. A dispute lost (Stripe's "Dispute Status" ``lost``:
  a chargeback) leaves the charge out; one not decided yet is refused (:mod:`.disputes`).
* **Refunds marked by a column.** A type column (``type``, ``transaction_type``, ``order_type``, ``kind``) whose
  value says a refund (``refund``, ``return``, ``chargeback``, ``reversal``, ``credit_note``) makes the row a
  refund, left out as a negative amount is; a value that says a sale (``sale``, ``order``, ``purchase``,
  ``payment``, ``charge``, ``subscription``, ``renewal``, ``invoice``) passes, any other is refused. A refunded
  flag ("Fully Refunded?", or "Refunded?" / ``is_refunded`` when there is no "fully" one) that is true leaves
  the sale out; so does a dispute lost ("Disputed?" true and "Dispute Won?" not true: Gumroad), and a disputed
  flag without an outcome column is refused.
* **Refunded amounts.** A refunded amount column beside the amount (``amount_refunded``, ``refunded_amount``,
  ``refund_amount``, or a name whose words say a refund and an amount: Stripe's "Amount Refunded", Magento's,
  WooCommerce's and BigCommerce's "Total Refunded", Gumroad's "Partial Refund ($)") is taken off it (blank =
  nothing refunded); an order refunded in full is no purchase, as a ``refunded`` status says. Of several, the one
  named as the amount's refund is taken (Stripe: "Converted Amount Refunded" for "Converted Amount"), else they are
  refused; a refund above its amount
  (of another amount, in another currency) is refused, naming the rows. Magento's status ``closed`` (an order
  refunded in full; Shopify's archived paid order) is read with the refunded amount, and refused without one.

Row numbers in refusals stay those of the file: the rows kept are named by their own positions.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import document_types as types
from . import order_columns as by_values
from . import row_types
from .adjusted_amounts import adjusted_refunds
from .amounts_due import unpaid_by_amounts, xero_statuses
from .charge_ledgers import refuse_charge_ledgers
from .credit_notes import applied_credit_notes, refunds_made
from .deal_stages import WON, deal_type_sales, deal_types_advice
from .disputes import (
    REVERSALS,
    REVERSED_TYPES,
    dispute_columns,
    flag_named_amounts,
    lost_disputes,
    refuse_open_disputes,
    undone_chargebacks,
)
from .document_states import (
    invoice_kind_sales,
    issued_advice,
    payment_statuses,
    refuse_part_paid,
    refuse_prepaid_credits,
    states_beside_payment,
)
from .errors import bad_rows
from .event_dates import event_date_kind, undone_rows
from .failed_attempts import failed_attempts
from .fee_nets import fee_net_refund_share
from .gift_cards import refunds_beside_gift_cards
from .gift_types import methods_beside_others, paid_types
from .line_items import (  # re-exported: reading.orders.item_columns, ... (their module before the split)
    ITEM_NAMES,
    ITEM_ORDER_ALIASES,
    ORDER_ALIASES,
    check_items_without_order,
    check_order_id,
    item_columns,
    line_item_columns,
    order_aliases,
)
from .line_statuses import line_status_columns, unpaid_lines, unpaid_orders
from .order_copies import check_order_copies
from .order_discounts import after_discounts
from .order_flags import flag_kind, flag_rows, refunded_flag_rows
from .order_parents import customers_of_orders, orders_of_parents, unmapped_refunds
from .order_rows import _take, note_refunds_without_sale, one_row_per_order, written_values
from .order_statuses import (  # re-exported: reading.orders.NOT_PAID, ... (their module before the split)
    NOT_PAID,
    ORDER_STATUS_NAMES,
    PAID,
    PAID_OR_REFUNDED,
    STAGE_NAMES,
    STATE_NAMES,
    said_statuses,
)
from .orders_apart import check_orders_apart
from .paid_dates import unpaid_by_paid_date
from .play_orders import play_purchasers
from .refunded_amounts import (
    gross_refund_share,
    read_refunds,
    refunded_column,
    refunded_columns,
    refunded_payments,
    take_refunds,
)
from .refunds_inside import refunds_inside, refunds_of_total, unproven_refunds
from .row_sources import rows_taken, source_of
from .sale_refunds import (
    REFUND_STATUSES,
    refunds_in_order_share,
    refuse_unweighed_refunds,
    signed_refunds,
    told_refunds,
    typed_refunds,
)
from .store_refunds import placed_store_refunds
from .swallowed_rows import refuse_swallowed_rows
from .unlinked_refunds import refuse_unlinked_refunds
from .written_off import check_written_off
from .yes_no import BLANK, FALSE, TRUE

__all__ = ["CANCEL_FLAGS", "ITEM_NAMES", "ITEM_ORDER_ALIASES", "NOT_PAID", "ORDER_ALIASES", "ORDER_STATUS_NAMES",
           "PAID", "STATE_NAMES",
           "orders_as_paid", "cancelled_rows", "check_items_without_order", "check_order_id", "customers_of_orders",
           "orders_of_parents", "item_columns", "line_item_columns", "one_row_per_order", "order_aliases",
           "refunded_column", "refunded_columns", "take_refunds"]  # fmt: skip


_CANCELLED_DATES = frozenset({"cancelled_at", "canceled_at", "cancelled_date", "canceled_date", "voided_at"})
#: Flag columns whose true value says the order was cancelled, voided or charged back: no purchase.
CANCEL_FLAGS = frozenset({"cancelled", "canceled", "is_cancelled", "is_canceled", "was_cancelled", "was_canceled",
                          "order_cancelled", "order_canceled", "voided", "void", "is_voided", "is_void",
                          "chargeback", "chargedback", "charged_back", "is_chargeback", "has_chargeback",
                          "is_charged_back"})  # fmt: skip
_TYPES = frozenset({"type", "transaction_type", "order_type", "kind", "transaction_kind", "record_type", "line_type",
                    "row_type", "entry_type"})  # fmt: skip
_TYPES |= types.TYPE_NAMES  # Document Type, Belegart, Type de pièce, Tipo (reading.document_types)
_REFUND_TYPES = frozenset({"refund", "refunded", "return", "returned", "chargeback", "reversal", "credit_note",
                           "shop_order_refund", "credit_memo", "creditnote", "accreccredit"})  # fmt: skip
_REFUND_TYPES |= {"charge_refund", "payment_refund"}  # Google Play's earnings report, Stripe's balance history
_REFUND_TYPES |= types.CREDIT_NOTES | types.REFUNDS  # CN, DG, Avoir, Nota de crédito, Retoure
#: Row types of a sale; an exchange's amount says whether it is its order's refund (negative) or sale.
_SALE_TYPES = frozenset({"sale", "order", "purchase", "payment", "charge", "subscription", "renewal", "invoice",
                         "checkout", "recurring", "new", "exchange", "exchanged", "shop_order", "sales_receipt",
                         "sales_invoice", "tax_invoice", "accrec"})  # fmt: skip
_SALE_TYPES |= types.SALES  # INV, Rechnung, Facture, Factura; Etsy's online, inperson
_SALE_TYPES |= {"settled", "settledbulk"}  # Adyen's settlement details report: a payment settled
_SALE_TYPES |= {"capture", "captured"}  # a payment's actions (Checkout.com's Action Type): the money taken
_REFUND_TYPES |= {"refundedbulk", "secondchargeback"}  # ... its refunds and chargebacks
_REFUND_TYPES |= {"dispute"}  # Stripe's reporting_category: funds withdrawn for a dispute, its charge taken back


def cancelled_rows(
    df: pd.DataFrame, source: str = "input", refunds: bool = False, partly: np.ndarray | None = None
) -> np.ndarray:
    """Whether each row of ``df`` is an order that was not paid (see the module docstring), as a bool array;
    :class:`DataError` for a status that says neither, and for one of :data:`PAID_OR_REFUNDED` unless the file has a
    refunded amount column (``refunds``: the amount taken off then tells a full refund). ``partly``: the rows whose
    refunded amount is a part of their amount, whose ``refunded`` flag says a refund in part (Lemon Squeezy's
    ``refunded`` true beside ``refunded_amount`` 1296 of 2592): the part is taken off, the order stays."""
    from .columns import keys_of
    from .statuses import spelled

    out = np.zeros(len(df), dtype=bool)
    flags = {k.rstrip("?"): p for p, c in enumerate(df.columns) for k in keys_of(c)}
    flag = flags.get("fully_refunded", flags.get("refunded", flags.get("is_refunded")))
    if flag is not None:  # a sale refunded in full: no purchase (a column of amounts refunded is no flag)
        flagged = refunded_flag_rows(df.iloc[:, flag], str(df.columns[flag]), source)
        if partly is None and "fully" not in str(df.columns[flag]).lower():  # no refunded amount read (H515/01)
            flagged = _flagged_in_full(df, flagged, str(df.columns[flag]), source)
        out |= flagged if partly is None or "fully" in str(df.columns[flag]).lower() else flagged & ~partly
    disputed = flags.get("disputed", flags.get("is_disputed"))
    amounts = flag_named_amounts(df)  # 'Disputed' of 0.00 and 30.00: a disputed amount, read by lost_disputes
    # a dispute lost takes the money back, as a chargeback: no purchase
    if disputed is not None and str(df.columns[disputed]) not in amounts:
        open_ = np.isin(spelled(df.iloc[:, disputed]), list(TRUE))
        won = flags.get("dispute_won")
        if won is None and open_.any():
            name = str(df.columns[disputed])
            problem = (
                "disputed payments, and no column says whether the dispute was won (a dispute lost is a chargeback, "
                "no purchase): add the outcome column (Gumroad's 'Dispute Won?'), or remove the rows of disputes lost"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(open_), df.iloc[:, disputed].to_numpy())
        if won is not None:
            out |= open_ & ~np.isin(spelled(df.iloc[:, won]), list(TRUE))
    out |= lost_disputes(df, source)  # Stripe's Dispute Status 'lost': a chargeback (reading.disputes)
    if any(event_date_kind(c) for c in df.columns):  # 'Refunded At', 'Failed At', deleted_at (reading.event_dates)
        told = any(keys_of(str(c)) & (ORDER_STATUS_NAMES | STATE_NAMES) or by_values.status_by_values(df, p)
                   for p, c in enumerate(df.columns))  # fmt: skip
        outcome = disputed is not None or bool(dispute_columns(df.columns))
        out |= undone_rows(df, source, refunds, told, outcome)
    lines = set(line_status_columns(df.columns))  # a line's own status: read per line (line_statuses)
    lines |= {p for p, c in enumerate(df.columns) if str(c) in dispute_columns(df.columns) or str(c) in amounts}
    for position, name in enumerate(map(str, df.columns)):
        keys = keys_of(name)
        column = df.iloc[:, position]
        if position in lines:
            continue
        if keys & _TYPES or row_types.type_by_values(df, position):  # Stripe's reporting_category (row_types)
            kind = spelled(column)
            refuse_open_disputes(kind, column, name, source)  # Paddle's chargeback_warning (reading.disputes)
            refuse_prepaid_credits(kind, column, name, source)  # Lago's credit: prepaid credits (document_states)
            unknown = ~np.isin(kind, list(_REFUND_TYPES | _SALE_TYPES | REVERSED_TYPES)) & (kind != "")
            unknown &= ~invoice_kind_sales(df, name, kind)  # Lago's one_off, Metronome's USAGE (document_states)
            if unknown.any():  # 'Cash', 'CK', 'Pay-Cash': a way of paying, money received (gift_types)
                unknown[unknown] = ~paid_types(kind[unknown])
            unknown &= ~deal_type_sales(df, kind)  # Salesforce's won deals' Type: New Business (deal_stages)
            if unknown.any():
                problem = "row types that say neither a sale nor a refund (whether these were purchases cannot be told)"
                advice = methods_beside_others(kind, unknown, column.to_numpy())  # a ledger's Check: paid out?
                advice = advice or row_types.kept_types_advice(kind, _SALE_TYPES, _REFUND_TYPES, unknown, column)
                advice = advice or deal_types_advice(kind, unknown)  # 'New Business' with no won stage
                raise bad_rows(source, name, problem, np.flatnonzero(unknown), column.to_numpy(), advice=advice)
            out |= np.isin(kind, list(_REFUND_TYPES))
        elif keys & _CANCELLED_DATES:
            text = column.astype(object).where(column.notna(), "").astype(str).str.strip()
            out |= (text != "").to_numpy()
        elif "captured" in keys:
            out |= np.isin(spelled(column), list(FALSE))
        elif {k.rstrip("?") for k in keys} & CANCEL_FLAGS:
            out |= _flagged(column, name, source)
        elif (kind := flag_kind(name)) is not None and (flagged := flag_rows(column, name, kind, source)) is not None:
            out |= flagged  # failed, is_deleted, Paid? false, is_duplicate (refused) ... (reading.order_flags)
        elif keys & (ORDER_STATUS_NAMES | STATE_NAMES | STAGE_NAMES) or by_values.status_by_values(df, position):
            status = payment_statuses(name, xero_statuses(df, said_statuses(column)))  # Odoo's In Payment: paid
            status = states_beside_payment(df, position, status, NOT_PAID | PAID)  # Lago's finalized: says nothing
            if keys & STAGE_NAMES and np.isin(status, [*WON, ""]).all():
                continue  # a CRM's won deals: sales (reading.deal_stages refuses the others)
            known = np.isin(status, list(NOT_PAID | PAID | PAID_OR_REFUNDED)).any()
            if not keys & (ORDER_STATUS_NAMES | STAGE_NAMES - {"stage"}) and not known:  # 'Stage': Beta, Launch
                continue  # a 'state' column of no order status: an address's state ('CA'), not read
            refuse_open_disputes(status, column, name, source)  # 'disputed': lost or won? (reading.disputes)
            unknown = ~np.isin(status, list(NOT_PAID | PAID | PAID_OR_REFUNDED | REVERSALS)) & (status != "")
            if unknown.any() and (unknown := unknown & ~applied_credit_notes(df)).any():  # Chargebee's 'adjusted'
                rows = np.flatnonzero(unknown)
                problem = (
                    "order statuses that say neither paid nor unpaid (whether these were purchases cannot be told: "
                    "give them the status completed where they were paid, cancelled where they were not)"
                )
                raise bad_rows(source, name, problem, rows, column.to_numpy(), advice=issued_advice(status, unknown))
            either = np.isin(status, list(PAID_OR_REFUNDED))
            if either.any() and not refunds:
                problem = (
                    "order statuses that say refunded in full in Magento and paid (archived) in Shopify: "
                    f"{_refund_asked(df.columns)}, or give them the status refunded or completed"
                )
                raise bad_rows(source, name, problem, np.flatnonzero(either), column.to_numpy())
            out |= np.isin(status, list(NOT_PAID))
    return out


def _refund_asked(columns: Any) -> str:
    """What a 'Closed' status needs: the export's refunded amount column, or, where the file has one ("Total
    Refunded"), the amount it is a refund of, mapped (its money columns named).

    >>> _refund_asked(["Status", "Grand Total (Base)", "Grand Total (Purchased)", "Total Refunded"])
    "map the order's amount whose refunds 'Total Refunded' holds ('Grand Total (Base)', 'Grand Total (Purchased)') \
with --columns amount=NAME"
    """
    from .amount_hints import money_columns
    from .refunded_amounts import refunded_columns

    refunded = refunded_columns(columns)
    if not refunded:
        return "add the refunded amount column of the export (Magento's 'Total Refunded')"
    money = [c for c in money_columns(columns) if c not in refunded]
    shown = f" ({', '.join(repr(c) for c in money[:5])}{', ...' if len(money) > 5 else ''})" if money else ""
    return f"map the order's amount whose refunds {refunded[0]!r} holds{shown} with --columns amount=NAME"


def _flagged(column: pd.Series, name: str, source: str) -> np.ndarray:
    """Whether each value of a cancelled/voided/chargeback flag ``column`` is true; :class:`DataError` naming the rows
    of values that say neither true nor false (whether those orders were paid cannot be told)."""
    from .statuses import spelled

    flag = spelled(column)
    unknown = ~np.isin(flag, list(TRUE | FALSE | BLANK))
    if unknown.any():
        problem = "values that say neither true nor false (whether these orders were cancelled cannot be told)"
        advice = "write true where they were, false where they were paid"
        raise bad_rows(source, name, problem, np.flatnonzero(unknown), column.to_numpy(), advice=advice)
    return np.isin(flag, list(TRUE))


def orders_as_paid(
    df: pd.DataFrame,
    typed: dict[str, Any],
    names: dict[str, str],
    source: str,
    read_numbers: Any,
    net_share: np.ndarray | None = None,
    decimal: str | None = None,
    gift_cards: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[dict[str, Any], np.ndarray]:
    """The orders of ``df`` as they were paid: refunded amounts taken off, one row per order, orders that were not
    paid left out (see the module docstring); and the file positions of the rows kept.
    ``read_numbers(series, column)`` reads a number column (blanks allowed; ``decimal``: its decimal mark, None
    where told by the values); ``net_share``: each amount's share left once its tax was taken off
    (:func:`~.taxes.net_shares`), None where none was: a refunded amount, written as the amount is (Shopify's
    'Refunded Amount' of its 'Total'), is taken off in that share; ``gift_cards``: each row's gift cards sold taken
    off its amount and the gross amount left (:func:`~.gift_cards.refunds_beside_gift_cards`)."""
    refuse_swallowed_rows(df, names, source)  # a note's quote never closed: the orders after it in the note
    if "customer_id" in typed:  # Google Play's renewal 'GPA.x..0': its first order's purchaser (play_orders)
        typed["customer_id"] = play_purchasers(typed["customer_id"], source, names["customer_id"])
    told = None  # a chargeback's own row (Paddle's adj_01, status chargeback) naming its sale (reading.sale_refunds)
    if "order_id" in typed and "amount" in typed:
        told = told_refunds(df, typed["order_id"], typed["amount"], names["order_id"], names.get("customer_id"))
    refunded = refunded_column(df, source, names["amount"]) if "amount" in typed else None
    if refunded is not None:  # refunds in each order's own currency beside a converted 'Total (USD)' (H513's 03)
        from .fx_drift import refuse_in_other_currency

        back = np.nan_to_num(read_refunds(df, refunded, read_numbers, source)[0], nan=0.0)
        refuse_in_other_currency(df, names["amount"], refunded, np.flatnonzero(back != 0), source, "revenue",
                                     part="refunds")  # fmt: skip
    paid_back = np.zeros(len(df), dtype=bool)  # a payment of an order refunded in full by its own column (ch_1)
    if refunded is not None and "order_id" in typed:
        taken = read_refunds(df, refunded, read_numbers, source)[0]  # Square's -$10.00: 10.00 taken off
        taken = taken if net_share is None else taken * net_share  # its net part, as taken off below
        paid_back = refunded_payments(df, typed["order_id"], typed["amount"], taken, names["order_id"])
    said_back = paid_back & says_refunded(df) if paid_back.any() else paid_back  # its status Refunded: its refund's
    copies = said_back if told is None else told | said_back  # no copy of its order changed (order_copies)
    negative = None if "amount" in typed else unmapped_refunds(df)  # WooCommerce's refund row, 'total' -20.00,
    copies = copies if negative is None else copies | negative  # no amount mapped: no purchase (order_parents)
    check_order_copies(df, typed, source, copies)  # an order's status changed between two exports appended
    types.check_sides(df, source)  # DATEV's Soll/Haben-Kennzeichen H: a credit note, or the sale? (document_types)
    by_values.check_invoices_and_payments(df, source)  # an invoice and the payment settling it: one sale
    refuse_charge_ledgers(df, typed, names, source)  # Maxio's Charge and the Payment settling it (charge_ledgers)
    returned = by_values.refund_amount_columns(df, set(names.values()))[1]  # 'Returns': money or items?
    by_values.refuse_returned_columns(returned, source)
    adjusted = adjusted_refunds(df, typed, names, source, read_numbers)  # Etsy's Adjusted Order Total
    check_written_off(df, names, source)  # Chargebee's Write Off Amount, Credits Applied (reading.written_off)
    if "amount" in typed:  # 'UnitAmount' beside 'Quantity': the line's amount is their product
        typed["amount"] = by_values.priced_by_quantity(df, typed["amount"], names, source, read_numbers)
        typed["amount"] = after_discounts(df, typed["amount"], names, source, decimal)  # Square's Discounts
    types.check_refund_flags(df, source, typed.get("amount"))  # Storno = X; App Store's Refund Yes and -9.99 or
    # 6.30 x Units -1 passes (the amount by its quantity, above)
    store_full = np.zeros(len(df), dtype=bool)  # App Store's refund row off the purchase of its 'Purchase Date'
    if "order_id" not in typed and "amount" in typed:
        typed["amount"], store_full = placed_store_refunds(df, typed, names, source)
    if "order_id" in typed and "amount" in typed:  # an order's refund row of type refund, its amount positive
        typed["amount"] = signed_refunds(df, typed["amount"])
        typed["amount"] = refunds_in_order_share(typed["order_id"], typed["amount"], net_share)  # written gross
        if told is not None and told.any():  # its amount, 40.00, is the chargeback of 40.00: taken off its sale
            amounts = np.asarray(typed["amount"], dtype=np.float64)
            typed["amount"] = np.where(told & (amounts > 0), -amounts, amounts)
    by_values.check_credit_notes(df, typed, names, source)  # a credit note of no invoice in the file: refused
    full = np.zeros(len(df), dtype=bool)
    if refunded is not None:  # refunded in full: no purchase, as a 'refunded' status says
        taken, shown = read_refunds(df, refunded, read_numbers, source)
        # a refund of the order's Total beside a smaller amount mapped (Shopify's Subtotal, BigCommerce's 'Order
        # Total (ex tax)' less its shipping): its share; else a gross refund of a gross amount whose tax or
        # shipping was taken off: its net part
        inside = refunds_inside(df, typed["amount"], taken, names, refunded, source, decimal, net_share)
        if inside is not None:  # Square's 'Total Collected' is after its 'Partial Refunds': taken off once
            typed["amount"] = inside[0]
        gross = None if inside is not None else (
            gross_refund_share(df, typed["amount"], taken, names, refunded, source, read_numbers))  # fmt: skip
        fee_share = None  # Gumroad's 'Net Total ($)' ('Sale Price ($)' less its fee): the refund's share of the sale
        if inside is None and gross is None:
            fee_share = fee_net_refund_share(df, taken, names, refunded, source, decimal)
        total_share = None
        if fee_share is not None:
            net_share = fee_share if net_share is None else net_share * fee_share
        elif inside is None and gross is None and net_share is None:  # 'Net Sales' beside a refund of 'Total
            # Collected' (tax and tips included): its share
            net_share = total_share = refunds_of_total(df, typed["amount"], taken, names, refunded, source, decimal)
        if inside is None and gross is None and fee_share is None and total_share is None:  # no column tells: a
            # 'Net Sales' is refused, 'Net Sales after refunds' holds them already, an 'Amount' does not
            inside = unproven_refunds(df, typed["amount"], taken, names, refunded, source, decimal, net_share)
            typed["amount"] = typed["amount"] if inside is None else inside[0]
        share, taken = (net_share if inside is None else inside[1], taken) if gross is None else gross  # an order's
        # refund on its first row: each row's
        if gift_cards is not None:  # of what is left once its gift cards sold are taken off (reading.gift_cards)
            taken = refunds_beside_gift_cards(taken, gift_cards, gross is not None, source, refunded, shown)
        taken = taken if share is None else np.asarray(taken, dtype=np.float64) * share
        typed["amount"], full = take_refunds(typed["amount"], taken, source, refunded, names["amount"], shown)
        full &= ~paid_back  # its order paid by its other payment: the refunded one counts 0, the order stays
    full |= adjusted  # Etsy's Adjusted Order Total 0.00: refunded in full (reading.adjusted_amounts)
    full |= store_full  # refunded in full by its App Store refund row (reading.store_refunds)
    check_items_without_order(df, typed, names, source)
    if refunded is None and "amount" in typed:
        _refuse_untold_partial_refunds(df, typed, names, source)
    partly = None if refunded is None else (np.nan_to_num(np.asarray(taken, dtype=np.float64)) > 0) & ~full
    cancelled = cancelled_rows(df, source, refunds=refunded is not None, partly=partly)
    cancelled &= ~said_back  # ch_1 Refunded by its own 'Amount Refunded': its order paid by ch_2
    if (never_paid := unpaid_by_paid_date(df, typed, names, source)) is not None:  # eBay's blank 'Paid On Date'
        cancelled = cancelled | never_paid
    if (by_amounts := unpaid_by_amounts(df, typed, names, source, read_numbers, cancelled)) is not None:
        cancelled = (cancelled | by_amounts[0]) & ~by_amounts[1]  # Amount Paid 0.00 beside Amount Due 100.00 left
        # out; Xero's AUTHORISED part paid beside AmountPaid mapped counted (reading.amounts_due)
    refuse_part_paid(df, names, source, ~cancelled, by_amounts is not None)  # Odoo's Partially Paid (document_states)
    unpaid = unpaid_lines(df, source, names.get("amount"))  # Amazon's item-status Cancelled (line_statuses)
    if unpaid.any():  # the line's amount left out; the order where none of its lines was paid
        whole = unpaid_orders(typed.get("order_id"), unpaid)
        cancelled = cancelled | whole
        if "amount" in typed:
            typed["amount"] = np.where(unpaid & ~whole, 0.0, np.asarray(typed["amount"], dtype=np.float64))
    by_values.check_unmapped_order_id(df, typed, names, source, ~(cancelled | full))  # Xero's InvoiceNumber on lines
    written = {ours: f for ours in ("amount", "date", "customer_id") if (f := written_values(df, names.get(ours)))}
    if "order_id" not in typed:
        _refuse_exchanges_without_order(df, source)
    refuse_unlinked_refunds(df, typed, names, source)  # Recurly's refund row of invoice 1004 (unlinked_refunds), or
    # of its own credit invoice 2001 naming its sale's uuid (H515's finding 04)
    # a chargeback reversed: neither a purchase; one without its chargeback refused (reading.disputes)
    dropped = undone_chargebacks(df, typed, source, names.get("order_id"))
    if "order_id" in typed:  # a declined charge before its invoice's paid retry: no payment (failed_attempts)
        dropped |= failed_attempts(df, typed["order_id"])
    if "order_id" in typed and "amount" in typed:
        _refuse_refunded_in_part_by_rows(df, typed, names, source, cancelled & ~dropped)
        lines = np.asarray(typed["amount"], dtype=np.float64) < 0  # an order's refund lines (reading.orders)
        if (lines & cancelled).any():
            said = refunds_made(df) & lines  # its status 'refunded' (not voided, failed): the refund was made
            cancelled = cancelled & ~said
            dropped |= lines & cancelled  # a refund line that failed, was voided or is pending: no refund, no cancel
        check_orders_apart(df, typed, names, source, dropped)  # 100 and 20 on one order id, no item column
    elif "order_id" in typed:  # a refund row without an amount: of all its order, or part? (reading.sale_refunds)
        cancelled = cancelled | negative
        refuse_unweighed_refunds(df, typed["order_id"], names["order_id"], cancelled, ~dropped, source, negative)
        ids = np.asarray(typed["order_id"], dtype=object)
        dates = written["date"]() if "date" in written else np.asarray(typed["date"])
        refunds = negative | typed_refunds(df)  # of an order whose sale is not in the file: left out, with a note
        note_refunds_without_sale(refunds, pd.factorize(ids)[0], source, ids, dates, None, ~dropped)
    elif negative is not None:  # a refund row, 'total' -20.00, in a file of no order id: no purchase either
        cancelled = cancelled | negative
    if dropped.any():  # the rows left named as the file's rows (row_sources.rows_taken)
        rows = np.flatnonzero(~dropped)
        taken = rows_taken(source_of(df, source), rows)
        one, kept = one_row_per_order({k: _take(v, rows) for k, v in typed.items()}, names, (cancelled | full)[rows],
                                      taken, {k: lambda f=f: f()[rows] for k, f in written.items()})  # fmt: skip
        return one, rows[kept]
    return one_row_per_order(typed, names, cancelled | full, source, written)


def _refuse_refunded_in_part_by_rows(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str, cancelled: np.ndarray
) -> None:
    """An order whose own row's status says refunded (in full: no purchase) while its refund rows (negative amounts
    with its id) take off only part of it is refused naming the order's rows: the file says two things (80 refunded
    by the status, 20 by the rows) and which is right cannot be told; left out whole it was, silently."""
    amounts = np.asarray(typed["amount"], dtype=np.float64)
    lines = amounts < 0
    if not lines.any():
        return
    told = says_refunded(df) & ~lines & cancelled  # an order's row (not a refund line) that says refunded
    if not told.any():
        return
    codes, _ = pd.factorize(np.asarray(typed["order_id"], dtype=object))
    size = int(codes.max(initial=-1)) + 1
    kept = np.bincount(codes, weights=np.where(np.isnan(amounts), 0.0, amounts), minlength=size)
    with_lines = np.bincount(codes, weights=lines.astype(np.float64), minlength=size) > 0
    both = told & with_lines[codes] & (kept[codes] > 0.005)
    if not both.any():
        return
    first = int(np.flatnonzero(both)[0])
    rows = np.flatnonzero(codes == codes[first])
    named = [str(c) for p, c in enumerate(df.columns) if says_refunded(df.iloc[:, [p]])[first]]
    column = named[0] if named else names["amount"]
    order = f"{names['order_id']} {typed['order_id'][first]!r}"
    problem = (
        f"an order ({order}) whose status says refunded in full, with refund rows that take off only part of it "
        f"({kept[codes[first]]:g} kept): which is right cannot be told; correct the status or the refund rows"
    )
    raise bad_rows(source, column, problem, rows, df.iloc[:, [str(c) for c in df.columns].index(column)].to_numpy())


def _refuse_exchanges_without_order(df: pd.DataFrame, source: str) -> None:
    """Rows whose type says an exchange, in a file without an order id, are refused naming them: the replacement of
    an item returned is no new purchase, yet alone it would count as one (a repeat purchase)."""
    from .columns import keys_of
    from .statuses import spelled

    for position, name in enumerate(map(str, df.columns)):
        if keys_of(name) & _TYPES or row_types.type_by_values(df, position):
            column = df.iloc[:, position]
            rows = np.flatnonzero(np.isin(spelled(column), ["exchange", "exchanged"]))
            if rows.size:
                problem = (
                    "exchanges in a file without an order id (an item exchanged for one returned is part of its "
                    "order, no new purchase): map the order id column, --columns order_id=NAME"
                )
                raise bad_rows(source, name, problem, rows, column.to_numpy())


#: Statuses of an order refunded in part (Shopify's partially_refunded, Lemon Squeezy's partial_refund).
_PARTLY_REFUNDED = ("partially_refunded", "partial_refund")


def _said_refunded(df: pd.DataFrame, statuses: Any) -> np.ndarray:
    """Whether each row's order status is one of ``statuses`` (:data:`_PARTLY_REFUNDED`, or
    :data:`~.sale_refunds.REFUND_STATUSES`: refunded in full), as a bool array."""
    from .columns import keys_of

    out = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(map(str, df.columns)):
        if keys_of(name) & ORDER_STATUS_NAMES or by_values.status_by_values(df, position):
            out |= np.isin(said_statuses(df.iloc[:, position]), list(statuses))
    return out


def _flagged_in_full(df: pd.DataFrame, flagged: np.ndarray, name: str, source: str) -> np.ndarray:
    """The rows of a ``refunded`` flag ``name`` true (``flagged``) that were refunded in full, where no refunded amount
    was read to tell (no amount mapped): Lemon Squeezy sets ``refunded`` true on a refund in part too, which its
    status ``partial_refund`` says (a purchase refunded in part is still one: docs/metrics.md), so those rows stay;
    one whose status says ``refunded`` is refunded in full; one beside a refunded amount column and no status saying
    either is refused naming the rows (in full, no purchase, or in part, a purchase? the amount it is a part of
    tells: H515's finding 01)."""
    from .refunded_amounts import refunded_columns

    flagged = flagged & ~_said_refunded(df, _PARTLY_REFUNDED)
    refunds = refunded_columns(df.columns)
    untold = flagged & ~_said_refunded(df, REFUND_STATUSES)  # its status 'refunded': in full (H524's finding 03)
    if untold.any() and refunds:
        problem = (
            f"orders flagged refunded beside a refunded amount column ({refunds[0]!r}), and no amount mapped to tell "
            "a refund in full (no purchase) from one in part (a purchase)"
        )
        advice = "map the order's amount with --columns amount=NAME"
        raise bad_rows(source, name, problem, np.flatnonzero(untold), df[name].to_numpy(), advice=advice)
    return flagged


def _refuse_untold_partial_refunds(df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str) -> None:
    """Orders whose status says refunded in part, in a file with no refunded amount column and no refund row of
    theirs (a negative amount with their order id), are refused naming the rows: the amount kept cannot be told, and
    the whole amount would count (revenue too high)."""
    from .columns import keys_of

    for position, name in enumerate(map(str, df.columns)):
        column = df.iloc[:, position]
        if not (keys_of(name) & ORDER_STATUS_NAMES or by_values.status_by_values(df, position)):
            continue
        status = said_statuses(column)
        partly = np.isin(status, _PARTLY_REFUNDED)
        if partly.any() and "order_id" in typed:  # an order with a refund row of its own tells its refund
            ids = pd.Series(np.asarray(typed["order_id"], dtype=object))
            lines = np.asarray(typed["amount"], dtype=np.float64) < 0
            partly &= ~ids.isin(set(ids[lines])).to_numpy()
        if partly.any():
            problem = (
                "orders refunded in part, and no column says how much (the whole amount would count): add the "
                "refunded amount column of the export (Shopify's 'Refunded Amount', Stripe's 'Amount Refunded') or "
                "the refund rows"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(partly), column.to_numpy())


def says_refunded(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's status or type column says a refund (``refunded``, ``chargeback``, ``dispute lost``:
    :data:`~.sale_refunds.REFUND_STATUSES`; a type of :data:`_REFUND_TYPES`), or
    its refunded flag is true: on an order's refund line (a negative amount with its id) the status of the refund,
    made, not of the order, which stays paid less the refund (WooCommerce's Analytics export lists a partial refund
    as a row of its order with the status Refunded).

    >>> says_refunded(pd.DataFrame({"Status": ["Completed", "Refunded", "wc-refunded", "Failed"]})).tolist()
    [False, True, True, False]
    """
    from .columns import keys_of
    from .statuses import spelled

    out = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(map(str, df.columns)):
        keys = {k.rstrip("?") for k in keys_of(name)}
        column = df.iloc[:, position]
        if keys & ORDER_STATUS_NAMES or by_values.status_by_values(df, position):
            out |= np.isin(said_statuses(column), list(REFUND_STATUSES))  # refunded, charged back
        elif keys & _TYPES or row_types.type_by_values(df, position):
            out |= np.isin(spelled(column), list(_REFUND_TYPES))
        elif keys & {"fully_refunded", "refunded", "is_refunded"}:
            out |= refunded_flag_rows(column, name)
    return out
