"""Whether a CJK font is installed, so a PDF is never written as a page of empty boxes.

WeasyPrint takes its fonts from fontconfig; without a font covering Chinese it still writes a PDF,
with every character drawn as a blank box, and says nothing. The PDF writers ask here first and
refuse with a message saying what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache

MISSING_CJK_FONT = (
    "无法生成 PDF：系统中没有中文字体（fontconfig 找不到支持中文的字体），生成的 PDF 会是一片空白方框。"
    "请安装 Noto CJK 字体后重试：sudo apt-get install fonts-noto-cjk"
)


class MissingFontError(RuntimeError):
    """No font covers Chinese; ``message`` says what to install."""

    def __init__(self, message: str = MISSING_CJK_FONT) -> None:
        super().__init__(message)
        self.message = message


def cjk_font_families() -> tuple[str, ...]:
    """The font families fontconfig offers for Chinese (``fc-list :lang=zh``); empty if none."""
    # Cached per fontconfig configuration: the answer only changes when fonts are installed.
    return _families(os.environ.get("FONTCONFIG_FILE", ""), os.environ.get("FONTCONFIG_PATH", ""))


@lru_cache(maxsize=4)
def _families(_config_file: str, _config_path: str) -> tuple[str, ...]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        done = subprocess.run(
            [fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return tuple(sorted({line.strip() for line in done.stdout.splitlines() if line.strip()}))


def require_cjk_font() -> None:
    """Raise `MissingFontError` when no installed font can draw Chinese."""
    if not cjk_font_families():
        raise MissingFontError
