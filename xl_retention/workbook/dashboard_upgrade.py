"""The Dashboard of a tracker made by an earlier template, brought up to this version's on ``import --into``.

Its latest figures (B4:C9): a cell holding exactly what an earlier ``workbooks/retention_template.xlsx`` wrote there
(:data:`EARLIER`, taken from every committed template; compared without case, as LibreOffice re-saves them) gets
this version's formula, when the workbook has every defined name that formula reads (a tracker made before the
"... so far" columns keeps its own) and the label beside it is the template's. The purchases and visits figures
(E3:G6, added on 2026-12-01) are written into a Dashboard whose E3:G6 are empty, when the workbook has the names
they read (the "Purchases and visits" sheet of a tracker made since its "Repeat purchasers" column), and brought up
to this version's where they hold an earlier template's (:data:`SHOP_EARLIER`); otherwise an import of orders or visits
says why they are not there. Formulas of the user's own, and cells they typed, stay.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from openpyxl.utils import quote_sheetname

from . import inplace as ip
from .dashboard_notes import add_figure_notes, tall
from .error_texts import in_error, without_error_texts
from .upgrade import _names_in, is_earlier, put_formula, workbook_names

__all__ = ["EARLIER", "dashboard_title", "upgrade_dashboard"]

TITLE = "Dashboard"  # template.DASHBOARD_TITLE
PURCHASES_TITLE = "Purchases and visits"  # template.PURCHASES.title
SHOP_TABLE = [f"{c}{r}" for r in range(3, 7) for c in "EFG"]
#: the latest CRR (B6) and its month (C6) before 2026-12-04, found by the churn rates' running count
#: (Customers_Churn_Seq): a CRR or churn rate typed as text in one month showed an earlier month's CRR, or #N/A
#: (H242's finding 01); with and without an error's code as text taken for that error
_ERROR_ROW = f"LOOKUP(2,1/{in_error('Customers_CRR')},ROW(Customers_CRR))"
_CRR_BY_CHURN_COUNT = {
    ref: (form, without_error_texts(form))
    for ref, form in (
        (
            "B6",
            f"=IF(IFERROR({_ERROR_ROW},0)>IFERROR(LOOKUP(2,1/ISNUMBER(Customers_CRR),ROW(Customers_CRR)),0),"
            f'"see Customers!"&ADDRESS({_ERROR_ROW},COLUMN(Customers_CRR),4),IF(COUNT(Customers_CRR)=0,"",'
            "INDEX(Customers_CRR,MATCH(COUNT(Customers_CRR),Customers_Churn_Seq,0))))",
        ),
        (
            "C6",
            f"=IF(IFERROR({_ERROR_ROW},0)>IFERROR(LOOKUP(2,1/ISNUMBER(Customers_CRR),ROW(Customers_CRR)),0),"
            f'LOOKUP(2,1/{in_error("Customers_CRR")},Customers_Months),IF(COUNT(Customers_CRR)=0,"",'
            "INDEX(Customers_Months,MATCH(COUNT(Customers_CRR),Customers_Churn_Seq,0))))",
        ),
    )
}
#: cell of the Dashboard -> the formulas earlier templates wrote there
EARLIER: dict[str, tuple[str, ...]] = {
    "B4": (
        '=IF(COUNT(Customers_End)=0,"",IF(INDEX(Customers_End,MATCH(COUNT(Customers_End),Customers_End_Seq,0))<0,IF(ISERROR(INDEX(Lost_Customers,MATCH(COUNT(Customers_End),Customers_End_Seq,0))),INDEX(Lost_Customers,MATCH(COUNT(Customers_End),Customers_End_Seq,0)),NA()),INDEX(Customers_End,MATCH(COUNT(Customers_End),Customers_End_Seq,0))))',
        '=IF(COUNT(Customers_End)=0,"",INDEX(Customers_End,MATCH(COUNT(Customers_End),Customers_End_Seq,0)))',
        '=IF(COUNT(Customers_End)=0,"",LOOKUP(9.99E+307,Customers_End))',
        '=IF(COUNT(Customers_End_Chart)=0,"",LOOKUP(9.99E+307,Customers_End_Chart))',
        # customers at end pasted as text ("95") skipped: the month before shown
        (
            '=IF(COUNT(Customers_End)=0,"",IF(ROUND(INDEX(Customers_End,MATCH(COUNT(Customers_End),Customers_End_Seq,0)),'
            '6)<0,"below 0: "&INDEX(Customers_End,MATCH(COUNT(Customers_End),Customers_End_Seq,0)),INDEX(Customers_End,'
            "MATCH(COUNT(Customers_End),Customers_End_Seq,0))))"
        ),
        # before 2026-12-03: #N/A pasted as the last month's customers at end showed the month before's figure
        (
            '=IF(MAX(Customers_End_Seq)=0,"",IF(ROUND(INDEX(Customers_End,MATCH(MAX(Customers_End_Seq),Customers_'
            'End_Seq,0))+0,6)<0,"below 0: "&INDEX(Customers_End,MATCH(MAX(Customers_End_Seq),Customers_End_Seq,0)'
            ")+0,INDEX(Customers_End,MATCH(MAX(Customers_End_Seq),Customers_End_Seq,0))+0))"
        ),
    ),
    "C4": (
        '=IF(MAX(Customers_End_Seq)=0,"",INDEX(Customers_Months,MATCH(MAX(Customers_End_Seq),Customers_End_Seq,0)))',
        '=IF(COUNT(Customers_End)=0,"",LOOKUP(9.99E+307,Customers_End,Customers_Months))',
        '=IF(COUNT(Customers_End_Chart)=0,"",LOOKUP(9.99E+307,Customers_End_Chart,Customers_Months))',
        '=IF(COUNT(Customers_End)=0,"",INDEX(Customers_Months,MATCH(COUNT(Customers_End),Customers_End_Seq,0)))',
    ),
    "B5": (
        '=IF(COUNT(Revenue_End)=0,"",INDEX(Revenue_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0)))',
        '=IF(COUNT(Revenue_End)=0,"",LOOKUP(9.99E+307,Revenue_End))',
        '=IF(COUNT(Revenue_End_Chart)=0,"",LOOKUP(9.99E+307,Revenue_End_Chart))',
        (
            '=IF(COUNT(Revenue_End)=0,"",IF(ROUND(INDEX(Revenue_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0)),6)<0,'
            '"below 0: "&INDEX(Revenue_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0)),INDEX(Revenue_End,'
            "MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))))"
        ),
    ),
    "C5": (
        '=IF(COUNT(Revenue_End)=0,"",LOOKUP(9.99E+307,Revenue_End,Revenue_Months))',
        '=IF(COUNT(Revenue_End_Chart)=0,"",LOOKUP(9.99E+307,Revenue_End_Chart,Revenue_Months))',
        '=IF(COUNT(Revenue_End)=0,"",INDEX(Revenue_Months,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0)))',
    ),
    "B6": (
        '=IF(COUNT(Customers_CRR)=0,"",LOOKUP(9.99E+307,Customers_CRR))',
        '=IF(COUNT(Customers_CRR_Chart)=0,"",LOOKUP(9.99E+307,Customers_CRR_Chart))',
        '=IF(COUNT(Customers_CRR)=0,"",INDEX(Customers_CRR,MATCH(COUNT(Customers_CRR),Customers_Churn_Seq,0)))',
        *_CRR_BY_CHURN_COUNT["B6"],
    ),
    "C6": (
        '=IF(COUNT(Customers_CRR)=0,"",LOOKUP(9.99E+307,Customers_CRR,Customers_Months))',
        '=IF(COUNT(Customers_CRR_Chart)=0,"",LOOKUP(9.99E+307,Customers_CRR_Chart,Customers_Months))',
        '=IF(COUNT(Customers_CRR)=0,"",INDEX(Customers_Months,MATCH(COUNT(Customers_CRR),Customers_Churn_Seq,0)))',
        *_CRR_BY_CHURN_COUNT["C6"],
    ),
    "B7": (
        '=IF(COUNT(Revenue_NRR)=0,"",LOOKUP(9.99E+307,Revenue_NRR))',
        '=IF(COUNT(Revenue_NRR_Chart)=0,"",LOOKUP(9.99E+307,Revenue_NRR_Chart))',
        '=IF(COUNT(Revenue_NRR)=0,"",INDEX(Revenue_NRR,MATCH(COUNT(Revenue_NRR),Revenue_NRR_Seq,0)))',
    ),
    "C7": (
        '=IF(COUNT(Revenue_NRR)=0,"",LOOKUP(9.99E+307,Revenue_NRR,Revenue_Months))',
        '=IF(COUNT(Revenue_NRR_Chart)=0,"",LOOKUP(9.99E+307,Revenue_NRR_Chart,Revenue_Months))',
        '=IF(COUNT(Revenue_NRR)=0,"",INDEX(Revenue_Months,MATCH(COUNT(Revenue_NRR),Revenue_NRR_Seq,0)))',
    ),
    "B8": (
        '=IF(COUNT(NPS_Score)=0,"",LOOKUP(9.99E+307,NPS_Score))',
        '=IF(COUNT(NPS_Score_Chart)=0,"",LOOKUP(9.99E+307,NPS_Score_Chart))',
        '=IF(COUNT(NPS_Score)=0,"",INDEX(NPS_Score,MATCH(COUNT(NPS_Score),NPS_Score_Seq,0)))',
    ),
    "C8": (
        '=IF(COUNT(NPS_Score)=0,"",LOOKUP(9.99E+307,NPS_Score,NPS_Months))',
        '=IF(COUNT(NPS_Score_Chart)=0,"",LOOKUP(9.99E+307,NPS_Score_Chart,NPS_Months))',
        '=IF(COUNT(NPS_Score)=0,"",INDEX(NPS_Months,MATCH(COUNT(NPS_Score),NPS_Score_Seq,0)))',
    ),
    # the last forms: "see Lifetime value!B8" and its month where that sheet was deleted (the name's #REF!)
    "B9": (
        "=LTV_CLV",
        '=IF(ISERROR(LTV_CLV),"see Lifetime value!B8",LTV_CLV)',
        *(
            # ... and before it named the CLV's cell as it is now (B8 written: H201's finding 04), unquoted (H194's 03)
            form
            for see in ("Lifetime value", "'Lifetime value'")
            for form in (
                f'=IF({in_error("LTV_CLV")},IF(ISREF(LTV_CLV),"see {see}!B8",""),LTV_CLV)',
                without_error_texts(f'=IF({in_error("LTV_CLV")},IF(ISREF(LTV_CLV),"see {see}!B8",""),LTV_CLV)'),
            )
        ),
    ),  # fmt: skip
    "C9": (
        '=IF(COUNT(Customers_Churn)=0,"",INDEX(Customers_Months,MATCH(COUNT(Customers_Churn),Customers_Churn_Seq,0)))',
        '=IF(COUNT(Customers_Churn)=0,"",LOOKUP(9.99E+307,Customers_Churn,Customers_Months))',
        '=IF(LTV_CLV="","",IF(COUNT(Customers_Churn)=0,"",INDEX(Customers_Months,MATCH(COUNT(Customers_Churn),Customers_Churn_Seq,0))))',
        '=IF(IFERROR(LTV_CLV="",FALSE),"",IF(COUNT(Customers_Churn)=0,"",INDEX(Customers_Months,MATCH(COUNT('
        "Customers_Churn),Customers_Churn_Seq,0))))",
        # the month before the one in error that the churn (Lifetime value!B5) is
        '=IF(IFERROR(LTV_CLV="",NOT(ISREF(LTV_CLV))),"",IF(COUNT(Customers_Churn)=0,"",INDEX(Customers_Months,MATCH('
        "COUNT(Customers_Churn),Customers_Churn_Seq,0))))",
    ),
}
#: the forms of this version's figures before those said (:func:`_current`'s flags), each as B5 was before a month of
#: its MRR at start alone was said
_FLAGS = ({}, {"incomplete": False}, {"text_said": False}, {"ranged": False}, {"text_said": False, "ranged": False})
#: cell of the purchases and visits figures -> the formulas earlier templates wrote there (before a rate in error
#: after the last one was said: "see Purchases and visits!F5")
SHOP_EARLIER: dict[str, tuple[str, ...]] = {
    f"{column}{row}": (f'=IF(COUNT({name})=0,"",LOOKUP(2,1/ISNUMBER({name}),{read}))',)
    for row, name in ((4, "Purchases_Repeat_Rate"), (5, "Purchases_Returning_Rate"), (6, "Visits_Returning_Rate"))
    for column, read in (("F", name), ("G", "Purchases_and_visits_Months"))
}
#: where the shop table's cells take their look from: the latest figures' header, labels, a rate and a month
_LOOK = {"E3": "A3", "F3": "B3", "G3": "C3", "E": "A4", "F": "B6", "G": "C6"}
_COL = re.compile(rb"<(?:\w+:)?col\b[^>]*/>")
_COLS = re.compile(rb"<((?:\w+:)?)cols\b[^>]*>(.*?)</\1cols\s*>", re.S)
_SHEET_DATA = re.compile(rb"<((?:\w+:)?)sheetData\b")


@functools.cache
def _current(
    incomplete: bool = True, text_said: bool = True, ranged: bool = True, untyped_said: bool = True
) -> dict[str, Any]:
    """This version's Dashboard cells A3:G9 (formulas, labels) and the widths of E:G (made once: not to be changed)."""
    from openpyxl import Workbook

    from .dashboard import figures

    ws = Workbook().active
    figures(ws, incomplete, text_said, ranged, untyped_said)
    cells = {f"{c}{r}": ws[f"{c}{r}"].value for r in range(3, 10) for c in "ABCDEFG"}
    return {**cells, "widths": {c: ws.column_dimensions[c].width for c in "EFG"}}


