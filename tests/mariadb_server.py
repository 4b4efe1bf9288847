"""A throwaway MariaDB server for the tests (MySQL's dialect): started on a socket in a temporary folder, stopped and
deleted after (tests' helper; skips where MariaDB's server programs are missing: apt-get install mariadb-server)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _program(*names: str) -> str | None:
    for name in names:
        for folder in ("/usr/sbin", "/usr/bin"):
            if os.path.exists(os.path.join(folder, name)):
                return os.path.join(folder, name)
        if shutil.which(name):
            return shutil.which(name)
    return None


@contextmanager
def throwaway_mariadb(prefix: str) -> Iterator[Callable[[str], tuple[str, str]]]:
    """A new server's runner: ``run(sql)`` -> (its output, its error text) through the ``mariadb`` client, in a
    database ``x`` of character set utf8mb4."""
    server, install = _program("mariadbd", "mysqld"), _program("mariadb-install-db", "mysql_install_db")
    client = _program("mariadb", "mysql")
    if server is None or install is None or client is None:
        pytest.skip("MariaDB's server programs are missing: apt-get install mariadb-server")
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    socket, data = folder / "sock", folder / "data"
    setup = [install, "--no-defaults", f"--datadir={data}", "--user=root", "--skip-test-db"]
    subprocess.run([*setup, "--auth-root-authentication-method=normal"], check=True, capture_output=True, timeout=120)
    process = subprocess.Popen(
        [server, "--no-defaults", f"--datadir={data}", f"--socket={socket}", "--skip-networking", "--user=root",
         f"--pid-file={folder / 'pid'}", f"--log-error={folder / 'log'}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = [client, "--no-defaults", "-S", str(socket), "-uroot"]
    try:
        for _ in range(120):
            if subprocess.run([*base, "-e", "select 1"], capture_output=True).returncode == 0:
                break
            time.sleep(0.25)
        else:
            pytest.fail("MariaDB did not start: " + (folder / "log").read_text(errors="replace")[-1000:])
        subprocess.run([*base, "-e", "create database x character set utf8mb4"], check=True, capture_output=True)

        def run(sql: str) -> tuple[str, str]:
            done = subprocess.run([*base, "x"], input=sql, capture_output=True, text=True, timeout=120)
            return done.stdout, done.stderr

        yield run
    finally:
        process.terminate()
        process.wait(timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
