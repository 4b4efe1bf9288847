"""Amounts converted to one currency at each row's rate: exchange-rate moves read as expansion and contraction.

A file whose money column holds amounts converted to one reporting currency (Stripe's "Converted Amount" in its
"Converted Currency", an ``MRR (USD)`` or ``mrr_usd`` column) beside a currency column of the amounts' own
currencies (Stripe's "Currency": EUR, GBP) was converted at each payment's or month's rate. A customer paying 100 EUR
every month then pays 108 USD in one month and 106 USD in the next: the tables show a contraction of 2 USD that no
customer made (docs/metrics.md, "Currencies"). The import reads the amounts as they are (which rate is right is the
user's choice) and says so in a note (:func:`note_converted_amounts`), with the range of rates where the file holds
the amounts in their own currency too (Stripe's "Amount" beside "Converted Amount"); where those show one rate per
currency (converted at a fixed rate), no note.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["note_converted_amounts"]

CONVERTED = (
    "{source}: {money!r} holds amounts converted to {code} from other currencies ({column!r}: {others}){rates}: "
    "moves of the exchange "
    "rates between months show as expansion and contraction (more or less revenue) that no customer made; to see "
    "the figures without them, convert the amounts at one rate per currency first"
)


def note_converted_amounts(df: pd.DataFrame, source: str, money: str | None) -> None:
    """Say in a note (:func:`~.notes.note`) that the money column ``money`` of ``df`` holds amounts converted to one
    currency from others at each row's rate (see the module docstring); nothing where it does not, or where the
    amounts in their own currency beside it show one rate per currency."""
    from .currency import _codes, codes_column, named_code, named_currency, paired_currency
    from .notes import note

    if money is None:
        return
    names = list(map(str, df.columns))
    if names.count(str(money)) != 1:
        return
    code = named_code(money)
    paired = paired_currency(names, money)
    if code is None:
        if len(paired) != 1:
            return
        codes = _codes(df[paired[0]])
        if len(codes) != 1:
            return  # several currencies in its own column: refused (reading.currency)
        code = codes[0]
    for column in names:
        if column in paired or column == str(money):
            continue
        values = df[column]
        if not named_currency(column) and not codes_column(list(pd.unique(values.to_numpy())[:50])):
            continue
        others = [c for c in _codes(values) if c != code]
        if not others or not all(len(c) == 3 and c.isalpha() for c in others):
            continue
        rates = _rates(df, names, column, money, code)
        if rates == "":
            continue  # one rate per currency: converted at a fixed rate
        note(CONVERTED.format(source=source, money=str(money), code=code, column=column, others=", ".join(others),
                              rates=rates or ""))  # fmt: skip
        return


def _rates(df: pd.DataFrame, names: list[str], currency: str, money: str, code: str) -> str | None:
    """The range of rates of each currency of ``currency`` other than ``code``, as the amounts in their own currency
    (the amount column that goes with ``currency`` by name) and the converted ones (``money``) show it: " (EUR at
    1.0612 to 1.1034)"; "" where each currency has one rate; None where the file does not show them."""
    from .currency import paired_currency
    from .names import key

    own = [n for n in names if n != money and paired_currency(names, n) == [currency]]  # 'Amount' by 'Currency'
    if not own:  # 'MRR' beside 'MRR (USD)', 'mrr' beside 'mrr_usd': the same name without the code
        bare = re.sub(rf"(?:^|_)\(?{code.lower()}\)?(?:_|$)", "_", key(money)).strip("_")
        own = [n for n in names if n != money and key(n) == bare]
    if len(own) != 1:
        return None
    original = pd.to_numeric(df[own[0]], errors="coerce").to_numpy(dtype=np.float64)
    converted = pd.to_numeric(df[money], errors="coerce").to_numpy(dtype=np.float64)
    which = df[currency].astype(object).where(df[currency].notna(), "").astype(str).str.strip().str.upper()
    usable = np.isfinite(original) & np.isfinite(converted) & (np.abs(original) > 0) & (which != code).to_numpy()
    if not usable.any():
        return None
    frame = pd.DataFrame({"c": which.to_numpy()[usable], "rate": converted[usable] / original[usable]})
    spread = frame.groupby("c")["rate"].agg(["min", "max"])
    drifting = spread[spread["max"] > spread["min"] * 1.001]
    if drifting.empty:
        return ""
    said = ", ".join(f"{c} at {row['min']:.4f} to {row['max']:.4f}" for c, row in drifting.head(3).iterrows())
    return f", at rates that move ({said} {code} each)"
