"""``FormulaTexts`` of a sheet whose formula cells all hold their own text (no shared formula's copies, no ``<f/>``):
the master texts are listed with the references in one pass, without reading each cell again; with shared copies
and empty ``<f/>`` cells the listing is the cell-by-cell one."""

from __future__ import annotations

from types import SimpleNamespace as Cell

from xl_retention.recalculation.formula_texts import FormulaTexts


class CountedCells(dict):
    """The scan's cells, counting the look-ups of one cell."""

    looked_up = 0

    def __getitem__(self, ref: str) -> object:
        CountedCells.looked_up += 1
        return super().__getitem__(ref)


def test_own_texts_listed_without_reading_the_cells_again() -> None:
    cells = CountedCells(
        {
            "B2": Cell(kind="normal", text="SUM(A2:A3)", attrs={}),
            "C2": Cell(kind="normal", text="B2*2", attrs={}),
            "AA10": Cell(kind="array", text="A1:A2*2", attrs={"ref": "AA10:AA11"}),
        }
    )
    CountedCells.looked_up = 0
    texts = FormulaTexts(cells)
    assert texts.master_texts() == [((2, 2), "SUM(A2:A3)"), ((2, 3), "B2*2"), ((10, 27), "A1:A2*2")]
    assert texts.upper_text() == "SUM(A2:A3)\nB2*2\nA1:A2*2".upper()
    assert texts.refs == {(2, 2): "B2", (2, 3): "C2", (10, 27): "AA10"}
    assert CountedCells.looked_up == 0


def test_shared_copies_and_empty_cells() -> None:
    cells = {
        "A1": Cell(kind="shared", text="B1*2", attrs={"si": "0"}),
        "A2": Cell(kind="shared", text=None, attrs={"si": "0"}),
        "C5": Cell(kind="array", text=None, attrs={}),  # an array's member marked <f/>: no formula of its own
        "D1": Cell(kind="normal", text="A1+1", attrs={}),
        "E1": Cell(kind="shared", text=None, attrs={"si": "7"}),  # a copy of no group found: left out
    }
    texts = FormulaTexts(cells)
    assert texts.positions() == [(1, 1), (2, 1), (1, 4)]
    assert texts.master_texts() == [((1, 1), "B1*2"), ((2, 1), "B1*2"), ((1, 4), "A1+1")]
    assert texts[(2, 1)] == "B2*2"
    assert texts.upper_text() == "B1*2\nB1*2\nA1+1"
