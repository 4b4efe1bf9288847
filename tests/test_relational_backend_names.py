"""``xl_retention.relational``'s functions take an engine's name as ``--backend`` spells it (``backend="duckdb"``):
it raised AttributeError from inside (H153 finding 17)."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention.relational import subscription_tables

pytestmark = pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated")
DATA = {"customer_id": ["a", "a", "b"], "month": ["2026-01", "2026-02", "2026-01"], "mrr": [10.0, 10.0, 20.0]}


def test_an_engines_name_is_connected() -> None:
    tables = subscription_tables(pd.DataFrame(DATA), backend="duckdb")
    assert tables.movements["customers_end"].tolist() == [2, 1]
    assert tables.movements["lost_mrr"].tolist() == [0.0, 20.0]


def test_pandas_is_no_engine() -> None:
    with pytest.raises(ValueError, match=r"^backend='pandas': xl_retention.relational computes in an engine"):
        subscription_tables(pd.DataFrame(DATA), backend="pandas")
