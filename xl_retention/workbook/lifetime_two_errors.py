"""Lifetime value!C8 where both the churn (B5) and the ARPA (B3) are errors (H384's finding 07).

C8 said only ``No value: the monthly churn (B5) is an error: C5 says where.``, while C3 sent the user to C8 for the
last month's MRR at end in error (``here 2026-04's, whose MRR at end is an error: see C8``): nothing on the sheet
named the cell to correct on Revenue (a churned MRR typed as -100 in Revenue!G5). C8 now says both, the ARPA's
cause as it says it alone: ``... C5 says where. ARPA (B3) is an error too, which starts in Revenue!G5 (blank, below
0 or no number): correct it there.``
"""

from __future__ import annotations

from .error_texts import in_error


def _at(ref: str) -> str:
    """The cell ``ref`` as C8's texts name it: where it is now (rows inserted above it), ``ADDRESS(ROW(B5), ...)``."""
    return f"ADDRESS(ROW({ref}),COLUMN({ref}),4)"


#: C8's text for the churn in error, which it said alone
CHURN_SAID = f'"No value: the monthly churn ("&{_at("B5")}&") is an error: "&{_at("C5")}&" says where."'
#: the start of C8's text for the ARPA in error (``... which starts in Revenue!G5 ...``)
ARPA_SAID = f'"No value: ARPA ("&{_at("B3")}&") is an error"'


def both_said(c8: str) -> str:
    """``c8`` (Lifetime value!C8's formula) saying the ARPA's error after the churn's, where both are errors: the
    churn's text alone where the ARPA is no error; else the ARPA's (:data:`ARPA_SAID` and what follows it: where it
    starts on Revenue) after the churn's, joined as ``ARPA (B3) is an error too``. Not the ARPA's text written twice:
    the embedded engine spells out its named rows, and C8 written so was past the 65,536 bytes it reads.

    >>> formula = both_said("=IF(" + in_error("B5") + "," + CHURN_SAID + ",IF(A," + ARPA_SAID + '&X,""))')
    >>> formula.startswith("=IF(AND(" + in_error("B5") + ",NOT(" + in_error("B3") + "))," + CHURN_SAID + ",IF(A,IF(")
    True
    >>> formula.endswith(CHURN_SAID + '&" ARPA ("&ADDRESS(ROW(B3),COLUMN(B3),4)&") is an error too",' + ARPA_SAID
    ...                  + ')&X,""))')
    True
    """
    churn = f"IF({in_error('B5')},{CHURN_SAID}"
    assert c8.count(churn) == 1 and c8.count(ARPA_SAID) == 1, c8
    too = f'{CHURN_SAID}&" ARPA ("&{_at("B3")}&") is an error too"'
    c8 = c8.replace(churn, f"IF(AND({in_error('B5')},NOT({in_error('B3')})),{CHURN_SAID}", 1)
    return c8.replace(ARPA_SAID, f"IF({in_error('B5')},{too},{ARPA_SAID})", 1)
