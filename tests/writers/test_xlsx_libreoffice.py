"""The workbook opens in LibreOffice: converted headless to PDF, and that PDF reads back the same.

Needs ``libreoffice`` (Debian ``libreoffice-calc-nogui``); skipped only where it is absent.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from jixiao.readers.detect import read_any
from jixiao.readers.pdf import read_pdf_path
from jixiao.writers.xlsx import write_xlsx
from tests.seed import seed_tables

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")

pytestmark = [
    pytest.mark.libreoffice,
    # CI installs LibreOffice (.ci/run), so there a missing one fails instead of skipping.
    pytest.mark.skipif(
        OFFICE is None and os.environ.get("CI") != "true", reason="libreoffice is not installed"
    ),
]


def _convert(xlsx: Path, out_dir: Path, target: str = "pdf") -> Path:
    assert OFFICE is not None
    # A profile of its own: parallel runs and a user's running LibreOffice do not collide.
    profile = (out_dir / "profile").as_uri()
    command = [OFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
    command += ["--outdir", str(out_dir), str(xlsx)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    converted = out_dir / f"{xlsx.stem}.{target.split(':')[0]}"
    assert converted.exists() and converted.stat().st_size > 0
    return converted


@pytest.mark.parametrize("one_sheet", [False, True])
def test_libreoffice_prints_the_workbook_and_the_print_reads_back(tmp_path: Path, one_sheet: bool) -> None:
    seed = list(seed_tables())
    xlsx = tmp_path / "seed.xlsx"
    write_xlsx(seed, xlsx, one_sheet=one_sheet)
    pdf = _convert(xlsx, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-")
    tables, diagnostics = read_pdf_path(pdf)
    assert diagnostics == []
    assert tables == seed


@pytest.mark.parametrize("target", ["ods", "xls", "xlsx:Calc MS Excel 2007 XML"])
def test_the_workbook_saved_again_by_libreoffice_reads_back(tmp_path: Path, target: str) -> None:
    """What a unit does: open our workbook, save it (as .ods, legacy .xls or .xlsx), send it back."""
    seed = list(seed_tables())
    source = tmp_path / "in" / "seed.xlsx"
    source.parent.mkdir()
    write_xlsx(seed, source)
    saved = _convert(source, tmp_path, target)
    tables, diagnostics = read_any(saved)
    assert diagnostics == []
    assert tables == seed
