"""What a newcomer reads first: each command's --help says what it does, and a re-import that changes nothing does
not open with "filled" (H348's findings 03 and 04).

``recalc --help`` never said where the result goes without --output-dir/--in-place (NAME.recalc.xlsx beside the
input) nor the statuses and exit code; ``demo --help`` said --start defaults to "24 months up to last month" whatever
--months; ``functions``, ``new``, ``recalc``, ``sql``, ``demo`` and ``import`` had no description. The same data
imported again printed ``filled t.xlsx, ...`` above ``no cell changed, so the import did not write the file``.
"""

from __future__ import annotations

import pytest
from cli_process import run

from xl_retention.cli import build_parser


def _help(command: str) -> str:
    sub = build_parser()._subparsers._group_actions[0].choices[command]  # noqa: SLF001 (argparse keeps them there)
    return sub.format_help()


@pytest.mark.parametrize("command", ["functions", "new", "recalc", "sql", "demo", "import", "extend", "upgrade"])
def test_every_command_has_a_description(command):
    sub = build_parser()._subparsers._group_actions[0].choices[command]  # noqa: SLF001
    assert sub.description and len(sub.description) > 60


def test_recalc_help_says_where_the_result_goes_its_statuses_and_exit_code():
    text = " ".join(_help("recalc").split())
    assert "NAME.recalc.xlsx" in text
    for status in ("ok (", "incomplete (", "failed ("):
        assert status in text
    assert "The exit code is 0 when every file is ok, else 1." in text


def test_demo_and_new_help_name_their_limits():
    assert "(default: --months months up to last month)" in " ".join(_help("demo").split())
    assert "number of months, 1 to 240 (default: 24)" in " ".join(_help("new").split())


def test_the_same_data_again_does_not_say_filled(tmp_path):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "3").returncode == 0
    (tmp_path / "s.csv").write_text("customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\n")
    first = run("import", "--subscriptions", tmp_path / "s.csv", "--into", book)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0] == f"filled {book}, a tracker of 3 months from 2026-01"
    before = book.read_bytes()
    again = run("import", "--subscriptions", tmp_path / "s.csv", "--into", book)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == f"nothing new for {book}, a tracker of 3 months from 2026-01"
    assert "no cell changed" in again.stdout.splitlines()[1]
    assert book.read_bytes() == before
