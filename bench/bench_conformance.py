"""Conformance: how often our engine and LibreOffice agree with Excel's own answers.

Run by hand (not a test)::

    nice python bench/bench_conformance.py FOLDER [--work DIR] [--no-libreoffice] [--misses]

FOLDER (required) holds the corpus: public workbooks last saved by Microsoft Excel, each formula cell's stored
value Excel's answer (bench/README.md, "Conformance with Excel", says where they come from). The corpus is not in
the repository; without FOLDER the script says so in one line and exits 2. The workbooks are recalculated into copies
with ``xl-retention recalc FOLDER --engine embedded --output-dir WORK/embedded --json`` and with
LibreOffice headless under a forced-recalculation profile (``tests/libreoffice.py``), and every
scored cell (each formula cell and each member cell of an array formula) is compared with Excel's
value as the corpus README says: numbers within 1e-9 relative (1e-12 absolute near 0), text,
booleans and error codes exactly, different types never. A workbook with iterative calculation
switched on is compared with its ``iterateDelta`` as absolute tolerance. Cells whose formula calls
a volatile or environment-dependent function (NOW, TODAY, RAND, RANDBETWEEN, RANDARRAY, INFO, CELL)
are left out. A file an engine refuses counts as a miss for all its cells (marked *), and so does each cell
it leaves as stored ("not recalculated (kept as stored)": Excel's value, not the engine's).

Prints per-file and total match rates for both engines and, for each engine, the functions in the
formulas of its missed cells (with how many missed cells name each).
"""

from __future__ import annotations

import argparse
import json
import math
import posixpath
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as etree

from openpyxl.utils.cell import get_column_letter, range_boundaries

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}
VOLATILE = re.compile(r"(?<![A-Za-z0-9_.])(?:_xlfn\.)?(NOW|TODAY|RAND|RANDBETWEEN|RANDARRAY|INFO|CELL)\s*\(", re.I)
FUNCTION = re.compile(r"(?<![A-Za-z0-9_.])(?:_xlfn\.|_xlws\.)*([A-Za-z][A-Za-z0-9.]*)\s*\(")
REL_TOL, ABS_TOL = 1e-9, 1e-12


@dataclass(frozen=True)
class Error:
    """An Excel error value, compared by its code."""

    code: str


@dataclass
class Cell:
    """A scored cell: Excel's value, the formula behind it (the array's for a member cell)."""

    value: Any
    formula: str


@dataclass
class Book:
    """The scored cells of one workbook, and its comparison tolerance."""

    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    abs_tol: float = ABS_TOL


def _sheet_parts(package: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part path) of each worksheet, in workbook order."""
    workbook = etree.fromstring(package.read("xl/workbook.xml"))
    rels = etree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.findall("pr:Relationship", NS)}
    out = []
    for sheet in workbook.iterfind("m:sheets/m:sheet", NS):
        target = targets.get(sheet.get(f"{{{NS['r']}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if part in package.namelist():
            out.append((sheet.get("name"), part))
    return out


def _shared_strings(package: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in package.namelist():
        return []
    root = etree.fromstring(package.read("xl/sharedStrings.xml"))
    # the text of <si><t> or of its runs <si><r><t>, leaving out phonetic guides (<rPh>)
    return [
        "".join(t.text or "" for t in [*si.findall("m:t", NS), *si.findall("m:r/m:t", NS)])
        for si in root.iterfind("m:si", NS)
    ]


def _value(cell: etree.Element, strings: list[str]) -> Any:
    """A cell's stored value by its type: number, text, boolean, :class:`Error`, or None (no value)."""
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        node = cell.find("m:is", NS)
        return "" if node is None else "".join(t.text or "" for t in node.iterfind(".//m:t", NS))
    v = cell.find("m:v", NS)
    if v is None:
        return None
    text = v.text or ""
    if kind == "s":
        return strings[int(text)]
    if kind in ("str", "inlineStr"):
        return text
    if kind == "b":
        return text.strip() in ("1", "true")
    if kind == "e":
        return Error(text.strip())
    return float(text) if text.strip() else None


def _iter_cells(path: Path) -> Iterator[tuple[str, str, etree.Element, list[str]]]:
    with zipfile.ZipFile(path) as package:
        strings = _shared_strings(package)
        for sheet, part in _sheet_parts(package):
            root = etree.fromstring(package.read(part))
            for cell in root.iterfind("m:sheetData/m:row/m:c", NS):
                yield sheet, cell.get("r"), cell, strings


