"""The stored text of each formula cell, for the embedded engine's rewrites, read from the package scan.

formualizer keeps a loaded workbook's formulas staged until it builds its dependency graph:
until then each ``get_formula``/``get_formulas`` cell costs time in proportion to all the
formulas of the workbook (10,000 rows of formulas: minutes), and afterwards it answers with
its own printing of the formula (``=CRR(C2, B2, A2)``), not the stored text the rewrites
read. The package scan (:mod:`.package`) already has the stored text of every ``<f>``; a
shared formula's other cells (``<f t="shared" si="0"/>``) get theirs from the formula's first
cell with openpyxl's :class:`~openpyxl.formula.translate.Translator`, as Excel fills them (on
the 74 Excel-saved workbooks of the conformance corpus, every text equals the one formualizer
stores), and only when asked: most never need it.

:func:`may_need_rewrite` and :func:`may_need_arguments` are cheap tests, True for every formula
that :func:`.rewrite.rewrite` and :func:`.excel_functions.arguments.rewrite_arguments` may change
(supersets of their own pre-checks), so that most formulas skip them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from openpyxl.formula.translate import Translator

from ..sheet_names import BARE, MARKS, SHEET
from .cell_filename import may_name_file
from .excel_functions.arguments import _HINT_UPPER, _compares_numbers, _large_range
from .excel_functions.caught_errors import HINT as _CAUGHT_HINT
from .excel_functions.complex_texts import COMPLEX_CALL
from .excel_functions.number_texts import MISREAD_LITERAL
from .excel_functions.typed import TEXT_WORDS, may_wrap
from .long_chains import may_hold_long_chain
from .omitted_arguments import may_omit
from .package import FormulaCell
from .rewrite_shapes import _ARRAY_RESULT, _R1C1_STYLE, DELETED_SHEET, UNION, shapes
from .text_literals import LITERALS as _LITERAL

__all__ = [
    "AREA",
    "RANGE_READ",
    "FormulaTexts",
    "may_need_any",
    "may_need_arguments",
    "may_need_rewrite",
    "position",
    "shape_decides_arguments",
    "words_pattern",
]

#: calls giving an array without a range, and spilled ranges (``A1#``, stored ``_xlfn.ANCHORARRAY(A1)``): lifted;
#: ``A1#`` as typed (a cell's row, then ``#`` that starts no error value) is written as stored first (.typed_spills)
_ARRAY_MAKERS = re.compile(r"SEQUENCE\(|RANDARRAY\(|MAKEARRAY\(|TEXTSPLIT\(|ANCHORARRAY\(|\d#(?![A-Z/])")
_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)")
_REFS = re.compile(r"[A-Z]{1,3}[1-9][0-9]*(?:\n[A-Z]{1,3}[1-9][0-9]*)*")
_NO_DIGITS = str.maketrans("", "", "0123456789")
_NO_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@lru_cache(maxsize=4096)
def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


#: a function called in upper-case formula text: its name (``_XLFN.`` kept), for :meth:`FormulaTexts.called`
_CALL = re.compile(r"(?<![\w.])([A-Z_][A-Z0-9_.]*)\(")


def position(ref: str) -> tuple[int, int]:
    """``"B12"`` -> ``(12, 2)`` (row, column), for the scan's upper-case references."""
    match = _REF.fullmatch(ref)
    if match is None:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(match.group(2)), _column(match.group(1))


