"""Functions Excel does not have -- an add-in's, a VBA macro's, an xlwings UDF's (``GET_MRR(..)``, ``_xll.FX_RATE``)
-- which the embedded engine cannot compute either (split from :mod:`.unsupported`): a cell calling one keeps the
value Excel stored, or is listed where the file holds none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils.formulas import FORMULAE

from ..cells import CellError
from ..registry import BY_NAME
from .engine_functions import engine_knows, formula_functions
from .future_functions import FUTURE
from .google_functions import GOOGLE_FUNCTIONS, google_reason
from .lambda_helpers import HELPERS
from .package_facts import officejs_name, other_application, placeholders

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["REWRITTEN", "add_in_function", "excel_value", "hidden_add_in_calls", "zeros_stored"]

#: Excel's functions the rewrites compute (``@`` stored as _xlfn.SINGLE, the LAMBDA helpers over ranges): never an
#: add-in's; one a rewrite leaves is listed on the rewritten formula (:mod:`.hidden_constructs`, :func:`reason_of`)
REWRITTEN = HELPERS | {"SINGLE"}


def add_in_function(
    formula: str, cell: object, known: set[str], application: str = "Microsoft Excel", placeholder: bool = False
) -> tuple[str, str] | None:
    """(function, reason) when ``formula`` calls a function Excel does not have (an add-in's, a VBA macro's, an xlwings
    UDF: ``GET_MRR(..)``, ``_xll.FX_RATE(..)``) and the file stores a value other than ``#NAME?`` for the cell: Excel
    computed it with the add-in loaded; or the file stores no value at all (a workbook a script wrote): what it is
    cannot be known there (Excel with the add-in gives a number, without it ``#NAME?``), so it is no ``#NAME?`` with
    status ok. None where Excel stored ``#NAME?`` itself (a typo, ``SUMM``: Excel did not have it either).

    ``application``: the program that saved the file last (docProps/app.xml): a ``#NAME?`` LibreOffice stored is its
    own answer for every function it lacks (``get_mrr("acme")``, ``_xll.fx_rate(..)``), not Excel's, so the cell is
    listed as one with a value stored by another program (H359's finding 02), its reason saying it may be a
    misspelt function too (LibreOffice stores the same #NAME? for ``SUMM``); LibreOffice's data table cells
    (``TABLE($A$4,$B$1,$A5,$B$2,B$4)``, its MULTIPLE.OPERATIONS, not ``"TABLE("`` in a text) are listed with their
    own reason.

    One of Excel's future functions called bare (``=TRANSLATE(..)``, :data:`.future_functions.FUTURE`) is Excel's own
    stored without its ``_xlfn.`` prefix, Excel's #NAME? told by :mod:`.unprefixed`, unless Excel stored a value of
    its own for the cell (:func:`excel_value`): Excel stores its own as ``_xlfn.TRANSLATE``, so a bare one it computed
    is the workbook's UDF or add-in function of that name, listed as such with the value kept (H408's F2);
    ``placeholder``: the file's stored values are XlsxWriter's 0s (:func:`.package_facts.placeholders`), no Excel's.

    >>> from types import SimpleNamespace
    >>> add_in_function('=TRANSLATE(A1,"en","de")', SimpleNamespace(cached="hallo"), set())[0]
    'TRANSLATE'
    >>> add_in_function('=TRANSLATE(A1,"en","de")', SimpleNamespace(cached=None), set()), add_in_function(
    ...     '=TRANSLATE(A1,"en","de")', SimpleNamespace(cached="hallo"), set(), "LibreOffice/7.4.7.2$Linux")
    (None, None)
    >>> add_in_function("=TABLE($A$4,$B$1,$A5,$B$2,B$4)", None, set(), "LibreOffice/7.4.7.2$Linux")[1][:45]
    "TABLE(..) is LibreOffice's What-If data table"
    >>> add_in_function('=MY_FX("TABLE(")', None, set(), "LibreOffice/7.4.7.2$Linux")[0]
    'MY_FX'
    """
    stored = getattr(cell, "cached", None)
    name_error = type(stored) is CellError and stored.code == "#NAME?"
    if name_error and not other_application(application):
        return None  # Excel did not have it either: a typo's #NAME?, as Excel shows it
    calls = formula_functions(formula)  # its tokens: a "TABLE(" inside a text is no call
    if other_application(application) and any(name == "TABLE" for name, _ in calls):
        return "TABLE", _LO_TABLE_REASON
    for name, excels in calls:
        if name in FORMULAE or name in BY_NAME or name.lower() in known or name == "LAMBDA" or "_XLPM." in name:
            continue
        if engine_knows(name) or name in REWRITTEN or excels and stored is None:  # _xlfn.BYROW: Excel's own
            continue
        if name in FUTURE and (excels or not excel_value(stored, application, placeholder)):
            continue  # FORECAST.ETS without _xlfn. and no value of Excel's: Excel's own function, .unprefixed's #NAME?
        shown = name.removeprefix("_XLL.")
        if shown in GOOGLE_FUNCTIONS:  # ARRAYFORMULA: Google Sheets' own, as its download writes it (H332's 05)
            return shown, google_reason(shown, stored is not None)
        return shown, _reason(shown, stored)
    return None


def excel_value(stored: object, application: str, placeholder: bool = False) -> bool:
    """Whether ``stored``, the value the file holds for a formula cell, is one Excel computed: a value (no #NAME?)
    in a file Excel saved last (``application``, docProps/app.xml), not XlsxWriter's ``placeholder`` 0.

    >>> excel_value("hallo", "Microsoft Excel"), excel_value(7, "LibreOffice/7.4.7.2$Linux"), excel_value(None, "")
    (True, False, False)
    >>> excel_value(CellError("#NAME?"), "Microsoft Excel"), excel_value(CellError("#VALUE!"), "Microsoft Excel")
    (False, True)
    """
    if stored is None or placeholder or other_application(application):
        return False
    return not (type(stored) is CellError and stored.code == "#NAME?")


def zeros_stored(info: PackageInfo) -> bool:
    """Whether the file's stored values are XlsxWriter's placeholder 0s (marked for a full calculation on load, every
    formula's value 0 or none: :func:`.package_facts.placeholders`), no value of Excel's."""
    return info.full_calc_on_load and placeholders(info)


def _reason(shown: str, stored: object) -> str:
    """Why function ``shown`` is listed, by the value the file ``stored`` for its cell (None, a #NAME? another program
    stored for it, any other): a #NAME? LibreOffice stored is its answer for a misspelt function too, so the reason
    says that, with the Excel function (or ours) closest to the name where one is close (``SUMM``: SUM?).

    >>> _reason("SUMM", CellError("#NAME?")).split(", which")[0]
    "SUMM is not an Excel function: an add-in's, a macro's or a UDF's, or a misspelling (of SUM?)"
    """
    if stored is None:
        return _NO_VALUE_REASON.format(shown)
    if type(stored) is CellError and stored.code == "#NAME?":
        import difflib  # noqa: PLC0415  (2 ms of every recalculation's start, for a misspelt function's reason)

        close = difflib.get_close_matches(shown, _KNOWN, n=1, cutoff=0.85)
        return _MISSPELT_REASON.format(shown, f" (of {close[0]}?)" if close else "")
    return _ADD_IN_REASON.format(shown)


#: the names a misspelt function's is compared with: Excel's functions and ours
_KNOWN = sorted(set(FORMULAE) | set(BY_NAME))
#: LibreOffice's What-If data table as it saves one to xlsx: each result cell ``TABLE(formula cell, row input cell,
#: its value, column input cell, its value)`` (its MULTIPLE.OPERATIONS; Excel's own is ``<f t="dataTable">``)
_LO_TABLE_REASON = (
    "TABLE(..) is LibreOffice's What-If data table (its MULTIPLE.OPERATIONS, as it saves one to xlsx), not an Excel "
    "formula: the embedded engine does not compute it; make the table again in Excel (Data > What-If Analysis > Data "
    "Table)"
)
_ADD_IN_REASON = (
    "{} is not an Excel function: an add-in's, a macro's or a UDF's, which the embedded engine does not have"
)
_MISSPELT_REASON = (
    "{} is not an Excel function: an add-in's, a macro's or a UDF's, or a misspelling{}, which the embedded engine "
    "does not have"
)
_NO_VALUE_REASON = (
    "{} is not an Excel function: an add-in's, a macro's or a UDF's (or a misspelling), which Excel computes only "
    "where it is loaded; the file holds no value of it and the embedded engine does not have it"
)


def hidden_add_in_calls(
    formulas: dict[str, FormulaTexts], info: PackageInfo, known: set[str]
) -> list[tuple[str, str, str, str]]:
    """The cells calling an add-in's, a macro's or a UDF's function (:func:`add_in_function`) whose own value is no
    #NAME?: the engine's #NAME? hidden by IFERROR(MyRate(A1),0), ISERROR(..), COUNT(..), where Excel computed the
    function (the file stores its value) or a script wrote the file (no value stored: what Excel gives depends on the
    add-in being loaded); they were 0, TRUE, ... with status ok, and Excel's stored value lost. Our
    own functions saved as Office.js calls (``_xldudf_CRR``) are ours (:func:`.package_facts.officejs_name`)."""
    found = []
    for sheet, texts in formulas.items():
        called = texts.called()
        unknown = {
            n
            for n in called
            if not (n in FORMULAE or n in BY_NAME or n.lower() in known or n == "LAMBDA" or "_XLPM." in n)
            and not (n.startswith("_XLDUDF_") and officejs_name(n.removeprefix("_XLDUDF_")) is not None)
            and not engine_knows(n)
            and n not in REWRITTEN
        }
        if not unknown:
            continue
        stored = info.formulas.get(sheet, {})
        excel = not other_application(info.application)  # a #NAME? LibreOffice stored is no answer of Excel's
        placeholder = zeros_stored(info)
        for place, text in texts.master_texts():
            ref = texts.refs[place]
            cached = getattr(stored.get(ref), "cached", None)
            if type(cached) is CellError and cached.code == "#NAME?" and excel:
                continue  # Excel's own #NAME? of a typo: as the engine computes it
            name = next(
                (
                    n
                    for n, excels in formula_functions(text)
                    if n in unknown
                    and not (excels and cached is None)
                    # a bare TRANSLATE(..) is Excel's own (.unprefixed's #NAME?) unless Excel computed it: a UDF's
                    and not (n in FUTURE and (excels or not excel_value(cached, info.application, placeholder)))
                ),
                None,
            )
            if name is not None:  # IFERROR(GET_MRR(A1),0) with no value stored: 0 only where the add-in is missing
                shown = name.removeprefix("_XLL.")
                reason = _reason(shown, cached)
                if shown in GOOGLE_FUNCTIONS:  # IFERROR(ARRAYFORMULA(..),0): Google Sheets' function
                    reason = google_reason(shown, cached is not None)
                found.append((sheet, ref, shown, reason))
    return found
