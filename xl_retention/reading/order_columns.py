"""Orders files' columns that change which orders count, or their amounts, found by their values as well as names.

An orders export names its columns in its own words and language; a column the import did not know by name was
ignored, and the numbers came out wrong without a word. These columns are used or refused, never ignored:

* **A status by its values** (:func:`holds_order_statuses`): a column whose values are order statuses
  (``paid``, ``cancelled``, ``refunded``, ``voided``, ``failed``: :data:`~.orders.NOT_PAID`, :data:`~.orders.PAID`)
  is read as the order's status whatever its name (``Zahlungsstatus``, ``Statut``, ``estado``, ``outcome``), as a
  column named ``status`` is; a fulfilment's or shipment's status (``unfulfilled``) is none.
* **A refunded amount in other words** (:func:`refund_amount_columns`): a column of numbers whose name says a
  refund in one of the languages the import knows (``Refunds``, ``Erstattet``, ``Erstattungsbetrag``,
  ``Remboursement``, ``reembolso``, ``Teruggestort``, "Kwota zwrotu", ``Vráceno``, ``Återbetalt``, ``返金額``;
  "Returned amount") is the refunded amount, taken off (a column of true/false
  stays a refunded flag); one whose name says items returned without an amount ("Returns": a count of items or
  money?) is refused, naming it.
* **An order id not mapped** (:func:`check_unmapped_order_id`): in a file without an order id, a column holding one
  value on several rows of one customer and date, and that value on no other customer's or date's rows (Xero's
  ``InvoiceNumber``, QuickBooks' "Num", NetSuite's "Document Number" on an invoice's line rows), is refused,
  naming it and the ``--columns order_id=`` that reads the lines as one order.
* **A price per unit beside a quantity** (:func:`priced_by_quantity`): an amount named as a unit's price
  (``UnitAmount``, "Unit Price", "Preço unitário", Shopify's "Lineitem price") beside a quantity column is multiplied
  by the quantity (the line's amount); one named only as a price or a cost ("Price", QuickBooks' "Sales Price", "Item
  Price", "Item Cost", ``Artikelpreis``) is refused naming both columns: whether it is a unit's or the line's cannot
  be told (Amazon's ``item-price`` is the line's, as its report says). The name's words decide, in the languages
  the import knows: :func:`~.unit_prices.price_kind`.
* **Invoices and the payments that settle them** (:func:`check_invoices_and_payments`): a type column holding both
  ``Invoice`` and ``Payment`` rows is a receivables ledger (QuickBooks' "Transaction List by Customer"): each sale
  would count twice; refused, naming the rows, with the way out (keep one of the two kinds).
* **A credit note's invoice** (:func:`linked_orders`): a credit note or refund with its own number names the
  invoice it credits in another column (Xero's ``Reference``, "Applied To", "Original Invoice"); a column whose
  values on the refund rows are all order ids of the file is read as that link (the credit is taken off its
  invoice). A credit note whose invoice cannot be found is refused naming the rows (:func:`check_credit_notes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from . import document_types, yes_no
from .errors import DataError, bad_rows
from .order_statuses import NOT_PAID, PAID, PAID_OR_REFUNDED

__all__ = [
    "check_credit_notes",
    "check_invoices_and_payments",
    "check_unmapped_order_id",
    "holds_order_statuses",
    "linked_orders",
    "name_words",
    "priced_by_quantity",
    "refund_amount_columns",
    "status_by_values",
]

#: Words of a column's name that say a fulfilment's, a shipment's or a delivery's status, not the payment's.
_NOT_PAYMENT = ("fulfil", "fulfill", "ship", "deliver", "versand", "liefer", "livraison", "envio", "envío")


def name_words(name: Any) -> list[str]:
    """The words of a column's name as :func:`~.names.key` writes it, split at ``_ . ( ) ? / # :`` (accents and
    signs such as ``$`` kept in them), then those of its camel-case words ("TotalRefunded": totalrefunded, total,
    refunded).

    >>> name_words("TotalRefunded"), name_words("Refund ($)"), name_words("Número de pedido")
    (['totalrefunded', 'total', 'refunded'], ['refund', '$'], ['número', 'de', 'pedido'])
    """
    from .names import camel_spaced, key

    found = [w for text in (name, camel_spaced(name)) for w in re.split(r"[_.()?/#:]+", key(text)) if w]
    return list(dict.fromkeys(found))


def _distinct(column: pd.Series) -> np.ndarray:
    from .statuses import spelled

    values = pd.unique(pd.Series(spelled(column), dtype=object).str.replace(r"^wc_", "", regex=True))
    return np.asarray([v for v in values if v != ""], dtype=object)


def few_values(column: pd.Series, most: int = 40) -> np.ndarray | None:
    """The distinct values of ``column`` as statuses are compared (:func:`~.statuses.spelled`, no ``wc_``, no
    blank), or None when it has more than ``most`` (ids, amounts, dates: no status, mode or type column); a column
    whose first rows hold that many already is not read further (a large file's columns are not all spelled).

    >>> few_values(pd.Series(["Paid", "wc-cancelled", None, "paid"])).tolist()
    ['paid', 'cancelled']
    """
    from ._distinct import distinct

    if column.iloc[:2000].nunique(dropna=True) > most:
        return None
    found = distinct(column)  # by the column's Arrow encoding where it has one: hashed once for every rule that asks
    uniques = found.to_pylist() if found is not None else pd.unique(column.to_numpy())
    if len(uniques) > most + 1:
        return None
    return _distinct(pd.Series(uniques, dtype=object))


def holds_order_statuses(name: Any, column: pd.Series) -> bool:
    """Whether ``column`` (named ``name``) holds order statuses by its values: one of them says the order was not paid
    (:data:`~.orders.NOT_PAID`) and more than half of its distinct values are order statuses (a note of ``ok`` and
    ``cancelled`` is none); a fulfilment's,
    shipment's or delivery's status column is none.

    >>> holds_order_statuses("Zahlungsstatus", pd.Series(["paid", "cancelled", "paid"]))
    True
    >>> holds_order_statuses("Fulfillment Status", pd.Series(["fulfilled", "pending"]))
    False
    >>> holds_order_statuses("Note", pd.Series(["ok", "cancelled", "ok"]))
    False
    """
    if any(w.startswith(_NOT_PAYMENT) for w in name_words(name)):
        return False
    values = few_values(column)
    if values is not None:  # 'Annulé', 'Storniert': their English words (reading.status_words)
        from .status_words import order_statuses

        values = order_statuses(values, NOT_PAID | PAID | PAID_OR_REFUNDED)
    if values is None or not values.size or not np.isin(values, list(NOT_PAID)).any():
        return False
    known = np.isin(values, list(NOT_PAID | PAID | PAID_OR_REFUNDED))
    return bool(known.sum() * 2 > values.size) or _names_a_status(name)


#: Words of a column's name that say it holds a status ('Refund Status', 'Zahlungsstatus', 'RMA State', 'Estado').
_STATE_WORDS = frozenset({"state", "statut", "estado", "stato", "zustand", "stav", "tila"})
#: Words of a name that say its text is free words about the order, not its status.
_FREE_TEXT = frozenset({"reason", "reasons", "grund", "raison", "motivo", "note", "notes", "comment", "comments",
                        "kommentar", "remark", "remarks", "description"})  # fmt: skip


def _names_a_status(name: Any) -> bool:
    """Whether a column's name says a status or a refund or a return ('Refund Status', 'Return Status',
    'Retourenstatus', 'RMA Status', 'Returned'), not free text ('Return Reason'): such a column saying 'Refunded' on
    a few orders and blank on the others is the orders' status column even where its other words are not known
    ('Returned', 'On hold'): they are then asked, as under 'Status', not the whole column left unread.

    >>> _names_a_status("Refund Status"), _names_a_status("Returned"), _names_a_status("Return Reason")
    (True, True, False)
    """
    words = name_words(name)
    if any(w in _FREE_TEXT for w in words):
        return False
    return any(w.endswith("status") or w in _STATE_WORDS or w.startswith(_REFUND_STEMS + _RETURN_STEMS) for w in words)


def status_by_values(df: pd.DataFrame, position: int) -> bool:
    """:func:`holds_order_statuses` of ``df``'s column at ``position``, worked out once per column of a frame (the
    orders' rules ask it of every column several times: a large file's columns are not read again each time).

    >>> status_by_values(pd.DataFrame({"id": ["1", "2"], "outcome": ["paid", "voided"]}), 1)
    True
    """
    from ._column_answers import column_answer

    return bool(column_answer(df, position, holds_order_statuses))


#: Beginnings of a name's words that say a refund (English, German, French, Spanish, Italian, Dutch, Portuguese);
#: German's compounds too ("Zurückerstattet", "Rückzahlung", "Zurückgezahlt"), and "Reimbursed" (H555's finding 02)
_REFUND_STEMS = ("refund", "erstatt", "rückerstatt", "ruckerstatt", "rembours", "reembols", "rimbors", "terugbeta",
                 "teruggestort", "terugstort", "estorn", "devolu", "gutschrift", "zwrot", "zwróc", "zwroc", "vrácen",
                 "vracen", "refundac", "återbetal", "aterbetal", "返金", "払い戻", "払戻", "reimburs", "zurückerstatt",
                 "zuruckerstatt", "rückzahl", "ruckzahl", "zurückgezahl", "zuruckgezahl")  # fmt: skip
#: Beginnings of a name's words that say items returned: money only with a money word beside them ("Importe
#: devuelto" is; "Devuelto", "Restituito" alone may be items: refused)
_RETURN_STEMS = ("return", "retour", "rücksend", "rucksend", "返品", "devuelt", "restitu")
#: Beginnings of a name's words that say a reversal: a refund's ("amount_reversed") or a chargeback's won back (money
#: to the seller): refused, whether to take it off cannot be told
_REVERSAL_STEMS = ("revers",)
_MONEY = ("amount", "total", "sum", "value", "betrag", "summe", "montant", "importe", "monto", "importo", "bedrag",
          "valor", "wert", "kwota", "částka", "castka", "belopp", "金額", "額", "$", "€", "£")  # fmt: skip
_NOT_MONEY = ("date", "datum", "data", "time", "at", "on", "am", "count", "quantity", "qty", "menge", "anzahl", "id",
              "reason", "grund", "status", "number", "no", "nr", "type", "method", "currency", "flag", "policy",
              "raison", "motivo", "fecha", "powód", "powod", "liczba", "ilość", "ilosc", "numer", "metoda",
              "waluta", "důvod", "duvod", "počet", "pocet", "měna", "mena", "orsak", "antal", "valuta", "reden",
              "aantal")  # fmt: skip
#: What in a Japanese name (its words not apart) says a date, a time, a count, a reason, a status, a method or a number.
_NOT_MONEY_JA = ("日", "時", "数", "理由", "状態", "ステータス", "方法", "番号", "フラグ", "通貨")
_FLAG_VALUES = yes_no.TRUE | yes_no.FALSE


def refund_amount_columns(df: pd.DataFrame, mapped: Any = ()) -> tuple[list[str], list[str]]:
    """The columns of ``df`` (other than the ``mapped`` ones) whose name says a refund in other words than
    :func:`~.orders.refunded_columns` knows and whose values are numbers (see the module docstring), and those whose
    name says items returned without an amount: ``(refunded amounts, refused)``.

    >>> frame = pd.DataFrame({"Erstattet": ["100", "0"], "Refunded?": ["true", "false"], "Returns": ["1", "2"]})
    >>> refund_amount_columns(frame)
    (['Erstattet'], ['Returns'])
    """
    from .event_dates import event_date_kind

    taken: list[str] = []
    refused: list[str] = []
    for position, name in enumerate(map(str, df.columns)):
        if name in mapped:
            continue
        words = name_words(name)
        refund = any(w.startswith(_REFUND_STEMS) for w in words)
        reversed_ = any(w.startswith(_REVERSAL_STEMS) for w in words)
        returned = reversed_ or any(w.startswith(_RETURN_STEMS) for w in words)
        refund = refund and not reversed_
        if not (refund or returned) or any(
            w in _NOT_MONEY or w.startswith(_NOT_MONEY[:2]) or any(j in w for j in _NOT_MONEY_JA) for w in words
        ):
            continue
        if event_date_kind(name) is not None:  # 'Zwrócono dnia', 'Återbetalningsdatum': a refund's date, no money
            continue
        values = _distinct(df.iloc[:, position])
        if not values.size or np.isin(values, list(_FLAG_VALUES)).all():
            continue  # a refunded flag (true/false), or nothing written
        numbers = pd.to_numeric(pd.Series(values).str.replace(r"[^\d.,\-]", "", regex=True).str.replace(",", "."),
                                errors="coerce")  # fmt: skip
        if numbers.isna().any():
            continue  # words: a refund's reason or status, not an amount
        money = any(w.startswith(_MONEY) for w in words)
        (taken if refund or (money and not reversed_) else refused).append(name)
    return taken, refused


def check_unmapped_order_id(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str, counted: Any = None
) -> None:
    """In an orders file without an order id, refuse a column that is one (see the module docstring), naming it,
    the rows of one customer and date it ties, and the ``--columns order_id=`` to map. Only the rows ``counted``
    (paid; all without it) and not refunds (negative amounts) are looked at: a failed payment and its retry share an
    invoice's id, one purchase."""
    from .names import columns_option

    if "order_id" in typed or len(df) < 2:
        return
    mapped = set(names.values())
    candidates = [
        position
        for position, name in enumerate(map(str, df.columns))
        if name not in mapped and _id_like(name, df.iloc[:, position])
    ]
    if not candidates:  # no column that may be an order's id (a file of only the mapped columns): nothing to look at
        return
    dates = np.asarray(typed["date"])
    kept = ~np.isnat(dates) if counted is None else ~np.isnat(dates) & np.asarray(counted, dtype=bool)
    if "amount" in typed:
        kept &= ~(np.asarray(typed["amount"], dtype=np.float64) < 0)
    groups = pd.DataFrame({"who": np.asarray(typed["customer_id"], dtype=object), "when": dates})
    groups = groups.where(pd.Series(kept, index=groups.index), None) if not kept.all() else groups
    twice = groups.duplicated(keep=False).to_numpy() & kept
    if not twice.any():  # no customer has two rows at one date: every row is an order whatever its columns
        return
    group = groups.groupby(["who", "when"], sort=False, dropna=False).ngroup().to_numpy()
    for position in candidates:
        name = str(df.columns[position])
        text = df.iloc[:, position].astype(object).where(df.iloc[:, position].notna(), "").astype(str).str.strip()
        filled = (text != "").to_numpy() & kept
        if not (filled & twice).any():
            continue
        pairs = pd.DataFrame({"id": text.to_numpy()[filled], "group": group[filled]})
        if (pairs.groupby("id", sort=False)["group"].nunique() > 1).any():
            continue  # one value on two customers' or dates' rows: no order's id
        repeated = pairs.duplicated("id", keep=False).to_numpy()
        if not repeated.any():
            continue
        rows = np.flatnonzero(filled)[repeated]
        problem = (
            f"rows of one customer and date that share a value of {name!r} (the lines of one order, each of which "
            f"would count as an order): map it as the order id, {columns_option([('order_id', name)])}"
        )
        raise bad_rows(source, name, problem, rows, df.iloc[:, position].to_numpy())


