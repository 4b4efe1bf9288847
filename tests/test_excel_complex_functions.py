"""IMSQRT, IMLN, IMLOG10, IMLOG2, IMEXP, IMSIN, IMCOS and the engine's IMTAN, IMSEC, IMCSC, IMCOT, IMSINH, IMCOSH,
IMSECH, IMCSCH, IMABS, IMARGUMENT: a part below 1E-10 was left out with status ok (IMSQRT("1E-24") "0", Excel "1E-12";
IMLN("1.000000000001") "0"), a residue of pi was dropped (IMSQRT("-4") "2i", where Excel writes the residue of
its own pi, whose digits are not known: listed), an overflow was text (IMEXP("1000") "infNaNi") and IMTAN, IMSEC and
IMCOT missed Microsoft's examples in the last digit. Expected values: Microsoft's pages' examples, and each
small part exact."""

from one_sheet import recalc_sheet, recalculated

#: Microsoft's example of each function (its page's "Result")
EXAMPLES = {
    'IMSQRT("1+i")': "1.09868411346781+0.455089860562227i",
    'IMLN("3+4i")': "1.6094379124341+0.927295218001612i",
    'IMLOG10("3+4i")': "0.698970004336019+0.402719196273373i",
    'IMLOG2("3+4i")': "2.32192809488736+1.33780421245098i",
    'IMEXP("1+i")': "1.46869393991589+2.28735528717884i",
    'IMSIN("4+3i")': "-7.61923172032141-6.548120040911i",
    'IMCOS("1+i")': "0.833730025131149-0.988897705762865i",
    '_xlfn.IMTAN("4+3i")': "0.00490825806749606+1.00070953606723i",
    '_xlfn.IMSEC("4+3i")': "-0.0652940278579471-0.0752249603027732i",
    '_xlfn.IMCSC("4+3i")': "-0.0754898329158637+0.0648774713706355i",
    '_xlfn.IMCOT("4+3i")': "0.00490118239430447-0.999266927805902i",
    '_xlfn.IMSINH("4+3i")': "-27.0168132580039+3.85373803791938i",
    '_xlfn.IMCOSH("4+3i")': "-27.0349456030742+3.85115333481178i",
    '_xlfn.IMSECH("4+3i")': "-0.0362534969158689-0.00516434460775318i",
    '_xlfn.IMCSCH("4+3i")': "-0.036275889628626-0.0051744731840194i",
    'IMABS("5+12i")': 13,
    'IMREAL("6-9i")': 6,
    'IMAGINARY("3+4i")': 4,
}


def test_microsofts_examples(tmp_path):
    formulas = list(EXAMPLES)
    values = recalculated(tmp_path, {f"B{n}": "=" + f for n, f in enumerate(formulas, 1)})
    assert {f: values[f"B{n}"] for n, f in enumerate(formulas, 1)} == EXAMPLES


def test_small_parts_and_the_sine_of_pi(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "B1": '=IMSQRT("1E-24")',
            "B2": '=IMSQRT("4")',
            "B3": '=IMLN("1.000000000001")',
            "B4": '=IMEXP("1E-12j")',
            "B5": '=IMSIN("1E-12")',
            "B6": '=_xlfn.IMTAN("1E-12")',
            "B7": '=_xlfn.IMSINH("1E-12")',
            "B8": '=IMLOG10("-1E-12i")',
            "B9": '=IMARGUMENT("1E-20")',
            "B10": '=IMEXP("1000")',
            "B11": '=IMSIN("1000i")',
            "B12": '=IMLN("0")',
            "B13": '=IMSQRT("-4j")',
            "B14": '=IMSUM("-2i","1")',  # a text with no real part was #VALUE!
        },
    )
    assert [values[f"B{n}"] for n in range(1, 15)] == [
        "1E-12", "2", "1.00008890058184E-12", "1+1E-12j", "1E-12", "1E-12", "1E-12",
        "-12-0.682188176920921i", 0, "#NUM!", "#NUM!", "#NUM!", "1.4142135623731-1.41421356237309j",
        "1-2i",
    ]  # fmt: skip


def test_digits_excel_does_not_document_are_listed(tmp_path):
    """A pole's cancellation, x²+y² out of range, a logarithm that is the rounding of x²+y², an angle of 2^27."""
    cells = {
        "B1": '=_xlfn.IMTAN("1.5707963267949")',
        "B2": '=_xlfn.IMCOT("0")',
        "B3": '=IMABS("1E200+1E200i")',
        "B4": '=IMLN("0.6+0.8i")',
        "B5": '=IMSIN("1E20")',
        "B6": '=IMSQRT("")',
        "B10": '=IMSQRT("-4")',  # 2 cos(pi/2): the residue of the pi Excel reduces by, its digits not known
        "B8": '=_xlfn.IMTAN("1+400i")',  # about i, but sinh(800) overflows in the formula
        "B9": '=_xlfn.IMSECH("400")',
        "B7": '=IMSQRT("4")',
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "incomplete", result.message
    assert values["B7"] == "2"
    assert not {f"B{n}" for n in (1, 2, 3, 4, 5, 6, 8, 9, 10)} & set(values)


def test_element_by_element_over_a_range(tmp_path):
    """SUMPRODUCT(IMREAL(A1:A2)): Excel takes each element; it was listed (not computed)."""
    values = recalculated(
        tmp_path,
        {
            "A1": "1+i",
            "A2": "2+3i",
            "B1": "=SUMPRODUCT(IMREAL(A1:A2))",
            "B2": "=SUMPRODUCT(--(IMABS(A1:A2)>2))",
            "B3": "=SUMPRODUCT(IMAGINARY(IMCONJUGATE(A1:A2)))",
            "B4": "=SUMPRODUCT(LEN(IMSQRT(A1:A2)))",
        },
    )
    assert [values[f"B{n}"] for n in range(1, 5)] == [3, 1, -4, 70]
