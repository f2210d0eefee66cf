"""The store's own errors: the service turns them into messages for users (the store never speaks Chinese)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError


class Conflict(Exception):
    """Someone else changed the same rows first: an optimistic lock or a unique key lost a race."""


@contextmanager
def integrity_as_conflict() -> Iterator[None]:
    """A database integrity error (two writers, one unique key) raised as `Conflict`."""
    try:
        yield
    except IntegrityError as why:
        raise Conflict(str(why.orig)) from None
