"""ENCODEURL, which the embedded engine lacked (incomplete, no value): Microsoft's example, where '.' stays as it is
(LibreOffice writes %2E); characters Excel's answer is not documented for stay listed; letters beyond ASCII are their
UTF-8 bytes (tests/test_h345_encodeurl_utf8.py)."""

from one_sheet import recalc_sheet, recalculated


def test_microsofts_example(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "A1": "a&b=c?d#e 100%",
            "B1": '=_xlfn.ENCODEURL("http://contoso.sharepoint.com/Finance/Profit and Loss Statement.xlsx")',
            "B2": "=_xlfn.ENCODEURL(A1)",
            "B3": "=_xlfn.ENCODEURL(12.5)",
        },
    )
    assert values["B1"] == "http%3A%2F%2Fcontoso.sharepoint.com%2FFinance%2FProfit%20and%20Loss%20Statement.xlsx"
    assert [values["B2"], values["B3"]] == ["a%26b%3Dc%3Fd%23e%20100%25", "12.5"]


def test_characters_url_encoders_differ_on_are_listed(tmp_path):
    result, values = recalc_sheet(
        tmp_path, {"B1": '=_xlfn.ENCODEURL("a~b")', "B2": '=_xlfn.ENCODEURL("(x)")', "B3": '=_xlfn.ENCODEURL("é!")'}
    )
    assert result.status == "incomplete", result.message
    assert not {"B1", "B2", "B3"} & set(values)
