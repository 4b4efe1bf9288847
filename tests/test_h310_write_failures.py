"""H302's finding 03: when a command cannot write its file (a file size limit, a full disk, a read-only folder, a
folder where the file should be), it says so in one line naming the user's file and the cause, exits 1, leaves no
temporary file and the input as it was. It said ``[Errno 27] File too large`` (no file), ``recalculation failed:
sample.xlsx: [Errno 28] ...`` (a file the user never named) or named the hidden temporary file
(``.t.recalc.xlsx.2k595dss.tmp``, ``./.demo.enbsdicp``)."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention._files import NotWritten, atomic_output
from xl_retention.cli import main
from xl_retention.recalculation import recalc
from xl_retention.recalculation.excel import saved_name
from xl_retention.workbook import build_template

EFBIG = "larger than the file size limit (ulimit -f) or its file system allows"


def _run(args: list[str], cwd: Path, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """``xl-retention ARGS`` in ``cwd`` with a file size limit of ``limit`` bytes (``ulimit -f``), its temporary
    folder ``cwd/../tmp``."""

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "TMPDIR": str(cwd.parent / "tmp"), "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=limited,
    )


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "tmp").mkdir()
    folder = tmp_path / "w"
    folder.mkdir()
    build_template(folder / "t.xlsx", start="2026-01", months=3)
    (folder / "subs.csv").write_text("customer_id,month,mrr\na,2026-01,10\nb,2026-01,20\na,2026-02,10\nc,2026-03,30\n")
    return folder


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize(
    ("args", "limit", "said"),
    [
        (["new", "n.xlsx", "--start", "2006-01", "--months", "240"], 60_000, f"n.xlsx: {EFBIG} (TMP); nothing"),
        (["demo", "big.xlsx"], 60_000, f"big.xlsx: {EFBIG} (TMP); nothing"),
        (["extend", "t.xlsx", "--months", "200"], 60_000, f"t.xlsx: {EFBIG} (TMP); kept"),
        (["import", "--subscriptions", "subs.csv", "--into", "t.xlsx"], 20_000, f"t.xlsx: {EFBIG}; kept"),
        (["import", "--subscriptions", "subs.csv", "--to-csv", "c"], 200, f"c/movements.csv: {EFBIG}; nothing"),
    ],
)
def test_a_file_size_limit_names_the_users_file(work: Path, args: list[str], limit: int, said: str) -> None:
    before, files = (work / "t.xlsx").read_bytes(), _files(work)
    done = _run(args, work, limit)
    expected = (
        said.replace("(TMP)", f"(writing a temporary file in {os.path.realpath(work.parent / 'tmp')})")
        .replace("; nothing", "; nothing was written")
        .replace("; kept", "; the file is as it was")
    )
    assert (done.returncode, done.stderr) == (1, f"xl-retention: error: cannot write {expected}\n")
    assert (work / "t.xlsx").read_bytes() == before
    made = {"c"} if "--to-csv" in args else set()  # the folder of the tables, made before the first is written
    assert _files(work) == files | made and not list((work.parent / "tmp").iterdir())
    if made:
        assert _files(work / "c") == set()


def test_the_python_functions_name_the_tracker(work: Path) -> None:
    """extend_workbook and fill_workbook said a failed write of the template Cohorts takes its formulas from as that
    of '/tmp/tmpXXXX/new.xlsx' (the command line named the tracker since 76797f31, a Python caller did not)."""
    script = (
        "import sys\n"
        "from xl_retention.workbook.extend import extend_workbook\n"
        "from xl_retention.workbook.importer import fill_workbook, load_tables\n"
        "for run in (lambda: extend_workbook('t.xlsx', months=200),\n"
        "            lambda: fill_workbook('t.xlsx', load_tables(subscriptions='tri.csv'))):\n"
        "    try:\n"
        "        run()\n"
        "    except OSError as error:\n"
        "        print(error)\n"
    )
    (work / "go.py").write_text(script)
    rows = "".join(f"c{m},2026-{m:02d},10\n" for m in range(1, 12))  # through 2026-11: 8 months added
    (work / "tri.csv").write_text("customer_id,month,mrr\n" + rows)
    before = (work / "t.xlsx").read_bytes()
    done = subprocess.run(
        [sys.executable, "go.py"],
        cwd=work,
        # no bytecode written under the limit: a cut-short .pyc broke the next imports ("marshal data too short")
        env={**os.environ, "TMPDIR": str(work.parent / "tmp"), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000)),
    )
    temporary = os.path.realpath(work.parent / "tmp")
    said = f"cannot write t.xlsx: {EFBIG} (writing a temporary file in {temporary}); the file is as it was\n"
    assert done.stdout == said * 2, done.stderr
    assert (work / "t.xlsx").read_bytes() == before


def _triangle(path: Path, mrr: int) -> None:
    """36 monthly cohorts of one customer each, from 2023-01: cohort tables larger than the movements table."""
    rows = [f"c{j},{2023 + m // 12}-{m % 12 + 1:02d},{mrr + j}" for j in range(36) for m in range(j, 36)]
    path.write_text("customer_id,month,mrr\n" + "\n".join(rows) + "\n")


def test_to_csv_writes_every_table_or_none(work: Path) -> None:
    """A file size limit met by the third table (revenue_cohorts.csv, 4.4 KB; movements.csv 3.3 KB and
    customer_cohorts.csv 2.4 KB fit) had replaced the first two, beside the earlier run's list of tables."""
    _triangle(work / "tri.csv", 10)
    assert _run(["import", "--subscriptions", "tri.csv", "--to-csv", "c"], work).returncode == 0
    before = {p.name: p.read_bytes() for p in (work / "c").iterdir()}
    _triangle(work / "tri.csv", 110)  # every MRR 100 more: movements and revenue_cohorts change
    done = _run(["import", "--subscriptions", "tri.csv", "--to-csv", "c"], work, 4_000)
    said = f"cannot write c/revenue_cohorts.csv: {EFBIG}; the file is as it was"
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"xl-retention: error: {said}\n")
    assert {p.name: p.read_bytes() for p in (work / "c").iterdir()} == before
    assert _run(["import", "--subscriptions", "tri.csv", "--to-csv", "c"], work).returncode == 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["t.xlsx"], "t.xlsx: cannot write t.recalc.xlsx: EFBIG; nothing was written"),
        (["t.xlsx", "--output-dir", "o"], "cannot write o/t.xlsx: EFBIG; nothing was written"),
        (["t.xlsx", "--in-place"], "cannot write t.xlsx: EFBIG; the file is as it was"),
    ],
)
def test_recalc_under_a_file_size_limit_names_its_output(work: Path, args: list[str], said: str) -> None:
    before, files = (work / "t.xlsx").read_bytes(), _files(work)
    done = _run(["recalc", *args, "--json"], work, 20_000)
    assert done.returncode == 1
    assert f'"message": "{said.replace("EFBIG", EFBIG)}"' in done.stdout
    assert (work / "t.xlsx").read_bytes() == before
    assert _files(work) == files | ({"o"} if "o" in args else set())  # no hidden staging folder left


