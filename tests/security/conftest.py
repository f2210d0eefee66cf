"""The web fixtures (an app over the seed, named users of each role) for the security tests."""

from tests.web.conftest import _fast_password_hashing, app_factory, seeded_url

__all__ = ["_fast_password_hashing", "app_factory", "seeded_url"]
