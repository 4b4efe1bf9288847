"""Formulas of earlier templates on the monthly sheets, brought up to this version's when a tracker is imported into.

Each form below is exactly what an earlier ``workbooks/retention_template.xlsx`` wrote in that column (derived from
the committed templates and checked cell for cell in every month row). A cell holding one of them, compared without
case (LibreOffice re-saves add-in names in lower case), is the template's and gets this version's formula: numbers
pasted as text are then read as numbers (``IF(x="",0,x+0)``, ``AND(x="")``), the first month's rates are blank, the
chart columns hold ``#N/A`` only between months with figures. Any other formula (the user's own, a formula another
program rewrote) and a formula other cells share (Excel's shared or array formulas) are left as they are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.utils import column_index_from_string, get_column_letter, quote_sheetname

from . import inplace as ip
from .error_texts import with_ref, without_error_texts
from .monthly import NPS_ANSWERS_ONLY, template_formula_at
from .monthly_formulas import (
    BLANK_AT_ZERO,
    CUSTOMERS_START_ARRAY,
    END_SEQ_ARRAY,
    MRR_END_BLANK_START,
    MRR_START_COUNT,
    MRR_START_ZERO,
)
from .nps_rows import formula_scores, row_scores
from .sheets import (
    ARPA_DEFAULT,
    ARPA_DEFAULT_WITHOUT_ERRORS,
    CHURN_12_NA_CALL,
    CHURN_12_WITHOUT_GAPS,
    LIFETIME_NOTE_C5_LAST_ERROR,
    LIFETIME_NOTE_C5_ROWS,
    LIFETIME_NOTE_C5_WITHOUT_GAPS,
    LIFETIME_NOTE_C8_FIXED_CELLS,
    LIFETIME_NOTE_C8_ROWS,
    LIFETIME_NOTE_C8_WITHOUT_ARPA_ERRORS,
    LIFETIME_NOTE_C12_FIXED_CELLS,
    LIFETIME_NOTE_C13_FIXED_CELLS,
)
from .template import MONTHLY_SHEETS, column_letter, render_formula

if TYPE_CHECKING:
    from .found import _Monthly

__all__ = ["EARLIER", "LIFETIME_EARLIER", "SAME_VALUES", "PutBack", "upgrade_formulas", "upgrade_lifetime"]

# customers or MRR at end below 0 drawn as a point below the axis (-5 typed), while the month's rates were #NUM!
_END_CHART_NEGATIVE_DRAWN = (
    "=IF(ISNUMBER({end}),{end},IF(OR(ISERROR({end}),AND(COUNT({end:first}:{end})>0,COUNT({end:column})>COUNT({end:"
    'first}:{end}))),NA(),""))'
)


def _movement_negative_drawn(key: str, sign: str = "") -> str:
    """An MRR movement's chart helper before negative amounts were gaps: a churn typed as -100 drawn as a bar of
    +100 above zero (a gain), a new MRR of -100 as a bar below it, while the month's MRR at end was #NUM!."""
    x = "{" + key + "}"
    counts = f"COUNT({{{key}:first}}:{x})>0,COUNT({{{key}:column}})>COUNT({{{key}:first}}:{x})"
    drawn = f"-({x}+0)" if sign else f"{x}+0"
    return f'=IF(ISERROR({x}+0),NA(),IF({x}="",IF(AND({counts}),NA(),""),{drawn}))'