class FormulaTexts:
    """The stored formula (without ``=``) of each formula cell of one sheet, by (row, column).

    ``cells`` are the scan's formula cells of the sheet. Cells without a formula of their own
    (an array's members marked ``<f/>``, data tables) are left out, as the engine has none there.
    """

    def __init__(self, cells: dict[str, FormulaCell]) -> None:
        self.refs: dict[tuple[int, int], str] = {}
        self._texts: dict[tuple[int, int], str | None] = {}
        self._cells = cells
        self._translators: dict[str, Translator] = {}
        self._master_list: list[tuple[tuple[int, int], str]] | None = None
        self._upper: str | None = None
        self._called: frozenset[str] | None = None
        self._shapes: list[str] | None = None
        self._groups: dict[str, list[int]] | None = None
        self._shape_upper: str | None = None
        texts: list[str | None] = [cell.text for cell in cells.values()]
        own = None not in texts  # every cell has its own text (no shared formula's copies, no <f/>): all kept
        masters = {}  # a shared formula's first cell by its si, read for its copies (none when every text is own)
        if not own:
            for ref, cell in cells.items():
                if cell.kind == "shared" and cell.text is not None and "si" in cell.attrs:
                    masters[cell.attrs["si"]] = ref
        self._masters = masters
        self.own = own  # every cell's stored text its own (master_texts are the cells' texts)
        if own:
            kept_refs, kept_texts = list(cells), texts
        else:
            kept = [
                (ref, cell.text)
                for ref, cell in cells.items()
                if cell.text is not None or (cell.kind == "shared" and cell.attrs.get("si") in masters)
            ]
            kept_refs, kept_texts = [ref for ref, _ in kept], [text for _, text in kept]
        if not kept_refs:
            return
        joined = "\n".join(kept_refs)  # every reference parsed in two passes, not one by one
        if _REFS.fullmatch(joined) is None:
            raise ValueError(f"not cell references: {joined[:80]!r}")
        # (checked above: letters then digits on each line) the letters with the digits taken out, and the rows with
        # the letters taken out, at C level: 40% less than two findall (no match object a cell)
        letters = joined.translate(_NO_DIGITS).split("\n")
        columns = {text: _column(text) for text in set(letters)}  # a sheet's formulas are in a few columns
        rows = map(int, joined.translate(_NO_LETTERS).split("\n"))
        places = list(zip(rows, map(columns.__getitem__, letters), strict=True))
        self.refs = dict(zip(places, kept_refs, strict=True))
        self._texts = dict(zip(places, kept_texts, strict=True))
        if own:  # each cell's text is its master text: the listing made in one C-level pass, not cell by cell
            self._master_list = list(zip(places, texts, strict=True))  # type: ignore[arg-type]  # (no None in texts)

    def data_tables(self) -> list[FormulaCell]:
        """The sheet's What-If data tables (``<f t="dataTable" ref="I2:I4">``), which have no text here."""
        return [cell for cell in self._cells.values() if cell.kind == "dataTable" and cell.ref]

    def __len__(self) -> int:
        return len(self._texts)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._texts)

    def __contains__(self, place: object) -> bool:
        return place in self._texts

    def positions(self) -> list[tuple[int, int]]:
        """Every formula cell's (row, column)."""
        return list(self._texts)

    def shared_child(self, place: tuple[int, int]) -> bool:
        """Whether the cell holds a shared formula's copy (its text is its first cell's, translated)."""
        return self._cells[self.refs[place]].text is None

    def master_text(self, place: tuple[int, int]) -> str:
        """The stored text at ``place``, or for a shared formula's copy the text of the formula's first cell."""
        cell = self._cells[self.refs[place]]
        if cell.text is not None:
            return cell.text
        return self._cells[self._masters[cell.attrs["si"]]].text or ""

    def master_texts(self) -> list[tuple[tuple[int, int], str]]:
        """(place, :meth:`master_text`) of every formula cell, in the order of :meth:`positions` (made once: the
        pre-tests and several listings read them all; the caller must not change the list)."""
        if self._master_list is not None:
            return self._master_list
        cells, masters = self._cells, self._masters
        out: list[tuple[tuple[int, int], str]] = []
        for place, ref in self.refs.items():
            cell = cells[ref]
            text = cell.text
            if text is None:
                text = cells[masters[cell.attrs["si"]]].text or ""
            out.append((place, text))
        self._master_list = out
        return out

    def quoted_sheet_copies(self) -> list[tuple[int, int]]:
        """The shared formulas' copies whose first cell reads a quoted sheet name holding a digit (``'Q1 2024'!A1``,
        ``'Budget v1'!A1``, ``'FY24 Plan'!A1``) or an unquoted one holding a digit and a letter outside ASCII
        (``März2024!A1``, ``Straße1!A1``: the engine reads ``rz2024`` as a cell): the engine's own expansion of a
        shared formula moves a word of the name that reads as a cell (``'Q2 2024'!A2``, ``März2025!A2`` in the next
        row: another sheet's numbers, or #REF!), where Excel moves only the reference after ``!`` (as
        :meth:`__getitem__`'s Translator does); their texts are set again.

        >>> from types import SimpleNamespace as Cell
        >>> cells = {"C1": Cell(kind="shared", text="'Q1 2024'!A1", attrs={"si": "0"})}
        >>> cells.update({f"C{r}": Cell(kind="shared", text=None, attrs={"si": "0"}) for r in (2, 3)})
        >>> cells["D1"] = Cell(kind="shared", text="'Data'!A1+Sheet1!A1", attrs={"si": "1"})
        >>> cells["D2"] = Cell(kind="shared", text=None, attrs={"si": "1"})
        >>> texts = FormulaTexts(cells)
        >>> texts.quoted_sheet_copies(), texts[(3, 3)]
        ([(2, 3), (3, 3)], "'Q1 2024'!A3")
        >>> cells = {"E1": Cell(kind="shared", text="Straße1!A1*2", attrs={"si": "0"})}
        >>> cells["E2"] = Cell(kind="shared", text=None, attrs={"si": "0"})
        >>> texts = FormulaTexts(cells)
        >>> texts.quoted_sheet_copies(), texts[(2, 5)]
        ([(2, 5)], 'Straße1!A2*2')
        """
        if not self._masters:
            return []
        texts = {si: self._cells[ref].text or "" for si, ref in self._masters.items()}
        if "'" not in self.upper_text() and all(text.isascii() for text in texts.values()):  # (not upper: ß is SS)
            return []
        moved = {si for si, text in texts.items() if _moved_sheet(text)}
        if not moved:
            return []
        cells = self._cells
        return [
            place for place, ref in self.refs.items() if cells[ref].text is None and cells[ref].attrs.get("si") in moved
        ]

    def upper_text(self) -> str:
        """Every :meth:`master_texts` text in upper case, one per line (made once): a sheet-wide test for a function
        name (``"CELL(" in texts.upper_text()``) before reading the formulas one by one."""
        if self._upper is None:
            self._upper = "\n".join([text for _, text in self.master_texts()]).upper()
        return self._upper

    def shapes(self) -> list[str]:
        """The shape (:func:`.rewrite_shapes.shape`: every row number ``0``) of each :meth:`master_texts` text, in
        its order, made once in one substitution: the pre-tests of the rewrites and the listings after the
        evaluation read them."""
        if self._shapes is None:
            self._shapes = shapes([text for _, text in self.master_texts()])
        return self._shapes

    def shape_groups(self) -> dict[str, list[int]]:
        """Each distinct shape and the indices in :meth:`master_texts` of the formulas of that shape (made once).

        A test of a formula's text that takes any run of digits alike (a function's name, a bracket, a quote, a
        colon: not a reference's size or a name with a digit) answers alike for every formula of a shape, so the
        listings after the evaluation make it once per shape: a column of 10,000 filled-down formulas is one test.

        >>> from types import SimpleNamespace as Cell
        >>> texts = FormulaTexts({f"A{r}": Cell(kind="normal", text=f"IF(B{r}>0,C{r},0)", attrs={}) for r in (2, 3)})
        >>> texts.shape_groups()
        {'IF(B0>0,C0,0)': [0, 1]}
        """
        if self._groups is None:
            groups: dict[str, list[int]] = {}
            for i, key in enumerate(self.shapes()):
                groups.setdefault(key, []).append(i)
            self._groups = groups
        return self._groups

    def places_of_shapes(self, test: Callable[[str], object]) -> list[tuple[int, int]]:
        """The (row, column) of every formula whose shape (:meth:`shape_groups`) passes ``test``, called once per
        distinct shape, in the order of :meth:`master_texts`: the cells a listing after the evaluation reads.

        >>> from types import SimpleNamespace as Cell
        >>> texts = FormulaTexts({f"A{r}": Cell(kind="normal", text=f"MROUND(B{r},0.05)", attrs={}) for r in (2, 3)})
        >>> texts.places_of_shapes(lambda shape: "MROUND(" in shape.upper())
        [(2, 1), (3, 1)]
        """
        masters = self.master_texts()
        chosen = sorted(i for key, indices in self.shape_groups().items() if test(key) for i in indices)
        return [masters[i][0] for i in chosen]

    def shape_upper_text(self) -> str:
        """Every distinct shape in upper case, one per line (made once): the sheet-wide test for a function's name
        (``"MROUND(" in texts.shape_upper_text()``) over a text as long as the sheet's distinct formulas, not all.
        A function's name keeps its digits in a shape (``LOG10(``), so the same names are found as in
        :meth:`upper_text`."""
        if self._shape_upper is None:
            distinct = self._groups if self._groups is not None else dict.fromkeys(self.shapes())
            self._shape_upper = "\n".join(distinct).upper()
        return self._shape_upper

    def called(self) -> frozenset[str]:
        """The names of the functions the sheet's formulas call, in upper case, ``_xlfn.``/``_xlws.`` taken off
        (made once, from the distinct shapes: several listings look for functions the engine or Excel lacks).

        >>> from types import SimpleNamespace as Cell
        >>> cell = Cell(kind="normal", text="_xlfn.XLOOKUP(1,B:B,C:C)+sum(A2)+LOG10(A3)", attrs={})
        >>> sorted(FormulaTexts({"A1": cell}).called())
        ['LOG10', 'SUM', 'XLOOKUP']
        """
        if self._called is None:
            found = set(_CALL.findall(self.shape_upper_text()))
            self._called = frozenset(n.removeprefix("_XLFN.").removeprefix("_XLWS.") for n in found)
        return self._called

    def __getitem__(self, place: tuple[int, int]) -> str:
        text = self._texts[place]
        if text is None:
            master = self._masters[self._cells[self.refs[place]].attrs["si"]]
            translator = self._translators.get(master)
            if translator is None:
                translator = self._translators[master] = Translator("=" + (self._cells[master].text or ""), master)
            text = translator.translate_formula(self.refs[place])[1:]
            self._texts[place] = text
        return text


