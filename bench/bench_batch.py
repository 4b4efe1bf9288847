"""The 200-file batch of two copies of xl-retention, interleaved, against LibreOffice (issue 14: "the 200-file batch no
slower").

Run by hand: ``python bench/bench_batch.py start=COPY,head=COPY [FILES] [--lo]``. Each COPY is a folder holding an
``xl_retention`` package (``git archive <commit> | tar -x -C COPY``). FILES copies (200 by default) of the 24-month
template (built by the first copy) are recalculated by ``xl-retention recalc <folder> --jobs 2`` with each copy in
turn, then (``--lo``) converted one by one by LibreOffice with recalculation forced (its copy with our functions as
built-in arithmetic, as ``bench_recalc.py`` makes it), then by the copies again in reversed order. Wall and CPU
seconds of each process tree (the workers included, from ``wait4``), the best of each copy, and whether the copies'
outputs are identical to the byte.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_recalc as b  # noqa: E402


def main() -> None:
    trees = {name: Path(p) for name, p in (a.split("=") for a in sys.argv[1].split(","))}
    files = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 200
    work = Path(tempfile.mkdtemp(prefix="xlr-batch-"))
    try:
        one = b.template_with(b.environment(next(iter(trees.values()))), work / "one.xlsx", 24)
        peer = b.builtin_copy(one, work / "peer-one.xlsx")
        (work / "batch").mkdir()
        (work / "peer-batch").mkdir()
        for i in range(files):
            shutil.copy(one, work / "batch" / f"book{i:03d}.xlsx")
            shutil.copy(peer, work / "peer-batch" / f"book{i:03d}.xlsx")
        for name, tree in trees.items():  # bytecode and the caches, as an installed copy's first command writes them
            env = b.environment(tree)
            b.compile_bytecode(env)
            b.timed(b.ours_command(one, work / f"warm-{name}"), b.first_command_environment(env))

        def ours(name: str) -> dict:
            out = work / f"out-{name}"
            shutil.rmtree(out, ignore_errors=True)
            command = [sys.executable, "-m", "xl_retention", "recalc", str(work / "batch"), "--jobs", "2",
                       "--output-dir", str(out), "--json"]  # fmt: skip
            r = b.timed(command, b.environment(trees[name]))
            print(f"ours {name}: wall {r['seconds']:.1f} s, CPU {r['cpu']:.1f} s, load {os.getloadavg()[0]:.1f}, "
                  f"{time.strftime('%H:%M:%S')}", flush=True)  # fmt: skip
            return r

        def libreoffice() -> dict:
            wall = cpu = 0.0
            for i in range(files):
                r = b.timed(b.soffice_command(work / "peer-batch" / f"book{i:03d}.xlsx", work / "peer-out"))
                wall, cpu = wall + r["seconds"], cpu + r["cpu"]
            print(f"LibreOffice one by one: wall {wall:.1f} s, CPU {cpu:.1f} s, load {os.getloadavg()[0]:.1f}, "
                  f"{time.strftime('%H:%M:%S')}", flush=True)  # fmt: skip
            return {"seconds": wall, "cpu": cpu}

        print(f"{files} copies of the 24-month template; load {os.getloadavg()[0]:.1f}", flush=True)
        names = list(trees)
        runs: dict[str, list[dict]] = {name: [ours(name)] for name in names}
        peer_run = libreoffice() if "--lo" in sys.argv else None
        for name in reversed(names):
            runs[name].append(ours(name))
        for name in names:
            wall, cpu = min(r["seconds"] for r in runs[name]), min(r["cpu"] for r in runs[name])
            line = f"{name}: best wall {wall:.1f} s, best CPU {cpu:.1f} s"
            if peer_run is not None:
                line += (
                    f"; LibreOffice / ours: wall {peer_run['seconds'] / wall:.2f}x, CPU {peer_run['cpu'] / cpu:.2f}x"
                )
            print(line, flush=True)
        first, *others = (work / f"out-{name}" for name in names)
        for other in others:
            differ = [f.name for f in sorted(first.iterdir()) if not filecmp.cmp(f, other / f.name, shallow=False)]
            print(f"outputs of {other.name} differing from {first.name}'s: {len(differ)} of {files}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