_ID_WORDS = ("id", "number", "num", "no", "nr", "nbr", "ref", "reference", "invoice", "invoicenumber", "document",
             "doc", "receipt", "order", "transaction", "txn", "rechnung", "rechnungsnummer", "beleg", "belegnummer",
             "facture", "factura", "numero", "nummer", "bestellnummer", "bestellung", "commande", "pedido", "encomenda",
             "ordine", "ordem", "bestelnummer", "ordernummer", "auftragsnummer", "zamowienie", "numer", "заказ",
             "номер", "注文番号", "注文", "受注番号", "订单号", "订单编号", "訂單編號", "주문번호")  # fmt: skip
_MONEY_NAMES = ("amount", "total", "tax", "price", "cost", "sum", "subtotal", "discount", "fee", "net", "gross")


def _unaccented(word: str) -> str:
    """``word`` without its accents (``número`` -> ``numero``, ``zamówienie`` -> ``zamowienie``); other scripts as
    they are."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _id_like(name: str, column: pd.Series) -> bool:
    """Whether a column may be an order's id: named as an id (:data:`_ID_WORDS`), or holding codes with digits that
    are neither numbers nor dates (``INV-1001``; a channel's ``web`` is none); never a money column."""
    from .names import key

    words = [_unaccented(w) for w in name_words(name)]  # 'Número de pedido': numero, de, pedido
    if any(w.startswith(_MONEY_NAMES) for w in words):
        return False
    joined = _unaccented(key(name).replace("_", ""))
    named = any(w in _ID_WORDS for w in words) or joined.endswith(("number", "no", "num", "id", "nummer", "nr"))
    values = _distinct(column.iloc[:2000])
    if not values.size:
        return False
    dated = pd.Series(values).str.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ t].*)?").all()
    if dated:
        return False
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").notna().all()
    coded = pd.Series(values).str.contains(r"\d").all()  # 'INV-1001'; a channel's 'web' is no id
    return named or (coded and not numbers)