def upgrade_dashboard(
    package: ip.Package, wb: Any, shop_data: bool, add_table: bool = False
) -> tuple[list[str], list[str]]:
    """Bring a Dashboard of an earlier template up to this version's in ``package``: returns the cells changed
    (``'Dashboard'!B4``, ``'Dashboard'!E3:G6``) and notes for the user.

    ``wb``: the workbook opened with openpyxl (read-only is fine); ``shop_data``: the import writes orders or visits,
    so a Dashboard left without their figures gets a note saying why; ``add_table``: a sheet named Dashboard without
    the latest figures (the first templates': 8b3d91a7) gets this version's table (:mod:`.dashboard_table`). Nothing
    else happens to a workbook without a sheet named Dashboard whose A3 is the template's "Latest figures".
    """
    current, previous = _current(), _current(incomplete=False)
    text = _current(text_said=False)  # C9 before a churn rate typed as text was said (H242's finding 02)
    shown = _current(ranged=False)  # before a rate typed outside its range (95 for 95%) was said, shown as 9500%
    untold = _current(text_said=False, ranged=False)  # C9 before either
    # B5 before a month of its MRR at start alone was said (it showed that start as the latest MRR at end), in each form
    unsaid = [_current(**flags, untyped_said=False) for flags in _FLAGS]
    found = {title: _cells(wb, title) for title in wb.sheetnames}
    title, down = _dashboard(found, current), 0
    if title is None:  # rows inserted above the latest figures (a note under the title: H201's finding 03)
        title, down = _moved_down(found, current)
    if title is None:
        if TITLE in found and hasattr(wb[TITLE], "iter_rows"):  # an early tracker's (H358)
            if _figure_cell(package.sheet(TITLE)) is not None:  # a table whose header was edited, or moved further
                return [], []
            if not add_table:  # import --into and extend: upgrade's own (it moves the charts, defines names)
                return [], [table_line(package)]
            from .dashboard_table import add_latest_figures

            return add_latest_figures(package, TITLE)
        return [], []
    mine = {_row_moved(ref, -down): value for ref, value in found[title].items() if _row_of(ref) > down}
    names, xml = workbook_names(package), _Shifted(package.sheet(title), down)
    where = quote_sheetname(title)
    changed, notes = [], []
    for ref, forms in EARLIER.items():
        formula = current[ref]
        # this version's before 2026-12-03 (an error's code as text no error; a month typed in part not said)
        before = (*_before_error_texts(formula), *_before_error_texts(previous[ref]), previous[ref], text[ref])
        before += (*_before_error_texts(text[ref]), shown[ref], *_before_error_texts(shown[ref]), untold[ref])
        before += _before_error_texts(untold[ref])
        before += tuple(form for cells in unsaid for form in (cells[ref], *_before_error_texts(cells[ref])))
        forms = (*forms, *(form for form in before if form != formula))
        if not is_earlier(mine.get(ref), forms) or mine.get(f"A{ref[1:]}") != current[f"A{ref[1:]}"]:
            continue
        if _names_in(formula) <= names and put_formula(xml, ref, formula):
            changed.append(f"{where}!{_row_moved(ref, down)}")
    labels = {row: current[f"A{row}"] for row in (8, 9)}
    added, said = add_figure_notes(package, xml.xml, mine, names, down, labels)  # E8, E9 (5dcef37a)
    if added:
        xml.head = _widths(xml.head, current["widths"])
    changed, notes = changed + added, notes + said
    earlier = [
        ref
        for ref in SHOP_TABLE
        if is_earlier(
            mine.get(ref),
            (*SHOP_EARLIER.get(ref, ()), *_before_error_texts(current[ref]), *_differing(shown[ref], current[ref])),
        )
    ]
    if all(_same(mine.get(ref), current[ref]) or ref in earlier for ref in SHOP_TABLE):  # the table of a template
        changed += [f"{where}!{_row_moved(ref, down)}" for ref in earlier if put_formula(xml, ref, current[ref])]
        _fit_shop_table(package, xml, down)
        return changed, notes
    wanted = set().union(*(_names_in(current[ref]) for ref in SHOP_TABLE if str(current[ref]).startswith("=")))
    names = {name for name in names if _on_a_sheet(wb, name)}  # "Purchases and visits" deleted: #REF! names
    if any(mine.get(ref) is not None for ref in SHOP_TABLE):
        if shop_data:
            notes.append(
                f"{where}!E3:G6 holds cells of yours, where this version's Dashboard shows the latest repeat purchase, "
                f"returning customer and returning visitor rates: not added (see the {_purchases(wb)!r} sheet)"
            )
    elif not wanted <= names:
        if shop_data:
            missing = ", ".join(sorted(wanted - names))
            notes.append(
                f"this tracker's Dashboard has no purchases and visits figures (this version's shows them in E3:G6) "
                f"and lacks the names they read ({missing}): see the {_purchases(wb)!r} sheet, or make a new "
                "tracker (xl-retention new NEW.xlsx --start YYYY-MM) and import into it"
            )
    else:
        _shop_table(xml, current)
        changed.append(f"{where}!E3:G6")
    return changed, notes


