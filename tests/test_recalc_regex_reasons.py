"""REGEXTEST, REGEXEXTRACT and REGEXREPLACE with a pattern PCRE2 refuses are #VALUE! as in Excel (Office.js lists such
#VALUE! kinds as ``CRegex..``, "an error in the regex pattern"); the cell was listed with an empty reason (H520's task
1). The reason names the pattern, the cell it is in, and PCRE2's message; a case_sensitivity other than 0 or 1 too."""

from one_sheet import recalc_sheet


def test_a_pattern_pcre2_refuses_is_named_with_its_message(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "A1": "abc",
            "A2": "[a-",
            "A3": 2,
            "B1": '=_xlfn.REGEXTEST(A1,"(")',
            "B2": "=_xlfn.REGEXEXTRACT(A1,A2)",
            "B3": '=_xlfn.REGEXREPLACE(A1,"("&"x","x")',
            "B4": '=_xlfn.REGEXTEST(A1,"a",A3)',
            "B5": '=LEN(_xlfn.REGEXEXTRACT(A1,"a{2,1}"))',
            "B6": '=_xlfn.REGEXTEST(A1,"[0-9]")',
        },
    )
    assert [values[f"B{r}"] for r in range(1, 7)] == ["#VALUE!"] * 5 + [False]
    assert [(e.address, e.error, e.reason) for e in result.errors] == [
        (
            "S!B1",
            "#VALUE!",
            "REGEXTEST: the pattern '(' is one PCRE2 refuses, as Excel does: compilation failed at position 1; missing "
            "closing parenthesis (#VALUE!)",
        ),
        (
            "S!B2",
            "#VALUE!",
            "REGEXEXTRACT: the pattern '[a-' in S!A2 is one PCRE2 refuses, as Excel does: compilation failed at "
            "position 3; missing terminating ] for character class (#VALUE!)",
        ),
        (
            "S!B3",
            "#VALUE!",
            'REGEXREPLACE: the pattern \'(x\' (what "("&"x" gives) is one PCRE2 refuses, as Excel does: compilation '
            "failed at position 2; missing closing parenthesis (#VALUE!)",
        ),
        (
            "S!B4",
            "#VALUE!",
            "REGEXTEST: case_sensitivity in S!A3 is 2: 0 (case sensitive) or 1 (not) only, as Excel reads it (#VALUE!)",
        ),
        (
            "S!B5",
            "#VALUE!",
            "REGEXEXTRACT: the pattern 'a{2,1}' is one PCRE2 refuses, as Excel does: compilation failed at position 5; "
            "numbers out of order in {} quantifier (#VALUE!)",
        ),
    ]
