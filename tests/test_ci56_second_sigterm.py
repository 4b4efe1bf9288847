"""CI of stop 56: ``recalc --jobs 2`` interrupted left a worker's hidden ``.t2.xlsx.XXXX.tmp`` folder. When one
worker ends, the process pool terminates the others again (``terminate_broken``): the second SIGTERM was raised in a
worker while its first was removing the folder, and cut the removal short. A busy worker's second SIGTERM now changes
nothing, and the folder's removal runs to its end whatever interrupts it."""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path

import pytest

from xl_retention import _interrupts
from xl_retention.recalculation import batch_workers


def test_a_busy_workers_second_sigterm_is_not_raised_again() -> None:
    _interrupts.clear()
    batch_workers._BUSY[0] = True
    try:
        with pytest.raises(_interrupts.Terminated):
            batch_workers._terminated(signal.SIGTERM, None)
        assert batch_workers._terminated(signal.SIGTERM, None) is None  # was: Terminated raised again
        assert _interrupts.pending()  # the first one still ends the file
    finally:
        batch_workers._BUSY[0] = False
        _interrupts.clear()


def test_a_folder_whose_removal_is_interrupted_is_removed_all_the_same(tmp_path: Path) -> None:
    staging = tempfile.TemporaryDirectory(prefix=".t2.xlsx.", suffix=".tmp", dir=tmp_path)
    for name in ("a.xlsx", "b.xml"):
        (Path(staging.name) / name).write_bytes(b"x" * 10)
    cuts = []

    def removal_cut_short() -> None:  # the second Ctrl+C landing after the first file went
        if not cuts:
            cuts.append(1)
            os.remove(Path(staging.name) / "a.xlsx")
            raise KeyboardInterrupt
        staging.cleanup()

    with pytest.raises(KeyboardInterrupt):
        _interrupts.completed(removal_cut_short)
    assert list(tmp_path.iterdir()) == []  # was: .t2.xlsx.XXXX.tmp with b.xml in it