def table_line(package: ip.Package) -> str:
    """What ``import --into`` and ``extend`` say of a Dashboard without the latest figures table (the first
    templates', charts only), which ``upgrade`` adds (:mod:`.dashboard_table`)."""
    import shlex

    return (
        f"{quote_sheetname(TITLE)} has no latest figures table (a tracker of the first template, 2026-11-22: charts "
        f"only): xl-retention upgrade {shlex.quote(str(package.path))} adds it as a new tracker has it, with the "
        "names it reads"
    )


#: a formula's text in a cell's XML
_F = re.compile(rb"<(?:\w+:)?f\b[^>]*>([^<]*)</(?:\w+:)?f\s*>")


@functools.cache
def _figure_keys() -> frozenset[str]:
    """Every form of the latest figures' formulas (B4:C9): this version's, its forms before each thing said and an
    earlier template's (:data:`EARLIER`), as :func:`.inplace.formula_key` compares them."""
    variants = [_current(), _current(incomplete=False), _current(text_said=False), _current(ranged=False)]
    variants += [_current(text_said=False, ranged=False), *(_current(**flags, untyped_said=False) for flags in _FLAGS)]
    forms = [form for ref in EARLIER for form in EARLIER[ref]]
    forms += [form for cells in variants for ref in EARLIER for form in (cells[ref], *_before_error_texts(cells[ref]))]
    return frozenset(ip.formula_key(form) for form in forms if isinstance(form, str) and form.startswith("="))