#: (sheet, column key) -> the formulas earlier templates wrote in that column, with the template's placeholders
EARLIER: dict[tuple[str, str], tuple[str, ...]] = {
    ("Customers", "start"): (
        '=IF({end-1}="","",{end-1})',
        '=IF(OR(COUNT({gained}:{end})=0,{end-1}=""),"",{end-1})',
        '=IF(COUNT({gained}:{end})=0,"",IF(COUNT({end:first}:{end-1})=0,0,IF({end-1}="","",{end-1})))',
        (
            '=IF(COUNT({gained}:{end})=0,"",IF(COUNT({end:first}:{end-1})+N({start:first})=0,0,IF({end-1}="",'
            '"",{end-1})))'
        ),
        # the first month's start and end pasted as text: the next month started at 0 (its lost customers #NUM!)
        (
            '=IF(AND({gained}="",{end}=""),"",IF(COUNT({end:first}:{end-1})+N({start:first})=0,0,IF({end-1}="","",'
            "{end-1})))"
        ),
        CUSTOMERS_START_ARRAY,  # the same values, counted with array arithmetic (slower in every spreadsheet)
    ),
    # below: the rates before a number pasted as text was read as its number (#VALUE! "must be a number, got '115'")
    ("Customers", "lost"): (
        "=CUSTOMERS_LOST({end},{gained},{start})",
        '=IF(AND({end}="",{gained}="",{start}=""),"",CUSTOMERS_LOST({end},{gained},{start}))',
    ),
    ("Customers", "crr"): (
        "=CRR({end},{gained},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",CRR({end},{gained},{start}))',
        '=IF(OR(AND({end}="",{gained}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",CRR({end},{gained},{start}))',
    ),
    ("Customers", "churn"): (
        "=CHURN_RATE({end},{gained},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",CHURN_RATE({end},{gained},{start}))',
        (
            '=IF(OR(AND({end}="",{gained}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",CHURN_RATE({end},'
            "{gained},{start}))"
        ),
    ),
    ("Purchases and visits", "rate"): (
        (
            '=IF(OR(AND({repeat}="",{buyers}=""),AND(ISNUMBER({buyers}),{buyers}=0)),"",REPEAT_PURCHASE_RATE({repeat},'
            "{buyers}))"
        ),
    ),
    ("Revenue", "start"): (
        '=IF({end-1}="","",{end-1})',
        '=IF(OR(COUNT({new}:{churned})=0,{end-1}=""),"",{end-1})',
        '=IF(COUNT({new}:{churned})=0,"",IF(COUNT({end:first}:{end-1})=0,0,IF({end-1}="","",{end-1})))',
        MRR_START_COUNT,  # an error in the month before (a first month without its start) made the next start 0
        MRR_START_ZERO,  # a first month of data below row 2 with churned MRR started from 0 (churn out of nothing)
    ),
    ("Revenue", "end"): (
        ('=IF(COUNT({new}:{churned})=0,"",{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned})'),
        ('=IF(COUNT({start}:{churned})=0,"",{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned})'),
        # a negative amount added to the MRR at end (a churn typed as -100: 200 more, silently)
        (
            '=IF(AND({start}="",{new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",'
            "{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned})"
        ),
        # a negative pasted as text ("-30", "(40)") passed the guard (text compares greater than 0) and was subtracted
        (
            '=IF(AND({start}="",{new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",'
            "IF(OR({start}<0,{new}<0,{expansion}<0,{reactivation}<0,{contraction}<0,{churned}<0),#NUM!,"
            "{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned}))"
        ),
        MRR_END_BLANK_START,  # a first month's blank MRR at start summed as 0 (Customers refuses the same omission)
    ),
    ("Revenue", "lost"): ('=IF(COUNT({contraction}:{churned})=0,"",{contraction}+{churned})',),
    ("Revenue", "gained"): ('=IF(COUNT({new},{reactivation})=0,"",{new}+{reactivation})',),
    ("Revenue", "net_churn"): (
        "=NET_REVENUE_CHURN({lost},{expansion},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",NET_REVENUE_CHURN({lost},{expansion},{start}))',
        (
            '=IF(OR(AND({lost}="",{expansion}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",NET_REVENUE'
            "_CHURN({lost},{expansion},{start}))"
        ),
        (
            '=IF(OR(AND({lost}="",{expansion}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",NET_REVENUE'
            "_CHURN(N({lost}),N({expansion}),{start}))"
        ),
        # a first month's MRR at start pasted as text refused by the rates (the MRR at end counted it)
        (
            '=IF(OR(AND({lost}="",{expansion}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",'
            'NET_REVENUE_CHURN(N({lost}),IF({expansion}="",0,{expansion}+0),{start}))'
        ),
    ),
    ("Revenue", "gross_churn"): (
        "=GROSS_REVENUE_CHURN({lost},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",GROSS_REVENUE_CHURN({lost},{start}))',
        ('=IF(OR(AND({lost}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",GROSS_REVENUE_CHURN({lost},{start}))'),
        # a first month's MRR at start pasted as text refused by the rates (the MRR at end counted it)
        '=IF(OR(AND({lost}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",GROSS_REVENUE_CHURN(N({lost}),{start}))',
    ),
    ("Revenue", "nrr"): (
        "=NRR({lost},{expansion},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",NRR({lost},{expansion},{start}))',
        (
            '=IF(OR(AND({lost}="",{expansion}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",NRR({lost},'
            "{expansion},{start}))"
        ),
        (
            '=IF(OR(AND({lost}="",{expansion}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",NRR(N({lost'
            "}),N({expansion}),{start}))"
        ),
        # a first month's MRR at start pasted as text refused by the rates (the MRR at end counted it)
        (
            '=IF(OR(AND({lost}="",{expansion}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",'
            'NRR(N({lost}),IF({expansion}="",0,{expansion}+0),{start}))'
        ),
    ),
    ("Revenue", "grr"): (
        "=GRR({lost},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",GRR({lost},{start}))',
        '=IF(OR(AND({lost}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",GRR({lost},{start}))',
        # a first month's MRR at start pasted as text refused by the rates (the MRR at end counted it)
        '=IF(OR(AND({lost}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",GRR(N({lost}),{start}))',
    ),
    ("Revenue", "quick_ratio"): (
        "=QUICK_RATIO({gained},{expansion},{lost})",
        '=IF(AND(ISNUMBER({lost}),{lost}=0),"",QUICK_RATIO({gained},{expansion},{lost}))',
        (
            '=IF(OR(AND({gained}="",{expansion}="",{lost}=""),AND(ISNUMBER({lost}),{lost}=0)),"",QUICK_RATIO('
            "{gained},{expansion},{lost}))"
        ),
        (
            '=IF(OR(AND({gained}="",{expansion}="",{lost}=""),AND(ISNUMBER(N({lost})),N({lost})=0)),"",QUICK_'
            "RATIO(N({gained}),N({expansion}),N({lost})))"
        ),
    ),
    ("Purchases and visits", "visitor_rate"): (
        "=RETURNING_VISITOR_RATE({returning_visitors},{visitors})",
        ('=IF(AND(ISNUMBER({visitors}),{visitors}=0),"",RETURNING_VISITOR_RATE({returning_visitors},{visitors}))'),
        (
            '=IF(OR(AND({returning_visitors}="",{visitors}=""),AND(ISNUMBER({visitors}),{visitors}=0),AND({re'
            'turning_visitors}="",COUNT({visitors:first}:{visitors})=1)),"",RETURNING_VISITOR_RATE({returning'
            "_visitors},{visitors}))"
        ),
        (
            '=IF(OR(AND({returning_visitors}="",{visitors}=""),AND(ISNUMBER({visitors}),{visitors}=0)),"",RETURNING_'
            "VISITOR_RATE({returning_visitors},{visitors}))"
        ),
    ),
    ("Customers", "crr_chart"): (
        "=IF(ISNUMBER({crr}),{crr},NA())",
        (
            "=IF(ISNUMBER({crr}),{crr},IF(AND(COUNT({crr:first}:{crr})>0,COUNT({crr:column})>COUNT({crr:first"
            '}:{crr})),NA(),""))'
        ),
    ),
    ("Revenue", "end_chart"): (
        "=IF(ISNUMBER({end}),{end},NA())",
        (
            "=IF(ISNUMBER({end}),{end},IF(AND(COUNT({end:first}:{end})>0,COUNT({end:column})>COUNT({end:first"
            '}:{end})),NA(),""))'
        ),
        _END_CHART_NEGATIVE_DRAWN,
    ),
    ("Revenue", "nrr_chart"): (
        "=IF(ISNUMBER({nrr}),{nrr},NA())",
        (
            "=IF(ISNUMBER({nrr}),{nrr},IF(AND(COUNT({nrr:first}:{nrr})>0,COUNT({nrr:column})>COUNT({nrr:first"
            '}:{nrr})),NA(),""))'
        ),
    ),
    ("Revenue", "grr_chart"): (
        "=IF(ISNUMBER({grr}),{grr},NA())",
        (
            "=IF(ISNUMBER({grr}),{grr},IF(AND(COUNT({grr:first}:{grr})>0,COUNT({grr:column})>COUNT({grr:first"
            '}:{grr})),NA(),""))'
        ),
    ),
    ("Revenue", "contraction_chart"): (
        "=IF(ISNUMBER({contraction}),-{contraction},NA())",
        (
            "=IF(ISNUMBER({contraction}),-{contraction},IF(AND(COUNT({contraction:first}:{contraction})>0,COU"
            'NT({contraction:column})>COUNT({contraction:first}:{contraction})),NA(),""))'
        ),
        (
            "=IF(ISNUMBER({contraction}),-{contraction},IF(OR(ISERROR({contraction}),AND(COUNT({contraction:f"
            "irst}:{contraction})>0,COUNT({contraction:column})>COUNT({contraction:first}:{contraction}))),NA"
            '(),""))'
        ),
        _movement_negative_drawn("contraction", "-"),
    ),
    ("Revenue", "churned_chart"): (
        "=IF(ISNUMBER({churned}),-{churned},NA())",
        (
            "=IF(ISNUMBER({churned}),-{churned},IF(AND(COUNT({churned:first}:{churned})>0,COUNT({churned:colu"
            'mn})>COUNT({churned:first}:{churned})),NA(),""))'
        ),
        (
            "=IF(ISNUMBER({churned}),-{churned},IF(OR(ISERROR({churned}),AND(COUNT({churned:first}:{churned})"
            '>0,COUNT({churned:column})>COUNT({churned:first}:{churned}))),NA(),""))'
        ),
        _movement_negative_drawn("churned", "-"),
    ),
    ("Revenue", "new_chart"): (_movement_negative_drawn("new"),),
    ("Revenue", "expansion_chart"): (_movement_negative_drawn("expansion"),),
    ("Revenue", "reactivation_chart"): (_movement_negative_drawn("reactivation"),),
    ("Customers", "end_chart"): (
        "=IF(ISNUMBER({end}),{end},NA())",
        (
            "=IF(ISNUMBER({end}),{end},IF(AND(COUNT({end:first}:{end})>0,COUNT({end:column})>COUNT({end:first"
            '}:{end})),NA(),""))'
        ),
        _END_CHART_NEGATIVE_DRAWN,
        # customers at end pasted as text ("95") a gap, though the rates read its number
        (
            "=IF(ISNUMBER({end}),IF(ROUND({end},6)<0,NA(),{end}),IF(OR(ISERROR({end}),AND(COUNT({end:first}:{end})>0,"
            'COUNT({end:column})>COUNT({end:first}:{end}))),NA(),""))'
        ),
    ),
    # customers at end pasted as text not counted: the Dashboard's latest figure and the ARPA read the month before
    ("Customers", "end_seq"): ('=IF(ISNUMBER({end}),COUNT({end:first}:{end}),"")', END_SEQ_ARRAY),
    ("Purchases and visits", "returning_rate"): (
        (
            '=IF(OR(AND({returning}="",{buyers}=""),AND(ISNUMBER({buyers}),{buyers}=0),AND({returning}="",COU'
            'NT({buyers:first}:{buyers})=1)),"",RETURNING_CUSTOMER_RATE({returning},{buyers}))'
        ),
        (
            '=IF(OR(AND({returning}="",{buyers}=""),AND(ISNUMBER({buyers}),{buyers}=0)),"",RETURNING_CUSTOMER_RATE('
            "{returning},{buyers}))"
        ),
    ),
}


