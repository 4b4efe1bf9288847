"""Amounts converted to one currency at each row's rate: exchange-rate moves read as expansion and contraction.

A file whose money column holds amounts converted to one reporting currency (Stripe's "Converted Amount" in its
"Converted Currency", an ``MRR (USD)`` or ``mrr_usd`` column) beside a currency column of the amounts' own
currencies (Stripe's "Currency": EUR, GBP) was converted at each payment's or month's rate. A customer paying 100 EUR
every month then pays 108 USD in one month and 106 USD in the next: the tables show a contraction of 2 USD that no
customer made (docs/metrics.md, "Currencies"). The import reads the amounts as they are (which rate is right is the
user's choice) and says so in a note (:func:`note_converted_amounts`), with the range of rates where the file holds
the amounts in their own currency too (Stripe's "Amount" beside "Converted Amount"); where those show one rate per
currency (converted at a fixed rate), no note. A tax, shipping or refund beside such amounts that is written in each
row's own currency cannot be taken off them: refused (:func:`refuse_in_other_currency`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["converted_currency", "note_converted_amounts", "refuse_in_other_currency"]

CONVERTED = (
    "{source}: {money!r} holds amounts converted to {code} from other currencies ({column!r}: {others}){rates}: "
    "moves of the exchange "
    "rates between months show as expansion and contraction (more or less revenue) that no customer made; to see "
    "the figures without them, convert the amounts at one rate per currency first"
)


def converted_currency(df: pd.DataFrame, money: str | None) -> tuple[str, str, list[str]] | None:
    """Whether the money column ``money`` of ``df`` holds amounts converted to one currency from others: (its code,
    the column of the amounts' own currencies, the other codes there), as ``('USD', 'Currency', ['EUR'])`` for a
    FastSpring 'Total (USD)' beside 'Currency'; None where it does not (or cannot be told).

    >>> df = pd.DataFrame({"Total (USD)": [100.0, 128.52], "Currency": ["USD", "EUR"], "Total": [100.0, 119.0]})
    >>> converted_currency(df, "Total (USD)"), converted_currency(df, "Total")
    (('USD', 'Currency', ['EUR']), None)
    """
    from .currency import _codes, codes_column, named_code, named_currency, paired_currency

    if money is None:
        return None
    names = list(map(str, df.columns))
    if names.count(str(money)) != 1:
        return None
    code = named_code(money)
    paired = paired_currency(names, money)
    if code is None:
        if len(paired) != 1:
            return None
        codes = _codes(df[paired[0]])
        if len(codes) != 1:
            return None  # several currencies in its own column: refused (reading.currency)
        code = codes[0]
    for column in names:
        if column in paired or column == str(money):
            continue
        values = df[column]
        if not named_currency(column) and not codes_column(list(pd.unique(values.to_numpy())[:50])):
            continue
        others = [c for c in _codes(values) if c != code]
        if others and all(len(c) == 3 and c.isalpha() for c in others):
            return code, column, others
    return None


def note_converted_amounts(df: pd.DataFrame, source: str, money: str | None) -> None:
    """Say in a note (:func:`~.notes.note`) that the money column ``money`` of ``df`` holds amounts converted to one
    currency from others at each row's rate (see the module docstring); nothing where it does not, or where the
    amounts in their own currency beside it show one rate per currency."""
    from .notes import note

    converted = converted_currency(df, money)
    if converted is None:
        return
    code, column, others = converted
    rates = _rates(df, list(map(str, df.columns)), column, str(money), code)
    if rates == "":
        return  # one rate per currency: converted at a fixed rate
    note(CONVERTED.format(source=source, money=str(money), code=code, column=column, others=", ".join(others),
                          rates=rates or ""))  # fmt: skip


def refuse_in_other_currency(
    df: pd.DataFrame, money: str, column: str, rows: np.ndarray, source: str, what: str, part: str = "tax"
) -> None:
    """Refuse a tax, shipping or refunds column ``column`` beside amounts ``money`` converted to one currency
    (:func:`converted_currency`) when it is not named in that currency and rows ``rows`` (those with a tax) are in
    another: the tax of a FastSpring order in EUR is written in EUR beside its 'Total (USD)', and 19.00 EUR taken off
    128.52 USD as if it were dollars overstated revenue by the tax times the rate's difference (H508's finding 02).
    Nothing where the amounts are not converted or every taxed row is in the amounts' currency. ``part``: "tax", or
    "shipping" for a shipping column, "refunds" for a refunded amount (the same fault: its euros taken off as dollars;
    H513's 03)."""
    from .currency import named_code, paired_currency

    converted = converted_currency(df, money)
    if converted is None or named_code(column) == converted[0]:
        return
    names = list(map(str, df.columns))
    paired = paired_currency(names, money)
    if paired and paired_currency(names, column) == paired:  # Paddle's 'balance_tax' by 'balance_currency', as
        return  # 'balance_gross' is: in the amounts' currency
    code, currency, _ = converted
    which = df[currency].astype(object).where(df[currency].notna(), "").astype(str).str.strip().str.upper()
    foreign = [int(r) for r in rows if which.iloc[int(r)] not in ("", code)]
    if not foreign:
        return
    from .errors import DataError, row_of, show, source_of
    from .names import columns_option

    first = foreign[0]
    where = row_of(source_of(df, source), first)
    own = _own_amounts(list(map(str, df.columns)), currency, money, code)
    option = columns_option([("mrr" if what == "MRR" else "amount", own or "NAME")])  # 'mrr=mrr' (H513's 08)
    raise DataError(
        f"{source}: column {column!r} holds {'taxes' if part == 'tax' else part} in each row's own currency "
        f"({currency!r}: {show(df[currency].iloc[first])} in {where}, {part} {show(df[column].iloc[first])}) beside "
        f"{money!r} converted to {code} ({show(df[money].iloc[first])}); {what} is net of {part}, and {part} in "
        f"another currency cannot be taken off it: map the amount in the rows' own currency "
        f"({option}) and import with --segment {currency!r} (one table per "
        f"currency), or add the {part} in {code} as a column of its own",
        source=source,
        column=column,
    )


def _own_amounts(names: list[str], currency: str, money: str, code: str) -> str | None:
    """The column of the amounts in their own currency beside ``money`` converted to ``code``: the amount column that
    goes with ``currency`` by name ('Amount' by 'Currency'), else ``money``'s name without the code ('Total' beside
    'Total (USD)', 'mrr' beside 'mrr_usd'); None where there is not one."""
    from .currency import paired_currency
    from .names import key

    own = [n for n in names if n != money and paired_currency(names, n) == [currency]]
    if not own:
        bare = re.sub(rf"(?:^|_)\(?{code.lower()}\)?(?:_|$)", "_", key(money)).strip("_")
        own = [n for n in names if n != money and key(n) == bare]
    return own[0] if len(own) == 1 else None


def _rates(df: pd.DataFrame, names: list[str], currency: str, money: str, code: str) -> str | None:
    """The range of rates of each currency of ``currency`` other than ``code``, as the amounts in their own currency
    (the amount column that goes with ``currency`` by name) and the converted ones (``money``) show it: " (EUR at
    1.0612 to 1.1034)"; "" where each currency has one rate; None where the file does not show them."""
    own = _own_amounts(names, currency, money, code)
    if own is None:
        return None
    original = pd.to_numeric(df[own], errors="coerce").to_numpy(dtype=np.float64)
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