def _figure_cell(xml: ip.SheetXml) -> str | None:
    """The first cell of the sheet holding one of the latest figures' formulas (:func:`_figure_keys`), or reading a
    name only they read (a ``..._Seq`` helper column's, which the first templates, with no table, never defined):
    the table of a tracker whose header (A3) the user edited ("Aktuelle Zahlen") or moved down further than
    :func:`_moved_down` looks. None for a Dashboard without one (the first templates': charts only).
    """
    keys = _figure_keys()
    for ref, element in xml.cells_in_rows(1, max(xml.rows, default=0)):
        found = _F.search(element)
        if found is None:
            continue
        formula = "=" + ip.unescape(found.group(1))
        if ip.formula_key(formula) in keys or any(name.endswith("_Seq") for name in _names_in(formula)):
            return ref
    return None


_SEE = re.compile(r'"see [^"]*!"')


def _differing(form: Any, current: Any) -> tuple[str, ...]:
    """``form`` (an earlier form of a cell) and its form before error texts were found, where it is a formula other
    than ``current``: a label the same in both is no earlier form to write over."""
    if not isinstance(form, str) or not form.startswith("=") or form == current:
        return ()
    return (form, *_before_error_texts(form))


#: a "see SHEET!" text naming a sheet quoted ("see 'Lifetime value'!B8")
_QUOTED_SEE = re.compile(r"\"see '((?:[^'\"]|'')*)'!")