# the NPS of answers only: a month's counts typed over B:E (no answers) left it blank, a 1-5 survey showed -100
EARLIER[("NPS", "nps")] = (NPS_ANSWERS_ONLY,)

# a rate blank at a base of 0 whatever the month had (churned MRR out of an MRR at start of 0, 3 returning buyers of 0):
# the impossible month accepted without a word, where a base above 0 gives #NUM!
for _where, _form in BLANK_AT_ZERO.items():
    EARLIER[_where] = (*EARLIER.get(_where, ()), _form)


#: earlier forms that compute the same values as this version's (written otherwise for speed): upgraded, but no reason
#: for ``recalc`` to name a tracker (:mod:`.upgrade_file`)
SAME_VALUES = frozenset({CUSTOMERS_START_ARRAY, END_SEQ_ARRAY})


def upgrade_formulas(package: ip.Package, sheets: dict[str, _Monthly], differing_only: bool = False) -> list[str]:
    """Replace every formula of ``sheets`` (the tracker's monthly sheets as found) that is exactly an earlier template's
    (:data:`EARLIER`) by this version's, in ``package``; returns the cells changed as ranges (``'Revenue'!B3:B14``).

    Only the months the sheet had before an import adds any are looked at (added months get this version's formulas).
    A form whose columns the sheet lacks (an older tracker without a chart column) is skipped. ``differing_only``:
    the forms of :data:`SAME_VALUES` are left as they are (what ``recalc`` names is what computes otherwise).

    >>> # a 3-month tracker made before 2026-11-30 23:05: Revenue!H3 '=IF(COUNT(B3:G3)=0,"",B3+C3+...)' becomes
    >>> # '=IF(AND(B3="",C3="",D3="",E3="",F3="",G3=""),"",B3+C3+D3+E3-F3-G3)'
    """
    changed: list[str] = []
    for found in sheets.values():
        spec, title = found.template, found.spec.title  # the template's sheet, under the user's title if renamed
        if spec not in MONTHLY_SHEETS:
            continue
        letters = {key: get_column_letter(column) for key, column in found.columns.items()}
        # a column whose header the user renamed ('Active at month end' for Customers at end: not found by its header)
        # is read where the template put it, when no other column is there: a formula is replaced only where it is
        # exactly an earlier template's reading that column (H201's finding 01: upgrade skipped the sheet, no word)
        letters = {
            **{c.key: letter for c in spec.columns if (letter := column_letter(spec, c.key)) not in letters.values()},
            **letters,
        }
        xml = package.sheet(title)
        for column in spec.columns:
            forms = EARLIER.get((spec.title, column.key), ())
            forms = tuple(form for form in forms if form not in SAME_VALUES) if differing_only else forms
            if not forms or column.formula is None or column.key not in letters:
                continue
            rows = []
            for month in found.months:
                row = found.row(month)
                if column.first_row_input and row == found.row(found.months[0]):
                    continue
                mine = found.value(row, column_index_from_string(letters[column.key]))
                if not isinstance(mine, str) or not mine.startswith("="):
                    continue
                # the NPS sheet's: the month's answers as the cell reads them ('NPS scores'!B$2:B$1001, on the
                # sheet the user renamed it to, as many rows as import widened them to)
                scores = formula_scores(mine) if "{scores}" in column.formula else None
                extra = {"scores": scores} if scores is not None else None
                try:
                    current = render_formula(column.formula, letters, row, extra)
                    key = ip.formula_key(mine)
                    if key == ip.formula_key(current):  # this version's already: the earlier forms not rendered
                        continue
                    was = {ip.formula_key(render_formula(form, letters, row, extra)) for form in forms}
                except KeyError:  # a column the form reads that the sheet lacks
                    break
                if key not in was:
                    continue
                ref = f"{letters[column.key]}{row}"
                element = xml.cell(ref)
                if element is None or ip._SPREAD_FORMULA.search(element):
                    continue
                xml.put(ref, xml.element(ref, xml.style(ref), formula=current.removeprefix("=")))
                rows.append(row)
            changed.extend(_ranges(title, letters[column.key], rows))
        if not differing_only:
            changed.extend(_put_back(xml, found, spec, title, letters))
    return changed


