"""xl_retention.relational in Python names the PostgreSQL server as a Python call can: ``backend`` is the server's URL
(or an Ibis connection); ``backend="postgres"`` alone says so, not the CLI's ``--connection`` flag, which a Python
call has not. On a server these tests start and stop themselves (skipped, with the reason, without PostgreSQL)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")
sys.path.insert(0, str(Path(__file__).parent))

from postgres_server import throwaway_server  # noqa: E402

from xl_retention import relational as R  # noqa: E402

SNAPS = pd.DataFrame(
    {
        "customer_id": [1, 1, 2, 2, 3],
        "month": ["2024-01", "2024-02", "2024-01", "2024-03", "2024-02"],
        "mrr": [10, 15, 20, 20, 5],
    }
)


def test_backend_postgres_without_a_server_names_the_python_way() -> None:
    with pytest.raises(ValueError) as caught:
        R.monthly_movements(SNAPS, backend="postgres")
    message = str(caught.value)
    assert message.startswith("backend='postgres' needs the server: backend='postgres://user@host:port/database'")
    assert "--connection" not in message


def test_backend_is_the_server_url() -> None:
    with throwaway_server("xl-retention-pg-url-") as url:
        moves = R.monthly_movements(SNAPS, backend=url)
    assert list(map(str, moves.index)) == ["2024-01", "2024-02", "2024-03"]
    got = moves[["customers_start", "gained", "lost", "customers_end", "mrr_end"]].to_dict("list")
    assert got == {
        "customers_start": [0, 2, 2],
        "gained": [2, 1, 1],
        "lost": [0, 1, 2],
        "customers_end": [2, 2, 1],
        "mrr_end": [30.0, 20.0, 20.0],
    }
