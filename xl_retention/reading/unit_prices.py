"""What an order's amount says it is by its name, beside a quantity column: one unit's price, the line's, or a price.

An orders export with a quantity column writes each line's money as one unit's price, as the line's total, or both.
Which one the amount column is decides whether the quantity multiplies it, and only its name tells
(:func:`price_kind`, in the languages the import knows):

* ``"unit"``: the name says one unit ("Unit Price", ``UnitAmount``, "Unit Cost", "Preço unitário", "Prix unitaire",
  "Precio por unidad", ``Einzelpreis``, ``Stückpreis``, "Price each", Shopify's "Lineitem price"): multiplied by the
  quantity;
* ``"line"``: the name says the line's total ("Total", "Line Total", "Total Price", ``Gesamtpreis``, "Prezzo
  totale"), or is Amazon's ``item-price`` (the price of the item's quantity, as its report documents): taken as it is;
* ``"price"``: the name says a price or a cost and nothing more ("Price", "Item Price", "Sale Price", "Item Cost",
  "Cost", ``Artikelpreis``, ``Verkaufspreis``, "Prix", "Precio", "Preço", "Prijs", "Costo"): one unit's or the line's
  cannot be told, so quantities other than 1 beside it are refused, naming both columns, unless an order's total
  beside it tells (:func:`told_by_totals`: "Order Total" 40 on a line of 2 at "Item Cost" 40 says the line's);
* ``""``: any other amount ("Amount", "Betrag", "Montant"): the line's, taken as it is.

>>> [price_kind(n) for n in ("Preço unitário", "Artikelpreis", "Item Price", "item-price", "Gesamtpreis", "Total")]
['unit', 'price', 'price', 'line', 'line', 'line']
>>> [price_kind(n) for n in ("Precio por unidad", "UnitAmount", "Item Cost", "Lineitem price", "Price each")]
['unit', 'unit', 'price', 'unit', 'unit']
>>> [price_kind(n) for n in ("Cost per item", "Preis pro Artikel", "Prix par article", "Preço por produto")]
['unit', 'unit', 'unit', 'unit']
"""

from __future__ import annotations

import unicodedata
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["price_kind", "told_by_totals", "unit_quantities"]

#: Words (accents dropped) that say one unit: "per unit", "prix par unité", "por unidad(e)", "each", "per stuk".
_UNIT_WORDS = frozenset({"each", "ea", "unidad", "unidade", "unite", "unita", "stuk", "stuck", "stueck", "stk",
                         "piece", "pc", "jednostkowa", "jednostkowy", "jednotkova"})  # fmt: skip
#: Beginnings of a word that say one unit: unit_price, UnitAmount, unitaire, unitario, Einzelpreis, Stückpreis.
_UNIT_STEMS = ("unit", "einzel", "stuckpreis", "stueckpreis", "stukprijs", "styckpris", "kappaleh")
#: "per" and what one item is called, in the languages the import knows: "Cost per item", "Preis je Artikel".
_PER = frozenset({"per", "pro", "je", "par", "por", "para"})
_ITEM = frozenset({"item", "article", "artikel", "articulo", "artigo", "articolo", "product", "produkt", "produit",
                   "producto", "produto", "prodotto"})  # fmt: skip
#: Beginnings of a word that say the line's total: total, totale, Gesamtpreis, Summe, subtotal, "line total".
_LINE_STEMS = ("total", "gesamt", "sum", "subtotal", "totaal")
#: Words (accents dropped) that say a price or a cost, and the endings of a compound that is one (Artikelpreis).
_PRICE_WORDS = frozenset({"price", "prices", "preis", "prix", "precio", "prezzo", "preco", "prijs", "pris", "cena",
                          "cost", "costs", "kosten", "cout", "couts", "costo", "custo", "tarif", "tarifa"})  # fmt: skip
_PRICE_ENDINGS = ("preis", "prijs", "pris", "kosten")


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def price_kind(name: Any) -> str:
    """``"unit"``, ``"line"``, ``"price"`` or ``""``: what the amount column ``name`` says it is (see the module
    docstring)."""
    from .names import key, words

    written = str(name).strip().lower()
    if written in ("item-price", "item_price"):  # Amazon's All Orders Report: the line's (its quantity's) price
        return "line"
    said = key(name)
    if "lineitem_price" in said or "line_item_price" in said or said in ("unit", "each", "rate"):  # Shopify's
        return "unit"
    found = {_unaccented(w) for w in words(name)}
    each = found & _PER and found & _ITEM  # "Cost per item", "Preis pro Artikel", "Prix par article"
    if found & _UNIT_WORDS or any(w.startswith(_UNIT_STEMS) for w in found) or "price_per" in said or each:
        return "unit"
    if any(w.startswith(_LINE_STEMS) for w in found) or "line" in found:
        return "line"
    if found & _PRICE_WORDS or any(w.endswith(_PRICE_ENDINGS) for w in found):
        return "price"
    return ""


