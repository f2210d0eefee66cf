"""Which spellings can reach a similarity score at all: a character index in front of rapidfuzz.

`Suggester` scores a typed name against every spelling of the library with rapidfuzz's
``partial_ratio`` (cut off at 60). Scanning all of them costs tens of milliseconds at 100,000 tables,
although most share hardly a character with the name. ``partial_ratio`` ≥ 60 needs a longest common
subsequence of at least 3/7 of the shorter string (the window may be shorter than it: 200·LCS/(L+w) ≥
60 with LCS ≤ w gives LCS ≥ 3L/7), and the common subsequence can use no character the two do not
share. So a spelling is a candidate only when the typed name's characters it contains (counted as
often as the name has them) reach ⌈3·min(len)/7⌉ — a bound, never a guess: every spelling that can
score ≥ 60 passes, and rapidfuzz scores the candidates exactly as before.

The index is a bit set per character (Python integers, one bit per spelling) for common characters
and a compact array of positions for rare ones; counting is done on bit planes (a ripple-carry adder
over the sets), so a query costs a few dozen operations on integers of a few kilobytes.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence

DENSE_SHARE = 32  # a character in more than 1/32 of the spellings is kept as a bit set


class CharacterIndex:
    """Spellings by the characters they contain; `candidates` lists those that may score ≥ 60."""

    def __init__(self, choices: Sequence[str]) -> None:
        self.size = len(choices)
        postings: dict[str, array[int]] = {}
        lengths: dict[int, list[int]] = {}
        for position, choice in enumerate(choices):
            for character in set(choice):
                found = postings.get(character)
                if found is None:
                    found = postings[character] = array("I")
                found.append(position)
            lengths.setdefault(len(choice), []).append(position)
        dense_from = max(1, self.size // DENSE_SHARE)
        self.dense: dict[str, int] = {}
        self.sparse: dict[str, array[int]] = {}
        for character, found in postings.items():
            if len(found) >= dense_from:
                self.dense[character] = self._mask(found)
            else:
                self.sparse[character] = found
        self.by_length = {length: self._mask(found) for length, found in lengths.items()}
        self.everything = (1 << self.size) - 1

    def _mask(self, positions: Sequence[int]) -> int:
        bits = bytearray((self.size + 7) // 8)
        for position in positions:
            bits[position >> 3] |= 1 << (position & 7)
        return int.from_bytes(bits, "little")

    def _set_of(self, character: str) -> int:
        dense = self.dense.get(character)
        if dense is not None:
            return dense
        sparse = self.sparse.get(character)
        return self._mask(sparse) if sparse is not None else 0

    def candidates(self, query: str) -> list[int]:
        """Positions of the spellings that may reach ``partial_ratio`` ≥ 60 with ``query``, ascending."""
        planes: list[int] = []  # bit plane b holds bit b of each spelling's shared-character count
        for character in set(query):
            present = self._set_of(character)
            for _ in range(query.count(character)):
                carry = present
                for b in range(len(planes)):
                    planes[b], carry = planes[b] ^ carry, planes[b] & carry
                    if not carry:
                        break
                if carry:
                    planes.append(carry)
        wanted = 0
        for length, members in self.by_length.items():
            needed = -(-3 * min(length, len(query)) // 7)
            wanted |= members & self._at_least(planes, needed)
        return self._positions(wanted)

    def _at_least(self, planes: list[int], needed: int) -> int:
        """The spellings whose count (bit planes) is at least ``needed``."""
        if needed <= 0:
            return self.everything
        if needed >= 1 << len(planes):
            return 0
        # count ≥ needed ⇔ count > needed − 1: compare from the highest bit down
        limit = needed - 1
        greater, equal = 0, self.everything
        for b in range(len(planes) - 1, -1, -1):
            plane = planes[b]
            if (limit >> b) & 1:
                equal &= plane
            else:
                greater |= equal & plane
                equal &= ~plane
        return greater

    def _positions(self, mask: int) -> list[int]:
        found: list[int] = []
        data = mask.to_bytes((self.size + 7) // 8, "little")
        for match in _NON_ZERO.finditer(data):
            byte, base = match.group()[0], match.start() << 3
            found.extend(base + bit for bit in range(8) if byte >> bit & 1)
        return found


_NON_ZERO = re.compile(rb"[^\x00]")