#: a quoted sheet name holding a digit, before its ``!``
_QUOTED_DIGIT = re.compile(r"'(?:[^'\d]|'')*\d(?:[^']|'')*'!")
#: an unquoted sheet name before its ``!`` (group 1)
_BARE_SHEET = re.compile(r"(?<![\w.'" + MARKS + r"])(" + BARE + r")!")


def _moved_sheet(text: str) -> bool:
    """Whether a formula reads a sheet whose name the engine's expansion of a shared formula may move: quoted with
    a digit (``'Q1 2024'!``), or unquoted with a digit and a letter outside ASCII (``März2024!``, ``Straße1!``)."""
    if _QUOTED_DIGIT.search(text):
        return True
    return not text.isascii() and any(
        not name.isascii() and any(c.isdigit() for c in name) for name in _BARE_SHEET.findall(text)
    )


def may_need_rewrite(text: str, words: re.Pattern[str] | None) -> bool:
    """False when :func:`.rewrite.rewrite` cannot change ``text`` (a stored formula, without ``=``).

    It needs a ``[``, a space, a ``:``, a ``{``, LAMBDA/_xlpm, SINGLE (Excel's ``@``) or a table or defined
    name (``words``: one pattern of them, lower case; None when there are none): a superset of its own
    pre-check.
    A shared formula's copies differ from its first cell only in their references, so the test
    on the first cell's text holds for all of them.
    """
    if may_hold_long_chain(text):  # =A1+...+A300: over the engine's 256 terms, in LET chunks (.long_chains)
        return True
    if "[" in text or " " in text or ":" in text or "{" in text or "\n" in text or "\r" in text:
        return True  # a line break as a space: =NOT(<LF>"TRUE"<LF>) is =NOT( "TRUE" ) (rewrite_shapes._candidate)
    upper = text.upper()
    if "LAMBDA" in upper or "_XLPM." in upper or "SINGLE(" in upper or 'INDIRECT("' in upper or "OFFSET(" in upper:
        return True
    if 'IF("' in upper or 'NOT("' in upper:  # IF("TRUE",...): the text TRUE typed in is the logical
        return True
    if '"' in text and MISREAD_LITERAL.search(text) is not None:  # "2/29/1900"+0: number_texts.number_literals
        return True
    if "INDIRECT(" in upper and _R1C1_STYLE.search(upper) is not None:  # R1C1 text: read as the A1 reference it names
        return True
    if "INDIRECT(" in upper:  # its text checked (#REF! for no reference), a sheet's own name read (.indirect)
        return True
    if _ARRAY_MAKERS.search(upper) is not None:  # {=EDATE(A1,SEQUENCE(3))}: lifted (.array_lifting)
        return True
    if _ARRAY_RESULT.search(upper) is not None:  # =FREQUENCY(5,1), classic: the array's first value (.rewrite)
        return True
    if _may_hold_union(text):  # SUM((A1,B1)): the union's areas as arguments (.union_references)
        return True
    if "CELL(" in upper and may_name_file(text):  # CELL("filename", A1): the file's path and A1's sheet
        return True
    if "#REF!" in upper and DELETED_SHEET.search(upper):  # #REF!A1: a reference to a deleted sheet is #REF!
        return True
    if may_omit(text):  # NPS_MOE(A1:A6,): an empty argument of our own functions is a missing one (.omitted_arguments)
        return True
    return words is not None and words.search(text.lower()) is not None


