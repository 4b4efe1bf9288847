"""Rows of a one-time charge in a subscriptions file: paid once, never recurring revenue.

A billing system's subscription items or invoice lines (Chargebee's item prices: plans, add-ons and *charges*;
Stripe's invoice lines; Zuora's rate plan charges of type ``OneTime``) hold one row per item of a subscription, and
some items are paid once: a setup, onboarding, installation or implementation fee. Read as items of the subscription
(their MRRs added up), such a fee counted as MRR in every month of the subscription's life (a 500 setup fee beside a
100 plan: MRR 600 for ever; in a snapshots file, a 500 contraction the month after). MRR is recurring revenue
(docs/metrics.md), so in a subscriptions file a row with an amount other than 0 is refused, naming the rows, where

* a column naming the item (``item``, ``Plan``, ``Product``, ``Description``, ``Charge Name``) says a one-time
  charge: "Setup fee", "Onboarding (one-time)", "Installation", "Implementation", "One-off", ``Einrichtungsgebühr``,
  ``einmalig``, "Frais de mise en service", "Instalación", "una tantum", ``eenmalig``;
* or a column of the item's or charge's type says so: ``one_time`` (Stripe's price type), ``OneTime`` (Zuora's
  "Charge Type"), ``charge`` (Chargebee's ``item_type``), ``non_recurring``.

Remove those rows (the fee is revenue of its month, not MRR), or rename an item that does recur.

Such a row with an amount of 0 or none (Zuora gives a ``OneTime`` charge's ``Rate Plan Charge: MRR`` as 0, its
fee in its TCV) is no MRR at all: it is left out with a note (:func:`without_unpaid_one_time_items`; it was refused
as a subscription that ended with MRR 0, which it never was).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ._distinct import factorize, text_codes
from .errors import bad_rows, numbered, row_number, rows_named, source_of
from .names import keys_of
from .notes import note
from .number_texts import zero_texts

__all__ = ["refuse_one_time_items", "without_unpaid_one_time_items"]

#: Words of an item's name that say a charge paid once.
_ONE_TIME = re.compile(
    r"(?i)(?<![a-z])(?:set[\s_-]?up|one[\s_-]?time|one[\s_-]?off|onboarding|installation|implementation|einmalig|"
    r"einrichtung|mise en service|frais d'installation|instalaci[oó]n|puesta en marcha|una tantum|eenmalig|"
    r"installatie|non[\s_-]?recurring)"
)
#: Names (as :func:`~.names.keys_of` spells them) of a column of an item's or a charge's type, and the types in it
#: that say a charge paid once (spelled lower case, spaces and hyphens as ``_``).
_TYPE_COLUMNS = frozenset({"item_type", "charge_type", "price_type", "line_type", "line_item_type", "billing_type",
                           "pricing_type", "recurrence", "item_price_type", "chargetype", "type"})  # fmt: skip
_ONCE_TYPES = frozenset({"one_time", "onetime", "one_off", "oneoff", "non_recurring", "nonrecurring", "einmalig"})
#: Chargebee's item types: ``plan``, ``addon`` and ``charge`` (a one-time charge), told apart only in ``item_type``
_CHARGEBEE = frozenset({"plan", "addon", "charge"})

PROBLEM = (
    "rows of a one-time charge (a setup, onboarding or installation fee is paid once: MRR is recurring revenue, and "
    "counted as an item of the subscription it would add to its MRR every month)"
)
#: What to do about :data:`PROBLEM`, after its rows and values (:func:`~.errors.bad_rows`'s ``advice``).
ADVICE = "remove those rows, or rename an item that does recur"


def _spelled(values: np.ndarray) -> np.ndarray:
    text = pd.Series(values, dtype=object).astype(str).str.strip().str.lower()
    return text.str.replace(r"[\s\-]+", "_", regex=True).to_numpy()


def _paying(amounts: pd.Series) -> np.ndarray:
    """Whether each amount of ``amounts`` is other than 0 (filled, not a number equal to 0), by its distinct values.

    >>> _paying(pd.Series(["100", " 0 ", None, "", "0.00", "n/a", "100"], dtype="str")).tolist()
    [True, False, False, False, False, True, True]
    >>> _paying(pd.Series([0.0, 5.0, float("nan")])).tolist()
    [False, True, False]
    >>> _paying(pd.Series([0, False, None], dtype=object)).tolist()
    [False, True, False]
    """
    if amounts.dtype == object:  # Python objects: 0 and False one distinct value, two texts
        codes, texts = text_codes(amounts)
    else:  # text (Arrow's hash) or numbers
        codes, uniques = factorize(amounts)
        texts = np.array([*(str(v).strip() for v in uniques), ""], dtype=object)
    text = pd.Series(texts, dtype=object)
    said = ~((text == "") | (pd.to_numeric(text, errors="coerce") == 0)).to_numpy() & ~zero_texts(text)  # '0,00'
    return said[codes]  # -1 (missing): the last, ""


def refuse_one_time_items(df: pd.DataFrame, names: Mapping[str, str], source: str) -> dict[str, np.ndarray]:
    """Refuse the rows of a subscriptions file (``df``; ``names``: ours -> its columns) that a column naming the item
    or its type says are a one-time charge, with an amount other than 0 (see the module docstring). Returns the
    one-time rows left (their amount 0 or none: no MRR), by the column that says it (its name -> a mask of rows).

    >>> frame = pd.DataFrame({"item": ["Pro plan", "Setup fee"], "mrr": ["100", "500"]})
    >>> refuse_one_time_items(frame, {"mrr": "mrr"}, "s.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'item': rows of a one-time charge (a setup, onboarding or \
installation fee is paid once: MRR is recurring revenue, and counted as an item of the subscription it would add to \
its MRR every month) in row 3 (counting the header as row 1): 'Setup fee': remove those rows, or rename an item that \
does recur
    """
    from .subscription_items import _naming

    titles = [str(c) for c in df.columns]
    used = {v for k, v in names.items() if k not in ("segment",)}
    money = names.get("mrr", names.get("amount"))
    paying = None
    unpaid: dict[str, np.ndarray] = {}
    for position, name in enumerate(titles):
        naming = _naming(name) and name not in used
        typed = bool(keys_of(name) & _TYPE_COLUMNS) and name not in used
        if not (naming or typed):
            continue
        codes, uniques = factorize(df.iloc[:, position])
        if not len(uniques):
            continue
        once = np.zeros(len(uniques), dtype=bool)
        if naming:
            once |= np.array([isinstance(v, str) and _ONE_TIME.search(v) is not None for v in uniques], dtype=bool)
        if typed:
            said = _spelled(uniques)
            once |= np.isin(said, list(_ONCE_TYPES))
            if "item_type" in keys_of(name) and set(said) <= _CHARGEBEE:
                once |= said == "charge"
        if not once.any():
            continue
        rows = np.isin(codes, np.flatnonzero(once))
        if money is not None and money in titles:
            if paying is None:
                paying = _paying(df.iloc[:, titles.index(money)])
            unpaid[name] = rows & ~paying
            rows &= paying
        if rows.any():
            raise bad_rows(source, name, PROBLEM, np.flatnonzero(rows), df.iloc[:, position].to_numpy(), advice=ADVICE)
    return {name: rows for name, rows in unpaid.items() if rows.any()}


def without_unpaid_one_time_items(
    df: pd.DataFrame, out: pd.DataFrame, names: Mapping[str, str], source: str
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """``df`` (a subscriptions file) and ``out`` (its columns read as ours) without the rows of a one-time charge
    whose amount is 0 or none (Zuora's ``OneTime`` charges: MRR 0), with a note naming them, and the ``source``
    naming the rows kept by their rows in the file; rows of a one-time charge with an amount are refused
    (:func:`refuse_one_time_items`). ``df``, ``out`` and ``source`` as they are where there is none.

    >>> frame = pd.DataFrame({"id": ["a", "a"], "Charge Type": ["Recurring", "OneTime"], "mrr": ["100", "0"]})
    >>> kept, _, where = without_unpaid_one_time_items(frame, frame, {"mrr": "mrr"}, "s.csv")
    >>> kept["Charge Type"].tolist(), str(where), where.file_rows.tolist()
    (['Recurring'], 's.csv', [2])
    """
    found = refuse_one_time_items(df, names, source)
    if not found:
        return df, out, source
    left = np.logical_or.reduce(list(found.values()))
    rows = np.flatnonzero(left)
    said = []
    for name, mask in found.items():  # each column that says it, with its first values
        values = list(dict.fromkeys(str(v).strip() for v in df[name].to_numpy()[mask]))
        said.append(f"{name!r} {', '.join(map(repr, values[:3]))}{', ...' if len(values) > 3 else ''}")
    shown = rows_named(source, rows[:5]) + (" ..." if len(rows) > 5 else "")
    note(
        f"{source}: {len(rows)} row(s) of a one-time charge with no MRR ({'; '.join(said)}) left out, {shown}: a "
        "one-time charge is paid once, not recurring revenue"
    )
    kept = np.flatnonzero(~left)
    file_rows = tuple(row_number(source, int(p)) for p in kept) if numbered(source) else None
    frames = []
    for frame in (df, out):
        part = frame.iloc[kept]
        part.attrs = dict(frame.attrs)
        if file_rows is not None:  # a frame's rows keep their index labels, a table's their values
            part.attrs["file_rows"] = file_rows
        frames.append(part)
    return (
        frames[0],
        frames[1],
        source_of(frames[0], str(source)) if file_rows is not None else source_of(frames[0], source),
    )