_QUANTITY_WORDS = ("quantity", "qty", "menge", "anzahl", "quantité", "quantite", "cantidad", "quantità", "quantita",
                   "aantal", "quantidade", "units")  # fmt: skip


def priced_by_quantity(
    df: pd.DataFrame, amount: np.ndarray, names: dict[str, str], source: str, read_numbers: Any
) -> np.ndarray:
    """``amount`` times the quantity column of ``df`` where the amount is named as a unit's price; a refusal
    naming both where it is named only as a price (see the module docstring); ``amount`` itself otherwise.
    ``read_numbers(series, column)`` reads a number column (blanks allowed)."""
    from .store_units import per_unit_amount, store_line_amounts
    from .unit_prices import price_kind, told_by_totals

    mapped = set(names.values())
    found = [(p, str(c)) for p, c in enumerate(df.columns) if str(c) not in mapped
             and any(w.startswith(_QUANTITY_WORDS) for w in name_words(c))]  # fmt: skip
    if not found:
        return amount
    position, quantity = found[0]
    kind = price_kind(names["amount"])  # one unit's, the line's, or a price or cost that may be either
    if per_unit_amount(df.columns, names["amount"]):  # App Store Connect's Developer Proceeds (store_units)
        kind = "unit"
    unit = kind == "unit"
    if kind not in ("unit", "price"):
        return amount  # a total, a line's amount: the quantity is already in it
    count = np.asarray(read_numbers(df.iloc[:, position], quantity), dtype=np.float64)
    amounts = np.asarray(amount, dtype=np.float64)
    if not unit:
        several = np.flatnonzero(~np.isnan(count) & (count != 1) & ~np.isnan(amounts))
        told = told_by_totals(df, amounts, count, names, read_numbers) if several.size else "line"
        if told == "line":  # no quantity but 1, or the order's total beside says the price is the line's
            return amount
        if told != "unit":
            problem = (
                f"quantities beside {names['amount']!r}, which may be the price of one unit or of the line (whether "
                "to multiply cannot be told)"
            )
            advice = (
                "map the line's total as the amount, --columns amount=NAME, or remove this column where the price is "
                f"the line's (where it is one unit's, rename {names['amount']!r} 'Unit Price')"
            )
            raise bad_rows(source, quantity, problem, several, df.iloc[:, position].to_numpy(), advice=advice)
    blank = np.flatnonzero(np.isnan(count) & ~np.isnan(amounts))
    if blank.size:
        problem = (
            f"missing quantities beside prices per unit in {names['amount']!r} (the line's amount is price x quantity)"
        )
        raise bad_rows(source, quantity, problem, blank, df.iloc[:, position].to_numpy())
    if unit and per_unit_amount(df.columns, names["amount"]):  # a refund: Units -1, 6.30 or -6.30 (store_units)
        return store_line_amounts(amounts, np.where(np.isnan(count), 1.0, count))
    return amounts * np.where(np.isnan(count), 1.0, count)


