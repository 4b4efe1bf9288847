"""PayPal's currency conversions of a payment: a payment received in another currency, read at its converted amount.

A PayPal account paid in a currency other than its own converts the payment: two "General Currency Conversion" rows
whose "Reference Txn ID" is the payment's "Transaction ID", one taking the amount out of the payment's currency (a
negative Gross: 38.50 EUR, the payment's 40.00 less PayPal's fee) and one putting it into the account's (41.20 USD).
The file then says what the payment was in the account's currency: its Gross at PayPal's rate (40.00 x 41.20 / 38.50
= 42.81 USD); a refund of it in its currency is read at the payment's rate (a full refund takes it off whole).
:func:`converted` reads such payments (and refunds) so, when the file's payments and refunds are in more than one
currency and a conversion names them; the import says which in a note (:mod:`.notes`). Conversions that
name a payment but are not one amount out of its currency and one into another are refused naming their rows.
A file in one currency, or a payment without conversion rows, is read as it is (the currency check then refuses
currencies that still mix).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows
from .notes import note
from .smallest_units import ZERO_DECIMAL
from .values import parse_numbers

__all__ = ["CONVERSIONS", "converted"]

#: PayPal's transaction types of a currency conversion (as the type column says them, in lower case).
CONVERSIONS = frozenset({"general currency conversion", "currency conversion"})


def _text(values: pd.Series) -> np.ndarray:
    return values.astype(object).where(values.notna(), "").map(lambda v: " ".join(str(v).split())).to_numpy()


def converted(
    df: pd.DataFrame,
    kind: pd.Series,
    rows: np.ndarray,
    columns: tuple[str, str | None, str | None, str],
    source: str,
    file_rows: tuple[int, ...],
) -> tuple[pd.Series, pd.Series | None]:
    """``(amounts, currencies)`` of ``df``'s rows: those of the payments and refunds (``rows``) that conversion rows
    (type in :data:`CONVERSIONS`, "Reference Txn ID" naming them) converted into another currency at PayPal's rate,
    the others as they are; unchanged columns where nothing is converted. ``columns``: the transaction id, reference,
    currency and amount columns; ``file_rows``: each row's row in the file (for the note and refusals)."""
    txn, reference, currency, amount = columns
    if reference is None or currency is None:
        return df[amount], (df[currency] if currency is not None else None)
    money = _text(df[currency])
    money = np.array([m.upper() for m in money], dtype=object)
    if len(set(money[rows]) - {""}) < 2:
        return df[amount], df[currency]  # one currency: nothing to convert
    conversion = kind.isin(list(CONVERSIONS)).to_numpy() & (_text(df[reference]) != "")
    if not conversion.any():
        return df[amount], df[currency]
    ids, refs = _text(df[txn]), _text(df[reference])
    wanted = rows | conversion
    values = np.full(len(df), np.nan)
    try:
        values[wanted] = parse_numbers(df[amount][wanted], source, amount, allow_blank=True)
    except DataError:
        return df[amount], df[currency]  # the reading of the amounts names the rows (with their rows in the file)
    amounts, currencies = values.copy(), money.copy()
    said: list[str] = []
    rates: dict[str, tuple[str, float, str]] = {}  # a converted payment's id: its currency, rate and the account's
    for position in sorted(np.flatnonzero(rows), key=lambda p: bool(values[p] < 0)):  # payments, then refunds
        paid = rates.get(refs[position]) if values[position] < 0 else None
        if paid is not None and paid[0] == money[position]:  # a refund of a converted payment: at the payment's rate
            to = paid[2]
            amounts[position] = round(values[position] * paid[1], 0 if to in ZERO_DECIMAL else 2)
            currencies[position] = to
            said.append(f"{ids[position]} (row {file_rows[position]}: {values[position]:.2f} {money[position]} as "
                        f"{amounts[position]:.2f} {to}, its payment {refs[position]}'s rate)")  # fmt: skip
            continue
        pair = np.flatnonzero(conversion & (refs == ids[position]))
        if len(pair) == 0:
            continue
        own = [p for p in pair if money[p] == money[position]]
        other = [p for p in pair if money[p] != money[position]]
        if len(own) != 1 or len(other) != 1 or not values[own[0]] * values[other[0]] < 0:
            problem = (f"currency conversions naming {ids[position]!r} that are not one amount out of its currency "
                       f"({money[position]}) and one into another (what it was in the account's currency cannot be "
                       f"told)")  # fmt: skip
            rows, advice = np.array(sorted(pair)), "remove them or convert the payment"
            raise bad_rows(source, reference, problem, rows, df[reference], advice=advice)
        rate = abs(values[other[0]]) / abs(values[own[0]])
        to = money[other[0]]
        amounts[position] = round(values[position] * rate, 0 if to in ZERO_DECIMAL else 2)
        currencies[position] = to
        rates[ids[position]] = (money[position], rate, to)
        said.append(f"{ids[position]} (row {file_rows[position]}: {values[position]:.2f} {money[position]} as "
                    f"{amounts[position]:.2f} {to}, rows {file_rows[own[0]]} and {file_rows[other[0]]})")  # fmt: skip
    if not said:
        return df[amount], df[currency]
    note(f"{source}: PayPal's currency conversions read {len(said)} payment(s) or refund(s) at their converted "
         f"amount, at PayPal's rate: {'; '.join(said[:3])}{' ...' if len(said) > 3 else ''}")  # fmt: skip
    return pd.Series(amounts, index=df.index, name=amount), pd.Series(currencies, index=df.index, name=currency)
