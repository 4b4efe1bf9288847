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

# the Lifetime value forms and the cells' helpers have their own modules; named here as before (extend, fill,
# upgrade_file, see_texts, dashboard_upgrade and the tests import them from this module)
from .helper_places import clear_of_yours, left_out, repoint_template_charts
from .lifetime_forms import LIFETIME_EARLIER, upgrade_lifetime
from .lifetime_forms import _current_lifetime as _current_lifetime
from .lifetime_forms import _lifetime_title as _lifetime_title
from .lifetime_forms import _rows_down as _rows_down
from .monthly import (
    NPS_ANSWERS_ONLY,
    NPS_LISTED_MONTHS,
    NPS_MOE_ANSWERS_ONLY,
    NPS_SCALE_EVERY_MONTH,
    REVENUE,
    template_formula_at,
)
from .monthly_formulas import (
    BLANK_AT_ZERO,
    CUSTOMERS_START_ARRAY,
    CUSTOMERS_START_OWN_ERROR,
    CUSTOMERS_START_ZERO,
    END_SEQ_ARRAY,
    EXPANSION_GUARD,
    MOVEMENTS_AS_ZERO,
    MRR_END_BLANK_START,
    MRR_START_COUNT,
    MRR_START_OWN_ERROR,
    MRR_START_ZERO,
    REVENUE_GAINED_BELOW_ZERO,
    REVENUE_LOST_BELOW_ZERO,
    _chart,
    without_boolean_guards,
)
from .nps_rows import formula_scores, row_scores
from .put_back import PutBack
from .template import MONTHLY_SHEETS, column_letter, render_formula
from .upgrade_cells import _names_in as _names_in
from .upgrade_cells import is_earlier as is_earlier
from .upgrade_cells import put_formula as put_formula
from .upgrade_cells import workbook_names as workbook_names

if TYPE_CHECKING:
    from .found import FoundSheet

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
        CUSTOMERS_START_OWN_ERROR,  # a #N/A pasted in the month's gained or end made its own start #N/A (H384's 01)
        CUSTOMERS_START_ZERO,  # a first month of data below row 2, 110 at end with 10 gained, started from 0 (H469 05)
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
        # the first template's (8b3d91a7), its {repeat} the column "Of whom returning": 0% or #NAME? in a blank month
        "=REPEAT_PURCHASE_RATE({repeat},{buyers})",
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
        MRR_START_OWN_ERROR,  # an error pasted in one of the month's movements made its own start that error
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
    ("Revenue", "lost"): ('=IF(COUNT({contraction}:{churned})=0,"",{contraction}+{churned})', REVENUE_LOST_BELOW_ZERO),
    ("Revenue", "gained"): ('=IF(COUNT({new},{reactivation})=0,"",{new}+{reactivation})', REVENUE_GAINED_BELOW_ZERO),
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
# every month of 30 answers or more none above 7 'not 0-10', a bad month an import wrote from a 0-10 column too
EARLIER[("NPS", "nps")] += (NPS_SCALE_EVERY_MONTH,)
# the first template's (8b3d91a7): no guard, a month without answers showed 0 responses (or #NAME? in a spreadsheet
# without the add-in) where this version's are blank
for _key, _at in (("responses", 4), ("promoters", 1), ("passives", 2), ("detractors", 3)):
    EARLIER[("NPS", _key)] = (f"=INDEX(NPS_BREAKDOWN({{scores}}),1,{_at})",)
EARLIER[("NPS", "nps")] += ("=NPS({scores})",)
EARLIER[("NPS", "moe")] = ("=NPS_MOE({scores})",)  # the guarded IF(COUNTA(..)=0,"",NPS_MOE(..)) is widened by import
# the margin of answers only: blank beside the counts typed in a month without answers (H575)
EARLIER[("NPS", "moe")] += (NPS_MOE_ANSWERS_ONLY,)
# a listed month passed over whatever its answers: 1-5 answers typed over an imported bad month showed their NPS (H356)
EARLIER[("NPS", "nps")] += (NPS_LISTED_MONTHS,)

# a rate blank at a base of 0 whatever the month had (churned MRR out of an MRR at start of 0, 3 returning buyers of 0):
# the impossible month accepted without a word, where a base above 0 gives #NUM!
for _where, _form in BLANK_AT_ZERO.items():
    EARLIER[_where] = (*EARLIER.get(_where, ()), _form)