#: Row types of an invoice, and of a payment received against one (QuickBooks, Xero, FreshBooks, Zoho Books).
_INVOICES = frozenset({"invoice", "sales_invoice", "tax_invoice", "accrec", "bill"})
_PAYMENTS = frozenset({"payment", "receive_payment", "payment_received", "customer_payment", "receipt"})


def check_invoices_and_payments(df: pd.DataFrame, source: str) -> None:
    """Refuse a type column holding both invoices and payments (see the module docstring), naming the payments."""
    from .names import keys_of
    from .orders import _TYPES
    from .row_types import type_by_values
    from .statuses import spelled

    for position, name in enumerate(map(str, df.columns)):
        if not (keys_of(name) & _TYPES or type_by_values(df, position)):  # by its values too (reading.row_types)
            continue
        kind = spelled(df.iloc[:, position])
        paid = np.isin(kind, list(_PAYMENTS))
        if paid.any() and np.isin(kind, list(_INVOICES)).any():
            problem = (
                "payments beside the invoices they settle (a receivables ledger: each sale would count twice, as its "
                "invoice and as its payment): keep the Invoice rows only (or the Payment rows only) and import again"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(paid), df.iloc[:, position].to_numpy())


def linked_orders(
    order_ids: pd.Series, df: pd.DataFrame, refund: np.ndarray, mapped: Iterable[str] = ()
) -> pd.Series | None:
    """The column of ``df`` that names, on each refund row (``refund``) whose own id is no sale's (a credit note's
    number), the order it refunds (see the module docstring), as order ids for every row (those rows' replaced);
    None without one. A refund row carrying a sale's id is that order's refund, never linked elsewhere, and the
    ``mapped`` columns (the customer id, the date, the amount) are no link: a customer id 5 equal to an order's
    id 5 took order 20's refund off order 5 (H558's finding 01)."""
    if not refund.any() or refund.all():
        return None
    ids = order_ids.astype(object).where(order_ids.notna(), "").astype(str).str.strip().to_numpy()
    sales = set(ids[~refund]) - {""}
    refund = refund & ~np.isin(ids, list(sales))  # a credit note's own number, or none
    if not refund.any():
        return None
    skipped = {str(name) for name in mapped}
    for position in range(df.shape[1]):
        if str(df.columns[position]) in skipped:
            continue
        column = df.iloc[:, position]
        text = column.astype(object).where(column.notna(), "").astype(str).str.strip().to_numpy()
        if (text == ids).all():
            continue  # the order id column itself
        named = refund & (text != "")
        if named.any() and set(text[named]) <= sales and (text[named] != ids[named]).any():
            out = pd.Series(ids, index=order_ids.index, dtype=object)
            out[named] = text[named]
            return out
    return None


