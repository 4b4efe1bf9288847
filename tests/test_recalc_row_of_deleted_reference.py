"""ROW(INDEX(x,0)) of a name whose sheet was deleted (``#REF!$G$2:$G$5``) is left as it is: its value is #REF!.

Where Excel evaluates arrays (LOOKUP's lookup vector), ``ROW(INDEX(x,0))`` is written out as
``_xlfn.SEQUENCE(ROWS(x),1,MIN(ROW(x)))`` (each row, not the first only); of a deleted sheet's range that SEQUENCE
was asked for a #REF! count of rows, which the engine listed as "unsupported SEQUENCE" (Lifetime value!C5 of a
tracker whose Customers sheet was deleted: `incomplete`, H219's request 1), where Excel's answer is #REF!.
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Tokenizer

from xl_retention.recalculation.array_lifting import lift_arrays


def _lifted(formula: str) -> str:
    tokens = Tokenizer(formula).items
    lift_arrays(tokens, False, {})
    return "=" + "".join(t.value for t in tokens)


def test_row_of_a_deleted_reference_is_not_written_out_as_a_sequence() -> None:
    deleted = _lifted("=LOOKUP(2,1/ISERROR(#REF!$G$2:$G$5),ROW(INDEX(#REF!$G$2:$G$5,0)))")
    assert deleted.endswith(",ROW(INDEX(#REF!$G$2:$G$5,0)))") and "SEQUENCE" not in deleted
    kept = _lifted("=LOOKUP(2,1/ISERROR(S!$G$2:$G$5),ROW(INDEX(S!$G$2:$G$5,0)))")
    assert kept.endswith(",_xlfn.SEQUENCE(ROWS(INDEX(S!$G$2:$G$5,0)),1,MIN(ROW(INDEX(S!$G$2:$G$5,0)))))")