#: a function whose degrees of freedom (or size) Excel truncates (.excel_functions.truncated)
_TRUNCATED_DF = re.compile(r"(?<![A-Z0-9_])(?:T|CHISQ|F)\.(?:DIST|INV)|CONFIDENCE[(.]")

#: an IS function or TYPE with a call in its argument (.caught_errors)
_CAUGHT = re.compile(_CAUGHT_HINT)


def may_need_arguments(text: str) -> bool:
    """False when ``rewrite_arguments`` cannot change ``text``: its own pre-check (``&``, SWITCH, a
    LOOKUP, a quote in an aggregate's arguments, or a comparison of numbers), made cheaper: its
    case-insensitive pattern as a case-sensitive one on the upper-cased text (the same matches)."""
    if "&" in text:
        return True
    if "(" in text:
        upper = text.upper()
        if (
            "SWITCH(" in upper
            or "STACK(" in upper  # HSTACK(A1:A2,B1:B3): padded with #N/A (.stacks)
            or "FILTER(" in upper  # FILTER(A1:C4,E1:G1="Q1"): columns kept (.filter_columns)
            or "TAKE(" in upper  # TAKE(A1:B4,0): #CALC! (.stacks)
            or "DROP(" in upper
            or "SEQUENCE(" in upper  # SEQUENCE(0): listed (.stacks)
            or "CHOOSECOLS(" in upper  # CHOOSECOLS(A1:C4,{1,3}): listed (.stacks)
            or "CHOOSEROWS(" in upper
            or "IFS(" in upper
            or "COUNTIF(" in upper  # criteria: empty cells, matched errors, 15 digits (.criteria, .criteria_digits)
            or "SUMIF(" in upper
            or "AVERAGEIF(" in upper
            or "CHOOSE(" in upper
            or "LINEST(" in upper
            or "LOGEST(" in upper
            or "TREND(" in upper
            or "GROWTH(" in upper
            or "VALUE(" in upper
            or "LOOKUP(" in upper
            or "MATCH(" in upper
            or "INDEX(" in upper
            or "RANK" in upper  # RANK(1/0,..), LARGE(A1:A3,NA()): the first argument's error (.error_order)
            or "LARGE(" in upper
            or "SMALL(" in upper
            or "PERCENTILE" in upper
            or "QUARTILE" in upper
            or "PERCENTRANK" in upper
            or "RIGHT(" in upper
            or "MID(" in upper
            or "ROWS(" in upper  # ROWS(1/0): the error (.typed.size_of_value)
            or "COLUMNS(" in upper
            or _TRUNCATED_DF.search(upper) is not None  # T.DIST(1.5,2.7): df truncated (.truncated)
            or ("COUNT(" in upper and _HINT_UPPER.search(upper))
            or may_wrap(upper)  # SUM(TRIM(A3),1): text an expression gives an aggregate (.typed)
            or COMPLEX_CALL.search(upper) is not None  # IMSUM(..): its parts at 15 digits (.complex_texts)
            or _CAUGHT.search(upper) is not None  # ISERROR(MEDIAN(A1:A2)): TRUE, not the error (.caught_errors)
        ):
            return True
    if '"' in text and _HINT_UPPER.search(text.upper()):  # "1,000"+0, "(5)"+0: numbers typed as text
        return True
    if "^" in text:  # 0^0 is #NUM!, 0^-1 #DIV/0! (.powers)
        return True
    if '"' in text and not text.isascii():  # COUNTIF(A1:A4,"é"): criteria and comparisons of any script (.collation)
        return _compares_numbers("=" + text)
    if "<" in text or ">" in text or "=" in text:
        return _compares_numbers("=" + text)
    return False


