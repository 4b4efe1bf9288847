"""Earlier templates' Cohorts formulas brought to this version's, in a tracker whose Cohorts sheet does not grow.

Growing a tracker writes the template's Cohorts sheet for the new months (:func:`~.cohort_sheet.grow_cohorts`); a
tracker imported into without new months keeps its sheet, and :func:`upgrade_observed_to` gives each cell holding
exactly an earlier template's formula (:data:`_EARLIER`: "Observed to month" counting a blank month back, the fits'
cells before a failed fit's code was its error, :data:`_FIT_ERRORS`) this version's. Split from :mod:`.cohort_sheet`
(which re-exports these names).
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import get_column_letter, quote_sheetname

from . import inplace as ip
from .error_texts import as_error, error_type, in_error, with_ref
from .fit_note_forms import BDW_NOTES, SBG_NOTES
from .logical_calls import logical_constants
from .long_texts import short_texts
from .sheets import BDW_OWN_REASON, FIT_REASONS, bdw_note, sbg_note, share_formula

__all__ = ["upgrade_observed_to"]

_REASONS = ",".join(f'"{r}"' for r in FIT_REASONS)  # the fit notes' CHOOSE texts
_BDW, _BDW_K = "INDEX(BDW_FIT(Cohort_Counts),1,1)", as_error(r"INDEX(BDW_FIT(Cohort_Counts),1,\1)")[1:]
_BDW_NOTE = (
    f'=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF({in_error(_BDW)},"no BdW fit: "&IF(AND(ISNUMBER('
    f'SBG_Alpha),{error_type(_BDW)}=6),"{BDW_OWN_REASON}",CHOOSE(MIN({error_type(_BDW)}\\2),"")))'
)
#: the BdW note before a #NUM! beside a fitted sBG was said as BdW's own (its likelihood not determining its
#: parameters: H213's finding 01), every #NUM! given the triangle's reasons, none of which applied (2026-12-04)
_BDW_NOTE_TRIANGLE_REASONS = re.compile(
    re.escape(
        f'=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF({in_error(_BDW)},"no BdW fit: "&CHOOSE(MIN('
        f"{error_type(_BDW)}"
    )
    + r'(,8\),.*),""\)\)\)',
    re.I | re.S,
)
#: the fits' cells before a failed fit's code as text (the classic add-in's SBG_FIT and BDW_FIT) was its error
#: (2026-12-03, :mod:`.error_texts`): the sBG alpha, the BdW figures and the BdW note
_FIT_ERRORS = (
    (re.compile(r'=IF\(COUNT\(Cohort_Counts\)=0,"",INDEX\(SBG_FIT\(Cohort_Counts\),1,1\)\)', re.I),
     f'=IF(COUNT(Cohort_Counts)=0,"",{as_error("INDEX(SBG_FIT(Cohort_Counts),1,1)")[1:]})'),
    (re.compile(r'=IF\(COUNT\(Cohort_Counts\)=0,"",IFERROR\(INDEX\(BDW_FIT\(Cohort_Counts\),1,(\d)\),""\)\)', re.I),
     f'=IF(COUNT(Cohort_Counts)=0,"",IFERROR({_BDW_K},""))'),
    (re.compile(r'=IF\(COUNT\(Cohort_Counts\)=0,"",IF\(ISNUMBER\(BDW_Alpha\),"",IF\(ISERROR\(INDEX\(BDW_FIT\(Cohort_'
                r'Counts\),1,1\)\),("no BdW fit: "&CHOOSE\(MIN\()ERROR\.TYPE\(INDEX\(BDW_FIT\(Cohort_Counts\),1,1\)\)'
                r'(,8\),.*),""\)\)\)', re.I | re.S),
     _BDW_NOTE),
    (_BDW_NOTE_TRIANGLE_REASONS, _BDW_NOTE.replace("\\2", "\\1")),  # its one group: the reasons
    # the sBG note before counts not whole (shares typed) and a triangle of text only were said (2026-12-04); no
    # backreference: recalc joins these patterns into one (upgrade_file._earlier_pattern), where \1 is another group
    (re.compile(r'=IF\(ISERROR\((B\d+)\),CHOOSE\(MIN\(ERROR\.TYPE\(B\d+\),8\),(.*)\),""\)', re.I | re.S),
     sbg_note("\\1", "\\2")),
    # this version's notes before a text of more than 255 characters (Excel's most: it removed the formula on opening,
    # "We found a problem with some content") was written in parts joined with & (2026-12-05, H303)
    (re.compile(re.escape(sbg_note("B0", _REASONS, short=False)).replace("B0", r"(B\d+)", 1).replace("B0", r"B\d+"),
                re.I),
     sbg_note("\\1", _REASONS)),
    (re.compile(re.escape(bdw_note(_REASONS, short=False)), re.I), bdw_note(_REASONS)),
    # ... and as 5b4ebba wrote them, #REF! made an error too (error_texts.with_ref)
    *((re.compile(re.escape(with_ref(form)), re.I), form.replace("\\", "\\\\")) for form in (
        f'=IF(COUNT(Cohort_Counts)=0,"",{as_error("INDEX(SBG_FIT(Cohort_Counts),1,1)")[1:]})',
        *(f'=IF(COUNT(Cohort_Counts)=0,"",IFERROR({as_error(f"INDEX(BDW_FIT(Cohort_Counts),1,{k})")[1:]},""))'
          for k in (1, 2, 3, 4)),
    )),
)  # fmt: skip


def _exact_notes() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each note beside the fits an earlier template wrote (:mod:`.fit_note_forms`), and what an upgrade before
    2026-12-06 made of it (:data:`_FIT_ERRORS`' forms, which kept its reasons: no "survivors 0 in every cohort ...",
    H451's finding 01), as a pattern of that formula exactly (the sBG fit's cell any row) -> this version's note. No
    backreference (recalc joins these patterns into one, :func:`.upgrade_file._earlier_pattern`)."""
    current = {"sbg": sbg_note("B#", _REASONS), "bdw": bdw_note(_REASONS)}
    shapes: dict[str, set[str]] = {"sbg": set(), "bdw": set()}
    for kind, forms in (("sbg", SBG_NOTES), ("bdw", BDW_NOTES)):
        for form in forms:
            value = form.replace("B#", "B987654")
            for _ in range(4):  # the earlier form, then each step the patterns below took it
                shapes[kind].add(value.replace("B987654", "B#"))
                value = next((short_texts(p.sub(f, value)) for p, f in _FIT_ERRORS if p.fullmatch(value)), value)
    out = []
    for kind in ("sbg", "bdw"):
        for shape in sorted(shapes[kind] - {current[kind]}):
            parts = [re.escape(part) for part in shape.split("B#")]
            pattern = parts[0] + (r"(B\d+)" + r"B\d+".join(parts[1:]) if len(parts) > 1 else "")
            into = sbg_note("\\1", _REASONS) if kind == "sbg" else bdw_note(_REASONS).replace("\\", "\\\\")
            out.append((re.compile(pattern, re.I | re.S), into))
    return tuple(out)


