"""A throwaway PostgreSQL server for the tests: started on a free loopback port, stopped and deleted after (tests'
helper; the tests need PostgreSQL's server programs, which .ci/run installs)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def server_programs() -> Path | None:
    """The folder of PostgreSQL's initdb and pg_ctl (the newest Debian one, else on the PATH), or None."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(folder, "pg_ctl")) and os.path.exists(os.path.join(folder, "initdb")):
            return Path(folder)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def throwaway_server(
    prefix: str, initdb: tuple[str, ...] = (), failed: Callable[[str], object] = pytest.fail
) -> Iterator[str]:
    """A new server's URL (``initdb``: more initdb options, as a collation); ``failed(message)`` when it cannot start
    (``pytest.fail`` or ``pytest.skip``). Skips without the server programs or psycopg."""
    programs = server_programs()
    if programs is None:
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are missing: apt-get install postgresql")
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'xl-retention[postgres]')")
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    as_user: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        os.chmod(folder, 0o755)
        shutil.chown(folder, "nobody")
        as_user = ["runuser", "-u", "nobody", "--"]
    port = _free_port()
    data = folder / "data"
    run = dict(check=True, capture_output=True, timeout=120, cwd=folder)  # a folder the server's user can enter
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    try:
        subprocess.run([*as_user, str(programs / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                        "--no-sync", *initdb], **run)  # fmt: skip
        subprocess.run([*as_user, str(programs / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-t",
                        "60", "-o", options, "start"], **run)  # fmt: skip
    except subprocess.CalledProcessError as error:
        log = (folder / "log").read_text(errors="replace")[-2000:] if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        failed(f"could not start PostgreSQL: {error.stderr.decode(errors='replace')[-2000:]} {log}")
        return
    try:
        yield f"postgres://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(programs / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60, cwd=folder)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
