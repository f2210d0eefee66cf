"""Counting a module's work without a clock, for tests that a hostile input costs linear work.

A test counts the work of the module under test (`count_work`) on the same hostile shape at sizes
that double: each doubling must at most about double the count (`assert_grows_linearly`). The count
does not depend on the machine's load, and a quadratic scan makes it four times larger, not a little
slower.

Two kinds of work are counted, both without a trace or profile hook (so coverage and debuggers keep
working):

- the module's Python loops, through its builtins: the module's own ``len``, ``range``, ``enumerate``,
  ``sum``, ``max`` … are shadowed by counting ones (a module global is found before a builtin), each call
  counting one and each item they walk through counting one;
- the calls of the module's own functions (not methods), each counting one: a loop over pairs that
  calls a helper for each is counted even where it walks a plain list;
- its regular expressions, whose work happens in C: each compiled pattern the module holds is wrapped,
  and each call counts the characters the engine may visit — the text of its match, and for a search
  each character it passes over and every start it gave up on times the longest text a match from
  there could have covered. A pattern of bounded width (``.{1,200}?``) or one that starts with
  a literal (``执行率``) is linear; one that can cover the whole rest of the text and starts anywhere
  (``[一-鿿]{2,}$`` on a long run of words) counts the square of the text, as the engine does.
"""

from __future__ import annotations

import builtins
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import FunctionType, ModuleType
from typing import Any

import pytest

# Builtins that walk their arguments' items: each item counts one.
_WALKING = ("range", "enumerate", "zip", "map", "reversed")
_CONSUMING = ("sum", "sorted", "any", "all")
_EXTREMES = ("max", "min")


