"""The notes beside the Cohorts fits (G of the sBG and BdW rows) as earlier templates wrote them, verbatim.

Taken from ``workbooks/retention_template.xlsx`` of each commit named (first and last commit of each form), the
sBG fit's cell written ``B#`` (its row differs with the months). :mod:`.cohort_upgrade` gives a cell holding one of
these (or what an upgrade before 2026-12-06 made of one: its reasons kept) this version's note.
"""

from __future__ import annotations

__all__ = ["BDW_NOTES", "SBG_NOTES"]

SBG_NOTES: tuple[str, ...] = (
    # 592a541c (2026-12-05) to 592a541c (2026-12-05)
    (
        "=IF(ISERROR(B#),IF(AND(ERROR.TYPE(B#)=6,IFERROR(SUMPRODUCT(--(Cohort_Counts<>ROUND(Cohort_Counts,0))"
        ')>0,FALSE)),"#NUM! (Err:504 in LibreOffice): the triangle holds counts that are not whole (shares or'
        " fractions: a retention curve typed?); the fits take each cohort's customers: type those, as counted"
        '",CHOOSE(MIN(ERROR.TYPE(B#),8),"","#DIV/0!: every cohort has 0 customers","#VALUE!: text in the tria'
        "ngle, or a blank month before filled ones in a cohort's row (recalc's report names the cell)\",\"#REF!"
        '","#NAME?: the xl-retention functions are not loaded (see Start here)","#NUM! (Err:504 in LibreOffic'
        "e): counts that rise, counts not whole (shares typed: type each cohort's customers), survivors 0 in "
        "every cohort from one month on (months not observed yet: leave them blank), a cohort with fewer than"
        " 3 months, no churn at all, or churn alike for every customer (no finite fit: the constant-churn lif"
        'etime value applies); recalc\'s report names which for sBG, xr.bdw_fit in Python for BdW","#N/A",""))'
        ',IF(AND(COUNT(Cohort_Counts)=0,COUNTA(Cohort_Counts)>0),"No fit: the triangle holds text only, no nu'
        "mber (numbers pasted as text?); type them as numbers (paste values as numbers, or Data > Text to Col"
        'umns)",""))'
    ),
    # 4f886e66 (2026-12-04) to d390139e (2026-12-05)
    (
        "=IF(ISERROR(B#),IF(AND(ERROR.TYPE(B#)=6,IFERROR(SUMPRODUCT(--(Cohort_Counts<>ROUND(Cohort_Counts,0))"
        ')>0,FALSE)),"#NUM!: the triangle holds counts that are not whole (shares or fractions: a retention c'
        "urve typed?); the fits take each cohort's customers: type those, as counted\",CHOOSE(MIN(ERROR.TYPE(B"
        '#),8),"","#DIV/0!: every cohort has 0 customers","#VALUE!: text in the triangle, or a blank month be'
        'fore filled ones in a cohort\'s row (recalc\'s report names the cell)","#REF!","#NAME?: the xl-retenti'
        'on functions are not loaded (see Start here)","#NUM!: counts that rise, counts not whole (shares typ'
        "ed: type each cohort's customers), survivors 0 in every cohort from one month on (months not observe"
        "d yet: leave them blank), a cohort with fewer than 3 months, no churn at all, or churn alike for eve"
        "ry customer (no finite fit: the constant-churn lifetime value applies); recalc's report names which "
        'for sBG, xr.bdw_fit in Python for BdW","#N/A","")),IF(AND(COUNT(Cohort_Counts)=0,COUNTA(Cohort_Count'
        's)>0),"No fit: the triangle holds text only, no number (numbers pasted as text?); type them as numbe'
        'rs (paste values as numbers, or Data > Text to Columns)",""))'
    ),
    # 8dd314e6 (2026-12-03) to 11e11e9f (2026-12-04)
    (
        '=IF(ISERROR(B#),CHOOSE(MIN(ERROR.TYPE(B#),8),"","#DIV/0!: every cohort has 0 customers","#VALUE!: te'
        "xt in the triangle, or a blank month before filled ones in a cohort's row (recalc's report names the"
        ' cell)","#REF!","#NAME?: the xl-retention functions are not loaded (see Start here)","#NUM!: counts '
        "that rise, survivors 0 in every cohort from one month on (months not observed yet: leave them blank)"
        ", a cohort with fewer than 3 months, no churn at all, or churn alike for every customer (no finite f"
        "it: the constant-churn lifetime value applies); recalc's report names which for sBG, xr.bdw_fit in P"
        'ython for BdW","#N/A",""),"")'
    ),
    # 76bc88e0 (2026-12-01) to 5b4ebba1 (2026-12-03)
    (
        '=IF(ISERROR(B#),CHOOSE(MIN(ERROR.TYPE(B#),8),"","#DIV/0!: every cohort has 0 customers","#VALUE!: te'
        'xt in the triangle","#REF!","#NAME?: the xl-retention functions are not loaded (see Start here)","#N'
        "UM!: counts that rise, survivors 0 in every cohort from one month on (months not observed yet: leave"
        " them blank), a cohort with fewer than 3 months, no churn at all, or churn alike for every customer "
        "(no finite fit: the constant-churn lifetime value applies); recalc's report names which for sBG, xr."
        'bdw_fit in Python for BdW","#N/A",""),"")'
    ),
    # ac2b07aa (2026-11-30) to 12321bfb (2026-12-01)
    (
        '=IF(ISERROR(B#),CHOOSE(MIN(ERROR.TYPE(B#),8),"","#DIV/0!: every cohort has 0 customers","#VALUE!: te'
        'xt in the triangle","#REF!","#NAME?: the xl-retention functions are not loaded (see Start here)","#N'
        "UM!: counts that rise, a cohort with fewer than 3 months, no churn at all, or churn alike for every "
        "customer (no finite fit: the constant-churn lifetime value applies); recalc's report names which for"
        ' sBG, xr.bdw_fit in Python for BdW","#N/A",""),"")'
    ),
    # f4c6df82 (2026-11-30) to 5e843ac0 (2026-11-30)
    (
        '=IF(ISERROR(B#),CHOOSE(MIN(ERROR.TYPE(B#),8),"","#DIV/0!: every cohort has 0 customers","#VALUE!: te'
        'xt in the triangle","#REF!","#NAME?: the xl-retention functions are not loaded (see Start here)","#N'
        "UM!: counts that rise, a cohort with fewer than 3 months, no churn at all, or churn alike for every "
        "customer (no finite fit: the constant-churn lifetime value applies); xl-retention recalc names which"
        '","#N/A",""),"")'
    ),
    # ac936941 (2026-11-30) to eef12d37 (2026-11-30)
    (
        '=IF(ISERROR(B#),CHOOSE(MIN(ERROR.TYPE(B#),8),"","#DIV/0!: every cohort has 0 customers","#VALUE!: te'
        'xt in the triangle","#REF!","#NAME?: the xl-retention functions are not loaded (see Start here)","#N'
        'UM!: counts that rise, a cohort with fewer than 3 months, no churn at all, or no fit found","#N/A","'
        '"),"")'
    ),
)

