'''The text literals of a formula (``"a ""quoted"" word"``), matched by one pattern for every recalculation module.

A text literal is between double quotes, a doubled quote (``""``) being one quote inside it (Excel's rule); modules
look for a formula's references, names and operators outside its texts. This module imports nothing of the
package's own, so that the engine's modules (formula_texts, rewrite_shapes, the excel_functions) and the explaining
ones (spill_reasons, value_origins...) all import it without an import cycle.

>>> LITERALS.findall('=IF(A1="say ""hi""",B1&"!",0)')
['"say ""hi"""', '"!"']
>>> LITERALS.sub('""', '=COUNTIF(A:A,"B2")+B2')
'=COUNTIF(A:A,"")+B2'
'''

from __future__ import annotations

import re

__all__ = ["LITERALS"]

#: A text literal of a formula: ``"..."``, ``""`` inside it being one quote.
LITERALS = re.compile(r'"(?:[^"]|"")*"')