class Work:
    """The steps counted on the modules it is installed on."""

    def __init__(self) -> None:
        self.steps = 0

    def install(self, monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> None:
        """Count the module's builtin calls and the items they walk, the calls of its own functions
        from anywhere (through the module), and its regexes' scanning."""
        monkeypatch.setattr(module, "len", self._len, raising=False)
        for name in _WALKING:
            monkeypatch.setattr(module, name, self._walking(getattr(builtins, name)), raising=False)
        for name in _CONSUMING:
            monkeypatch.setattr(module, name, self._consuming(getattr(builtins, name)), raising=False)
        monkeypatch.setattr(module, "filter", self._filter, raising=False)
        for name in _EXTREMES:
            monkeypatch.setattr(module, name, self._extreme(getattr(builtins, name)), raising=False)
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, CountedPattern(value, self))
            elif isinstance(value, FunctionType) and value.__module__ == module.__name__:
                monkeypatch.setattr(module, name, self._calls(value))

    def _calls(self, real: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(real)
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.steps += 1
            return real(*args, **kwargs)

        return counted

    def _each(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            self.steps += 1
            yield item

    def _len(self, obj: Any) -> int:
        self.steps += 1
        return len(obj)

    def _walking(self, real: Callable[..., Iterable[Any]]) -> Callable[..., Iterator[Any]]:
        return lambda *args, **kwargs: self._each(real(*args, **kwargs))

    def _filter(self, keep: Callable[[Any], Any] | None, items: Iterable[Any]) -> Iterator[Any]:
        return filter(keep, self._each(items))  # each item looked at, kept or not

    def _consuming(self, real: Callable[..., Any]) -> Callable[..., Any]:
        return lambda items, *args, **kwargs: real(self._each(items), *args, **kwargs)

    def _extreme(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def extreme(*args: Any, **kwargs: Any) -> Any:
            if len(args) == 1:
                return real(self._each(args[0]), **kwargs)
            self.steps += len(args)
            return real(*args, **kwargs)

        return extreme


def _sum_of_reach(nearest: int, farthest: int, width: int) -> int:
    """Σ min(width, r) for r from ``nearest`` to ``farthest``: the characters a pattern of that width
    may cover from starts that far from the end of the text."""
    if farthest < nearest:
        return 0
    short_top = min(farthest, width)
    short = (short_top * (short_top + 1) - (nearest - 1) * nearest) // 2 if short_top >= nearest else 0
    long = farthest - max(nearest, width + 1) + 1
    return short + max(long, 0) * width


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


def _first_class(items: list[Any]) -> str | None:
    """The inside of a character class (``[…]``) of every character a match of the parsed items can
    start with, or None where that is not plain to see (then a match may start anywhere)."""
    if not items:
        return None
    op, arg = items[0]
    name = str(op)
    if name == "LITERAL":
        return re.escape(chr(arg))
    if name == "IN":
        inner = []
        for kind, value in arg:
            if str(kind) == "LITERAL":
                inner.append(re.escape(chr(value)))
            elif str(kind) == "RANGE":
                inner.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif str(kind) == "CATEGORY" and str(value) in _CATEGORIES:
                inner.append(_CATEGORIES[str(value)])
            else:
                return None  # a negated class and the like: anywhere
        return "".join(inner)
    if name == "SUBPATTERN":
        return _first_class(list(arg[3]))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
        return _first_class(list(arg[2]))
    if name == "BRANCH":
        branches = [_first_class(list(branch)) for branch in arg[1]]
        return None if None in branches else "".join(b for b in branches if b is not None)
    return None


class CountedPattern:
    """A compiled pattern that adds to ``work`` the characters each of its calls may make the engine
    visit: one for the call and the text it matched; for a search, one for each character it passes
    over looking for a start, and for every start it may have tried there and given up on (a
    character a match can start with) the shorter of the pattern's widest match and the text left, as
    a failed try may read that far. A ``match`` is tried at one start, the caller's: a caller that
    tries many counts its own loop."""

    def __init__(self, real: re.Pattern[str], work: Work) -> None:
        self._real, self._work = real, work
        parsed = re._parser.parse(real.pattern, real.flags)  # type: ignore[attr-defined]
        self._width = min(parsed.getwidth()[1], sys.maxsize)
        first = None if real.flags & re.IGNORECASE else _first_class(list(parsed.data))
        self._starts = re.compile(f"[{first}]") if first else None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def _scan(self, text: str, pos: int, last: int, end: int, found: re.Match[str] | None = None) -> None:
        """Count the call, its match's text, and each start a search tried and gave up on, from
        ``pos`` up to ``last`` (the match's start, or the end where none was found)."""
        end = min(end, len(text))
        last = min(last, end)
        self._work.steps += 1 + (found.end() - found.start() if found else 0)
        if last <= pos:
            return
        self._work.steps += last - pos  # each character passed over looking for a start
        if self._starts is None:
            self._work.steps += _sum_of_reach(end - last + 1, end - pos, self._width)
            return
        for start in self._starts.finditer(text, pos, last):
            self._work.steps += min(self._width, end - start.start())

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = self._real.match(text, pos, endpos)
        self._scan(text, pos, pos, endpos, found)
        return found

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = self._real.fullmatch(text, pos, endpos)
        self._scan(text, pos, pos, endpos, found)
        return found

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = self._real.search(text, pos, endpos)
        self._scan(text, pos, found.start() if found else endpos, endpos, found)
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        self._scan(text, pos, endpos, endpos)
        return self._real.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        self._scan(text, pos, endpos, endpos)
        return self._real.findall(text, pos, endpos)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        self._scan(text, 0, sys.maxsize, sys.maxsize)
        return self._real.split(text, maxsplit)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        self._scan(text, 0, sys.maxsize, sys.maxsize)
        return self._real.sub(repl, text, count)


def count_work(modules: Iterable[ModuleType], read: Callable[[], Any]) -> tuple[Any, int]:
    """What ``read`` returns and the steps it took in the modules, counted as `Work` does; the
    counters are removed after."""
    work = Work()
    with pytest.MonkeyPatch.context() as patched:
        for module in modules:
            work.install(patched, module)
        result = read()
    return result, work.steps


def assert_grows_linearly(sizes: Sequence[int], work_at: Callable[[int], int], slack: float = 2.2) -> None:
    """``work_at`` each size in turn at most ``slack`` times the work of the size before: for sizes
    that double, 2 is exactly linear; a bounded read (a work limit) asks for a slack near 1. Checked
    as it goes, so a quadratic read fails at once."""
    counts: list[int] = []
    for size in sizes:
        counts.append(work_at(size))
        assert counts[-1] > 0, "nothing counted: the counters are not on the modules doing the work"
        if len(counts) > 1:
            assert counts[-1] <= slack * counts[-2], f"work {counts} for sizes {sizes}"