def told_by_totals(
    df: pd.DataFrame, amounts: np.ndarray, count: np.ndarray, names: dict[str, str], read_numbers: Any
) -> str:
    """``"unit"`` or ``"line"`` where a total beside a price (:func:`price_kind` ``"price"``) tells which it is, else
    ``""``: the one unmapped column named as a total ("Order Total", "Line Total") holds, on every order (every row
    without an order id), the sum of its prices times their quantities and not the sum of its prices (``"unit"``),
    or the other way round (``"line"``). ``read_numbers(series, column)`` reads a number column (blanks allowed).

    >>> frame = pd.DataFrame({"Order": ["1", "1", "2"], "Order Total": ["50", "50", "40"]})
    >>> read = lambda series, column: pd.to_numeric(series).to_numpy(dtype=float)
    >>> prices, quantities = np.array([30.0, 20.0, 40.0]), np.array([1.0, 1.0, 2.0])
    >>> told_by_totals(frame, prices, quantities, {"order_id": "Order", "amount": "Cost"}, read)
    'line'
    >>> told_by_totals(frame, prices / [1, 1, 2], quantities, {"order_id": "Order", "amount": "Cost"}, read)
    'unit'
    """
    mapped = set(names.values())
    totals = [p for p, c in enumerate(df.columns) if str(c) not in mapped and price_kind(c) == "line"]
    if len(totals) != 1:
        return ""
    try:
        total = np.asarray(read_numbers(df.iloc[:, totals[0]], str(df.columns[totals[0]])), dtype=np.float64)
    except ValueError:  # not numbers (a DataError is one): it tells nothing
        return ""
    order = names.get("order_id")
    groups = df[order].to_numpy(dtype=object) if order in df.columns else np.arange(len(df))
    frame = pd.DataFrame({"g": groups, "unit": amounts * count, "line": amounts, "total": total})
    summed = frame.groupby("g", sort=False, dropna=False).agg(unit=("unit", "sum"), line=("line", "sum"),
                                                              total=("total", "max"))  # fmt: skip
    if summed["total"].isna().any():
        return ""
    unit = np.isclose(summed["unit"], summed["total"], rtol=0, atol=0.005).all()
    line = np.isclose(summed["line"], summed["total"], rtol=0, atol=0.005).all()
    return "unit" if unit and not line else "line" if line and not unit else ""


def unit_quantities(df: pd.DataFrame, names: Any, read: Any, amount: str | None = None) -> np.ndarray | None:
    """The quantity of each row (blank: 1) where the amount (``amount``, else ``names["amount"]``) is named as one
    unit's price (:func:`price_kind` ``"unit"``, or App Store Connect's per-unit proceeds) beside a quantity column
    not mapped (as :func:`~.order_columns.priced_by_quantity` multiplies it later); None otherwise. ``read(series,
    column)`` reads a number column. An order's tax on each of its item rows is a rate of its lines' prices times
    their quantities (H508's finding 04: 6.40 is 8 % of 1 x 30.00 + 2 x 25.00, not of 30.00 + 25.00).

    >>> frame = pd.DataFrame({"Lineitem price": ["30.00", "25.00"], "Lineitem quantity": ["1", "2"]})
    >>> read = lambda s, c: pd.to_numeric(s, errors="coerce").to_numpy()
    >>> unit_quantities(frame, {"amount": "Lineitem price"}, read).tolist()
    [1.0, 2.0]
    >>> unit_quantities(frame.rename(columns={"Lineitem price": "Total"}), {"amount": "Total"}, read) is None
    True
    """
    from .order_columns import _QUANTITY_WORDS, name_words
    from .store_units import per_unit_amount

    amount = str(names["amount"]) if amount is None else amount
    if price_kind(amount) != "unit" and not per_unit_amount(df.columns, amount):
        return None
    mapped = {str(v) for v in names.values()}
    found = [p for p, c in enumerate(df.columns) if str(c) not in mapped
             and any(w.startswith(_QUANTITY_WORDS) for w in name_words(c))]  # fmt: skip
    if not found:
        return None
    count = read(df.iloc[:, found[0]], str(df.columns[found[0]]))
    if count is None:  # no numbers: refused where the amount is multiplied (priced_by_quantity)
        return None
    count = np.asarray(count, dtype=np.float64)
    return np.where(np.isnan(count), 1.0, count)
