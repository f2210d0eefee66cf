"""Without a CJK font, PDF output refuses with a Chinese message instead of a page of empty boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.writers.fonts import MISSING_CJK_FONT, MissingFontError, cjk_font_families
from jixiao.writers.pdf import write_pdf
from tests.seed import SEED_PATH

runner = CliRunner()


@pytest.fixture
def no_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fontconfig configuration that knows no font directory at all."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n"
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))


def test_the_installed_machine_has_a_cjk_font() -> None:
    assert cjk_font_families(), "fonts-noto-cjk is missing: scripts/system-packages.sh installs it"


def test_pdf_writer_refuses_without_a_cjk_font(no_fonts: None, tmp_path: Path) -> None:
    assert cjk_font_families() == ()
    with pytest.raises(MissingFontError) as refused:
        write_pdf([], tmp_path / "x.pdf")
    assert "中文字体" in refused.value.message and "fonts-noto-cjk" in refused.value.message
    assert not (tmp_path / "x.pdf").exists()


def test_export_command_says_what_to_install(no_fonts: None, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    result = runner.invoke(app, ["export", str(SEED_PATH), "-o", str(target)])
    assert result.exit_code == 1
    assert MISSING_CJK_FONT in result.output.replace("\n", "")
    assert not target.exists()