def _before_error_texts(formula: Any) -> tuple[str, ...]:
    """The forms this version's ``formula`` had before 2026-12-03, when it found an error with ISERROR alone (an error's
    code as text, the classic add-in's result, was no error: the month before's CRR shown; :mod:`.error_texts`), and
    before its "see" texts quoted a sheet's name with a space (``see Lifetime value!B8``: H194's finding 03), and before
    the latest NPS said a later month's ``bad counts`` (:func:`_before_flags`), alone and with those.

    >>> _before_error_texts("=IF(ISERROR(X),\\"see 'Lifetime value'!B8\\",X)")
    ('=IF(ISERROR(X),"see Lifetime value!B8",X)',)
    """
    if not isinstance(formula, str) or not formula.startswith("="):
        return ()
    forms: list[str] = []
    for form in dict.fromkeys((formula, _before_flags(formula))):
        unquoted = _QUOTED_SEE.sub(lambda m: '"see ' + m[1].replace("''", "'") + "!", form)
        forms += (form, without_error_texts(form), unquoted, without_error_texts(unquoted))
    return tuple(dict.fromkeys(form for form in forms if form != formula))


def _before_flags(formula: str) -> str:
    """``formula`` as this version wrote it before 2026-12-06, when the latest NPS passed over a later month's
    ``bad counts`` (:data:`.dashboard.FLAGS`: the month before's NPS shown as the latest, H384's finding 05)."""
    from .dashboard import FLAGS

    for name, flags in FLAGS.items():
        formula = formula.replace(in_error(name, flags), in_error(name))
    return formula


