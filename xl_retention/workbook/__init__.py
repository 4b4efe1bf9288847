"""The bundled template workbook: its description and the builder that writes it."""

from .template import DEFAULT_MONTHS, TEMPLATE_START, build_template, month_range

__all__ = ["DEFAULT_MONTHS", "TEMPLATE_START", "build_template", "month_range"]
