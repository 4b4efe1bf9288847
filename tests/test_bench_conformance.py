"""The comparison code of bench/bench_conformance.py (the benchmark itself is run by hand)."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_conformance import Book, Cell, Error, functions, read_values, same, score, scored_cells  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _package(path: Path, sheet_data: str, calc: str = "", strings: tuple[str, ...] = ()) -> Path:
    """A minimal Excel package whose sheet "S" holds ``sheet_data`` (``<row>`` elements with cached values)."""
    shared = "".join(f"<si><t>{s}</t></si>" for s in strings)
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
            f"{calc}</workbook>",
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        package.writestr(
            "xl/worksheets/sheet1.xml", f'<worksheet xmlns="{MAIN}"><sheetData>{sheet_data}</sheetData></worksheet>'
        )
        if strings:
            package.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{shared}</sst>')
    return path


ROWS = (
    '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>4</v></c>'
    '<c r="C1"><f t="array" ref="C1:C2">ROW(A1:A2)</f><v>1</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
    '<c r="E1"><f>NOW()</f><v>45000.5</v></c></row>'
    '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c><c r="C2"><v>2</v></c>'
    '<c r="D2" t="b"><f>TRUE()</f><v>1</v></c><c r="E2" t="s"><f>"x"</f><v>0</v></c>'
    '<c r="F2" t="str"><f>_xlfn.CONCAT("a","b")</f><v>ab</v></c></row>'
)


def test_scored_cells_reads_formulas_shared_and_array_members_and_leaves_out_volatile(tmp_path: Path) -> None:
    book = scored_cells(_package(tmp_path / "a.xlsx", ROWS, strings=("x",)))
    assert book.abs_tol == 1e-12
    assert {ref: cell.value for (_, ref), cell in book.cells.items()} == {
        "B1": 4.0,
        "B2": 6.0,  # a shared formula's member, with the master's formula text
        "C1": 1.0,
        "C2": 2.0,  # the array formula's member cell: a bare value, scored too
        "D1": Error("#DIV/0!"),
        "D2": True,
        "E2": "x",
        "F2": "ab",
    }  # E1 (NOW) left out
    assert book.cells[("S", "B2")].formula == "A1*2"
    assert book.cells[("S", "C2")].formula == "ROW(A1:A2)"
    assert read_values(tmp_path / "a.xlsx")[("S", "A2")] == 3.0


def test_iterative_workbooks_are_compared_with_their_max_change(tmp_path: Path) -> None:
    path = _package(tmp_path / "c.xlsx", ROWS, calc='<calcPr iterate="1" iterateDelta="0.01"/>', strings=("x",))
    assert scored_cells(path).abs_tol == 0.01


def test_same_follows_the_corpus_rules() -> None:
    assert same(1.0, 1.0 + 1e-10) and not same(1.0, 1.0 + 1e-8)
    assert same(0.0, 1e-13) and not same(0.0, 1e-11)
    assert same(0.0, 0.005, abs_tol=0.01)
    assert same("a", "a") and not same("a", "A")
    assert same(True, True) and not same(True, 1.0) and not same(1.0, True)
    assert same(Error("#N/A"), Error("#N/A")) and not same(Error("#N/A"), Error("#VALUE!"))
    assert not same(Error("#N/A"), "#N/A") and not same(1.0, "1")
    assert same("", None) and same(None, None)


def test_score_counts_refused_files_and_kept_cells_as_misses(tmp_path: Path) -> None:
    original = _package(tmp_path / "a.xlsx", ROWS, strings=("x",))
    book = scored_cells(original)
    assert score(book, original).matched == 8
    assert score(book, None, "refused").matched == 0
    kept = score(book, original, "incomplete", frozenset({("S", "B1")}))
    assert (kept.cells, kept.matched, kept.misses[0][:2]) == (8, 7, ("S", "B1"))
    wrong = Book({("S", "B1"): Cell(5.0, "A1*2")})
    assert score(wrong, original).misses == [("S", "B1", 5.0, 4.0, "A1*2")]


def test_functions_named_in_a_formula() -> None:
    assert functions("_xlfn.IFS(A1>0,SUM(B1:B2),TRUE,_xlfn._xlws.FILTER(C1:C3,C1:C3>0))") == {"IFS", "SUM", "FILTER"}
    assert functions("A1+Sheet1!B2") == set()
