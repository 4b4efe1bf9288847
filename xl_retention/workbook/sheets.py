"""The template's Cohorts, Start here and xlwings.conf sheets (the monthly sheets are described in :mod:`.template`).

Cohorts: the survivors triangle (``Cohort_Counts``) the sBG model is fitted to, its shares, the fit, each cohort's
projection from its last observed month, and the order (repeat-purchase) cohorts, which are not survivors and are not
fitted. The Lifetime value sheet and its formulas are in :mod:`.lifetime_value`, whose names this module re-exports
(``from .sheets import CHURN_12, lifetime_sheet`` still works).
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ._style import (
    BORDER,
    COUNT_FORMAT,
    FUTURE_FILL,
    MONTH_FORMAT,
    NOTE_FONT,
    TITLE_FONT,
    colour_scale,
    define,
    header,
    print_setup,
    style,
    validate,
)
from .error_texts import as_error, error_type, in_error
from .lifetime_value import *  # noqa: F403 (the Lifetime value sheet, its formulas and their earlier forms: moved there)
from .long_texts import short_texts

COHORT_SIZE_COLUMN = 2  # B: customers in month 0
#: the width of every column right of the signup months on the Cohorts sheet, whose tables share its columns: the
#: triangles' months, the fit's figures and the projection's months alike ("Observed to month" and "log-likelihood"
#: wrap in it), so the months are evenly spaced in every table (B was 10 and D 14 wide among months 9 wide)
COHORT_WIDTH = 10
COHORT_PAGE_MONTHS = 24  # the months of a cohort table printed on one page across (a 24-month tracker: one page)
PROJECTION_MONTHS = 12


def last_value(name: str, seq: str, of: str | None = None) -> str:
    """``=`` the last number of the range ``name`` (or the cell of ``of`` in that row); blank when none.

    ``seq`` numbers the months where ``name`` has a number (the template's "... so far" columns).
    """
    return f'=IF(COUNT({name})=0,"",INDEX({of or name},MATCH(COUNT({name}),{seq},0)))'


def share_formula(count: str, size: str) -> str:
    """The retention (or order) share of a triangle's cell ``count`` out of its cohort's month 0 ``size``: blank where
    either is blank or month 0 is 0 (pasted as the text "0" too); a TRUE or FALSE typed in either is ``#VALUE!``, never
    a share of 1 or 0 customers (Excel's arithmetic reads TRUE as 1: Cohorts!C10 was 0.01 for TRUE in C4 beside 100,
    H495's finding 09), as the monthly sheets' inputs are (:mod:`.monthly_formulas`; recalc names the cell).

    >>> share_formula("C4", "$B4")
    '=IF(OR(ISLOGICAL(C4),ISLOGICAL($B4)),#VALUE!,IF(OR(C4="",$B4="",IFERROR($B4+0=0,FALSE)),"",C4/$B4))'
    """
    return f"=IF(OR(ISLOGICAL({count}),ISLOGICAL({size})),#VALUE!,{share_formula_unguarded(count, size)[1:]})"


def share_formula_unguarded(count: str, size: str) -> str:
    """:func:`share_formula` before a boolean was refused (read as 1 or 0; :mod:`.cohort_upgrade` upgrades it)."""
    return f'=IF(OR({count}="",{size}="",IFERROR({size}+0=0,FALSE)),"",{count}/{size})'


def _triangle(
    ws: Worksheet,
    months: list[dt.date],
    top: int,
    title: str,
    counts: list[list[int]],
    share_title: str,
    first: str = "Signup month",
) -> tuple[int, int]:
    """An input triangle (counts) and its shares below; returns the first rows of both."""
    n = len(months)
    headers = [first] + [f"Month {k}" for k in range(n)]
    ws.cell(row=top, column=1, value=title).font = TITLE_FONT
    counts_first = top + 3  # top + 1: a note
    header(ws, top + 2, headers, [12] + [COHORT_WIDTH] * n)
    pct_title = counts_first + n + 1
    pct_first = pct_title + 2
    ws.cell(row=pct_title, column=1, value=share_title).font = TITLE_FONT
    header(ws, pct_title + 1, headers, [12] + [COHORT_WIDTH] * n)
    size = get_column_letter(COHORT_SIZE_COLUMN)
    for i, month in enumerate(months):
        count_row, pct_row = counts_first + i, pct_first + i
        for row in (count_row, pct_row):
            style(ws.cell(row=row, column=1, value=month), False, MONTH_FORMAT)
        for k in range(n):
            letter = get_column_letter(k + 2)
            count, pct = ws.cell(row=count_row, column=k + 2), ws.cell(row=pct_row, column=k + 2)
            if i + k >= n:  # the future: outside the triangle
                count.fill = pct.fill = FUTURE_FILL
                continue
            style(count, True, COUNT_FORMAT)
            if i < len(counts) and k < len(counts[i]):
                count.value = counts[i][k]
            pct.value = share_formula(f"{letter}{count_row}", f"${size}{count_row}")
            style(pct, False, "0%")
    last = get_column_letter(n + 1)
    validate(ws, "count", f"B{counts_first}:{last}{counts_first + n - 1}")
    colour_scale(ws, f"B{pct_first}:{last}{pct_first + n - 1}")
    return counts_first, pct_first


def cohorts_sheet(
    wb: Workbook, title: str, months: list[dt.date], counts: list[list[int]], order_counts: list[list[int]]
) -> Worksheet:
    """The Cohorts sheet: survivors (fitted), projection, order cohorts (not fitted)."""
    ws = wb.create_sheet(title)
    n = len(months)
    counts_first, pct_first = _triangle(
        ws, months, 1, "Cohorts: survivors, customers active in every month since their signup month", counts,
        "Retention: share of each cohort still active (survivors / month 0)",
    )  # fmt: skip
    ws["A2"] = (
        "A customer who leaves and comes back is not a survivor again. The sBG model is fitted to this triangle; "
        "order cohorts (repeat purchases) are in their own table below."
    )
    ws["A2"].font = NOTE_FONT
    last = get_column_letter(n + 1)
    define(wb, "Cohort_Counts", ws, f"$B${counts_first}:${last}${counts_first + n - 1}")
    define(wb, "Cohort_Retention", ws, f"$B${pct_first}:${last}${pct_first + n - 1}")
    end = _sbg_projection(wb, ws, months, counts_first, pct_first + n + 1)
    order_top = end + 2
    order_first, order_pct = _triangle(
        ws, months, order_top,
        "Order cohorts: customers of each first-order month who ordered k months later (not fitted with sBG)",
        order_counts, "Order cohorts: share of each cohort ordering k months later", "First order month",
    )  # fmt: skip
    define(wb, "Order_Cohort_Counts", ws, f"$B${order_first}:${last}${order_first + n - 1}")
    define(wb, "Order_Cohort_Share", ws, f"$B${order_pct}:${last}${order_pct + n - 1}")
    ws.freeze_panes = f"B{counts_first}"
    # each table starts a printed page (the fit and its projection share one): none is split between two pages; a
    # triangle of more than COHORT_PAGE_MONTHS months prints on a page across for each COHORT_PAGE_MONTHS months (its
    # signup months repeated), page by page along each table (a 36-month one printed at 28% of its size on one page,
    # now 54% on two; LibreOffice, fitting them, splits the months evenly where the column break asks for 24)
    starts = (pct_first - 2, pct_first + n + 1, order_top, order_pct - 2)
    across = tuple(range(2 + COHORT_PAGE_MONTHS, n + 2, COHORT_PAGE_MONTHS))
    print_setup(ws, pages_wide=len(across) + 1, breaks=across + tuple(-row for row in starts))
    if across:
        ws.page_setup.pageOrder = "overThenDown"
    return ws


#: what LibreOffice shows where the file stores the sBG fit's #NUM! (it has none of the functions and computes each
#: cell that stores an error again: Err:504 in the fit's cells, as Start here says, cd417858); said in the notes
#: beside the fit, which LibreOffice shows as stored (H285's finding 01: the note said #NUM! beside Err:504)
LIBREOFFICE_504 = " (Err:504 in LibreOffice)"

# ERROR.TYPE 1..8 -> why the fit failed (SBG_FIT's errors, docs/functions.md)
FIT_REASONS = (
    "",
    "#DIV/0!: every cohort has 0 customers",
    "#VALUE!: text in the triangle, or a blank month before filled ones in a cohort's row (recalc's report names "
    "the cell)",
    "#REF!",
    "#NAME?: the xl-retention functions are not loaded (see Start here)",
    f"#NUM!{LIBREOFFICE_504}: counts that rise, counts not whole (shares typed: type each cohort's customers), "
    "survivors 0 in every "
    "cohort from one month on (months not observed yet: leave them "
    "blank), a cohort with fewer than 3 months, no churn at all, or churn alike for every customer (no finite fit: "
    "the constant-churn lifetime value applies); recalc's report names which for sBG, xr.bdw_fit in Python for BdW",
    "#N/A",
    "",
)


#: the BdW fit's #NUM! where the sBG fit has figures: the triangle's checks are the sBG's (counts that rise, survivors
#: 0, cohorts of 2 months failed it too), so BdW's own: its likelihood does not determine c beside alpha and beta (a
#: peak too flat: H213's finding 01, the note listed reasons none of which applied; or none: a ridge or an edge)
BDW_OWN_REASON = (
    "#NUM!: these cohorts fit sBG, but their likelihood does not determine BdW's three parameters (its peak too flat "
    "to fix them, or no peak: a ridge or an edge), so BdW - sBG is blank; xr.bdw_fit in Python says which, with a "
    "flat peak's log-likelihood to compare with sBG's"
)


def bdw_note(reasons: str, *, own: bool = True, short: bool = True) -> str:
    """The note beside the BdW fit: blank where it has figures; else "no BdW fit: " and why, from its error's type
    (``reasons``: the quoted texts of CHOOSE, as :data:`FIT_REASONS`). ``own``: a #NUM! beside a fitted sBG is
    BdW's own (:data:`BDW_OWN_REASON`); the form before it (2026-12-04) gave every #NUM! the triangle's reasons.
    ``short``: each text of more than 255 characters (Excel's most) in parts joined with & (:mod:`.long_texts`);
    without, the form before 2026-12-05, which Excel removed on opening."""
    first = "INDEX(BDW_FIT(Cohort_Counts),1,1)"
    why = f"CHOOSE(MIN({error_type(first)},8),{reasons})"
    if own:
        why = f'IF(AND(ISNUMBER(SBG_Alpha),{error_type(first)}=6),"{BDW_OWN_REASON}",{why})'
    note = f'=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF({in_error(first)},"no BdW fit: "&{why},"")))'
    return short_texts(note) if short else note


#: the sBG fit's #NUM! where a count of the triangle is not whole (a retention curve of shares typed in: H224's
#: finding 03, the note listed five reasons, none true), and the fit blank where the triangle holds text only (a
#: paste of numbers stored as text: COUNT is 0, the fit blank under no word: H224's finding 02)
NOT_WHOLE_REASON = (
    f"#NUM!{LIBREOFFICE_504}: the triangle holds counts that are not whole (shares or fractions: a retention curve "
    "typed?); the fits take each cohort's customers: type those, as counted"
)
TEXT_ONLY_REASON = (
    "No fit: the triangle holds text only, no number (numbers pasted as text?); type them as numbers (paste values "
    "as numbers, or Data > Text to Columns)"
)
_NOT_WHOLE = "IFERROR(SUMPRODUCT(--(Cohort_Counts<>ROUND(Cohort_Counts,0)))>0,FALSE)"


def sbg_note(fit: str, reasons: str, *, short: bool = True) -> str:
    """The note beside the sBG fit (its alpha in cell ``fit``): why it failed, from its error's type (``reasons``:
    the quoted texts of CHOOSE, as :data:`FIT_REASONS`), a #NUM! of counts not whole said as such; blank where it
    has figures, or where the triangle is empty (text only: :data:`TEXT_ONLY_REASON`). ``short``: as
    :func:`bdw_note`'s."""
    note = (
        f'=IF(ISERROR({fit}),IF(AND(ERROR.TYPE({fit})=6,{_NOT_WHOLE}),"{NOT_WHOLE_REASON}",CHOOSE(MIN(ERROR.TYPE('
        f'{fit}),8),{reasons})),IF(AND(COUNT(Cohort_Counts)=0,COUNTA(Cohort_Counts)>0),"{TEXT_ONLY_REASON}",""))'
    )
    return short_texts(note) if short else note


def _wrap_notes(ws: Worksheet, fit: int, last_column: int) -> None:
    """The notes beside the fit table (G of its three rows) wrapped in G:``last_column``, the sheet's printed width,
    each row as tall as its longest text needs: a note running past the last column is cut on paper and in PDFs."""
    letters = [get_column_letter(c) for c in range(7, last_column + 1)]
    width = sum(ws.column_dimensions[x].width if x in ws.column_dimensions else 9 for x in letters)
    longest = max(len(r) for r in (*FIT_REASONS, BDW_OWN_REASON, NOT_WHOLE_REASON)) + len("no BdW fit: ")
    for row in range(fit, fit + 3):
        ws.merge_cells(start_row=row, start_column=7, end_row=row, end_column=last_column)
        note = ws.cell(row=row, column=7)
        note.alignment = Alignment(wrap_text=True, vertical="top")
        text = note.value if row == fit + 2 else "x" * longest  # a formula's note: room for the longest reason
        lines = -(-len(text) * 10 // (11 * int(width)))  # about 1.1 characters of italic text a width unit
        ws.row_dimensions[row].height = 15 * max(1, lines) + (4 if lines > 1 else 0)
        for column in range(1, 6):  # the figures beside a tall note: in the middle of their row
            ws.cell(row=row, column=column).alignment = Alignment(vertical="center")


def _sbg_projection(wb: Workbook, ws: Worksheet, months: list[dt.date], counts_first: int, top: int) -> int:
    """The sBG fit of the whole triangle, and each cohort's retention projected 12 months past its last month.

    Returns the last row used.
    """
    n = len(months)
    ws.cell(
        row=top,
        column=1,
        value="sBG (Fader & Hardie 2007) and BdW (Fader, Hardie, Liu, Davin & Steenburgh 2018) fitted to the survivors",
    ).font = TITLE_FONT
    header(ws, top + 1, ["", "alpha", "beta", "log-likelihood", "c"], [12] + [COHORT_WIDTH] * 4)
    fit = top + 2
    reasons = ",".join(f'"{r}"' for r in FIT_REASONS)
    # sBG: a failed fit shows its own error in its cells (the projections and lifetime value use them).
    # The label reads "sBG fit"; the cell holds "fit", the name scripts (and earlier trackers) find the row by.
    label = ws.cell(row=fit, column=1, value="fit")
    label.border, label.number_format = BORDER, '"sBG "@'
    sbg = ((1, "SBG_Alpha", "0.000"), (2, "SBG_Beta", "0.000"), (3, "SBG_Log_Likelihood", "0.0"))
    for col, (k, name, number_format) in enumerate(sbg, start=2):
        # blank: no survivors yet; a failed fit's code as text (the classic add-in's) is its error, which every cell
        # after reads as on the other surfaces (its note, the projections, Lifetime value!B9:C9): :mod:`.error_texts`
        formula = f'=IF(COUNT(Cohort_Counts)=0,"",{as_error(f"INDEX(SBG_FIT(Cohort_Counts),1,{k})")[1:]})'
        if k > 1:  # INDEX over a failed fit (one error, not three values) would be #REF!: show the fit's error;
            # blank without survivors, computed by any spreadsheet (LibreOffice showed #NAME? in beta, log-likelihood)
            formula = f'=IF(COUNT(Cohort_Counts)=0,"",IF(ISERROR(B{fit}),B{fit},INDEX(SBG_FIT(Cohort_Counts),1,{k})))'
        style(ws.cell(row=fit, column=col, value=formula), False, number_format)
        define(wb, name, ws, f"${get_column_letter(col)}${fit}")
    style(ws.cell(row=fit, column=5, value=f'=IF(ISNUMBER(B{fit}),1,"")'), False, "0.000")  # the sBG is c = 1
    ws.cell(row=fit, column=7, value=sbg_note(f"B{fit}", reasons))
    ws.cell(row=fit, column=7).font = NOTE_FONT
    # BdW: a comparison only, which short data often cannot identify: blank cells and the reason in words
    # (text, which LibreOffice keeps, where it would recompute an error value into #NAME?).
    bdw_row, first = fit + 1, "INDEX(BDW_FIT(Cohort_Counts),1,1)"
    ws.cell(row=bdw_row, column=1, value="BdW fit").border = BORDER
    bdw = ((1, "BDW_Alpha", "0.000"), (2, "BDW_Beta", "0.000"), (4, "BDW_Log_Likelihood", "0.0"), (3, "BDW_C", "0.000"))
    for col, (k, name, number_format) in enumerate(bdw, start=2):
        formula = f'=IF(COUNT(Cohort_Counts)=0,"",IFERROR({as_error(f"INDEX(BDW_FIT(Cohort_Counts),1,{k})")[1:]},""))'
        style(ws.cell(row=bdw_row, column=col, value=formula), False, number_format)
        define(wb, name, ws, f"${get_column_letter(col)}${bdw_row}")
    # blank beside a fitted BdW without calling BDW_FIT (a spreadsheet without xl-retention, LibreOffice, recomputes
    # a cell that stores "" and showed #N/A there)
    reason = bdw_note(reasons)
    ws.cell(row=bdw_row, column=7, value=reason).font = NOTE_FONT
    ws.cell(row=fit + 2, column=1, value="BdW - sBG").border = BORDER
    gain = f'=IF(AND(ISNUMBER(D{fit}),ISNUMBER(D{fit + 1})),D{fit + 1}-D{fit},"")'
    style(ws.cell(row=fit + 2, column=4, value=gain), False, "0.00")
    ws.cell(
        row=fit + 2,
        column=7,
        value="log-likelihood gained by letting churn change with tenure (c); above 1.92, duration dependence "
        "matters at the 5% level (likelihood-ratio test, 1 degree of freedom)",
    ).font = NOTE_FONT
    notes_row = fit
    fit += 2  # the projection below starts after these rows
    title = fit + 2
    ws.cell(
        row=title,
        column=1,
        value=f"Projected retention, 1 to {PROJECTION_MONTHS} months past each cohort's last observed month: "
        "observed share x S(k + h) / S(k)",
    ).font = TITLE_FONT
    headers = ["Signup month", "Observed to month"] + [f"+{h}" for h in range(1, PROJECTION_MONTHS + 1)]
    header(ws, title + 1, headers, [12] + [COHORT_WIDTH] * (1 + PROJECTION_MONTHS))
    last = get_column_letter(n + 1)
    for i, month in enumerate(months):
        row, count_row = title + 2 + i, counts_first + i
        cohort = f"$B{count_row}:${last}{count_row}"
        style(ws.cell(row=row, column=1, value=month), False, MONTH_FORMAT)
        # the cohort's last filled month (a blank month inside the row does not count it back: 100, 90, blank, 70 is
        # observed to month 3, not 2); blank for a cohort of 0 customers (a month without sign-ups: no projection)
        observed_to = (
            f'=IF(OR(COUNT({cohort})=0,N($B{count_row})=0),"",'
            f"LOOKUP(2,1/ISNUMBER({cohort}),COLUMN({cohort}))-COLUMN($B{count_row}))"
        )
        style(ws.cell(row=row, column=2, value=observed_to), False, "0")
        size, k = f"$B{count_row}", f"$B{row}"
        for h in range(1, PROJECTION_MONTHS + 1):
            formula = (
                f'=IF(OR({k}="",ISERROR(SBG_Alpha)),"",IF(OR(SBG_Alpha="",{size}=0),"",INDEX({cohort},1,{k}+1)/{size}'
                f"*SBG_SURVIVAL(SBG_Alpha,SBG_Beta,{k}+{h})/SBG_SURVIVAL(SBG_Alpha,SBG_Beta,{k})))"
            )
            style(ws.cell(row=row, column=2 + h, value=formula), False, "0%")
    first, end = title + 2, title + 1 + n
    area = f"$C${first}:${get_column_letter(2 + PROJECTION_MONTHS)}${end}"
    define(wb, "SBG_Projection", ws, area)
    colour_scale(ws, area.replace("$", ""))
    # after the headers that set the columns' widths; a tracker of more months than a page across holds: beside the
    # projection only (the page right of it holds nothing else of these tables: none is printed)
    wide = n + 1 if n <= COHORT_PAGE_MONTHS else 0
    _wrap_notes(ws, notes_row, max(wide, 2 + PROJECTION_MONTHS))
    return end


#: the classic xlwings add-in's steps on Windows, in README's order ("Windows: the classic xlwings add-in"): save as
#: .xlsm before Import Functions (which refuses an .xlsx), tick the xlwings reference (H348's finding 01)
WINDOWS_STEPS = (
    "Windows, classic xlwings: install xl-retention (see its README), then xlwings addin install.",
    "  Excel: File > Options > Trust Center > Macro Settings > Trust access to the VBA project object model.",
    "  Save the workbook as .xlsm first (xl-retention new tracker.xlsm gives one): Import Functions refuses .xlsx.",
    "  VBA editor (Alt+F11) > Tools > References: tick xlwings (without it no formula computes).",
    "  xlwings ribbon > Import Functions (the xlwings.conf sheet sets UDF Modules = xl_retention.udfs), then save.",
)
#: the steps in the 4 rows of the first templates' (:data:`WINDOWS_EARLIER`), the last two in one row
WINDOWS_STEPS_IN_4 = (
    *WINDOWS_STEPS[:3],
    "  VBA editor (Alt+F11) > Tools > References: tick xlwings; then xlwings ribbon > Import Functions, save.",
)
#: the steps as earlier templates wrote them, Import Functions before the save as .xlsm and no reference: replaced by
#: ``upgrade`` where a tracker's Start here holds one of them exactly (:mod:`.start_here_upgrade`)
WINDOWS_EARLIER = (
    (
        "Windows, classic xlwings: install xl-retention from its checkout or wheel (see its README), then",
        "  xlwings addin install.",
        "  The xlwings.conf sheet of this workbook already sets UDF Modules = xl_retention.udfs.",
        "  Excel: File > Options > Trust Center > Macro Settings > Trust access to the VBA project object model.",
        "  xlwings ribbon > Import Functions, then save as .xlsm (xl-retention new tracker.xlsm gives one).",
    ),
    (  # 1f9a66f6 to ac936941
        "Windows, classic xlwings: pip install xl-retention, then xlwings addin install.",
        "  The xlwings.conf sheet of this workbook already sets UDF Modules = xl_retention.udfs.",
        "  Excel: File > Options > Trust Center > Macro Settings > Trust access to the VBA project object model.",
        "  xlwings ribbon > Import Functions, then save as .xlsm (xl-retention new tracker.xlsm gives one).",
    ),
)

START_TEXT = (
    ("xl-retention: retention tracking workbook", TITLE_FONT),
    ("One definition per metric: every metric cell is an xl-retention formula (=CRR, =NPS, =NRR, ...).", None),
    ("", None),
    ("Set up the formulas in Excel", Font(bold=True)),
    *((line, None) for line in WINDOWS_STEPS),
    ("Excel on macOS, Windows or the web: xlwings Lite add-in; requirements.txt: the xl-retention wheel's URL;", None),
    ("  main.py: from xl_retention.udfs import *", None),
    ("Without Excel: xl-retention recalc tracker.xlsx computes every formula with the embedded engine.", None),
    ("", None),
    ("Fill a month", Font(bold=True)),
    ("Customers: type gained and customers at end (customers at start: first month only).", None),
    ("Revenue: type MRR at start (first month only), then new, expansion, reactivation, contraction, churned.", None),
    ("NPS scores: one column per month, one response per row; the NPS sheet summarises them.", None),
    ("Purchases and visits, Lifetime value, Cohorts: type the yellow cells.", None),
    (
        "Months you have not filled stay blank. Customers: a month typed in part shows #VALUE! until it is complete.",
        None,
    ),
    (
        "Revenue: a blank movement counts as 0 (none typed: rates #VALUE!); MRR and NRR are final once all are typed.",
        None,
    ),
    (  # true of an import's first month only: a first month typed with its start has rates (H490's finding 03)
        "An import's first month starts from no customers: its rates are blank, not #DIV/0!; "
        "a typed start gives rates.",
        None,
    ),
    ("The Dashboard's charts show the months with data: xl-retention recalc fits them after months are typed.", None),
    ("NPS: the margin of error is blank with fewer than 4 answers in a month, or with all of them in one group.", None),
    (
        "Each monthly sheet's notes are in the comment on its Month header (A1): the sheet holds its table only.",
        None,
    ),
    ("", None),
    ("Colours", Font(bold=True)),
    ("Yellow cells with blue numbers are inputs", "input"),
    ("Grey cells are formulas: do not type over them", "formula"),
    ("", None),
    ("Formula reference: run  xl-retention functions  or read docs/functions.md in the xl-retention repository.", None),
    (
        "Errors: #DIV/0! a zero denominator; #NUM! a negative count or impossible combination; #VALUE! text or blanks.",
        None,
    ),
    (
        "#NAME?: the functions are not loaded. LibreOffice has none of them and computes each cell that stores "
        "an error",
        None,
    ),
    (
        "again: #NAME? there, Err:504 in the sBG fit's cells (Cohorts, Lifetime value; the note beside the fit "
        "says why).",
        None,
    ),
)


def start_here_sheet(wb: Workbook, title: str) -> Worksheet:
    """The first sheet: how to set the workbook up and fill it."""
    ws = wb.active
    ws.title = title
    for row, (text, look) in enumerate(START_TEXT, start=1):
        cell = ws.cell(row=row, column=1, value=text)
        if isinstance(look, Font):
            cell.font = look
        elif look in ("input", "formula"):
            style(cell, look == "input", "General")
    # no line runs past column A, in the wider fonts LibreOffice substitutes too
    ws.column_dimensions["A"].width = round(1.25 * max(len(text) for text, _ in START_TEXT))
    print_setup(ws)  # landscape: LibreOffice fits columns, not the text that runs past them, to the page
    ws.page_setup.fitToHeight = 1  # and one page tall: its last line (#NAME?) was alone on a second page
    ws.print_area = f"A1:A{len(START_TEXT)}"
    return ws


def xlwings_conf_sheet(wb: Workbook, title: str) -> Worksheet:
    """xlwings' settings sheet (UDF Modules), hidden."""
    ws = wb.create_sheet(title)
    ws["A1"], ws["B1"] = "UDF Modules", "xl_retention.udfs"
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 24
    ws.sheet_state = "hidden"  # xlwings reads it hidden as well; nobody needs to see or print it
    return ws