_FIT_ERRORS = (*_exact_notes(), *_FIT_ERRORS)  # the exact notes first: the forms above keep an earlier note's reasons
#: formulas of earlier templates' Cohorts sheets -> their current form
_OBSERVED_TO = r'=IF(OR(COUNT(\1)=0,N($B\2)=0),"",LOOKUP(2,1/ISNUMBER(\1),COLUMN(\1))-COLUMN($B\2))'
_SHARE = share_formula(r"\1", r"\2")
#: the triangles' shares (retention, order cohorts) of earlier templates -> this version's (any column)
_SHARES = (
    # before a month 0 pasted as the text "0" was blank as 0 is (it gave #DIV/0!)
    (re.compile(r'=IF\(OR\(([A-Z]+\d+)="",(\$[A-Z]+\d+)="",\2=0\),"",\1/\2\)', re.I), _SHARE),
    # before a TRUE or FALSE typed in the triangle was #VALUE! (read as 1 or 0: H495's finding 09). No backreference
    # (recalc joins these patterns into one, :func:`.upgrade_file._earlier_pattern`)
    (
        re.compile(
            r'=IF\(OR\(([A-Z]+\d+)="",(\$[A-Z]+\d+)="",IFERROR\(\$[A-Z]+\d+\+0=0,FALSE\)\),"",[A-Z]+\d+/\$[A-Z]+\d+\)',
            re.I,
        ),
        _SHARE,
    ),
)
_EARLIER = (  # "Observed to month" before a cohort of 0 customers was left blank
    (re.compile(r'=IF\(COUNT\((\$B(\d+):\$[A-Z]+\2)\)=0,"",COUNT\(\1\)-1\)', re.I), _OBSERVED_TO),
    # ... and before a blank month inside the row counted the last filled month back (COUNT - 1)
    (re.compile(r'=IF\(OR\(COUNT\((\$B(\d+):\$[A-Z]+\2)\)=0,N\(\$B\2\)=0\),"",COUNT\(\1\)-1\)', re.I),
     _OBSERVED_TO),
    # the sBG beta and log-likelihood before they were blank without survivors (computed by any spreadsheet)
    (re.compile(r"=IF\(ISERROR\((B\d+)\),\1,(INDEX\(SBG_FIT\(Cohort_Counts\),1,\d\))\)", re.I),
     r'=IF(COUNT(Cohort_Counts)=0,"",IF(ISERROR(\1),\1,\2))'),
    # the BdW note before it was blank beside a fitted BdW without calling BDW_FIT
    (re.compile(r'=IF\(COUNT\(Cohort_Counts\)=0,"",(IF\(ISERROR\(INDEX\(BDW_FIT\(Cohort_Counts\),1,1\)\),.*)\)',
                re.I | re.S),
     r'=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",\1))'),
    *_SHARES,
    *_FIT_ERRORS,
)  # fmt: skip


