"""Formulas of earlier templates on the monthly sheets, brought up to this version's when a tracker is imported into.

Each form below is exactly what an earlier ``workbooks/retention_template.xlsx`` wrote in that column (derived from
the committed templates and checked cell for cell in every month row). A cell holding one of them, compared without
case (LibreOffice re-saves add-in names in lower case), is the template's and gets this version's formula: numbers
pasted as text are then read as numbers (``IF(x="",0,x+0)``, ``AND(x="")``), the first month's rates are blank, the
chart columns hold ``#N/A`` only between months with figures. Any other formula (the user's own, a formula another
program rewrote) and a formula other cells share (Excel's shared or array formulas) are left as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter, quote_sheetname

from . import inplace as ip
from .template import MONTHLY_SHEETS, render_formula

if TYPE_CHECKING:
    from .found import _Monthly

__all__ = ["EARLIER", "upgrade_formulas"]

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
    ),
    ("Customers", "lost"): ("=CUSTOMERS_LOST({end},{gained},{start})",),
    ("Customers", "crr"): (
        "=CRR({end},{gained},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",CRR({end},{gained},{start}))',
    ),
    ("Customers", "churn"): (
        "=CHURN_RATE({end},{gained},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",CHURN_RATE({end},{gained},{start}))',
    ),
    ("Revenue", "start"): (
        '=IF({end-1}="","",{end-1})',
        '=IF(OR(COUNT({new}:{churned})=0,{end-1}=""),"",{end-1})',
        '=IF(COUNT({new}:{churned})=0,"",IF(COUNT({end:first}:{end-1})=0,0,IF({end-1}="","",{end-1})))',
    ),
    ("Revenue", "end"): (
        ('=IF(COUNT({new}:{churned})=0,"",{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned})'),
        ('=IF(COUNT({start}:{churned})=0,"",{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned})'),
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
    ),
    ("Revenue", "gross_churn"): (
        "=GROSS_REVENUE_CHURN({lost},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",GROSS_REVENUE_CHURN({lost},{start}))',
        ('=IF(OR(AND({lost}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",GROSS_REVENUE_CHURN({lost},{start}))'),
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
    ),
    ("Revenue", "grr"): (
        "=GRR({lost},{start})",
        '=IF(AND(ISNUMBER({start}),{start}=0),"",GRR({lost},{start}))',
        '=IF(OR(AND({lost}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",GRR({lost},{start}))',
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
    ),
    ("Customers", "end_chart"): (
        "=IF(ISNUMBER({end}),{end},NA())",
        (
            "=IF(ISNUMBER({end}),{end},IF(AND(COUNT({end:first}:{end})>0,COUNT({end:column})>COUNT({end:first"
            '}:{end})),NA(),""))'
        ),
    ),
    ("Purchases and visits", "returning_rate"): (
        (
            '=IF(OR(AND({returning}="",{buyers}=""),AND(ISNUMBER({buyers}),{buyers}=0),AND({returning}="",COU'
            'NT({buyers:first}:{buyers})=1)),"",RETURNING_CUSTOMER_RATE({returning},{buyers}))'
        ),
    ),
}


def upgrade_formulas(package: ip.Package, sheets: dict[str, _Monthly]) -> list[str]:
    """Replace every formula of ``sheets`` (the tracker's monthly sheets as found) that is exactly an earlier template's
    (:data:`EARLIER`) by this version's, in ``package``; returns the cells changed as ranges (``'Revenue'!B3:B14``).

    Only the months the sheet had before an import adds any are looked at (added months get this version's formulas).
    A form whose columns the sheet lacks (an older tracker without a chart column) is skipped.

    >>> # a 3-month tracker made before 2026-11-30 23:05: Revenue!H3 '=IF(COUNT(B3:G3)=0,"",B3+C3+...)' becomes
    >>> # '=IF(AND(B3="",C3="",D3="",E3="",F3="",G3=""),"",B3+C3+D3+E3-F3-G3)'
    """
    changed: list[str] = []
    specs = {spec.title: spec for spec in MONTHLY_SHEETS}
    for title, found in sheets.items():
        spec = specs.get(title)
        if spec is None:
            continue
        letters = {key: get_column_letter(column) for key, column in found.columns.items()}
        xml = package.sheet(title)
        for column in spec.columns:
            forms = EARLIER.get((title, column.key))
            if not forms or column.formula is None or column.key not in found.columns:
                continue
            rows = []
            for month in found.months:
                row = found.row(month)
                if column.first_row_input and row == found.row(found.months[0]):
                    continue
                mine = found.value(row, found.columns[column.key])
                if not isinstance(mine, str) or not mine.startswith("="):
                    continue
                try:
                    was = {render_formula(form, letters, row).upper() for form in forms}
                    current = render_formula(column.formula, letters, row)
                except KeyError:  # a column the form reads that the sheet lacks
                    break
                ref = f"{letters[column.key]}{row}"
                element = xml.cell(ref)
                if mine.upper() not in was or element is None or ip._SPREAD_FORMULA.search(element):
                    continue
                xml.put(ref, xml.element(ref, xml.style(ref), formula=current.removeprefix("=")))
                rows.append(row)
            changed.extend(_ranges(title, letters[column.key], rows))
    return changed


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