class PutBack(str):
    """A range of the template's formula cells that :func:`upgrade_formulas` put back, with ``why``: ``"cleared"``
    (blank) or ``"moved"`` (the template's formula but for the rows it read): reported apart from the earlier
    templates' formulas brought up (:func:`.report_lines.upgraded_line`)."""

    why: str

    def __new__(cls, text: str, why: str) -> PutBack:
        made = super().__new__(cls, text)
        made.why = why
        return made


def _put_back(xml: ip.SheetXml, found: _Monthly, spec: Any, title: str, letters: dict[str, str]) -> list[str]:
    """Give each of the template's formula cells in ``found``'s months that is blank (cleared: the hidden helper
    columns unhidden, full of ``#N/A``, and deleted; H201's finding 06) or holds the template's formula re-pointed to
    other rows (a month's figures cut and pasted, or dragged, to another row: the spreadsheet re-points every formula
    that read them; finding 02) the template's formula for its row again, in ``xml``; returns the cells as
    :class:`PutBack` ranges. recalc names the same cells (:func:`.template_cells.template_cells_off`). A value typed
    over a formula is the user's and is kept (recalc names it); so are formulas of another shape (the user's own) and
    cells a shared or array formula covers."""
    from .template_cells import _plain, _shape

    out: list[str] = []
    rows = [found.row(month) for month in found.months]
    scored = [column_index_from_string(letters[c.key]) for c in spec.columns
              if c.formula and "{scores}" in c.formula and c.key in letters]  # fmt: skip
    for column in spec.columns:
        if column.formula is None or column.key not in letters:
            continue
        letter = letters[column.key]
        cleared, moved = [], []
        for month in found.months:
            row = found.row(month)
            if not template_formula_at(column, row):
                continue
            mine = found.value(row, column_index_from_string(letter))
            if mine is not None and mine != "" and not (isinstance(mine, str) and mine.startswith("=")):
                continue  # a value typed over the formula: the user's
            extra = None
            if "{scores}" in column.formula:  # the NPS sheet's: the month's answers, as the row's other formulas read
                scores = row_scores(row, rows, lambda r: [found.value(r, c) for c in scored])
                if scores is None:
                    continue
                extra = {"scores": scores}
            try:
                current = render_formula(column.formula, letters, row, extra)
            except KeyError:  # a column the formula reads that the sheet lacks (an earlier tracker)
                break
            ref = f"{letter}{row}"
            element = xml.cell(ref)
            if element is not None and ip._SPREAD_FORMULA.search(element):
                continue
            if mine is None or mine == "":
                if element is not None and ip.has_content(element):
                    continue  # read as blank, but the cell holds something (an empty text typed): not a cleared cell
                cleared.append(row)
            else:
                text, template = _plain(mine), _plain(current)
                if text == template or _shape(text) != _shape(template):
                    continue  # the template's (as written or re-saved), or a formula of the user's own
                moved.append(row)
            xml.put(ref, xml.element(ref, xml.style(ref), formula=current.removeprefix("=")))
        out += [PutBack(r, "cleared") for r in _ranges(title, letter, cleared)]
        out += [PutBack(r, "moved") for r in _ranges(title, letter, moved)]
    return out


