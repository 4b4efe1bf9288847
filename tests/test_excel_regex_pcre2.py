"""REGEXEXTRACT, REGEXREPLACE and REGEXTEST read their pattern as Excel does, with PCRE2 (H509's finding 04): Python's
``re`` read the POSIX class ``[[:digit:]]+`` as a set followed by ``]`` (a silent #N/A, status ok), gave #VALUE! with
no reason for ``\\p{L}``, named groups, ``\\K``, ``\\z``, ``\\h``, and REGEXTEST("a"&CHAR(10)&"b","a\\vb") was FALSE
(PCRE2's ``\\v`` is any vertical space). A form still not read as PCRE2 reads it is listed with a reason naming it."""

from one_sheet import recalc_sheet, recalculated


def test_pcre2_patterns_excel_accepts(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "A1": "Order ABC-12345 shipped",
            "A2": "héllo wörld",
            "A3": "John Smith",
            "B1": '=_xlfn.REGEXEXTRACT(A1,"[[:digit:]]+")',
            "B2": '=_xlfn.REGEXEXTRACT(A2,"\\p{L}+")',
            "B3": '=_xlfn.REGEXREPLACE(A3,"(?<first>\\w+) (?<last>\\w+)","${last}, ${first}")',
            "B4": '=_xlfn.REGEXEXTRACT(A1,"ABC-\\K\\d+")',
            "B5": '=_xlfn.REGEXTEST(A3,"Smith\\z")',
            "B6": '=_xlfn.REGEXTEST(A3,"John\\hSmith")',
            "B7": '=_xlfn.REGEXTEST("a"&CHAR(10)&"b","a\\vb")',
            "B8": '=_xlfn.REGEXEXTRACT("price: a.b*c","\\Qa.b*\\E.")',
            "B9": '=_xlfn.REGEXREPLACE("ab","(?|(a)|(b))","<$1>")',
            "C1": '=_xlfn.REGEXREPLACE("a1","(?<d>\\d)","[$d $$]")',
            "C2": '=_xlfn.REGEXTEST("x"&CHAR(10),"x\\Z")',  # PCRE2's \Z: before a final newline too
            "C3": '=_xlfn.REGEXTEST("x"&CHAR(10),"x\\z")',
            "C4": '=_xlfn.REGEXEXTRACT("abc","[",0)',  # PCRE2 refuses it as Excel does
        },
    )
    got = [values[f"B{r}"] for r in range(1, 10)] + [values[f"C{r}"] for r in range(1, 5)]
    assert got == [
        "12345", "héllo", "Smith, John", "12345", True, True, True, "a.b*c", "<a><b>", "a[1 $]", True, False, "#VALUE!",
    ]  # fmt: skip


def test_forms_not_read_as_pcre2_are_listed_with_the_reason(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "A1": "AB",
            "A2": "\\x{42}",
            "B1": '=_xlfn.REGEXEXTRACT(A1,"\\x{42}")',
            "B2": '=_xlfn.REGEXTEST(A1,"\\u0042")',
            "B3": '=_xlfn.REGEXREPLACE(A1,"(B)","<\\1>")',
            "B4": '=_xlfn.REGEXREPLACE(A1,"(B)","$&")',
            "B5": "=_xlfn.REGEXTEST(A1,A2)",
        },
    )
    assert result.status == "incomplete"
    assert sorted((u.address, u.function, u.reason) for u in result.unsupported) == [
        (
            "S!B1",
            "REGEXEXTRACT",
            "REGEXEXTRACT: the pattern '\\x{42}' holds \\x{, which the embedded engine reads as Python's re, not as "
            "Excel's PCRE2",
        ),
        (
            "S!B2",
            "REGEXTEST",
            "REGEXTEST: the pattern '\\u0042' holds \\u, which the embedded engine reads as Python's re, not as "
            "Excel's PCRE2",
        ),
        (
            "S!B3",
            "REGEXREPLACE",
            "REGEXREPLACE: the replacement '<\\1>' holds a backslash: an escape in PCRE2's extended substitution, a "
            "plain character in the other, and which one Excel uses is not documented",
        ),
        (
            "S!B4",
            "REGEXREPLACE",
            "REGEXREPLACE: the replacement '$&' holds a $ that is not $$, $n, ${n}, $name or ${name}",
        ),
        (
            "S!B5",
            "REGEXTEST",
            "REGEXTEST: the pattern (or replacement) the cells give holds a form the embedded engine does not read as "
            "Excel's PCRE2 does (\\u, \\U or \\x{..} in the pattern, a backslash or a $ other than $$, $n, ${n}, $name "
            "or ${name} in the replacement, a group the pattern lacks)",
        ),
    ]
    assert not any(f"B{r}" in values for r in range(1, 6))
