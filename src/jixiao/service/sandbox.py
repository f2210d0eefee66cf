"""Run one parse in a worker process with a time and a memory ceiling.

Reading an uploaded file is the one thing a user can make the server do that may take unbounded time
or memory (a workbook bomb, a PDF built to stall the parser). Done inside the web server it would
hold the event loop and share the server's memory; here it runs in a fresh interpreter
(``python -m jixiao.service.sandbox``) whose address space is capped with ``RLIMIT_AS`` and CPU time with
``RLIMIT_CPU``, and which the parent kills when the wall-clock time is up. The parent only waits
(call it from a thread, off the event loop) and gets back the result or `LimitExceeded` with a
Chinese message.

A fresh interpreter costs about half a second of imports per upload, which an import preview can
afford; in exchange nothing of the server (threads, locks, open connections) is forked.
"""

from __future__ import annotations

import importlib
import pickle
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from jixiao.readers.limits import LimitExceeded

T = TypeVar("T")

TIME_MESSAGE = "文件读取超时（超过 {seconds:g} 秒仍未读完），已停止；请检查文件是否异常，或拆分后再导入"
MEMORY_MESSAGE = "读取文件所需内存超过上限（{memory} MB），已停止；文件可能异常（如压缩炸弹），请检查后再导入"


def run_limited(function: Callable[..., T], *args: Any, seconds: float, memory_bytes: int | None) -> T:
    """``function(*args)`` in a child process; `LimitExceeded` if it takes longer than ``seconds`` or
    more than ``memory_bytes`` of address space (None: no cap). ``function`` must be a module-level
    function, and its arguments and result must pickle."""
    request = pickle.dumps((function.__module__, function.__qualname__, args, memory_bytes, seconds))
    child = subprocess.Popen(
        [sys.executable, "-m", "jixiao.service.sandbox"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        output, _ = child.communicate(request, timeout=seconds)
    except subprocess.TimeoutExpired:
        raise LimitExceeded(TIME_MESSAGE.format(seconds=seconds)) from None
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    memory = MEMORY_MESSAGE.format(memory=(memory_bytes or 0) // 1024 // 1024)
    if child.returncode == -signal.SIGXCPU:
        raise LimitExceeded(TIME_MESSAGE.format(seconds=seconds))
    try:
        kind, value = pickle.loads(output)
    except Exception:  # killed in native code (an allocation refused): nothing, or half, was written
        raise LimitExceeded(memory) from None
    if kind == "ok":
        result: T = value
        return result
    if kind == "memory":
        raise LimitExceeded(memory)
    if kind == "limit":
        raise LimitExceeded(value)
    raise RuntimeError(f"解析进程出错：{value}")


def _serve() -> None:
    """The child: read one request on stdin, set the ceilings, run it, write the outcome on stdout."""
    module, name, args, memory, seconds = pickle.loads(sys.stdin.buffer.read())
    if memory is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        function = getattr(importlib.import_module(module), name)
        outcome: tuple[str, Any] = ("ok", function(*args))
        payload = pickle.dumps(outcome)
    except MemoryError:
        payload = pickle.dumps(("memory", None))
    except LimitExceeded as exceeded:
        payload = pickle.dumps(("limit", exceeded.message))
    except Exception as error:  # a reader's bug: the parent reports it, without a traceback to the user
        payload = pickle.dumps(("error", f"{type(error).__name__}: {error}"[:500]))
    sys.stdout.buffer.write(payload)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _serve()
