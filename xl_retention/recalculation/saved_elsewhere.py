"""Why a value stored by a program other than Excel is not kept (split from :mod:`.kept`, which calls it).

A formula the embedded engine cannot compute keeps the value the file stores only where Excel stored it
(:func:`.package_facts.other_application`): LibreOffice's FORECAST.ETS, INFO("osversion") or CELL("format") are its
own answers, not Excel's. The summary said those cells "keep no value stored in the file, or its inputs changed
since", where the file did store one and no input had changed; each such cell's reason now says whose value it was.
"""

from __future__ import annotations

__all__ = ["not_excels"]


def not_excels(application: str) -> str:
    """The clause added to the reason of a cell whose stored value is not kept because ``application`` (as
    docProps/app.xml names it) saved the file, not Excel.

    >>> not_excels("LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2")
    'the value the file holds was stored by LibreOffice/7.4.7.2, not by Excel: not kept'
    >>> not_excels("").startswith("the value the file holds was stored by a program that does not name itself")
    True
    """
    name = application.split("$", 1)[0].strip()
    who = name or "a program that does not name itself (no docProps/app.xml)"
    return f"the value the file holds was stored by {who}, not by Excel: not kept"