def _ranges(title: str, letter: str, rows: list[int]) -> list[str]:
    """Consecutive rows of one column as ranges: ``'Revenue'!B3:B5``, ``'Revenue'!B8``."""
    out, start = [], None
    for i, row in enumerate(rows):
        if start is None:
            start = row
        if i + 1 == len(rows) or rows[i + 1] != row + 1:
            where = f"{letter}{start}" if start == row else f"{letter}{start}:{letter}{row}"
            out.append(f"{quote_sheetname(title)}!{where}")
            start = None
    return out


#: cell of the Lifetime value sheet -> the formulas earlier templates wrote there (each replaced by this version's)
LIFETIME_EARLIER: dict[str, tuple[str, ...]] = {
    "B3": (
        '=IF(COUNT(Revenue_End)=0,"",IF(LOOKUP(9.99E+307,Revenue_End,Customers_End)=0,"",LOOKUP(9.99E+307,'
        "Revenue_End)/LOOKUP(9.99E+307,Revenue_End,Customers_End)))",
        # the last month's customers at end pasted as text ("95"): the ARPA blank
        '=IF(COUNT(Revenue_End)=0,"",IF(NOT(ISNUMBER(INDEX(Customers_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))'
        ')),"",IF(INDEX(Customers_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))=0,"",INDEX(Revenue_End,MATCH(COUNT('
        "Revenue_End),Revenue_End_Seq,0))/INDEX(Customers_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0)))))",
        # the customers at end of the row where Revenue's last MRR at end is, not of its month: a row inserted or
        # deleted on one sheet divided August's MRR by July's customers
        '=IF(COUNT(Revenue_End)=0,"",IF(NOT(ISNUMBER(IFERROR(INDEX(Customers_End,MATCH(COUNT(Revenue_End),'
        'Revenue_End_Seq,0))+0,""))),"",IF(IFERROR(INDEX(Customers_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))+0,'
        '"")=0,"",INDEX(Revenue_End,MATCH(COUNT(Revenue_End),Revenue_End_Seq,0))/IFERROR(INDEX(Customers_End,MATCH('
        'COUNT(Revenue_End),Revenue_End_Seq,0))+0,""))))',
        '=IF(OR(COUNT(Revenue_End_Chart)=0,COUNT(Customers_End_Chart)=0),"",IF(LOOKUP(9.99E+307,Revenue_End_Chart,'
        'Customers_End_Chart)=0,"",LOOKUP(9.99E+307,Revenue_End_Chart)/LOOKUP(9.99E+307,Revenue_End_Chart,'
        "Customers_End_Chart)))",
        # the month's customers found by its month, but a later month's MRR at end in error left out: the month
        # before's ARPA, shown beside that month
        ARPA_DEFAULT_WITHOUT_ERRORS,
    ),
    # the churn window that counted the rates as if every month from the first had one (case workbook/02): the
    # latest month left out and one too many at the start, or an error with 12 months or fewer
    "B5": (
        '=IF(COUNT(Customers_Churn)=0,"",AVERAGE(OFFSET(Customers!$G$2,MAX(0,COUNT(Customers_Churn)-12),0,'
        "MIN(12,COUNT(Customers_Churn)),1)))",
        '=IF(COUNT(Customers_Churn)=0,"",AVERAGE(INDEX(Customers_Churn,MAX(1,COUNT(Customers_Churn)-11)):'
        "INDEX(Customers_Churn,COUNT(Customers_Churn))))",
        # a month in error among the last 12 left out of the average, silently
        '=IF(COUNT(Customers_Churn)=0,"",AVERAGEIFS(Customers_Churn,Customers_Churn_Seq,">"&(COUNT(Customers_'
        "Churn)-12)))",
    ),
    # the fit read with its name gone (#REF!: the Cohorts sheet deleted) was #REF!, its note sending to the sheet
    "B9": ("=SBG_Alpha",),
    "B10": ("=SBG_Beta",),
    "C9": (
        '=IF(ISERROR(B9),"No sBG fit: the note beside the fit on Cohorts says why (often: no cohort of 3 months '
        'yet).","")',
    ),
    # its first form named Customers as text that no rename followed
    "C5": (
        '=IF(ISERROR(B5),"No average: Customers!"&ADDRESS(LOOKUP(2,1/ISERROR(Customers_Churn),ROW(Customers_Churn)),'
        'COLUMN(Customers_Churn),4)&", a month of the last 12, has an error, not a churn rate: correct that '
        'month.","")',
    ),
    # C7's AND() of a churn in error was that error in the note
    "C7": ('=IF(AND(ISNUMBER(B5),B5=0),"No customer left in these months: 1 / churn has no finite value.","")',),
    "B7": ("=CUSTOMER_LIFETIME(B5)", '=IF(B5="","",CUSTOMER_LIFETIME(B5))'),
    # below, the last form of each: an input pasted as text ('80%') refused by CLV (#VALUE!), the note saying to type
    # 80%, which the user had
    "B8": (
        "=CLV(B3,B4,B5,B6)",
        '=IF(OR(B3="",B4="",B5=""),"",CLV(B3,B4,B5,B6))',
        '=IF(OR(B3="",B4="",B5=""),"",IF(B5+N(B6)=0,"",CLV(B3,B4,B5,B6)))',
    ),
    "B11": (
        '=IF(COUNT(B3:B4)<2,"",B3*B4)',
        '=IF(OR(B3="",B4=""),"",B3*B4)',  # B4 of 80 (for 80%): 4,000 a month
        '=IF(OR(B3="",B4=""),"",CLV(B3,B4,1,0))',
    ),
    "C8": (
        '=IF(AND(B4="",B3<>"",B5<>""),"Type the gross margin (B4) to see the lifetime values.","")',
        '=IF(ISERROR(B8),"No value for these inputs: the gross margin is a share (80% or 0.8, not 80); ARPA and churn '
        '0 or more.",IF(AND(B4="",B3<>"",B5<>""),"Type the gross margin (B4) to see the lifetime values.",""))',
        # before it named the discount rate (B6) of 10 typed for 10%: "the gross margin is a share" was said instead
        "=IF(ISERROR(B8),IF(OR(AND(ISTEXT(B3),ISERROR(B3+0)),AND(ISTEXT(B4),ISERROR(B4+0)),AND(ISTEXT(B6),ISERROR("
        'B6+0))),"No value: ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that is no number; '
        'type a number there (80% or 0.8).","No value for these inputs: the gross margin is a share (80% or 0.8, not '
        '80); ARPA and churn 0 or more."),IF(AND(B4="",B3<>"",B5<>""),"Type the gross margin (B4) to see the lifetime '
        'values.",""))',
        # before it said the churn (B5) in error was an input out of its range
        "=IF(ISERROR(B8),IF(OR(AND(ISTEXT(B3),ISERROR(B3+0)),AND(ISTEXT(B4),ISERROR(B4+0)),AND(ISTEXT(B6),ISE"
        'RROR(B6+0))),"No value: ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that i'
        's no number; type a number there (80% or 0.8).",IF(OR(IFERROR(B4+0,0)<0,IFERROR(B4+0,0)>1),"No value'
        ': the gross margin (B4) is a share from 0 to 1 (80% or 0.8, not 80).",IF(OR(IFERROR(B6+0,0)<0,IFERRO'
        'R(B6+0,0)>1),"No value: the discount rate (B6) is a monthly rate from 0 to 1 (1% or 0.01, not 1 or 1'
        '0).",IF(IFERROR(B3+0,0)<0,"No value: ARPA (B3) is 0 or more.",IF(OR(IFERROR(B5+0,0)<0,IFERROR(B5+0,0'
        ')>1),"No value: the monthly churn (B5) is from 0 to 1 (3% or 0.03).","No value for these inputs: ARP'
        'A 0 or more; the gross margin, churn and discount rate from 0 to 1 (80% or 0.8, not 80)."))))),IF(AN'
        'D(B4="",B3<>"",B5<>""),"Type the gross margin (B4) to see the lifetime values.",""))',
        # before it said nothing where ARPA (B3) was blank beside a gross margin and a churn (the CLV blank, no word)
        (
            '=IF(ISERROR(B8),IF(ISERROR(B5),"No value: the monthly churn (B5) is an error: C5 says where.",IF(OR('
            'AND(ISTEXT(B3),ISERROR(B3+0)),AND(ISTEXT(B4),ISERROR(B4+0)),AND(ISTEXT(B6),ISERROR(B6+0))),"No value'
            ": ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that is no number; type a nu"
            'mber there (80% or 0.8).",IF(OR(IFERROR(B4+0,0)<0,IFERROR(B4+0,0)>1),"No value: the gross margin (B4'
            ') is a share from 0 to 1 (80% or 0.8, not 80).",IF(OR(IFERROR(B6+0,0)<0,IFERROR(B6+0,0)>1),"No value'
            ': the discount rate (B6) is a monthly rate from 0 to 1 (1% or 0.01, not 1 or 10).",IF(IFERROR(B3+0,0'
            ')<0,"No value: ARPA (B3) is 0 or more.",IF(OR(IFERROR(B5+0,0)<0,IFERROR(B5+0,0)>1),"No value: the mo'
            'nthly churn (B5) is from 0 to 1 (3% or 0.03).","No value for these inputs: ARPA 0 or more; the gross'
            ' margin, churn and discount rate from 0 to 1 (80% or 0.8, not 80).")))))),IF(AND(B4="",B3<>"",B5<>""'
            '),"Type the gross margin (B4) to see the lifetime values.",""))'
        ),
        LIFETIME_NOTE_C8_WITHOUT_ARPA_ERRORS,  # before it named an ARPA (B3) in error
    ),
    # the last forms of each: a discount rate of 10 typed for 10% gave a lifetime of 1.08 months, silently
    "B12": (
        '=IF(COUNT(B9:B10)<2,"",SBG_DEL(B9,B10,B6))',
        '=IF(COUNT(B9:B10)<2,"",SBG_DEL(B9,B10,IF(B6="",B6,IFERROR(B6+0,B6))))',
    ),
    "B13": (
        '=IF(COUNT(B9:B10)<2,"",SBG_CLV(B11,B9,B10,B6))',
        '=IF(OR(COUNT(B9:B10)<2,B11=""),"",SBG_CLV(B11,B9,B10,B6))',
        '=IF(COUNT(B9:B10)<2,"",IF(B11="","",SBG_CLV(B11,B9,B10,B6)))',
        '=IF(COUNT(B9:B10)<2,"",IF(B11="","",SBG_CLV(B11,B9,B10,IF(B6="",B6,IFERROR(B6+0,B6)))))',
    ),
}
# before 2026-12-03 an error was found by ISERROR alone: a month whose churn rate was its error's code as text (the
# classic add-in's CHURN_RATE) was left out of the average, and the month before's ARPA shown (:mod:`.error_texts`)
_EARLIER_FORMS = (
    ("B3", ARPA_DEFAULT),
    ("B5", CHURN_12_WITHOUT_GAPS),
    ("C5", LIFETIME_NOTE_C5_WITHOUT_GAPS),
    ("C5", LIFETIME_NOTE_C5_LAST_ERROR),
    ("C8", LIFETIME_NOTE_C8_FIXED_CELLS),
)
for _ref, _form in _EARLIER_FORMS:
    LIFETIME_EARLIER[_ref] += (without_error_texts(_form),)
    if with_ref(_form) != _form:  # ... and its form of 5b4ebba (#REF! made an error too: error_texts.with_ref)
        LIFETIME_EARLIER[_ref] += (with_ref(_form),)
