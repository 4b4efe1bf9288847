"""An orders file that is a CRM's deals: a deal's stage says whether it is a sale at all.

A B2B business's purchases are its won deals, and Salesforce's Opportunities report (``Stage``: Closed Won, Closed
Lost, Prospecting, Negotiation/Review) or HubSpot's deals export (``Deal Stage``: Closed won, closedlost, Contract
sent) is the natural source. Read as orders, every lost and still-open deal was one more purchase (buyers, repeat
buyers and revenue too high, exit 0). A column that holds deal stages (named as a stage, with a won or lost stage
among its values, or any column holding ``Closed Won``/``Closed Lost``) is refused naming it, its first rows that are
no won deal and the way out, unless every row's stage is won. Beside such a column, a deal's type (Salesforce's
standard ``Type``: New Business, Existing Business; HubSpot's ``newbusiness``) says a won deal's kind: a sale
(:func:`deal_type_sales`; H527 finding 04).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import key

__all__ = ["DEAL_TYPES", "DEAL_TYPES_ADVICE", "check_deal_stages", "deal_type_sales", "deal_types_advice"]

#: Column names (:func:`~.names.key`) of a deal's stage.
_NAMES = frozenset({"stage", "deal_stage", "dealstage", "opportunity_stage", "sales_stage", "pipeline_stage",
                    "deal_phase", "phase", "verkaufsphase", "phase_de_vente", "étape", "etape", "étape_de_vente",
                    "etapa", "etapa_de_venta", "fase", "fase_di_vendita", "stadium", "deal_status",
                    "opportunity_status", "商談フェーズ", "フェーズ"})  # fmt: skip
#: Stages (lower case, words joined by ``_``) of a won deal.
WON = frozenset({"closed_won", "closedwon", "won", "closed_won_", "deal_won", "gewonnen", "abgeschlossen_gewonnen",
                 "gagné", "gagne", "fermé_gagné", "ferme_gagne", "ganado", "ganada", "cerrado_ganado", "vinto",
                 "chiuso_vinto", "gewonnen_", "受注", "成約"})  # fmt: skip
#: Stages of a lost deal: with :data:`WON`, they tell a column of deal stages.
LOST = frozenset({"closed_lost", "closedlost", "lost", "deal_lost", "verloren", "abgeschlossen_verloren", "perdu",
                  "fermé_perdu", "ferme_perdu", "perdido", "perdida", "cerrado_perdido", "perso", "chiuso_perso",
                  "失注"})  # fmt: skip
#: The refusal's problem: the rows are named after it.
_PROBLEM = "a CRM's deal stages: deals lost or still open are no purchases (import the rows of won deals only)"
_CLOSED = frozenset({"closed_won", "closedwon", "closed_lost", "closedlost"})
#: A deal's types (as :func:`~.statuses.spelled` writes them): Salesforce's standard picklist, its older values,
#: HubSpot's; a won deal of any of them is a sale.
DEAL_TYPES = frozenset({"new_business", "newbusiness", "existing_business", "existingbusiness", "new_customer",
                        "existing_customer_upgrade", "existing_customer_replacement",
                        "existing_customer_downgrade"})  # fmt: skip
DEAL_TYPES_ADVICE = (
    "they are a CRM's deal types, a sale where the deal was won: import the won deals with their stage column "
    "(Salesforce's 'Stage', HubSpot's 'Deal Stage')"
)


def _spelled(column: pd.Series) -> np.ndarray:
    text = column.astype(object).where(column.notna(), "").astype(str).str.strip().str.lower()
    return np.array([re.sub(r"[\s\-/_]+", "_", v).strip("_") for v in text], dtype=object)


def check_deal_stages(df: pd.DataFrame, source: str, used: set[str] | None = None) -> None:
    """Refuse an orders file's column of deal stages whose rows are not all won deals (see the module docstring).
    ``used``: the columns mapped to our names (never a stage).

    >>> frame = pd.DataFrame({"Account": ["a", "b"], "Stage": ["Closed Won", "Closed Lost"]})
    >>> check_deal_stages(frame, "sf.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: sf.csv, column 'Stage': a CRM's deal stages: ... in row 3 ...
    """
    used = used or set()
    for position, name in enumerate(df.columns):
        if str(name) in used:
            continue
        column = df.iloc[:, position]
        if column.dtype.kind not in "OSU" and str(column.dtype) not in ("string", "str"):
            continue
        named = key(name) in _NAMES
        sample = column.dropna().astype(str).str.strip().str.lower().unique()[:1000]
        words = {re.sub(r"[\s\-/_]+", "_", v).strip("_") for v in sample}
        if not (words & _CLOSED or (named and words & (WON | LOST))):
            continue
        stages = _spelled(column)
        others = np.flatnonzero(~np.isin(stages, list(WON)))
        if len(others):
            raise bad_rows(source, str(name), _PROBLEM, others, column.to_numpy())


def deal_type_sales(df: pd.DataFrame, kind: np.ndarray) -> np.ndarray:
    """The rows of a row type column's values ``kind`` (spelled) that are a deal's type (:data:`DEAL_TYPES`) in a file
    whose deal stage column (named as one, or holding Closed Won) says won on every row: won deals, sales. None are
    where no such column is (an open or lost deal of a type is no sale).

    >>> frame = pd.DataFrame({"Stage": ["Closed Won", "Closed Won"], "Type": ["New Business", "Existing Business"]})
    >>> kind = np.array(["new_business", "existing_business"], dtype=object)
    >>> deal_type_sales(frame, kind).tolist(), deal_type_sales(frame.assign(Stage=["Closed Won", "Prospecting"]),
    ...                                                         kind).tolist()
    ([True, True], [False, False])
    """
    none = np.zeros(len(kind), dtype=bool)
    deal = np.isin(kind, list(DEAL_TYPES))
    if not deal.any():
        return none
    for position, name in enumerate(df.columns):
        column = df.iloc[:, position]
        if column.dtype.kind not in "OSU" and str(column.dtype) not in ("string", "str"):
            continue
        stages = _spelled(column)
        said = set(stages) - {""}
        if said and (key(name) in _NAMES or said & _CLOSED) and said <= WON and (stages != "").all():
            return deal
    return none


def deal_types_advice(kind: np.ndarray, unknown: np.ndarray) -> str | None:
    """The way forward for row types (``unknown`` of ``kind``, spelled) that are all a deal's types
    (:data:`DEAL_TYPES`) with no stage column that says won: :data:`DEAL_TYPES_ADVICE`; None otherwise.

    >>> deal_types_advice(np.array(["new_business", "x"], dtype=object), np.array([True, False]))[:26]
    "they are a CRM's deal type"
    """
    return DEAL_TYPES_ADVICE if unknown.any() and np.isin(kind[unknown], list(DEAL_TYPES)).all() else None
