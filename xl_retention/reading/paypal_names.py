"""PayPal's activity download in a German account: its column names, transaction types and statuses in English.

PayPal localizes the download: a German account's file says "Datum", "Typ", "Brutto", "Gebühr", "Netto",
"Absender E-Mail-Adresse", "Transaktionscode", "Zugehöriger Transaktionscode", types such as "Website-Zahlung" and
"Rückzahlung", the status "Abgeschlossen", and amounts with decimal commas ("1.234,56"). :mod:`.paypal` reads it as
the English download through these tables (the file's own names stay in every message).

Source: PayPal documents the download's fields and values in English only (developer.paypal.com, "Reports reference:
Changed-Download Fields" and "T-Codes"); no PayPal page lists the German names. The names here are those of real
German downloads as open-source importers read them (beancount-paypal's ``lang.de`` maps each German column to its
English one; others hold German downloads' full 41-column header and rows). Only the types and statuses seen in such
files are here: any other German type or status is refused naming its rows, as an English one not known is.
"""

from __future__ import annotations

__all__ = ["GERMAN_COLUMNS", "GERMAN_STATUSES", "GERMAN_TYPES", "PAYPAL_GROSS", "in_english"]

#: ``attrs`` key of the orders read from PayPal's download: its Gross ("Brutto") column's name, the payment before
#: PayPal's fee ("Netto" is after it): a word about the fee, not about tax (:mod:`.tax_flags`).
PAYPAL_GROSS = "paypal_gross"

#: A German download's column names (as :func:`~.names.key` spells them): the English download's.
GERMAN_COLUMNS = {
    "datum": "date", "uhrzeit": "time", "zeitzone": "timezone", "typ": "type", "währung": "currency",
    "brutto": "gross", "gebühr": "fee", "netto": "net", "absender_e_mail_adresse": "from_email_address",
    "empfänger_e_mail_adresse": "to_email_address", "transaktionscode": "transaction_id",
    "zugehöriger_transaktionscode": "reference_txn_id",
    "versand_und_bearbeitungsgebühr": "shipping_and_handling_amount",
    "umsatzsteuer": "sales_tax", "guthaben": "balance", "auswirkung_auf_guthaben": "balance_impact",
}  # fmt: skip
#: German transaction types (lower case): the English type they are.
GERMAN_TYPES = {
    "website-zahlung": "website payment", "express-zahlung": "express checkout payment",
    "paypal express-zahlung": "express checkout payment", "handyzahlung": "mobile payment",
    "allgemeine zahlung": "general payment", "spendenzahlung": "donation payment",
    "zahlung im einzugsverfahren mit zahlungsrechnung": "preapproved payment bill user payment",
    "rückzahlung": "payment refund",
    "allgemeine währungsumrechnung": "general currency conversion",
    "bankgutschrift auf paypal-konto": "bank deposit to pp account", "allgemeine abbuchung": "general withdrawal",
    "auszahlung auf das bankkonto": "withdraw funds to bank account",
    "rückbuchung allgemeiner einbehaltung": "reversal of general account hold",
    "einbehaltung für offene autorisierung": "account hold for open authorization",
}  # fmt: skip
#: German statuses (lower case): the English status.
GERMAN_STATUSES = {"abgeschlossen": "completed", "ausstehend": "pending"}


def in_english(words: object, table: dict[str, str]) -> object:
    """``words`` (a lower-case type or status) in English where ``table`` (German) says it, else as it is."""
    return table.get(words, words) if isinstance(words, str) else words