# before a month with nothing typed among the last 12 with a churn rate was said (H172 finding 01)
LIFETIME_EARLIER["B5"] += (CHURN_12_WITHOUT_GAPS, CHURN_12_NA_CALL)  # and 5bd8377's, whose NA() recalc did not list
LIFETIME_EARLIER["C5"] += (LIFETIME_NOTE_C5_WITHOUT_GAPS,)
# before it named the cell the error starts in, not the last month in error (H194's finding 03)
LIFETIME_EARLIER["C5"] += (LIFETIME_NOTE_C5_LAST_ERROR,)
# before the notes wrote the cells they name with ADDRESS (B3 named where a row inserted above had moved ARPA to B5:
# H201's finding 04), C8 named the last month in error for an ARPA in error (finding H204/01) and ARPA below 0 as
# "ARPA (B3) is 0 or more" (H204/04)
LIFETIME_EARLIER["C8"] += (LIFETIME_NOTE_C8_FIXED_CELLS,)
LIFETIME_EARLIER["C12"] = (LIFETIME_NOTE_C12_FIXED_CELLS,)
LIFETIME_EARLIER["C13"] = (LIFETIME_NOTE_C13_FIXED_CELLS,)
# before C5's rows of the months were written lean (sheets.lean_rows): its recalculation grew with the months, a
# 240-month tracker's C5 past what the embedded engine takes (recalc `incomplete`)
LIFETIME_EARLIER["C5"] += (LIFETIME_NOTE_C5_ROWS,)
LIFETIME_EARLIER["C8"] += (LIFETIME_NOTE_C8_ROWS,)  # the same, 17d01689's (reverted)
#: notes added beside the template's cells (each put where it is empty and its cell holds the template's formula)
_NOTES_ADDED = {"C5": "B5", "C9": "B9", "C12": "B12", "C13": "B13"}
_NAME_ATTR = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>")
_NAME_USE = re.compile(r"(?<![A-Za-z0-9_.!$])([A-Za-z_][A-Za-z0-9_.]*)(?![A-Za-z0-9_.(!])")
_CELL = re.compile(r"\$?[A-Za-z]{1,3}\$?[0-9]+")
#: an error value in a formula (Lifetime value!B5's CHOOSE(..,#NULL!,#DIV/0!,..)): no name ("N/A" read as N and A)
_ERROR_CONSTANT = re.compile(r"#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA)", re.I)