def read_values(path: Path) -> dict[tuple[str, str], Any]:
    """Every stored cell value of a workbook: ``{(sheet, "B3"): value}`` (read from the XML)."""
    return {(sheet, ref): _value(cell, strings) for sheet, ref, cell, strings in _iter_cells(path)}


def scored_cells(path: Path) -> Book:
    """Excel's scored cells of ``path``: formula cells and array-member cells, volatile ones left out."""
    book = Book()
    with zipfile.ZipFile(path) as package:
        calc = etree.fromstring(package.read("xl/workbook.xml")).find("m:calcPr", NS)
    if calc is not None and calc.get("iterate") in ("1", "true"):
        book.abs_tol = float(calc.get("iterateDelta", "0.001"))
    shared: dict[tuple[str, str], str] = {}
    arrays: list[tuple[str, str, str]] = []  # (sheet, ref range, formula)
    values: dict[tuple[str, str], Any] = {}
    formulas: dict[tuple[str, str], str] = {}
    for sheet, ref, cell, strings in _iter_cells(path):
        values[(sheet, ref)] = _value(cell, strings)
        f = cell.find("m:f", NS)
        if f is None:
            continue
        text = f.text or ""
        if f.get("t") == "shared":
            key = (sheet, f.get("si"))
            if text:
                shared[key] = text
            text = text or shared.get(key, "")
        if f.get("t") == "array" and f.get("ref"):
            arrays.append((sheet, f.get("ref"), text))
        formulas[(sheet, ref)] = text
    for sheet, ref, text in arrays:
        low_col, low_row, high_col, high_row = range_boundaries(ref)
        for row in range(low_row, high_row + 1):
            for col in range(low_col, high_col + 1):
                key = (sheet, f"{get_column_letter(col)}{row}")
                if key in values and not formulas.get(key):
                    formulas[key] = text
    for key, text in formulas.items():
        if not VOLATILE.search(text):
            book.cells[key] = Cell(values.get(key), text)
    return book


def functions(formula: str) -> set[str]:
    """The function names a formula calls, upper case, without ``_xlfn.`` prefixes."""
    return {name.upper() for name in FUNCTION.findall(formula)}


def same(expected: Any, got: Any, abs_tol: float = ABS_TOL) -> bool:
    """Whether ``got`` matches Excel's ``expected`` under the corpus rules (an empty result equals "")."""
    if expected in (None, "") and got in (None, ""):
        return True
    if isinstance(expected, bool) or isinstance(got, bool):
        return isinstance(expected, bool) and isinstance(got, bool) and expected is got
    if isinstance(expected, float) and isinstance(got, float):
        return math.isclose(expected, got, rel_tol=REL_TOL, abs_tol=abs_tol)
    if isinstance(expected, Error) or isinstance(got, Error):
        return expected == got
    return isinstance(expected, str) and isinstance(got, str) and expected == got


@dataclass
class Score:
    """One engine's result on one workbook."""

    cells: int
    matched: int
    misses: list[tuple[str, str, Any, Any, str]]  # (sheet, ref, expected, got, formula)
    refused: str = ""  # why the file was refused or is incomplete ("" when ok)


def score(book: Book, output: Path | None, message: str = "", kept: frozenset[tuple[str, str]] = frozenset()) -> Score:
    """Compare an engine's recalculated ``output`` with Excel's cells.

    ``output`` None: the file was refused (every cell a miss); ``kept``: cells the engine left as
    stored (misses); ``message``: why the file was refused or incomplete.
    """
    got = read_values(output) if output is not None else {}
    misses = []
    for (sheet, ref), cell in book.cells.items():
        if output is None or (sheet, ref) in kept:
            value: Any = Error("(refused)" if output is None else "(kept as stored)")
        else:
            value = got.get((sheet, ref))
        if not same(cell.value, value, book.abs_tol):
            misses.append((sheet, ref, cell.value, value, cell.formula))
    return Score(len(book.cells), len(book.cells) - len(misses), misses, message)


Runs = dict[str, tuple[Path | None, str, frozenset[tuple[str, str]]]]


