"""Collections of files to read in bulk: directories (recursive), zip archives, manifests of paths.

`iter_files` walks what the command line named and yields one `CollectedFile` at a time — its bytes,
or the Chinese reason it cannot be read — so a batch of 300,000 files never holds more than one of
them; `count_files` walks the same ground without reading, for a progress bar's total.

A directory gives the files of the kinds the readers know (by suffix; hidden files and office lock
files ``~$…`` left out), in name order, subdirectories included. A ``.zip`` archive is checked with
the limits every upload gets (`UploadLimits`): at most ``max_zip_entries`` members and
``max_unpacked_bytes`` inflated in all (counted while inflating, the headers are not trusted), no
member bigger than ``max_bytes``, no member whose path climbs out of the archive (``..``, ``/…``); a
nested archive is refused. A manifest is a UTF-8 text file of paths, one a line (``#`` starts a
comment), relative to the manifest's folder; each path may itself be a directory or an archive.
Addresses (``http://``…) are refused with a reason: nothing here downloads.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from jixiao.readers.limits import DEFAULT_LIMITS, MiB, UploadLimits, size_message

# The suffixes a directory walk picks up: the kinds `readers.detect.read_bytes` reads.
SUFFIXES = frozenset(
    {
        ".txt", ".text", ".json", ".xlsx", ".xlsm", ".xls", ".ods", ".et", ".pdf", ".html", ".htm",
        ".docx", ".doc", ".wps", ".rtf", ".odt",
    }
)  # fmt: skip
ARCHIVE_SUFFIX = ".zip"
MANIFEST_SUFFIXES = frozenset({".lst", ".list", ".manifest"})
_PIECE = MiB


@dataclass(frozen=True, slots=True)
class CollectedFile:
    """One file of a collection: its label (a path, or ``archive.zip:member``) and bytes or a problem."""

    label: str
    data: bytes = b""
    problem: str | None = None  # why it was not read (Chinese); then ``data`` is empty


def count_files(paths: Iterable[str | Path], manifests: Iterable[str | Path] = ()) -> int:
    """How many files `iter_files` will yield for the same arguments (nothing is read or inflated)."""
    return sum(1 for _ in _walk(paths, manifests, read=False, limits=DEFAULT_LIMITS))


def iter_files(
    paths: Iterable[str | Path],
    manifests: Iterable[str | Path] = (),
    limits: UploadLimits = DEFAULT_LIMITS,
) -> Iterator[CollectedFile]:
    """Every file named by ``paths`` (files, directories, ``.zip`` archives) and by the manifests."""
    yield from _walk(paths, manifests, read=True, limits=limits)


def _walk(
    paths: Iterable[str | Path], manifests: Iterable[str | Path], read: bool, limits: UploadLimits
) -> Iterator[CollectedFile]:
    for path in paths:
        yield from _expand(Path(path), str(path), read, limits, explicit=True)
    for manifest in manifests:
        yield from _manifest(Path(manifest), read, limits)


def _expand(
    path: Path, label: str, read: bool, limits: UploadLimits, explicit: bool
) -> Iterator[CollectedFile]:
    if path.is_dir():
        yield from _directory(path, read, limits)
    elif path.suffix.lower() == ARCHIVE_SUFFIX and path.is_file():
        yield from _archive(path, label, read, limits)
    elif explicit or path.suffix.lower() in SUFFIXES:
        yield _disk_file(path, label, limits) if read else CollectedFile(label)


def _directory(root: Path, read: bool, limits: UploadLimits) -> Iterator[CollectedFile]:
    for folder, subfolders, names in os.walk(root, onerror=None):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(names):
            if name.startswith((".", "~$")):
                continue
            path = Path(folder, name)
            suffix = path.suffix.lower()
            if suffix == ARCHIVE_SUFFIX:
                yield from _archive(path, str(path), read, limits)
            elif suffix in SUFFIXES:
                yield _disk_file(path, str(path), limits) if read else CollectedFile(str(path))


def _disk_file(path: Path, label: str, limits: UploadLimits) -> CollectedFile:
    from jixiao.readers.text import file_problem

    problem = file_problem(path)
    if problem is not None:
        return CollectedFile(label, problem=problem)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return CollectedFile(label, problem=size_message(path.name, size, limits.max_bytes))
        return CollectedFile(label, path.read_bytes())
    except OSError as exc:
        return CollectedFile(label, problem=f"无法读取文件：{exc.strerror}")


def _manifest(manifest: Path, read: bool, limits: UploadLimits) -> Iterator[CollectedFile]:
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "不是 UTF-8 文本"
        yield CollectedFile(str(manifest), problem=f"无法读取清单文件：{reason}")
        return
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        label = f"{manifest}:{number}:{entry}"
        if "://" in entry:
            yield CollectedFile(
                label, problem="清单中的网址不会自动下载；请先下载到本地，再在清单中写文件路径"
            )
            continue
        path = Path(entry) if Path(entry).is_absolute() else manifest.parent / entry
        if not path.exists():
            yield CollectedFile(label, problem=f"清单第 {number} 行：文件不存在（{path}）")
            continue
        yield from _expand(path, str(path), read, limits, explicit=True)


def unsafe_member(name: str) -> bool:
    """Whether an archive member's path would climb out of the folder it is unpacked into."""
    posix = PurePosixPath(name.replace("\\", "/"))
    return posix.is_absolute() or ".." in posix.parts or (len(name) > 1 and name[1] == ":")


