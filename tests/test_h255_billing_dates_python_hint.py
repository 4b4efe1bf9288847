"""A billing export's unmapped start and end are refused with the Python form of the mapping too (H253's finding 03).

From Python the refusal said only ``--columns 'start=Start Date (UTC),end=Ended At (UTC)'``, the command line's
form, where every other missing column's message adds ``(in Python: columns={...})``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import relational
from xl_retention.reading import DataError
from xl_retention.tables import subscription_tables

STRIPE = pd.DataFrame(
    {
        "Customer ID": ["cus_1"],
        "Start Date (UTC)": ["2026-01-10"],
        "Ended At (UTC)": [None],
        "Plan Amount": [1200],
        "Plan Interval": ["year"],
        "Quantity": [1],
    }
)
HINT = (
    "map them: --columns 'start=Start Date (UTC),end=Ended At (UTC)' "
    "(in Python: columns={'start': 'Start Date (UTC)', 'end': 'Ended At (UTC)'})"
)


@pytest.mark.filterwarnings("ignore")
def test_tables_and_relational_give_the_python_mapping() -> None:
    for make in (subscription_tables, lambda df: relational.subscription_tables(df, backend="duckdb")):
        with pytest.raises(DataError) as caught:
            make(STRIPE)
        assert str(caught.value).endswith(HINT)


@pytest.mark.filterwarnings("ignore")
def test_the_python_mapping_it_gives_reads_the_export() -> None:
    columns = {"start": "Start Date (UTC)", "end": "Ended At (UTC)"}
    m = subscription_tables(STRIPE, columns=columns, end="2026-01").movements
    assert m["mrr_end"].tolist() == [100.0]  # 1,200 a year
