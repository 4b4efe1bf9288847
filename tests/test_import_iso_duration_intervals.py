"""RevenueCat's (and the stores') ``product_duration`` writes the billing interval as an ISO 8601 duration (``P1M``,
``P1Y``): it was no interval word, and a yearly price beside it was refused, naming the product's name instead
(H152 finding 03). It is found by its values as the interval, as ``Yearly`` is."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_iso_duration_column_is_the_interval(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text(
        "rc_original_app_user_id,product_identifier,product_duration,start_time,end_time,price_in_usd\n"
        "u1,news_monthly,P1M,2025-01-05 10:00:00,,9.99\n"
        "u2,news_yearly,P1Y,2025-01-10 10:00:00,,120.00\n"
        "u3,news_quarterly,P3M,2025-02-03 10:00:00,,30.00\n"
    )
    columns = "customer_id=rc_original_app_user_id,start=start_time,end=end_time,amount=price_in_usd"
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", columns, backend=backend)
                            / "movements.csv").set_index("month")  # fmt: skip
    assert movements.loc["2025-01", "mrr_end"] == pytest.approx(19.99)  # 9.99 + 120 / 12
    assert movements.loc["2025-02", "mrr_end"] == pytest.approx(29.99)  # and 30 / 3