def _archive(path: Path, label: str, read: bool, limits: UploadLimits) -> Iterator[CollectedFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        yield CollectedFile(label, problem="压缩包已损坏或不是 zip 文件，无法打开")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > limits.max_zip_entries:
            count = f"{len(members):,} 个，上限 {limits.max_zip_entries:,} 个"
            message = f"压缩包内文件过多（{count}），未读取其中任何文件"
            yield CollectedFile(label, problem=message)
            return
        unpacked = 0
        for member in members:
            name = member.filename
            item = f"{label}:{name}"
            base = PurePosixPath(name.replace("\\", "/")).name
            suffix = PurePosixPath(base).suffix.lower()
            if unsafe_member(name):
                yield CollectedFile(item, problem="压缩包内的文件路径不安全（含 .. 或绝对路径），已拒绝")
                continue
            if base.startswith((".", "~$")) or name.startswith("__MACOSX/"):
                continue
            if suffix == ARCHIVE_SUFFIX:
                yield CollectedFile(item, problem="不读取压缩包内嵌套的压缩包，请先解压")
                continue
            if suffix not in SUFFIXES:
                continue
            if not read:
                yield CollectedFile(item)
                continue
            if unpacked > limits.max_unpacked_bytes:
                yield CollectedFile(item, problem=_unpacked_message(limits))
                continue
            data, problem = _read_member(archive, member, limits)
            unpacked += len(data)
            if problem is None and unpacked > limits.max_unpacked_bytes:
                problem = _unpacked_message(limits)
            yield CollectedFile(item, b"" if problem else data, problem)


def _unpacked_message(limits: UploadLimits) -> str:
    return f"压缩包解压后合计超过 {limits.max_unpacked_bytes // MiB:,} MB（疑似压缩炸弹），其余文件未读取"


def _read_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: UploadLimits
) -> tuple[bytes, str | None]:
    """The member's bytes, inflated a piece at a time and stopped past ``max_bytes``."""
    if member.flag_bits & 0x1:
        return b"", "压缩包内的文件已加密，无法读取"
    pieces: list[bytes] = []
    size = 0
    try:
        with archive.open(member) as stream:
            while piece := stream.read(_PIECE):
                size += len(piece)
                if size > limits.max_bytes:
                    name = PurePosixPath(member.filename).name
                    return b"", size_message(name, size, limits.max_bytes) + "（解压后）"
                pieces.append(piece)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        return b"", "压缩包内的文件已损坏，无法解压"
    if not size:
        return b"", "文件是空的"
    return b"".join(pieces), None
