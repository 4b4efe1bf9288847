"""What a revenue column's name says about its unit, and MRR that contradicts the dates it comes with.

* **Per year.** MRR is per month. A column whose name says annual recurring revenue or annual contract value
  (``ARR``, ``arr_usd``, ``ACV``, "Annual Recurring Revenue", "Annual Contract Value") taken as ``mrr`` is
  divided by 12 (ARR is 12 x MRR by definition). Another name that says a year (``annual_revenue``,
  ``yearly_total``) taken as ``mrr`` is refused: whether it recurs cannot be told.
* **Cents.** A money column whose name says cents (``mrr_cents``, ``amount_in_cents``) is divided by 100, as a
  billing export's price in cents is.
* **The current MRR.** An interval that ended (an ``end`` date) with MRR 0, beside intervals with MRR above 0,
  is what a customer list gives with today's MRR (0 once cancelled): taken as it is, the customer would vanish
  from every month and their churn with them. Such rows are refused, naming them: give the MRR they paid (or
  the price and the billing interval), or remove them if they were free plans.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .errors import DataError, bad_rows

__all__ = ["ENDED_AT_ZERO", "check_ended_at_zero", "in_units", "per_month", "says_unit", "stripe_minor_units"]

ENDED_AT_ZERO = (
    "subscriptions that ended with MRR 0, as a list with today's MRR gives them (a cancelled customer would vanish "
    "from every month, and their churn with them): give the MRR they paid, or the price and the billing interval; "
    "remove them if they were free plans"
)
_PER_YEAR_EXACT = ("arr", "acv", "annual_recurring_revenue", "annual_contract_value")
_YEAR_WORDS = ("annual", "annually", "yearly", "year", "years", "per_year")


def _words(name: Any) -> tuple[str, list[str]]:
    from .columns import key

    k = key(name)
    return k, [w for w in k.replace(".", "_").replace("(", "_").replace(")", "_").split("_") if w]


def says_unit(name: Any) -> bool:
    """Whether a money column's name says cents or a year (its values are then converted or refused).

    >>> says_unit("ARR"), says_unit("mrr_cents"), says_unit("MRR")
    (True, True, False)
    """
    k, words = _words(name)
    return bool({"cents", "arr", "acv", *_YEAR_WORDS} & set(words)) or any(p in k for p in _PER_YEAR_EXACT[2:])


def stripe_minor_units(df: Any, ids: Any, column: str) -> bool:
    """Whether the money column ``column`` of ``df`` holds Stripe's amounts in the smallest currency unit (4900 for
    49.00): as Stripe's API, Sigma and warehouse syncs write them, every customer id is Stripe's (``cus_...``), the
    currency column holds lower-case ISO codes (``usd``) and every amount is written as a whole number without a
    decimal mark (Stripe's Dashboard exports write ``49.00``: in units).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"amount_paid": ["4900", "9900"], "currency": ["usd", "usd"]})
    >>> stripe_minor_units(df, pd.Series(["cus_A", "cus_B"]), "amount_paid")
    True
    >>> stripe_minor_units(df.assign(amount_paid=["49.00", "99.00"]), pd.Series(["cus_A", "cus_B"]), "amount_paid")
    False
    """
    import pandas as pd

    from .columns import keys_of

    text = pd.Series(ids).dropna().astype(str)
    if text.empty or not text.str.startswith("cus_").all():
        return False
    currencies = [c for c in df.columns if "currency" in keys_of(c)]
    if len(currencies) != 1:
        return False
    codes = df[currencies[0]].dropna().astype(str).str.strip()
    if codes.empty or not codes.str.fullmatch(r"[a-z]{3}").all():
        return False
    raw = df[column] if list(map(str, df.columns)).count(column) == 1 else None
    if raw is None:
        return False
    if pd.api.types.is_integer_dtype(raw.dtype):
        return True
    values = raw.dropna().astype(str).str.strip()
    values = values[values != ""]
    return bool(len(values)) and bool(values.str.fullmatch(r"-?\d+").all())


def in_units(values: np.ndarray, name: Any) -> np.ndarray:
    """``values`` of the column ``name`` in currency units: divided by 100 when the name says cents.

    >>> in_units(np.array([4900.0]), "mrr_cents").tolist(), in_units(np.array([49.0]), "MRR").tolist()
    ([49.0], [49.0])
    """
    return values / 100 if "cents" in _words(name)[1] else values


def per_month(values: np.ndarray, name: Any, source: str) -> np.ndarray:
    """``values`` of the column ``name`` taken as MRR, per month and in units (see the module docstring).

    >>> per_month(np.array([1200.0]), "ARR", "subs.csv").tolist()
    [100.0]
    """
    k, words = _words(name)
    if any(w in words for w in ("arr", "acv")) or any(p in k for p in _PER_YEAR_EXACT[2:]):
        return in_units(values, name) / 12
    if any(w in words for w in _YEAR_WORDS):
        raise DataError(
            f"{source}: {str(name)!r} (taken as mrr) says a year, and MRR is per month: whether it is recurring "
            f"revenue cannot be told; map mrr to a monthly column, or give a billing interval column (year) and map "
            f"amount={name}",
            source=source,
            column=str(name),
        )
    return in_units(values, name)


def check_ended_at_zero(typed: dict[str, Any], names: dict[str, str], source: str) -> None:
    """Refuse intervals that ended with MRR 0 beside intervals with MRR above 0 (see the module docstring)."""
    if "end" not in typed:
        return
    mrr = np.asarray(typed["mrr"], dtype=np.float64)
    ended = ~np.isnat(np.asarray(typed["end"]))
    zero = ended & (mrr == 0)
    if zero.any() and (mrr > 0).any():
        raise bad_rows(source, names["mrr"], ENDED_AT_ZERO, np.flatnonzero(zero), mrr)
