"""BAHTTEXT, which the embedded engine lacked (incomplete, no value): Microsoft's example and the rules of
LibreOffice's implementation (ยี่สิบ, เอ็ด after tens, ล้าน between blocks, satang, ลบ); where Thai usage (and so
Excel's text) is not certain the cell stays listed."""

from one_sheet import recalc_sheet, recalculated


def test_microsofts_example_and_the_rules(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "A1": 1234,
            "B1": "=BAHTTEXT(A1)",
            "B2": "=BAHTTEXT(-21.5)",
            "B3": "=BAHTTEXT(2000011)",
            "B4": "=BAHTTEXT(987654321.99)",
            "B5": "=BAHTTEXT(12.345)",  # rounded to satang
            "B6": '=BAHTTEXT("x")',
        },
    )
    assert values["B1"] == "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน"
    assert values["B2"] == "ลบยี่สิบเอ็ดบาทห้าสิบสตางค์"
    assert values["B3"] == "สองล้านสิบเอ็ดบาทถ้วน"
    assert values["B4"] == "เก้าร้อยแปดสิบเจ็ดล้านหกแสนห้าหมื่นสี่พันสามร้อยยี่สิบเอ็ดบาทเก้าสิบเก้าสตางค์"
    assert values["B5"] == "สิบสองบาทสามสิบห้าสตางค์"
    assert values["B6"] == "#VALUE!"


def test_a_last_one_without_tens_and_amounts_below_a_baht_are_listed(tmp_path):
    cells = {"B1": "=BAHTTEXT(101)", "B2": "=BAHTTEXT(0.5)", "B3": "=BAHTTEXT(1000001)"}
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "incomplete", result.message
    assert not {"B1", "B2", "B3"} & set(values)
