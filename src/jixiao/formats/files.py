"""The file formats a table set can be downloaded or exported as, and their media types."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ExportFormat(StrEnum):
    """xlsx (official layout), pdf (publication layout), json (open data), csv (one row per indicator)."""

    XLSX = "xlsx"
    PDF = "pdf"
    JSON = "json"
    CSV = "csv"


MEDIA_TYPES = {
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.PDF: "application/pdf",
    ExportFormat.JSON: "application/json",
    ExportFormat.CSV: "text/csv; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class ExportedFile:
    """A file built in memory: its bytes, media type and file name extension."""

    data: bytes
    media_type: str
    extension: str
