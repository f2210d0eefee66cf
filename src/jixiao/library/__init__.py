"""指标库: an indicator library mined from published 项目绩效目标表 (issue 14, first slice).

A pure core — no database, no web — in stages:

    tables ──mining──▶ statistics per normalised key ──grouping──▶ groups ──entries──▶ Entry records
            (normalise, stream)                       (blocking + rapidfuzz)          (provenance)

`build_library` runs them (incrementally on an earlier `Library`); `serialize` reads and writes the
``jixiao.library/1`` JSON; `suggest` finds and ranks entries for a name being typed. The command line
is `jixiao library build|show|suggest` (jixiao.cli.library); docs/library.md explains it.
"""

from __future__ import annotations

from jixiao.library.build import Library, build_library
from jixiao.library.entries import Distribution, Entry, Provenance, entry_code, unit_class
from jixiao.library.mining import IndicatorRow, TableRows, rows_from_document, rows_from_table
from jixiao.library.normalise import NormalisedName, normalise_name, signature
from jixiao.library.serialize import (
    FORMAT,
    LibraryFormatError,
    entry_to_dict,
    library_from_dict,
    library_to_dict,
)
from jixiao.library.suggest import Suggester, Suggestion, find, reason, suggest, typical_value

__all__ = [
    "FORMAT",
    "Distribution",
    "Entry",
    "IndicatorRow",
    "Library",
    "LibraryFormatError",
    "NormalisedName",
    "Provenance",
    "Suggester",
    "Suggestion",
    "TableRows",
    "build_library",
    "entry_code",
    "entry_to_dict",
    "find",
    "library_from_dict",
    "library_to_dict",
    "normalise_name",
    "reason",
    "rows_from_document",
    "rows_from_table",
    "signature",
    "suggest",
    "typical_value",
    "unit_class",
]