#: Row types of a document of its own that credits an invoice: Xero's credit note, QuickBooks' credit memo.
CREDIT_NOTES = frozenset({"credit_note", "credit_memo", "creditnote", "credit", "accreccredit", "gutschrift"})
CREDIT_NOTES |= document_types.CREDIT_NOTES  # CN, SAP's DG, Avoir, Nota de crédito, Creditnota


def check_credit_notes(df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str) -> None:
    """Refuse the credit notes (:data:`CREDIT_NOTES`) whose order id is no order of the file, or all of them in a
    file without an order id: their invoice cannot be found, and left out they would take nothing off it."""
    from .document_states import refuse_prepaid_credits
    from .names import keys_of
    from .orders import _TYPES
    from .row_types import type_by_values
    from .statuses import spelled

    for position, name in enumerate(map(str, df.columns)):
        if not (keys_of(name) & _TYPES or type_by_values(df, position)):  # by its values too (reading.row_types)
            continue
        kind = spelled(df.iloc[:, position])
        refuse_prepaid_credits(kind, df.iloc[:, position], name, source)  # Lago's credit: no credit note
        credit = np.isin(kind, list(CREDIT_NOTES))
        if not credit.any():
            continue
        if "order_id" not in typed:  # left out as a refund, it would take nothing off the invoice it credits
            problem = (
                "credit notes in a file without an order id (a credit is taken off the invoice it credits, which "
                "cannot be found)"
            )
            from .names import words

            linking = [str(c) for c in df.columns if words(c) & {"refunded", "original", "parent", "credited"} and
                       words(c) & {"id", "number", "no", "num"}]  # fmt: skip
            advice = (
                "map the invoice number, --columns order_id=NAME, beside the column naming the invoice each credits "
                f"({repr(linking[0]) + ' here' if linking else 'Xero: Reference'}), or remove them"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(credit), df.iloc[:, position].to_numpy(),
                           advice=advice)  # fmt: skip
        ids = pd.Series(np.asarray(typed["order_id"], dtype=object))
        sales = set(ids[~credit])
        lost = credit & ~ids.isin(sales).to_numpy()
        if lost.any():
            problem = f"credit notes whose invoice is not in the file ({names['order_id']!r} names no invoice of it)"
            advice = "map the column naming the invoice each credits (Xero: Reference), or remove them"
            raise bad_rows(source, name, problem, np.flatnonzero(lost), df.iloc[:, position].to_numpy(),
                           advice=advice)  # fmt: skip


def refuse_returned_columns(refused: list[str], source: str) -> None:
    """Refuse a column whose name says items returned, without an amount (see :func:`refund_amount_columns`)."""
    if refused and any(w.startswith(_REVERSAL_STEMS) for w in name_words(refused[0])):
        raise DataError(
            f"{source}: column {refused[0]!r} may be the amount refunded or a chargeback won back (money returned to "
            "you: whether to take it off cannot be told): rename it 'Refunded Amount' where it is money refunded to "
            "the customer, or remove it",
            source=source,
            column=refused[0],
        )
    if refused:
        raise DataError(
            f"{source}: column {refused[0]!r} may be the amount refunded or a count of items returned (whether to "
            "take it off cannot be told): rename it 'Refunded Amount' where it is money, or remove it",
            source=source,
            column=refused[0],
        )
