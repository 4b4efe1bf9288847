"""The bundled template workbook: its description and the builder that writes it.

The builder (``template``, openpyxl's writer) is imported on first use: a recalculation reads a tracker's layout
(``monthly``, ``checks``, ``chart_ranges``) without loading it (issue 14).
"""

from __future__ import annotations

from typing import Any

__all__ = ["DEFAULT_MONTHS", "TEMPLATE_START", "build_template", "month_range"]


def __getattr__(name: str) -> Any:  # PEP 562
    if name in __all__:
        from . import template

        return getattr(template, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names with those imported on first use (PEP 562): dir(), help() and Tab completion list them."""
    return sorted(set(globals()) | set(__all__))
