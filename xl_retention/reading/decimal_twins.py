"""Chargebee's multi-decimal pricing: a quantity or a price written again in decimals, ``*_in_decimal``.

With multi-decimal pricing on, Chargebee's subscriptions export writes ``plan_quantity_in_decimal`` ("2.5") and
``plan_unit_price_in_decimal`` beside ``plan_quantity`` and ``plan_unit_price`` (its API reference, Subscriptions;
chargebee-node's Subscription type), the whole-number columns left blank on such a row. Read from the columns of
the usual names only, a row's decimal quantity was left out (MRR 10.00 for 2.5 x 10.00), or its blank price refused
as missing without a word of the column holding it (H161 finding 06). So (:func:`with_decimal_twins`), for the
quantity and the price taken (``quantity``, ``amount``, ``mrr``): where the column of the same name with
``_in_decimal`` is filled and the taken column blank, its value is taken, with a note; where both are filled and
differ, the rows are refused naming both columns (which one Chargebee billed cannot be told).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows, numbered, row_number, rows_named, source_of
from .names import columns_option, key
from .notes import note

__all__ = ["has_decimal_twins", "with_decimal_twins"]


def has_decimal_twins(columns: list[str]) -> bool:
    """Whether ``columns`` hold a ``*_in_decimal`` column beside the column of its name (by the names alone)."""
    keys = {key(c) for c in columns}
    return any(k.endswith("_in_decimal") and k[: -len("_in_decimal")] in keys for k in keys)


def _numbers(df: pd.DataFrame, column: str, source: str) -> np.ndarray | None:
    from .values import parse_numbers

    try:
        return np.asarray(parse_numbers(df[column], source, column, allow_blank=True), dtype=np.float64)
    except DataError:
        return None


def with_decimal_twins(df: pd.DataFrame, out: pd.DataFrame, names: Mapping[str, str], source: str) -> pd.DataFrame:
    """``out`` (``df``'s columns as ours) with each blank quantity or price filled from its ``*_in_decimal`` twin in
    ``df`` (see the module docstring); ``out`` itself where there is none. Raises :class:`~.errors.DataError` naming
    the rows whose two columns differ."""
    listed = list(map(str, df.columns))
    where = source_of(df, source)
    for ours in ("quantity", "amount", "mrr"):
        used = names.get(ours)
        if used is None or ours not in out.columns or listed.count(str(used)) != 1:
            continue
        twins = [c for c in listed if key(c) == key(used) + "_in_decimal" and listed.count(c) == 1]
        if len(twins) != 1:
            continue
        twin = twins[0]
        base, decimal = _numbers(df, str(used), source), _numbers(df, twin, source)
        if base is None or decimal is None:
            continue
        differ = np.isfinite(base) & np.isfinite(decimal) & (np.abs(base - decimal) > 1e-9)
        if differ.any():
            shown = {int(p): f"{df[twin].iloc[p]} beside {df[str(used)].iloc[p]}" for p in np.flatnonzero(differ)}
            problem = (f"{ours} in decimals (Chargebee's multi-decimal pricing) other than the one in {str(used)!r} "
                       "(which one was billed cannot be told)")  # fmt: skip
            advice = f"map the one billed, {columns_option([(ours, twin)])}, or blank the other"
            raise bad_rows(where, twin, problem, np.flatnonzero(differ), shown, advice=advice)
        fill = ~np.isfinite(base) & np.isfinite(decimal)
        if fill.any():
            out = out.copy()
            out[ours] = out[ours].astype(object).where(~fill, df[twin].astype(object).to_numpy())
            filled = np.flatnonzero(fill)[:5]
            rows = ("row(s) " + ", ".join(str(row_number(where, int(p))) for p in filled)) if numbered(where) else (
                rows_named(where, filled))  # fmt: skip
            note(f"{source}: {str(used)!r} blank where {twin!r} holds it (Chargebee's multi-decimal pricing): taken "
                 f"from {twin!r} in {rows}")  # fmt: skip
    return out