def run_embedded(files: list[Path], out: Path) -> Runs:
    """``xl-retention recalc --engine embedded`` on ``files``: {name: (output or None, message, kept cells)}.

    A file written with some cells "not recalculated (kept as stored)" (status ``incomplete``) is
    scored, but its kept cells hold Excel's own values, not ours: they count as misses.
    """
    command = ["xl-retention", "recalc", *map(str, files), "--engine", "embedded", "--output-dir", str(out), "--json"]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"xl-retention recalc gave no JSON report: {result.stderr.strip()[:300]}") from None
    runs: Runs = {}
    for f in report["files"]:
        kept = frozenset(tuple(u["address"].rsplit("!", 1)) for u in f.get("unsupported", []))
        written = f["status"] != "failed" and f.get("output")
        message = "" if f["status"] == "ok" else f["message"]
        runs[Path(f["path"]).name] = (Path(f["output"]) if written else None, message, kept)
    return runs


def run_libreoffice(files: list[Path], out: Path) -> Runs:
    """LibreOffice headless with forced recalculation on ``files``: {name: (output or None, message)}."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import libreoffice

    results = {}
    for path in files:
        try:
            results[path.name] = (libreoffice.recalculate(path, out), "", frozenset())
        except RuntimeError as error:
            results[path.name] = (None, str(error).splitlines()[0], frozenset())
    return results


def _rate(matched: int, cells: int) -> str:
    return f"{100 * matched / cells:.1f}%" if cells else "-"


def _corpus_problem(folder: str | None) -> str | None:
    """Why ``folder`` cannot be the corpus (none given, not a folder, no workbook in it), in one line; else None."""
    where = 'bench/README.md, "Conformance with Excel"'
    if folder is None:
        return (
            "give FOLDER, the folder of the corpus: public workbooks saved by Microsoft Excel (their stored values "
            f"are Excel's answers); it is not in the repository ({where})"
        )
    path = Path(folder)
    if not path.is_dir():
        return f"FOLDER {folder} is not a folder: give the folder of the corpus of Excel-saved workbooks ({where})"
    if not any(p.suffix.lower() in (".xlsx", ".xlsm") for p in path.iterdir()):
        return f"FOLDER {folder} holds no .xlsx or .xlsm workbook: give the folder of the corpus ({where})"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder", nargs="?", help="the corpus: workbooks saved by Microsoft Excel (not in the repository)"
    )
    parser.add_argument("--work", help="folder for the recalculated copies (default: a temporary one)")
    parser.add_argument("--no-libreoffice", action="store_true", help="score only our engine")
    parser.add_argument("--misses", action="store_true", help="print every missed cell")
    args = parser.parse_args(argv)
    problem = _corpus_problem(args.folder)
    if problem:
        print(f"bench_conformance.py: {problem}", file=sys.stderr)
        return 2
    files = sorted(p for p in Path(args.folder).iterdir() if p.suffix.lower() in (".xlsx", ".xlsm"))
    work = Path(args.work or tempfile.mkdtemp(prefix="xl-retention-conformance-"))
    books = {p.name: scored_cells(p) for p in files}
    engines = {"ours": run_embedded(files, work / "embedded")}
    if not args.no_libreoffice:
        engines["libreoffice"] = run_libreoffice(files, work / "libreoffice")
    scores = {
        engine: {name: score(books[name], *runs.get(name, (None, "not run", frozenset()))) for name in books}
        for engine, runs in engines.items()
    }
    header = f"{'file':<46} {'cells':>6}" + "".join(f" {e:>12}" for e in scores)
    print(header)
    for name, book in books.items():
        line = f"{name:<46} {len(book.cells):>6}"
        for engine in scores:
            s = scores[engine][name]
            line += f" {_rate(s.matched, s.cells) + (' *' if s.refused else ''):>12}"
        print(line)
    total = sum(len(b.cells) for b in books.values())
    line = f"{'TOTAL (' + str(len(books)) + ' files)':<46} {total:>6}"
    for engine in scores:
        matched = sum(s.matched for s in scores[engine].values())
        line += f" {_rate(matched, total):>12}"
    print(line)
    for engine in scores:
        matched = sum(s.matched for s in scores[engine].values())
        print(f"\n{engine}: {matched}/{total} cells match Excel ({_rate(matched, total)})")
        for s in scores[engine].values():
            if s.refused:
                print(f"  * {s.refused}")
        blame: Counter[str] = Counter()
        for s in scores[engine].values():
            for *_, formula in s.misses:
                blame.update(functions(formula) or {"(no function)"})
        print("  functions in missed cells: " + ", ".join(f"{fn} {n}" for fn, n in blame.most_common()))
        if args.misses:
            for name, s in scores[engine].items():
                for sheet, ref, want, got, formula in s.misses:
                    print(f"  {name} {sheet}!{ref} ={formula}  excel {want!r}  got {got!r}")
    print(f"\nrecalculated copies in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
