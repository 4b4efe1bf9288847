"""Excel's "future functions": the functions newer than the 2007 file format, which a file stores as ``_xlfn.NAME(..)``.

Sources, checked name by name (H420): [MS-XLSX] "Excel (.xlsx) Extensions to the Office Open XML SpreadsheetML File
Format", section 2.2.3 "Functions" (learn.microsoft.com/en-us/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-
8fef-0b27406cc2bf: "The predefined functions ([ISO/IEC29500-1:2016] section 18.17.7) are extended by the following
future functions": ``_xlfn._xlws.FILTER``, ``_xlfn._xlws.PY``, ``_xlfn._xlws.SORT``, ``_xlfn.ACOT``, ...,
``_xlfn.FIELDVALUE``, ...); rust_xlsxwriter's src/formula.rs, whose ``escape_future_functions`` and dynamic-array
tables ("taken from MS XLSX extensions documentation on future functions") hold 155 names, every one of them here;
LibreOffice 7.4's OOXML formula tables (the ``_xlfn.`` names in libscfiltlo/libmergedlo), every one here but 13 it
also accepts prefixed though the 2007 list has them bare (AVERAGEIF, AVERAGEIFS, BAHTTEXT, COUNTIFS, ERROR.TYPE,
FDIST, FINV, IFERROR, ISO.CEILING, NETWORKDAYS.INTL, SUMIFS, WEEKNUM, WORKDAY.INTL: Excel 2007 stores them so, and
they are in :data:`openpyxl.utils.formulas.FORMULAE`), which are therefore not "future" here; and Excel 365's
functions newer than those lists, each on Microsoft's function pages and stored with the prefix as every function
newer than 2007 is (STOCKHISTORY, IMAGE, TRIMRANGE, PERCENTOF, GROUPBY, PIVOTBY, REGEXTEST, TRANSLATE, and since
H420 COPILOT, IMPORTCSV and IMPORTTEXT, 2025's). ``ECMA.CEILING`` is listed by [MS-XLSX] without the prefix: bare,
like ISO.CEILING, NETWORKDAYS.INTL and WORKDAY.INTL, so never "future" here. Left out: ONLYOFFICE's .xls future-
function table's PYTHON_STR, PYTHON_TYPE, PYTHON_TYPENAME and PQSOURCE, which Excel writes itself (no user types
them) and no .xlsx source above lists.

A name of this list written bare (``=FORECAST.ETS(..)``, the usual openpyxl mistake) is an Excel function stored
without its prefix, which Excel reads as no function (#NAME?), whether or not the embedded engine has the function:
:mod:`.unprefixed` says so rather than calling it an add-in's.

>>> "FORECAST.ETS" in FUTURE and "STOCKHISTORY" in FUTURE and "IMPORTCSV" in FUTURE and "SUM" not in FUTURE
True
>>> "IFERROR" in FUTURE or "ECMA.CEILING" in FUTURE or "WORKDAY.INTL" in FUTURE
False
>>> sorted(XLWS)
['FILTER', 'PY', 'SORT']
"""

from __future__ import annotations

__all__ = ["FUTURE", "XLWS"]

#: stored with a second prefix: _xlfn._xlws.FILTER(..) (MS-XLSX 2.2.3)
XLWS = frozenset(("FILTER", "PY", "SORT"))

_MS_XLSX = """
ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT BITOR
BITRSHIFT BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST
CHOOSECOLS CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS
DECIMAL DROP ERF.PRECISE ERFC.PRECISE EXPAND EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FIELDVALUE FILTERXML
FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR
FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HSTACK HYPGEOM.DIST IFNA IFS IMCOSH IMCOT IMCSC IMCSCH
IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAKEARRAY MAP MAXIFS
MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION
PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC
QUERYSTRING RANDARRAY RANK.AVG RANK.EQ REDUCE RRI SCAN SEC SECH SEQUENCE SHEET SHEETS SINGLE SKEW.P SORTBY STDEV.P
STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TAKE TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL
TOROW UNICHAR UNICODE UNIQUE VAR.P VAR.S VSTACK WEBSERVICE WEIBULL.DIST WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST
ANCHORARRAY ARRAYTOTEXT VALUETOTEXT ENCODEURL STOCKHISTORY IMAGE
"""
#: Excel 365's functions added after that revision, stored with the prefix as well
_EXCEL_365 = """
COPILOT DETECTLANGUAGE GROUPBY IMPORTCSV IMPORTTEXT PERCENTOF PIVOTBY REGEXEXTRACT REGEXREPLACE REGEXTEST
TRANSLATE TRIMRANGE
"""

#: each future function's name as written in a formula, upper case, without its prefix(es)
FUTURE = frozenset((_MS_XLSX + _EXCEL_365).split()) | XLWS