def _same(mine: Any, current: Any) -> bool:
    """Whether a cell holds this version's ``current``: as LibreOffice re-saves it too, and with the sheet its
    "see Purchases and visits!F5" names renamed since (the import rewrites that text: :mod:`.see_texts`).

    >>> _same('=IF(A,"see Käufe und Besuche!"&B,C)', '=IF(A,"see Purchases and visits!"&B,C)')
    True
    >>> _same('=IF(A,"see Käufe!"&B,D)', '=IF(A,"see Purchases and visits!"&B,C)')
    False
    """
    if mine == current:
        return True
    if not (isinstance(mine, str) and isinstance(current, str) and mine.startswith("=")):
        return False
    from .see_texts import prose_unnamed  # a sentence naming a renamed sheet ("Revenue stops there"): the same note

    mine, current = prose_unnamed(mine), prose_unnamed(current)
    return ip.formula_key(_SEE.sub('"see !"', mine)) == ip.formula_key(_SEE.sub('"see !"', current))


def _purchases(wb: Any) -> str:
    """The title of the workbook's 'Purchases and visits' sheet (the one the user renamed it to)."""
    from .found import monthly_titles

    try:
        return monthly_titles(wb, "").get(PURCHASES_TITLE, PURCHASES_TITLE)
    except ip.LayoutError:
        return PURCHASES_TITLE


#: how many rows inserted above the latest figures (notes under the title) are looked through for them
_MOST_DOWN = 10


def _row_of(ref: str) -> int:
    return int(ref.lstrip("ABCDEFG"))


def _row_moved(ref: str, by: int) -> str:
    """``ref`` (A1 to G99) ``by`` rows lower.

    >>> _row_moved("B9", 2), _row_moved("E3", -1)
    ('B11', 'E2')
    """
    return f"{ref[0]}{_row_of(ref) + by}"