# a Revenue month with its MRR at start typed and none of its movements: NRR and GRR 100%, churn 0%, the Dashboard's
# latest NRR, though nothing of the month was typed (H315's finding 04); now #VALUE!, naming the blank movements
for _where, _form in MOVEMENTS_AS_ZERO.items():
    EARLIER[_where] = (*EARLIER.get(_where, ()), _form)


# an expansion typed below 0 read as it was by net revenue churn, NRR and the quick ratio (H397's finding 01): every
# form of theirs, this version's among them, without the guard around the function's call
def _unguarded(form: str) -> str:
    """``form`` with :func:`~.monthly_formulas.expansion_guarded`'s ``IF(..,#NUM!,call)`` around a call taken away."""
    at = form.find(EXPANSION_GUARD)
    if at < 0:
        return form
    depth, end = 0, at + len(EXPANSION_GUARD)
    while end < len(form):
        depth += {"(": 1, ")": -1}.get(form[end], 0)
        if depth < 0:
            break
        end += 1
    return _unguarded(form[:at] + form[at + len(EXPANSION_GUARD) : end] + form[end + 1 :])


for _key in ("net_churn", "nrr", "quick_ratio"):
    _forms = (next(c.formula or "" for c in REVENUE.columns if c.key == _key), *EARLIER.get(("Revenue", _key), ()))
    _before = tuple(dict.fromkeys(_unguarded(f) for f in _forms if EXPANSION_GUARD in f))
    EARLIER[("Revenue", _key)] = (*EARLIER.get(("Revenue", _key), ()), *_before)


# a rate typed over its formula outside its range (a CRR of 95 for 95%) drawn as a point at 9500%: now a gap (H261)
for _where in (("Customers", "crr"), ("Revenue", "nrr"), ("Revenue", "grr"), ("NPS", "nps")):
    EARLIER[(_where[0], f"{_where[1]}_chart")] = (
        *EARLIER.get((_where[0], f"{_where[1]}_chart"), ()),
        _chart(_where[1], ranged=False),
    )

# a boolean typed where a number belongs (TRUE pasted over a month's gained customers or expansion MRR) read as 1 or 0,
# the month's rates computed from it (H469's finding 03): every form above as its template wrote it, without the
# ISLOGICAL tests the formulas they were made from have now, and this version's formula without them (the forms above
# are kept too: an earlier form made from this version's helpers has the tests)
for _spec in MONTHLY_SHEETS:
    for _column in _spec.columns:
        _forms = (*EARLIER.get((_spec.title, _column.key), ()), *([_column.formula] if _column.formula else []))
        _stripped = (without_boolean_guards(f) for f in _forms)
        _before = tuple(f for f in dict.fromkeys((*_forms, *_stripped)) if f != _column.formula)
        if _before:
            EARLIER[(_spec.title, _column.key)] = _before

#: earlier forms that compute the same values as this version's (written otherwise for speed): upgraded, but no reason
#: for ``recalc`` to name a tracker (:mod:`.upgrade_file`)
# (not CUSTOMERS_START_ARRAY since an error pasted in a month's own gained or end no longer makes its start that error)
# (no month listed before)
SAME_VALUES = frozenset({END_SEQ_ARRAY, without_boolean_guards(END_SEQ_ARRAY), NPS_SCALE_EVERY_MONTH})


def upgrade_formulas(
    package: ip.Package, sheets: dict[str, FoundSheet], differing_only: bool = False, added: int = 0
) -> list[str]:
    """Replace every formula of ``sheets`` (the tracker's monthly sheets as found) that is exactly an earlier template's
    (:data:`EARLIER`) by this version's, in ``package``; returns the cells changed as ranges (``'Revenue'!B3:B14``).

    Only the months the sheet had before an import adds any are looked at (added months get this version's formulas).
    A form whose columns the sheet lacks (an older tracker without a chart column) is skipped. ``differing_only``:
    the forms of :data:`SAME_VALUES` are left as they are (what ``recalc`` names is what computes otherwise).
    ``added``: the month rows ``extend`` or an import just added under the months found, which get the formulas of the
    template's columns the sheet lacked and now has (:func:`.upgrade_helpers.continue_helpers`: a first template's).

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
            **{key: get_column_letter(column) for key, column in found.early.items()},  # an early Purchases' rate
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
            places = clear_of_yours(xml, found, spec, letters, EARLIER)  # never into a column of the user's (H469)
            back = _put_back(xml, found, spec, title, places, _never_had_helpers(package, found, spec))
            changed.extend(_placed(back, title, places))
            from .upgrade_helpers import continue_helpers, restore_helpers  # the helper columns' headers, hiding, names

            continue_helpers(xml, found, spec, places, added)  # in the months just added too

            restore_helpers(package, found, spec, title, places)
            repoint_template_charts(package, title, places)
            changed.extend(left_out(package, found, spec, title, places))  # said, its name not reading the user's
            if spec.title == "NPS":  # the months an import proved 0-10, which the NPS formula reads: none yet
                from .proven_scale import ensure_name

                ensure_name(package)
    return changed


def _placed(back: list[PutBack], title: str, places: Any) -> list[PutBack]:
    """``back`` with each range in a column :func:`.helper_places.clear_of_yours` put right of the user's columns
    (``places.moved``) as ``"placed"``, its ``instead`` the template's letter there, which holds a column of the
    user's."""
    instead = {f"{quote_sheetname(title)}!{places[key]}": letter for key, letter in places.moved.items()}
    out = []
    for ref in back:
        column = re.match(r"^(.*![A-Z]+)\d", ref)
        if column is not None and column[1] in instead:
            ref = PutBack(ref, "placed")
            ref.instead = instead[column[1]]
        out.append(ref)
    return out