def _names_in(formula: str) -> set[str]:
    """The defined names a formula reads: words that are no function, cell, string, error value or TRUE/FALSE."""
    words = _NAME_USE.findall(_ERROR_CONSTANT.sub("0", re.sub(r'"(?:[^"]|"")*"', '""', formula)))
    return {w for w in words if not _CELL.fullmatch(w) and w.upper() not in ("TRUE", "FALSE")}


def is_earlier(value: Any, forms: tuple[str, ...]) -> bool:
    """Whether a cell's ``value`` is one of an earlier template's ``forms`` of its formula (as LibreOffice re-saves
    it too: :func:`.inplace.formula_key`)."""
    return isinstance(value, str) and ip.formula_key(value) in {ip.formula_key(form) for form in forms}


def put_formula(xml: ip.SheetXml, ref: str, formula: str) -> bool:
    """This version's ``formula`` (with its ``=``) in ``ref``, its style kept; False, nothing done, where the cell is
    gone or holds a formula other cells share (Excel's shared or array formulas: replacing it would break them)."""
    element = xml.cell(ref)
    if element is None or ip._SPREAD_FORMULA.search(element):
        return False
    xml.put(ref, xml.element(ref, xml.style(ref), formula=formula.removeprefix("=")))
    return True


def workbook_names(package: ip.Package) -> set[str]:
    """The workbook-level defined names of ``package`` (a sheet's own names left out)."""
    names = set()
    for match in _NAME_ATTR.finditer(package.data.get("xl/workbook.xml", b"")):
        name = ip.attribute(match.group(1), b"name")
        if name is not None and ip.attribute(match.group(1), b"localSheetId") is None:
            names.add(name.decode())
    return names


def _current_lifetime() -> dict[str, str]:
    """This version's formulas of the Lifetime value cells in :data:`LIFETIME_EARLIER`."""
    from openpyxl import Workbook

    from .sheets import lifetime_sheet
    from .template import LIFETIME_TITLE

    wb = Workbook()
    ws = lifetime_sheet(wb, LIFETIME_TITLE, {})
    return {ref: ws[ref].value for ref in (*LIFETIME_EARLIER, *_NOTES_ADDED)}