def upgrade_observed_to(package: ip.Package, wb: Any) -> list[str]:
    """Give each "Observed to month" cell of the Cohorts sheet (renamed too) that holds exactly an earlier template's
    formula (COUNT - 1, which a blank month inside a cohort row counted back) this version's (the last filled month);
    returns the cells changed. For a tracker whose Cohorts sheet does not grow (growing writes the template's sheet).
    So are the fits' cells (B:G of their rows) that hold exactly the form before a failed fit's code as text was its
    error (:data:`_FIT_ERRORS`), and the triangles' shares (any column) that hold an earlier form (:data:`_SHARES`: a
    TRUE typed in the triangle read as 1). A formula other cells share (Excel's shared or array formulas) is left as
    it is."""
    from .cohort_sheet import cohorts_title  # (it imports this module)

    title = cohorts_title(wb)
    if title is None:
        return []
    sheet, changed, shares = package.sheet(title), [], {}
    for r, row in enumerate(wb[title].iter_rows(min_col=2, values_only=True), start=1):
        for c, value in enumerate(row, start=2):
            if not isinstance(value, str) or not value.startswith("="):
                continue
            value, column = logical_constants(value), get_column_letter(c)  # FALSE() as LibreOffice saves FALSE
            forms = (*_EARLIER[:2], *_FIT_ERRORS) if c == 2 else _FIT_ERRORS if c <= 7 else ()
            forms = (*forms, *_SHARES)
            current = next((p.sub(form, value) for p, form in forms if p.fullmatch(value)), None)
            if current is None:  # this version's formula or the user's: the cell's XML is not looked up
                continue
            current = short_texts(current)  # an earlier note's reasons, of more than 255 characters, in parts
            ref = f"{column}{r}"
            element = sheet.cell(ref)
            if element is None or re.search(rb'\bt="(?:shared|array)"', element):
                continue
            sheet.put(ref, sheet.element(ref, sheet.style(ref), formula=current.removeprefix("=")))
            if any(p.fullmatch(value) for p, _ in _SHARES):
                shares.setdefault(c, []).append(r)
            else:
                changed.append(f"{quote_sheetname(title)}!{ref}")
    return changed + [f"{quote_sheetname(title)}!{ref}" for ref in _column_runs(shares)]


def _column_runs(rows: dict[int, list[int]]) -> list[str]:
    """The cells of ``rows`` (column -> its rows, ascending) as runs down each column (``B31:B54``; ``C4`` alone).

    >>> _column_runs({2: [31, 32, 33, 119], 3: [31]})
    ['B31:B33', 'B119', 'C31']
    """
    out = []
    for column, numbers in sorted(rows.items()):
        letter, first = get_column_letter(column), 0
        for i, number in enumerate(numbers):
            if i + 1 == len(numbers) or numbers[i + 1] != number + 1:
                start = numbers[first]
                out.append(f"{letter}{start}" if start == number else f"{letter}{start}:{letter}{number}")
                first = i + 1
    return out