def _moved_down(found: dict[str, dict[str, Any]], current: dict[str, Any]) -> tuple[str | None, int]:
    """The Dashboard (:func:`_dashboard`) whose latest figures are ``down`` rows lower than the template put them
    (rows inserted above them), and ``down``; (None, 0) for none."""
    for down in range(1, _MOST_DOWN + 1):
        shifted = {
            title: {_row_moved(ref, -down): v for ref, v in cells.items() if _row_of(ref) > down}
            for title, cells in found.items()
        }
        title = _dashboard(shifted, current)
        if title is not None:
            return title, down
    return None, 0


class _Shifted:
    """A sheet's cells (:class:`~.inplace.SheetXml`) read and written ``down`` rows lower than the refs given."""

    def __init__(self, xml: ip.SheetXml, down: int) -> None:
        self.xml, self.down, self.prefix = xml, down, xml.prefix

    def cell(self, ref: str) -> bytes | None:
        return self.xml.cell(_row_moved(ref, self.down))

    def style(self, ref: str) -> bytes | None:
        return self.xml.style(_row_moved(ref, self.down))

    def element(self, ref: str, style: bytes | None, **kwargs: Any) -> bytes:
        return self.xml.element(_row_moved(ref, self.down), style, **kwargs)

    def text_element(self, ref: str, style: bytes | None, text: str) -> bytes:
        return self.xml.text_element(_row_moved(ref, self.down), style, text)

    def put(self, ref: str, element: bytes | None) -> None:
        if element is not None:  # the element's own r="..." is the moved one (element() or _shop_table wrote it)
            element = re.sub(rb'(\sr=")[A-G][0-9]+(")', lambda m: m[1] + _row_moved(ref, self.down).encode() + m[2],
                             element, count=1)  # fmt: skip
        self.xml.put(_row_moved(ref, self.down), element)

    @property
    def head(self) -> bytes:
        return self.xml.head

    @head.setter
    def head(self, value: bytes) -> None:
        self.xml.head = value


def _cells(wb: Any, title: str) -> dict[str, Any]:
    """Cells A1:G9 of sheet ``title`` (none of a chart sheet), and the rows below them that rows inserted above the
    latest figures moved them to."""
    if not hasattr(wb[title], "iter_rows"):
        return {}
    rows = wb[title].iter_rows(min_row=1, max_row=9 + _MOST_DOWN, max_col=7, values_only=True)
    return {f"{'ABCDEFG'[c]}{r}": v for r, row in enumerate(rows, start=1) for c, v in enumerate(row)}


def _alike(cells: dict[str, Any], current: dict[str, Any]) -> bool:
    """Whether a sheet's cells hold the latest figures' header (A3) and most of their labels (A4:A9) as ``current``."""
    same = sum(cells.get(f"A{r}") == current[f"A{r}"] for r in range(4, 10))
    return cells.get("A3") == current["A3"] and 2 * same > 6


def _dashboard(found: dict[str, dict[str, Any]], current: dict[str, Any]) -> str | None:
    """The Dashboard's title, or without one the sheet renamed ('Overview'): the latest figures' header and most
    labels in A; None for none (or two)."""
    titles = [TITLE] if TITLE in found else [t for t, mine in found.items() if _alike(mine, current)]
    if len(titles) != 1 or found[titles[0]].get("A3") != current["A3"]:
        return None
    return titles[0]


def dashboard_title(wb: Any) -> str | None:
    """The title of the workbook's Dashboard (as :func:`upgrade_dashboard` finds it), None for none."""
    return _dashboard({title: _cells(wb, title) for title in wb.sheetnames}, _current())


def _on_a_sheet(wb: Any, name: str) -> bool:
    """Whether the workbook's defined name ``name`` points at a sheet it has (not ``#REF!`` of a deleted one)."""
    defined = wb.defined_names.get(name)
    try:
        return defined is not None and any(title in wb.sheetnames for title, _ in defined.destinations)
    except Exception:  # noqa: BLE001  (a name openpyxl cannot read as a reference: not one to build on)
        return False


