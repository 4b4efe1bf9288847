"""REGEXEXTRACT and REGEXREPLACE (Excel 365: _xlfn. in the file), which the embedded engine lacked: a workbook written
by a program came out incomplete, the cells empty. Values of Microsoft's examples."""

from one_sheet import recalc_sheet, recalculated


def test_regexextract_and_regexreplace(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "B1": '=_xlfn.REGEXEXTRACT("abc123def","[0-9]+")',
            "B2": '=_xlfn.REGEXREPLACE("abc123","[0-9]","#")',
            "B3": '=_xlfn.REGEXEXTRACT("abc","[0-9]+")',
            "B4": '=_xlfn.REGEXREPLACE("2024-05","(\\d+)-(\\d+)","$2/$1")',
            "B5": '=_xlfn.REGEXREPLACE("a1b2c3","[0-9]","#",2)',
            "B6": '=_xlfn.REGEXEXTRACT("ABC","b",0,1)',
            "B7": '=_xlfn.REGEXEXTRACT("abc","[",0)',
        },
    )
    assert [values[f"B{r}"] for r in range(1, 8)] == ["123", "abc###", "#N/A", "05/2024", "a1b#c3", "B", "#VALUE!"]


def test_every_match_is_listed_not_guessed(tmp_path):
    result, values = recalc_sheet(tmp_path, {"B1": '=_xlfn.REGEXEXTRACT("a1b2","[0-9]",1)'})
    assert result.status == "incomplete", result.message
    assert "B1" not in values
