"""Reading an uploaded file safely: the limits checked, then parsed in a worker with a ceiling.

The web app reads every upload through `read_upload`: the file's size is checked here; reading and
reviewing (`jixiao.service.reading.read_and_review`, whose reader checks the content limits first)
run in a child process capped in time and memory (`jixiao.service.sandbox`). Whatever the file does,
the answer is a `FileReport`, refused with a Chinese reason when a limit was passed; the caller's
event loop only waits. ``jixiao import`` reads in-process with the same content limits.
"""

from __future__ import annotations

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.detect import Format, detect_format
from jixiao.readers.limits import DEFAULT_LIMITS, LimitExceeded, UploadLimits, size_message
from jixiao.readers.text import FILE_PROBLEM
from jixiao.service.reading import FileReport, read_and_review
from jixiao.service.sandbox import run_limited


def read_upload(data: bytes, file: str, limits: UploadLimits = DEFAULT_LIMITS) -> FileReport:
    """`read_and_review` of an upload, in a worker process within ``limits``."""
    if len(data) > limits.max_bytes:
        message = size_message(file, len(data), limits.max_bytes)
        return FileReport(file=file, problems=[Diagnostic(FILE_PROBLEM, Severity.ERROR, message)])
    office = detect_format(data, file) in (Format.DOC, Format.LEGACY_SHEET)  # LibreOffice first
    try:
        report: FileReport = run_limited(
            read_and_review,
            data,
            file,
            limits,
            seconds=limits.office_parse_seconds if office else limits.parse_seconds,
            memory_bytes=None if office else limits.parse_memory_bytes,
        )
    except LimitExceeded as exceeded:
        problem = Diagnostic(FILE_PROBLEM, Severity.ERROR, exceeded.message, SourceRef(file))
        return FileReport(file=file, problems=[problem])
    return report
