"""RFM summary: implemented in :mod:`xl_retention.tables.rfm` (with the import's date and refund rules)."""

from __future__ import annotations

from ..tables.rfm import rfm_summary

__all__ = ["rfm_summary"]