def test_a_folder_where_the_file_should_be(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "d.xlsx").mkdir()
    said = (
        f"xl-retention: error: cannot write {work / 'd.xlsx'}: it is a folder: give a file's name; nothing was written"
    )
    for args in (
        ["new", str(work / "d.xlsx")],
        ["new", str(work / "d.xlsx"), "--force"],
        ["demo", str(work / "d.xlsx")],
    ):
        assert main(args) == 1
        assert capsys.readouterr().err == said + "\n"  # not "exists: pass --force", which would not help
    assert _files(work / "d.xlsx") == set()


def test_atomic_output_names_its_target(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "t.xlsx"
    with pytest.raises(NotWritten) as error:
        with atomic_output(target) as stream:
            stream.write(b"x")
    assert str(error.value) == f"cannot write {target}: its folder does not exist; nothing was written"
    (tmp_path / "t.xlsx").write_bytes(b"old")
    with pytest.raises(ValueError, match="a check of the caller's"):  # not a write failure: passed as it is
        with atomic_output(tmp_path / "t.xlsx") as stream:
            stream.write(b"new")
            raise ValueError("a check of the caller's")
    assert (tmp_path / "t.xlsx").read_bytes() == b"old" and _files(tmp_path) == {"t.xlsx"}


def test_excels_saved_name_is_cut_for_a_long_legal_name() -> None:
    name = "n" * 240 + ".xlsx"  # 245 bytes: legal (255 at most); '.NAME.' + 8 random + '.xlsx' would be 260
    args = saved_name(Path("/work") / name)
    assert args == {"prefix": "." + "n" * 200 + ".", "suffix": ".xlsx", "dir": "/work"}
    assert len(args["prefix"]) + 8 + len(args["suffix"]) <= 255


def _structure_locked(work: Path) -> Path:
    wb = openpyxl.load_workbook(work / "t.xlsx")
    wb.security.lockStructure = True
    wb.save(work / "L.xlsx")
    return work / "L.xlsx"


def _sheet_entries(path: Path) -> tuple[list[str], bool]:
    book = zipfile.ZipFile(path).read("xl/workbook.xml").decode()
    return re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book), 'lockStructure="1"' in book