BDW_NOTES: tuple[str, ...] = (
    # 592a541c (2026-12-05) to 592a541c (2026-12-05)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF((ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1'
        '))+ISNUMBER(FIND("|"&SUBSTITUTE(INDEX(BDW_FIT(Cohort_Counts),1,1),"|",";")&"|","|#NULL!|#DIV/0!|#VAL'
        'UE!|#REF!|#NAME?|#NUM!|#N/A|#GETTING_DATA|#SPILL!|#CALC!|"))),"no BdW fit: "&IF(AND(ISNUMBER(SBG_Alp'
        'ha),IFERROR(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),MATCH(INDEX(BDW_FIT(Cohort_Counts),1,1),{"'
        '#NULL!","#DIV/0!","#VALUE!","#REF!","#NAME?","#NUM!","#N/A","#GETTING_DATA","#SPILL!","#CALC!"},0))='
        "6),\"#NUM!: these cohorts fit sBG, but their likelihood does not determine BdW's three parameters (it"
        "s peak too flat to fix them, or no peak: a ridge or an edge), so BdW - sBG is blank; xr.bdw_fit in P"
        "ython says which, with a flat peak's log-likelihood to compare with sBG's\",CHOOSE(MIN(IFERROR(ERROR."
        'TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),MATCH(INDEX(BDW_FIT(Cohort_Counts),1,1),{"#NULL!","#DIV/0!",'
        '"#VALUE!","#REF!","#NAME?","#NUM!","#N/A","#GETTING_DATA","#SPILL!","#CALC!"},0)),8),"","#DIV/0!: ev'
        'ery cohort has 0 customers","#VALUE!: text in the triangle, or a blank month before filled ones in a'
        ' cohort\'s row (recalc\'s report names the cell)","#REF!","#NAME?: the xl-retention functions are not '
        'loaded (see Start here)","#NUM! (Err:504 in LibreOffice): counts that rise, counts not whole (shares'
        " typed: type each cohort's customers), survivors 0 in every cohort from one month on (months not obs"
        "erved yet: leave them blank), a cohort with fewer than 3 months, no churn at all, or churn alike for"
        " every customer (no finite fit: the constant-churn lifetime value applies); recalc's report names wh"
        'ich for sBG, xr.bdw_fit in Python for BdW","#N/A","")),"")))'
    ),
    # 4f886e66 (2026-12-04) to d390139e (2026-12-05)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF((ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1'
        '))+ISNUMBER(FIND("|"&SUBSTITUTE(INDEX(BDW_FIT(Cohort_Counts),1,1),"|",";")&"|","|#NULL!|#DIV/0!|#VAL'
        'UE!|#REF!|#NAME?|#NUM!|#N/A|#GETTING_DATA|#SPILL!|#CALC!|"))),"no BdW fit: "&IF(AND(ISNUMBER(SBG_Alp'
        'ha),IFERROR(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),MATCH(INDEX(BDW_FIT(Cohort_Counts),1,1),{"'
        '#NULL!","#DIV/0!","#VALUE!","#REF!","#NAME?","#NUM!","#N/A","#GETTING_DATA","#SPILL!","#CALC!"},0))='
        "6),\"#NUM!: these cohorts fit sBG, but their likelihood does not determine BdW's three parameters (it"
        "s peak too flat to fix them, or no peak: a ridge or an edge), so BdW - sBG is blank; xr.bdw_fit in P"
        "ython says which, with a flat peak's log-likelihood to compare with sBG's\",CHOOSE(MIN(IFERROR(ERROR."
        'TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),MATCH(INDEX(BDW_FIT(Cohort_Counts),1,1),{"#NULL!","#DIV/0!",'
        '"#VALUE!","#REF!","#NAME?","#NUM!","#N/A","#GETTING_DATA","#SPILL!","#CALC!"},0)),8),"","#DIV/0!: ev'
        'ery cohort has 0 customers","#VALUE!: text in the triangle, or a blank month before filled ones in a'
        ' cohort\'s row (recalc\'s report names the cell)","#REF!","#NAME?: the xl-retention functions are not '
        'loaded (see Start here)","#NUM!: counts that rise, counts not whole (shares typed: type each cohort\''
        "s customers), survivors 0 in every cohort from one month on (months not observed yet: leave them bla"
        "nk), a cohort with fewer than 3 months, no churn at all, or churn alike for every customer (no finit"
        "e fit: the constant-churn lifetime value applies); recalc's report names which for sBG, xr.bdw_fit i"
        'n Python for BdW","#N/A","")),"")))'
    ),
    # 11e11e9f (2026-12-04) to 11e11e9f (2026-12-04)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF((ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1'
        '))+ISNUMBER(FIND("|"&SUBSTITUTE(INDEX(BDW_FIT(Cohort_Counts),1,1),"|",";")&"|","|#NULL!|#DIV/0!|#VAL'
        'UE!|#REF!|#NAME?|#NUM!|#N/A|#GETTING_DATA|#SPILL!|#CALC!|"))),"no BdW fit: "&IF(AND(ISNUMBER(SBG_Alp'
        'ha),IFERROR(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),MATCH(INDEX(BDW_FIT(Cohort_Counts),1,1),{"'
        '#NULL!","#DIV/0!","#VALUE!","#REF!","#NAME?","#NUM!","#N/A","#GETTING_DATA","#SPILL!","#CALC!"},0))='
        "6),\"#NUM!: these cohorts fit sBG, but their likelihood does not determine BdW's three parameters (it"
        "s peak too flat to fix them, or no peak: a ridge or an edge), so BdW - sBG is blank; xr.bdw_fit in P"
        "ython says which, with a flat peak's log-likelihood to compare with sBG's\",CHOOSE(MIN(IFERROR(ERROR."
        'TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),MATCH(INDEX(BDW_FIT(Cohort_Counts),1,1),{"#NULL!","#DIV/0!",'
        '"#VALUE!","#REF!","#NAME?","#NUM!","#N/A","#GETTING_DATA","#SPILL!","#CALC!"},0)),8),"","#DIV/0!: ev'
        'ery cohort has 0 customers","#VALUE!: text in the triangle, or a blank month before filled ones in a'
        ' cohort\'s row (recalc\'s report names the cell)","#REF!","#NAME?: the xl-retention functions are not '
        'loaded (see Start here)","#NUM!: counts that rise, survivors 0 in every cohort from one month on (mo'
        "nths not observed yet: leave them blank), a cohort with fewer than 3 months, no churn at all, or chu"
        "rn alike for every customer (no finite fit: the constant-churn lifetime value applies); recalc's rep"
        'ort names which for sBG, xr.bdw_fit in Python for BdW","#N/A","")),"")))'
    ),
    # 8dd314e6 (2026-12-03) to 94150149 (2026-12-03)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF((ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1'
        '))+ISNUMBER(FIND("|"&SUBSTITUTE(INDEX(BDW_FIT(Cohort_Counts),1,1),"|",";")&"|","|#NULL!|#DIV/0!|#VAL'
        'UE!|#REF!|#NAME?|#NUM!|#N/A|#GETTING_DATA|#SPILL!|#CALC!|"))),"no BdW fit: "&CHOOSE(MIN(IFERROR(ERRO'
        'R.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),MATCH(INDEX(BDW_FIT(Cohort_Counts),1,1),{"#NULL!","#DIV/0!'
        '","#VALUE!","#REF!","#NAME?","#NUM!","#N/A","#GETTING_DATA","#SPILL!","#CALC!"},0)),8),"","#DIV/0!: '
        'every cohort has 0 customers","#VALUE!: text in the triangle, or a blank month before filled ones in'
        ' a cohort\'s row (recalc\'s report names the cell)","#REF!","#NAME?: the xl-retention functions are no'
        't loaded (see Start here)","#NUM!: counts that rise, survivors 0 in every cohort from one month on ('
        "months not observed yet: leave them blank), a cohort with fewer than 3 months, no churn at all, or c"
        "hurn alike for every customer (no finite fit: the constant-churn lifetime value applies); recalc's r"
        'eport names which for sBG, xr.bdw_fit in Python for BdW","#N/A",""),"")))'
    ),
    # 5b4ebba1 (2026-12-03) to 5b4ebba1 (2026-12-03)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF((ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1'
        '))+ISNUMBER(FIND("|"&SUBSTITUTE(INDEX(BDW_FIT(Cohort_Counts),1,1),"|",";")&"|","|#NULL!|#DIV/0!|#VAL'
        'UE!|#REF!|#NAME?|#NUM!|#N/A|#GETTING_DATA|#SPILL!|#CALC!|"))),"no BdW fit: "&CHOOSE(MIN(IFERROR(ERRO'
        'R.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),MATCH(INDEX(BDW_FIT(Cohort_Counts),1,1),{"#NULL!","#DIV/0!'
        '","#VALUE!","#REF!","#NAME?","#NUM!","#N/A","#GETTING_DATA","#SPILL!","#CALC!"},0)),8),"","#DIV/0!: '
        'every cohort has 0 customers","#VALUE!: text in the triangle","#REF!","#NAME?: the xl-retention func'
        'tions are not loaded (see Start here)","#NUM!: counts that rise, survivors 0 in every cohort from on'
        "e month on (months not observed yet: leave them blank), a cohort with fewer than 3 months, no churn "
        "at all, or churn alike for every customer (no finite fit: the constant-churn lifetime value applies)"
        '; recalc\'s report names which for sBG, xr.bdw_fit in Python for BdW","#N/A",""),"")))'
    ),
    # 76bc88e0 (2026-12-01) to 2910651b (2026-12-03)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF(ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1)'
        '),"no BdW fit: "&CHOOSE(MIN(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),8),"","#DIV/0!: every coho'
        'rt has 0 customers","#VALUE!: text in the triangle","#REF!","#NAME?: the xl-retention functions are '
        'not loaded (see Start here)","#NUM!: counts that rise, survivors 0 in every cohort from one month on'
        " (months not observed yet: leave them blank), a cohort with fewer than 3 months, no churn at all, or"
        " churn alike for every customer (no finite fit: the constant-churn lifetime value applies); recalc's"
        ' report names which for sBG, xr.bdw_fit in Python for BdW","#N/A",""),"")))'
    ),
    # ec3660e9 (2026-11-30) to 12321bfb (2026-12-01)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF(ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1)'
        '),"no BdW fit: "&CHOOSE(MIN(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),8),"","#DIV/0!: every coho'
        'rt has 0 customers","#VALUE!: text in the triangle","#REF!","#NAME?: the xl-retention functions are '
        'not loaded (see Start here)","#NUM!: counts that rise, a cohort with fewer than 3 months, no churn a'
        "t all, or churn alike for every customer (no finite fit: the constant-churn lifetime value applies);"
        ' recalc\'s report names which for sBG, xr.bdw_fit in Python for BdW","#N/A",""),"")))'
    ),
    # ac2b07aa (2026-11-30) to b0a43a6e (2026-11-30)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1)),"no BdW fit: "&CHOOSE(MI'
        'N(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),8),"","#DIV/0!: every cohort has 0 customers","#VALU'
        'E!: text in the triangle","#REF!","#NAME?: the xl-retention functions are not loaded (see Start here'
        ')","#NUM!: counts that rise, a cohort with fewer than 3 months, no churn at all, or churn alike for '
        "every customer (no finite fit: the constant-churn lifetime value applies); recalc's report names whi"
        'ch for sBG, xr.bdw_fit in Python for BdW","#N/A",""),""))'
    ),
    # f4c6df82 (2026-11-30) to 5e843ac0 (2026-11-30)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1)),"no BdW fit: "&CHOOSE(MI'
        'N(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),8),"","#DIV/0!: every cohort has 0 customers","#VALU'
        'E!: text in the triangle","#REF!","#NAME?: the xl-retention functions are not loaded (see Start here'
        ')","#NUM!: counts that rise, a cohort with fewer than 3 months, no churn at all, or churn alike for '
        "every customer (no finite fit: the constant-churn lifetime value applies); xl-retention recalc names"
        ' which","#N/A",""),""))'
    ),
    # ac936941 (2026-11-30) to eef12d37 (2026-11-30)
    (
        '=IF(COUNT(Cohort_Counts)=0,"",IF(ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1)),"no BdW fit: "&CHOOSE(MI'
        'N(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),8),"","#DIV/0!: every cohort has 0 customers","#VALU'
        'E!: text in the triangle","#REF!","#NAME?: the xl-retention functions are not loaded (see Start here'
        ')","#NUM!: counts that rise, a cohort with fewer than 3 months, no churn at all, or no fit found","#'
        'N/A",""),""))'
    ),
)
