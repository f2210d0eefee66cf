"""Growth of reading time with the input, for `python -m benchmarks fuzz`: a document's table rows
repeated 1×, 2×, 4×, 8× … and read each time through the public entry; a last doubling that costs far
more than twice the CPU time is super-linear work (a quadratic scan, a search without a work limit).

The rows are doubled until a read is long enough to time, and the last doubling is judged. A text
document's rows are its middle third of lines; an HTML page's are the ``<tr>`` elements of its
middle third. Each size is read with the same call as a user's upload (`read_and_review`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

_ROW = re.compile(rb"<tr[\s>].*?</tr>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class Growth:
    """The CPU seconds of one document at each size, and the exponent of its last doubling."""

    document: str
    seconds: tuple[float, ...]
    sizes: tuple[int, ...]

    @property
    def last_ratio(self) -> float:
        return self.seconds[-1] / max(self.seconds[-2], 1e-4)

    @property
    def exponent(self) -> float:
        """The time's growth per doubling over the last two doublings (one where only one was
        measured), as a power of two: 1 is linear, 2 quadratic."""
        steps = min(2, len(self.seconds) - 1)
        ratio = self.seconds[-1] / max(self.seconds[-1 - steps], 1e-4)
        return math.log2(max(ratio, 1e-9)) / steps


def repeat_rows(data: bytes, suffix: str, times: int) -> bytes | None:
    """The document with its middle rows written ``times`` times over; None where it has none."""
    if suffix in (".html", ".htm"):
        rows = list(_ROW.finditer(data))
        if len(rows) < 3:
            return None
        first, last = rows[len(rows) // 3], rows[2 * len(rows) // 3]
        block = data[first.start() : last.end()]
        return data[: first.start()] + block * times + data[last.end() :]
    lines = data.split(b"\n")
    if len(lines) < 6:
        return None
    start, end = len(lines) // 3, 2 * len(lines) // 3
    return b"\n".join([*lines[:start], *lines[start:end] * times, *lines[end:]])


def measure(
    document: str,
    data: bytes,
    suffix: str,
    read: Callable[[bytes, str], float],
    name: str,
    most: int,
    floor: float,
    cap: float,
) -> Growth | None:
    """The CPU seconds ``read`` takes (of the bytes and the file's ``name``) with the rows repeated
    1×, 2×, 4× …: doubled until a read takes ``floor`` seconds (then twice more, so the last two
    doublings are measured on reads long enough to time), or ``most`` times, or a read passes ``cap``."""
    seconds: list[float] = []
    done: list[int] = []
    times, past_floor = 1, 0
    while times <= most and past_floor < 3:
        grown = repeat_rows(data, suffix, times)
        if grown is None:
            return None
        spent = read(grown, name)
        if spent >= floor / 2 and spent <= cap:
            spent = min(spent, read(grown, name))  # the better of two: a collection or a cache fill
        seconds.append(spent)
        done.append(times)
        if spent > cap:
            break
        past_floor += spent >= floor
        times *= 2
    if len(seconds) < 2:
        return None
    return Growth(document, tuple(seconds), tuple(done))


def super_linear(growth: Growth, floor: float = 0.2, exponent: float = 1.5) -> bool:
    """A last doubling well above linear (2^1.5 ≈ 2.8×), on a read long enough to measure."""
    return growth.seconds[-1] >= floor and growth.exponent > exponent