#: one test that every formula some rewrite may change passes (a superset of may_need_rewrite, may_need_arguments
#: and hidden_rows.may_split, without the table and defined names): most formulas fail it in well under a microsecond
_TRIGGER_CHARS = re.compile(r'[\[ \n\r:{&<>="+-]')
_TRIGGER_WORDS = re.compile(  # matched on the upper-cased text: a case-sensitive alternation is several times faster
    r"LAMBDA|_XLPM\.|SINGLE\(|STACK\(|FILTER\(|TAKE\(|DROP\(|CHOOSE(?:COLS|ROWS)\(|SWITCH\(|IFS\(|CHOOSE\(|LINEST\(|LOGEST\(|TREND\(|GROWTH\(|VALUE\(|LOOKUP\("
    r"|FREQUENCY\(|TRANSPOSE\(|MMULT\(|MINVERSE\(|MUNIT\(|MODE\.MULT\(|UNIQUE\(|SORT\(|SORTBY\(|TOCOL\(|TOROW\(|EXPAND\("
    r"|WRAPROWS\(|WRAPCOLS\(|MAP\(|SCAN\(|BYROW\(|BYCOL\("
    r"|(?<![A-Z0-9_])(?:T|CHISQ|F)\.(?:DIST|INV)|CONFIDENCE[(.]"  # a df Excel truncates (.excel_functions.truncated)
    r"|MATCH\(|INDEX\(|ROWS\(|COLUMNS\(|COMPLEX\(|(?<![A-Z0-9_])IM[A-Z0-9]+\(|RANK|LARGE\(|SMALL\(|PERCENTILE|QUARTILE|RIGHT\(|MID\(|SUBTOTAL\(|AGGREGATE\(|COUNT\(|OFFSET\(|SEQUENCE\(|RANDARRAY\(|MAKEARRAY\(|TEXTSPLIT\(|ANCHORARRAY\(|\d#(?![A-Z/])|"
    r",\s*[,)]|\(\s*,|#REF![$A-Z0-9]|ISERROR\(|ISNUMBER\(|ISTEXT\(|ISNONTEXT\(|ISLOGICAL\(|ISBLANK\(|TYPE\(|ISNA\(|ISERR\(|IFNA\(|COUNTA\(|"
    + TEXT_WORDS  # ,\s*[,)]: an empty argument (.omitted_arguments)
)


