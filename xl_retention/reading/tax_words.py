"""The words of a column's name that say a tax, an amount before or after tax, and the tax rates a tax is read at
(:mod:`xl_retention.reading.taxes`, docs/metrics.md "MRR is net of tax").

>>> sorted(TAX_WORDS & {"vat", "mwst", "rate"}), sorted(NET_WORDS & {"subtotal", "total"}), "total" in GROSS_WORDS
(['mwst', 'vat'], ['subtotal'], True)
"""

from __future__ import annotations

import numpy as np

__all__ = ["GROSS_WORDS", "NET_WORDS", "NOT_AMOUNT_WORDS", "RATES", "TAX_WORDS"]

#: Words of a column's name that say a tax (English, German, French, Spanish, Italian, Dutch, Nordic, Slavic).
TAX_WORDS = frozenset({
    "tax", "taxes", "vat", "mwst", "ust", "mehrwertsteuer", "umsatzsteuer", "steuer", "steuern", "tva", "taxe", "iva",
    "impuesto", "impuestos", "imposta", "imposte", "gst", "hst", "pst", "qst", "btw", "moms", "alv", "dph", "pdv",
    "salestax", "vatamount", "taxamount",
})  # fmt: skip
#: Words that say the column is not a tax amount: an id, a rate, a flag, a place, an amount before or after tax.
NOT_AMOUNT_WORDS = frozenset({
    "id", "ids", "number", "no", "nr", "code", "rate", "rates", "percent", "percentage", "pct", "exempt", "exemption",
    "country", "region", "state", "province", "type", "behavior", "behaviour", "status", "category", "jurisdiction",
    "name", "included", "inclusive", "exclusive", "excluded", "registration", "treatment", "excl", "excluding", "incl",
    "including", "inkl", "exkl", "without", "with", "before", "after", "pre", "post", "net", "netto", "gross", "brutto",
    "ht", "ttc", "ohne", "mit", "sans", "sin", "con", "avec", "less", "plus", "satz", "taux", "tasa", "aliquota",
    "zone", "class", "location", "address", "identifier", "vatin", "free", "taxable", "mode", "method", "flag",
    "ex", "exc", "inc",  # BigCommerce's "Order Total (ex tax)", "Subtotal (inc tax)"
    "discount", "discounts", "coupon",  # WooCommerce's cart_discount_tax: the tax a discount took off, not charged
})  # fmt: skip
NET_WORDS = frozenset({"net", "netto", "subtotal", "sub", "excl", "excluding", "exkl", "ohne", "ht", "pretax", "pre",
                      "before", "sans", "sin", "without", "ex", "exc"})  # fmt: skip
GROSS_WORDS = frozenset({"gross", "brutto", "incl", "including", "inkl", "inclusive", "ttc", "total", "due", "paid",
                        "charged", "con", "avec", "mit", "inc"})  # fmt: skip
#: Tax rates: 0.5 % to 27 % in steps of 0.25 %, and rates off that grid (US, Canada, Switzerland, Japan ...).
RATES = np.unique(np.concatenate([np.arange(2, 109) * 0.0025, [0.026, 0.037, 0.038, 0.077, 0.081, 0.04712, 0.08875,
                                                               0.09975, 0.14975]]))  # fmt: skip
