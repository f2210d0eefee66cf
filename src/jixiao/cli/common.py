"""What every command shares: reading inputs, printing diagnostics, exit codes, progress."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from jixiao.model import Diagnostic, Severity, Table
from jixiao.pipeline import read_any, read_bytes

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@dataclass
class ReadResult:
    """Tables read from the inputs, with the diagnostics, in input order."""

    tables: list[Table] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when a file or a table could not be read (an error-level reader diagnostic)."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def read_inputs(paths: Sequence[str], show_progress: bool = True) -> ReadResult:
    """Read every path (``-`` is standard input); unreadable files become diagnostics, not crashes."""
    result = ReadResult()
    with progress_bar(len(paths), "读取", enabled=show_progress and len(paths) > 3) as advance:
        for path in paths:
            tables, diagnostics = read_one(path)
            result.tables.extend(tables)
            result.diagnostics.extend(diagnostics)
            advance()
    return result


def read_one(path: str) -> tuple[list[Table], list[Diagnostic]]:
    """Text, xlsx, PDF or jixiao JSON, chosen by content (not only by the file name)."""
    if path == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>")
    return read_any(path)


def missing_files(paths: Sequence[str]) -> list[str]:
    """The given paths that do not exist (``-``, standard input, is never missing)."""
    return [p for p in paths if p != "-" and not Path(p).exists()]


def check_paths(paths: Sequence[str]) -> None:
    """Usage errors end the command with exit code 2 and one clear line per problem."""
    if not paths:
        err.print("错误：请给出至少一个文件（- 表示标准输入）")
        raise typer.Exit(EXIT_USAGE)
    missing = missing_files(paths)
    for path in missing:
        err.print(f"{path}: 错误：文件不存在")
    if missing:
        raise typer.Exit(EXIT_USAGE)


def print_diagnostics(diagnostics: Sequence[Diagnostic], min_severity: Severity = Severity.INFO) -> None:
    """Print diagnostics at or above a severity to standard error, one coloured line each."""
    for d in diagnostics:
        if d.severity.rank < min_severity.rank:
            continue
        style = _SEVERITY_STYLE[d.severity]
        err.print(f"{d.source}: [{style}]{d.code} {d.severity.label}[/] {d.message}", markup=True)


@contextmanager
def progress_bar(total: int, label: str, enabled: bool = True) -> Iterator[Callable[[], None]]:
    """A Rich progress bar on standard error for long work; silent when not a terminal."""
    if not enabled or not err.is_terminal:
        yield _nothing
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(label, total=total)

        def advance() -> None:
            progress.advance(task)

        yield advance


def _nothing() -> None:
    return None


def write_output(text: str, output: Path | None, bom: bool = False) -> None:
    """Write to the file given with -o, or to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8-sig" if bom else "utf-8")
    except OSError as exc:
        err.print(f"{output}: 错误：无法写入（{exc.strerror}）")
        raise typer.Exit(EXIT_PROBLEM) from exc
