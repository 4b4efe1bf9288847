"""BAHTTEXT, which the engine lacks: a number as Thai words of baht and satang, as Excel writes it (the rules of
LibreOffice's implementation, written for Excel's files).

The amount is rounded to satang (hundredths); the baht are read in blocks of six digits joined by ล้าน (million),
each block with แสน หมื่น พัน ร้อย สิบ (10^5 .. 10) after its digit, 20 as ยี่สิบ, 10 as สิบ and a last 1 after tens
as เอ็ด; then บาท (baht) and ถ้วน (exactly) without satang, else the satang's words and สตางค์; a negative amount
begins with ลบ. Microsoft's example: ``BAHTTEXT(1234)`` is หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน.

Where Thai usage, and so Excel's answer, is not certain the cell is listed as not computed, never given another
text: a last 1 with no tens after higher digits (101: หนึ่งร้อยหนึ่ง or หนึ่งร้อยเอ็ด), an amount below one baht,
amounts from 10^12 (digits of a float), a logical or a range.

>>> bahttext(1234) == "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน"
True
>>> bahttext(-21.5) == "ลบยี่สิบเอ็ดบาทห้าสิบสตางค์", bahttext(2000011) == "สองล้านสิบเอ็ดบาทถ้วน"
(True, True)
"""

from __future__ import annotations

import math
from typing import Any

from ._core import ExcelError, check, excel_function, number

__all__ = ["bahttext"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed
_DIGITS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_POWERS = ((100000, "แสน"), (10000, "หมื่น"), (1000, "พัน"), (100, "ร้อย"))
_TEN, _TWENTY, _ONE_AFTER_TENS, _MILLION = "สิบ", "ยี่", "เอ็ด", "ล้าน"
_BAHT, _EXACTLY, _SATANG, _MINUS = "บาท", "ถ้วน", "สตางค์", "ลบ"


def _block(value: int) -> str:
    """Thai words of 1 to 999,999."""
    words = []
    for size, word in _POWERS:
        if value >= size:
            words.append(_DIGITS[value // size] + word)
            value %= size
    tens, ones = divmod(value, 10)
    if tens:
        words.append((_DIGITS[tens] if tens >= 3 else _TWENTY if tens == 2 else "") + _TEN)
    if ones:
        words.append(_ONE_AFTER_TENS if tens and ones == 1 else _DIGITS[ones])
    return "".join(words)


@excel_function("BAHTTEXT", 1, 1)
def bahttext(value: Any) -> str:
    check(value)
    if isinstance(value, (bool, list)):
        raise ExcelError(_NOT_COMPUTED)
    amount = number(value)
    satangs = math.floor(abs(amount) * 100 + 0.5)
    baht, satang = divmod(satangs, 100)
    if baht < 1 or baht >= 10**12:
        raise ExcelError(_NOT_COMPUTED)
    blocks = []
    while baht:
        baht, block = divmod(baht, 10**6)
        blocks.insert(0, block)
    if any(block % 100 == 1 and (block > 1 or k > 0) for k, block in enumerate(blocks)):
        raise ExcelError(_NOT_COMPUTED)  # 101, 1,000,001: หนึ่ง or เอ็ด
    words = _MILLION.join(_block(block) if block else "" for block in blocks) + _BAHT
    words += _block(satang) + _SATANG if satang else _EXACTLY
    return (_MINUS if amount < 0 else "") + words
