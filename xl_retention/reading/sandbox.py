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

from . import yes_no
from .errors import bad_rows
from .names import camel_spaced, key

__all__ = ["TEST_MODE_ADVICE", "TEST_MODE_PROBLEM", "check_test_mode", "sandbox_columns"]

#: Columns whose value says a row's mode (test rows: ``test``, ``sandbox``).
_MODE = frozenset({"mode", "payment_mode", "account_mode"})
#: Columns whose true value says the row is live (false: a test).
_LIVE = frozenset({"livemode", "live_mode", "is_live"})
#: Columns whose true value says the row is a test.
_TEST = frozenset({"test", "is_test", "test_mode", "testmode", "sandbox", "is_sandbox", "test_order"})
#: Columns naming the payment gateway: Shopify's test gateway is ``bogus`` (its "Bogus Gateway").
_GATEWAY = frozenset({"payment_method", "gateway", "payment_gateway", "payment_gateway_names", "payment_gateway_name"})
_TEST_GATEWAYS = ["bogus", "bogus_gateway", "(for_testing)_bogus_gateway"]
_TRUE = yes_no.TRUE
_FALSE = yes_no.FALSE

TEST_MODE_PROBLEM = "rows made in test mode (no customer paid them)"
#: What to do, said after the rows (:func:`~.errors.bad_rows`' ``advice``).
TEST_MODE_ADVICE = "remove them, or export live mode only"
#: Values of a column that say a row's environment (by its values, whatever its name: ``environment``, ``env``,
#: ``Umgebung``): live, and test (a column of both is a mode column).
_LIVE_VALUES = frozenset({"production", "prod", "live", "livemode", "live_mode"})
_TEST_VALUES = frozenset({"test", "testing", "test_mode", "sandbox", "staging", "dev", "development", "demo"})


def _mode_by_values(values: np.ndarray) -> np.ndarray | None:
    """The test rows of a column whose values are all environments (:data:`_LIVE_VALUES`, :data:`_TEST_VALUES`),
    both live and test among them; None for any other column.

    >>> _mode_by_values(np.array(["production", "sandbox", ""])).tolist()
    [False, True, False]
    """
    seen = set(values.tolist()) - {""}
    if not (seen & _LIVE_VALUES and seen & _TEST_VALUES and seen <= _LIVE_VALUES | _TEST_VALUES):
        return None
    return np.isin(values, list(_TEST_VALUES))


def _refuse_tests_by_values(column: pd.Series, name: str, k: str, source: str) -> None:
    """Refuse the test rows of a column said a mode column by its values (:func:`_mode_by_values`), or a test flag
    by its name (:func:`_test_named`) and values (true/false)."""
    from .order_columns import few_values

    seen = few_values(column)
    if seen is None:
        return
    if not (set(seen) & _LIVE_VALUES and set(seen) & _TEST_VALUES) and not (
        _test_named(k) and set(seen) <= _TRUE | _FALSE
    ):
        return
    values = _spelled(column)
    test = _mode_by_values(values)
    if test is None and _test_named(k) and np.isin(values, list(_TRUE | _FALSE | yes_no.BLANK)).all():
        test = np.isin(values, list(_TRUE))  # 'Testbestellung': true
    if test is not None and test.any():
        raise bad_rows(
            source, name, TEST_MODE_PROBLEM, np.flatnonzero(test), column.to_numpy(), advice=TEST_MODE_ADVICE
        )


#: German words starting with "test" that say a free trial, not a test row (``Testphase``: a trial flag, reading.trials)
_TRIAL_WORDS = ("testphase", "testzeitraum", "testabo", "testperiode", "testmonat", "testwoche", "testtag")


def _test_named(k: str) -> bool:
    """Whether a column's name says a test in a word of its own or a word's start (``Testbestellung``,
    ``is_test_order``, ``sandbox_account``): a flag whose true value says a test row; not a trial's German word
    (``Testphase``, ``in_testphase``: H200 finding 04).

    >>> [_test_named(k) for k in ("testbestellung", "is_test_order", "testphase", "testimonial")]
    [True, True, False, False]
    """
    return any(
        w.startswith(("test", "sandbox")) and not w.startswith(("testimon", *_TRIAL_WORDS)) for w in k.split("_")
    )


def _spelled(values: pd.Series) -> np.ndarray:
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().str.lower()
    return text.str.replace(r"[\s\-]+", "_", regex=True).to_numpy()


def _key(name: Any) -> str:
    """``name``'s key (:func:`~.names.key`), or its camel-case words' where they are a known name (``IsTest``)."""
    k = key(name)
    if k in _MODE | _LIVE | _TEST | _GATEWAY:
        return k
    return key(camel_spaced(name))


def sandbox_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that may say a row was made in test mode.

    >>> sandbox_columns(["id", "Mode", "livemode", "Amount"])
    ['Mode', 'livemode']
    """
    return [str(n) for n in names if _key(n) in _MODE | _LIVE | _TEST | _GATEWAY]


def check_test_mode(df: pd.DataFrame, source: str) -> None:
    """Refuse the rows of ``df`` made in test mode (see the module docstring).

    >>> check_test_mode(pd.DataFrame({"Mode": ["Live", "Live"]}), "pay.csv")
    >>> check_test_mode(pd.DataFrame({"Mode": ["Live", "Test"]}), "pay.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: pay.csv, column 'Mode': rows made in test mode (no customer paid \
them) in row 3 (counting the header as row 1): 'Test': remove them, or export live mode only
    """
    for position, name in enumerate(map(str, df.columns)):
        k = _key(name)
        column = df.iloc[:, position]
        if k not in _MODE | _LIVE | _TEST | _GATEWAY:  # by its values: 'environment' production/sandbox
            _refuse_tests_by_values(column, name, k, source)
            continue
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
            raise bad_rows(
                source, name, TEST_MODE_PROBLEM, np.flatnonzero(test), column.to_numpy(), advice=TEST_MODE_ADVICE
            )
