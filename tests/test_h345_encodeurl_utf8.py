"""ENCODEURL of a text holding letters beyond ASCII was listed as not computed ("Excel's encoding of letters beyond
ASCII ... is not documented"): a workbook building links to city or product pages (Zürich, Café, 東京) came out
incomplete, no value. Excel writes such a character as the bytes of its UTF-8 form, each as '%' and two capital
hexadecimal digits (URLs' percent-encoding, RFC 3986); the other characters as before. A bracket, '~', '!' or a
control character beside them still leaves the cell listed, named.
"""

from __future__ import annotations

from one_sheet import recalc_sheet


def test_letters_beyond_ascii_are_written_as_their_utf8_bytes(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "A1": "Zürich",
            "B1": '="https://example.com/city?name="&_xlfn.ENCODEURL(A1)',
            "B2": '=_xlfn.ENCODEURL("Café Paris")',  # é: C3 A9
            "B3": '=_xlfn.ENCODEURL("5€ naïve")',  # €: E2 82 AC (three bytes); ï: C3 AF
            "B4": '=_xlfn.ENCODEURL("東京")',  # two characters of three bytes each
            "B5": '=_xlfn.ENCODEURL("Café (Paris)")',  # a bracket: Excel's encoding not documented
        },
    )
    assert [(u.address, u.reason) for u in result.unsupported] == [
        (
            "S!B5",
            "ENCODEURL of a text holding '(' is not computed: Excel's encoding of ~ ! * ' ( ) and of control "
            "characters is not documented",
        )
    ]
    assert [values[ref] for ref in ("B1", "B2", "B3", "B4")] == [
        "https://example.com/city?name=Z%C3%BCrich",
        "Caf%C3%A9%20Paris",
        "5%E2%82%AC%20na%C3%AFve",
        "%E6%9D%B1%E4%BA%AC",
    ]
