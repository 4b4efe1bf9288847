"""bench/bench_conformance.py takes the corpus folder as a required argument (H285's finding 07, H288).

It defaulted to /work/shared/excel-oracle, a folder on the developers' machine outside the repository. Without a
folder (or with one that is not a folder of workbooks) it now says so in one line naming FOLDER and exits 2. These
tests never read the corpus: they give no folder, a missing one, or an empty temporary one.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "bench_conformance.py"
WHERE = '(bench/README.md, "Conformance with Excel")'


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def test_no_folder_is_refused_in_one_line_naming_it():
    run = _run("--no-libreoffice")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        "bench_conformance.py: give FOLDER, the folder of the corpus: public workbooks saved by Microsoft Excel "
        f"(their stored values are Excel's answers); it is not in the repository {WHERE}\n"
    )


def test_a_missing_or_empty_folder_is_refused_in_one_line_naming_it(tmp_path):
    missing = tmp_path / "excel-oracle"
    run = _run(str(missing), "--no-libreoffice")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        f"bench_conformance.py: FOLDER {missing} is not a folder: give the folder of the corpus of Excel-saved "
        f"workbooks {WHERE}\n"
    )
    missing.mkdir()
    (missing / "notes.txt").write_text("no workbook here")
    run = _run(str(missing), "--no-libreoffice")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        f"bench_conformance.py: FOLDER {missing} holds no .xlsx or .xlsm workbook: give the folder of the corpus "
        f"{WHERE}\n"
    )


def test_the_readmes_say_what_the_corpus_is_and_that_it_is_not_in_the_repository():
    root = SCRIPT.parents[1]
    bench = (root / "bench" / "README.md").read_text(encoding="utf-8")
    section = bench[bench.index("## Conformance with Excel") :]
    section = " ".join(section[: section.index("\n## ", 1)].split())
    assert "bench_conformance.py FOLDER [--misses]" in section
    assert "74 public workbooks saved by Microsoft Excel, their stored values Excel's answers" in section
    assert "The files are not in the repository" in section
    assert "bench/excel_oracle_manifest.csv" in section
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    assert "corpus is not in this repository; `bench/excel_oracle_manifest.csv` lists each file's repository" in readme
    with open(root / "bench" / "excel_oracle_manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 74
    assert {row["source_repository"] for row in rows} == {"anthill/koala", "bradbase/xlcalculator", "dgorissen/pycel"}
    assert all(len(row["repository_commit"]) == 40 for row in rows)
    assert "/work/shared" not in SCRIPT.read_text(encoding="utf-8")