def upgrade_lifetime(package: ip.Package, wb: Any) -> tuple[list[str], list[str]]:
    """Replace every formula of the Lifetime value sheet that is exactly an earlier template's
    (:data:`LIFETIME_EARLIER`) by this version's, in ``package``; returns the cells changed (``'Lifetime value'!B7``)
    and notes for the user.

    ``wb``: the workbook opened with openpyxl (read-only is fine). A formula reading a defined name the workbook lacks
    (a tracker made before it) is left as it is; for the churn average (B5), whose earlier forms take the wrong
    months, a note says so (this version's reads the "Churn rates so far" column such a tracker lacks). Nothing
    happens without a Lifetime value sheet.
    """
    title = _lifetime_title(wb)  # the template's, or the user's for the sheet ('CLV')
    if title is None:
        return [], []
    ws = wb[title]
    down = _rows_inserted(ws)  # note rows inserted under the title move every cell (H201's finding 03)
    rows = ws.iter_rows(min_row=1, max_row=13 + down, min_col=2, max_col=3, values_only=True)
    mine = {f"{c}{r - (down if r > 2 else 0)}": v for r, row in enumerate(rows, start=1)
            for c, v in zip("BC", row, strict=False) if r <= 2 or r > 2 + down}  # fmt: skip
    current = {ref: _rows_down(form, down) for ref, form in _current_lifetime().items()}
    names = workbook_names(package)
    xml, changed, notes = package.sheet(title), [], []
    for ref, forms in LIFETIME_EARLIER.items():
        if not is_earlier(mine.get(ref), tuple(_rows_down(form, down) for form in forms)):
            continue
        formula = current[ref]
        ref = _ref_down(ref, down)
        if not _names_in(formula) <= names:
            if ref == "B5":
                notes.append(
                    f"{quote_sheetname(title)}!B5, the monthly churn its lifetime values use, holds the "
                    "average of an earlier version of the template, which takes the wrong months (the latest month "
                    "left out with more than 12 months of rates, an error with fewer); this version's reads a "
                    "column this tracker lacks: make a new tracker (xl-retention new NEW.xlsx --start YYYY-MM) and "
                    "import into it"
                )
            continue
        if put_formula(xml, ref, formula):
            changed.append(f"{quote_sheetname(title)}!{ref}")
    # the notes of a missing sBG fit (C9, added on 2026-12-01) and of the sBG lifetime values (C12, C13: a discount
    # rate or margin out of range) beside the template's cells, where the note's cell is empty
    for ref, beside in _NOTES_ADDED.items():
        theirs = mine.get(beside)
        ours = ref == "C9" and str(theirs).upper() == "=SBG_ALPHA"
        earlier = tuple(_rows_down(form, down) for form in LIFETIME_EARLIER.get(beside, ()))
        ours = ours or is_earlier(theirs, (*earlier, current.get(beside, "")))
        at = _ref_down(ref, down)
        if ours and mine.get(ref) is None and not ip.has_content(xml.cell(at) or b""):
            xml.put(at, xml.element(at, xml.style(_ref_down("C8", down)), formula=current[ref].removeprefix("=")))
            changed.append(f"{quote_sheetname(title)}!{at}")
    return changed, notes


#: the labels of the Lifetime value sheet's first and last input rows, at rows 3 and 13 of the template
_LIFETIME_FIRST, _LIFETIME_LAST = "ARPA (average revenue per account per month)", "Customer lifetime value (CLV), sBG"


def _rows_inserted(ws: Any) -> int:
    """How many rows were inserted on the Lifetime value sheet ``ws`` between its title and its inputs (a note row
    under the title, H201's finding 03): 0 where ARPA's label is in A3, as the template writes it; 0 too where the
    labels are not the template's 11 rows apart (another layout: its formulas are not compared)."""
    labels = [row[0] for row in ws.iter_rows(min_row=1, max_row=40, min_col=1, max_col=1, values_only=True)]
    first = next((r for r, label in enumerate(labels, start=1) if label == _LIFETIME_FIRST), 3)
    if first <= 3 or first + 10 > len(labels) or labels[first + 9] != _LIFETIME_LAST:
        return 0
    return first - 3


def _ref_down(ref: str, down: int) -> str:
    """``ref`` (B3) of the template's Lifetime value sheet where ``down`` rows inserted above row 3 moved it."""
    column, row = re.fullmatch(r"([A-Z]+)([0-9]+)", ref).groups()
    return f"{column}{int(row) + down if int(row) > 2 else row}"


def _rows_down(formula: str, down: int) -> str:
    """``formula`` of the Lifetime value sheet as a spreadsheet rewrites it when ``down`` rows are inserted above row
    3: each reference to its own cells from row 3 on, ``down`` rows lower; other sheets' and texts left as they are
    ("ARPA (B3)" in an earlier note's text stays)."""
    if not down or not isinstance(formula, str):
        return formula

    def area(match: re.Match[str], piece: str) -> str:
        if match.group(1) is not None:  # another sheet's (Customers!$G$2)
            return match.group(0)
        rows = [int(match.group(5)), int(match.group(9))] if match.group(9) else [int(match.group(5))]
        moved = [r + down if r > 2 else r for r in rows]
        out = f"{match.group(2)}{match.group(3)}{match.group(4)}{moved[0]}"
        if match.group(9):
            out += f":{match.group(6)}{match.group(7)}{match.group(8)}{moved[1]}"
        return out

    return ip.areas_outside_text(formula, area)


def _lifetime_title(wb: Any) -> str | None:
    """The Lifetime value sheet's title: the template's, or the one the user renamed it to ('CLV'), which the
    template's names over its cells point to (Excel renames their references with the sheet: ``'CLV'!$B$3``)."""
    from .template import LIFETIME_TITLE

    if LIFETIME_TITLE in wb.sheetnames:
        return LIFETIME_TITLE
    found: set[str] = set()
    for name in _LIFETIME_NAMES:
        defined = wb.defined_names.get(name)
        try:
            found |= {title for title, _ in defined.destinations if title in wb.sheetnames} if defined else set()
        except (ValueError, TypeError, AttributeError):  # a name openpyxl cannot take apart (#REF!): no sheet
            continue
    return found.pop() if len(found) == 1 else None


_LIFETIME_NAMES = ("LTV_ARPA", "LTV_Gross_Margin", "LTV_Churn", "LTV_Discount_Rate", "LTV_Lifetime", "LTV_CLV")
