"""A formula's text literals are matched by one pattern, text_literals.LITERALS, in every recalculation module.

Before: 39 recalculation modules compiled their own copy of ``"(?:[^"]|"")*"`` (``_LITERALS``, ``_TEXTS``,
``_STRING``...), so a change to how a literal is read (Excel's doubled quote) had to be made in each. Now they import
:data:`xl_retention.recalculation.text_literals.LITERALS`; the variants that also match a quoted sheet name or capture
a literal's text are other patterns and stay where they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import xl_retention.recalculation as recalculation
from xl_retention.recalculation import spill_reasons, value_origins
from xl_retention.recalculation.excel_functions import number_texts
from xl_retention.recalculation.text_literals import LITERALS

#: the pattern of a text literal as a module's source writes it (raw string), alone in its r'...' string
_COPY = re.compile(r"""r'"\(\?:\[\^"\]\|""\)\*"'[,)]""")


def test_no_recalculation_module_compiles_its_own_copy_of_the_literal_pattern() -> None:
    folder = Path(recalculation.__file__).parent
    copies = sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*.py")
        if path.name != "text_literals.py" and _COPY.search(path.read_text(encoding="utf-8"))
    )
    assert copies == []  # at the parent: 39 modules, from after_evaluation.py to vba_functions.py


def test_the_modules_match_with_the_one_pattern() -> None:
    assert spill_reasons._TEXTS is LITERALS and value_origins._LITERALS is LITERALS and number_texts._STRING is LITERALS
    assert LITERALS.findall('=IF(A1="a ""b"" c",D1&"",1)') == ['"a ""b"" c"', '""']
