"""A trial-flagged row priced 0 adds nothing: RevenueCat's trial transaction of 0.00 was refused saying "its price
would count as MRR" (H152 finding 03). ``check_statuses(..., free=)`` (the rows priced 0) leaves them out; a
trial-flagged row with a price is still refused."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.reading.statuses import check_statuses

FRAME = pd.DataFrame({"is_trial_period": ["True", "False", "False"], "price_in_usd": ["0.0", "9.99", "9.99"]})


def test_a_trial_row_priced_0_is_not_refused() -> None:
    check_statuses(FRAME, "revenuecat.csv", free=np.array([True, False, False]))


def test_a_trial_row_with_a_price_is_refused() -> None:
    with pytest.raises(DataError, match=r"^revenuecat.csv, column 'is_trial_period': subscriptions flagged as in their "
                                        r"free trial.* in row 2 "):  # fmt: skip
        check_statuses(FRAME.assign(price_in_usd=["9.99", "9.99", "9.99"]), "revenuecat.csv",
                       free=np.array([False, False, False]))  # fmt: skip
