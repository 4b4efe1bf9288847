"""Subscriptions kept in versions: Zuora's earlier versions of an amended subscription, superseded by the latest.

Zuora's exports of subscriptions or of their rate plan charges ("Subscription: Name", "Subscription: Version",
"Subscription: Status") hold every version of a subscription: an amendment (10 seats to 15) "creates a new
subscription object that has a new version number ... The Status field of the originating subscription object
changes from Active to Expired. A status of Expired does not imply that the subscription itself has expired or
ended, merely that this subscription object is no longer the most recent" (Zuora's API reference, PUT Subscription).
Added up, the old version's charge counts beside the new version's segments: a subscription amended once counted
twice (H161 finding 03). So (:func:`latest_versions`) the rows of a version earlier than its subscription's latest
in the file are left out, with a note naming them; where such a row's status is not Expired (whether it was
superseded cannot be told) it is refused, naming the rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import bad_rows, rows_named, source_of
from .kept_rows import without_rows
from .names import words
from .notes import note

__all__ = ["latest_versions", "version_columns"]


def version_columns(names: list[str]) -> tuple[str, str, str | None] | None:
    """``(version, subscription, status)``: the columns of a subscription's version number ("Subscription: Version",
    ``Version``), its name or number ("Subscription: Name", "Subscription Number") and its status (None if none);
    None without the first two.

    >>> version_columns(["Subscription: Name", "Subscription: Version", "Subscription: Status", "MRR"])
    ('Subscription: Version', 'Subscription: Name', 'Subscription: Status')
    >>> version_columns(["Subscription Number", "Version", "Status"]), version_columns(["Name", "Version"])
    (('Version', 'Subscription Number', 'Status'), None)
    >>> version_columns(["Subscription Name", "Version", "Status"])  # a plan's name, maybe: no subscription's own
    """

    def first(test) -> str | None:  # noqa: ANN001
        found = [c for c in names if test(words(c, whole=False)) and names.count(c) == 1]
        return found[0] if len(found) == 1 else None

    version = first(lambda w: w in ({"version"}, {"subscription", "version"}))
    subscription = first(lambda w: w in ({"subscription", "name"}, {"subscription", "number"}))
    if version is None or subscription is None:
        return None
    if words(version, whole=False) == {"version"} and words(subscription, whole=False) != {"subscription", "number"}:
        return None  # a bare 'Version' beside a 'Subscription Name' (a plan's, shared?): Zuora's is its Number
    status = first(lambda w: w in ({"status"}, {"subscription", "status"}))
    return version, subscription, status


def latest_versions(df: pd.DataFrame, source: str) -> pd.DataFrame:
    """``df`` without the rows of a subscription's earlier versions (see the module docstring); ``df`` itself where
    it has no version columns or none is superseded. Raises :class:`~.errors.DataError` naming an earlier version's
    rows whose status is not Expired."""
    names = list(map(str, df.columns))
    found = version_columns(names)
    if found is None:
        return df
    version, subscription, status = found
    numbers = pd.to_numeric(df[version], errors="coerce").to_numpy(dtype=np.float64)
    ids = df[subscription].astype(object).where(df[subscription].notna(), "").astype(str).str.strip()
    if not np.isfinite(numbers).any():
        return df
    latest = pd.Series(numbers).groupby(ids.to_numpy()).transform("max").to_numpy()
    older = np.isfinite(numbers) & (numbers < latest) & (ids != "").to_numpy()
    if not older.any():
        return df
    where = source_of(df, source)
    if status is not None:
        said = df[status].astype(object).where(df[status].notna(), "").astype(str).str.strip().str.lower()
        odd = older & (said != "expired").to_numpy()
        if odd.any():
            problem = (
                f"rows of an earlier version of a subscription than its latest ({version!r}) whose status is not "
                "Expired (whether a later version superseded them cannot be told, and both would count)"
            )
            advice = "keep each subscription's latest version only"
            raise bad_rows(where, status, problem, np.flatnonzero(odd), df[status].to_numpy(), advice=advice)
    rows = np.flatnonzero(older)
    shown = rows_named(where, rows[:5]) + (" ..." if len(rows) > 5 else "")
    note(
        f"{source}: {len(rows)} row(s) of earlier versions of a subscription ({version!r} below its latest, Zuora's "
        f"Expired versions: an amendment makes a new version) left out, {shown}: the latest version counts"
    )
    return without_rows(df, older, where)
