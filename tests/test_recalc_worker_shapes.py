"""A batch's worker process (``recalc --jobs 2``) reads the argument rewrites' shapes cache the command reads
(``_imports.cache_shapes``, H165's request): each worker tokenized the template's 670 shapes again (about 0.1-0.18 s
per worker). Run in a process of its own: the initializer leaves Ctrl-C to the command."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import xl_retention


def test_a_workers_initializer_installs_the_shapes_cache() -> None:
    code = textwrap.dedent(
        """
        from xl_retention._imports import _SHAPE_STATE
        from xl_retention.recalculation.batch_workers import worker_signals
        before = _SHAPE_STATE["installed"]
        worker_signals()
        print(before, _SHAPE_STATE["installed"])
        """
    )
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(xl_retention.__file__))}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
