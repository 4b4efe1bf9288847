"""Batch recalculation: real Excel through xlwings where installed, an embedded engine elsewhere.

The engines are imported lazily: importing this package needs neither Excel nor the
formula engine.
"""

from .batch import CellIssue, FileReport, RecalcReport, expand, output_path, recalc, recalc_file

__all__ = ["CellIssue", "FileReport", "RecalcReport", "expand", "output_path", "recalc", "recalc_file"]
