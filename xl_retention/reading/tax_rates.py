"""A column of tax RATES beside the amount ("Tax rate", Stripe's legacy "Tax Percent", ``tax_percent``, "VAT Rate"):
whether the amounts include the tax cannot be told from a rate.

MRR and an orders file's revenue are net of tax (docs/metrics.md). A column of tax amounts is read by :mod:`.taxes`,
flags and tax modes by :mod:`.tax_flags`; a column of rates was not read at all, so amounts that include a 19 % VAT
counted the VAT as revenue (MRR 357 for 300, exit 0, H78 finding 05), where the same 19 under ``VAT %`` was refused.
Now a rate column with a rate above 0 on a row with an amount is refused, naming it and the row, unless the money
column's name says it is before tax (``net``, ``netto``, ``subtotal``, "excl. VAT", ``HT``: :data:`.taxes._NET`).
Stripe's legacy subscriptions export ("Tax Percent" beside its "... (UTC)" dates) adds the tax on top of the plan's
amount (its API's ``tax_percent``: "calculated and added as tax to the final amount"): its amounts are before tax, kept
with a note. Read on the column's numbers; a column that holds no number (a rate "19%" is read as 19) is left to the
others.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError
from .names import columns_option
from .names import words as _words

__all__ = ["rate_columns", "refuse_untold_rates"]

#: Words of a column's name that say a rate (with a word of a tax: "Tax rate", "VAT %", "Steuersatz" is one word).
_RATE = frozenset({"rate", "rates", "percent", "percentage", "pct", "satz", "taux", "tasa", "aliquota", "tarief"})


def rate_columns(columns: Any, names: Mapping[str, str]) -> list[str]:
    """The columns not used (``names``: ours -> theirs) whose name says a tax rate.

    >>> rate_columns(["amount", "Tax rate", "Tax Percent", "tax_percent", "VAT", "Tax Behavior"], {})
    ['Tax rate', 'Tax Percent', 'tax_percent']
    """
    from .taxes import _TAX

    used = {str(c) for c in names.values()}
    return [str(c) for c in columns if str(c) not in used and _words(c) & _TAX and _words(c) & _RATE]


def refuse_untold_rates(
    df: pd.DataFrame, names: Mapping[str, str], money_key: str, money: np.ndarray, source: str, what: str,
    decimal: str | None,
) -> None:  # fmt: skip
    """Refuse a tax-rate column (:func:`rate_columns`) with a rate above 0 on a row with an amount, where the money
    column's name (``names[money_key]``) does not say the amounts are before tax: :class:`DataError` naming the
    column, its first such row and the ways out."""
    from .taxes import _NET, _numbers

    money_name = str(names[money_key])
    words = _words(money_name)
    words |= {"netto" for w in words if w.startswith("netto")}
    if words & _NET:
        return
    for column in rate_columns(df.columns, names):
        if list(map(str, df.columns)).count(column) != 1:
            continue
        rates = _numbers(df[column].astype(object).where(df[column].notna(), None).map(
            lambda v: v.replace("%", "").strip() if isinstance(v, str) else v), source, column, decimal)  # fmt: skip
        if rates is None:
            continue
        rows = np.flatnonzero(np.isfinite(rates) & (rates > 0) & np.isfinite(money) & (money != 0))
        if not rows.size:
            continue
        first = int(rows[0])
        if str(column) in ("Tax Percent", "tax_percent") and any(str(c).endswith("(UTC)") for c in df.columns):
            from .notes import note

            note(f"{source}: {money_name!r} is before the tax of {column!r} (Stripe adds it on top): used as it is")
            continue
        raise DataError(
            f"{source}: column {column!r} holds tax rates (row {first + 2}: {df[column].iloc[first]!r} beside "
            f"{money_name!r} {df[money_name].iloc[first]!r}) and is not used; {what} is net of tax, and whether "
            f"{money_name!r} includes the tax cannot be told from a rate: if it does, map a column of amounts before "
            f"tax ({columns_option([(money_key, 'NAME')])}) or write the amounts less the tax; if it is before tax "
            f"already, remove the rate column",
            source=source,
            column=column,
        )