def _may_hold_union(text: str) -> bool:
    """Whether ``text`` may hold a union of references given as an argument (``SUM((A1,B1))``): a bracket after a
    bracket or a comma (spaces between them pass :data:`_TRIGGER_CHARS` anyway), then :data:`.rewrite_shapes.UNION`."""
    return ("((" in text or ",(" in text or "\t" in text) and UNION.search(text) is not None


def may_need_any(text: str, words: re.Pattern[str] | None) -> bool:
    """False when no rewrite can change ``text`` (a stored formula without ``=``): one regular-expression test,
    then the table and defined names (``words``, lower case).

    >>> may_need_any("CRR(C2,B2,A2)", None), may_need_any("IF(G2>0.95,1,0)", None), may_need_any("Rate*2", None)
    (False, True, False)
    """
    return (
        _TRIGGER_CHARS.search(text) is not None
        or (_may_hold_union(text))  # SUM((A1,B1)) (.union_references)
        or _TRIGGER_WORDS.search(text.upper()) is not None
        or (words is not None and words.search(text.lower()) is not None)
    )


def words_pattern(names: list[str]) -> re.Pattern[str] | None:
    """One pattern finding any of ``names`` (tables and defined names, lower case) in a lower-cased formula."""
    names = [n for n in names if n]
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)))


