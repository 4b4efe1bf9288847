"""A formula's references moved as Excel's Insert Rows and Insert Columns would move them, through openpyxl's tokenizer.

Growing the Cohorts sheet moves the tables under the first down (rows, :func:`~.cohort_refs.cohort_row_map`) and, where
a column of the user's right of the tables is in their way, that column right (:mod:`.cohort_columns`), as inserting
rows and columns would. A formula of the user's there, or one reading those cells, then reads the cells at their new
places: :func:`moved_formula` gives each reference to the sheet's own cells (named with the sheet or not, ``$`` or not)
its new row and column; references to other sheets, names and texts are left as they are. The formula is split by
openpyxl's :class:`~openpyxl.formula.tokenizer.Tokenizer` and each range rewritten by its
:class:`~openpyxl.formula.translate.Translator`'s range grammar, with the rows and columns mapped, not shifted.
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import TokenizerError
from openpyxl.formula.translate import Translator
from openpyxl.utils import column_index_from_string, get_column_letter

__all__ = ["moved_formula", "moved_range"]


def _same_sheet(ws_part: str, title: str) -> bool:
    """Whether ``ws_part`` (``Cohorts!``, ``'My cohorts'!``) names the sheet ``title`` (Excel's names: any case)."""
    name = ws_part[:-1]
    if name.startswith("'") and name.endswith("'"):
        name = name[1:-1].replace("''", "'")
    return name.casefold() == title.casefold()


class _Inserted(Translator):
    """A translator whose rows and columns are mapped (``rows``: old -> new; columns from ``first`` on, ``by`` to the
    right) on the sheet ``title`` alone, for relative and absolute references alike, as an insertion moves them."""

    title = ""
    rows: dict[int, int] = {}  # noqa: RUF012 (set per call on a subclass: :func:`moved_formula`)
    first = 0
    by = 0
    elsewhere = False  # the formula is on another sheet (or a name's, a chart's): only references naming title move

    @classmethod
    def translate_row(cls, row_str: str, rdelta: int) -> str:  # type: ignore[override]
        dollar, row = ("$", row_str[1:]) if row_str.startswith("$") else ("", row_str)
        return dollar + str(cls.rows.get(int(row), int(row)))

    @classmethod
    def translate_col(cls, col_str: str, cdelta: int) -> str:  # type: ignore[override]
        dollar, letters = ("$", col_str[1:]) if col_str.startswith("$") else ("", col_str)
        column = column_index_from_string(letters.upper())
        return dollar + get_column_letter(column + cls.by if cls.by and column >= cls.first else column)

    @classmethod
    def translate_range(cls, range_str: str, rdelta: int, cdelta: int) -> str:
        ws_part, _ = cls.strip_ws_name(range_str)
        if ws_part and (ws_part.startswith("[") or not _same_sheet(ws_part, cls.title)):
            return range_str  # another sheet's (or another workbook's) cells: they do not move
        if not ws_part and cls.elsewhere:
            return range_str  # the formula's own sheet's cells (or a name): not title's
        if cls.elsewhere:  # title's range: its pieces (B4 and O4 of Cohorts!B4:O4) come back here without the name
            return _mover(cls.title, cls.rows, cls.first, cls.by).translate_range(range_str, rdelta, cdelta)
        out = super().translate_range(range_str, rdelta, cdelta)
        return out if out.startswith(ws_part) else ws_part + out  # a sheet's name or #REF!: Translator drops ws_part


def _mover(title: str, rows: dict[int, int], first: int, by: int, elsewhere: bool = False) -> type[_Inserted]:
    attrs = {"title": title, "rows": rows, "first": first, "by": by, "elsewhere": elsewhere}
    return type("_Moved", (_Inserted,), attrs)


def moved_formula(
    formula: str, title: str, rows: dict[int, int], first: int = 0, by: int = 0, elsewhere: bool = False
) -> str:
    """``formula`` (``=...``, on the sheet ``title`` or naming it) with its references to ``title``'s cells moved:
    each row by ``rows`` (old -> new; a row not in it stays), each column from ``first`` on ``by`` to the right.
    ``elsewhere``: the formula is on another sheet (a defined name's, a chart's), whose references without a sheet's
    name are its own sheet's cells and stay.

    >>> moved_formula('=B38*2+SUM(Cohorts!C10:C12)+Other!B38&"B38"', "Cohorts", {38: 53, 10: 13, 12: 15})
    '=B53*2+SUM(Cohorts!C13:C15)+Other!B38&"B38"'
    >>> moved_formula("=O4&$O$5&SUM(B4:O4)&COUNTA('Cohorts'!O:O)&N4", "Cohorts", {}, first=15, by=2)
    "=Q4&$Q$5&SUM(B4:Q4)&COUNTA('Cohorts'!Q:Q)&N4"
    >>> moved_formula("=SUM(Cohorts!#REF!)+Cohorts!Target+O4", "Cohorts", {}, first=15, by=2)
    '=SUM(Cohorts!#REF!)+Cohorts!Target+Q4'
    >>> moved_formula("=O4&Cohorts!O4&SUM('Cohorts'!$B$4:$O$4)&COUNTA(Cohorts!$O:$O)", "Cohorts", {}, 15, 2, True)
    "=O4&Cohorts!Q4&SUM('Cohorts'!$B$4:$Q$4)&COUNTA(Cohorts!$Q:$Q)"

    Raises ``ValueError`` naming the formula where openpyxl's tokenizer cannot read it (its references unknown).
    """
    if not formula.startswith("="):
        return formula
    try:
        return _mover(title, rows, first, by, elsewhere)(formula, "A1").translate_formula(row_delta=0, col_delta=0)
    except TokenizerError as error:
        raise ValueError(f"the formula {formula!r} cannot be read ({error}), so its references cannot move") from None


def moved_range(ref: str, title: str, rows: dict[int, int], first: int = 0, by: int = 0) -> str:
    """One range (``O4:O9``, as a conditional format's or validation's ``sqref`` lists them) moved as
    :func:`moved_formula` moves a reference.

    >>> moved_range("O4:O9", "Cohorts", {9: 12}, first=15, by=2)
    'Q4:Q12'
    """
    return _mover(title, rows, first, by).translate_range(ref, 0, 0)
