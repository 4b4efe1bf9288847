"""A connection that fails names the server, never its password (H128's finding 04).

The password of a PostgreSQL URL may be in its user info (``me:S3cretPw@``) or in its query (libpq's documented
``?password=``, common in CI secrets); only the first was masked: the one-line error printed the second in clear.
Port 1 on this machine refuses connections, so no server is needed.
"""

from __future__ import annotations

import pytest

from xl_retention import cli


@pytest.mark.parametrize(
    ("connection", "shown"),
    [
        (
            "postgres://me@localhost:1/prod?password=S3cretPw&sslmode=disable",
            "postgres://me@localhost:1/prod?password=***&sslmode=disable",
        ),
        (
            "postgres://me:S3cretPw@localhost:1/prod?sslmode=disable",
            "postgres://me:***@localhost:1/prod?sslmode=disable",
        ),
        (
            "postgresql://me@localhost:1/prod?sslmode=disable&PWD=S3cretPw",
            "postgresql://me@localhost:1/prod?sslmode=disable&PWD=***",
        ),
    ],
)
def test_a_failed_connection_masks_every_password(tmp_path, capsys, connection: str, shown: str) -> None:
    pytest.importorskip("psycopg")
    code = cli.main(
        ["import", "--subscriptions", "table:subs", "--backend", "postgres", "--connection", connection,
         "--to-csv", str(tmp_path / "out")]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code != 0
    assert "S3cretPw" not in err
    assert err.startswith(f"xl-retention: error: cannot connect to {shown}: "), err
    assert len(err.strip().splitlines()) == 1