def _never_had_helpers(package: ip.Package, found: FoundSheet, spec: Any) -> bool:
    """Whether ``found`` is a sheet of a tracker made before the hidden helper columns (the first template,
    8b3d91a7, 2026-11-22): none of ``spec``'s hidden columns is there under its header and none of their names is
    defined in the workbook, not even as ``#REF!`` (a column the user deleted leaves its name so; H459's finding 2)."""
    from .upgrade_cells import workbook_names

    hidden = [column for column in spec.columns if column.hidden]
    if not hidden or any(column.key in found.columns for column in hidden):
        return False
    names = {name.upper() for name in workbook_names(package)}
    return not any(column.name and column.name.upper() in names for column in hidden)


def _put_back(
    xml: ip.SheetXml, found: FoundSheet, spec: Any, title: str, letters: dict[str, str], never: bool = False
) -> list[str]:
    """Give each of the template's formula cells in ``found``'s months that is blank (cleared: the hidden helper
    columns unhidden, full of ``#N/A``, and deleted; H201's finding 06) or holds the template's formula re-pointed to
    other rows (a month's figures cut and pasted, or dragged, to another row: the spreadsheet re-points every formula
    that read them; finding 02) the template's formula for its row again, in ``xml``; returns the cells as
    :class:`PutBack` ranges. recalc names the same cells (:func:`.template_cells.template_cells_off`). A value typed
    over a formula is the user's and is kept (recalc names it); so are formulas of another shape (the user's own) and
    cells a shared or array formula covers. ``never``: the sheet never had the hidden helper columns
    (:func:`_never_had_helpers`): their blank cells are ``"added"``, not cleared."""
    from .template_cells import LOST, _plain, _shape

    out: list[str] = []
    rows = [found.row(month) for month in found.months]
    scored = [column_index_from_string(letters[c.key]) for c in spec.columns
              if c.formula and "{scores}" in c.formula and c.key in letters]  # fmt: skip
    for column in spec.columns:
        if column.formula is None or column.key not in letters:
            continue
        letter = letters[column.key]
        cleared, moved, lost, broken = [], [], [], []
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
                if scores is None and isinstance(mine, str) and _plain(mine) == LOST:  # no row reads answers: every
                    from .answers_sheet import scores_range  # one =NA() (an .xls save): the template's columns
                    from .monthly import NPS_RESPONSE_ROWS

                    scores = scores_range(2 + rows.index(row), NPS_RESPONSE_ROWS)
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
            elif _plain(mine) == LOST and _plain(current) != LOST:  # an .xls save's =NA() (H265's finding 06)
                lost.append(row)
            elif "#REF!" in _plain(mine) and "#REF!" not in _plain(current):  # a column it read deleted (finding 04)
                broken.append(row)
            else:
                text, template = _plain(mine), _plain(current)
                if text == template or _shape(text) != _shape(template):
                    continue  # the template's (as written or re-saved), or a formula of the user's own
                moved.append(row)
            xml.put(ref, xml.element(ref, xml.style(ref), formula=current.removeprefix("=")))
        out += [PutBack(r, "added" if never and column.hidden else "cleared") for r in _ranges(title, letter, cleared)]
        out += [PutBack(r, "moved") for r in _ranges(title, letter, moved)]
        out += [PutBack(r, "lost") for r in _ranges(title, letter, lost)]
        out += [PutBack(r, "broken") for r in _ranges(title, letter, broken)]
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
