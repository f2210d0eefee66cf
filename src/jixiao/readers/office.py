"""Legacy office files (.doc, .wps, .et, .rtf, Word/Excel 2003 XML, .odt) → .docx/.xlsx via LibreOffice.

The conversion runs ``soffice --headless --convert-to`` in a child process of its own: in a fresh
temporary directory, with a private profile (``-env:UserInstallation``, so parallel conversions and
a user's running LibreOffice never collide), with a time limit after which the whole process group
is killed, never over more than `MAX_INPUT_BYTES`, at most two at a time. The converted bytes then
go to the ordinary docx or workbook reader. Where LibreOffice is not installed the message says what to do.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.text import FILE_PROBLEM

TIMEOUT_SECONDS = 90
MAX_INPUT_BYTES = 30 * 1024 * 1024
MAX_OUTPUT_BYTES = 100 * 1024 * 1024
FILTERS = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}
WHAT = {"docx": "Word", "xlsx": "Excel"}
_SUFFIX = {"docx": ".doc", "xlsx": ".xls"}
# LibreOffice takes some 200 MB a run: at most two at once per process, the others wait their turn.
_RUNNING = threading.BoundedSemaphore(2)


class ConversionFailed(Exception):
    """LibreOffice is missing, timed out or wrote nothing: the message is for people."""


def office_program() -> str | None:
    """The LibreOffice command on PATH (``soffice`` or ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def not_installed_message(kind: str, target: str) -> str:
    """The Chinese message telling that LibreOffice is needed (and how to install it or convert by hand)."""
    return (
        f"{kind}需要先用 LibreOffice 转换为 .{target} 才能读取，但本机没有安装 LibreOffice"
        f"（Debian/Ubuntu：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）；"
        f"也可以在 WPS 或 {WHAT[target]} 中另存为 .{target} 后导入"
    )


def convert(data: bytes, target: str, suffix: str | None = None, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The file converted to ``target`` (``docx`` or ``xlsx``); `ConversionFailed` with a reason."""
    program = office_program()
    if program is None:
        raise ConversionFailed("本机没有安装 LibreOffice")
    if len(data) > MAX_INPUT_BYTES:
        raise ConversionFailed(f"文件超过 {MAX_INPUT_BYTES // 1048576} MB，不做转换")
    if not _RUNNING.acquire(timeout=timeout):
        raise ConversionFailed("LibreOffice 转换任务过多，请稍后再试")
    try:
        return _convert(program, data, target, suffix, timeout)
    finally:
        _RUNNING.release()


def _convert(program: str, data: bytes, target: str, suffix: str | None, timeout: float) -> bytes:
    with tempfile.TemporaryDirectory(prefix="jixiao-office-") as work:
        root = Path(work)
        source = root / f"input{suffix or _SUFFIX[target]}"
        source.write_bytes(data)
        out = root / "out"
        out.mkdir()
        command = [
            program,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            "--convert-to", FILTERS[target], "--outdir", str(out), str(source),
        ]  # fmt: skip
        environment = dict(os.environ, HOME=str(root), TMPDIR=str(root))
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=root,
            env=environment,
            start_new_session=True,  # its own process group, so a timeout kills every child it made
        )
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise ConversionFailed(f"LibreOffice 转换超过 {int(timeout)} 秒，已终止") from None
        converted = out / f"input.{target}"
        if not converted.exists() or converted.stat().st_size == 0:
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if stderr else []
            reason = f"（{detail[0][:120]}）" if detail else ""
            raise ConversionFailed(f"LibreOffice 无法转换此文件，文件可能已损坏{reason}")
        if converted.stat().st_size > MAX_OUTPUT_BYTES:
            raise ConversionFailed("转换结果过大")
        return converted.read_bytes()


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def read_converted(
    data: bytes, file: str | None, kind: str, target: str, suffix: str | None = None
) -> tuple[list[Table], list[Diagnostic]]:
    """Convert a legacy file with LibreOffice and read the result with the docx or workbook reader.

    ``kind`` names the file in messages (``Word 97-2003 文档（.doc）``).
    """
    name = file or "<上传文件>"
    if office_program() is None:
        message = not_installed_message(kind, target)
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]
    try:
        converted = convert(data, target, suffix)
    except ConversionFailed as exc:
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, f"{kind}：{exc}", SourceRef(name))]
    if target == "docx":
        from jixiao.readers.docx import read_docx_bytes

        return read_docx_bytes(converted, file)
    from jixiao.readers.xlsx import read_xlsx_bytes

    return read_xlsx_bytes(converted, file)
