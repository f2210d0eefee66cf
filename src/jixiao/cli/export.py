"""`jixiao export`: tables from any readable file → the official Excel/PDF layout, JSON or CSV."""

from __future__ import annotations

import io
import json
import os
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import app
from jixiao.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, err, print_diagnostics
from jixiao.model import Diagnostic, Table
from jixiao.readers.detect import read_any
from jixiao.writers.json import source_to_dict


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"
    JSON = "json"
    CSV = "csv"


def render(
    tables: list[Table], fmt: ExportFormat, *, one_sheet: bool = False, cover: bool | None = None
) -> bytes:
    """The exported file's bytes (built in memory, so a failure never leaves half a file)."""
    if fmt is ExportFormat.XLSX:
        from jixiao.writers.xlsx import write_xlsx

        buffer = io.BytesIO()
        write_xlsx(tables, buffer, one_sheet=one_sheet)
        return buffer.getvalue()
    if fmt is ExportFormat.PDF:
        from jixiao.writers.pdf import write_pdf

        buffer = io.BytesIO()
        write_pdf(tables, buffer, cover=cover)
        return buffer.getvalue()
    if fmt is ExportFormat.JSON:
        from jixiao.writers.json import dumps_tables

        return (dumps_tables(tables) + "\n").encode("utf-8")
    from jixiao.writers.csv import write_csv

    return write_csv(tables).encode("utf-8-sig")  # with BOM: Excel opens UTF-8 CSV correctly then


def _write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target and rename: readers of ``path`` never see a partial file."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _diagnostic_dict(d: Diagnostic) -> dict[str, object]:
    source = source_to_dict(d.source)
    return {"code": d.code, "severity": d.severity.value, "message": d.message, "source": source}


_OUTPUT_HELP = "输出文件；json/csv 可省略（写到标准输出）"
_FORMAT_HELP = "xlsx（官方版式）、pdf（公开版式）、json（开放数据）、csv；默认按 -o 的扩展名"


@app.command()
def export(
    files: Annotated[list[str], typer.Argument(help="文本、Excel、PDF 或 JSON 文件", show_default=False)],
    output: Annotated[Path | None, typer.Option("--output", "-o", help=_OUTPUT_HELP)] = None,
    output_format: Annotated[ExportFormat | None, typer.Option("--format", "-f", help=_FORMAT_HELP)] = None,
    one_sheet: Annotated[bool, typer.Option("--one-sheet", help="xlsx：所有表格放在同一工作表")] = False,
    cover: Annotated[
        bool | None, typer.Option("--cover/--no-cover", help="pdf：是否加封面（默认多于一个表格时加）")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="在标准输出打印 JSON 格式的结果摘要")] = False,
) -> None:
    """把项目绩效目标表导出为官方版式的 Excel / PDF，或开放数据 JSON / CSV。"""
    fmt = output_format or _format_from_name(output)
    if fmt is None:
        err.print("错误：请用 --format 指定格式（xlsx、pdf、json、csv），或给出带扩展名的 -o 输出文件")
        raise typer.Exit(EXIT_USAGE)
    if output is None and fmt in (ExportFormat.XLSX, ExportFormat.PDF):
        err.print(f"错误：{fmt.value} 是二进制格式，请用 -o 指定输出文件")
        raise typer.Exit(EXIT_USAGE)
    missing = [f for f in files if not Path(f).exists()]
    for path in missing:
        err.print(f"{path}: 错误：文件不存在")
    if missing:
        raise typer.Exit(EXIT_USAGE)

    tables: list[Table] = []
    diagnostics: list[Diagnostic] = []
    for path in files:
        found, problems = read_any(path)
        tables.extend(found)
        diagnostics.extend(problems)
    print_diagnostics(diagnostics)
    if not tables:
        _finish(as_json, None, fmt, tables, diagnostics)
        err.print("错误：没有读到任何表格，未写出文件")
        raise typer.Exit(EXIT_PROBLEM)

    data = render(tables, fmt, one_sheet=one_sheet, cover=cover)
    if output is None:
        typer.echo(data.decode("utf-8-sig"), nl=False)
    else:
        try:
            _write_atomically(output, data)
        except OSError as exc:
            err.print(f"{output}: 错误：无法写入（{exc.strerror}）")
            raise typer.Exit(EXIT_PROBLEM) from exc
        if not as_json:
            indicators = sum(len(t.indicators) for t in tables)
            err.print(f"已导出 {len(tables)} 个表格（{indicators} 个指标）到 {output}")
    _finish(as_json and output is not None, output, fmt, tables, diagnostics)
    failed = any(d.severity.rank >= 3 for d in diagnostics)
    raise typer.Exit(EXIT_PROBLEM if failed else EXIT_OK)


def _format_from_name(output: Path | None) -> ExportFormat | None:
    if output is None:
        return None
    suffix = output.suffix.lower().lstrip(".")
    return ExportFormat(suffix) if suffix in {f.value for f in ExportFormat} else None


def _finish(
    as_json: bool, output: Path | None, fmt: ExportFormat, tables: list[Table], diagnostics: list[Diagnostic]
) -> None:
    if not as_json:
        return
    summary = {
        "output": str(output) if output is not None else None,
        "format": fmt.value,
        "tables": len(tables),
        "indicators": sum(len(t.indicators) for t in tables),
        "diagnostics": [_diagnostic_dict(d) for d in diagnostics],
    }
    typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
