"""A cell whose formula calls a function this package leaves not computed in one case beside others that are computed
is listed with the case of the call that gave the "not computed" (H520's task 3): ``=IF(A1="x",ENCODEURL("abc"),
CODE("Ω"))`` was told ENCODEURL's case ("a text holding such characters"), ``REGEXEXTRACT(A1,"[0-9]")`` beside CODE
REGEXEXTRACT's, a PRICEMAT issued before settlement PRICEMAT's; ``REGEXEXTRACT(..)&CODE("Ω")`` and IFERROR(..) of it
said only "CODE cannot compute a value here", not CODE's case."""

from one_sheet import recalc_sheet

_CODE = (
    "CODE of 'Ω' (U+03A9) outside Windows-1252 is not computed: Excel gives its number in the code page of the "
    "computer opening the file (63, '?', on a Western Windows; another under a Greek, Cyrillic or Central European "
    "one), UNICODE its Unicode number"
)
_URL = (
    "ENCODEURL of a text holding '(' is not computed: Excel's encoding of ~ ! * ' ( ) and of control characters is not "
    "documented"
)
_HIDDEN = " (its error is hidden by IFERROR or the like; it is listed where the cell shows it)"


def test_the_call_giving_not_computed_is_the_one_named(tmp_path):
    result, _values = recalc_sheet(
        tmp_path,
        {
            "A1": "a1b2",
            "B1": '=IF(A1="x",_xlfn.REGEXEXTRACT(A1,"[0-9]"),CODE("Ω"))',
            "B2": '=IF(A1="x",_xlfn.ENCODEURL("abc"),CODE("Ω"))',
            "B3": '=IF(A1="x",PRICEMAT(DATE(2008,2,15),DATE(2008,4,13),DATE(2007,11,11),0.061,0.061,0),CODE("Ω"))',
            "B4": '=IF(A1="x",CODE("A"),_xlfn.ENCODEURL("a(b"))',
            "B5": '=IF(A1="x",_xlfn.REGEXEXTRACT(A1,"[0-9]"),_xlfn.REGEXEXTRACT(A1,"[0-9]",1))',
            "B6": '=_xlfn.REGEXEXTRACT(A1,"[0-9]")&CODE("Ω")',
            "B7": '=_xlfn.ENCODEURL("abc")&_xlfn.ENCODEURL("a(b")',
            "B8": '=IFERROR(_xlfn.REGEXEXTRACT(A1,"[0-9]")&CODE("Ω"),"none")',
        },
    )
    assert result.status == "incomplete"
    assert sorted((u.address, u.function, u.reason) for u in result.unsupported) == [
        ("S!B1", "CODE", _CODE),
        ("S!B2", "CODE", _CODE),
        ("S!B3", "CODE", _CODE),
        ("S!B4", "ENCODEURL", _URL),
        (
            "S!B5",
            "REGEXEXTRACT",
            "REGEXEXTRACT with return_mode 1 (every match, as an array) is not computed by the embedded engine",
        ),
        ("S!B6", "CODE", _CODE),
        ("S!B7", "ENCODEURL", _URL),
        ("S!B8", "CODE", _CODE + _HIDDEN),
    ]
