"""A classic formula calling one of our functions over a defined name of ONE cell gives one value: it is not wrapped
as an array's first value (addd6cf wrapped every such call, and the 120-month template's 1,449 projected-survivor
formulas, =...SBG_SURVIVAL(SBG_Alpha,SBG_Beta,$B256+1)..., were rewritten one by one: 0.015 s -> 0.7 s); a name of
several cells still is."""

from __future__ import annotations

from xl_retention.recalculation.rewrite import rewrite

NAMES = {"ends": "S!$A$1", "gained": "S!$B$1", "starts": "'My sheet'!$C$1", "ends_all": "S!$A$1:$A$3"}


def test_a_name_of_one_cell_is_one_value() -> None:
    formula = "=CRR(Ends,Gained,Starts)*100"
    assert rewrite(formula, "S", 5, 4, [], names=NAMES) == formula


def test_a_name_of_several_cells_gives_the_first_value_of_its_array() -> None:
    formula = "=CRR(Ends_all,Gained,Starts)"
    assert rewrite(formula, "S", 5, 4, [], names=NAMES) == "=INDEX((CRR(Ends_all,Gained,Starts)),1,1)"


def test_a_call_taken_whole_by_index_alone_needs_no_rewrite_but_one_beside_it_does() -> None:
    from xl_retention.recalculation.rewrite_shapes import decided

    # the template's NPS sheet: INDEX takes NPS_BREAKDOWN's whole row (no tokenizing of its 480 formulas)
    assert not decided("=INDEX(NPS_BREAKDOWN(G2:G9),1,4)", [], False, None, None)
    assert decided("=INDEX(NPS_BREAKDOWN(G2:G9),1,4)+CRR(A1:A3,B1:B3,C1:C3)", [], False, None, None)
    assert rewrite("=INDEX(NPS_BREAKDOWN(G2:G9),1,4)", "S", 5, 4, []) == "=INDEX(NPS_BREAKDOWN(G2:G9),1,4)"