#: a range written as cells or whole columns, with its sheet or not: (sheet as written or None, area): ``A1:A2``,
#: ``'Raw data'!B:B``
AREA = r"(?:(" + SHEET + r")!)?(\$?[A-Za-z]{1,3}\$?\d*:\$?[A-Za-z]{1,3}\$?\d*)"
#: a range a formula reads (:data:`AREA`), not a part of a longer reference (``S!A1:S!A3``'s, a 3-D reference's)
RANGE_READ = re.compile(r"(?<![\w.$!':])" + AREA + r"(?![\w.(!:])")

_CELL = re.compile(r"(?<![\w.$])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![\w(!.])")
#: a range of two cells, each end (column, $, row); its size is part of the key when one end is absolute
_RANGE = re.compile(r"(?<![\w.$])(\$?[A-Za-z]{1,3})(\$?)(\d+):(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![\w(!.])")
#: what may make a formula's structural rewrite depend on where it is, beyond its references' offsets (INDIRECT's
#: text, a table's this-row [@Column], CELL): such formulas are rewritten every time
_PLACED = re.compile(r"(?i)INDIRECT|CELL\(|\[")


def filled_copy(text: str, row: int, col: int, array: bool) -> tuple[str, int, bool] | None:
    """The formula ``text`` (without ``=``) at (``row``, ``col``) as every filled-down copy of it reads: each relative
    row number written as its offset from the formula's row (``B7`` in row 7 is ``B[0]``, ``$B$2`` stays), with the
    column and whether it is an array formula, and a range with one absolute end keeps its size (``$B$2:B7`` grows
    when filled down); None for formulas whose rewrite may depend on their place (:data:`_PLACED`). Copies with the
    same key read ranges of the same sizes at the same offsets or the same absolute places, so a rewrite that
    leaves one as it is leaves them all.

    >>> filled_copy("SUM($B$2:B7)*C7", 7, 4, False) == filled_copy("SUM($B$2:B8)*C8", 8, 4, False)
    False
    >>> filled_copy("B7*C7", 7, 4, False) == filled_copy("B8*C8", 8, 4, False)
    True
    """
    if _PLACED.search(text) is not None:
        return None

    def end(column: str, absolute: str, number: str) -> str:
        return f"{column}{absolute}{number}" if absolute else f"{column}[{int(number) - row}]"

    def area(match: re.Match[str]) -> str:  # $B$2:B7 filled down grows: its size is in the key
        size = f"#{int(match.group(6)) - int(match.group(3))}" if bool(match.group(2)) != bool(match.group(5)) else ""
        return f"{end(*match.group(1, 2, 3))}:{end(*match.group(4, 5, 6))}{size}"

    pieces = _LITERAL.split(text)
    literals = _LITERAL.findall(text)
    cells = [_CELL.sub(lambda m: end(*m.group(1, 2, 3)), _RANGE.sub(area, piece)) for piece in pieces]
    shaped = "".join(piece + (literals[k] if k < len(literals) else "") for k, piece in enumerate(cells))
    return shaped, col, array


_LITERAL_DIGIT = re.compile(r'"[^"]*\d')


def shape_decides_arguments(text: str) -> bool:
    """Whether :func:`~.excel_functions.arguments.rewrite_arguments` changes ``text`` exactly when it changes every
    formula of its shape (:func:`~.rewrite_shapes.shape`): it rewrites once per shape of row markers
    (:func:`~.excel_functions.row_shapes.shaped`), which is the same partition of formulas when no text literal
    holds a digit (the markers leave those alone, the shape does not), unless a range is typed in of more rows than
    a comparison takes (then it reads the rows themselves).

    >>> shape_decides_arguments('IF(G2>0.95,"high","low")'), shape_decides_arguments('IF(G2>0.95,"Q1","low")')
    (True, False)
    """
    return ('"' not in text or _LITERAL_DIGIT.search(text) is None) and not _large_range(text)
