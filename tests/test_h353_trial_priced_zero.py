"""H350's finding 02: a RevenueCat trial row priced 0.00 (is_trial_period True; '$0.00' in H350's file) in a price
column that also holds '8,99' ('8,99 €') was refused as a trial "whose price would count as MRR": the column could not
be read as a whole (mixed decimal marks), so the 0.00 was not seen. Each value is now read alone there, and the true
reason, the mixed decimal marks, is given.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ROWS = """customer_id,start,end,is_trial_period,price,interval
u1,2026-01-03,2026-01-10,True,0.00,month
u1,2026-01-10,2026-02-10,False,9.99,month
e1,2026-01-05,2026-02-05,False,"8,99",month
"""


def _refusal(tmp_path: Path, rows: str) -> str:
    path = tmp_path / "rc.csv"
    path.write_text(rows)
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions=path, columns={"amount": "price"})
    return str(caught.value)


def test_trial_priced_zero_beside_mixed_decimal_marks_names_the_marks(tmp_path: Path) -> None:
    message = _refusal(tmp_path, ROWS)
    assert "rc.csv, column 'price': numbers with a decimal comma ('8,99') and others with a decimal point" in message
    assert "its price would count as MRR" not in message, message


def test_trial_with_a_price_is_still_refused_as_a_trial(tmp_path: Path) -> None:
    message = _refusal(tmp_path, ROWS.replace("True,0.00", "True,9.99"))
    assert "column 'is_trial_period'" in message and "its price would count as MRR" in message, message
