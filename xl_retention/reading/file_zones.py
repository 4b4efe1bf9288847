"""A Parquet file's timestamps with a time zone: counted in that zone's months, said in a note (H331's 01, 02).

A Parquet timestamp with a zone is an instant stored in UTC, the zone being the exporting tool's label (pandas keeps
the session's, ``timestamp[us, tz=America/New_York]``; DuckDB's COPY writes UTC). The import reads such a column as
pandas shows it, each value's date in its own zone (docs/metrics.md, "Months"), on every backend; DuckDB's and Spark's
SQL over the same file see a TIMESTAMPTZ and count it in UTC months, as ``xl-retention sql`` does. Where the zone is
not UTC and a value has a time of day (so a month may differ), :func:`note_file_zone` says which zone was used and how
to get the same months from the printed SQL, so the same file gives the same months whatever path it takes.
"""

from __future__ import annotations

import numpy as np

from .notes import note

__all__ = ["note_file_zone", "zone_note"]

_UTC = ("UTC", "Etc/UTC", "+00:00", "Z", "GMT", "Etc/GMT")


def zone_note(source: str, column: str, zone: str) -> str | None:
    """The note on ``column`` of the Parquet file ``source`` whose timestamps carry ``zone``; None for other files
    and for UTC (whose months are the SQL's too)."""
    if not source.lower().endswith((".parquet", ".pq")) or str(zone) in _UTC:
        return None
    return (
        f"{source}, column {column!r}: timestamps with a time zone ({zone}) are counted in {zone}'s months, "
        f"as the file's zone writes them; --timezone ZONE counts them in another zone's; the SQL of "
        f"`xl-retention sql` over this file counts them in UTC months: for these months give it a view with "
        f"{column} AT TIME ZONE '{zone}'"
    )


def note_file_zone(source: str, column: str, zone: str, local: np.ndarray) -> None:
    """:func:`zone_note` said for ``column`` whose values ``local`` (their wall times in ``zone``, ``datetime64``)
    are counted in that zone's months; nothing for a column of midnights only (dates)."""
    said = zone_note(source, column, zone)
    present = ~np.isnat(local)
    if said is not None and (local[present] != local[present].astype("datetime64[D]")).any():
        note(said)
