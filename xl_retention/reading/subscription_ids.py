"""A snapshots file's column of each subscription's id, under the billing system's name or mapped by the user.

A snapshots file (customer, month, MRR) may hold one row per subscription and month; the rows of one customer's
subscriptions in a month add up when a column tells the subscriptions apart (:mod:`.snapshot_rows`). That column is a
record id (:data:`.repeats.RECORD_IDS`: ``subscription_id``, ``Subscription ID``), or one of the names billing systems
and CRMs give it (:data:`SUBSCRIPTION_NAMES`: Zuora's 'Subscription Number' and 'Subscription Name', ``sub_id``,
'Contract ID', German ``Abo-ID``), or a column the user maps: ``--columns subscription_id=NAME`` (in Python:
``columns={"subscription_id": NAME}``). A bare 'Subscription' may be a plan's name ('Pro'): read only when mapped.
An intervals file's mapped column is its subscriptions' record id as ``subscription_id`` is (:mod:`.repeats`): the
rows of one id whose periods follow each other are its phases (a pause between them, :mod:`.paused_phases`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .errors import DataError

__all__ = ["MAPPABLE", "SUBSCRIPTION_NAMES", "pop_subscription_column", "subscription_columns"]

#: Names (as :func:`~.columns.key` spells them) of a subscription's id in billing and CRM exports.
SUBSCRIPTION_NAMES = frozenset({
    "subscription_number", "subscription_name", "subscription_no", "subscription_nr", "subscription_key", "sub_id",
    "subid", "sub_number", "contract_id", "contract_number", "contract_no", "abo_id", "abo_nr", "abonnement_id",
    "abonnement_nr", "vertrags_id", "vertragsnummer", "vertrags_nr",
})  # fmt: skip
#: Our names of columns a column map may give beside each kind's (:data:`~.columns.SCHEMAS`).
MAPPABLE: dict[str, tuple[str, ...]] = {"snapshots": ("subscription_id",), "intervals": ("subscription_id",)}
#: ``names`` key of the column mapped as each subscription's id
MAPPED = "subscription_id"


def pop_subscription_column(
    columns: Mapping[str, str], header: Sequence[Any], source: str
) -> tuple[dict[str, str], str | None]:
    """The column map without ``subscription_id``, and the file's column it names (None: not mapped); a name that
    matches no column is refused.

    >>> pop_subscription_column({"mrr": "MRR", "subscription_id": "subscription"}, ["Subscription", "MRR"], "s.csv")
    ({'mrr': 'MRR'}, 'Subscription')
    """
    from .columns import key

    rest = {ours: yours for ours, yours in columns.items() if ours != MAPPED}
    if MAPPED not in columns:
        return rest, None
    wanted = columns[MAPPED]
    found = [str(c) for c in header if key(c) == key(wanted)]
    exact = [c for c in found if c == wanted]
    found = exact if len(exact) == 1 else found
    if len(found) != 1:
        listing = ", ".join(repr(str(c)) for c in header)
        raise DataError(
            f"{source}: no column {wanted!r} (given for subscription_id); columns found: {listing}"
            if not found
            else f"{source}: {len(found)} columns match {wanted!r}: rename or remove the one that is not it",
            source=source,
            column=wanted,
        )
    return rest, found[0]


def subscription_columns(columns: Sequence[str], names: Mapping[str, str]) -> list[int]:
    """Positions of the columns of ``columns`` (a snapshots file's) holding each subscription's id, best first: the
    mapped one (``names["subscription_id"]``), else record ids (:func:`.repeats.record_id_columns`), else the
    billing systems' names (:data:`SUBSCRIPTION_NAMES`); never the customer's id.

    >>> subscription_columns(["Subscription Number", "customer_id", "month"], {"customer_id": "customer_id"})
    [0]
    >>> subscription_columns(["Subscription", "customer_id"], {"customer_id": "customer_id"})
    []
    >>> subscription_columns(["Subscription", "customer_id"], {"customer_id": "customer_id",
    ...                      "subscription_id": "Subscription"})
    [0]
    """
    from .columns import keys_of
    from .repeats import record_id_columns

    listed = list(map(str, columns))
    if names.get(MAPPED) in listed:
        return [listed.index(names[MAPPED])]
    people = (names.get("customer_id"),)
    ids = record_id_columns(listed, people=people)
    if ids:
        return ids
    return [p for p, c in enumerate(listed) if c not in people and keys_of(c) & SUBSCRIPTION_NAMES]
