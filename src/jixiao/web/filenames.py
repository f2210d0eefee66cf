"""Download file names: Chinese names that every browser keeps, safe on every file system."""

from __future__ import annotations

import re
from urllib.parse import quote

# Characters no file system accepts in a name, and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def content_disposition(name: str, fallback: str) -> str:
    """``attachment`` with an ASCII name for old clients and the Chinese one (RFC 5987) for the rest."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def file_name(stem: str, extension: str) -> str:
    """A safe download name: unsafe characters replaced, ≤ 80 characters, 绩效目标表 if nothing is left."""
    clean = _UNSAFE.sub("_", stem).strip(" ._") or "绩效目标表"
    return f"{clean[:80]}.{extension}"
