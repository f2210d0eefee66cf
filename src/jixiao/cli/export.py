"""`jixiao export`: tables from any readable file → the official Excel/PDF layout, JSON or CSV."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Annotated, Any

import typer

from jixiao.cli.app import app
from jixiao.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, err, print_diagnostics
from jixiao.formats.files import ExportFormat
from jixiao.formats.table_json import source_to_dict
from jixiao.model import Diagnostic, Table
from jixiao.permissions import OPERATOR  # the command line works on the database file: as an administrator
from jixiao.pipeline import MissingFontError, export_bytes, read_any
from jixiao.queries import TableQuery


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


def _query(unit: str, year: int | None, status: str) -> TableQuery:
    return TableQuery(unit=unit, year=year, status=status, sort="name", descending=False)


def tables_from_db(url: str, unit: str, year: int | None, status: str, limit: int = 100_000) -> list[Table]:
    """The stored tables matching the filters, sorted by project name (a unit's set for a year)."""
    from jixiao.service import Service  # the database layer loads only for --db

    return Service(url).all_tables(OPERATOR, _query(unit, year, status), limit)


def _export_stored(url: str, query: TableQuery, fmt: ExportFormat, output: Path | None) -> tuple[int, int]:
    """Stored tables as the open data JSON or CSV — the same file as the web's list download (each
    table with its ``id`` and ``status``) — streamed through a temporary file: (tables, indicators)."""
    from jixiao.service import Service, documents_to_csv_chunks, documents_to_json_chunks

    counts = [0, 0]

    def counted(documents: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for document in documents:
            counts[0] += 1
            counts[1] += len(document.get("indicators", []))
            yield document

    documents = counted(Service(url).export_documents(OPERATOR, query))
    if fmt is ExportFormat.JSON:
        chunks = documents_to_json_chunks(documents)
    else:
        chunks = chain(["\ufeff" if output is not None else ""], documents_to_csv_chunks(documents))
    directory = output.parent if output is not None and str(output.parent) else Path(".")
    prefix = f".{output.name}." if output is not None else ".jixiao-export."
    handle, temporary = tempfile.mkstemp(prefix=prefix, dir=directory if output is not None else None)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for chunk in chunks:
                stream.write(chunk)
        if counts[0] and output is not None:
            os.replace(temporary, output)
        elif counts[0]:
            with open(temporary, encoding="utf-8") as stream:
                for line in stream:
                    typer.echo(line, nl=False)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return counts[0], counts[1]


@app.command()
def export(
    files: Annotated[
        list[str] | None, typer.Argument(help="文本、Excel、PDF 或 JSON 文件（或用 --db 从数据库导出）")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="从数据库导出（URL；与 --unit/--year/--status 一起用）")
    ] = None,
    unit: Annotated[str, typer.Option("--unit", help="--db：只导出该用款单位的表")] = "",
    year: Annotated[int | None, typer.Option("--year", help="--db：只导出该预算年度的表")] = None,
    status: Annotated[str, typer.Option("--status", help="--db：只导出该状态的表，如 published")] = "",
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
    files = files or []
    if bool(files) == bool(db):
        err.print("错误：请给出要导出的文件，或用 --db 指定数据库（二者选一）")
        raise typer.Exit(EXIT_USAGE)
    missing = [f for f in files if not Path(f).exists()]
    for path in missing:
        err.print(f"{path}: 错误：文件不存在")
    if missing:
        raise typer.Exit(EXIT_USAGE)

    if db and fmt in (ExportFormat.JSON, ExportFormat.CSV):
        try:
            count, indicators = _export_stored(db, _query(unit, year, status), fmt, output)
        except Exception as exc:  # a wrong URL or a database without our tables
            err.print(f"错误：无法从数据库读取（{str(exc).splitlines()[0][:160]}）")
            raise typer.Exit(EXIT_PROBLEM) from exc
        if not count:
            err.print("错误：没有读到任何表格，未写出文件")
            raise typer.Exit(EXIT_PROBLEM)
        if output is not None and not as_json:
            err.print(f"已导出 {count} 个表格（{indicators} 个指标）到 {output}")
        if as_json and output is not None:
            summary = {"output": str(output), "format": fmt.value, "tables": count, "indicators": indicators}
            typer.echo(json.dumps({**summary, "diagnostics": []}, ensure_ascii=False, indent=2))
        raise typer.Exit(EXIT_OK)

    tables: list[Table] = []
    diagnostics: list[Diagnostic] = []
    for path in files:
        found, problems = read_any(path)
        tables.extend(found)
        diagnostics.extend(problems)
    if db:
        try:
            tables = tables_from_db(db, unit, year, status)
        except Exception as exc:  # a wrong URL or a database without our tables
            err.print(f"错误：无法从数据库读取（{str(exc).splitlines()[0][:160]}）")
            raise typer.Exit(EXIT_PROBLEM) from exc
    print_diagnostics(diagnostics)
    if not tables:
        _finish(as_json, None, fmt, tables, diagnostics)
        err.print("错误：没有读到任何表格，未写出文件")
        raise typer.Exit(EXIT_PROBLEM)

    try:
        data = export_bytes(tables, fmt, one_sheet=one_sheet, cover=cover).data
    except MissingFontError as exc:
        err.print(f"错误：{exc.message}")
        raise typer.Exit(EXIT_PROBLEM) from None
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