@pytest.mark.parametrize(
    "args",
    [["extend", "L.xlsx", "--months", "2"], ["import", "--subscriptions", "subs.csv", "--into", "L.xlsx"]],
)
def test_a_locked_structure_is_kept_where_no_sheet_changes(work: Path, args: list[str]) -> None:
    """Review > Protect Workbook (structure) forbids adding, moving, renaming or hiding sheets, not writing rows: extend
    and import --into add months inside the sheets, as Excel lets anyone, and keep the lock (a change of the sheet
    list is refused: test_h306_protected_sheets)."""
    path = _structure_locked(work)
    sheets, _ = _sheet_entries(path)
    done = _run(args, work)
    assert done.returncode == 0, done.stderr
    assert _sheet_entries(path) == (sheets, True)
    assert openpyxl.load_workbook(path)["Customers"]["A4"].value is not None  # 2026-04: written


def _mount(folder: Path, options: str) -> bool:
    """A tmpfs mounted at ``folder`` (root only; False where it cannot be)."""
    folder.mkdir()
    if os.geteuid() != 0:
        return False
    return (
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True).returncode
        == 0
    )


def test_a_full_disk_and_a_read_only_folder(work: Path) -> None:
    """As root: a tmpfs filled up, and one remounted read-only (the reproduction's run.sh does the same)."""
    full, ro = work / "full", work / "ro"
    if not _mount(full, "size=200k"):
        pytest.skip("needs root and tmpfs mounts")
    try:
        (full / "t.xlsx").write_bytes((work / "t.xlsx").read_bytes())
        with open(full / "fill", "wb") as fill:  # the rest of the 200 KB
            with pytest.raises(OSError):
                fill.write(b"\0" * 400_000)
                fill.flush()
        before = (full / "t.xlsx").read_bytes()
        done = _run(["extend", "full/t.xlsx", "--months", "24"], work)
        assert (
            done.stderr
            == "xl-retention: error: cannot write full/t.xlsx: no space left on device; the file is as it was\n"
        )
        done = _run(["new", "full/n.xlsx"], work)
        assert (
            done.stderr
            == "xl-retention: error: cannot write full/n.xlsx: no space left on device; nothing was written\n"
        )
        assert (full / "t.xlsx").read_bytes() == before and _files(full) == {"t.xlsx", "fill"}
    finally:
        subprocess.run(["umount", str(full)])
    assert _mount(ro, "size=200k")
    try:
        (ro / "t.xlsx").write_bytes((work / "t.xlsx").read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
        said = "its folder is on a read-only file system"
        for args, line in (
            (["new", "ro/n.xlsx"], f"cannot write ro/n.xlsx: {said}; nothing was written"),
            (["demo", "ro/d.xlsx"], f"cannot write ro/d.xlsx: {said}; nothing was written"),
            (["extend", "ro/t.xlsx", "--months", "1"], f"cannot write ro/t.xlsx: {said}; the file is as it was"),
            (
                ["import", "--subscriptions", "subs.csv", "--to-csv", "ro/c"],
                f"cannot write ro/c: {said}; nothing was written",
            ),
        ):
            done = _run(args, work)
            assert (done.returncode, done.stderr) == (1, f"xl-retention: error: {line}\n")
        done = _run(["recalc", "ro/t.xlsx", "--json"], work)
        assert f'"message": "t.xlsx: cannot write ro/t.recalc.xlsx: {said}; nothing was written"' in done.stdout
        assert _files(ro) == {"t.xlsx"}
    finally:
        subprocess.run(["umount", str(ro)])


def _strict(work: Path) -> Path:
    spaces = {
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }
    with zipfile.ZipFile(work / "t.xlsx") as zi, zipfile.ZipFile(work / "s.xlsx", "w", zipfile.ZIP_DEFLATED) as zo:
        for name in zi.namelist():
            data = zi.read(name)
            for a, b in spaces.items():
                data = data.replace(a, b)
            if name == "xl/workbook.xml":
                data = data.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
            zo.writestr(name, data)
    return work / "s.xlsx"


STRICT = (
    "s.xlsx is a Strict Open XML workbook, which the embedded engine cannot read: open it in Excel and save it as "
    "Excel Workbook (.xlsx), or recalculate it with --engine excel"
)


def test_recalc_of_a_strict_workbook_says_one_thing(work: Path) -> None:
    """openpyxl's warnings on reading it ('File contains an invalid specification for 0', 'Defined names for sheet
    index 0 cannot be located') were printed by the worker processes of --jobs 2, and to a Python caller."""
    _strict(work)
    done = _run(["recalc", "s.xlsx", "t.xlsx", "--jobs", "2", "--json"], work)
    assert (done.returncode, done.stderr) == (1, "")
    assert f'"message": "{STRICT}"' in done.stdout
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = recalc(work / "s.xlsx", engine="embedded")
    assert report.files[0].message == STRICT
    assert [str(w.message) for w in caught] == []
