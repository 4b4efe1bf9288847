"""Payments and subscriptions made in a billing system's test mode: no customer paid them.

Stripe's exports say which mode each row was made in ("Mode": ``Live`` or ``Test``; its API objects'
``livemode``: ``false`` in test mode); other exports mark a test order or a sandbox account (``test``,
``is_test``, ``test_mode``, ``sandbox``: true; Shopify's test orders were paid with its "Bogus Gateway", ``bogus``
in "Payment Method"). A file of both (two exports appended, a test account left in a
report) counted the tests as customers and revenue, silently: such rows are refused, naming the column, the rows
and their values (remove them, or export live mode only).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import key

__all__ = ["TEST_MODE_PROBLEM", "check_test_mode", "sandbox_columns"]

#: Columns whose value says a row's mode (test rows: ``test``, ``sandbox``).
_MODE = frozenset({"mode", "payment_mode", "account_mode"})
#: Columns whose true value says the row is live (false: a test).
_LIVE = frozenset({"livemode", "live_mode", "is_live"})
#: Columns whose true value says the row is a test.
_TEST = frozenset({"test", "is_test", "test_mode", "testmode", "sandbox", "is_sandbox", "test_order"})
#: Columns naming the payment gateway: Shopify's test gateway is ``bogus`` (its "Bogus Gateway").
_GATEWAY = frozenset({"payment_method", "gateway", "payment_gateway", "payment_gateway_names", "payment_gateway_name"})
_TEST_GATEWAYS = ["bogus", "bogus_gateway", "(for_testing)_bogus_gateway"]
_TRUE = frozenset({"true", "1", "yes", "y", "1.0"})
_FALSE = frozenset({"false", "0", "no", "n", "0.0"})

TEST_MODE_PROBLEM = "rows made in test mode, to be removed (no customer paid them; export live mode only)"


def _spelled(values: pd.Series) -> np.ndarray:
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().str.lower()
    return text.str.replace(r"[\s\-]+", "_", regex=True).to_numpy()


def sandbox_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that may say a row was made in test mode.

    >>> sandbox_columns(["id", "Mode", "livemode", "Amount"])
    ['Mode', 'livemode']
    """
    return [str(n) for n in names if key(n) in _MODE | _LIVE | _TEST | _GATEWAY]


def check_test_mode(df: pd.DataFrame, source: str) -> None:
    """Refuse the rows of ``df`` made in test mode (see the module docstring).

    >>> check_test_mode(pd.DataFrame({"Mode": ["Live", "Live"]}), "pay.csv")
    >>> check_test_mode(pd.DataFrame({"Mode": ["Live", "Test"]}), "pay.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: pay.csv, column 'Mode': rows made in test mode, to be removed (no \
customer paid them; export live mode only) in row 3 (counting the header as row 1): 'Test'
    """
    for position, name in enumerate(map(str, df.columns)):
        k = key(name)
        if k not in _MODE | _LIVE | _TEST | _GATEWAY:
            continue
        column = df.iloc[:, position]
        values = _spelled(column)
        if k in _GATEWAY:
            test = np.isin(values, _TEST_GATEWAYS)
        elif k in _MODE:
            test = np.isin(values, ["test", "test_mode", "sandbox"])
        elif k in _LIVE:
            test = np.isin(values, list(_FALSE))
        else:
            test = np.isin(values, list(_TRUE))
        if test.any():
            raise bad_rows(source, name, TEST_MODE_PROBLEM, np.flatnonzero(test), column.to_numpy())
