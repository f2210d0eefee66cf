"""The workbook opens in LibreOffice: converted headless to PDF, and that PDF reads back the same.

Needs ``libreoffice`` (Debian ``libreoffice-calc-nogui``); skipped only where it is absent.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from jixiao.readers.pdf import read_pdf_path
from jixiao.writers.xlsx import write_xlsx
from tests.seed import seed_tables

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(OFFICE is None, reason="libreoffice is not installed"),
]


def _convert(xlsx: Path, out_dir: Path) -> Path:
    assert OFFICE is not None
    # A profile of its own: parallel runs and a user's running LibreOffice do not collide.
    profile = (out_dir / "profile").as_uri()
    command = [OFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    command += ["--outdir", str(out_dir), str(xlsx)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    pdf = out_dir / (xlsx.stem + ".pdf")
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF-")
    return pdf


@pytest.mark.parametrize("one_sheet", [False, True])
def test_libreoffice_prints_the_workbook_and_the_print_reads_back(tmp_path: Path, one_sheet: bool) -> None:
    seed = list(seed_tables())
    xlsx = tmp_path / "seed.xlsx"
    write_xlsx(seed, xlsx, one_sheet=one_sheet)
    pdf = _convert(xlsx, tmp_path)
    tables, diagnostics = read_pdf_path(pdf)
    assert diagnostics == []
    assert tables == seed