def _shop_table(xml: ip.SheetXml, current: dict[str, Any]) -> None:
    """This version's E3:G6 written into ``xml``, each cell styled as its counterpart of the latest figures."""
    for ref in SHOP_TABLE:
        look = xml.style(_LOOK.get(ref) or _LOOK[ref[0]])
        value = current[ref]
        if isinstance(value, str) and value.startswith("="):
            element = xml.element(ref, look, formula=value.removeprefix("="))
        else:
            element = xml.text_element(ref, look, value)
        xml.put(ref, element)
    xml.head = _widths(xml.head, current["widths"])


#: the widths of E:G before fe1aeffa, when F was cut: "see 'Purchases and visits'!E5" showed "see 'Purchas" (compared
#: as numbers: the extend of c546097d and openpyxl write them "26.0", "10.0", "11.0"; H486's finding 05)
_EARLIER_SHOP_WIDTHS = (26.0, 10.0, 11.0)


def _fit_shop_table(package: ip.Package, xml: Any, down: int) -> None:
    """An earlier template's purchases and visits figures made to show a rate's "see 'Purchases and visits'!E5" whole,
    as this version's do (H261's task 3: an upgraded tracker of d3ada42b rendered "see 'Purchas"): E:G of the earlier
    widths (26, 10, 11) get this version's (21, 15, 11), F4:F6 wrap their text and rows 4-9 are two lines tall where
    lower. Widths or rows of the user's are left as they are."""
    from .dashboard import HEADLINES, SHOP_FIGURES, SHOP_WIDTHS
    from .dashboard_layout import _wrap_style

    cols = {ip.attribute(m.group(0), b"min"): m for m in _COL.finditer(xml.head)}
    found = [cols.get(str(c).encode()) for c in (5, 6, 7)]
    if any(m is None or ip.attribute(m.group(0), b"max") != ip.attribute(m.group(0), b"min") for m in found):
        return
    if tuple(_number(ip.attribute(m.group(0), b"width")) for m in found) != _EARLIER_SHOP_WIDTHS:
        return
    head = xml.head
    for m, width in sorted(zip(found, SHOP_WIDTHS, strict=True), key=lambda pair: -pair[0].start()):
        element = ip._without(m.group(0)[:-2].rstrip(), b"width") + f' width="{width}"'.encode() + b"/>"
        head = head[: m.start()] + element + head[m.end() :]
    xml.head = head
    sheet = xml.xml
    for row in range(4 + down, 4 + len(HEADLINES) + down):
        tall(sheet, row)
    for row in range(4, 4 + len(SHOP_FIGURES)):
        ref = f"F{row}"
        element = xml.cell(ref)
        if element is None:
            continue
        style = _wrap_style(package, xml.style(ref))
        head, rest = element.split(b">", 1) if b">" in element else (element, b"")
        head = ip._without(head, b"s").replace(b"c", b'c s="' + style + b'"', 1)
        xml.put(ref, head + b">" + rest if rest or element.endswith(b">") else head)


def _number(text: bytes | None) -> float | None:
    """An attribute's number (b"26.0" and b"26" alike), None for none or one not a number."""
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _widths(head: bytes, widths: dict[str, float]) -> bytes:
    """``<cols>`` with this version's widths of E:G, unless a ``<col>`` already sets one of them."""
    spans = [(ip.attribute(m.group(0), b"min"), ip.attribute(m.group(0), b"max")) for m in _COL.finditer(head)]
    if any(low and high and int(low) <= 7 and int(high) >= 5 for low, high in spans):
        return head
    found = _COLS.search(head)
    prefix = found.group(1) if found else (_SHEET_DATA.search(head).group(1) if _SHEET_DATA.search(head) else b"")
    new = [
        b"<" + prefix + f'col min="{i}" max="{i}" width="{widths[c]}" customWidth="1"/>'.encode()
        for i, c in zip((5, 6, 7), "EFG", strict=True)
    ]
    if found is None:
        at = _SHEET_DATA.search(head)
        return head[: at.start()] + b"<" + prefix + b"cols>" + b"".join(new) + b"</" + prefix + b"cols>" + head[
            at.start() :]  # fmt: skip
    cols = sorted(_COL.findall(found.group(2)) + new, key=lambda e: int(ip.attribute(e, b"min") or 0))
    body = b"<" + prefix + b"cols>" + b"".join(cols) + b"</" + prefix + b"cols>"
    return head[: found.start()] + body + head[found.end() :]
