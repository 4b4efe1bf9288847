"""Rows of an orders file that are no sale, told by a document's type, a debit/credit side or a refund's flag.

Accounting and ERP exports list invoices and credit notes with positive amounts and say which is which in a column
of their own; shops flag a refunded, returned or fraudulent order. Read as a sale, each such row was one more
purchase (revenue and repeat buyers too high, exit 0). So:

* **A document's type under other names** (:data:`TYPE_NAMES`): ``Document Type``, ``Doc Type``, ``Invoice Type``
  (Xero), SAP's ``Belegart``, ``Type de pièce``, ``Tipo de documento``, ``Tipo`` are type columns as ``Type`` is:
  a credit note (:data:`CREDIT_NOTES`: ``Credit Note``, ``CN``, ``ACCRECCREDIT``, SAP's ``DG``, ``Gutschrift``,
  ``Avoir``, ``Nota de crédito``, ``Creditnota``) is taken off its invoice or refused where its invoice cannot be
  found; a sale's type (:data:`SALES`: ``Invoice``, ``INV``, SAP's ``DR``, ``Rechnung``, ``Facture``, ``Factura``;
  Etsy's order types ``online`` and ``inperson``) passes; any other is refused.
* **A debit/credit side** (:data:`SIDE_NAMES`: DATEV's and SAP's ``Soll/Haben-Kennzeichen`` S/H, ``D/C``,
  ``Debit/Credit``): rows on both sides are refused naming the credit side's rows, as whether a credit is a credit
  note (an invoice's debit to the customer) or the sale itself (a credit to a revenue account) depends on the
  account, which the file does not say.
* **A refund's, return's, reversal's or fraud's flag** (:data:`REFUND_FLAGS`: App Store Connect's ``Refund``,
  ``is_refund``, ``Returned``, SAP's ``Storno`` = X, ``Retoure`` = ja, ``Fraud``): a row flagged true is refused
  naming the column and rows: whether it is the refund of another row (App Store Connect: a refund row of its own,
  its price positive) or a sale that was refunded cannot be told; write refunds as negative amounts. A column of
  such a name holding amounts (``Refund`` = 12.50) is no flag (a refunded amount: :mod:`.refunded_amounts`).
* **An amount after refunds** (:func:`check_adjusted_amounts`): Etsy's "Adjusted Order Total" beside the "Order
  Total" mapped as the amount, differing from it on an order refunded (0.00) or refunded in part, is refused naming
  its rows (Chargebee's "Amount Adjusted" beside "Amount" is the amount credited, not kept: no ``--columns`` is
  offered, the user writes the amount kept).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import yes_no
from .errors import bad_rows

__all__ = [
    "CREDIT_NOTES",
    "REFUND_FLAGS",
    "SALES",
    "SIDE_NAMES",
    "TYPE_NAMES",
    "check_adjusted_amounts",
    "check_refund_flags",
    "check_sides",
    "check_subscription_documents",
]

#: Other names (as :func:`~.names.key` spells them) of a column of each row's document or transaction type.
TYPE_NAMES = frozenset({"document_type", "doc_type", "doctype", "documenttype", "invoice_type", "voucher_type",
                        "entry_type", "belegart", "beleg_art", "belegtyp", "dokumentart", "dokumenttyp",
                        "transaktionsart", "transaktionstyp", "rechnungsart", "rechnungstyp", "typ", "type_de_pièce",
                        "type_de_piece", "type_de_document", "type_document", "type_de_transaction", "tipo",
                        "tipo_de_documento", "tipo_documento", "tipo_doc", "tipo_de_comprobante", "tipo_comprobante",
                        "tipo_de_transacción", "tipo_de_transaccion", "tipo_di_documento", "documentsoort",
                        "soort_document", "documenttype_", "typ_dokumentu", "rodzaj_dokumentu", "伝票種別",
                        "取引種別"})  # fmt: skip
#: Types (spelled: lower case, ``_`` between words) of a credit note or a refund, in other words and languages.
CREDIT_NOTES = frozenset({"cn", "crn", "credit_note", "credit_memo", "creditnote", "credit", "accreccredit",
                          "gutschrift", "dg", "rechnungskorrektur", "stornorechnung", "avoir", "facture_d'avoir",
                          "note_de_crédit", "note_de_credit", "nota_de_crédito", "nota_de_credito", "nota_crédito",
                          "nota_credito", "nota_di_credito", "creditnota", "creditfactuur",
                          "faktura_korygująca", "faktura_korygujaca", "korekta", "クレジットノート", "返金伝票",
                          "赤伝"})  # fmt: skip
#: ... of a refund or a return (not a document crediting an invoice).
REFUNDS = frozenset({"rückerstattung", "ruckerstattung", "erstattung", "retoure", "remboursement", "reembolso",
                     "devolución", "devolucion", "rimborso", "reso", "terugbetaling", "retour", "zwrot", "返金",
                     "返品"})  # fmt: skip
#: ... of a sale: an invoice, an order, a sale (Etsy's order types: ``online``, ``inperson``).
SALES = frozenset({"inv", "dr", "rechnung", "ausgangsrechnung", "verkauf", "bestellung", "facture", "vente",
                   "commande", "factura", "venta", "pedido", "fattura", "vendita", "ordine", "factuur", "verkoop",
                   "bestelling", "fatura", "venda", "faktura", "sprzedaż", "sprzedaz", "zamówienie", "zamowienie",
                   "請求書", "売上", "注文", "online", "inperson", "in_person"})  # fmt: skip

#: Names of a column of each row's debit or credit side (DATEV's and SAP's Soll/Haben-Kennzeichen, SHKZG).
SIDE_NAMES = frozenset({"soll/haben_kennzeichen", "soll_haben_kennzeichen", "soll/haben", "soll_haben", "s/h",
                        "shkzg", "d/c", "dr/cr", "debit/credit", "debit_credit", "debit/credit_indicator",
                        "debit_credit_indicator", "debit_or_credit", "sens", "débit/crédit", "debe/haber",
                        "dare/avere", "debet/credit", "貸借区分"})  # fmt: skip
#: The values of a credit side, and of a debit side.
_CREDIT_SIDE = frozenset({"h", "haben", "c", "cr", "credit", "crédit", "haber", "avere", "贷", "貸方"})
_DEBIT_SIDE = frozenset({"s", "soll", "d", "dr", "debit", "débit", "debe", "dare", "debet", "借方"})

#: Names (:func:`~.names.key`, ``?`` dropped) of a flag saying a row is a refund, a return, a reversal or a fraud.
REFUND_FLAGS = frozenset({"refund", "is_refund", "refund_flag", "has_refund", "was_refunded", "returned",
                          "is_returned", "was_returned", "return", "is_return", "return_flag", "storno",
                          "is_storno", "storniert", "stornokennzeichen", "storno_kennzeichen", "retoure",
                          "retourniert", "retour", "retourné", "retourne", "fraud", "is_fraud", "fraudulent",
                          "fraud_flag", "is_fraudulent", "remboursé", "rembourse", "erstattet", "reembolsado",
                          "devuelto", "rimborsato", "reso", "zwrot", "zwrócone", "返品", "返金",
                          # German's usual word, a payment reversed (PayPal), and the refunded of
                          # the other languages read (H200's finding 05)
                          "rückerstattet", "rueckerstattet", "zurückerstattet", "zurueckerstattet", "reversed",
                          "is_reversed", "was_reversed", "reversal", "is_reversal",
                          "rimborsata", "reembolsada", "estornado", "estornada",
                          "remboursée", "terugbetaald", "återbetald", "refundert", "refunderet",
                          "払い戻し済み"})  # fmt: skip
_TRUE = yes_no.TRUE
_FALSE = yes_no.FALSE | yes_no.BLANK
REFUND_FLAG_PROBLEM = (
    "rows flagged as a refund, a return, a reversal or a fraud with an amount that is not negative (whether each is "
    "the refund of another row or a sale refunded cannot be told, and counted it would be a sale)"
)
#: What to do about :data:`REFUND_FLAG_PROBLEM`, after its rows and values (:func:`~.errors.bad_rows`'s ``advice``).
REFUND_FLAG_ADVICE = "write refunds as negative amounts, remove the sales refunded in full, and remove this column"
SIDE_PROBLEM = (
    "rows on the credit side beside rows on the debit side (a credit note or the sale itself, depending on the "
    "account, which the file does not say)"
)
#: What to do about :data:`SIDE_PROBLEM`, after its rows and values.
SIDE_ADVICE = "write credit notes as negative amounts and remove this column, or keep the sales' side only"


def _spelled(column: pd.Series) -> np.ndarray:
    from .status_words import spelled_by_distinct

    return spelled_by_distinct(column)


def check_refund_flags(
    df: pd.DataFrame, source: str, amounts: Any = None, flags: frozenset[str] = REFUND_FLAGS
) -> None:
    """Refuse the rows flagged true in a refund's, return's, reversal's or fraud's flag column (see the module
    docstring) whose amount (``amounts``: the mapped amount's, signed as written; None: no amount) is not negative,
    naming them; a flagged row with a negative amount is a refund written as one, the flag saying what its sign says
    (App Store Connect's subscriber report: "Customer Price ... a negative value indicates a refund", beside
    ``Refund`` ``Yes``). A column of such a name whose values are not all flags (amounts, reasons) is left to the
    rules of amounts.

    >>> check_refund_flags(pd.DataFrame({"Storno": ["", "X"]}), "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Storno': rows flagged as a refund, a return, a reversal or \
a fraud with an amount that is not negative (whether each is the refund of another row or a sale refunded cannot be \
told, and counted it would be a sale) in row 3 (counting the header as row 1): 'X': write refunds as negative \
amounts, remove the sales refunded in full, and remove this column
    >>> check_refund_flags(pd.DataFrame({"Refund": ["", "12.50"], "is_refund": ["false", "no"]}), "o.csv")
    >>> check_refund_flags(pd.DataFrame({"Refund": ["", "Yes"]}), "o.csv", np.array([9.99, -9.99]))
    """
    from .names import keys_of

    for position, name in enumerate(map(str, df.columns)):
        if not {k.rstrip("?").strip("_") for k in keys_of(name)} & flags:
            continue
        column = df.iloc[:, position]
        codes, distinct = pd.factorize(_spelled(column))
        if not all(v in _TRUE or v in _FALSE for v in distinct):
            continue  # amounts (a refunded amount), reasons: no flag
        true = np.isin(np.asarray(distinct, dtype=object), list(_TRUE))
        flagged = true[codes] & (codes >= 0)
        if amounts is not None:  # a refund written as a negative amount: the flag repeats its sign
            flagged &= ~(np.asarray(amounts, dtype=np.float64) < 0)
        rows = np.flatnonzero(flagged)
        if rows.size:
            raise bad_rows(source, name, REFUND_FLAG_PROBLEM, rows, column.to_numpy(), advice=REFUND_FLAG_ADVICE)


#: A subscriptions file's credit notes and refunds by their document type (:func:`check_subscription_documents`).
CREDIT_NOTE_PROBLEM = "credit notes or refunds (by their document type) read as a month's MRR"
CREDIT_NOTE_ADVICE = (
    "a credit note is no month of a subscription: remove its rows and write each month's MRR after it (a month "
    "refunded in full: no row, or MRR 0), or remove this column if these rows are subscriptions' months"
)


def check_subscription_documents(df: pd.DataFrame, mrr: Any, names: Any, source: str) -> None:
    """Refuse a subscriptions file's rows that are credit notes or refunds: by a document type column
    (:data:`TYPE_NAMES` or ``Type``; :data:`CREDIT_NOTES`, :data:`REFUNDS`: ERPs and billing systems list credit notes
    with a positive amount, their type saying it is a credit) or a refund's flag (:func:`check_refund_flags`, ``mrr``
    the amounts: App Store Connect's ``Refund`` = Yes), naming the column and rows: read as a month's MRR, a credit
    note was one more paying month (H222's findings 01, 04: a customer who left counted as paying, churn 0).

    >>> df = pd.DataFrame({"Document Type": ["Invoice", "Credit Note"]})
    >>> check_subscription_documents(df, np.array([50.0, 50.0]), {}, "s.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'Document Type': credit notes or refunds (by their ...
    """
    from .names import key

    used = {str(c) for c in dict(names).values()}
    for position, name in enumerate(map(str, df.columns)):
        if name in used or (key(name) not in TYPE_NAMES and key(name) not in _SUBSCRIPTION_TYPE_NAMES):
            continue
        column = df.iloc[:, position]
        rows = np.flatnonzero(np.isin(_spelled(column), list(CREDIT_NOTES | REFUNDS | _SUBSCRIPTION_REFUNDS)))
        if rows.size:
            raise bad_rows(source, name, CREDIT_NOTE_PROBLEM, rows, column.to_numpy(), advice=CREDIT_NOTE_ADVICE)
    check_refund_flags(df, source, mrr, REFUND_FLAGS | _REFUNDED)  # 'Refunded' = Yes: a month refunded


#: A subscriptions file's type columns besides :data:`TYPE_NAMES`: a transaction's or an event's type (a billing
#: system's "Transaction Type" = Refund, a store's "Event Type" = refund).
_SUBSCRIPTION_TYPE_NAMES = frozenset({"type", "transaction_type", "event_type", "event", "transaction_kind", "kind"})
#: Its English types of a refund (a subscription's month has no refund of its own; in an orders file,
#: :mod:`.order_flags` and the refunds' negative amounts tell them).
_SUBSCRIPTION_REFUNDS = frozenset({"refund", "refunded", "refund_issued", "chargeback", "charge_back", "reversal",
                                   "reversed"})  # fmt: skip
#: A subscription's month flagged refunded (``Refunded`` = Yes): in an orders file read by :mod:`.order_flags`.
_REFUNDED = frozenset({"refunded", "is_refunded", "fully_refunded"})


def check_sides(df: pd.DataFrame, source: str) -> None:
    """Refuse the credit side's rows of a debit/credit column holding both sides (see the module docstring).

    >>> check_sides(pd.DataFrame({"D/C": ["D", "D"]}), "o.csv")
    >>> check_sides(pd.DataFrame({"Soll/Haben-Kennzeichen": ["S", "H"]}), "o.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Soll/Haben-Kennzeichen': rows on the credit side ... 'H': ...
    """
    from .names import keys_of

    for position, name in enumerate(map(str, df.columns)):
        if not keys_of(name) & SIDE_NAMES:
            continue
        column = df.iloc[:, position]
        said = _spelled(column)
        credit = np.isin(said, list(_CREDIT_SIDE))
        if credit.any() and np.isin(said, list(_DEBIT_SIDE)).any():
            raise bad_rows(source, name, SIDE_PROBLEM, np.flatnonzero(credit), column.to_numpy(), advice=SIDE_ADVICE)


def named_as_marks(name: Any) -> bool:
    """Whether a column's name is a document type's, a debit/credit side's, a refund flag's or an amount after refunds
    (a database table holding one is read as a file's, by these rules)."""
    from .names import keys_of

    keys = {k.rstrip("?").strip("_") for k in keys_of(name)}
    adjusted = any(w in k for k in keys for w in _ADJUSTED)  # Etsy's Adjusted Order Total
    return adjusted or bool(keys & (SIDE_NAMES | REFUND_FLAGS | TYPE_NAMES))


#: Words beside an amount's name that say the amount after refunds or changes: Etsy's "Adjusted Order Total".
_ADJUSTED = ("adjusted", "after_refunds", "after_refund", "net_of_refunds", "angepasst", "korrigiert", "ajusté",
             "ajuste", "ajustado", "rettificato")  # fmt: skip
ADJUSTED_PROBLEM = (
    "amounts adjusted after the sale that differ from {amount!r} (Etsy's 'Adjusted Order Total' is the amount kept "
    "after refunds: counted at {amount!r} a refund would be ignored): read the amount kept, --columns "
    "amount={column!r} (an order refunded in full is then no purchase), or remove this column where {amount!r} is right"
)


def check_adjusted_amounts(df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str,
                           read_numbers: Any) -> None:  # fmt: skip
    """Refuse the rows whose amount after refunds or changes (a column named as the mapped amount "adjusted": Etsy's
    "Adjusted Order Total" beside "Order Total") differs from the amount, naming that column and the rows. The
    amount's name followed by "adjusted" (Chargebee's "Amount Adjusted") is the part adjusted, not the amount after
    it: :func:`~.written_off.check_written_off` reads it.

    >>> frame = pd.DataFrame({"Order Total": ["48", "48"], "Adjusted Order Total": ["48", "0.00"]})
    >>> check_adjusted_amounts(frame, {"amount": np.array([48.0, 48.0])}, {"amount": "Order Total"}, "o.csv",
    ...                        lambda s, c: pd.to_numeric(s).to_numpy())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Adjusted Order Total': amounts adjusted ... '0.00'
    """
    from .names import key

    if "amount" not in typed or "amount" not in names:
        return
    said = key(names["amount"])
    for position, name in enumerate(map(str, df.columns)):
        other = key(name)
        if other == said or said not in other or not any(w in other for w in _ADJUSTED):
            continue
        if other == said + "_adjusted":  # Chargebee's 'Amount Adjusted': the part credited (reading.written_off)
            continue
        adjusted = np.asarray(read_numbers(df.iloc[:, position], name), dtype=np.float64)
        listed = list(map(str, df.columns))  # the amount as written: typed's may be net of its tax and shipping
        own = listed.index(str(names["amount"])) if listed.count(str(names["amount"])) == 1 else None
        amount = np.asarray(typed["amount"] if own is None else read_numbers(df.iloc[:, own], names["amount"]),
                            dtype=np.float64)  # fmt: skip
        differ = np.flatnonzero(~np.isnan(adjusted) & ~np.isnan(amount) & (np.abs(adjusted - amount) > 0.005))
        if differ.size:
            problem = ADJUSTED_PROBLEM.format(amount=names["amount"], column=name)
            raise bad_rows(source, name, problem, differ, df.iloc[:, position].to_numpy())
