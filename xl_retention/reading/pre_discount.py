"""An MRR column named as before discounts ("MRR before discount", "MRR (pre-discount)", "Undiscounted MRR", "MRR vor
Rabatt", "MRR avant remise", "List MRR") mapped to ``mrr``: MRR is after discounts (docs/metrics.md), and what each
customer pays cannot be told from it, so it is refused naming the column, as a "Price before discount" is.

Read as the MRR, every discount was counted as revenue and a discount ending showed no change (H222's finding 08:
January MRR 300 under exit 0).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["refuse_pre_discount_mrr", "says_before_discounts"]

#: A name (as :func:`~.names.key` spells it) that says before discounts, in the languages the README's exports are
#: read in: English, German, French, Spanish, Italian, Portuguese, Dutch; and a list price's MRR.
_BEFORE = re.compile(
    r"(?:before|pre|prior_to|without|excl(?:uding)?|ex)_?discounts?|undiscounted|non_discounted|"
    r"(?:vor|ohne)_(?:dem_)?(?:rabatt|nachlass|skonto)|(?:avant|hors|sans)_(?:la_)?remises?|"
    r"(?:antes_del?|sin)_descuentos?|(?:prima_dello|senza)_sconto|(?:antes_do|sem)_desconto|"
    r"(?:voor|zonder)_korting|(?:^|_)list(?:_price)?_mrr(?:_|$)|(?:^|_)mrr_(?:at_)?list(?:_price)?(?:_|$)|"
    r"(?:^|_)listen_?mrr(?:_|$)"
)


def says_before_discounts(name: Any) -> bool:
    """Whether the column ``name`` says an amount before discounts.

    >>> [says_before_discounts(n) for n in ("MRR before discount", "MRR (pre-discount)", "Undiscounted MRR",
    ...  "MRR vor Rabatt", "MRR avant remise", "List MRR", "MRR at list price", "MRR sin descuento")]
    [True, True, True, True, True, True, True, True]
    >>> [says_before_discounts(n) for n in ("MRR", "MRR after discount", "Discounted MRR", "Listing MRR", None)]
    [False, False, False, False, False]
    """
    if name is None:
        return False
    from .names import key

    return _BEFORE.search(key(name)) is not None


def refuse_pre_discount_mrr(name: Any, source: str) -> None:
    """Refuse the column ``name`` taken as mrr when it says before discounts (:func:`says_before_discounts`).

    >>> refuse_pre_discount_mrr("Undiscounted MRR", "s.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv: 'Undiscounted MRR' (taken as mrr) is before discounts, and MRR is \
after discounts (what each customer pays): map mrr to the MRR after discounts, or convert the amounts to what each \
customer pays first
    """
    if not says_before_discounts(name):
        return
    from .errors import DataError

    raise DataError(
        f"{source}: {str(name)!r} (taken as mrr) is before discounts, and MRR is after discounts (what each customer "
        "pays): map mrr to the MRR after discounts, or convert the amounts to what each customer pays first",
        source=source,
        column=str(name),
    )
